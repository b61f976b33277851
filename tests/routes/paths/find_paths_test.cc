// FindPaths on the diamond network (tests/routes/paths/diamond.h): each objective, k
// alternatives over the multigraph, totals, the Pareto set, errors and the StopCheck.
#include "routes/paths/find_paths.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "tests/routes/paths/diamond.h"

namespace aircargo::routes::test {
namespace {

using ::testing::ElementsAre;
using Ids_ = std::vector<std::string>;

TEST(FindPaths, DistancePicksFewestKilometres) {
  const auto n = Diamond();
  const auto view = ScenarioView::Operating(*n, kPathsDay);
  const PathsResult r = Solve(view, Query(*n, "AAA", "DDD"));
  ASSERT_EQ(r.paths.size(), 1u);
  EXPECT_EQ(r.reason, PathReason::kFound);
  EXPECT_THAT(Ids(view, r.paths[0]), ElementsAre("AC-TR", "CD-W8"));
  EXPECT_DOUBLE_EQ(r.paths[0].distance_km, 1700);
  EXPECT_EQ(r.paths[0].legs(), 2u);
}

TEST(FindPaths, TransitTimeAddsClearanceWaitsAndConnections) {
  const auto n = Diamond();
  const auto view = ScenarioView::Operating(*n, kPathsDay);
  const PathsResult r = Solve(view, Query(*n, "AAA", "DDD", Objective::kTransitTime, 4));
  ASSERT_EQ(r.paths.size(), 4u);
  EXPECT_THAT(AllIds(view, r), ElementsAre(Ids_{"AB-CA", "BD-W8"}, Ids_{"AB-W8", "BD-W8"},
                                           Ids_{"AC-TR", "CD-W8"}, Ids_{"AD-LH"}));
  // 30 + (150 + 10080/14/2) + 60 + (120 + 10080/7/2) + 40.
  EXPECT_EQ(r.paths[0].transit_minutes, 30 + (150 + 360) + 60 + (120 + 720) + 40);
  EXPECT_EQ(r.paths[1].transit_minutes, 1810);
  EXPECT_EQ(r.paths[2].transit_minutes, 2280);
  EXPECT_EQ(r.paths[3].transit_minutes, 30 + 240 + 2520 + 40);
}

TEST(FindPaths, CostPicksCheapestPerKilogram) {
  const auto n = Diamond();
  const auto view = ScenarioView::Operating(*n, kPathsDay);
  const PathsResult r = Solve(view, Query(*n, "AAA", "DDD", Objective::kCost, 2));
  ASSERT_EQ(r.paths.size(), 2u);
  EXPECT_THAT(Ids(view, r.paths[0]), ElementsAre("AC-TR", "CD-W8"));
  EXPECT_EQ(r.paths[0].cost_per_kg_micros, 1'500'000);
  EXPECT_THAT(Ids(view, r.paths[1]), ElementsAre("AB-CA", "BD-W8"));
  EXPECT_EQ(r.paths[1].cost_per_kg_micros, 1'800'000);
}

TEST(FindPaths, LegsPicksDirectRoute) {
  const auto n = Diamond();
  const auto view = ScenarioView::Operating(*n, kPathsDay);
  const PathsResult r = Solve(view, Query(*n, "AAA", "DDD", Objective::kLegs, 2));
  ASSERT_EQ(r.paths.size(), 2u);
  EXPECT_THAT(Ids(view, r.paths[0]), ElementsAre("AD-LH"));
  // Among the two-leg paths the tie goes to the shorter one.
  EXPECT_THAT(Ids(view, r.paths[1]), ElementsAre("AC-TR", "CD-W8"));
}

TEST(FindPaths, TwoCarriersOnOnePairAreTwoAlternatives) {
  const auto n = Diamond();
  const auto view = ScenarioView::Operating(*n, kPathsDay);
  const PathsResult r = Solve(view, Query(*n, "AAA", "DDD", Objective::kDistance, 50));
  EXPECT_THAT(AllIds(view, r), ElementsAre(Ids_{"AC-TR", "CD-W8"}, Ids_{"AB-W8", "BD-W8"},
                                           Ids_{"AB-CA", "BD-W8"}, Ids_{"AD-LH"}));
}

TEST(FindPaths, PathCarriesTotalsAndBottleneck) {
  const auto n = Diamond();
  const auto view = ScenarioView::Operating(*n, kPathsDay);
  const PathsResult r = Solve(view, Query(*n, "AAA", "DDD", Objective::kTransitTime));
  ASSERT_EQ(r.paths.size(), 1u);
  const Path& p = r.paths[0];
  EXPECT_DOUBLE_EQ(p.distance_km, 2000);
  EXPECT_EQ(p.cost_per_kg_micros, 1'800'000);
  EXPECT_EQ(p.bottleneck_kg_per_week, 70'000);  // CA: 5 t x 14
  const std::vector<PathLeg> legs = MakeLegs(view, p);
  ASSERT_EQ(legs.size(), 2u);
  EXPECT_EQ(legs[0].route_id, "AB-CA");
  EXPECT_EQ(legs[0].carrier, "CA");
  EXPECT_EQ(legs[0].mode, Mode::kBelly);
  EXPECT_EQ(legs[0].block_minutes, 150);
  EXPECT_EQ(legs[0].capacity_kg_per_week, 70'000);
  EXPECT_EQ(legs[1].origin, At(*n, "BBB"));
  EXPECT_EQ(legs[1].destination, At(*n, "DDD"));
  EXPECT_EQ(legs[1].capacity_kg_per_week, 84'000);
}

TEST(FindPaths, ParetoKeepsOnlyNonDominatedPathsFastestFirst) {
  const auto n = Diamond();
  const auto view = ScenarioView::Operating(*n, kPathsDay);
  PathQuery q = Query(*n, "AAA", "DDD");
  q.pareto = true;
  const PathsResult r = Solve(view, q);
  // AB-W8,BD-W8 (1810 min, 2.00, 2 legs) is dominated by AB-CA,BD-W8 (1480 min, 1.80, 2 legs).
  EXPECT_THAT(AllIds(view, r),
              ElementsAre(Ids_{"AB-CA", "BD-W8"}, Ids_{"AC-TR", "CD-W8"}, Ids_{"AD-LH"}));
}

TEST(FindPaths, ScenarioExtraRouteIsUsed) {
  const auto n = Diamond();
  Scenario s;
  s.as_of = kPathsDay;
  RouteInput extra = Leg({"AD-NEW", "AAA", "DDD", 1500, 200, 7});
  s.extra_routes.push_back(extra);
  auto view = ScenarioView::Make(*n, s);
  ASSERT_TRUE(view.ok()) << view.error().ToString();
  const PathsResult r = Solve(*view, Query(*n, "AAA", "DDD"));
  ASSERT_EQ(r.paths.size(), 1u);
  EXPECT_THAT(Ids(*view, r.paths[0]), ElementsAre("AD-NEW"));
  EXPECT_TRUE(view->is_extra(r.paths[0].routes[0]));
}

TEST(FindPaths, RejectsOriginEqualToDestination) {
  const auto n = Diamond();
  const auto view = ScenarioView::Operating(*n, kPathsDay);
  PathWorkspace ws;
  StopCheck stop;
  auto r = FindPaths(view, Query(*n, "AAA", "AAA"), ws, stop);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(r.error().field, "destination");
}

TEST(FindPaths, RejectsOutOfRangeLimits) {
  const auto n = Diamond();
  const auto view = ScenarioView::Operating(*n, kPathsDay);
  PathWorkspace ws;
  StopCheck stop;
  struct Case {
    void (*edit)(PathQuery&);
    const char* field;
  };
  const Case cases[] = {
      {[](PathQuery& q) { q.k = 0; }, "k"},
      {[](PathQuery& q) { q.k = 51; }, "k"},
      {[](PathQuery& q) { q.max_legs = 11; }, "max_legs"},
      {[](PathQuery& q) { q.max_legs = -1; }, "max_legs"},
      {[](PathQuery& q) { q.min_capacity_kg_per_week = -1; }, "min_capacity_kg_per_week"},
      {[](PathQuery& q) { q.via.assign(9, AirportId(1)); }, "via"},
      {[](PathQuery& q) {
         q.via = {AirportId(1), AirportId(1)};
       },
       "via[1]"},
      {[](PathQuery& q) { q.via = {q.origin}; }, "via[0]"},
      {[](PathQuery& q) { q.avoid.assign(1001, AirportId(1)); }, "avoid"},
      {[](PathQuery& q) { q.avoid = {q.destination}; }, "avoid[0]"},
      {[](PathQuery& q) { q.modes = {static_cast<Mode>(9)}; }, "modes[0]"},
      {[](PathQuery& q) { q.objective = static_cast<Objective>(7); }, "objective"},
  };
  for (const Case& c : cases) {
    PathQuery q = Query(*n, "AAA", "DDD");
    c.edit(q);
    auto r = FindPaths(view, q, ws, stop);
    ASSERT_FALSE(r.ok()) << c.field;
    EXPECT_EQ(r.error().code, ErrorCode::kInvalidArgument) << c.field;
    EXPECT_EQ(r.error().field, c.field);
  }
}

TEST(FindPaths, UnknownAirportIndexIsNotFound) {
  const auto n = Diamond();
  const auto view = ScenarioView::Operating(*n, kPathsDay);
  PathWorkspace ws;
  StopCheck stop;
  PathQuery q = Query(*n, "AAA", "DDD");
  q.via = {AirportId(99)};
  auto r = FindPaths(view, q, ws, stop);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kNotFound);
  EXPECT_EQ(r.error().field, "via[0]");
}

TEST(FindPaths, KMessageNamesTheValue) {
  const auto n = Diamond();
  const auto view = ScenarioView::Operating(*n, kPathsDay);
  PathWorkspace ws;
  StopCheck stop;
  auto r = FindPaths(view, Query(*n, "AAA", "DDD", Objective::kDistance, 0), ws, stop);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().message, "must be between 1 and 50, got 0");
}

}  // namespace
}  // namespace aircargo::routes::test
