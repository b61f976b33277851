// FindPaths: fastest, shortest, cheapest or fewest-leg routings between two airports under a
// scenario view: k loopless alternatives in order of the objective (Yen's algorithm over the
// multigraph, so two carriers on one airport pair are two alternatives) or the Pareto set over
// (transit minutes, cost per kg, legs), with constraints (max legs, minimum weekly capacity per
// leg, via airports in order, avoided airports, excluded carriers, allowed modes).
//
// Single searches are A* (admissible great-circle bound for distance, a speed bound for transit
// time) with early exit at the target, written over the ScenarioView (not Boost's searches, which
// cannot see a scenario's extra routes or the per-route filters). Units: km, minutes, micros/kg.
//
// Errors: INVALID_ARGUMENT (field named) for a bad query (origin == destination, k out of range,
// limits), NOT_FOUND for an airport id outside the network; DEADLINE_EXCEEDED / CANCELLED from
// `stop`; RESOURCE_EXHAUSTED if a Pareto search grows beyond its label budget. "No path" is not an
// error: an empty result with a PathReason.
//
// Thread safety: the view is read-only and may be shared; one workspace and one StopCheck per
// thread.
#pragma once

#include <vector>

#include "routes/paths/contraction_hierarchy.h"
#include "routes/paths/path.h"
#include "routes/paths/path_query.h"
#include "routes/paths/path_workspace.h"
#include "routes/result.h"
#include "routes/scenario_view.h"
#include "routes/stop_check.h"

namespace aircargo::routes {

struct PathsResult {
  std::vector<Path> paths;  // best first; empty when nothing qualifies
  PathReason reason = PathReason::kFound;
};

Result<PathsResult> FindPaths(const ScenarioView& view, const PathQuery& query,
                              PathWorkspace& workspace, StopCheck& stop);

// Whether a query is what a ContractionHierarchy of its objective answers: k = 1, no Pareto set,
// no constraints.
bool HierarchyAnswers(const PathQuery& query);

// The same, answered by `hierarchy` (contraction_hierarchy.h, may be null) when the query is what
// it answers: k = 1, no Pareto set, no constraints, the hierarchy's objective, and a path exists;
// otherwise (and for the reason of an empty answer) by the search above. INTERNAL when
// `hierarchy` was built for another view.
Result<PathsResult> FindPaths(const ScenarioView& view, const PathQuery& query,
                              PathWorkspace& workspace, StopCheck& stop,
                              const ContractionHierarchy* hierarchy);

}  // namespace aircargo::routes
