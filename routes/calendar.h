// Calendar values used by routes and scenarios: weekdays, ISO dates and local times of day, with
// their strict parsers. Parsers return std::nullopt on any malformed or impossible value.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace aircargo::routes {

// ISO 8601 numbering (Monday = 1 .. Sunday = 7): the calendar arithmetic of dated flights uses it.
// The proto's numbers map in one exhaustive switch (formats/network_proto.h).
enum class Weekday { kMonday = 1, kTuesday, kWednesday, kThursday, kFriday, kSaturday, kSunday };

// "Mon".."Sun".
const char* WeekdayShortName(Weekday day);

// Parses "YYYY-MM-DD" (exactly that shape) into a valid calendar date.
std::optional<std::chrono::year_month_day> ParseIsoDate(std::string_view text);
// Formats a date as "YYYY-MM-DD".
std::string FormatIsoDate(std::chrono::year_month_day date);

// Parses "HH:MM" (00:00 to 23:59) into minutes after midnight.
std::optional<int> ParseLocalTime(std::string_view text);
// Formats minutes after midnight as "HH:MM".
std::string FormatLocalTime(int minute_of_day);

}  // namespace aircargo::routes
