// Numbers as the CLI prints them: counts with thousands separators, kilograms as tonnes with one
// decimal, durations in seconds. Pure functions; the core's units are integer kilograms and
// minutes, so nothing here rounds a value the server computed, only its display.
#pragma once

#include <cstdint>
#include <string>

namespace aircargo::client {

// 1234567 -> "1,234,567"; -1500 -> "-1,500".
std::string FormatCount(std::int64_t value);

// Kilograms as tonnes rounded half away from zero to 0.1 t, grouped like FormatCount:
// 43500 -> "43.5", 120000 -> "120.0", 1234567 -> "1,234.6". One decimal always, so tonnes line up
// in right-aligned table columns.
std::string FormatTonnes(std::int64_t kilograms);

// A duration for messages: 10 -> "10s", 2.5 -> "2.5s", 0.25 -> "0.25s".
std::string FormatSeconds(double seconds);

// Degrees with four decimals (about 11 m): 41.6398 -> "41.6398".
std::string FormatDegrees(double degrees);

}  // namespace aircargo::client
