// ScenarioView: a Network seen through a Scenario. Which routes are usable, their weekly capacity
// after factors, and the scenario's extra routes, which get RouteIds after the network's own
// (network.routes().size(), ...). Never changes the network; cheap to make (a few vectors sized by
// the route count) and immutable after Make(), so one view may serve several searches at once.
//
// Algorithms walk it with ForEachOutRoute / ForEachInRoute (network routes through the network's
// outbound / inbound rows, in file order, then extras) and read routes with route(id), which covers
// extras too.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "routes/network.h"
#include "routes/result.h"
#include "routes/scenario.h"

namespace aircargo::routes {

// Why a route is not in the view (kUsable when it is).
enum class RouteExclusion : std::uint8_t {
  kUsable = 0,
  kSuspended,           // status SUSPENDED
  kPlannedNotIncluded,  // PLANNED and the scenario does not include planned routes
  kNotYetEffective,     // effective_from is after the scenario's as_of date
  kNoLongerEffective,   // effective_to is before the scenario's as_of date
  kClosedRoute,         // named in closed_routes
  kClosedAirport,       // touches a closed airport
  kExcludedCarrier,     // its carrier is excluded
  kZeroCapacity,        // a capacity factor of 0
};

const char* RouteExclusionName(RouteExclusion exclusion);

class ScenarioView {
 public:
  // Validates the scenario against the network: factors finite and in [0, kMaxCapacityFactor]
  // (INVALID_ARGUMENT "scenario.capacity_factors[i].factor"), factor route ids known (NOT_FOUND),
  // extra routes valid with ids unused by the network or each other (INVALID_ARGUMENT
  // "scenario.extra_routes[i]...."). The network must outlive the view.
  static Result<ScenarioView> Make(const Network& network, const Scenario& scenario);
  // The same view (same validation, errors and answers) computed as a delta over `base`: when
  // `base` is a plain view of the same network (no closures, exclusions, factors or extra routes)
  // with the scenario's as_of and include_planned, its status and date exclusions and capacities
  // are copied and only what the scenario changes is applied (the closed airports' rows, the
  // listed routes and factors; the excluded carriers take a pass over the routes). Otherwise as
  // Make(base.network(), scenario). About a tenth of Make's cost on the world network.
  static Result<ScenarioView> Make(const ScenarioView& base, const Scenario& scenario);
  // True when `base` can serve Make(base, scenario) as a delta (see above).
  static bool DerivesFrom(const ScenarioView& base, const Scenario& scenario);
  // True when no closures, exclusions, factors or extra routes change the network's own view.
  bool plain() const;
  // True when `other` is a view of the same network with the same routes (no extra ones here)
  // and can use every route this view can use: data laid out for `other` (a flow template, weekly
  // timetables) then holds everything this view needs. One pass over the route ids.
  bool UsesOnlyRoutesOf(const ScenarioView& other) const;
  // Every OPERATING route effective today-or-earlier as of `as_of`; no closures (handy in tests).
  static ScenarioView Operating(const Network& network, std::chrono::year_month_day as_of);

  const Network& network() const { return *network_; }
  const Scenario& scenario() const { return scenario_; }

  // Network routes plus extra routes.
  std::size_t route_count() const { return network_->routes().size() + extra_.size(); }
  bool is_extra(RouteId id) const { return id.value >= network_->routes().size(); }
  const Route& route(RouteId id) const {
    return is_extra(id) ? extra_[id.value - network_->routes().size()] : network_->route(id);
  }
  // Network routes first, then extras.
  std::optional<RouteId> FindRoute(std::string_view id) const;

  bool usable(RouteId id) const { return exclusion_[id.value] == RouteExclusion::kUsable; }
  RouteExclusion exclusion(RouteId id) const { return exclusion_[id.value]; }
  bool airport_open(AirportId id) const { return !closed_airport_[id.value]; }
  // payload_kg x flights_per_week x factor, rounded to the nearest kg; 0 when not usable.
  std::int64_t weekly_capacity_kg(RouteId id) const { return capacity_kg_[id.value]; }

  // Calls fn(RouteId) for every usable route leaving / reaching `airport`.
  template <typename Fn>
  void ForEachOutRoute(AirportId airport, Fn&& fn) const {
    for (RouteId id : network_->outbound(airport)) {
      if (usable(id)) fn(id);
    }
    for (RouteId id : extra_out_[airport.value]) {
      if (usable(id)) fn(id);
    }
  }
  // The scenario's extra routes leaving / reaching `airport`, usable or not (searches that walk the
  // network's routes through their own arrays add these).
  std::span<const RouteId> extra_out_routes(AirportId airport) const {
    return extra_out_[airport.value];
  }
  std::span<const RouteId> extra_in_routes(AirportId airport) const {
    return extra_in_[airport.value];
  }
  template <typename Fn>
  void ForEachInRoute(AirportId airport, Fn&& fn) const {
    for (RouteId id : network_->inbound(airport)) {
      if (usable(id)) fn(id);
    }
    for (RouteId id : extra_in_[airport.value]) {
      if (usable(id)) fn(id);
    }
  }

 private:
  ScenarioView() = default;
  // Validates `scenario` and fills the extra routes and resolved factors (Make's checks).
  static Result<ScenarioView> Prepare(const Network& network, const Scenario& scenario);
  // The extra routes' rows and the closed airports; returns the excluded carriers upper-cased.
  std::unordered_set<std::string> LayOutExtrasAndClosures();
  void Apply();
  void ApplyOver(const ScenarioView& base);

  const Network* network_ = nullptr;
  Scenario scenario_;
  std::vector<Route> extra_;
  std::vector<std::vector<RouteId>> extra_out_;
  std::vector<std::vector<RouteId>> extra_in_;
  std::vector<RouteExclusion> exclusion_;
  std::vector<std::int64_t> capacity_kg_;
  std::vector<bool> closed_airport_;
};

}  // namespace aircargo::routes
