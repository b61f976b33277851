// PlanDemand against independent implementations on random networks: with one demand the
// delivered maximum equals ComputeCapacity's (Dinic) and Boost's push-relabel maximum flow, and
// the least cost equals PlanFlow's and Boost's successive-shortest-paths minimum cost; demands from
// one origin deliver a super-sink maximum flow in total; every verified upgrade gain equals the
// difference of two independent plans (the upgrade made as a scenario change).
#include <gtest/gtest.h>

#include <cmath>

#include "routes/capacity/boost_flow.h"
#include "routes/capacity/flow_network.h"
#include "routes/capacity/max_flow.h"
#include "routes/capacity/min_cost_flow.h"
#include "routes/demand/demand.h"
#include "tests/routes/capacity/flow_test_network.h"

namespace aircargo::routes {
namespace {

std::int64_t TotalCapacity(const Network& n) {
  std::int64_t total = 0;
  for (const Route& r : n.routes()) total += r.weekly_capacity_kg();
  return total;
}

TEST(PlanDemandOracle, OneDemandMatchesMaxFlowAndMinCostFlow) {
  for (std::uint32_t seed = 1; seed <= 12; ++seed) {
    const auto n = test::RandomFlowNetwork(seed, 25, 3, 40'000, 500);
    const ScenarioView view = ScenarioView::Operating(*n, test::TestDate());
    const AirportId from(0);
    const AirportId to(seed % 24 + 1);
    StopCheck stop;
    auto capacity = ComputeCapacity(view, {from, {to}}, stop);
    ASSERT_TRUE(capacity.ok());
    const std::int64_t max_flow = capacity->max_flow_kg_per_week;
    auto flow_net = FlowNetwork::Build(view, from, std::vector<AirportId>{to});
    ASSERT_TRUE(flow_net.ok());
    EXPECT_EQ(BoostMaxFlow(*flow_net, BoostMaxFlowAlgorithm::kPushRelabel), max_flow);

    // All of it (demand above every capacity), then about half of it.
    for (const std::int64_t demand : {TotalCapacity(*n), max_flow / 2 + 1}) {
      DemandQuery q;
      q.demands.push_back({from, to, demand, 1.0});
      auto plan = PlanDemand(view, q, stop);
      ASSERT_TRUE(plan.ok()) << plan.error().ToString();
      const std::int64_t shipped = std::min(demand, max_flow);
      EXPECT_EQ(plan->delivered_kg_per_week, shipped) << "seed " << seed;
      auto flow = PlanFlow(view, {from, {to}, demand}, stop);
      ASSERT_TRUE(flow.ok());
      EXPECT_EQ(plan->total_cost_micros, flow->total_cost_micros) << "seed " << seed;
      const auto boost = BoostMinCostFlow(*flow_net, demand);
      EXPECT_EQ(boost.flow_kg, shipped);
      EXPECT_EQ(static_cast<Int128>(plan->total_cost_micros), boost.cost_micros) << "seed " << seed;
      // Route loads within capacity; paths add up to the delivered kg.
      std::int64_t on_paths = 0;
      for (const DemandPath& p : plan->allocations[0].paths) on_paths += p.kg_per_week;
      EXPECT_EQ(on_paths, plan->delivered_kg_per_week);
      for (const RouteLoad& load : plan->route_loads) {
        EXPECT_LE(load.load_kg_per_week, load.capacity_kg_per_week);
      }
    }
  }
}

TEST(PlanDemandOracle, AirportLimitsMatchMaxFlow) {
  for (std::uint32_t seed = 1; seed <= 6; ++seed) {
    const auto base = test::RandomFlowNetwork(seed, 12, 3, 40'000, 50);
    std::vector<std::string> codes;
    std::vector<test::TestArc> arcs;
    for (const Airport& a : base->airports()) codes.push_back(a.iata);
    for (const Route& r : base->routes()) {
      arcs.push_back({base->airport(r.origin).iata, base->airport(r.destination).iata, r.payload_kg,
                      r.cost_per_kg_micros});
    }
    const auto n = test::MakeFlowNetwork(
        codes, arcs, {{codes[0], 30'000}, {codes[3], 20'000}, {codes[5], 9'000}});
    const ScenarioView view = ScenarioView::Operating(*n, test::TestDate());
    StopCheck stop;
    for (std::uint32_t to = 1; to < 12; to += 4) {
      auto capacity = ComputeCapacity(view, {AirportId(0), {AirportId(to)}}, stop);
      ASSERT_TRUE(capacity.ok());
      DemandQuery q;
      q.demands.push_back({AirportId(0), AirportId(to), TotalCapacity(*n), 1.0});
      auto plan = PlanDemand(view, q, stop);
      ASSERT_TRUE(plan.ok());
      EXPECT_EQ(plan->delivered_kg_per_week, capacity->max_flow_kg_per_week)
          << "seed " << seed << " to " << to;
    }
  }
}

TEST(PlanDemandOracle, DemandsFromOneOriginTotalTheSuperSinkMaxFlow) {
  for (std::uint32_t seed = 1; seed <= 8; ++seed) {
    const auto n = test::RandomFlowNetwork(seed + 100, 30, 3, 30'000, 100);
    const ScenarioView view = ScenarioView::Operating(*n, test::TestDate());
    std::vector<AirportId> destinations;
    DemandQuery q;
    for (std::uint32_t d = 3; d < 30; d += 5) {
      destinations.push_back(AirportId(d));
      q.demands.push_back({AirportId(0), AirportId(d), TotalCapacity(*n), 1.0});
    }
    StopCheck stop;
    auto plan = PlanDemand(view, q, stop);
    ASSERT_TRUE(plan.ok());
    auto flow_net = FlowNetwork::Build(view, AirportId(0), destinations);
    ASSERT_TRUE(flow_net.ok());
    EXPECT_EQ(plan->delivered_kg_per_week,
              BoostMaxFlow(*flow_net, BoostMaxFlowAlgorithm::kPushRelabel))
        << "seed " << seed;
    // Feasible: no route above its capacity.
    for (const RouteLoad& load : plan->route_loads) {
      EXPECT_LE(load.load_kg_per_week, load.capacity_kg_per_week);
    }
  }
}

TEST(PlanDemandOracle, VerifiedUpgradeGainsEqualIndependentReplans) {
  int verified = 0;
  int positive = 0;
  for (std::uint32_t seed = 1; seed <= 5; ++seed) {
    const auto n = test::RandomFlowNetwork(seed + 200, 20, 3, 30'000, 100);
    const ScenarioView view = ScenarioView::Operating(*n, test::TestDate());
    DemandQuery q;
    for (std::uint32_t d = 0; d < 6; ++d) {
      q.demands.push_back({AirportId(d), AirportId(19 - d), 40'000, 1.0 + d % 3});
    }
    q.verify_upgrades = 5;
    StopCheck stop;
    auto plan = PlanDemand(view, q, stop);
    ASSERT_TRUE(plan.ok());
    DemandQuery plain = q;
    plain.verify_upgrades = 0;
    for (const Upgrade& u : plan->upgrades) {
      if (!u.verified_gain) continue;
      ++verified;
      positive += *u.verified_gain > 1e-3 ? 1 : 0;
      EXPECT_LE(*u.verified_gain, u.predicted_gain + 1e-6);
      ASSERT_EQ(u.kind, Upgrade::Kind::kRouteFrequency);  // no planned routes, no airport limits
      // One more weekly flight on a one-flight route: capacity factor 2.
      Scenario more;
      more.as_of = test::TestDate();
      more.capacity_factors.push_back({u.route, "", 2.0});
      auto upgraded_view = ScenarioView::Make(*n, more);
      ASSERT_TRUE(upgraded_view.ok());
      auto upgraded = PlanDemand(*upgraded_view, plain, stop);
      ASSERT_TRUE(upgraded.ok());
      EXPECT_NEAR(upgraded->weighted_delivered - plan->weighted_delivered, *u.verified_gain, 1e-3)
          << "seed " << seed << " route " << n->route(u.route).id;
    }
  }
  EXPECT_GE(verified, 10);
  EXPECT_GE(positive, 3);
}

}  // namespace
}  // namespace aircargo::routes
