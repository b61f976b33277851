// ComputeCapacity: the maximum weekly throughput (kg/week) from an origin to one destination or a
// set of destinations over a ScenarioView, with the min cut (the bottleneck routes and airport
// terminals, each with its capacity; their capacities add up to the maximum) and the flow on each
// route of one maximum flow.
//
// Algorithm: Dinic's blocking flows on the FlowNetwork residual graph (routes/capacity/
// blocking_flow.h: levels by a bidirectional BFS that stops where the searches from the origin and
// the destination meet), O(V^2 E) worst case and far less on route networks; StopCheck::Poll is
// honoured in every phase. The request's network is instantiated from a FlowTemplate
// (routes/capacity/flow_template.h) into the caller's FlowWorkspace, whose buffers and scratch
// arrays are reused, so a query on a shared template allocates only its result. Errors: those of
// FlowNetwork::Build, DEADLINE_EXCEEDED / CANCELLED from the StopCheck. Thread safety: the view and
// the template may be shared; one workspace and one StopCheck per call at a time. The overloads
// taking a view build a template for the call; those without a workspace use a fresh one
// (allocating per call; for one-off callers).
#pragma once

#include <cstdint>
#include <vector>

#include "routes/capacity/flow_network.h"
#include "routes/capacity/flow_template.h"
#include "routes/capacity/flow_workspace.h"
#include "routes/ids.h"
#include "routes/result.h"
#include "routes/scenario_view.h"
#include "routes/stop_check.h"

namespace aircargo::routes {

struct CapacityQuery {
  AirportId origin;
  std::vector<AirportId> destinations;  // one or more; duplicates count once
};

// One element of the min cut: a route, or an airport's terminal throughput limit.
struct Bottleneck {
  enum class Kind { kRoute, kAirport };
  Kind kind = Kind::kRoute;
  RouteId route;      // when kRoute
  AirportId airport;  // when kAirport
  std::int64_t capacity_kg_per_week = 0;
};

struct RouteFlow {
  RouteId route;
  std::int64_t flow_kg_per_week = 0;
  std::int64_t capacity_kg_per_week = 0;
  // flow / capacity in [0, 1].
  double utilisation() const {
    return capacity_kg_per_week > 0
               ? static_cast<double>(flow_kg_per_week) / static_cast<double>(capacity_kg_per_week)
               : 0.0;
  }
};

struct CapacityResult {
  std::int64_t max_flow_kg_per_week = 0;
  // Sorted by capacity, largest first; empty when the maximum is 0 (no destination reachable).
  std::vector<Bottleneck> min_cut;
  // Routes carrying flow, largest flow first.
  std::vector<RouteFlow> route_flows;
};

Result<CapacityResult> ComputeCapacity(const FlowTemplate& flows, const CapacityQuery& query,
                                       FlowWorkspace& workspace, StopCheck& stop);
Result<CapacityResult> ComputeCapacity(const ScenarioView& view, const CapacityQuery& query,
                                       FlowWorkspace& workspace, StopCheck& stop);
Result<CapacityResult> ComputeCapacity(const ScenarioView& view, const CapacityQuery& query,
                                       StopCheck& stop);

// Augments the network's current flow to a maximum one (Dinic), stopping once `limit` kg more have
// been pushed. Returns the kilograms added.
Result<std::int64_t> AugmentMaxFlow(FlowNetwork& network, FlowWorkspace& workspace, StopCheck& stop,
                                    std::int64_t limit = kUnlimitedKg);
Result<std::int64_t> AugmentMaxFlow(FlowNetwork& network, StopCheck& stop,
                                    std::int64_t limit = kUnlimitedKg);

// After a maximum flow: the forward arcs (pairs) from the source side to the sink side of the
// residual graph, i.e. a minimum cut.
std::vector<std::uint32_t> MinCutPairs(const FlowNetwork& network, FlowWorkspace& workspace);

}  // namespace aircargo::routes
