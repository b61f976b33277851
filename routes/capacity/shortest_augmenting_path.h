// ShortestAugmentingPathMaxFlow: an exact maximum flow by ISAP ("improved shortest augmenting
// path": exact distance labels, current arcs, the gap heuristic and periodic global relabelling),
// searching from whichever end of the network has the smaller capacity. ComputeScheduleCapacity
// solves its time-expanded networks with it (routes/capacity/schedule_capacity.h); the other
// capacity RPCs keep Dinic (AugmentMaxFlow, max_flow.h), which is faster on the small static
// networks and keeps the journal AnalyzeClosures needs.
//
// Why: on a world time-expanded network (~180k nodes, ~720k arc pairs) Dinic's later phases each
// carry a few kg along paths of 20-100+ arcs that zig-zag in time, yet each phase costs a search
// over ~100k nodes, and slow pairs need 85-176 phases. ISAP keeps its distance labels from one
// augmentation to the next and repairs them locally, so a longer shortest path costs a few
// relabels instead of a full search (docs/performance.md, "Schedule-aware capacity").
//
// The algorithm. d(v) is a lower bound on v's residual distance to the target, exact after a
// global relabel (a backward BFS from the target over residual arcs; unreachable nodes get n). An
// arc v -> w is admissible if it has residual capacity and d(v) == d(w) + 1. From the start we
// advance along admissible arcs (each node remembers its current arc); at the target we push the
// bottleneck along the path and retreat to the tail of the first saturated arc. A node with no
// admissible arc left is relabelled, d(v) = 1 + min d(w) over its residual arcs, and we retreat
// one arc. The labels stay valid (d(v) <= d(w) + 1 on every residual arc), so d(start) >= n
// means the target is cut off; and when relabelling v empties the class of v's old label, every
// node above it (the start included: labels fall by one along the current path) is cut off: the
// flow is maximum (the gap heuristic). After every 8n arcs scanned by relabels the labels are
// recomputed exactly by a BFS (nodes already cut off would otherwise climb to n one step at a
// time).
//
// Direction. When the search stops, every node still connected to the start has been raised past
// the gap, so it is cheap when the start's side of the minimum cut is small. On time-expanded
// flight networks the cut lies next to the tighter end (the origin's departures or the
// destination's arrivals), so when the capacity into the sink is below the capacity out of the
// source the same code runs on the reversed residual graph (from the sink towards the source). The
// value is exact either way; the choice only affects speed.
//
// Augments the network's current flow to a maximum one, stopping once `limit` kg more have been
// pushed; returns the kilograms added. The residual graph is left as after any maximum flow, so
// MinCutPairs (max_flow.h) reads the minimum cut off it. Scratch in the caller's FlowWorkspace.
// Errors: DEADLINE_EXCEEDED / CANCELLED from `stop` (polled in every loop). Not thread safe on one
// network or workspace.
#pragma once

#include <cstdint>

#include "routes/capacity/flow_network.h"
#include "routes/capacity/flow_workspace.h"
#include "routes/result.h"
#include "routes/stop_check.h"

namespace aircargo::routes {

Result<std::int64_t> ShortestAugmentingPathMaxFlow(FlowNetwork& network, FlowWorkspace& workspace,
                                                   StopCheck& stop,
                                                   std::int64_t limit = kUnlimitedKg);

}  // namespace aircargo::routes
