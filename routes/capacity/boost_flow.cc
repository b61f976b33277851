#include "routes/capacity/boost_flow.h"

// GCC's -O2 flow analysis reports false "may be used uninitialized" warnings inside Boost's
// Boykov-Kolmogorov edge iterators (boost::optional in adj_list_edge_iterator); this file only
// instantiates Boost, so silence that one warning here rather than weaken it elsewhere.
// (GCC only: clang has no such warning and would report -Wunknown-warning-option.)
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#endif

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/boykov_kolmogorov_max_flow.hpp>
#include <boost/graph/edmonds_karp_max_flow.hpp>
#include <boost/graph/push_relabel_max_flow.hpp>
#include <boost/graph/successive_shortest_path_nonnegative_weights.hpp>
#include <vector>

namespace aircargo::routes {
namespace {

using Traits = boost::adjacency_list_traits<boost::vecS, boost::vecS, boost::directedS>;
// Costs as doubles: exact below 2^53, and Boost's potentials add "infinite" distances of
// unreached vertices, which would overflow an integer type.
using BoostGraph = boost::adjacency_list<
    boost::vecS, boost::vecS, boost::directedS, boost::no_property,
    boost::property<
        boost::edge_capacity_t, std::int64_t,
        boost::property<boost::edge_residual_capacity_t, std::int64_t,
                        boost::property<boost::edge_reverse_t, Traits::edge_descriptor,
                                        boost::property<boost::edge_weight_t, double>>>>>;

struct Converted {
  BoostGraph graph;
  std::vector<Traits::edge_descriptor> forward;  // per FlowNetwork pair
  std::uint32_t source = 0;
  std::uint32_t sink = 0;
};

// Every FlowNetwork pair becomes a Boost edge plus its reverse edge (capacity 0, negated cost).
// With a demand, a super-source feeds the source through one arc of that capacity.
Converted ToBoost(const FlowNetwork& network, std::int64_t demand) {
  Converted c;
  const std::uint32_t extra = demand >= 0 ? 1 : 0;
  c.graph = BoostGraph(network.node_count() + extra);
  auto capacity = boost::get(boost::edge_capacity, c.graph);
  auto reverse = boost::get(boost::edge_reverse, c.graph);
  auto weight = boost::get(boost::edge_weight, c.graph);
  const auto add = [&](std::uint32_t tail, std::uint32_t head, std::int64_t cap, double cost) {
    const auto e = boost::add_edge(tail, head, c.graph).first;
    const auto r = boost::add_edge(head, tail, c.graph).first;
    capacity[e] = cap;
    capacity[r] = 0;
    weight[e] = cost;
    weight[r] = -cost;
    reverse[e] = r;
    reverse[r] = e;
    return e;
  };
  for (std::uint32_t pair = 0; pair < network.pair_count(); ++pair) {
    const std::uint32_t arc = 2 * pair;
    c.forward.push_back(add(network.Tail(arc), network.Head(arc), network.capacity(pair),
                            static_cast<double>(network.Cost(arc))));
  }
  c.source = network.source();
  c.sink = network.sink();
  if (extra != 0) {
    c.source = network.node_count();
    add(c.source, network.source(), demand, 0);
  }
  return c;
}

}  // namespace

struct BoostFlowGraph::Impl {
  const FlowNetwork& network;
  Converted c;
};

BoostFlowGraph::BoostFlowGraph(const FlowNetwork& network, std::int64_t demand)
    : impl_(new Impl{network, ToBoost(network, demand)}) {}

BoostFlowGraph::~BoostFlowGraph() = default;

std::int64_t BoostFlowGraph::MaxFlow(BoostMaxFlowAlgorithm algorithm) {
  Converted& c = impl_->c;
  switch (algorithm) {
    case BoostMaxFlowAlgorithm::kPushRelabel:
      return boost::push_relabel_max_flow(c.graph, c.source, c.sink);
    case BoostMaxFlowAlgorithm::kBoykovKolmogorov:
      return boost::boykov_kolmogorov_max_flow(c.graph, boost::get(boost::edge_capacity, c.graph),
                                               boost::get(boost::edge_residual_capacity, c.graph),
                                               boost::get(boost::edge_reverse, c.graph),
                                               boost::get(boost::vertex_index, c.graph), c.source,
                                               c.sink);
    case BoostMaxFlowAlgorithm::kEdmondsKarp:
      return boost::edmonds_karp_max_flow(c.graph, c.source, c.sink);
  }
  return 0;
}

BoostFlowGraph::MinCost BoostFlowGraph::MinCostFlow() {
  Converted& c = impl_->c;
  const FlowNetwork& network = impl_->network;
  boost::successive_shortest_path_nonnegative_weights(c.graph, c.source, c.sink);
  auto capacity = boost::get(boost::edge_capacity, c.graph);
  auto residual = boost::get(boost::edge_residual_capacity, c.graph);
  MinCost result;
  for (std::uint32_t pair = 0; pair < network.pair_count(); ++pair) {
    const auto e = c.forward[pair];
    const std::int64_t flow = capacity[e] - residual[e];
    result.cost_micros += static_cast<Int128>(flow) * network.Cost(2 * pair);
    if (network.Head(2 * pair) == network.sink()) result.flow_kg += flow;
  }
  return result;
}

std::int64_t BoostMaxFlow(const FlowNetwork& network, BoostMaxFlowAlgorithm algorithm) {
  return BoostFlowGraph(network, -1).MaxFlow(algorithm);
}

BoostMinCostFlowResult BoostMinCostFlow(const FlowNetwork& network, std::int64_t demand) {
  return BoostFlowGraph(network, demand).MinCostFlow();
}

}  // namespace aircargo::routes
