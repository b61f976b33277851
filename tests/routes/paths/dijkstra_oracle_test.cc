// FindPaths' best path against Boost's dijkstra_shortest_paths, an implementation that shares no
// code with it, on seeded random networks (24 airports, 90 routes of every status) under random
// scenarios. The graph handed to Boost holds only the routes the test itself finds flying under
// the scenario (tests/routes/paths/scenario_oracle.h, from the Scenario's plain fields), weighted
// by distance, cost, or time (block + half the headway + the connection at the route's origin,
// which every path but its first leg pays).
#include <gtest/gtest.h>

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/dijkstra_shortest_paths.hpp>
#include <cmath>
#include <cstdint>
#include <limits>
#include <random>
#include <vector>

#include "routes/paths/find_paths.h"
#include "routes/scenario_view.h"
#include "tests/routes/paths/diamond.h"
#include "tests/routes/paths/scenario_oracle.h"

namespace aircargo::routes::test {
namespace {

using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS, boost::no_property,
                                    boost::property<boost::edge_weight_t, double>>;

// Boost's shortest value from `q.origin` to `q.destination` (infinity when unreachable), in the
// units FindPaths reports.
double BoostBest(const Network& n, const Scenario& s, const PathQuery& q) {
  Graph g(n.airports().size());
  for (std::uint32_t i = 0; i < n.routes().size(); ++i) {
    if (CapacityUnder(n, s, RouteId(i)) <= 0) continue;
    const Route& r = n.route(RouteId(i));
    boost::add_edge(r.origin.value, r.destination.value, Weight(n, r, q.objective), g);
  }
  std::vector<double> distance(n.airports().size());
  boost::dijkstra_shortest_paths(g, q.origin.value,
                                 boost::distance_map(boost::make_iterator_property_map(
                                     distance.begin(), boost::get(boost::vertex_index, g))));
  const double best = distance[q.destination.value];
  if (best >= std::numeric_limits<double>::max() / 2)
    return std::numeric_limits<double>::infinity();
  if (q.objective != Objective::kTransitTime) return best;
  // The first leg pays the export clearance instead of a connection; the destination's import.
  return best - n.airport(q.origin).min_connection_minutes +
         n.airport(q.origin).export_clearance_minutes +
         n.airport(q.destination).import_clearance_minutes;
}

double Value(const Path& p, Objective objective) {
  switch (objective) {
    case Objective::kDistance:
      return p.distance_km;
    case Objective::kCost:
      return static_cast<double>(p.cost_per_kg_micros);
    case Objective::kTransitTime:
      return static_cast<double>(p.transit_minutes);
    case Objective::kLegs:
      return static_cast<double>(p.legs());
  }
  return 0;
}

TEST(DijkstraOracle, BestPathMatchesBoostDijkstraUnderRandomScenarios) {
  int reachable = 0;
  int unreachable = 0;
  for (std::uint32_t seed = 1; seed <= 80; ++seed) {
    std::mt19937 rng(seed);
    const auto n = RandomScenarioNetwork(rng, 24, 90);
    ASSERT_NE(n, nullptr);
    std::uniform_int_distribution<std::uint32_t> pick(0, 23);
    for (Objective objective :
         {Objective::kDistance, Objective::kTransitTime, Objective::kCost, Objective::kLegs}) {
      PathQuery q;
      q.origin = AirportId(pick(rng));
      do {
        q.destination = AirportId(pick(rng));
      } while (q.destination == q.origin);
      q.objective = objective;
      q.k = 1;
      const Scenario s = RandomScenario(rng, *n, q.origin, q.destination);
      auto view = ScenarioView::Make(*n, s);
      ASSERT_TRUE(view.ok()) << view.error().ToString();
      const double expected = BoostBest(*n, s, q);
      const PathsResult r = Solve(*view, q);
      if (std::isinf(expected)) {
        EXPECT_TRUE(r.paths.empty()) << "seed " << seed << " " << ObjectiveName(objective);
        EXPECT_NE(r.reason, PathReason::kFound);
        ++unreachable;
        continue;
      }
      ASSERT_EQ(r.paths.size(), 1u) << "seed " << seed << " " << ObjectiveName(objective);
      EXPECT_NEAR(Value(r.paths[0], objective), expected, 1e-6)
          << "seed " << seed << " " << ObjectiveName(objective);
      // The path itself only uses routes flying under the scenario.
      for (RouteId id : r.paths[0].routes) {
        EXPECT_GT(CapacityUnder(*n, s, id), 0) << "seed " << seed << " route " << n->route(id).id;
      }
      ++reachable;
    }
  }
  // The seeds exercise both outcomes.
  EXPECT_GT(reachable, 150);
  EXPECT_GT(unreachable, 10);
}

}  // namespace
}  // namespace aircargo::routes::test
