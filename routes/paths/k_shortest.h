// Yen's k loopless shortest paths over the route multigraph (routes/paths internals), with
// Lawler's refinement (spur only from the parent's deviation index on). Paths differ in at least
// one route, so two carriers on one airport pair give two alternatives. Each spur search is a
// PathSearch (A* with the query's constraints; without via airports the bound is the exact
// remaining weight from one reverse search, see PathSearch::UseExactBounds). With via airports the
// searches run over (airport, via layer) states, where a best walk may pass an airport twice; such
// walks still seed deviations but are never returned, so the answer stays exact.
#pragma once

#include <vector>

#include "routes/ids.h"
#include "routes/paths/shortest_path.h"
#include "routes/result.h"

namespace aircargo::routes {

// Up to k loopless route sequences from the query's origin to its destination, best first (ties:
// fewer legs, then smaller route ids). Errors only from the StopCheck.
Result<std::vector<std::vector<RouteId>>> KShortestPaths(PathSearch& search, int k,
                                                         StopCheck& stop);

}  // namespace aircargo::routes
