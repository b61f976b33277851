// Small text helpers for terminal output: display width of UTF-8 text, truncation with an
// ellipsis, folding text onto one line, ASCII case mapping. Pure functions.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace aircargo::client {

// The number of code points in UTF-8 text: the column count on a terminal for the Latin, Greek and
// Cyrillic names airports carry (wide CJK characters count as one).
std::size_t DisplayWidth(std::string_view utf8);

// `utf8` when it is at most `max_width` code points; otherwise its first max_width - 1 code points
// (trailing spaces dropped) followed by "…". Never cuts a code point in half.
std::string Ellipsize(std::string_view utf8, std::size_t max_width);

// `text` with every run of whitespace (newlines and tabs included) replaced by one space and no
// leading or trailing whitespace.
std::string OneLine(std::string_view text);

// ASCII letters mapped to upper / lower case; other bytes unchanged.
std::string ToUpperAscii(std::string_view text);
std::string ToLowerAscii(std::string_view text);

}  // namespace aircargo::client
