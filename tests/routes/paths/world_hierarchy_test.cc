// The distance oracle on the OpenFlights world network (3,257 airports, 66,934 routes; a dense core
// of hubs where witness searches stop at their cap): its best weight from 30 seeded origins to
// every airport equals Boost's dijkstra_shortest_paths on a graph the test builds from the routes
// itself, by distance and by transit time, and FindPaths with it answers 300 seeded pairs with
// the search's weight and leg count (skips without ../shared, fails under CI=true).
#include <gtest/gtest.h>

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/dijkstra_shortest_paths.hpp>
#include <chrono>
#include <cmath>
#include <limits>
#include <random>
#include <string>
#include <vector>

#include "formats/network_file.h"
#include "formats/openflights.h"
#include "routes/paths/contraction_hierarchy.h"
#include "routes/paths/find_paths.h"
#include "routes/scenario_view.h"
#include "tests/shared_data.h"

namespace aircargo::routes {
namespace {

using BoostGraph =
    boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS, boost::no_property,
                          boost::property<boost::edge_weight_t, double>>;

// The documented weight: km, or block + half the headway + the connection where the leg leaves.
double Weight(const Network& n, const Route& r, Objective objective) {
  if (objective == Objective::kDistance) return r.distance_km;
  return static_cast<double>(r.block_minutes + 10080 / r.flights_per_week / 2 +
                             n.airport(r.origin).min_connection_minutes);
}

TEST(WorldHierarchy, MatchesBoostDijkstraAndTheSearch) {
  const std::string dir = AIRCARGO_OPENFLIGHTS_DIR;
  AIRCARGO_REQUIRE_SHARED_FILE(dir + "/routes.dat");
  auto world = formats::LoadOpenFlightsWorld(dir);
  ASSERT_TRUE(world.ok()) << world.error().ToString();
  const Network& n = **world;
  const ScenarioView view =
      ScenarioView::Operating(n, std::chrono::year{2025} / std::chrono::June / std::chrono::day{1});
  std::mt19937 rng(13);
  std::uniform_int_distribution<std::uint32_t> pick(
      0, static_cast<std::uint32_t>(n.airports().size() - 1));
  for (Objective objective : {Objective::kDistance, Objective::kTransitTime}) {
    StopCheck stop;
    auto hierarchy = ContractionHierarchy::Build(view, objective, stop);
    ASSERT_TRUE(hierarchy.ok());
    BoostGraph g(n.airports().size());
    for (std::uint32_t i = 0; i < n.routes().size(); ++i) {
      if (!view.usable(RouteId(i))) continue;
      const Route& r = n.route(RouteId(i));
      boost::add_edge(r.origin.value, r.destination.value, Weight(n, r, objective), g);
    }
    std::vector<double> distance(n.airports().size());
    int reached = 0;
    for (int i = 0; i < 30; ++i) {
      const AirportId origin(pick(rng));
      boost::dijkstra_shortest_paths(g, origin.value,
                                     boost::distance_map(boost::make_iterator_property_map(
                                         distance.begin(), boost::get(boost::vertex_index, g))));
      for (std::uint32_t d = 0; d < n.airports().size(); ++d) {
        if (d == origin.value) continue;
        const auto cost = hierarchy->QueryCost(origin, AirportId(d));
        if (distance[d] >= std::numeric_limits<double>::max() / 2) {
          EXPECT_FALSE(cost.has_value()) << origin.value << "-" << d;
          continue;
        }
        double expected = distance[d];
        if (objective == Objective::kTransitTime) {
          expected -= n.airport(origin).min_connection_minutes;
        }
        ASSERT_TRUE(cost.has_value()) << origin.value << "-" << d;
        EXPECT_NEAR(cost->weight, expected, 1e-9 * std::max(1.0, expected))
            << n.airport(origin).iata << "-" << n.airport(AirportId(d)).iata;
        ++reached;
      }
    }
    EXPECT_GT(reached, 30 * 3000);

    PathWorkspace a;
    PathWorkspace b;
    int same_routes = 0;
    for (int i = 0; i < 300; ++i) {
      PathQuery q;
      q.origin = AirportId(pick(rng));
      do {
        q.destination = AirportId(pick(rng));
      } while (q.destination == q.origin);
      q.objective = objective;
      auto fast = FindPaths(view, q, a, stop, &*hierarchy);
      auto plain = FindPaths(view, q, b, stop);
      ASSERT_TRUE(fast.ok() && plain.ok());
      ASSERT_EQ(fast->paths.size(), plain->paths.size());
      EXPECT_EQ(fast->reason, plain->reason);
      if (plain->paths.empty()) continue;
      const Path& x = fast->paths[0];
      const Path& y = plain->paths[0];
      EXPECT_NEAR(x.distance_km, y.distance_km,
                  objective == Objective::kDistance ? 1e-9 * y.distance_km : 1e300);
      if (objective == Objective::kTransitTime) {
        EXPECT_EQ(x.transit_minutes, y.transit_minutes);
        EXPECT_EQ(x.legs(), y.legs());
      }
      if (x.routes == y.routes) ++same_routes;
    }
    // Other routes only where airport sequences tie exactly: rare.
    EXPECT_GT(same_routes, 270) << ObjectiveName(objective);
  }
}

// On the embedded Shenyang network the oracle gives the search's very routes for every pair and
// objective, today and with the planned routes (no exact ties there), so a server answers the same
// bytes before and after its oracle is built.
TEST(ShenyangHierarchy, SameRoutesAsTheSearchForEveryPair) {
  auto loaded = formats::LoadNetworkFile(std::string(AIRCARGO_SOURCE_DIR) +
                                         "/routes/networks/shenyang.textproto");
  ASSERT_TRUE(loaded.ok()) << loaded.error().ToString();
  const Network& n = **loaded;
  for (bool planned : {false, true}) {
    Scenario s;
    s.as_of = std::chrono::year{2025} / std::chrono::June / 1;
    s.include_planned = planned;
    auto view = ScenarioView::Make(n, s);
    ASSERT_TRUE(view.ok());
    int found = 0;
    for (Objective objective :
         {Objective::kDistance, Objective::kTransitTime, Objective::kCost, Objective::kLegs}) {
      StopCheck stop;
      auto hierarchy = ContractionHierarchy::Build(*view, objective, stop);
      ASSERT_TRUE(hierarchy.ok());
      PathWorkspace a;
      PathWorkspace b;
      for (std::uint32_t o = 0; o < n.airports().size(); ++o) {
        for (std::uint32_t d = 0; d < n.airports().size(); ++d) {
          if (o == d) continue;
          PathQuery q;
          q.origin = AirportId(o);
          q.destination = AirportId(d);
          q.objective = objective;
          auto fast = FindPaths(*view, q, a, stop, &*hierarchy);
          auto plain = FindPaths(*view, q, b, stop);
          ASSERT_TRUE(fast.ok() && plain.ok());
          ASSERT_EQ(fast->paths.size(), plain->paths.size());
          EXPECT_EQ(fast->reason, plain->reason);
          if (plain->paths.empty()) continue;
          ++found;
          EXPECT_EQ(fast->paths[0].routes, plain->paths[0].routes)
              << n.airport(q.origin).iata << "-" << n.airport(q.destination).iata << " "
              << ObjectiveName(objective) << (planned ? " with planned" : "");
        }
      }
    }
    EXPECT_GT(found, 1000);
  }
}

}  // namespace
}  // namespace aircargo::routes
