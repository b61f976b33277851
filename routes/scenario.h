// Scenario: a what-if selection of the network for one request (as-of date, planned routes,
// closures, excluded carriers, capacity factors, extra routes), as plain values. The server builds
// it from the request; ScenarioView applies it to a snapshot without changing the snapshot.
#pragma once

#include <chrono>
#include <string>
#include <vector>

#include "routes/ids.h"
#include "routes/route.h"

namespace aircargo::routes {

// Capacity factors above this are rejected (they would only hide a mistake).
inline constexpr double kMaxCapacityFactor = 1000.0;

struct CapacityFactor {
  RouteId route;         // a network route, or an extra route (ids after the network's)
  std::string route_id;  // the id as stated, resolved by ScenarioView::Make when `route` is unset
  double factor = 1.0;   // finite, 0..kMaxCapacityFactor; 0 closes the route
};

struct Scenario {
  // Routes whose effective_from is after this date, or whose effective_to is before it, are left
  // out. The server fills "today" (UTC) when a request leaves it empty.
  std::chrono::year_month_day as_of{std::chrono::year{2025}, std::chrono::January,
                                    std::chrono::day{1}};
  // Use PLANNED routes too (from their effective_from date). SUSPENDED routes are never used.
  bool include_planned = false;
  std::vector<AirportId> closed_airports;
  std::vector<RouteId> closed_routes;
  std::vector<std::string> excluded_carriers;  // exact carrier codes, case-insensitive
  std::vector<CapacityFactor> capacity_factors;
  // Routes added for this request only; validated like network routes, used whatever their status
  // or effective date (a what-if route is meant to fly), but subject to closures and exclusions.
  std::vector<RouteInput> extra_routes;
};

// True when `s` changes nothing beyond as_of and include_planned (no closures, exclusions,
// factors or extra routes): the scenario of a shared view (ScenarioView::Make(base, scenario)).
inline bool IsPlain(const Scenario& s) {
  return s.closed_airports.empty() && s.closed_routes.empty() && s.excluded_carriers.empty() &&
         s.capacity_factors.empty() && s.extra_routes.empty();
}

}  // namespace aircargo::routes
