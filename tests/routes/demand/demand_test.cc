// Hand-sized demand allocations with answers worked out by hand: two demands competing for one
// bottleneck, fair share splitting it by demand size, a priority winning it, least cost among the
// maximal plans, shadow prices and upgrades (predicted bound vs verified re-solve), airport limits,
// planned routes, and bad input.
#include "routes/demand/demand.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "tests/routes/capacity/flow_test_network.h"

namespace aircargo::routes {
namespace {

using test::Id;
using test::MakeFlowNetwork;

// AAA and BBB feed HUB (10 t each); HUB -> DST is the 10 t bottleneck (cost 5 micros/kg); a
// dearer direct AAA -> DST (2 t, 100 micros/kg); a planned BBB -> DST of 3 t.
std::shared_ptr<const Network> Bottleneck(std::map<std::string, std::int64_t> throughput = {}) {
  return MakeFlowNetwork({"AAA", "BBB", "HUB", "DST"},
                         {{"AAA", "HUB", 10'000, 1},
                          {"BBB", "HUB", 10'000, 1},
                          {"HUB", "DST", 10'000, 5},
                          {"AAA", "DST", 2'000, 100},
                          {"BBB", "DST", 3'000, 1, true}},
                         throughput);
}

DemandQuery Query(const Network& n,
                  std::vector<std::tuple<std::string, std::string, std::int64_t, double>> rows) {
  DemandQuery q;
  for (const auto& [from, to, kg, priority] : rows) {
    q.demands.push_back({Id(n, from), Id(n, to), kg, priority});
  }
  return q;
}

DemandPlan Plan(const Network& n, const DemandQuery& q, const Scenario* scenario = nullptr) {
  StopCheck stop;
  if (scenario != nullptr) {
    auto view = ScenarioView::Make(n, *scenario);
    EXPECT_TRUE(view.ok());
    auto plan = PlanDemand(*view, q, stop);
    EXPECT_TRUE(plan.ok()) << plan.error().ToString();
    return *plan;
  }
  const ScenarioView view = ScenarioView::Operating(n, test::TestDate());
  auto plan = PlanDemand(view, q, stop);
  EXPECT_TRUE(plan.ok()) << plan.error().ToString();
  return plan.ok() ? *plan : DemandPlan{};
}

TEST(PlanDemand, TwoDemandsShareTheBottleneck) {
  const auto n = Bottleneck();
  const DemandPlan plan =
      Plan(*n, Query(*n, {{"AAA", "DST", 8'000, 1.0}, {"BBB", "DST", 8'000, 1.0}}));
  // 10 t through HUB plus AAA's 2 t direct.
  EXPECT_EQ(plan.delivered_kg_per_week, 12'000);
  EXPECT_EQ(plan.demand_kg_per_week, 16'000);
  ASSERT_EQ(plan.allocations.size(), 2u);
  EXPECT_EQ(plan.allocations[0].delivered_kg_per_week + plan.allocations[1].delivered_kg_per_week,
            12'000);
  EXPECT_EQ(plan.allocations[0].shortfall_kg_per_week + plan.allocations[1].shortfall_kg_per_week,
            4'000);
  // Least cost among the 12 t plans: the 2 t direct (100/kg) cannot be avoided; 10 t via HUB at 6.
  EXPECT_EQ(plan.total_cost_micros, 10'000 * 6 + 2'000 * 100);
  // The bottleneck and the direct route are saturated and priced at 1 weighted kg per kg.
  ASSERT_FALSE(plan.shadow_prices.empty());
  EXPECT_NEAR(plan.shadow_prices.front().weighted_kg_per_kg, 1.0, 1e-9);
  EXPECT_EQ(plan.route_loads.front().load_kg_per_week,
            plan.route_loads.front().capacity_kg_per_week);
}

TEST(PlanDemand, LeastCostAmongMaximalPlansUsesTheCheapPath) {
  const auto n = Bottleneck();
  const DemandPlan plan = Plan(*n, Query(*n, {{"AAA", "DST", 5'000, 1.0}}));
  EXPECT_EQ(plan.delivered_kg_per_week, 5'000);
  ASSERT_EQ(plan.allocations[0].paths.size(), 1u);
  EXPECT_EQ(plan.allocations[0].paths[0].routes.size(), 2u);  // via HUB, not the dear direct
  EXPECT_EQ(plan.allocations[0].cost_per_kg_micros, 6);
  EXPECT_EQ(plan.total_cost_micros, 30'000);
}

TEST(PlanDemand, PriorityWinsTheBottleneck) {
  const auto n = Bottleneck();
  const DemandPlan plan =
      Plan(*n, Query(*n, {{"AAA", "DST", 12'000, 1.0}, {"BBB", "DST", 9'000, 3.0}}));
  EXPECT_EQ(plan.allocations[1].delivered_kg_per_week, 9'000);  // BBB first through HUB
  EXPECT_EQ(plan.allocations[0].delivered_kg_per_week, 3'000);  // 1 t via HUB + 2 t direct
  EXPECT_NEAR(plan.weighted_delivered, 9'000 * 3.0 + 3'000, 1e-3);
}

TEST(PlanDemand, FairShareSplitsTheBottleneckByDemandSize) {
  // Without the direct route: AAA 4 t and BBB 12 t share HUB -> DST 10 t: fraction 10/16.
  const auto n = MakeFlowNetwork(
      {"AAA", "BBB", "HUB", "DST"},
      {{"AAA", "HUB", 10'000, 1}, {"BBB", "HUB", 10'000, 1}, {"HUB", "DST", 10'000, 5}});
  DemandQuery q = Query(*n, {{"AAA", "DST", 4'000, 1.0}, {"BBB", "DST", 12'000, 1.0}});
  q.objective = DemandObjective::kFairShare;
  const DemandPlan plan = Plan(*n, q);
  EXPECT_NEAR(plan.fair_fraction, 0.625, 1e-9);
  EXPECT_EQ(plan.allocations[0].delivered_kg_per_week, 2'500);
  EXPECT_EQ(plan.allocations[1].delivered_kg_per_week, 7'500);
  // The max-delivered objective gives the same total but need not split it so.
  q.objective = DemandObjective::kMaxDelivered;
  EXPECT_EQ(Plan(*n, q).delivered_kg_per_week, 10'000);
}

TEST(PlanDemand, FairShareThenDeliversMoreBeyondTheFraction) {
  // AAA -> DST is capped at 1 t (fraction 0.25 of its 4 t); BBB's own 8 t route gives it more.
  const auto n =
      MakeFlowNetwork({"AAA", "BBB", "DST"}, {{"AAA", "DST", 1'000, 1}, {"BBB", "DST", 8'000, 1}});
  DemandQuery q = Query(*n, {{"AAA", "DST", 4'000, 1.0}, {"BBB", "DST", 10'000, 1.0}});
  q.objective = DemandObjective::kFairShare;
  const DemandPlan plan = Plan(*n, q);
  EXPECT_NEAR(plan.fair_fraction, 0.25, 1e-9);
  EXPECT_EQ(plan.allocations[0].delivered_kg_per_week, 1'000);
  EXPECT_EQ(plan.allocations[1].delivered_kg_per_week, 8'000);
}

TEST(PlanDemand, AirportLimitBindsAndIsPriced) {
  const auto n = Bottleneck({{"HUB", 6'000}});
  const DemandPlan plan = Plan(*n, Query(*n, {{"BBB", "DST", 9'000, 1.0}}));
  EXPECT_EQ(plan.delivered_kg_per_week, 6'000);
  ASSERT_EQ(plan.shadow_prices.size(), 1u);
  EXPECT_EQ(plan.shadow_prices[0].kind, ShadowPrice::Kind::kAirport);
  EXPECT_EQ(plan.shadow_prices[0].airport, Id(*n, "HUB"));
  EXPECT_NEAR(plan.shadow_prices[0].weighted_kg_per_kg, 1.0, 1e-9);
  EXPECT_EQ(plan.shadow_prices[0].load_kg_per_week, 6'000);
}

TEST(PlanDemand, UpgradesArePredictedAsBoundsAndVerifiedByReSolving) {
  const auto n = Bottleneck();
  DemandQuery q = Query(*n, {{"BBB", "DST", 13'000, 1.0}});
  q.verify_upgrades = 5;
  const DemandPlan plan = Plan(*n, q);
  EXPECT_EQ(plan.delivered_kg_per_week, 10'000);
  ASSERT_FALSE(plan.upgrades.empty());
  // +1 flight on BBB-HUB or HUB-DST (10 t) predicts 10 t, but each alone gains 0 (the other binds);
  // opening the planned BBB -> DST (3 t) predicts and gains 3 t: the verified best.
  double best = 0;
  for (const Upgrade& u : plan.upgrades) {
    ASSERT_TRUE(u.verified_gain.has_value());
    EXPECT_LE(*u.verified_gain, u.predicted_gain + 1e-6);
    best = std::max(best, *u.verified_gain);
    if (u.kind == Upgrade::Kind::kOpenPlannedRoute) {
      EXPECT_EQ(n->route(u.route).id, "BBB-DST-4");
      EXPECT_NEAR(*u.verified_gain, 3'000, 1e-3);
    }
  }
  EXPECT_NEAR(best, 3'000, 1e-3);
  EXPECT_TRUE(plan.best_upgrade_proven);
  // The verified gain of opening it equals the re-plan with planned routes included.
  Scenario with_planned;
  with_planned.as_of = test::TestDate();
  with_planned.include_planned = true;
  DemandQuery plain = q;
  plain.verify_upgrades = 0;
  EXPECT_NEAR(Plan(*n, plain, &with_planned).weighted_delivered - plan.weighted_delivered, 3'000,
              1e-3);
}

TEST(PlanDemand, RejectsBadInputNamingTheField) {
  const auto n = Bottleneck();
  const ScenarioView view = ScenarioView::Operating(*n, test::TestDate());
  StopCheck stop;
  const auto code_and_field = [&](const DemandQuery& q) {
    auto plan = PlanDemand(view, q, stop);
    EXPECT_FALSE(plan.ok());
    return plan.ok() ? std::make_pair(ErrorCode::kInternal, std::string())
                     : std::make_pair(plan.error().code, plan.error().field);
  };
  EXPECT_EQ(code_and_field({}),
            std::make_pair(ErrorCode::kInvalidArgument, std::string("demands")));
  DemandQuery q = Query(*n, {{"AAA", "DST", -1, 1.0}});
  EXPECT_EQ(code_and_field(q),
            std::make_pair(ErrorCode::kInvalidArgument, std::string("demands[0].kg_per_week")));
  q = Query(*n, {{"AAA", "DST", 1, 0.0}});
  EXPECT_EQ(code_and_field(q),
            std::make_pair(ErrorCode::kInvalidArgument, std::string("demands[0].priority")));
  q = Query(*n, {{"AAA", "AAA", 1, 1.0}});
  EXPECT_EQ(code_and_field(q),
            std::make_pair(ErrorCode::kInvalidArgument, std::string("demands[0].destination")));
  q = Query(*n, {{"AAA", "DST", 1, 1.0}});
  q.demands[0].origin = AirportId(99);
  EXPECT_EQ(code_and_field(q),
            std::make_pair(ErrorCode::kNotFound, std::string("demands[0].origin")));
  q = Query(*n, {{"AAA", "DST", 1, 1.0}});
  q.demands.resize(kMaxDemands + 1, q.demands[0]);
  EXPECT_EQ(code_and_field(q),
            std::make_pair(ErrorCode::kResourceExhausted, std::string("demands")));
  q = Query(*n, {{"AAA", "DST", 1, 1.0}});
  q.verify_upgrades = kMaxUpgradeChecks + 1;
  EXPECT_EQ(code_and_field(q),
            std::make_pair(ErrorCode::kInvalidArgument, std::string("verify_upgrades")));
}

TEST(PlanDemand, StopsWhenTheStopCheckSaysSo) {
  const auto n = test::RandomFlowNetwork(7, 60, 4, 50'000, 100);
  const ScenarioView view = ScenarioView::Operating(*n, test::TestDate());
  DemandQuery q;
  for (int i = 1; i < 20; ++i) q.demands.push_back({AirportId(0), AirportId(i), 100'000, 1.0});
  StopCheck stop(StopCheck::Clock::now() - std::chrono::seconds(1), {}, 1);
  auto plan = PlanDemand(view, q, stop);
  ASSERT_FALSE(plan.ok());
  EXPECT_EQ(plan.error().code, ErrorCode::kDeadlineExceeded);
}

}  // namespace
}  // namespace aircargo::routes
