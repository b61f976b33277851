// AnalyzeClosures: for an origin and destination(s), the weekly capacity (kg/week) lost if each
// route or each airport alone were closed, ranked by loss, marking the closures that disconnect
// the pair (capacity falls to 0 from above 0).
//
// Work is shared between closures: one base maximum flow is computed once; a route carrying no
// flow in it (or an airport no flow passes through) loses nothing without recomputation, since
// the base flow stays feasible. For the others, the base flow is decomposed into paths once; the
// paths avoiding the closed element are kept as a feasible starting flow and Dinic augments from
// there on one working copy of the flow network with that element's arcs at capacity 0 (a warm
// start: only the lost kilograms need rerouting); afterwards only the pairs the closure changed are
// restored, so a closure costs what it touches, not a pass over the network. The origin and the
// destinations themselves are not candidates (closing them loses everything by definition).
//
// The base network is instantiated from a FlowTemplate (routes/capacity/flow_template.h) into the
// caller's FlowWorkspace. Errors: FlowNetwork::Build's, DEADLINE_EXCEEDED / CANCELLED. Thread
// safety: the view and the template may be shared; one FlowWorkspace and one StopCheck per call at
// a time (the overloads taking a view build a template for the call; the one without a workspace
// uses a fresh one).
#pragma once

#include <cstdint>
#include <vector>

#include "routes/capacity/flow_template.h"
#include "routes/capacity/max_flow.h"
#include "routes/ids.h"
#include "routes/result.h"
#include "routes/scenario_view.h"
#include "routes/stop_check.h"

namespace aircargo::routes {

struct Closure {
  enum class Kind { kRoute, kAirport };
  Kind kind = Kind::kRoute;
  RouteId route;                           // when kRoute
  AirportId airport;                       // when kAirport
  std::int64_t remaining_kg_per_week = 0;  // maximum flow with the closure
  std::int64_t lost_kg_per_week = 0;       // base - remaining
  bool disconnects = false;                // remaining == 0 < base
};

struct ClosureAnalysis {
  std::int64_t base_kg_per_week = 0;
  // Every usable route and every airport other than the endpoints that carries flow in the base
  // maximum flow (the only ones that can lose anything), largest loss first, then routes before
  // airports, then by id. Closures with a loss of 0 are included.
  std::vector<Closure> closures;
  // How many routes / airports were left out because they carry no base flow (each loses 0).
  std::int64_t routes_without_flow = 0;
  std::int64_t airports_without_flow = 0;
};

Result<ClosureAnalysis> AnalyzeClosures(const FlowTemplate& flows, const CapacityQuery& query,
                                        FlowWorkspace& workspace, StopCheck& stop);
Result<ClosureAnalysis> AnalyzeClosures(const ScenarioView& view, const CapacityQuery& query,
                                        FlowWorkspace& workspace, StopCheck& stop);
Result<ClosureAnalysis> AnalyzeClosures(const ScenarioView& view, const CapacityQuery& query,
                                        StopCheck& stop);

}  // namespace aircargo::routes
