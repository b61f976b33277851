// PathArcs (the compact route copy searches walk) on the diamond network (see diamond.h), and the
// k-paths machinery built on it: exact reverse bounds and spur pruning must not change answers.
#include "routes/paths/path_arcs.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "routes/geo.h"
#include "routes/paths/path.h"
#include "tests/routes/paths/diamond.h"

namespace aircargo::routes::test {
namespace {

TEST(PathArcs, OutAndInArcsMirrorTheNetworkRoutes) {
  const auto n = Diamond();
  const PathArcs& arcs = n->path_arcs();
  ASSERT_EQ(arcs.airport_count(), n->airports().size());
  std::size_t out_count = 0;
  std::size_t in_count = 0;
  for (std::uint32_t a = 0; a < n->airports().size(); ++a) {
    for (const PathArc& arc : arcs.Out(a)) {
      const Route& route = n->route(RouteId(arc.route));
      EXPECT_EQ(route.origin.value, a);
      EXPECT_EQ(route.destination.value, arc.other);
      EXPECT_EQ(arc.km, route.distance_km);
      EXPECT_EQ(arc.minutes, static_cast<double>(route.block_minutes + ExpectedWaitMinutes(route)));
      EXPECT_EQ(arc.cost, static_cast<double>(route.cost_per_kg_micros));
      ++out_count;
    }
    for (const PathArc& arc : arcs.In(a)) {
      const Route& route = n->route(RouteId(arc.route));
      EXPECT_EQ(route.destination.value, a);
      EXPECT_EQ(route.origin.value, arc.other);
      EXPECT_EQ(arc.km, route.distance_km);
      ++in_count;
    }
    EXPECT_EQ(arcs.min_connection_minutes(a),
              static_cast<double>(n->airport(AirportId(a)).min_connection_minutes));
  }
  EXPECT_EQ(out_count, n->routes().size());
  EXPECT_EQ(in_count, n->routes().size());
  // Parallel routes (AB-W8, AB-CA) are two arcs; E has none.
  EXPECT_EQ(
      std::count_if(arcs.Out(At(*n, "AAA").value).begin(), arcs.Out(At(*n, "AAA").value).end(),
                    [&](const PathArc& arc) { return arc.other == At(*n, "BBB").value; }),
      2);
  EXPECT_TRUE(arcs.Out(At(*n, "EEE").value).empty());
  EXPECT_TRUE(arcs.In(At(*n, "EEE").value).empty());
}

TEST(PathArcs, KmMatchesGreatCircle) {
  const auto n = Diamond();
  const PathArcs& arcs = n->path_arcs();
  for (std::uint32_t a = 0; a < n->airports().size(); ++a) {
    for (std::uint32_t b = 0; b < n->airports().size(); ++b) {
      const Airport& x = n->airport(AirportId(a));
      const Airport& y = n->airport(AirportId(b));
      const double expected =
          GreatCircleKm(x.latitude_deg, x.longitude_deg, y.latitude_deg, y.longitude_deg);
      EXPECT_NEAR(arcs.Km(a, b), expected, 1e-6 * std::max(1.0, expected)) << a << " " << b;
    }
  }
  // Antipodes: the chord is the diameter.
  EXPECT_NEAR(PathArcs::KmBetween(0, 0, 0, 180), 3.141592653589793 * kEarthRadiusKm, 1e-6);
}

TEST(PathArcs, BoundConstantsAreTightOverTheRoutes) {
  const auto n = Diamond();
  const PathArcs& arcs = n->path_arcs();
  double ratio = 1.0;
  double speed = 0.0;
  for (const Route& route : n->routes()) {
    const double gc = arcs.Km(route.origin.value, route.destination.value);
    ratio = std::min(ratio, route.distance_km / gc);
    speed =
        std::max(speed, gc / static_cast<double>(route.block_minutes + ExpectedWaitMinutes(route)));
  }
  EXPECT_DOUBLE_EQ(arcs.km_ratio(), ratio);
  EXPECT_DOUBLE_EQ(arcs.max_km_per_minute(), speed);
  EXPECT_LT(arcs.km_ratio(), 1.0);  // the diamond's routes are shorter than the great circle
}

// Each snapshot carries its own arcs: a network built from other routes has other arcs, and the
// arcs outlive nothing but their snapshot.
TEST(PathArcs, EachSnapshotHasItsOwn) {
  const auto diamond = Diamond();
  const auto direct = BuildOrDie({Port("AAA", 30, 100), Port("DDD", 30, 120)},
                                 {Leg({"AD-XX", "AAA", "DDD", 2000})});
  EXPECT_NE(&diamond->path_arcs(), &direct->path_arcs());
  EXPECT_EQ(diamond->path_arcs().In(At(*diamond, "DDD").value).size(), 3u);  // BD, CD, AD
  const PathArcs& arcs = direct->path_arcs();
  ASSERT_EQ(arcs.airport_count(), 2u);
  const auto in = arcs.In(At(*direct, "DDD").value);
  ASSERT_EQ(in.size(), 1u);
  EXPECT_EQ(in[0].other, At(*direct, "AAA").value);
  EXPECT_EQ(in[0].km, 2000);
}

// Yen's search prunes spur searches by the candidates already waiting (how many depends on k) and
// uses exact reverse bounds: every k must give a prefix of the k = 6 answer, in order.
TEST(FindPathsKPaths, SmallerKIsAPrefixOfLargerK) {
  const auto n = Diamond();
  const auto view = ScenarioView::Operating(*n, kPathsDay);
  for (Objective objective :
       {Objective::kDistance, Objective::kTransitTime, Objective::kCost, Objective::kLegs}) {
    const PathsResult all = Solve(view, Query(*n, "AAA", "DDD", objective, 6));
    ASSERT_EQ(all.paths.size(), 4u) << ObjectiveName(objective);
    for (int k = 1; k <= 4; ++k) {
      const PathsResult some = Solve(view, Query(*n, "AAA", "DDD", objective, k));
      ASSERT_EQ(some.paths.size(), static_cast<std::size_t>(k)) << ObjectiveName(objective);
      for (int i = 0; i < k; ++i) {
        EXPECT_EQ(some.paths[static_cast<std::size_t>(i)].routes,
                  all.paths[static_cast<std::size_t>(i)].routes)
            << ObjectiveName(objective) << " k " << k << " path " << i;
      }
    }
  }
}

// One workspace serves queries on different snapshots: each query must read its own network's
// arcs (Network::path_arcs()), nothing the workspace kept from the query before.
TEST(FindPathsKPaths, WorkspaceSwitchesArcsWithTheNetwork) {
  const auto diamond = Diamond();
  const auto direct = BuildOrDie(
      {Port("AAA", 30, 100), Port("DDD", 30, 120)},
      {Leg({"AD-XX", "AAA", "DDD", 2000, 200, 7, 100'000, 5'000, "XX", Mode::kFreighter})});
  const auto diamond_view = ScenarioView::Operating(*diamond, kPathsDay);
  const auto direct_view = ScenarioView::Operating(*direct, kPathsDay);
  PathWorkspace workspace;
  StopCheck stop;
  auto first = FindPaths(diamond_view, Query(*diamond, "AAA", "DDD", Objective::kDistance, 3),
                         workspace, stop);
  ASSERT_TRUE(first.ok());
  EXPECT_DOUBLE_EQ(first->paths.front().distance_km, 1700);
  auto second = FindPaths(direct_view, Query(*direct, "AAA", "DDD", Objective::kDistance, 3),
                          workspace, stop);
  ASSERT_TRUE(second.ok());
  ASSERT_EQ(second->paths.size(), 1u);
  EXPECT_EQ(Ids(direct_view, second->paths.front()), std::vector<std::string>{"AD-XX"});
}

// Scenario extra routes are not in PathArcs: the k-paths searches (forward and the reverse search
// for exact bounds) must still take them. Extra BC-NEW (50 km) makes A-B-C-D 1950 km.
TEST(FindPathsKPaths, ScenarioExtraRouteJoinsTheAlternatives) {
  const auto n = Diamond();
  Scenario scenario;
  scenario.as_of = kPathsDay;
  scenario.extra_routes.push_back(Leg({"BC-NEW", "BBB", "CCC", 50, 20, 7}));
  auto view = ScenarioView::Make(*n, scenario);
  ASSERT_TRUE(view.ok()) << view.error().ToString();
  const PathsResult r = Solve(*view, Query(*n, "AAA", "DDD", Objective::kDistance, 10));
  std::vector<double> km;
  int with_extra = 0;
  for (const Path& path : r.paths) {
    km.push_back(path.distance_km);
    const auto ids = Ids(*view, path);
    with_extra += static_cast<int>(std::count(ids.begin(), ids.end(), "BC-NEW"));
  }
  EXPECT_EQ(km, (std::vector<double>{1700, 1950, 1950, 2000, 2000, 2500}));
  EXPECT_EQ(with_extra, 2);  // after AB-W8 and after AB-CA
}

}  // namespace
}  // namespace aircargo::routes::test
