// PushRelabelMaxFlow: a maximum flow by highest-label push-relabel (Goldberg-Tarjan) with global
// relabelling and the gap heuristic, for long layered networks such as the time-expanded schedule
// network (routes/capacity/schedule_network.h). There Dinic (routes/capacity/max_flow.h) needs a
// phase per distinct augmenting-path length, and paths that wait at a hub through hundreds of
// ground arcs have thousands of distinct lengths; push-relabel does not depend on path lengths.
//
// Works on a private CSR copy of the FlowNetwork's residual graph (arcs of a node contiguous, so
// the scans are sequential), then writes one maximum flow back with FlowNetwork::SetFlow. Two
// phases: the preflow phase moves as much as possible to the sink (its value is the maximum), the
// second returns the excess stranded at nodes cut off from the sink to the source (same
// push-relabel, labels = distance to the source), so the result is a flow (conserved at every node
// but the source and the sink).
//
// Capacities of kUnlimitedKg or more (ground arcs) are clamped to 1 + the sum of the finite ones,
// which changes neither the maximum nor the residual reachability of a maximum flow when every
// source -> sink path holds a finite arc (true of the schedule network: the sink is reached by
// flights only). When that does not hold (the maximum reaches the clamp) or the sums could overflow,
// the function falls back to Dinic (AugmentMaxFlow) on the untouched network, so the answer is
// always exact. Precondition: the network carries zero flow (else it also falls back to Dinic).
// Returns the kg of the maximum flow. Errors: DEADLINE_EXCEEDED / CANCELLED from `stop` (polled
// while discharging; the network's flow is then unspecified). Not thread-safe on one network.
#pragma once

#include <cstdint>

#include "routes/capacity/flow_network.h"
#include "routes/capacity/flow_workspace.h"
#include "routes/result.h"
#include "routes/stop_check.h"

namespace aircargo::routes {

Result<std::int64_t> PushRelabelMaxFlow(FlowNetwork& network, FlowWorkspace& workspace,
                                        StopCheck& stop);

}  // namespace aircargo::routes
