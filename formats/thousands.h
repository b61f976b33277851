// WithThousands: an integer with a comma every three digits ("66,934"), for the importers'
// one-line summaries. Pure; thread safe.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

namespace aircargo::formats {

inline std::string WithThousands(std::int64_t n) {
  std::string digits = std::to_string(n < 0 ? -n : n);
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out.push_back(',');
    out.push_back(digits[i]);
  }
  return n < 0 ? "-" + out : out;
}

}  // namespace aircargo::formats
