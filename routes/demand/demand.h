// PlanDemand: many origin-destination demands (kg/week) share one network's capacity; a linear
// program allocates them, reports shadow prices of the saturated limits and ranks upgrades.
//
// Capacities are ComputeCapacity's (routes/capacity/flow_network.h): each usable route's weekly
// capacity after scenario factors, and each airport's terminal limit binding every kg handled
// there (sent, received or transferred). Formulation (docs/adr/0009-demand-lp.md): the arc
// (edge-flow) multi-commodity flow with one commodity per ORIGIN (demands sharing an origin are
// aggregated, which is exact: a single-source flow always decomposes into paths to its
// destinations), a delivered variable per demand, shared capacity rows per route and per airport
// limit. Objectives (lexicographic, each stage fixes the previous optimum as a constraint and
// warm-starts the solver):
//   kMaxDelivered: maximise sum priority x delivered, then minimise cost.
//   kFairShare:    maximise the fraction every demand receives at once (max concurrent flow),
//                  then the weighted delivery beyond it, then minimise cost.
// Shadow prices are the duals of the delivery stage (weighted kg delivered per extra kg/week of
// a limit); they hold only within the current basis: by weak duality shadow x delta is an UPPER
// BOUND on an upgrade's gain, exact for small changes, and the top upgrades are verified by
// re-solving (see RankUpgrades' candidates below).
//
// Two formulations of the same LP (DemandMethod): column generation over path variables
// (routes/demand/column_generation.h; what kAuto runs: it keeps world-scale requests small, and
// its delivery-stage duals are exact shadow prices of the full LP), or the arc LP above (the
// tests' oracle). The choice changes the LP's size and speed, not its optimum.
//
// Units: kg/week; money in micros. LP values are rounded to whole kg per path (a path's kg is the
// LP's, rounded to the nearest kg; a demand's delivered kg is the sum of its paths).
// Errors: INVALID_ARGUMENT / NOT_FOUND naming "demands[i].<field>", RESOURCE_EXHAUSTED for the
// limits below, DEADLINE_EXCEEDED / CANCELLED from the StopCheck, LpSolver's errors.
// Thread safety: the view may be shared; one StopCheck per call. Each call owns its LP session.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "routes/ids.h"
#include "routes/result.h"
#include "routes/scenario_view.h"
#include "routes/stop_check.h"

namespace aircargo::routes {

inline constexpr std::size_t kMaxDemands = 1000;
inline constexpr double kMaxDemandPriority = 1000.0;
// Columns of the arc LP (origins x flow arcs + demands): about 200 MB of solver memory at the
// limit; checked only when the arc formulation is asked for (column generation has its own
// limits, routes/demand/column_generation.h).
inline constexpr std::int64_t kMaxDemandLpColumns = 2'000'000;
// Simplex iterations per solve.
inline constexpr std::int64_t kMaxDemandLpIterations = 2'000'000;
inline constexpr int kMaxUpgradeChecks = 50;
// An airport limit upgrade raises it by this fraction (and at least kMinAirportStepKg).
inline constexpr double kAirportStepFraction = 0.10;
inline constexpr std::int64_t kMinAirportStepKg = 1000;

enum class DemandObjective { kMaxDelivered, kFairShare };

// kAuto: column generation (faster on every measured request, docs/performance.md); the arc LP is
// kept as the tests' oracle and can be asked for.
enum class DemandMethod { kAuto, kArcFormulation, kColumnGeneration };

struct Demand {
  AirportId origin;
  AirportId destination;
  std::int64_t kg_per_week = 0;  // 0..kMaxDemandKgPerWeek
  double priority = 1.0;         // weight per kg delivered, (0, kMaxDemandPriority]
};

struct DemandQuery {
  std::vector<Demand> demands;  // 1..kMaxDemands
  DemandObjective objective = DemandObjective::kMaxDelivered;
  // 0: no upgrade ranking; else verify the top `verify_upgrades` candidates by re-solving
  // (1..kMaxUpgradeChecks).
  int verify_upgrades = 0;
  // How many ranked candidates to return (when verify_upgrades > 0); at least verify_upgrades.
  int max_upgrades = 0;
  DemandMethod method = DemandMethod::kAuto;
};

struct DemandPath {
  std::vector<RouteId> routes;  // in flight order
  std::int64_t kg_per_week = 0;
  std::int64_t cost_per_kg_micros = 0;
};

struct DemandAllocation {
  std::int64_t demand_kg_per_week = 0;
  std::int64_t delivered_kg_per_week = 0;
  std::int64_t shortfall_kg_per_week = 0;
  std::int64_t cost_per_kg_micros = 0;  // delivered-weighted mean over the paths; 0 when none
  std::vector<DemandPath> paths;        // most kg first
};

struct RouteLoad {
  RouteId route;
  std::int64_t load_kg_per_week = 0;
  std::int64_t capacity_kg_per_week = 0;
  double utilisation() const {
    return capacity_kg_per_week > 0
               ? static_cast<double>(load_kg_per_week) / static_cast<double>(capacity_kg_per_week)
               : 0.0;
  }
};

// A saturated limit with a positive shadow price.
struct ShadowPrice {
  enum class Kind { kRoute, kAirport };
  Kind kind = Kind::kRoute;
  RouteId route;      // when kRoute
  AirportId airport;  // when kAirport
  std::int64_t capacity_kg_per_week = 0;
  std::int64_t load_kg_per_week = 0;
  double weighted_kg_per_kg = 0;  // weighted kg delivered per extra kg/week of this limit
};

// Candidates: every usable route +1 weekly flight (payload x its capacity factor); every planned
// route the scenario leaves out only for being planned, opened (its weekly capacity x factor);
// every airport limit raised by kAirportStepFraction (at least kMinAirportStepKg).
struct Upgrade {
  enum class Kind { kRouteFrequency, kOpenPlannedRoute, kAirportLimit };
  Kind kind = Kind::kRouteFrequency;
  RouteId route;      // kRouteFrequency, kOpenPlannedRoute (a network route id)
  AirportId airport;  // kAirportLimit
  std::int64_t added_kg_per_week = 0;
  // Shadow price x added kg: an upper bound on the gain, exact within the basis' range.
  double predicted_gain = 0;
  // Weighted delivery gained when re-solved with the upgrade (the top candidates only).
  std::optional<double> verified_gain;
};

struct DemandPlan {
  DemandObjective objective = DemandObjective::kMaxDelivered;
  std::vector<DemandAllocation> allocations;  // in query order
  std::int64_t demand_kg_per_week = 0;
  std::int64_t delivered_kg_per_week = 0;
  double weighted_delivered = 0;  // the LP's optimum of the delivery stage
  double fair_fraction = 0;       // kFairShare: the fraction every demand received at once
  std::int64_t total_cost_micros = 0;
  std::vector<RouteLoad> route_loads;      // routes carrying load, highest utilisation first
  std::vector<ShadowPrice> shadow_prices;  // highest first
  // Ranked by predicted gain; the first verify_upgrades are verified. best_upgrade_proven: the
  // best verified gain is at least every unverified candidate's predicted bound, so no single
  // candidate upgrade gains more.
  std::vector<Upgrade> upgrades;
  bool best_upgrade_proven = false;
  // LP size and effort (for answers, logs and docs/performance.md).
  std::int64_t lp_columns = 0;
  std::int64_t lp_rows = 0;
  std::int64_t lp_iterations = 0;
  DemandMethod method = DemandMethod::kAuto;  // the formulation that ran (never kAuto)
  std::int64_t pricing_rounds = 0;            // column generation: master solves, all stages
  std::string solver;                         // "CLP 1.17.6, column generation"
};

Result<DemandPlan> PlanDemand(const ScenarioView& view, const DemandQuery& query, StopCheck& stop);

const char* UpgradeKindName(Upgrade::Kind kind);
const char* DemandMethodName(DemandMethod method);

}  // namespace aircargo::routes
