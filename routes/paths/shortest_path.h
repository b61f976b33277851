// PathSearch: the single-pair search under one PathQuery (routes/paths internals): A* over
// (airport, via layer, legs used) states of a ScenarioView with the query's route filters, early
// exit at the destination, plus the blocks Yen's algorithm needs. Edge weights per objective:
// km; block + expected wait (+ minimum connection time when leaving a transfer airport) minutes;
// cost micros per kg; 1 per leg. Ties go to fewer legs (to shorter km for the legs objective), so
// with non-negative weights the best walk is loopless. The inner loop walks the workspace's
// PathArcs (compact copies of the network's routes), not the Route records.
#pragma once

#include <cstdint>
#include <limits>
#include <optional>
#include <span>
#include <vector>

#include "routes/graph.h"
#include "routes/paths/path_arcs.h"
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

  // Replaces the great-circle bound by the exact remaining weight to the destination under the
  // query's rules: one reverse Dijkstra from the destination, ignoring max_legs and Yen's blocks,
  // which only lengthen paths, so the bound stays admissible and consistent for every later
  // search. The reverse search stops at `radius` (objective units); airports beyond it get the
  // larger of the radius and the geometric bound, still admissible and consistent. Worth it when
  // many searches follow (Yen's spur searches); not used with via airports (returns false).
  // Errors only from the StopCheck.
  Result<bool> UseExactBounds(double radius = std::numeric_limits<double>::infinity());

  // Searches after this prune states whose weight so far plus bound exceeds `limit` (the spur
  // weight beyond which Yen's algorithm could not use a path); +infinity (the default) = no limit.
  void SetLimit(double limit) { limit_ = limit; }

  // Yen's blocks, cleared by ClearBlocks(); the origin is always blocked as a next airport.
  void ClearBlocks();
  void BlockRoute(RouteId route);
  void BlockAirport(AirportId airport);

  // The best route sequence from `from` (having used `legs_used` legs and passed `via_passed` via
  // airports) to the destination, or nullopt; errors only from the StopCheck.
  Result<std::optional<std::vector<RouteId>>> Shortest(AirportId from, int via_passed,
                                                       int legs_used);

  // One-to-all (for CompareScenarios): Dijkstra from the query's origin without the early exit
  // and without A* bounds, under the same rules, blocks, weights and tie rule as Shortest; the
  // query must have no via airports and no max_legs. Afterwards TreePath(a) is the best route
  // sequence to `a`. Without bounds (cost and legs objectives) it is exactly the sequence
  // Shortest(origin) returns for destination `a`: both searches make the same pushes and pops in
  // the same order until `a` settles. With bounds (distance, transit time) the A* search may
  // settle two predecessors of equal (weight, tie) in another order; TreeTied(a) says whether
  // such a tie (two different predecessor airports offering the same weight and tie) occurred at
  // `a` or anywhere on its tree path, and only then may Shortest's answer differ.
  // Errors only from the StopCheck.
  Result<bool> SearchAll();
  std::optional<std::vector<RouteId>> TreePath(AirportId airport) const;
  bool TreeTied(AirportId airport) const { return s_.tied[airport.value] != 0; }

  // Via airports passed by the time a path along `routes` (from the origin) arrives.
  int ViaPassed(std::span<const RouteId> routes) const;
  // True when the route passes the query's filters (not blocks, not scenario usability).
  bool RouteAllowed(RouteId route) const { return RouteAllowed(view_.route(route)); }
  bool RouteAllowed(const Route& route) const;
  // True when `routes` visits no airport twice.
  bool Loopless(std::span<const RouteId> routes) const;

  // Calls fn(route_id, next_airport, next_via_passed) for every route out of `airport` that the
  // rules, the blocks and the via order allow, for a path that has used `legs_used` legs. Network
  // routes come from the PathArcs (targets without touching the Route records), extras from the
  // view; the callback reads view().route(id) only when it needs the route.
  template <typename Fn>
  void ForEachNext(AirportId airport, int via_passed, int legs_used, Fn&& fn) const {
    if (max_legs_ > 0 && legs_used >= max_legs_) return;
    auto visit = [&](RouteId id, std::uint32_t next) {
      if (!Passes(id, airport.value, next)) return;
      const int next_via = NextVia(next, via_passed);
      if (next_via >= 0) fn(id, next, next_via);
    };
    for (const PathArc& arc : arcs_.Out(airport.value)) {
      const RouteId id(arc.route);
      if (rules_.scenario && !view_.usable(id)) continue;
      visit(id, arc.other);
    }
    if (rules_.scenario && has_extras_) {
      for (RouteId id : view_.extra_out_routes(airport)) {
        if (view_.usable(id)) visit(id, view_.route(id).destination.value);
      }
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
  double GeometricBound(std::uint32_t airport, int via);  // great circle / speed, or 0
  // Minutes of connection added to a transit-time leg leaving `airport` (0 for other objectives).
  double ConnectionAt(std::uint32_t airport) const {
    return query_.objective == Objective::kTransitTime && airport != query_.origin.value
               ? arcs_.min_connection_minutes(airport)
               : 0.0;
  }
  double ArcWeight(const PathArc& arc, double connection) const {
    switch (query_.objective) {
      case Objective::kDistance:
        return arc.km;
      case Objective::kTransitTime:
        return arc.minutes + connection;
      case Objective::kCost:
        return arc.cost;
      case Objective::kLegs:
        return 1.0;
    }
    return 0.0;
  }
  double ArcTie(const PathArc& arc) const {
    return query_.objective == Objective::kLegs ? arc.km : 1.0;
  }
  // Blocks, filters and capacity for a route from `from` to `next` (not scenario usability, not
  // via order).
  bool Passes(RouteId id, std::uint32_t from, std::uint32_t next) const {
    if (s_.blocked_airport.Has(next)) return false;
    if (routes_blocked_ && (blocked_from_ == kMixedOrigins || blocked_from_ == from) &&
        s_.blocked_route.Has(id.value)) {
      return false;
    }
    if (filters_active_ && !RouteAllowed(view_.route(id))) return false;
    if (capacity_active_ && view_.weekly_capacity_kg(id) < query_.min_capacity_kg_per_week) {
      return false;
    }
    return true;
  }
  // Calls relax(route_id, next_airport, weight, tie) for every usable route out of `airport` that
  // passes the rules and blocks: the PathArcs first, then the view's extra routes.
  template <typename Relax>
  void RelaxOut(std::uint32_t airport, Relax&& relax) const {
    const double connection = ConnectionAt(airport);
    for (const PathArc& arc : arcs_.Out(airport)) {
      const RouteId id(arc.route);
      if (rules_.scenario && !view_.usable(id)) continue;
      if (!Passes(id, airport, arc.other)) continue;
      relax(id, arc.other, ArcWeight(arc, connection), ArcTie(arc));
    }
    if (rules_.scenario && has_extras_) {
      for (RouteId id : view_.extra_out_routes(AirportId(airport))) {
        if (!view_.usable(id)) continue;
        const Route& route = view_.route(id);
        if (!Passes(id, airport, route.destination.value)) continue;
        relax(id, route.destination.value, Weight(route), Tie(route));
      }
    }
  }
  // The via layer after arriving at `next` from layer `via`, or -1 when the via order forbids it.
  int NextVia(std::uint32_t next, int via) const {
    int next_via = via;
    if (via_count_ > 0 && s_.via_airport.Has(next)) {
      if (s_.via_position[next] != via) return -1;
      ++next_via;
    }
    if (next == query_.destination.value && next_via != via_count_) return -1;
    return next_via;
  }

  const ScenarioView& view_;
  const PathQuery& query_;
  PathWorkspace::Scratch& s_;
  StopCheck& stop_;
  SearchRules rules_;
  int via_count_ = 0;       // via airports applied
  int via_layers_ = 1;      // via_count_ + 1
  int max_legs_ = 0;        // 0 = unlimited
  int leg_layers_ = 1;      // max_legs_ + 1, or 1 when unlimited
  unsigned mode_mask_ = 0;  // bit per Mode; 0 = all
  const PathArcs& arcs_;
  double km_ratio_ = 1.0;
  double max_km_per_minute_ = 0.0;
  bool bounds_ = false;
  bool exact_ = false;           // Bound() reads s_.exact_bound (UseExactBounds)
  bool exact_complete_ = false;  // the reverse search settled every airport it could reach
  double exact_floor_ = 0.0;     // else: the least remaining weight of an unsettled airport
  double limit_ = std::numeric_limits<double>::infinity();  // see SetLimit
  bool filters_active_ = false;   // some avoided airport, excluded carrier or mode limit applies
  bool capacity_active_ = false;  // a minimum capacity applies
  bool routes_blocked_ = false;   // BlockRoute was called since ClearBlocks
  // The airport every blocked route leaves (Yen blocks routes out of the spur airport only), so
  // the per-route check runs there alone; kMixedOrigins when they leave several airports.
  static constexpr std::uint32_t kMixedOrigins = 0xffffffffu;
  std::uint32_t blocked_from_ = kMixedOrigins;
  bool has_extras_ = false;  // the view adds routes the CSR graph does not hold
};

}  // namespace aircargo::routes
