// What either formulation of the demand LP (the arc LP of routes/demand/demand_model.h, column
// generation in routes/demand/column_generation.h) hands to PlanDemand's answer, and the pieces
// both share: the lexicographic slack and the upgrade ranking. Internal to routes/demand.
// Not thread-safe; one per call.
#pragma once

#include <cstdint>
#include <functional>
#include <vector>

#include "routes/demand/demand.h"
#include "routes/demand/demand_model.h"
#include "routes/result.h"

namespace aircargo::routes::internal {

struct DemandSolution {
  std::vector<DemandArc> arcs;
  std::vector<ArcPath> paths;  // the least-cost stage's flow, per demand (kg not rounded)
  std::vector<double> shadow;  // per arc: the delivery stage's dual, weighted kg per kg, >= 0
  double weighted_delivered = 0;
  double fair_fraction = 0;
  std::vector<Upgrade> upgrades;
  bool best_upgrade_proven = false;
  std::int64_t lp_columns = 0;
  std::int64_t lp_rows = 0;
  std::int64_t lp_iterations = 0;
  std::int64_t pricing_rounds = 0;  // column generation only
};

// How far below an optimum the next stage may go (the fixed optimum is a constraint; the solver's
// tolerance must not make it infeasible).
inline double LexicographicSlack(double optimum) {
  return 1e-9 * std::max(1.0, optimum < 0 ? -optimum : optimum) + 1e-7;
}

// Re-solves the delivery stage with arc `arc`'s capacity raised by its upgrade_kg, restores it,
// and returns the new optimum (weighted kg).
using UpgradeResolve = std::function<Result<double>(std::uint32_t arc)>;

// Ranks every candidate (an arc with upgrade_kg > 0) by shadow price x added kg, an upper bound by
// weak duality, and re-solves the top query.verify_upgrades of them. Appends the first
// max(max_upgrades, verify_upgrades) to `out`; returns whether the best single upgrade is proven
// (the best verified gain is at least every unverified bound).
Result<bool> RankUpgrades(const std::vector<DemandArc>& arcs, const DemandQuery& query,
                          const std::vector<double>& shadow, double optimum,
                          const UpgradeResolve& resolve, std::vector<Upgrade>& out);

// The arc formulation (routes/demand/arc_formulation.cc): the stages on the whole arc LP.
Result<DemandSolution> SolveArcFormulation(const ScenarioView& view, const DemandQuery& query,
                                           StopCheck& stop);

}  // namespace aircargo::routes::internal
