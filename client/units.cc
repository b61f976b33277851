#include "client/units.h"

#include <cstdio>
#include <string>

namespace aircargo::client {
namespace {

// Digits of a non-negative value with a comma every three digits from the right.
std::string GroupDigits(std::uint64_t value) {
  std::string digits = std::to_string(value);
  std::string out;
  out.reserve(digits.size() + digits.size() / 3);
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

// |value| without overflow for INT64_MIN.
std::uint64_t Magnitude(std::int64_t value) {
  return value < 0 ? 0 - static_cast<std::uint64_t>(value) : static_cast<std::uint64_t>(value);
}

}  // namespace

std::string FormatCount(std::int64_t value) {
  return (value < 0 ? "-" : "") + GroupDigits(Magnitude(value));
}

std::string FormatTonnes(std::int64_t kilograms) {
  const std::uint64_t tenths = (Magnitude(kilograms) + 50) / 100;  // 100 kg = 0.1 t
  std::string out = (kilograms < 0 && tenths > 0) ? "-" : "";
  out += GroupDigits(tenths / 10);
  out += '.';
  out += static_cast<char>('0' + tenths % 10);
  return out;
}

std::string FormatSeconds(double seconds) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%gs", seconds);
  return buffer;
}

std::string FormatDegrees(double degrees) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.4f", degrees);
  return buffer;
}

}  // namespace aircargo::client
