#include "client/text.h"

#include <string>

namespace aircargo::client {
namespace {

bool IsContinuationByte(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

bool IsSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

}  // namespace

std::size_t DisplayWidth(std::string_view utf8) {
  std::size_t width = 0;
  for (char c : utf8) {
    if (!IsContinuationByte(c)) ++width;
  }
  return width;
}

std::string Ellipsize(std::string_view utf8, std::size_t max_width) {
  if (DisplayWidth(utf8) <= max_width) return std::string(utf8);
  if (max_width == 0) return "";
  // Find the byte where code point number max_width - 1 starts: everything before it is kept.
  std::size_t kept = 0;
  std::size_t end = 0;
  for (; end < utf8.size(); ++end) {
    if (!IsContinuationByte(utf8[end])) {
      if (kept == max_width - 1) break;
      ++kept;
    }
  }
  std::string out(utf8.substr(0, end));
  while (!out.empty() && IsSpace(out.back())) out.pop_back();
  out += "…";
  return out;
}

std::string OneLine(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool pending_space = false;
  for (char c : text) {
    if (IsSpace(c)) {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out += ' ';
    pending_space = false;
    out += c;
  }
  return out;
}

std::string ToUpperAscii(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return out;
}

std::string ToLowerAscii(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

}  // namespace aircargo::client
