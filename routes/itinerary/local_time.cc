#include "routes/itinerary/local_time.h"

#include <date/date.h>
#include <date/tz.h>

#include <charconv>
#include <cstdio>
#include <optional>
#include <stdexcept>
#include <string>

namespace aircargo::routes {
namespace {

const date::time_zone* Zone(const void* zone) { return static_cast<const date::time_zone*>(zone); }

// Reads exactly `width` digits at text[pos]; nullopt otherwise.
std::optional<int> Digits(std::string_view text, std::size_t pos, std::size_t width) {
  if (pos + width > text.size()) return std::nullopt;
  int value = 0;
  for (std::size_t i = pos; i < pos + width; ++i) {
    if (text[i] < '0' || text[i] > '9') return std::nullopt;
    value = value * 10 + (text[i] - '0');
  }
  return value;
}

struct Clock {
  std::chrono::local_seconds local;
  std::size_t end = 0;  // index after the parsed part
};

// "YYYY-MM-DD[ T]HH:MM[:SS]" at the start of `text`.
std::optional<Clock> ParseClock(std::string_view text, bool allow_seconds) {
  const auto year = Digits(text, 0, 4);
  const auto month = Digits(text, 5, 2);
  const auto day = Digits(text, 8, 2);
  const auto hour = Digits(text, 11, 2);
  const auto minute = Digits(text, 14, 2);
  if (!year || !month || !day || !hour || !minute || text[4] != '-' || text[7] != '-' ||
      (text[10] != ' ' && text[10] != 'T' && text[10] != 't') || text[13] != ':') {
    return std::nullopt;
  }
  int second = 0;
  std::size_t end = 16;
  if (allow_seconds && text.size() > 16 && text[16] == ':') {
    const auto s = Digits(text, 17, 2);
    if (!s || *s > 59) return std::nullopt;
    second = *s;
    end = 19;
  }
  const std::chrono::year_month_day date{std::chrono::year{*year},
                                         std::chrono::month{static_cast<unsigned>(*month)},
                                         std::chrono::day{static_cast<unsigned>(*day)}};
  if (!date.ok() || *hour > 23 || *minute > 59) return std::nullopt;
  const auto local = std::chrono::local_days{date} + std::chrono::hours{*hour} +
                     std::chrono::minutes{*minute} + std::chrono::seconds{second};
  return Clock{local, end};
}

// Answers format thousands of instants (a world schedule-capacity answer books ~10k flights, each
// with local and UTC times); date::format goes through an ostream and its locale facets, which was
// ~14 % of such a request's server time. Years 0..9999 are written from these fields, the same
// text (tests/routes/itinerary/dated_flights_test.cc compares the two); others keep date::format.
struct Civil {
  int year = 0;
  unsigned month = 0;
  unsigned day = 0;
  unsigned seconds_of_day = 0;
};
std::optional<Civil> CivilTime(std::chrono::sys_seconds instant) {
  const auto day_start = std::chrono::floor<std::chrono::days>(instant);
  const std::chrono::year_month_day ymd{day_start};
  const int year = static_cast<int>(ymd.year());
  if (year < 0 || year > 9999) return std::nullopt;
  return Civil{year, static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
               static_cast<unsigned>((instant - day_start).count())};
}

}  // namespace

Result<TimeZone> TimeZone::Find(std::string_view name, std::string_view field) {
  try {
    if (!name.empty()) {
      if (const date::time_zone* zone = date::locate_zone(std::string(name))) return TimeZone(zone);
    }
  } catch (const std::runtime_error&) {  // date/tz reports unknown names by throwing
  }
  return InvalidArgument(std::string(field),
                         "unknown IANA time zone \"" + std::string(name) + "\"");
}

const std::string& TimeZone::name() const { return Zone(zone_)->name(); }

std::chrono::minutes TimeZone::OffsetAt(std::chrono::sys_seconds instant) const {
  return std::chrono::duration_cast<std::chrono::minutes>(Zone(zone_)->get_info(instant).offset);
}

std::chrono::local_seconds TimeZone::ToLocal(std::chrono::sys_seconds instant) const {
  return std::chrono::local_seconds{Zone(zone_)->to_local(instant).time_since_epoch()};
}

std::chrono::sys_seconds TimeZone::ToUtc(std::chrono::local_seconds local) const {
  // choose::earliest: the first of two repeated times; a skipped time maps to the gap's end.
  return Zone(zone_)->to_sys(date::local_seconds{local.time_since_epoch()}, date::choose::earliest);
}

std::optional<std::chrono::local_seconds> ParseLocalDateTime(std::string_view text) {
  const auto clock = ParseClock(text, /*allow_seconds=*/false);
  if (!clock || clock->end != text.size()) return std::nullopt;
  return clock->local;
}

std::optional<std::chrono::sys_seconds> ParseRfc3339(std::string_view text) {
  const auto clock = ParseClock(text, /*allow_seconds=*/true);
  if (!clock || (text[10] != 'T' && text[10] != 't')) return std::nullopt;
  const std::string_view zone = text.substr(clock->end);
  const std::chrono::sys_seconds as_utc{clock->local.time_since_epoch()};
  if (zone == "Z" || zone == "z") return as_utc;
  if (zone.size() != 6 || (zone[0] != '+' && zone[0] != '-') || zone[3] != ':') {
    return std::nullopt;
  }
  const auto hours = Digits(zone, 1, 2);
  const auto minutes = Digits(zone, 4, 2);
  if (!hours || !minutes || *hours > 23 || *minutes > 59) return std::nullopt;
  const std::chrono::minutes offset{(*hours * 60 + *minutes) * (zone[0] == '-' ? -1 : 1)};
  return as_utc - offset;
}

std::string FormatUtc(std::chrono::sys_seconds instant) {
  const std::optional<Civil> t = CivilTime(instant);
  if (!t) return date::format("%Y-%m-%dT%H:%M:%SZ", instant);
  char text[64];
  std::snprintf(text, sizeof text, "%04d-%02u-%02uT%02u:%02u:%02uZ", t->year, t->month, t->day,
                t->seconds_of_day / 3600, t->seconds_of_day / 60 % 60, t->seconds_of_day % 60);
  return text;
}

std::string FormatUtcOffset(std::chrono::minutes offset) {
  const long total = offset.count();
  const int magnitude = static_cast<int>((total < 0 ? -total : total) % (100 * 60));
  char text[32];
  std::snprintf(text, sizeof text, "%c%02d:%02d", total < 0 ? '-' : '+', magnitude / 60,
                magnitude % 60);
  return text;
}

std::string FormatLocal(std::chrono::sys_seconds instant, std::chrono::minutes offset) {
  const std::chrono::sys_seconds shifted = instant + offset;
  const std::optional<Civil> t = CivilTime(shifted);
  if (!t) {
    return date::format("%Y-%m-%d %H:%M ", std::chrono::floor<std::chrono::minutes>(shifted)) +
           FormatUtcOffset(offset);
  }
  char text[64];
  std::snprintf(text, sizeof text, "%04d-%02u-%02u %02u:%02u ", t->year, t->month, t->day,
                t->seconds_of_day / 3600, t->seconds_of_day / 60 % 60);
  return text + FormatUtcOffset(offset);
}

}  // namespace aircargo::routes
