#include "routes/capacity/max_flow.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <map>

#include "routes/capacity/boost_flow.h"
#include "routes/capacity/flow_network.h"
#include "routes/capacity/flow_paths.h"
#include "tests/routes/capacity/flow_test_network.h"

namespace aircargo::routes {
namespace {

using test::Id;
using test::MakeFlowNetwork;
using ::testing::UnorderedElementsAre;

// CLRS figure 26.1, in tonnes (x 1000 kg):
//
//   SSS --16--> AAA --12--> CCC --20--> TTT
//    |           ^ \         ^ |         ^
//   13           4  \        7 9         4
//    v           |   (none)  | v         |
//   BBB ---------+--14--> DDD +----------+
//
// s->v1 16, s->v2 13, v2->v1 4, v1->v3 12, v3->v2 9, v2->v4 14, v4->v3 7, v3->t 20, v4->t 4.
// Maximum flow 23; minimum cut {v1->v3 12, v4->v3 7, v4->t 4}.
std::shared_ptr<const Network> Clrs() {
  return MakeFlowNetwork({"SSS", "AAA", "BBB", "CCC", "DDD", "TTT"}, {{"SSS", "AAA", 16'000},
                                                                      {"SSS", "BBB", 13'000},
                                                                      {"BBB", "AAA", 4'000},
                                                                      {"AAA", "CCC", 12'000},
                                                                      {"CCC", "BBB", 9'000},
                                                                      {"BBB", "DDD", 14'000},
                                                                      {"DDD", "CCC", 7'000},
                                                                      {"CCC", "TTT", 20'000},
                                                                      {"DDD", "TTT", 4'000}});
}

std::vector<std::string> CutNames(const Network& network, const CapacityResult& result) {
  std::vector<std::string> names;
  for (const Bottleneck& b : result.min_cut) {
    names.push_back(b.kind == Bottleneck::Kind::kRoute ? network.route(b.route).id
                                                       : network.airport(b.airport).iata);
  }
  return names;
}

TEST(ComputeCapacity, FindsTextbookMaximumAndMinCut) {
  const auto network = Clrs();
  const ScenarioView view = ScenarioView::Operating(*network, test::TestDate());
  StopCheck stop;
  const auto result = ComputeCapacity(view, {Id(*network, "SSS"), {Id(*network, "TTT")}}, stop);
  ASSERT_TRUE(result.ok()) << result.error().ToString();
  EXPECT_EQ(result->max_flow_kg_per_week, 23'000);
  EXPECT_THAT(CutNames(*network, *result),
              UnorderedElementsAre("AAA-CCC-3", "DDD-CCC-6", "DDD-TTT-8"));
}

TEST(ComputeCapacity, RouteFlowsRespectCapacityAndConserveFlow) {
  const auto network = Clrs();
  const ScenarioView view = ScenarioView::Operating(*network, test::TestDate());
  StopCheck stop;
  const auto result = ComputeCapacity(view, {Id(*network, "SSS"), {Id(*network, "TTT")}}, stop);
  ASSERT_TRUE(result.ok());
  std::map<std::uint32_t, std::int64_t> net;  // airport -> inflow - outflow
  for (const RouteFlow& f : result->route_flows) {
    EXPECT_GT(f.flow_kg_per_week, 0);
    EXPECT_LE(f.flow_kg_per_week, f.capacity_kg_per_week);
    const Route& r = network->route(f.route);
    net[r.destination.value] += f.flow_kg_per_week;
    net[r.origin.value] -= f.flow_kg_per_week;
  }
  for (const auto& [airport, balance] : net) {
    const std::string& code = network->airport(AirportId(airport)).iata;
    if (code == "SSS") {
      EXPECT_EQ(balance, -23'000);
    } else if (code == "TTT") {
      EXPECT_EQ(balance, 23'000);
    } else {
      EXPECT_EQ(balance, 0) << code;
    }
  }
}

// SSS -> AAA -> TTT and SSS -> BBB -> UUU, each 10 t; several destinations share one super-sink.
TEST(ComputeCapacity, AddsUpOverSeveralDestinations) {
  const auto network =
      MakeFlowNetwork({"SSS", "AAA", "BBB", "TTT", "UUU"}, {{"SSS", "AAA", 10'000},
                                                            {"AAA", "TTT", 10'000},
                                                            {"SSS", "BBB", 8'000},
                                                            {"BBB", "UUU", 10'000},
                                                            {"AAA", "UUU", 5'000}});
  const ScenarioView view = ScenarioView::Operating(*network, test::TestDate());
  StopCheck stop;
  const auto one = ComputeCapacity(view, {Id(*network, "SSS"), {Id(*network, "TTT")}}, stop);
  const auto both = ComputeCapacity(
      view, {Id(*network, "SSS"), {Id(*network, "TTT"), Id(*network, "UUU")}}, stop);
  ASSERT_TRUE(one.ok());
  ASSERT_TRUE(both.ok());
  EXPECT_EQ(one->max_flow_kg_per_week, 10'000);
  EXPECT_EQ(both->max_flow_kg_per_week, 18'000);
  EXPECT_THAT(CutNames(*network, *both), UnorderedElementsAre("SSS-AAA-0", "SSS-BBB-2"));
}

// SSS -> HUB -> TTT twice over (20 t of routes), but HUB handles only 7 t a week.
TEST(ComputeCapacity, AirportThroughputLimitIsTheBottleneck) {
  const auto network = MakeFlowNetwork(
      {"SSS", "HUB", "TTT"},
      {{"SSS", "HUB", 10'000}, {"SSS", "HUB", 10'000}, {"HUB", "TTT", 20'000}}, {{"HUB", 7'000}});
  const ScenarioView view = ScenarioView::Operating(*network, test::TestDate());
  StopCheck stop;
  const auto result = ComputeCapacity(view, {Id(*network, "SSS"), {Id(*network, "TTT")}}, stop);
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(result->max_flow_kg_per_week, 7'000);
  ASSERT_EQ(result->min_cut.size(), 1u);
  EXPECT_EQ(result->min_cut[0].kind, Bottleneck::Kind::kAirport);
  EXPECT_EQ(network->airport(result->min_cut[0].airport).iata, "HUB");
  EXPECT_EQ(result->min_cut[0].capacity_kg_per_week, 7'000);
}

TEST(ComputeCapacity, OriginAndDestinationLimitsApplyToo) {
  const auto network =
      MakeFlowNetwork({"SSS", "TTT"}, {{"SSS", "TTT", 10'000}}, {{"SSS", 6'000}, {"TTT", 4'000}});
  const ScenarioView view = ScenarioView::Operating(*network, test::TestDate());
  StopCheck stop;
  const auto result = ComputeCapacity(view, {Id(*network, "SSS"), {Id(*network, "TTT")}}, stop);
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(result->max_flow_kg_per_week, 4'000);
  EXPECT_THAT(CutNames(*network, *result), UnorderedElementsAre("TTT"));
}

TEST(ComputeCapacity, IsZeroWithEmptyCutWhenUnreachable) {
  const auto network = MakeFlowNetwork({"SSS", "AAA", "TTT"}, {{"TTT", "SSS", 5'000}});
  const ScenarioView view = ScenarioView::Operating(*network, test::TestDate());
  StopCheck stop;
  const auto result = ComputeCapacity(view, {Id(*network, "SSS"), {Id(*network, "TTT")}}, stop);
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(result->max_flow_kg_per_week, 0);
  EXPECT_TRUE(result->min_cut.empty());
  EXPECT_TRUE(result->route_flows.empty());
}

TEST(ComputeCapacity, AppliesScenarioFactorsAndClosures) {
  const auto network = Clrs();
  Scenario scenario;
  scenario.as_of = test::TestDate();
  scenario.capacity_factors.push_back({RouteId(), "DDD-TTT-8", 2.0});  // 4 t -> 8 t
  scenario.closed_routes.push_back(*network->FindRoute("DDD-CCC-6"));  // -7 t
  const auto view = ScenarioView::Make(*network, scenario);
  ASSERT_TRUE(view.ok());
  StopCheck stop;
  const auto result = ComputeCapacity(*view, {Id(*network, "SSS"), {Id(*network, "TTT")}}, stop);
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(result->max_flow_kg_per_week, 20'000);  // cut {AAA-CCC 12, DDD-TTT 8}
}

TEST(ComputeCapacity, RejectsEmptyOrSelfDestinations) {
  const auto network = Clrs();
  const ScenarioView view = ScenarioView::Operating(*network, test::TestDate());
  StopCheck stop;
  const auto empty = ComputeCapacity(view, {Id(*network, "SSS"), {}}, stop);
  ASSERT_FALSE(empty.ok());
  EXPECT_EQ(empty.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(empty.error().field, "destinations");
  const auto self = ComputeCapacity(view, {Id(*network, "SSS"), {Id(*network, "SSS")}}, stop);
  ASSERT_FALSE(self.ok());
  EXPECT_EQ(self.error().code, ErrorCode::kInvalidArgument);
}

TEST(ComputeCapacity, StopsAtAPassedDeadline) {
  const auto network = test::RandomFlowNetwork(7, 400, 5, 1'000'000, 0);
  const ScenarioView view = ScenarioView::Operating(*network, test::TestDate());
  StopCheck stop(StopCheck::Clock::now() - std::chrono::seconds(1));
  const auto result =
      ComputeCapacity(view, {AirportId(0), {AirportId(1), AirportId(2), AirportId(3)}}, stop);
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().code, ErrorCode::kDeadlineExceeded);
}

// Seeded random graphs: Dinic agrees with three Boost algorithms, the cut's capacities add up to
// the maximum, and every route flow is within capacity with conservation at every airport.
TEST(ComputeCapacity, AgreesWithBoostAlgorithmsOnRandomGraphs) {
  for (std::uint32_t seed = 1; seed <= 40; ++seed) {
    const int nodes = 5 + static_cast<int>(seed % 30);
    const auto network = test::RandomFlowNetwork(seed, nodes, 3, 50'000, 0);
    const ScenarioView view = ScenarioView::Operating(*network, test::TestDate());
    std::vector<AirportId> destinations{AirportId(1)};
    if (seed % 3 == 0) destinations.push_back(AirportId(2));
    StopCheck stop;
    const auto result = ComputeCapacity(view, {AirportId(0), destinations}, stop);
    ASSERT_TRUE(result.ok());
    const auto flow_network = FlowNetwork::Build(view, AirportId(0), destinations);
    ASSERT_TRUE(flow_network.ok());
    for (auto algorithm :
         {BoostMaxFlowAlgorithm::kPushRelabel, BoostMaxFlowAlgorithm::kBoykovKolmogorov,
          BoostMaxFlowAlgorithm::kEdmondsKarp}) {
      EXPECT_EQ(result->max_flow_kg_per_week, BoostMaxFlow(*flow_network, algorithm))
          << "seed " << seed << " algorithm " << static_cast<int>(algorithm);
    }
    std::int64_t cut = 0;
    for (const Bottleneck& b : result->min_cut) cut += b.capacity_kg_per_week;
    EXPECT_EQ(cut, result->max_flow_kg_per_week) << "seed " << seed;
    std::vector<std::int64_t> balance(network->airports().size(), 0);
    for (const RouteFlow& f : result->route_flows) {
      EXPECT_LE(f.flow_kg_per_week, f.capacity_kg_per_week);
      balance[network->route(f.route).origin.value] -= f.flow_kg_per_week;
      balance[network->route(f.route).destination.value] += f.flow_kg_per_week;
    }
    EXPECT_EQ(-balance[0], result->max_flow_kg_per_week);
    std::int64_t arrived = 0;
    for (std::size_t a = 1; a < balance.size(); ++a) {
      const bool is_destination = a == 1 || (destinations.size() > 1 && a == 2);
      if (is_destination) {
        arrived += balance[a];
      } else {
        EXPECT_EQ(balance[a], 0) << "seed " << seed << " airport " << a;
      }
    }
    EXPECT_EQ(arrived, result->max_flow_kg_per_week);
  }
}

// The decomposition of a maximum flow: source -> sink chains of arcs whose kilograms add up to
// the maximum and never exceed an arc's flow.
TEST(DecomposeFlow, SplitsAMaximumFlowIntoPathsAddingUpToIt) {
  for (std::uint32_t seed = 1; seed <= 20; ++seed) {
    const auto network = test::RandomFlowNetwork(seed, 12 + static_cast<int>(seed), 4, 30'000, 0);
    const ScenarioView view = ScenarioView::Operating(*network, test::TestDate());
    const std::vector<AirportId> destinations{AirportId(1), AirportId(2)};
    auto flow_network = FlowNetwork::Build(view, AirportId(0), destinations);
    ASSERT_TRUE(flow_network.ok());
    StopCheck stop;
    const auto value = AugmentMaxFlow(flow_network.value(), stop);
    ASSERT_TRUE(value.ok());
    const auto paths = DecomposeFlow(*flow_network, stop);
    ASSERT_TRUE(paths.ok());
    std::int64_t total = 0;
    std::vector<std::int64_t> used(flow_network->pair_count(), 0);
    for (const FlowPath& path : *paths) {
      ASSERT_FALSE(path.pairs.empty());
      EXPECT_EQ(flow_network->Tail(2 * path.pairs.front()), flow_network->source());
      EXPECT_EQ(flow_network->Head(2 * path.pairs.back()), flow_network->sink());
      for (std::size_t i = 1; i < path.pairs.size(); ++i) {
        EXPECT_EQ(flow_network->Head(2 * path.pairs[i - 1]), flow_network->Tail(2 * path.pairs[i]));
      }
      for (std::uint32_t pair : path.pairs) used[pair] += path.kg;
      total += path.kg;
    }
    EXPECT_EQ(total, *value) << "seed " << seed;
    for (std::uint32_t pair = 0; pair < flow_network->pair_count(); ++pair) {
      EXPECT_LE(used[pair], flow_network->flow(pair));
    }
  }
}

}  // namespace
}  // namespace aircargo::routes
