// Boost.Graph baselines over a FlowNetwork, for cross-checks in tests and the benchmarks: the
// maximum flow by push-relabel, Boykov-Kolmogorov or Edmonds-Karp, and the minimum-cost flow by
// successive shortest paths (successive_shortest_path_nonnegative_weights). Boost's flow
// algorithms need an explicit reverse edge per edge and residual-capacity maps; ToBoost builds
// them here, once, from the FlowNetwork's arc pairs, so no other code deals with them.
//
// These ignore StopCheck (Boost offers no hook) and are not used by the service.
#pragma once

#include <cstdint>
#include <memory>

#include "routes/capacity/flow_network.h"

namespace aircargo::routes {

enum class BoostMaxFlowAlgorithm { kPushRelabel, kBoykovKolmogorov, kEdmondsKarp };

// The Boost graph of one FlowNetwork, built once and solved many times (benchmarks time the
// algorithms, not the conversion). With demand >= 0, a super-source arc of that capacity limits
// the flow. Not thread-safe.
class BoostFlowGraph {
 public:
  BoostFlowGraph(const FlowNetwork& network, std::int64_t demand);
  ~BoostFlowGraph();
  BoostFlowGraph(const BoostFlowGraph&) = delete;
  BoostFlowGraph& operator=(const BoostFlowGraph&) = delete;

  std::int64_t MaxFlow(BoostMaxFlowAlgorithm algorithm);
  // Min-cost flow of min(demand, max flow); the flow and its exact cost.
  struct MinCost {
    std::int64_t flow_kg = 0;
    Int128 cost_micros = 0;
  };
  MinCost MinCostFlow();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// The maximum flow value from network.source() to network.sink() (the network is not changed).
std::int64_t BoostMaxFlow(const FlowNetwork& network, BoostMaxFlowAlgorithm algorithm);

using BoostMinCostFlowResult = BoostFlowGraph::MinCost;

// The minimum-cost flow of min(demand, max flow) kg (a super-source arc of capacity `demand`
// limits it), by Boost's successive shortest paths with Dijkstra.
BoostMinCostFlowResult BoostMinCostFlow(const FlowNetwork& network, std::int64_t demand);

}  // namespace aircargo::routes
