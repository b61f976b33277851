#include "routes/scenario_view.h"

#include <algorithm>
#include <cmath>
#include <unordered_set>

#include "routes/ascii.h"
#include "routes/network_builder.h"

namespace aircargo::routes {
const char* RouteExclusionName(RouteExclusion exclusion) {
  switch (exclusion) {
    case RouteExclusion::kUsable:
      return "usable";
    case RouteExclusion::kSuspended:
      return "suspended";
    case RouteExclusion::kPlannedNotIncluded:
      return "planned, not included";
    case RouteExclusion::kNotYetEffective:
      return "not yet effective";
    case RouteExclusion::kNoLongerEffective:
      return "no longer effective";
    case RouteExclusion::kClosedRoute:
      return "closed route";
    case RouteExclusion::kClosedAirport:
      return "closed airport";
    case RouteExclusion::kExcludedCarrier:
      return "excluded carrier";
    case RouteExclusion::kZeroCapacity:
      return "zero capacity";
  }
  return "?";
}

std::optional<RouteId> ScenarioView::FindRoute(std::string_view id) const {
  if (auto found = network_->FindRoute(id)) return found;
  for (std::size_t i = 0; i < extra_.size(); ++i) {
    if (extra_[i].id == id) {
      return RouteId(static_cast<std::uint32_t>(network_->routes().size() + i));
    }
  }
  return std::nullopt;
}

Result<ScenarioView> ScenarioView::Make(const Network& network, const Scenario& scenario) {
  ScenarioView view;
  view.network_ = &network;
  view.scenario_ = scenario;
  std::unordered_set<std::string> extra_ids;
  for (std::size_t i = 0; i < scenario.extra_routes.size(); ++i) {
    const std::string at = "scenario.extra_routes[" + std::to_string(i) + "]";
    RouteInput input = scenario.extra_routes[i];
    if (!input.status) input.status = RouteStatus::kOperating;
    auto route = ValidateRouteFor(network, input, at);
    if (!route.ok()) return route.error();
    if (network.FindRoute(route->id) || !extra_ids.insert(route->id).second) {
      return InvalidArgument(at + ".id", "route id \"" + route->id + "\" is already in use");
    }
    view.extra_.push_back(std::move(route).value());
  }
  for (std::size_t i = 0; i < view.scenario_.capacity_factors.size(); ++i) {
    CapacityFactor& f = view.scenario_.capacity_factors[i];
    const std::string at = "scenario.capacity_factors[" + std::to_string(i) + "]";
    if (!(f.factor >= 0 && f.factor <= kMaxCapacityFactor)) {  // NaN fails too
      return InvalidArgument(at + ".factor",
                             "must be a finite number between 0 and " +
                                 std::to_string(static_cast<int>(kMaxCapacityFactor)) + ", got " +
                                 std::to_string(f.factor));
    }
    if (!f.route_id.empty()) {
      const auto id = view.FindRoute(f.route_id);
      if (!id) return NotFound(at + ".route_id", "route \"" + f.route_id + "\" not found");
      f.route = *id;
    } else if (f.route.value >= view.route_count()) {
      return NotFound(at + ".route_id", "route index out of range");
    }
  }
  for (std::size_t i = 0; i < scenario.closed_airports.size(); ++i) {
    if (scenario.closed_airports[i].value >= network.airports().size()) {
      return NotFound("scenario.closed_airports[" + std::to_string(i) + "]",
                      "airport index out of range");
    }
  }
  for (std::size_t i = 0; i < scenario.closed_routes.size(); ++i) {
    if (scenario.closed_routes[i].value >= view.route_count()) {
      return NotFound("scenario.closed_routes[" + std::to_string(i) + "]",
                      "route index out of range");
    }
  }
  view.Apply();
  return view;
}

ScenarioView ScenarioView::Operating(const Network& network, std::chrono::year_month_day as_of) {
  ScenarioView view;
  view.network_ = &network;
  view.scenario_.as_of = as_of;
  view.Apply();
  return view;
}

void ScenarioView::Apply() {
  const Network& n = *network_;
  const std::size_t base = n.routes().size();
  extra_out_.assign(n.airports().size(), {});
  extra_in_.assign(n.airports().size(), {});
  for (std::size_t i = 0; i < extra_.size(); ++i) {
    const RouteId id(static_cast<std::uint32_t>(base + i));
    extra_out_[extra_[i].origin.value].push_back(id);
    extra_in_[extra_[i].destination.value].push_back(id);
  }
  closed_airport_.assign(n.airports().size(), false);
  for (AirportId a : scenario_.closed_airports) closed_airport_[a.value] = true;

  // Upper-cased once, so a long list costs one hash lookup per route rather than one comparison per
  // route and listed carrier (10,000 carriers x 67,000 routes took seconds).
  std::unordered_set<std::string> excluded_carriers;
  for (const std::string& c : scenario_.excluded_carriers)
    excluded_carriers.insert(ToUpperAscii(c));

  const std::size_t count = route_count();
  exclusion_.assign(count, RouteExclusion::kUsable);
  std::vector<double> factor(count, 1.0);
  for (const CapacityFactor& f : scenario_.capacity_factors) factor[f.route.value] = f.factor;
  for (std::size_t i = 0; i < count; ++i) {
    const RouteId id(static_cast<std::uint32_t>(i));
    const Route& r = route(id);
    RouteExclusion& why = exclusion_[i];
    if (!is_extra(id)) {
      if (r.status == RouteStatus::kSuspended) {
        why = RouteExclusion::kSuspended;
      } else if (r.status == RouteStatus::kPlanned && !scenario_.include_planned) {
        why = RouteExclusion::kPlannedNotIncluded;
      } else if (r.effective_from && *r.effective_from > scenario_.as_of) {
        why = RouteExclusion::kNotYetEffective;
      } else if (r.effective_to && *r.effective_to < scenario_.as_of) {
        why = RouteExclusion::kNoLongerEffective;
      }
    }
    if (why != RouteExclusion::kUsable) continue;
    if (closed_airport_[r.origin.value] || closed_airport_[r.destination.value]) {
      why = RouteExclusion::kClosedAirport;
    } else if (!excluded_carriers.empty() && excluded_carriers.contains(ToUpperAscii(r.carrier))) {
      why = RouteExclusion::kExcludedCarrier;
    } else if (factor[i] == 0) {
      why = RouteExclusion::kZeroCapacity;
    }
  }
  for (RouteId id : scenario_.closed_routes) exclusion_[id.value] = RouteExclusion::kClosedRoute;

  capacity_kg_.assign(count, 0);
  for (std::size_t i = 0; i < count; ++i) {
    if (exclusion_[i] != RouteExclusion::kUsable) continue;
    const Route& r = route(RouteId(static_cast<std::uint32_t>(i)));
    // At most 1e6 kg x 70 x 1000 = 7e10: exact in a double and far inside int64.
    capacity_kg_[i] = static_cast<std::int64_t>(
        std::llround(static_cast<double>(r.weekly_capacity_kg()) * factor[i]));
    if (capacity_kg_[i] == 0) exclusion_[i] = RouteExclusion::kZeroCapacity;
  }
}

}  // namespace aircargo::routes
