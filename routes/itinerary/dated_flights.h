// Dated flights: a route's weekly departures (weekday + local time at the origin airport) expanded
// into the flights of a time window, as UTC instants. The origin's IANA zone decides each
// departure instant (so a 23:00 departure stays 23:00 local across a DST change and its UTC time
// moves); the arrival instant is departure + block_minutes, shown later in the destination's zone.
//
// Routes that list no departures (only flights_per_week): the flights are spread evenly over the
// week from Monday 00:00 local, i.e. flight i of n leaves at minute floor(i x 10080 / n) of the
// local week. A departure time skipped by a DST gap leaves when the gap ends (local_time.h).
// Flights of a route whose effective_from lies after the flight's local date, or whose
// effective_to lies before it, are left out.
// Pure functions; thread-safe.
#pragma once

#include <chrono>
#include <vector>

#include "routes/ids.h"
#include "routes/itinerary/local_time.h"
#include "routes/route.h"
#include "routes/route_set.h"
#include "routes/scenario_view.h"
#include "routes/stop_check.h"

namespace aircargo::routes {

struct DatedFlight {
  RouteId route;
  AirportId origin;
  AirportId destination;
  std::chrono::sys_seconds departure;  // UTC
  std::chrono::sys_seconds arrival;    // UTC: departure + block_minutes
  std::chrono::year_month_day date;    // the flight date: departure's local date at the origin
  std::int64_t payload_kg = 0;         // the route's per-flight payload
};

// The weekly departures of `route`: its own, or the evenly spread ones described above.
std::vector<Departure> WeeklyDepartures(const Route& route);

// Flights of `route` leaving in [from, to] (UTC), sorted by departure. `origin_zone` is the zone
// of route.origin.
std::vector<DatedFlight> ExpandRoute(RouteId id, const Route& route, const TimeZone& origin_zone,
                                     std::chrono::sys_seconds from, std::chrono::sys_seconds to);

// What ExpandView leaves out, besides the view's unusable routes.
struct FlightFilter {
  std::int64_t min_payload_kg = 0;  // routes whose per-flight payload is smaller are skipped
  // When set, the routes not in it are left out silently (and not visited at all).
  const RouteSet* only_routes = nullptr;
};

struct DatedTimetable {
  // Every usable flight in the window, sorted by departure; a SelectFlights call with a copy limit
  // leaves out those leaving after it (a prefix of the whole window's list).
  std::vector<DatedFlight> flights;
  std::vector<RouteId> payload_too_small;  // usable routes skipped for their payload
  std::size_t window_flights = 0;          // flights in the whole window, copied or not
  bool truncated() const { return flights.size() < window_flights; }
};

// Every usable route of `view` expanded over [from, to]. Errors: INVALID_ARGUMENT for an airport
// whose time zone is unknown (field "airports[<IATA>].time_zone"), DEADLINE_EXCEEDED/CANCELLED
// from `stop`.
Result<DatedTimetable> ExpandView(const ScenarioView& view, std::chrono::sys_seconds from,
                                  std::chrono::sys_seconds to, const FlightFilter& filter,
                                  StopCheck& stop);

}  // namespace aircargo::routes
