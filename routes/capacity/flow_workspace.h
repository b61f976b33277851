// FlowWorkspace: the reusable scratch arrays of the capacity algorithms (ComputeCapacity,
// PlanFlow, AnalyzeClosures, CompareScenarios): the request's residual network (instantiated from
// a FlowTemplate, routes/capacity/flow_template.h), BFS levels and queues, DFS path and current
// arcs of the blocking flows, potentials, distances and heap of the min-cost flow. Grown to the
// flow network's size on first use and reused, so building a request's network and solving it
// allocate nothing once warm.
//
// Owned by the caller, never by the core: aircargod keeps one per compute slot
// (server/compute_slots.h), beside the PathWorkspace; one-off callers (tests, tools) may pass a
// fresh one. Not thread safe: one thread at a time. The contents are internal to routes/capacity.
#pragma once

#include <cstdint>
#include <utility>
#include <vector>

#include "routes/capacity/flow_network.h"

namespace aircargo::routes {

struct FlowWorkspace {
  // The network of the current request (FlowTemplate::Instantiate); it points into the template it
  // was last instantiated from, so it is only meaningful while that template lives.
  FlowNetwork network;
  std::vector<std::int32_t> level;        // per node: position on a shortest path, -1 if none
  std::vector<std::int32_t> back;         // per node: distance to the sink (BuildLevels)
  std::vector<std::uint32_t> current;     // per node: index of the next out arc to try
  std::vector<std::uint32_t> queue;       // forward BFS queue (nodes)
  std::vector<std::uint32_t> back_queue;  // backward BFS queue (nodes)
  std::vector<std::uint32_t> path;        // DFS path (arcs)
  // Shortest augmenting paths (shortest_augmenting_path.cc): distance labels and their counts.
  std::vector<std::uint32_t> label;
  std::vector<std::uint32_t> label_count;
  // Min-cost flow (routes/capacity/min_cost_flow.cc): node potentials, Dijkstra distances, heap.
  std::vector<std::int64_t> potential;
  std::vector<std::int64_t> distance;
  std::vector<std::pair<std::int64_t, std::uint32_t>> heap;
  std::vector<std::int64_t> bound;    // per node: FlowNetwork::CostBound from the source
  std::vector<std::uint8_t> entered;  // per node: flow enters it (its reverse arcs may be usable)
  // When `journal` is set, the blocking flows append every arc they push flow on (AnalyzeClosures
  // uses it to undo a re-solve by touching only what changed).
  bool journal = false;
  std::vector<std::uint32_t> pushed;
  // Pairs carrying flow (FlowNetwork::PairsWithFlow).
  std::vector<std::uint32_t> flow_pairs;
};

}  // namespace aircargo::routes
