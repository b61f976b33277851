// FindPaths constraints and reason codes on the diamond network (tests/routes/paths/diamond.h),
// plus A* against Dijkstra and the StopCheck on a grid:
//
//   grid: 12 x 12 airports half a degree apart, a route both ways between neighbours
//   (great-circle km, 60 min block, daily), origin at one corner of the bottom row.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "routes/paths/find_paths.h"
#include "tests/routes/paths/diamond.h"

namespace aircargo::routes::test {
namespace {

using ::testing::ElementsAre;
using Ids_ = std::vector<std::string>;

TEST(FindPathsConstraints, MaxLegsKeepsShortEnoughPaths) {
  const auto n = Diamond();
  const auto view = ScenarioView::Operating(*n, kPathsDay);
  PathQuery q = Query(*n, "AAA", "DDD", Objective::kDistance, 5);
  q.max_legs = 1;
  EXPECT_THAT(AllIds(view, Solve(view, q)), ElementsAre(Ids_{"AD-LH"}));
}

TEST(FindPathsConstraints, TooManyLegsWhenOnlyLongerPathsRemain) {
  const auto n = Diamond();
  Scenario s;
  s.as_of = kPathsDay;
  s.closed_routes = {*n->FindRoute("AD-LH")};
  auto view = ScenarioView::Make(*n, s);
  ASSERT_TRUE(view.ok());
  PathQuery q = Query(*n, "AAA", "DDD");
  q.max_legs = 1;
  const PathsResult r = Solve(*view, q);
  EXPECT_TRUE(r.paths.empty());
  EXPECT_EQ(r.reason, PathReason::kTooManyLegs);
}

TEST(FindPathsConstraints, MinCapacityDropsThinLegs) {
  const auto n = Diamond();
  const auto view = ScenarioView::Operating(*n, kPathsDay);
  PathQuery q = Query(*n, "AAA", "DDD", Objective::kDistance, 5);
  q.min_capacity_kg_per_week = 80'000;  // only AD-LH (100 t) has every leg above
  const PathsResult r = Solve(view, q);
  EXPECT_THAT(AllIds(view, r), ElementsAre(Ids_{"AD-LH"}));
  EXPECT_EQ(r.paths[0].bottleneck_kg_per_week, 100'000);
}

TEST(FindPathsConstraints, CapacityTooLowWhenNoLegIsBigEnough) {
  const auto n = Diamond();
  const auto view = ScenarioView::Operating(*n, kPathsDay);
  PathQuery q = Query(*n, "AAA", "DDD");
  q.min_capacity_kg_per_week = 120'000;
  const PathsResult r = Solve(view, q);
  EXPECT_TRUE(r.paths.empty());
  EXPECT_EQ(r.reason, PathReason::kCapacityTooLow);
}

TEST(FindPathsConstraints, CapacityUsesScenarioFactors) {
  const auto n = Diamond();
  Scenario s;
  s.as_of = kPathsDay;
  s.capacity_factors.push_back({*n->FindRoute("CD-W8"), "", 2.0});  // 56 t -> 112 t
  auto view = ScenarioView::Make(*n, s);
  ASSERT_TRUE(view.ok());
  PathQuery q = Query(*n, "AAA", "DDD");
  q.min_capacity_kg_per_week = 100'000;
  const PathsResult r = Solve(*view, q);
  EXPECT_THAT(AllIds(*view, r), ElementsAre(Ids_{"AC-TR", "CD-W8"}));
  EXPECT_EQ(r.paths[0].bottleneck_kg_per_week, 112'000);
}

TEST(FindPathsConstraints, ViaForcesTheTransferAirport) {
  const auto n = Diamond();
  const auto view = ScenarioView::Operating(*n, kPathsDay);
  PathQuery q = Query(*n, "AAA", "DDD", Objective::kDistance, 5);
  q.via = {At(*n, "BBB")};
  EXPECT_THAT(AllIds(view, Solve(view, q)),
              ElementsAre(Ids_{"AB-W8", "BD-W8"}, Ids_{"AB-CA", "BD-W8"}));
}

TEST(FindPathsConstraints, ViaUnreachableWhenOrderCannotBeMet) {
  const auto n = Diamond();
  const auto view = ScenarioView::Operating(*n, kPathsDay);
  PathQuery q = Query(*n, "AAA", "DDD");
  q.via = {At(*n, "BBB"), At(*n, "CCC")};  // no route between B and C
  const PathsResult r = Solve(view, q);
  EXPECT_TRUE(r.paths.empty());
  EXPECT_EQ(r.reason, PathReason::kViaUnreachable);
}

TEST(FindPathsConstraints, AvoidedAirportIsNeverTouched) {
  const auto n = Diamond();
  const auto view = ScenarioView::Operating(*n, kPathsDay);
  PathQuery q = Query(*n, "AAA", "DDD", Objective::kDistance, 5);
  q.avoid = {At(*n, "CCC")};
  EXPECT_THAT(AllIds(view, Solve(view, q)),
              ElementsAre(Ids_{"AB-W8", "BD-W8"}, Ids_{"AB-CA", "BD-W8"}, Ids_{"AD-LH"}));
}

TEST(FindPathsConstraints, ExcludedCarrierIsCaseInsensitive) {
  const auto n = Diamond();
  const auto view = ScenarioView::Operating(*n, kPathsDay);
  PathQuery q = Query(*n, "AAA", "DDD", Objective::kDistance, 5);
  q.excluded_carriers = {"w8"};
  EXPECT_THAT(AllIds(view, Solve(view, q)), ElementsAre(Ids_{"AD-LH"}));
}

TEST(FindPathsConstraints, ModesRestrictLegs) {
  const auto n = Diamond();
  const auto view = ScenarioView::Operating(*n, kPathsDay);
  PathQuery q = Query(*n, "AAA", "DDD", Objective::kDistance, 5);
  q.modes = {Mode::kFreighter};
  EXPECT_THAT(AllIds(view, Solve(view, q)), ElementsAre(Ids_{"AB-W8", "BD-W8"}, Ids_{"AD-LH"}));
}

TEST(FindPathsConstraints, ExcludedByFiltersWhenModesCutEveryPath) {
  const auto n = Diamond();
  const auto view = ScenarioView::Operating(*n, kPathsDay);
  PathQuery q = Query(*n, "AAA", "DDD");
  q.modes = {Mode::kTruck};
  const PathsResult r = Solve(view, q);
  EXPECT_TRUE(r.paths.empty());
  EXPECT_EQ(r.reason, PathReason::kExcludedByFilters);
}

TEST(FindPathsConstraints, ClosedByScenarioWhenClosuresCutEveryPath) {
  const auto n = Diamond();
  Scenario s;
  s.as_of = kPathsDay;
  s.closed_airports = {At(*n, "BBB"), At(*n, "CCC")};
  s.excluded_carriers = {"LH"};
  auto view = ScenarioView::Make(*n, s);
  ASSERT_TRUE(view.ok());
  const PathsResult r = Solve(*view, Query(*n, "AAA", "DDD"));
  EXPECT_TRUE(r.paths.empty());
  EXPECT_EQ(r.reason, PathReason::kClosedByScenario);
}

TEST(FindPathsConstraints, NoConnectionWhenNetworkHasNoPath) {
  const auto n = Diamond();
  const auto view = ScenarioView::Operating(*n, kPathsDay);
  const PathsResult r = Solve(view, Query(*n, "AAA", "EEE"));
  EXPECT_TRUE(r.paths.empty());
  EXPECT_EQ(r.reason, PathReason::kNoConnection);
  EXPECT_EQ(Solve(view, Query(*n, "DDD", "AAA")).reason, PathReason::kNoConnection);
}

TEST(FindPathsConstraints, ParetoHonoursConstraints) {
  const auto n = Diamond();
  const auto view = ScenarioView::Operating(*n, kPathsDay);
  PathQuery q = Query(*n, "AAA", "DDD");
  q.pareto = true;
  q.avoid = {At(*n, "CCC")};
  EXPECT_THAT(AllIds(view, Solve(view, q)), ElementsAre(Ids_{"AB-CA", "BD-W8"}, Ids_{"AD-LH"}));
  q.avoid.clear();
  q.max_legs = 1;
  EXPECT_THAT(AllIds(view, Solve(view, q)), ElementsAre(Ids_{"AD-LH"}));
}

// 12 x 12 grid, routes both ways between neighbours.
std::shared_ptr<const Network> Grid(int side) {
  std::vector<Airport> airports;
  std::vector<RouteInput> routes;
  auto code = [](int i) {
    return std::string{static_cast<char>('A' + i / 26), static_cast<char>('A' + i % 26), 'X'};
  };
  for (int r = 0; r < side; ++r) {
    for (int c = 0; c < side; ++c)
      airports.push_back(Port(code(r * side + c), 20 + r * 0.5, 100 + c * 0.5));
  }
  auto link = [&](int a, int b) {
    RouteInput leg = Leg({code(a) + "-" + code(b), code(a), code(b), 0, 60, 7});
    routes.push_back(leg);
  };
  for (int r = 0; r < side; ++r) {
    for (int c = 0; c < side; ++c) {
      const int i = r * side + c;
      if (c + 1 < side) {
        link(i, i + 1);
        link(i + 1, i);
      }
      if (r + 1 < side) {
        link(i, i + side);
        link(i + side, i);
      }
    }
  }
  return BuildOrDie(std::move(airports), std::move(routes));
}

TEST(FindPathsSearch, AStarSettlesFewerStatesThanDijkstraWithSameAnswer) {
  const auto n = Grid(12);
  const auto view = ScenarioView::Operating(*n, kPathsDay);
  for (Objective objective : {Objective::kDistance, Objective::kTransitTime}) {
    PathQuery q;
    q.origin = AirportId(0);
    q.destination = AirportId(11);  // the other end of the bottom row
    q.objective = objective;
    PathWorkspace astar;
    PathWorkspace dijkstra;
    dijkstra.set_use_bounds(false);
    StopCheck stop;
    auto a = FindPaths(view, q, astar, stop);
    auto d = FindPaths(view, q, dijkstra, stop);
    ASSERT_TRUE(a.ok() && d.ok());
    ASSERT_EQ(a->paths.size(), 1u);
    ASSERT_EQ(d->paths.size(), 1u);
    EXPECT_NEAR(a->paths[0].distance_km, d->paths[0].distance_km, 1e-6);
    EXPECT_EQ(a->paths[0].transit_minutes, d->paths[0].transit_minutes);
    EXPECT_LT(astar.settled_states() * 3, dijkstra.settled_states()) << ObjectiveName(objective);
  }
}

TEST(FindPathsSearch, ExpiredDeadlineStopsTheSearch) {
  const auto n = Grid(12);
  const auto view = ScenarioView::Operating(*n, kPathsDay);
  PathQuery q;
  q.origin = AirportId(0);
  q.destination = AirportId(143);
  q.k = 50;
  PathWorkspace ws;
  StopCheck stop(StopCheck::Clock::now() - std::chrono::seconds(1));
  auto r = FindPaths(view, q, ws, stop);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kDeadlineExceeded);
}

TEST(FindPathsSearch, WorkspaceIsReusableAcrossNetworksAndQueries) {
  const auto grid = Grid(6);
  const auto diamond = Diamond();
  const auto grid_view = ScenarioView::Operating(*grid, kPathsDay);
  const auto diamond_view = ScenarioView::Operating(*diamond, kPathsDay);
  PathWorkspace ws;
  StopCheck stop;
  PathQuery gq;
  gq.origin = AirportId(0);
  gq.destination = AirportId(35);
  gq.k = 3;
  for (int round = 0; round < 2; ++round) {
    auto g = FindPaths(grid_view, gq, ws, stop);
    auto d = FindPaths(diamond_view, Query(*diamond, "AAA", "DDD"), ws, stop);
    ASSERT_TRUE(g.ok() && d.ok());
    EXPECT_EQ(g->paths.size(), 3u);
    EXPECT_EQ(g->paths[0].legs(), 10u);
    EXPECT_THAT(Ids(diamond_view, d->paths[0]), ElementsAre("AC-TR", "CD-W8"));
  }
}

}  // namespace
}  // namespace aircargo::routes::test
