// The distance oracle (routes/paths/contraction_hierarchy.h) against Boost's
// dijkstra_shortest_paths on a graph the test builds itself from the routes flying under the
// scenario (scenario_oracle.h), for every objective and every airport pair of seeded random
// networks: small ones under random scenarios (many parallel routes) and larger ones where the
// witness searches stop at their limit. FindPaths with the oracle must give what FindPaths without
// it gives: the same (weight, tie) exactly for the integer objectives, a valid path of flying
// routes, the search's reason when there is no path, and the search for any query the oracle
// does not answer.
#include "routes/paths/contraction_hierarchy.h"

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

using BoostGraph =
    boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS, boost::no_property,
                          boost::property<boost::edge_weight_t, double>>;

constexpr Objective kObjectives[] = {Objective::kDistance, Objective::kTransitTime,
                                     Objective::kCost, Objective::kLegs};

// Boost's best weight from `origin` to every airport (infinity when unreachable).
std::vector<double> BoostFrom(const Network& n, const Scenario& s, AirportId origin,
                              Objective objective) {
  BoostGraph g(n.airports().size());
  for (std::uint32_t i = 0; i < n.routes().size(); ++i) {
    if (CapacityUnder(n, s, RouteId(i)) <= 0) continue;
    const Route& r = n.route(RouteId(i));
    boost::add_edge(r.origin.value, r.destination.value, Weight(n, r, objective), g);
  }
  std::vector<double> distance(n.airports().size());
  boost::dijkstra_shortest_paths(g, origin.value,
                                 boost::distance_map(boost::make_iterator_property_map(
                                     distance.begin(), boost::get(boost::vertex_index, g))));
  for (double& d : distance) {
    if (d >= std::numeric_limits<double>::max() / 2) {
      d = std::numeric_limits<double>::infinity();
    } else if (objective == Objective::kTransitTime) {
      d -= n.airport(origin).min_connection_minutes;
    }
  }
  return distance;
}

// The path's value in Boost's units (transit time without the clearances).
double Value(const Network& n, const Path& p, Objective objective) {
  switch (objective) {
    case Objective::kDistance:
      return p.distance_km;
    case Objective::kCost:
      return static_cast<double>(p.cost_per_kg_micros);
    case Objective::kTransitTime: {
      const Route& first = n.route(p.routes.front());
      const Route& last = n.route(p.routes.back());
      return static_cast<double>(p.transit_minutes -
                                 n.airport(first.origin).export_clearance_minutes -
                                 n.airport(last.destination).import_clearance_minutes);
    }
    case Objective::kLegs:
      return static_cast<double>(p.legs());
  }
  return 0;
}

// Checks every ordered pair of `view`'s airports for `objective`; returns the pairs with a path.
int CheckAllPairs(const Network& n, const Scenario& s, const ScenarioView& view,
                  Objective objective, const std::string& label) {
  StopCheck build_stop;
  auto hierarchy = ContractionHierarchy::Build(view, objective, build_stop);
  EXPECT_TRUE(hierarchy.ok()) << label;
  if (!hierarchy.ok()) return 0;
  PathWorkspace with_oracle;
  PathWorkspace without;
  int found = 0;
  for (std::uint32_t o = 0; o < n.airports().size(); ++o) {
    const std::vector<double> best = BoostFrom(n, s, AirportId(o), objective);
    for (std::uint32_t d = 0; d < n.airports().size(); ++d) {
      if (o == d) continue;
      const std::string where = label + " " + n.airport(AirportId(o)).iata + "-" +
                                n.airport(AirportId(d)).iata + " " + ObjectiveName(objective);
      PathQuery q;
      q.origin = AirportId(o);
      q.destination = AirportId(d);
      q.objective = objective;
      StopCheck stop;
      auto fast = FindPaths(view, q, with_oracle, stop, &*hierarchy);
      auto plain = FindPaths(view, q, without, stop);
      EXPECT_TRUE(fast.ok() && plain.ok()) << where;
      if (!fast.ok() || !plain.ok()) return found;
      const auto cost = hierarchy->QueryCost(q.origin, q.destination);
      if (std::isinf(best[d])) {
        EXPECT_TRUE(fast->paths.empty()) << where;
        EXPECT_FALSE(cost.has_value()) << where;
        EXPECT_EQ(fast->reason, plain->reason) << where;
        continue;
      }
      ++found;
      EXPECT_EQ(fast->reason, PathReason::kFound) << where;
      if (fast->paths.size() != 1u || plain->paths.size() != 1u) {
        ADD_FAILURE() << where << ": " << fast->paths.size() << " paths";
        continue;
      }
      const Path& p = fast->paths[0];
      EXPECT_NEAR(Value(n, p, objective), best[d], 1e-6 * std::max(1.0, best[d])) << where;
      if (!cost.has_value()) {
        ADD_FAILURE() << where << ": no cost from the hierarchy";
        continue;
      }
      EXPECT_NEAR(cost->weight, best[d], 1e-6 * std::max(1.0, best[d])) << where;
      // A connected path of routes flying under the scenario, from the origin to the destination.
      AirportId at = q.origin;
      for (RouteId id : p.routes) {
        EXPECT_GT(CapacityUnder(n, s, id), 0) << where << " route " << n.route(id).id;
        EXPECT_EQ(n.route(id).origin, at) << where;
        at = n.route(id).destination;
      }
      EXPECT_EQ(at, q.destination) << where;
      // The same (weight, tie) as the search: exact for the integer weights.
      const Path& s_path = plain->paths[0];
      if (objective == Objective::kDistance) {
        EXPECT_NEAR(p.distance_km, s_path.distance_km, 1e-9 * std::max(1.0, p.distance_km))
            << where;
        if (std::abs(p.distance_km - s_path.distance_km) == 0) {
          EXPECT_EQ(p.legs(), s_path.legs()) << where;
        }
      } else if (objective == Objective::kLegs) {
        EXPECT_EQ(p.legs(), s_path.legs()) << where;
        EXPECT_NEAR(p.distance_km, s_path.distance_km, 1e-9 * std::max(1.0, p.distance_km))
            << where;
      } else {
        EXPECT_EQ(Value(n, p, objective), Value(n, s_path, objective)) << where;
        EXPECT_EQ(p.legs(), s_path.legs()) << where;
      }
    }
  }
  return found;
}

TEST(ContractionHierarchy, EveryPairMatchesBoostUnderRandomScenarios) {
  int found = 0;
  for (std::uint32_t seed = 1; seed <= 12; ++seed) {
    std::mt19937 rng(seed);
    const auto n = RandomScenarioNetwork(rng, 24, 90);
    ASSERT_NE(n, nullptr);
    const Scenario s = RandomScenario(rng, *n, AirportId(0), AirportId(1));
    auto view = ScenarioView::Make(*n, s);
    ASSERT_TRUE(view.ok()) << view.error().ToString();
    for (Objective objective : kObjectives) {
      found += CheckAllPairs(*n, s, *view, objective, "seed " + std::to_string(seed));
    }
  }
  EXPECT_GT(found, 4 * 12 * 200);  // most pairs connect
}

TEST(ContractionHierarchy, LargerNetworksWhereWitnessSearchesStopEarly) {
  // 160 airports and 2,400 routes: hubs with a hundred neighbours, so witness searches reach
  // their settle limit and the hierarchy keeps shortcuts it might not need.
  std::mt19937 rng(2026);
  const auto n = RandomScenarioNetwork(rng, 160, 2400);
  ASSERT_NE(n, nullptr);
  Scenario s;
  s.as_of = std::chrono::year{2025} / std::chrono::June / 1;
  s.include_planned = true;
  auto view = ScenarioView::Make(*n, s);
  ASSERT_TRUE(view.ok());
  for (Objective objective : {Objective::kDistance, Objective::kTransitTime}) {
    StopCheck stop;
    auto hierarchy = ContractionHierarchy::Build(*view, objective, stop);
    ASSERT_TRUE(hierarchy.ok());
    EXPECT_GT(hierarchy->shortcut_count(), 0u);
    for (std::uint32_t o = 0; o < n->airports().size(); o += 7) {
      const std::vector<double> best = BoostFrom(*n, s, AirportId(o), objective);
      for (std::uint32_t d = 0; d < n->airports().size(); ++d) {
        if (d == o) continue;
        const auto cost = hierarchy->QueryCost(AirportId(o), AirportId(d));
        if (std::isinf(best[d])) {
          EXPECT_FALSE(cost.has_value());
        } else {
          ASSERT_TRUE(cost.has_value()) << o << "-" << d;
          EXPECT_NEAR(cost->weight, best[d], 1e-6 * std::max(1.0, best[d])) << o << "-" << d;
        }
      }
    }
  }
}

TEST(ContractionHierarchy, QueriesItDoesNotAnswerAreSearched) {
  std::mt19937 rng(7);
  const auto n = RandomScenarioNetwork(rng, 24, 90);
  Scenario s;
  s.as_of = std::chrono::year{2025} / std::chrono::June / 1;
  auto view = ScenarioView::Make(*n, s);
  ASSERT_TRUE(view.ok());
  StopCheck stop;
  auto hierarchy = ContractionHierarchy::Build(*view, Objective::kDistance, stop);
  ASSERT_TRUE(hierarchy.ok());
  std::vector<PathQuery> queries;
  PathQuery base;
  base.origin = AirportId(0);
  base.destination = AirportId(5);
  queries.push_back(base);
  queries.back().k = 3;
  queries.push_back(base);
  queries.back().max_legs = 1;
  queries.push_back(base);
  queries.back().objective = Objective::kCost;  // not the hierarchy's objective
  queries.push_back(base);
  queries.back().avoid = {AirportId(2)};
  queries.push_back(base);
  queries.back().pareto = true;
  PathWorkspace a;
  PathWorkspace b;
  for (const PathQuery& q : queries) {
    EXPECT_FALSE(HierarchyAnswers(q) && q.objective == Objective::kDistance);
    auto fast = FindPaths(*view, q, a, stop, &*hierarchy);
    auto plain = FindPaths(*view, q, b, stop);
    ASSERT_TRUE(fast.ok() && plain.ok());
    ASSERT_EQ(fast->paths.size(), plain->paths.size());
    for (std::size_t i = 0; i < fast->paths.size(); ++i) {
      EXPECT_EQ(fast->paths[i].routes, plain->paths[i].routes);
    }
    EXPECT_EQ(fast->reason, plain->reason);
  }
  // Validation still runs first.
  PathQuery same = base;
  same.destination = same.origin;
  auto bad = FindPaths(*view, same, a, stop, &*hierarchy);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().code, ErrorCode::kInvalidArgument);
}

TEST(ContractionHierarchy, AnotherViewsHierarchyIsAnInternalError) {
  std::mt19937 rng(3);
  const auto n = RandomScenarioNetwork(rng, 24, 90);
  Scenario s;
  s.as_of = std::chrono::year{2025} / std::chrono::June / 1;
  auto view = ScenarioView::Make(*n, s);
  auto other = ScenarioView::Make(*n, s);
  ASSERT_TRUE(view.ok() && other.ok());
  StopCheck stop;
  auto hierarchy = ContractionHierarchy::Build(*other, Objective::kDistance, stop);
  ASSERT_TRUE(hierarchy.ok());
  PathQuery q;
  q.origin = AirportId(0);
  q.destination = AirportId(1);
  PathWorkspace w;
  auto r = FindPaths(*view, q, w, stop, &*hierarchy);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kInternal);
  EXPECT_EQ(r.error().field, "hierarchy");
}

TEST(ContractionHierarchy, BuildStopsWhenCancelled) {
  std::mt19937 rng(5);
  const auto n = RandomScenarioNetwork(rng, 60, 600);
  Scenario s;
  s.as_of = std::chrono::year{2025} / std::chrono::June / 1;
  auto view = ScenarioView::Make(*n, s);
  ASSERT_TRUE(view.ok());
  StopCheck stop(
      StopCheck::Clock::time_point::max(), [] { return true; }, 1);
  auto hierarchy = ContractionHierarchy::Build(*view, Objective::kDistance, stop);
  ASSERT_FALSE(hierarchy.ok());
  EXPECT_EQ(hierarchy.error().code, ErrorCode::kCancelled);
}

}  // namespace
}  // namespace aircargo::routes::test
