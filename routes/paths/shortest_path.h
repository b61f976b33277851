// PathSearch: the single-pair search under one PathQuery (routes/paths internals): A* over
// (airport, via layer, legs used) states of a ScenarioView with the query's route filters, early
// exit at the destination, plus the blocks Yen's algorithm needs. Edge weights per objective:
// km; block + expected wait (+ minimum connection time when leaving a transfer airport) minutes;
// cost micros per kg; 1 per leg. Ties go to fewer legs (to shorter km for the legs objective), so
// with non-negative weights the best walk is loopless.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "routes/graph.h"
#include "routes/paths/path_query.h"
#include "routes/paths/path_scratch.h"
#include "routes/result.h"
#include "routes/scenario_view.h"
#include "routes/stop_check.h"

namespace aircargo::routes {

// Which constraints a search applies (all, for answers; fewer, to find the reason for none).
struct SearchRules {
  bool scenario = true;  // only routes the view allows (else every network route, extras aside)
  bool filters = true;   // avoided airports, excluded carriers, modes
  bool capacity = true;  // min_capacity_kg_per_week
  bool legs = true;      // max_legs
  bool via = true;       // via airports in order
};

class PathSearch {
 public:
  // Prepares the workspace for `query` (sizes, avoided/via marks, bounds). The query must be valid.
  PathSearch(const ScenarioView& view, const PathQuery& query, PathWorkspace::Scratch& scratch,
             StopCheck& stop, SearchRules rules = {});

  // The weight of leaving `route.origin` on `route` (the objective's unit) and its tie key.
  double Weight(RouteId route) const { return Weight(view_.route(route)); }
  double Tie(RouteId route) const { return Tie(view_.route(route)); }
  double Weight(const Route& route) const {
    switch (query_.objective) {
      case Objective::kDistance:
        return route.distance_km;
      case Objective::kTransitTime:
        return TransitWeight(route);
      case Objective::kCost:
        return static_cast<double>(route.cost_per_kg_micros);
      case Objective::kLegs:
        return 1.0;
    }
    return 0.0;
  }
  double TransitWeight(const Route& route) const;
  double Tie(const Route& route) const;
  double PathWeight(std::span<const RouteId> routes) const;
  double PathTie(std::span<const RouteId> routes) const;

  // Yen's blocks, cleared by ClearBlocks(); the origin is always blocked as a next airport.
  void ClearBlocks();
  void BlockRoute(RouteId route);
  void BlockAirport(AirportId airport);

  // The best route sequence from `from` (having used `legs_used` legs and passed `via_passed` via
  // airports) to the destination, or nullopt; errors only from the StopCheck.
  Result<std::optional<std::vector<RouteId>>> Shortest(AirportId from, int via_passed,
                                                       int legs_used);

  // Via airports passed by the time a path along `routes` (from the origin) arrives.
  int ViaPassed(std::span<const RouteId> routes) const;
  // True when the route passes the query's filters (not blocks, not scenario usability).
  bool RouteAllowed(RouteId route) const { return RouteAllowed(view_.route(route)); }
  bool RouteAllowed(const Route& route) const;
  // True when `routes` visits no airport twice.
  bool Loopless(std::span<const RouteId> routes) const;

  // Calls fn(route_id, next_airport, next_via_passed) for every route out of `airport` that the
  // rules, the blocks and the via order allow, for a path that has used `legs_used` legs. Network
  // routes come from the CSR graph (targets without touching the Route records), extras from the
  // view; the callback reads view().route(id) only when it needs the route.
  template <typename Fn>
  void ForEachNext(AirportId airport, int via_passed, int legs_used, Fn&& fn) const {
    if (max_legs_ > 0 && legs_used >= max_legs_) return;
    auto visit = [&](RouteId id, std::uint32_t next) {
      if (s_.blocked_airport.Has(next)) return;
      if (routes_blocked_ && s_.blocked_route.Has(id.value)) return;
      if (filters_active_ && !RouteAllowed(view_.route(id))) return;
      if (capacity_active_ && view_.weekly_capacity_kg(id) < query_.min_capacity_kg_per_week) {
        return;
      }
      int next_via = via_passed;
      if (via_count_ > 0 && s_.via_airport.Has(next)) {
        if (s_.via_position[next] != via_passed) return;  // out of order, or a second visit
        ++next_via;
      }
      if (next == query_.destination.value && next_via != via_count_) return;
      fn(id, next, next_via);
    };
    const Graph& g = view_.network().graph();
    for (auto [it, end] = boost::out_edges(airport.value, g); it != end; ++it) {
      const RouteId id = g[*it].route;
      if (rules_.scenario && !view_.usable(id)) continue;
      visit(id, static_cast<std::uint32_t>(boost::target(*it, g)));
    }
    if (rules_.scenario && has_extras_) {
      view_.ForEachOutRoute(airport, [&](RouteId id) {
        if (view_.is_extra(id)) visit(id, view_.route(id).destination.value);
      });
    }
  }

  int via_count() const { return via_count_; }
  int via_layers() const { return via_layers_; }
  const ScenarioView& view() const { return view_; }
  const PathQuery& query() const { return query_; }

 private:
  std::uint32_t StateOf(std::uint32_t airport, int via, int legs) const {
    return (airport * static_cast<std::uint32_t>(via_layers_) + static_cast<std::uint32_t>(via)) *
               static_cast<std::uint32_t>(leg_layers_) +
           static_cast<std::uint32_t>(legs);
  }
  double Bound(std::uint32_t airport, int via);
  void RefreshNetworkBounds();

  const ScenarioView& view_;
  const PathQuery& query_;
  PathWorkspace::Scratch& s_;
  StopCheck& stop_;
  SearchRules rules_;
  int via_count_ = 0;                  // via airports applied
  int via_layers_ = 1;                 // via_count_ + 1
  int max_legs_ = 0;                   // 0 = unlimited
  int leg_layers_ = 1;                 // max_legs_ + 1, or 1 when unlimited
  unsigned mode_mask_ = 0;             // bit per Mode; 0 = all
  std::vector<double> via_suffix_km_;  // great-circle km from layer j's target to the destination
  double km_ratio_ = 1.0;
  double max_km_per_minute_ = 0.0;
  bool bounds_ = false;
  bool filters_active_ = false;   // some avoided airport, excluded carrier or mode limit applies
  bool capacity_active_ = false;  // a minimum capacity applies
  bool routes_blocked_ = false;   // BlockRoute was called since ClearBlocks
  bool has_extras_ = false;       // the view adds routes the CSR graph does not hold
};

}  // namespace aircargo::routes
