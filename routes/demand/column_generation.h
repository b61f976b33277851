// Column generation for the demand LP (docs/adr/0009-demand-lp.md): the same LP as the arc
// formulation (routes/demand/demand_model.h), written over path variables and generated on demand.
//
// Restricted master: one column per demand and path (origin in-node -> destination out-node over
// the DemandGraph's arcs), the demand's delivered column (0..kg) tied to its paths by a link row
// (sum of its paths - delivered = 0), (fair share) the fraction column and delivered >= kg x
// fraction rows, and a capacity row per arc that some path uses (rows are added with the first
// path through the arc; an arc without a row has dual 0, which is a valid dual of the full LP
// because no path through it prices out). The master is feasible from the start (delivering
// nothing is feasible) and is seeded with the cheapest path per demand.
//
// Pricing: arc length = the stage's cost of the arc (micros per kg in the cost stage, 0 in the
// others) minus the dual of its capacity row (<= 0 for a minimised objective and a <= row: the
// lengths are nonnegative; a positive dual within the solver's tolerance counts as 0), one
// Dijkstra per origin (ties broken by cost, so zero-length paths are the cheap ones); demand d's
// path enters when its length minus the link row's dual is below -kPricingTolerance and it is not
// in the master yet. A stage ends when a round adds no column: then every path's reduced cost is
// nonnegative (to the solver's tolerance) and the master's optimum is the full LP's. Each stage
// (fraction, weighted delivery, least cost with the delivery held) and each upgrade re-solve prices
// to optimality with its own objective, so the delivery stage's duals are exact shadow prices of
// the full LP.
//
// Limits: kMaxPricingRounds per stage or re-solve, kMaxDemandPathColumns path columns (both
// RESOURCE_EXHAUSTED "lp"); the StopCheck is polled between rounds, inside Dijkstra and inside
// the simplex. Not thread-safe; one per call.
#pragma once

#include "routes/demand/demand_solution.h"

namespace aircargo::routes::internal {

inline constexpr int kMaxPricingRounds = 1000;
inline constexpr std::int64_t kMaxDemandPathColumns = 1'000'000;
inline constexpr double kPricingTolerance = 1e-7;

struct ColumnGenerationLimits {
  int max_pricing_rounds = kMaxPricingRounds;  // per stage or upgrade re-solve
  std::int64_t max_path_columns = kMaxDemandPathColumns;
};

// The query must be validated.
Result<DemandSolution> SolveByColumnGeneration(const ScenarioView& view, const DemandQuery& query,
                                               StopCheck& stop,
                                               const ColumnGenerationLimits& limits = {});

}  // namespace aircargo::routes::internal
