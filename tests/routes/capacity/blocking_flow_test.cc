// The blocking-flow core (routes/capacity/blocking_flow.h) behind AugmentMaxFlow and
// SolveMinCostFlow: bidirectional level search, DFS with retreat to the first saturated arc, and
// the per-thread workspace. Checked against Boost's push-relabel and successive shortest paths on
// seeded random hub-and-spoke graphs (the shape of a route network: a few hubs two or three hops
// apart, where the two searches meet in the middle) and on hand-made graphs whose shortest paths
// saturate before the longer ones.
#include "routes/capacity/blocking_flow.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <map>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "routes/capacity/boost_flow.h"
#include "routes/capacity/flow_network.h"
#include "routes/capacity/max_flow.h"
#include "routes/capacity/min_cost_flow.h"
#include "tests/routes/capacity/flow_test_network.h"

namespace aircargo::routes {
namespace {

using test::CodeFor;
using test::TestArc;

// `nodes` airports of which the first `hubs` are hubs; every spoke has routes to and from one or
// two hubs, hubs are densely linked, and a few spoke-to-spoke routes add long detours. About one
// airport in seven has a terminal limit. Capacities 1..max_kg, costs 0..max_cost.
std::shared_ptr<const Network> RandomHubNetwork(std::uint32_t seed, int nodes, int hubs,
                                                std::int64_t max_kg, std::int64_t max_cost) {
  std::mt19937 rng(seed);
  std::vector<std::string> codes;
  for (int i = 0; i < nodes; ++i) codes.push_back(CodeFor(i));
  std::uniform_int_distribution<int> hub(0, hubs - 1);
  std::uniform_int_distribution<int> any(0, nodes - 1);
  std::uniform_int_distribution<std::int64_t> kg(1, max_kg);
  std::uniform_int_distribution<std::int64_t> cost(0, max_cost);
  std::uniform_int_distribution<int> percent(0, 99);
  std::vector<TestArc> arcs;
  const auto add = [&](int a, int b) {
    if (a != b) arcs.push_back({codes[a], codes[b], kg(rng), cost(rng)});
  };
  for (int a = 0; a < hubs; ++a) {
    for (int b = 0; b < hubs; ++b) {
      if (percent(rng) < 70) add(a, b);
    }
  }
  for (int s = hubs; s < nodes; ++s) {
    const int links = 1 + percent(rng) % 2;
    for (int l = 0; l < links; ++l) {
      const int h = hub(rng);
      if (percent(rng) < 85) add(s, h);
      if (percent(rng) < 85) add(h, s);
    }
    if (percent(rng) < 30) add(s, any(rng));
  }
  std::map<std::string, std::int64_t> throughput;
  for (int i = 0; i < nodes; ++i) {
    if (percent(rng) < 14) throughput[codes[i]] = kg(rng) * 2;
  }
  return test::MakeFlowNetwork(codes, arcs, throughput);
}

// Capacity respected on every pair and flow conserved at every node but the source and the sink,
// which send and receive `value`.
void ExpectValidFlow(const FlowNetwork& network, std::int64_t value, const std::string& where) {
  std::vector<std::int64_t> balance(network.node_count(), 0);
  for (std::uint32_t pair = 0; pair < network.pair_count(); ++pair) {
    const std::int64_t flow = network.flow(pair);
    ASSERT_GE(flow, 0) << where;
    ASSERT_LE(flow, network.capacity(pair)) << where;
    balance[network.Tail(2 * pair)] -= flow;
    balance[network.Head(2 * pair)] += flow;
  }
  for (std::uint32_t v = 0; v < network.node_count(); ++v) {
    const std::int64_t expected =
        v == network.source() ? -value : (v == network.sink() ? value : 0);
    ASSERT_EQ(balance[v], expected) << where << " node " << v;
  }
}

std::int64_t CutCapacity(const FlowNetwork& network) {
  std::int64_t total = 0;
  FlowWorkspace workspace;
  for (std::uint32_t pair : MinCutPairs(network, workspace)) total += network.capacity(pair);
  return total;
}

// Endpoints: a hub or a spoke as origin, one to three destinations (a super-sink when several).
struct Endpoints {
  AirportId origin;
  std::vector<AirportId> destinations;
};

Endpoints PickEndpoints(std::uint32_t seed, int nodes) {
  std::mt19937 rng(seed * 7919U);
  std::uniform_int_distribution<int> any(0, nodes - 1);
  Endpoints e;
  e.origin = AirportId(static_cast<std::uint32_t>(any(rng)));
  const int count = 1 + static_cast<int>(seed % 5 == 0) + static_cast<int>(seed % 11 == 0);
  while (static_cast<int>(e.destinations.size()) < count) {
    const auto d = AirportId(static_cast<std::uint32_t>(any(rng)));
    if (d != e.origin) e.destinations.push_back(d);
  }
  return e;
}

TEST(BlockingFlows, MaxFlowEqualsBoostPushRelabelOnRandomHubGraphs) {
  int nonzero = 0;
  for (std::uint32_t seed = 1; seed <= 300; ++seed) {
    const int nodes = 6 + static_cast<int>(seed % 60);
    const auto network = RandomHubNetwork(seed, nodes, 2 + static_cast<int>(seed % 5), 40'000, 0);
    const ScenarioView view = ScenarioView::Operating(*network, test::TestDate());
    const Endpoints e = PickEndpoints(seed, nodes);
    auto built = FlowNetwork::Build(view, e.origin, e.destinations);
    ASSERT_TRUE(built.ok()) << built.error().ToString();
    FlowNetwork& flow_network = built.value();
    const std::int64_t expected = BoostMaxFlow(flow_network, BoostMaxFlowAlgorithm::kPushRelabel);
    StopCheck stop;
    const auto value = AugmentMaxFlow(flow_network, stop);
    ASSERT_TRUE(value.ok());
    const std::string where = "seed " + std::to_string(seed);
    ASSERT_EQ(*value, expected) << where;
    ExpectValidFlow(flow_network, *value, where);
    EXPECT_EQ(CutCapacity(flow_network), *value) << where;
    if (*value > 0) ++nonzero;
  }
  EXPECT_GT(nonzero, 200);  // the graphs are connected enough to exercise the search
}

// Shortest paths of small capacity first, then longer ones: every phase must find the next length.
//
//   SSS --1t--> TTT                        (length 1)
//   SSS --2t--> AAA --2t--> TTT            (length 2)
//   SSS --4t--> BBB --4t--> CCC --4t--> DDD --4t--> EEE --4t--> TTT   (length 5)
TEST(BlockingFlows, FindsLongerPathsOnceTheShortOnesAreSaturated) {
  const auto network = test::MakeFlowNetwork({"SSS", "TTT", "AAA", "BBB", "CCC", "DDD", "EEE"},
                                             {{"SSS", "TTT", 1'000},
                                              {"SSS", "AAA", 2'000},
                                              {"AAA", "TTT", 2'000},
                                              {"SSS", "BBB", 4'000},
                                              {"BBB", "CCC", 4'000},
                                              {"CCC", "DDD", 4'000},
                                              {"DDD", "EEE", 4'000},
                                              {"EEE", "TTT", 4'000}});
  const ScenarioView view = ScenarioView::Operating(*network, test::TestDate());
  const std::vector<AirportId> destinations{AirportId(1)};
  auto built = FlowNetwork::Build(view, AirportId(0), destinations);
  ASSERT_TRUE(built.ok());
  StopCheck stop;
  const auto value = AugmentMaxFlow(built.value(), stop);
  ASSERT_TRUE(value.ok());
  EXPECT_EQ(*value, 7'000);
  ExpectValidFlow(*built, 7'000, "ladder");
}

// A limit stops the augmentation at exactly that many kilograms with a valid flow; a second call
// continues from that flow to the maximum.
TEST(BlockingFlows, StopsAtTheLimitAndResumesFromThePartialFlow) {
  for (std::uint32_t seed = 1; seed <= 60; ++seed) {
    const int nodes = 20 + static_cast<int>(seed % 30);
    const auto network = RandomHubNetwork(seed, nodes, 4, 30'000, 0);
    const ScenarioView view = ScenarioView::Operating(*network, test::TestDate());
    const Endpoints e = PickEndpoints(seed, nodes);
    auto built = FlowNetwork::Build(view, e.origin, e.destinations);
    ASSERT_TRUE(built.ok());
    FlowNetwork& flow_network = built.value();
    const std::int64_t maximum = BoostMaxFlow(flow_network, BoostMaxFlowAlgorithm::kPushRelabel);
    if (maximum < 2) continue;
    const std::string where = "seed " + std::to_string(seed);
    StopCheck stop;
    const auto first = AugmentMaxFlow(flow_network, stop, maximum / 2);
    ASSERT_TRUE(first.ok());
    ASSERT_EQ(*first, maximum / 2) << where;
    ExpectValidFlow(flow_network, *first, where);
    const auto rest = AugmentMaxFlow(flow_network, stop);
    ASSERT_TRUE(rest.ok());
    EXPECT_EQ(*first + *rest, maximum) << where;
    ExpectValidFlow(flow_network, maximum, where);
  }
}

// One caller-owned workspace serves networks of every size: a large solve, then a small one, then
// the large one again all give Boost's answers.
TEST(BlockingFlows, ReusesTheWorkspaceAcrossNetworkSizes) {
  const auto large = RandomHubNetwork(5, 400, 12, 50'000, 0);
  const auto small = RandomHubNetwork(6, 9, 2, 50'000, 0);
  FlowWorkspace workspace;
  for (const auto& network : {large, small, large, small}) {
    const ScenarioView view = ScenarioView::Operating(*network, test::TestDate());
    const std::vector<AirportId> destinations{AirportId(1)};
    auto built = FlowNetwork::Build(view, AirportId(0), destinations);
    ASSERT_TRUE(built.ok());
    const std::int64_t expected = BoostMaxFlow(*built, BoostMaxFlowAlgorithm::kPushRelabel);
    StopCheck stop;
    const auto value = AugmentMaxFlow(built.value(), workspace, stop);
    ASSERT_TRUE(value.ok());
    EXPECT_EQ(*value, expected) << network->airports().size() << " airports";
    EXPECT_GE(workspace.level.size(), built->node_count());
  }
}

// Min-cost flow runs the same blocking flows over the zero-reduced-cost arcs: its cost equals
// Boost's successive shortest paths for the same demand.
TEST(BlockingFlows, MinCostFlowEqualsBoostOnRandomHubGraphs) {
  for (std::uint32_t seed = 1; seed <= 120; ++seed) {
    const int nodes = 6 + static_cast<int>(seed % 40);
    const auto network = RandomHubNetwork(seed, nodes, 3, 20'000, 900);
    const ScenarioView view = ScenarioView::Operating(*network, test::TestDate());
    const Endpoints e = PickEndpoints(seed, nodes);
    auto built = FlowNetwork::Build(view, e.origin, e.destinations);
    ASSERT_TRUE(built.ok());
    const std::int64_t maximum = BoostMaxFlow(*built, BoostMaxFlowAlgorithm::kPushRelabel);
    const std::int64_t demand = seed % 2 == 0 ? maximum : maximum / 3;
    const auto boost = BoostMinCostFlow(*built, demand);
    StopCheck stop;
    const auto sent = SolveMinCostFlow(built.value(), demand, stop);
    ASSERT_TRUE(sent.ok());
    const std::string where = "seed " + std::to_string(seed);
    EXPECT_EQ(*sent, boost.flow_kg) << where;
    EXPECT_TRUE(FlowCostMicros(*built) == boost.cost_micros) << where;
    ExpectValidFlow(*built, *sent, where);
  }
}

}  // namespace
}  // namespace aircargo::routes
