#include "routes/scenario_view.h"

#include <algorithm>
#include <cmath>
#include <unordered_map>
#include <unordered_set>
#include <utility>

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
  auto prepared = Prepare(network, scenario);
  if (!prepared.ok()) return prepared;
  ScenarioView view = std::move(prepared).value();
  view.Apply();
  return view;
}

bool ScenarioView::plain() const { return IsPlain(scenario_); }

bool ScenarioView::UsesOnlyRoutesOf(const ScenarioView& other) const {
  if (&other == this) return true;
  if (other.network_ != network_ || other.route_count() != route_count()) return false;
  for (std::size_t r = 0; r < exclusion_.size(); ++r) {
    if (exclusion_[r] == RouteExclusion::kUsable &&
        other.exclusion_[r] != RouteExclusion::kUsable) {
      return false;
    }
  }
  return true;
}

bool ScenarioView::DerivesFrom(const ScenarioView& base, const Scenario& scenario) {
  return base.plain() && base.scenario_.as_of == scenario.as_of &&
         base.scenario_.include_planned == scenario.include_planned;
}

Result<ScenarioView> ScenarioView::Make(const ScenarioView& base, const Scenario& scenario) {
  auto prepared = Prepare(*base.network_, scenario);
  if (!prepared.ok()) return prepared;
  ScenarioView view = std::move(prepared).value();
  if (DerivesFrom(base, scenario)) {
    view.ApplyOver(base);
  } else {
    view.Apply();
  }
  return view;
}

Result<ScenarioView> ScenarioView::Prepare(const Network& network, const Scenario& scenario) {
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
  return view;
}

ScenarioView ScenarioView::Operating(const Network& network, std::chrono::year_month_day as_of) {
  ScenarioView view;
  view.network_ = &network;
  view.scenario_.as_of = as_of;
  view.Apply();
  return view;
}

std::unordered_set<std::string> ScenarioView::LayOutExtrasAndClosures() {
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
  return excluded_carriers;
}

void ScenarioView::Apply() {
  const std::unordered_set<std::string> excluded_carriers = LayOutExtrasAndClosures();
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

// Apply's answer, from a plain base with the same as_of and include_planned: the base's exclusions
// of network routes are the status and date ones, which come first in Apply; a route they leave
// usable is then checked as Apply checks it, but only where the scenario can change it.
void ScenarioView::ApplyOver(const ScenarioView& base) {
  const Network& n = *network_;
  const std::size_t base_count = n.routes().size();
  const std::unordered_set<std::string> excluded_carriers = LayOutExtrasAndClosures();
  // The factor each route ends with (the last one listed wins, as in Apply).
  std::unordered_map<std::uint32_t, double> factor;
  for (const CapacityFactor& f : scenario_.capacity_factors) factor[f.route.value] = f.factor;

  const std::size_t count = route_count();
  exclusion_.assign(base.exclusion_.begin(), base.exclusion_.begin() + base_count);
  exclusion_.resize(count, RouteExclusion::kUsable);
  capacity_kg_.assign(base.capacity_kg_.begin(), base.capacity_kg_.begin() + base_count);
  capacity_kg_.resize(count, 0);
  const auto check = [&](std::uint32_t i) {  // Apply's checks after status and dates
    RouteExclusion& why = exclusion_[i];
    if (why != RouteExclusion::kUsable) return;
    const Route& r = route(RouteId(i));
    const auto f = factor.find(i);
    if (closed_airport_[r.origin.value] || closed_airport_[r.destination.value]) {
      why = RouteExclusion::kClosedAirport;
    } else if (!excluded_carriers.empty() && excluded_carriers.contains(ToUpperAscii(r.carrier))) {
      why = RouteExclusion::kExcludedCarrier;
    } else if (f != factor.end() && f->second == 0) {
      why = RouteExclusion::kZeroCapacity;
    }
    if (why != RouteExclusion::kUsable) capacity_kg_[i] = 0;
  };
  for (AirportId a : scenario_.closed_airports) {
    for (RouteId id : n.outbound(a)) check(id.value);
    for (RouteId id : n.inbound(a)) check(id.value);
  }
  if (!excluded_carriers.empty()) {
    for (std::uint32_t i = 0; i < base_count; ++i) check(i);
  }
  for (const auto& [route, f] : factor) check(route);
  for (std::size_t i = base_count; i < count; ++i) check(static_cast<std::uint32_t>(i));
  for (RouteId id : scenario_.closed_routes) {
    exclusion_[id.value] = RouteExclusion::kClosedRoute;
    capacity_kg_[id.value] = 0;
  }

  // Capacities: the base's for network routes still usable (its factor is 1), 0 for the ones
  // excluded above, and the factored ones computed as Apply computes them.
  const auto weekly = [&](std::uint32_t i, double f) {
    capacity_kg_[i] = static_cast<std::int64_t>(
        std::llround(static_cast<double>(route(RouteId(i)).weekly_capacity_kg()) * f));
    if (capacity_kg_[i] == 0) exclusion_[i] = RouteExclusion::kZeroCapacity;
  };
  for (const auto& [route, f] : factor) {
    if (exclusion_[route] == RouteExclusion::kUsable && route < base_count) weekly(route, f);
  }
  for (std::size_t i = base_count; i < count; ++i) {
    const auto id = static_cast<std::uint32_t>(i);
    if (exclusion_[id] != RouteExclusion::kUsable) continue;
    const auto f = factor.find(id);
    weekly(id, f == factor.end() ? 1.0 : f->second);
  }
}

}  // namespace aircargo::routes
