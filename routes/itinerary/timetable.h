// Timetable: the dated flights of one ScenarioView over one UTC week (Monday 00:00 UTC up to the
// next Monday 00:00 UTC, departures in [week_start, week_start + 7 days)), expanded once
// (dated_flights.h: same flights, same local-time and DST rules as ExpandRoute) and sorted as the
// connection scan wants them: by departure, then arrival, then route id. Per route it also keeps
// the positions of its flights, so a request that reads a few routes over a sub-range of the week
// finds them by binary search instead of expanding them again.
//
// A Timetable is built once per (snapshot, shared view, week) by TimetableCache
// (timetable_cache.h) and shared by every request on that view; SelectFlights answers a request
// from consecutive weeks exactly as ExpandView would from the view (same flights, same order, same
// payload_too_small list, same errors).
//
// Memory: 12 bytes per dated flight plus 4 bytes per flight for the per-route positions and 32
// bytes per route (the OpenFlights world network with 7 flights a week per route: ~470,000
// flights, ~9 MB per week). Immutable once built: thread-safe to read from any number of threads.
// It copies what it needs from the view (it does not keep the view or its network alive).
#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <utility>
#include <vector>

#include "routes/itinerary/dated_flights.h"
#include "routes/result.h"
#include "routes/scenario_view.h"
#include "routes/stop_check.h"

namespace aircargo::routes {

// Whether SelectFlights counts window_flights (kSkip leaves it 0: a later slice of a window whose
// count the first slice gave).
enum class WindowCount { kCount, kSkip };

class Timetable {
 public:
  static constexpr std::chrono::days kWeek{7};

  // Monday 00:00 UTC on or before `instant`.
  static std::chrono::sys_seconds WeekStart(std::chrono::sys_seconds instant);

  // The flights of every usable route of `view` leaving in [week_start, week_start + 7 days);
  // `week_start` must be a WeekStart (INVALID_ARGUMENT "week_start" otherwise). A route whose
  // origin time zone is unknown gets no flights here; SelectFlights reports it as ExpandView
  // would (when the route is selected). DEADLINE_EXCEEDED / CANCELLED from `stop`.
  static Result<std::shared_ptr<const Timetable>> Build(const ScenarioView& view,
                                                        std::chrono::sys_seconds week_start,
                                                        StopCheck& stop);

  std::chrono::sys_seconds week_start() const { return week_start_; }
  // The first instant after the week: departures are < week_end().
  std::chrono::sys_seconds week_end() const { return week_start_ + kWeek; }
  std::size_t flight_count() const { return flights_.size(); }
  std::size_t route_count() const { return routes_.size(); }
  // Heap bytes held (for the cache's budget).
  std::size_t bytes() const;

  // The flight at `position` (0 .. flight_count() - 1, sorted order).
  DatedFlight flight(std::size_t position) const;

 private:
  friend Result<DatedTimetable> SelectFlights(
      const std::vector<std::shared_ptr<const Timetable>>& weeks, std::chrono::sys_seconds from,
      std::chrono::sys_seconds to, const FlightFilter& filter, StopCheck& stop,
      std::chrono::sys_seconds copy_until, std::chrono::sys_seconds copy_after, WindowCount count);

  struct CompactFlight {
    std::uint32_t route;
    std::int32_t departure;            // seconds after week_start
    std::chrono::year_month_day date;  // the departure's local date at the origin (4 bytes)
  };
  struct RouteInfo {
    AirportId origin;
    AirportId destination;
    std::int32_t block_minutes = 0;
    bool usable = false;
    std::int32_t zone_error = -1;  // index in zone_errors_ when the origin's zone is unknown
    std::int64_t payload_kg = 0;
  };

  Timetable() = default;

  std::chrono::sys_seconds week_start_{};
  std::vector<CompactFlight> flights_;
  std::vector<RouteInfo> routes_;
  // Positions in flights_ of route r's flights (ascending): positions_[first_[r] .. first_[r+1]).
  std::vector<std::uint32_t> first_;
  std::vector<std::uint32_t> positions_;
  std::vector<Error> zone_errors_;  // ExpandView's error for each origin with an unknown zone
};

using TimetableWeeks = std::vector<std::shared_ptr<const Timetable>>;

// The same result as ExpandView(view, from, to, filter, stop) where `weeks` were built from
// `view`: consecutive weeks (each starting where the previous ends) whose span holds [from, to]
// (INTERNAL when they do not). Errors as ExpandView's: INVALID_ARGUMENT naming
// "airports[<IATA>].time_zone" for a selected route whose origin zone is unknown,
// DEADLINE_EXCEEDED / CANCELLED from `stop`. Work: O(routes + selected flights + flights in
// [from, to] / 64), no time zone conversion.
//
// With `copy_until` before `to`, only the flights leaving up to `copy_until` are copied, and with
// `copy_after` at or after `from` only those leaving after it: a slice of the whole list, so
// consecutive slices append into it. window_flights still counts every selected flight in
// [from, to] (binary searches per route and partial week, no pass over the flights beyond)
// unless `count` is kSkip: PlanItinerary reads the first days of a long horizon first and only
// adds later days when its scan needs them.
Result<DatedTimetable> SelectFlights(
    const TimetableWeeks& weeks, std::chrono::sys_seconds from, std::chrono::sys_seconds to,
    const FlightFilter& filter, StopCheck& stop,
    std::chrono::sys_seconds copy_until = std::chrono::sys_seconds::max(),
    std::chrono::sys_seconds copy_after = std::chrono::sys_seconds::min(),
    WindowCount count = WindowCount::kCount);

}  // namespace aircargo::routes
