// FindPaths request/response mapping: aircargo.v1.FindPathsRequest -> routes::PathQuery (airport
// codes resolved against the snapshot: malformed -> INVALID_ARGUMENT, unknown -> NOT_FOUND, both
// naming the field, e.g. "via[1]"; unknown enum values -> INVALID_ARGUMENT) and routes::PathsResult
// -> aircargo.v1.FindPathsResponse. Range checks on k, max_legs and sizes stay in the core; the
// server bounds the lists the core does not (excluded_carriers, modes: INVALID_ARGUMENT).
#pragma once

#include "aircargo/v1/paths.pb.h"
#include "routes/network.h"
#include "routes/paths/find_paths.h"
#include "routes/result.h"
#include "routes/scenario_view.h"

namespace aircargo::server {

// The search compares every candidate leg's carrier with each of these, so the list stays short
// (a scenario's excluded_carriers, applied once per route, may be longer).
inline constexpr int kMaxPathExcludedCarriers = 100;
// Three modes exist; repeating them is harmless but a longer list is a malformed request.
inline constexpr int kMaxPathModes = 16;

routes::Result<routes::PathQuery> PathQueryFromProto(const v1::FindPathsRequest& request,
                                                     const routes::Network& network);

v1::PathReason ToProto(routes::PathReason reason);
v1::PathObjective ToProto(routes::Objective objective);

// Fills paths, reason, objective and pareto (not network_version).
void ToProto(const routes::ScenarioView& view, const routes::PathQuery& query,
             const routes::PathsResult& result, v1::FindPathsResponse* response);

}  // namespace aircargo::server
