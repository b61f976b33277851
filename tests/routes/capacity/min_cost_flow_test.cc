#include "routes/capacity/min_cost_flow.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <limits>
#include <random>

#include "routes/capacity/boost_flow.h"
#include "routes/capacity/flow_network.h"
#include "tests/routes/capacity/flow_test_network.h"

namespace aircargo::routes {
namespace {

using test::Id;
using test::MakeFlowNetwork;

// Two ways from SSS to TTT:
//   SSS --10 t @ 1.00--> AAA --10 t @ 1.00--> TTT     (2.00 per kg)
//   SSS --30 t @ 0.50--> BBB --5 t @ 4.00--> TTT      (4.50 per kg)
std::shared_ptr<const Network> TwoWays() {
  return MakeFlowNetwork({"SSS", "AAA", "BBB", "TTT"}, {{"SSS", "AAA", 10'000, 1'000'000},
                                                        {"AAA", "TTT", 10'000, 1'000'000},
                                                        {"SSS", "BBB", 30'000, 500'000},
                                                        {"BBB", "TTT", 5'000, 4'000'000}});
}

Result<FlowPlan> Plan(const Network& network, std::int64_t demand) {
  const ScenarioView view = ScenarioView::Operating(network, test::TestDate());
  StopCheck stop;
  return PlanFlow(view, {Id(network, "SSS"), {Id(network, "TTT")}, demand}, stop);
}

TEST(PlanFlow, UsesTheCheapestPathFirst) {
  const auto network = TwoWays();
  const auto plan = Plan(*network, 8'000);
  ASSERT_TRUE(plan.ok()) << plan.error().ToString();
  EXPECT_EQ(plan->shipped_kg_per_week, 8'000);
  EXPECT_EQ(plan->shortfall_kg_per_week, 0);
  EXPECT_EQ(plan->total_cost_micros, 8'000LL * 2'000'000);
  ASSERT_EQ(plan->paths.size(), 1u);
  EXPECT_EQ(plan->paths[0].kg_per_week, 8'000);
  EXPECT_EQ(plan->paths[0].cost_per_kg_micros, 2'000'000);
  ASSERT_EQ(plan->paths[0].routes.size(), 2u);
  EXPECT_EQ(network->route(plan->paths[0].routes[0]).id, "SSS-AAA-0");
  EXPECT_EQ(network->route(plan->paths[0].routes[1]).id, "AAA-TTT-1");
}

TEST(PlanFlow, SplitsOverPathsInCostOrder) {
  const auto network = TwoWays();
  const auto plan = Plan(*network, 12'000);
  ASSERT_TRUE(plan.ok());
  EXPECT_EQ(plan->shipped_kg_per_week, 12'000);
  EXPECT_EQ(plan->total_cost_micros, 10'000LL * 2'000'000 + 2'000LL * 4'500'000);
  ASSERT_EQ(plan->paths.size(), 2u);
  EXPECT_EQ(plan->paths[0].kg_per_week, 10'000);
  EXPECT_EQ(plan->paths[1].kg_per_week, 2'000);
  EXPECT_EQ(plan->paths[1].cost_per_kg_micros, 4'500'000);
}

TEST(PlanFlow, ReportsShortfallWhenDemandExceedsCapacity) {
  const auto network = TwoWays();
  const auto plan = Plan(*network, 120'000);
  ASSERT_TRUE(plan.ok());
  EXPECT_EQ(plan->demand_kg_per_week, 120'000);
  EXPECT_EQ(plan->shipped_kg_per_week, 15'000);
  EXPECT_EQ(plan->shortfall_kg_per_week, 105'000);
  EXPECT_EQ(plan->total_cost_micros, 10'000LL * 2'000'000 + 5'000LL * 4'500'000);
  ASSERT_EQ(plan->route_flows.size(), 4u);
  EXPECT_EQ(plan->route_flows[0].flow_kg_per_week, 10'000);
}

TEST(PlanFlow, ZeroDemandShipsNothing) {
  const auto plan = Plan(*TwoWays(), 0);
  ASSERT_TRUE(plan.ok());
  EXPECT_EQ(plan->shipped_kg_per_week, 0);
  EXPECT_TRUE(plan->paths.empty());
  EXPECT_EQ(plan->total_cost_micros, 0);
}

TEST(PlanFlow, RejectsNegativeAndAbsurdDemands) {
  const auto network = TwoWays();
  for (std::int64_t demand : {std::int64_t{-1}, kMaxDemandKgPerWeek + 1}) {
    const auto plan = Plan(*network, demand);
    ASSERT_FALSE(plan.ok());
    EXPECT_EQ(plan.error().code, ErrorCode::kInvalidArgument);
    EXPECT_EQ(plan.error().field, "demand_kg_per_week");
  }
}

// 1e9 kg/week (1e6 kg x factor 1000) at the maximum cost per kg on two legs: 2e18 micros, past
// what a 64-bit product of two int32-sized factors would survive, and still exact.
TEST(PlanFlow, TotalCostIsExactForLargeValues) {
  const auto network = MakeFlowNetwork(
      {"SSS", "AAA", "TTT"},
      {{"SSS", "AAA", 1'000'000, 1'000'000'000}, {"AAA", "TTT", 1'000'000, 1'000'000'000}});
  Scenario scenario;
  scenario.as_of = test::TestDate();
  scenario.capacity_factors.push_back({RouteId(), "SSS-AAA-0", 1000.0});
  scenario.capacity_factors.push_back({RouteId(), "AAA-TTT-1", 1000.0});
  const auto view = ScenarioView::Make(*network, scenario);
  ASSERT_TRUE(view.ok());
  StopCheck stop;
  const auto plan =
      PlanFlow(*view, {Id(*network, "SSS"), {Id(*network, "TTT")}, kMaxDemandKgPerWeek}, stop);
  ASSERT_TRUE(plan.ok());
  EXPECT_EQ(plan->shipped_kg_per_week, 1'000'000'000);
  // 1e9 kg x 2e9 micros = 2e18 < INT64_MAX (9.2e18).
  EXPECT_EQ(plan->total_cost_micros, 2'000'000'000'000'000'000);
  EXPECT_FALSE(plan->cost_saturated);
}

TEST(PlanFlow, TotalCostSaturatesInsteadOfOverflowing) {
  // Ten parallel two-leg paths like the one above: 1e10 kg x 2e9 = 2e19 > INT64_MAX.
  std::vector<test::TestArc> arcs;
  for (int i = 0; i < 10; ++i) {
    arcs.push_back({"SSS", "AAA", 1'000'000, 1'000'000'000});
    arcs.push_back({"AAA", "TTT", 1'000'000, 1'000'000'000});
  }
  const auto network = MakeFlowNetwork({"SSS", "AAA", "TTT"}, arcs);
  Scenario scenario;
  scenario.as_of = test::TestDate();
  for (const Route& r : network->routes()) {
    scenario.capacity_factors.push_back({RouteId(), r.id, 1000.0});
  }
  const auto view = ScenarioView::Make(*network, scenario);
  ASSERT_TRUE(view.ok());
  StopCheck stop;
  const auto plan =
      PlanFlow(*view, {Id(*network, "SSS"), {Id(*network, "TTT")}, kMaxDemandKgPerWeek}, stop);
  ASSERT_TRUE(plan.ok());
  EXPECT_EQ(plan->shipped_kg_per_week, 10'000'000'000);
  EXPECT_TRUE(plan->cost_saturated);
  EXPECT_EQ(plan->total_cost_micros, std::numeric_limits<std::int64_t>::max());
}

// The cheapest feasible flow by enumerating every integer flow on a tiny graph.
std::int64_t BruteForceMinCost(const Network& network, std::int64_t amount) {
  const auto routes = network.routes();
  std::vector<std::int64_t> flow(routes.size(), 0);
  std::int64_t best = std::numeric_limits<std::int64_t>::max();
  for (;;) {
    std::vector<std::int64_t> balance(network.airports().size(), 0);
    std::int64_t cost = 0;
    for (std::size_t i = 0; i < routes.size(); ++i) {
      balance[routes[i].origin.value] -= flow[i];
      balance[routes[i].destination.value] += flow[i];
      cost += flow[i] * routes[i].cost_per_kg_micros;
    }
    bool feasible = balance[0] == -amount && balance[1] == amount;
    for (std::size_t a = 2; a < balance.size(); ++a) feasible = feasible && balance[a] == 0;
    if (feasible) best = std::min(best, cost);
    std::size_t i = 0;
    while (i < routes.size() && flow[i] == routes[i].payload_kg) flow[i++] = 0;
    if (i == routes.size()) break;
    ++flow[i];
  }
  return best;
}

TEST(PlanFlow, EqualsBruteForceOnTinyGraphs) {
  int nontrivial = 0;
  for (std::uint32_t seed = 1; seed <= 60; ++seed) {
    const auto network = test::RandomFlowNetwork(seed, 4 + static_cast<int>(seed % 2), 2, 3, 9);
    const ScenarioView view = ScenarioView::Operating(*network, test::TestDate());
    StopCheck stop;
    const auto max = ComputeCapacity(view, {AirportId(0), {AirportId(1)}}, stop);
    ASSERT_TRUE(max.ok());
    const std::int64_t demand = static_cast<std::int64_t>(seed % 5);
    const auto plan = PlanFlow(view, {AirportId(0), {AirportId(1)}, demand}, stop);
    ASSERT_TRUE(plan.ok());
    const std::int64_t shipped = std::min(demand, max->max_flow_kg_per_week);
    EXPECT_EQ(plan->shipped_kg_per_week, shipped) << "seed " << seed;
    EXPECT_EQ(plan->shortfall_kg_per_week, demand - shipped);
    EXPECT_EQ(plan->total_cost_micros, BruteForceMinCost(*network, shipped)) << "seed " << seed;
    if (shipped > 1) ++nontrivial;
  }
  EXPECT_GE(nontrivial, 15);  // the seeds exercise real choices, not just empty plans
}

// Larger seeded graphs: cost and flow equal Boost's successive shortest paths, the paths add up
// to the shipment and to the route flows, and each path runs origin -> destination.
TEST(PlanFlow, AgreesWithBoostAndDecomposesIntoPaths) {
  int with_shortfall = 0;
  int multi_path = 0;
  for (std::uint32_t seed = 1; seed <= 25; ++seed) {
    const int nodes = 10 + static_cast<int>(seed * 7 % 60);
    const auto network = test::RandomFlowNetwork(seed, nodes, 4, 100'000, 5'000'000);
    const ScenarioView view = ScenarioView::Operating(*network, test::TestDate());
    std::vector<AirportId> destinations{AirportId(1)};
    if (seed % 2 == 0) destinations.push_back(AirportId(2));
    const std::int64_t demand = 50'000 + 20'000 * static_cast<std::int64_t>(seed);
    StopCheck stop;
    const auto plan = PlanFlow(view, {AirportId(0), destinations, demand}, stop);
    ASSERT_TRUE(plan.ok());
    const auto flow_network = FlowNetwork::Build(view, AirportId(0), destinations);
    ASSERT_TRUE(flow_network.ok());
    const BoostMinCostFlowResult boost = BoostMinCostFlow(*flow_network, demand);
    EXPECT_EQ(plan->shipped_kg_per_week, boost.flow_kg) << "seed " << seed;
    EXPECT_EQ(plan->total_cost_micros, static_cast<std::int64_t>(boost.cost_micros))
        << "seed " << seed;

    std::int64_t path_kg = 0;
    std::vector<std::int64_t> route_kg(network->routes().size(), 0);
    for (const PlannedPath& path : plan->paths) {
      ASSERT_FALSE(path.routes.empty());
      EXPECT_GT(path.kg_per_week, 0);
      path_kg += path.kg_per_week;
      EXPECT_EQ(network->route(path.routes.front()).origin, AirportId(0));
      const AirportId end = network->route(path.routes.back()).destination;
      EXPECT_TRUE(std::find(destinations.begin(), destinations.end(), end) != destinations.end());
      std::int64_t cost = 0;
      for (std::size_t i = 0; i < path.routes.size(); ++i) {
        if (i > 0) {
          EXPECT_EQ(network->route(path.routes[i - 1]).destination,
                    network->route(path.routes[i]).origin);
        }
        cost += network->route(path.routes[i]).cost_per_kg_micros;
        route_kg[path.routes[i].value] += path.kg_per_week;
      }
      EXPECT_EQ(cost, path.cost_per_kg_micros);
    }
    EXPECT_EQ(path_kg, plan->shipped_kg_per_week);
    if (plan->shortfall_kg_per_week > 0) ++with_shortfall;
    if (plan->paths.size() > 2) ++multi_path;
    for (const RouteFlow& f : plan->route_flows) {
      EXPECT_EQ(route_kg[f.route.value], f.flow_kg_per_week);
      EXPECT_LE(f.flow_kg_per_week, f.capacity_kg_per_week);
    }
  }
  EXPECT_GE(with_shortfall, 3);
  EXPECT_GE(multi_path, 10);
}

}  // namespace
}  // namespace aircargo::routes
