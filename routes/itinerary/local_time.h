// Local clock times at airports: conversions between UTC instants and an IANA zone's local time
// (through howardhinnant date/tz and the system's time zone database, never fixed offsets), and
// the text forms itineraries use: "2025-06-02 09:00 +08:00" locally, "2025-06-02T01:00:00Z" in UTC
// (RFC 3339).
//
// Instants are std::chrono::sys_seconds (UTC); local clock times are std::chrono::local_seconds.
// DST rules for local -> UTC: a time skipped by a spring-forward gap maps to the instant the gap
// ends (02:30 on a 02:00 -> 03:00 night is 03:00 new time); a time repeated by a fall-back overlap
// maps to its first (earlier, summer-time) occurrence. Unknown zones are INVALID_ARGUMENT naming
// `field`. Thread-safe (the zone database loads once, on first use).
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include "routes/result.h"

namespace aircargo::routes {

// An IANA zone resolved once; cheap to copy. Opaque so that headers need no date/tz include.
class TimeZone {
 public:
  // INVALID_ARGUMENT naming `field` when `name` is no zone of the database.
  static Result<TimeZone> Find(std::string_view name, std::string_view field = "time_zone");

  const std::string& name() const;
  // The zone's UTC offset at `instant` (+08:00 -> 480 minutes).
  std::chrono::minutes OffsetAt(std::chrono::sys_seconds instant) const;
  // UTC -> local clock time.
  std::chrono::local_seconds ToLocal(std::chrono::sys_seconds instant) const;
  // Local clock time -> UTC, with the DST rules above.
  std::chrono::sys_seconds ToUtc(std::chrono::local_seconds local) const;

 private:
  explicit TimeZone(const void* zone) : zone_(zone) {}
  const void* zone_ = nullptr;  // const date::time_zone*, owned by the database
};

// "YYYY-MM-DD HH:MM" (or with 'T' between), a local clock time; nullopt when malformed or
// impossible (2025-02-30).
std::optional<std::chrono::local_seconds> ParseLocalDateTime(std::string_view text);
// RFC 3339 with an explicit zone: "2025-06-02T01:00:00Z", "2025-06-02T09:00:00+08:00", seconds
// optional, fractional seconds not accepted; nullopt otherwise.
std::optional<std::chrono::sys_seconds> ParseRfc3339(std::string_view text);

// "2025-06-02T01:00:00Z".
std::string FormatUtc(std::chrono::sys_seconds instant);
// "+08:00", "-07:00", "+05:45".
std::string FormatUtcOffset(std::chrono::minutes offset);
// The local clock time at `offset`: "2025-06-02 09:00 +08:00".
std::string FormatLocal(std::chrono::sys_seconds instant, std::chrono::minutes offset);

}  // namespace aircargo::routes
