#include "routes/capacity/closures.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "tests/routes/capacity/flow_test_network.h"

namespace aircargo::routes {
namespace {

using test::Id;
using test::MakeFlowNetwork;

// SSS --10--> AAA --10--> TTT
//  \--4--> BBB --4--> TTT        and an idle spur SSS --5--> CCC (no way on)
std::shared_ptr<const Network> Diamond() {
  return MakeFlowNetwork({"SSS", "AAA", "BBB", "CCC", "TTT"}, {{"SSS", "AAA", 10'000},
                                                               {"AAA", "TTT", 10'000},
                                                               {"SSS", "BBB", 4'000},
                                                               {"BBB", "TTT", 4'000},
                                                               {"SSS", "CCC", 5'000}});
}

TEST(AnalyzeClosures, RanksLossesAndSkipsIdleRoutes) {
  const auto network = Diamond();
  const ScenarioView view = ScenarioView::Operating(*network, test::TestDate());
  StopCheck stop;
  const auto analysis = AnalyzeClosures(view, {Id(*network, "SSS"), {Id(*network, "TTT")}}, stop);
  ASSERT_TRUE(analysis.ok()) << analysis.error().ToString();
  EXPECT_EQ(analysis->base_kg_per_week, 14'000);
  ASSERT_EQ(analysis->closures.size(), 6u);  // 4 routes, 2 airports carry flow
  // Loss 10 t: both routes of the AAA leg and the AAA airport; routes first, then airports.
  EXPECT_EQ(analysis->closures[0].kind, Closure::Kind::kRoute);
  EXPECT_EQ(network->route(analysis->closures[0].route).id, "SSS-AAA-0");
  EXPECT_EQ(analysis->closures[0].lost_kg_per_week, 10'000);
  EXPECT_EQ(analysis->closures[0].remaining_kg_per_week, 4'000);
  EXPECT_FALSE(analysis->closures[0].disconnects);
  EXPECT_EQ(analysis->closures[2].kind, Closure::Kind::kAirport);
  EXPECT_EQ(network->airport(analysis->closures[2].airport).iata, "AAA");
  EXPECT_EQ(analysis->closures[5].lost_kg_per_week, 4'000);
  EXPECT_EQ(analysis->routes_without_flow, 1);    // SSS-CCC
  EXPECT_EQ(analysis->airports_without_flow, 1);  // CCC
}

TEST(AnalyzeClosures, MarksClosuresThatDisconnect) {
  const auto network =
      MakeFlowNetwork({"SSS", "HUB", "TTT"}, {{"SSS", "HUB", 10'000}, {"HUB", "TTT", 6'000}});
  const ScenarioView view = ScenarioView::Operating(*network, test::TestDate());
  StopCheck stop;
  const auto analysis = AnalyzeClosures(view, {Id(*network, "SSS"), {Id(*network, "TTT")}}, stop);
  ASSERT_TRUE(analysis.ok());
  ASSERT_EQ(analysis->closures.size(), 3u);
  for (const Closure& c : analysis->closures) {
    EXPECT_TRUE(c.disconnects);
    EXPECT_EQ(c.lost_kg_per_week, 6'000);
  }
}

// Every closure equals a from-scratch ComputeCapacity on a scenario that closes it.
TEST(AnalyzeClosures, EqualsRecomputationFromScratch) {
  for (std::uint32_t seed = 1; seed <= 12; ++seed) {
    const auto network = test::RandomFlowNetwork(seed, 8 + static_cast<int>(seed), 3, 20'000, 0);
    const ScenarioView view = ScenarioView::Operating(*network, test::TestDate());
    std::vector<AirportId> destinations{AirportId(1)};
    if (seed % 4 == 0) destinations.push_back(AirportId(2));
    StopCheck stop;
    const auto analysis = AnalyzeClosures(view, {AirportId(0), destinations}, stop);
    ASSERT_TRUE(analysis.ok());
    std::vector<bool> listed_route(network->routes().size(), false);
    std::vector<bool> listed_airport(network->airports().size(), false);
    for (const Closure& c : analysis->closures) {
      Scenario scenario;
      scenario.as_of = test::TestDate();
      if (c.kind == Closure::Kind::kRoute) {
        scenario.closed_routes.push_back(c.route);
        listed_route[c.route.value] = true;
      } else {
        scenario.closed_airports.push_back(c.airport);
        listed_airport[c.airport.value] = true;
      }
      const auto closed = ScenarioView::Make(*network, scenario);
      ASSERT_TRUE(closed.ok());
      const auto fresh = ComputeCapacity(*closed, {AirportId(0), destinations}, stop);
      ASSERT_TRUE(fresh.ok());
      EXPECT_EQ(c.remaining_kg_per_week, fresh->max_flow_kg_per_week) << "seed " << seed;
      EXPECT_EQ(c.lost_kg_per_week, analysis->base_kg_per_week - fresh->max_flow_kg_per_week);
    }
    // Routes left out really lose nothing.
    for (std::uint32_t r = 0; r < network->routes().size(); ++r) {
      if (listed_route[r]) continue;
      Scenario scenario;
      scenario.as_of = test::TestDate();
      scenario.closed_routes.push_back(RouteId(r));
      const auto closed = ScenarioView::Make(*network, scenario);
      ASSERT_TRUE(closed.ok());
      const auto fresh = ComputeCapacity(*closed, {AirportId(0), destinations}, stop);
      ASSERT_TRUE(fresh.ok());
      EXPECT_EQ(fresh->max_flow_kg_per_week, analysis->base_kg_per_week) << "route " << r;
    }
    for (std::size_t i = 1; i < analysis->closures.size(); ++i) {
      EXPECT_GE(analysis->closures[i - 1].lost_kg_per_week, analysis->closures[i].lost_kg_per_week);
    }
  }
}

}  // namespace
}  // namespace aircargo::routes
