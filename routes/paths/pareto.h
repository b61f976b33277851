// The Pareto set over (transit minutes, cost micros per kg, legs) (routes/paths internals): a
// multi-criteria label-setting search over (airport, via layer) states of the ScenarioView under
// the query's constraints. Labels leave the heap in lexicographic order, so a label is final when
// no final label at its state dominates it; with non-negative criteria and legs > 0 a path with a
// loop is always dominated, so the set is exact without via airports (with them, labels that
// would revisit an airport are dropped, which can in rare layouts hide a non-dominated path).
#pragma once

#include <cstddef>
#include <vector>

#include "routes/ids.h"
#include "routes/paths/shortest_path.h"
#include "routes/result.h"

namespace aircargo::routes {

// Labels a Pareto search may create before it gives up with RESOURCE_EXHAUSTED.
inline constexpr std::size_t kMaxParetoLabels = 2'000'000;

// Non-dominated route sequences, fastest first (then cheaper, then fewer legs), at most
// `max_paths`; one path per distinct (time, cost, legs) triple.
Result<std::vector<std::vector<RouteId>>> ParetoPaths(PathSearch& search, std::size_t max_paths,
                                                      StopCheck& stop);

}  // namespace aircargo::routes
