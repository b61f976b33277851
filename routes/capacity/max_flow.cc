#include "routes/capacity/max_flow.h"

#include <algorithm>

#include "routes/capacity/blocking_flow.h"

namespace aircargo::routes {

Result<std::int64_t> AugmentMaxFlow(FlowNetwork& network, FlowWorkspace& workspace, StopCheck& stop,
                                    std::int64_t limit) {
  const auto any_arc = [](std::uint32_t) { return true; };
  return internal::BlockingFlows(network, stop, any_arc, workspace).Run(limit);
}

Result<std::int64_t> AugmentMaxFlow(FlowNetwork& network, StopCheck& stop, std::int64_t limit) {
  FlowWorkspace workspace;
  return AugmentMaxFlow(network, workspace, stop, limit);
}

std::vector<std::uint32_t> MinCutPairs(const FlowNetwork& network, FlowWorkspace& w) {
  // The source side: nodes reachable over residual arcs (level 0 marks them in the workspace).
  // One pass: a forward arc without residual leaving a source-side node is a cut arc if it has a
  // capacity and its head turns out not to be on the source side (both checked at the end), so
  // the cut comes out in the order of a second scan of the source side, without that scan; an arc
  // without residual costs one read (most reverse arcs).
  w.level.assign(network.node_count(), -1);
  w.queue.assign(1, network.source());
  w.level[network.source()] = 0;
  std::vector<std::uint32_t> cut;
  for (std::size_t i = 0; i < w.queue.size(); ++i) {
    for (std::uint32_t arc : network.OutArcs(w.queue[i])) {
      if (network.Residual(arc) > 0) {
        const std::uint32_t head = network.Head(arc);
        if (w.level[head] < 0) {
          w.level[head] = 0;
          w.queue.push_back(head);
        }
      } else if (FlowNetwork::IsForward(arc)) {
        cut.push_back(arc);
      }
    }
  }
  std::size_t kept = 0;
  for (std::uint32_t arc : cut) {
    if (w.level[network.Head(arc)] < 0 && network.capacity(arc >> 1) > 0) cut[kept++] = arc >> 1;
  }
  cut.resize(kept);
  return cut;
}

Result<CapacityResult> ComputeCapacity(const ScenarioView& view, const CapacityQuery& query,
                                       StopCheck& stop) {
  FlowWorkspace workspace;
  return ComputeCapacity(view, query, workspace, stop);
}

Result<CapacityResult> ComputeCapacity(const ScenarioView& view, const CapacityQuery& query,
                                       FlowWorkspace& workspace, StopCheck& stop) {
  const FlowTemplate flows(view);
  return ComputeCapacity(flows, query, workspace, stop);
}

Result<CapacityResult> ComputeCapacity(const FlowTemplate& flows, const CapacityQuery& query,
                                       FlowWorkspace& workspace, StopCheck& stop) {
  FlowNetwork& network = workspace.network;
  if (auto error = flows.Instantiate(query.origin, query.destinations, network)) return *error;
  auto flow = AugmentMaxFlow(network, workspace, stop);
  if (!flow.ok()) return flow.error();

  CapacityResult result;
  result.max_flow_kg_per_week = *flow;
  if (*flow > 0) {
    for (std::uint32_t pair : MinCutPairs(network, workspace)) {
      const ArcLabel& label = network.label(pair);
      Bottleneck b;
      b.capacity_kg_per_week = network.capacity(pair);
      if (label.kind == ArcKind::kRoute) {
        b.kind = Bottleneck::Kind::kRoute;
        b.route = RouteId(label.id);
      } else {
        b.kind = Bottleneck::Kind::kAirport;
        b.airport = AirportId(label.id);
      }
      result.min_cut.push_back(b);
    }
  }
  std::stable_sort(result.min_cut.begin(), result.min_cut.end(),
                   [](const Bottleneck& a, const Bottleneck& b) {
                     return a.capacity_kg_per_week > b.capacity_kg_per_week;
                   });
  network.PairsWithFlow(workspace.flow_pairs);
  for (std::uint32_t pair : workspace.flow_pairs) {
    const ArcLabel& label = network.label(pair);
    if (label.kind != ArcKind::kRoute) continue;
    result.route_flows.push_back({RouteId(label.id), network.flow(pair), network.capacity(pair)});
  }
  std::stable_sort(result.route_flows.begin(), result.route_flows.end(),
                   [](const RouteFlow& a, const RouteFlow& b) {
                     return a.flow_kg_per_week > b.flow_kg_per_week;
                   });
  return result;
}

}  // namespace aircargo::routes
