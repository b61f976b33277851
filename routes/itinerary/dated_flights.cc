#include "routes/itinerary/dated_flights.h"

#include <algorithm>
#include <tuple>

#include "routes/itinerary/airport_zones.h"

namespace aircargo::routes {
namespace {

constexpr int kMinutesPerWeek = 7 * 24 * 60;

// Monday of the week holding `day` (ISO weeks: Monday first).
std::chrono::local_days MondayOf(std::chrono::local_days day) {
  const std::chrono::weekday wd{day};
  const unsigned days_since_monday = (wd.c_encoding() + 6) % 7;
  return day - std::chrono::days{days_since_monday};
}

}  // namespace

std::vector<Departure> WeeklyDepartures(const Route& route) {
  if (!route.departures.empty() || route.flights_per_week <= 0) return route.departures;
  std::vector<Departure> spread;
  const int n = route.flights_per_week;
  for (int i = 0; i < n; ++i) {
    const int minute_of_week = static_cast<int>(static_cast<long>(i) * kMinutesPerWeek / n);
    spread.push_back({static_cast<Weekday>(minute_of_week / 1440 + 1), minute_of_week % 1440});
  }
  return spread;
}

std::vector<DatedFlight> ExpandRoute(RouteId id, const Route& route, const TimeZone& origin_zone,
                                     std::chrono::sys_seconds from, std::chrono::sys_seconds to) {
  std::vector<DatedFlight> flights;
  if (to < from) return flights;
  const std::vector<Departure> departures = WeeklyDepartures(route);
  // Local weeks covering the window, with a day of slack for the widest UTC offsets.
  const auto first_day =
      std::chrono::floor<std::chrono::days>(origin_zone.ToLocal(from)) - std::chrono::days{1};
  const auto last_day =
      std::chrono::floor<std::chrono::days>(origin_zone.ToLocal(to)) + std::chrono::days{1};
  for (auto monday = MondayOf(first_day); monday <= last_day; monday += std::chrono::days{7}) {
    for (const Departure& dep : departures) {
      const std::chrono::local_days day =
          monday + std::chrono::days{static_cast<int>(dep.weekday) - 1};
      const std::chrono::year_month_day date{day};
      if (route.effective_from && date < *route.effective_from) continue;
      if (route.effective_to && date > *route.effective_to) continue;
      const std::chrono::sys_seconds departure =
          origin_zone.ToUtc(day + std::chrono::minutes{dep.minute_of_day});
      if (departure < from || departure > to) continue;
      flights.push_back({id, route.origin, route.destination, departure,
                         departure + std::chrono::minutes{route.block_minutes}, date,
                         route.payload_kg});
    }
  }
  std::sort(flights.begin(), flights.end(),
            [](const DatedFlight& a, const DatedFlight& b) { return a.departure < b.departure; });
  return flights;
}

Result<DatedTimetable> ExpandView(const ScenarioView& view, std::chrono::sys_seconds from,
                                  std::chrono::sys_seconds to, const FlightFilter& filter,
                                  StopCheck& stop) {
  const Network& network = view.network();
  AirportZones zones(network);
  DatedTimetable table;
  for (std::uint32_t r = 0; r < view.route_count(); ++r) {
    const RouteId id{r};
    if (!view.usable(id)) continue;
    if (filter.only_routes != nullptr && !filter.only_routes->Contains(id)) continue;
    if (auto error = stop.Poll()) return *error;
    const Route& route = view.route(id);
    if (route.payload_kg < filter.min_payload_kg) {
      table.payload_too_small.push_back(id);
      continue;
    }
    auto zone = zones.Of(route.origin);
    if (!zone.ok()) return zone.error();
    std::vector<DatedFlight> flights = ExpandRoute(id, route, **zone, from, to);
    table.flights.insert(table.flights.end(), flights.begin(), flights.end());
  }
  std::sort(table.flights.begin(), table.flights.end(),
            [](const DatedFlight& a, const DatedFlight& b) {
              return std::tie(a.departure, a.arrival, a.route.value) <
                     std::tie(b.departure, b.arrival, b.route.value);
            });
  table.window_flights = table.flights.size();
  return table;
}

}  // namespace aircargo::routes
