// CompareScenarios (one flow network per origin and scenario, one one-to-all search per objective)
// against the per-pair computation it replaced: for each pair and scenario an independent
// ComputeCapacity (its own flow network built for that pair) and one point-to-point FindPaths k=1
// per objective. Random networks with every route status, many exact ties (integer minutes, costs
// from a small set, zero costs), extra routes and random scenarios; the answers must be identical,
// route ids included.
#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "routes/capacity/compare.h"
#include "routes/capacity/max_flow.h"
#include "routes/paths/find_paths.h"
#include "tests/routes/paths/scenario_oracle.h"

namespace aircargo::routes {
namespace {

std::optional<Path> BestPerPair(const ScenarioView& view, const OdPair& pair, Objective objective,
                                PathWorkspace& workspace) {
  PathQuery query;
  query.origin = pair.origin;
  query.destination = pair.destination;
  query.objective = objective;
  query.k = 1;
  StopCheck stop;
  auto found = FindPaths(view, query, workspace, stop);
  EXPECT_TRUE(found.ok());
  if (!found.ok() || found->paths.empty()) return std::nullopt;
  return found->paths.front();
}

// The per-pair metrics, computed the way CompareScenarios did before it shared work.
PairMetrics PerPair(const ScenarioView& view, const OdPair& pair, PathWorkspace& workspace) {
  PairMetrics m;
  StopCheck stop;
  auto capacity = ComputeCapacity(view, {pair.origin, {pair.destination}}, stop);
  EXPECT_TRUE(capacity.ok());
  if (!capacity.ok()) return m;
  m.max_capacity_kg_per_week = capacity->max_flow_kg_per_week;
  m.reachable = m.max_capacity_kg_per_week > 0;
  if (!m.reachable) return m;
  m.fastest = BestPerPair(view, pair, Objective::kTransitTime, workspace);
  m.cheapest = BestPerPair(view, pair, Objective::kCost, workspace);
  m.fewest_legs = BestPerPair(view, pair, Objective::kLegs, workspace);
  return m;
}

std::vector<std::uint32_t> Ids(const std::optional<Path>& path) {
  std::vector<std::uint32_t> ids;
  if (path) {
    for (RouteId id : path->routes) ids.push_back(id.value);
  }
  return ids;
}

void ExpectSame(const PairMetrics& got, const PairMetrics& want, const std::string& where) {
  EXPECT_EQ(got.reachable, want.reachable) << where;
  EXPECT_EQ(got.max_capacity_kg_per_week, want.max_capacity_kg_per_week) << where;
  EXPECT_EQ(got.fastest.has_value(), want.fastest.has_value()) << where;
  EXPECT_EQ(Ids(got.fastest), Ids(want.fastest)) << where << " fastest";
  EXPECT_EQ(got.cheapest.has_value(), want.cheapest.has_value()) << where;
  EXPECT_EQ(Ids(got.cheapest), Ids(want.cheapest)) << where << " cheapest";
  EXPECT_EQ(got.fewest_legs.has_value(), want.fewest_legs.has_value()) << where;
  EXPECT_EQ(Ids(got.fewest_legs), Ids(want.fewest_legs)) << where << " fewest legs";
  if (got.fastest && want.fastest) {
    EXPECT_EQ(got.fastest->transit_minutes, want.fastest->transit_minutes) << where;
  }
}

// A route added by the scenario between two random airports.
RouteInput ExtraRoute(std::mt19937& rng, const Network& n, int i) {
  std::uniform_int_distribution<std::uint32_t> pick(
      0, static_cast<std::uint32_t>(n.airports().size() - 1));
  const AirportId o(pick(rng));
  AirportId d(pick(rng));
  while (d == o) d = AirportId(pick(rng));
  RouteInput r = test::Leg({"X" + std::to_string(i), n.airport(o).iata, n.airport(d).iata, 900.0,
                            120, 7, 200'000, 5'000, "CA", Mode::kFreighter});
  return r;
}

TEST(CompareScenariosOracle, EqualsThePerPairComputationOnRandomNetworks) {
  int compared = 0;
  int reachable = 0;
  for (std::uint32_t seed = 1; seed <= 60; ++seed) {
    std::mt19937 rng(seed);
    std::uniform_int_distribution<int> size(6, 24);
    const int airports = size(rng);
    const auto network = test::RandomScenarioNetwork(rng, airports, airports * 4);
    const AirportId none(static_cast<std::uint32_t>(airports));  // keeps every airport closable
    Scenario first = test::RandomScenario(rng, *network, none, none);
    Scenario second = test::RandomScenario(rng, *network, none, none);
    if (seed % 3 == 0) second.extra_routes.push_back(ExtraRoute(rng, *network, 0));
    if (seed % 5 == 0) first.extra_routes.push_back(ExtraRoute(rng, *network, 1));
    auto baseline = ScenarioView::Make(*network, first);
    auto alternative = ScenarioView::Make(*network, second);
    ASSERT_TRUE(baseline.ok()) << baseline.error().ToString();
    ASSERT_TRUE(alternative.ok()) << alternative.error().ToString();

    // Every origin to every other airport (the one-to-all path), then a few mixed pairs (the
    // point-to-point path for origins with few destinations).
    std::vector<OdPair> pairs;
    std::uniform_int_distribution<std::uint32_t> pick(0, static_cast<std::uint32_t>(airports - 1));
    const AirportId origin(pick(rng));
    pairs = PairsFromOrigin(*network, origin);
    for (int i = 0; i < 5; ++i) {
      const AirportId o(pick(rng));
      const AirportId d(pick(rng));
      if (o != d) pairs.push_back({o, d});
    }
    StopCheck stop;
    const auto comparison = CompareScenarios(*baseline, *alternative, pairs, stop);
    ASSERT_TRUE(comparison.ok()) << comparison.error().ToString();
    ASSERT_EQ(comparison->pairs.size(), pairs.size());
    PathWorkspace workspace;
    for (std::size_t i = 0; i < pairs.size(); ++i) {
      const PairComparison& row = comparison->pairs[i];
      const std::string where = "seed " + std::to_string(seed) + " pair " + std::to_string(i);
      EXPECT_EQ(row.pair.origin, pairs[i].origin) << where;
      EXPECT_EQ(row.pair.destination, pairs[i].destination) << where;
      ExpectSame(row.baseline, PerPair(*baseline, pairs[i], workspace), where + " baseline");
      ExpectSame(row.alternative, PerPair(*alternative, pairs[i], workspace),
                 where + " alternative");
      ++compared;
      reachable += row.baseline.reachable + row.alternative.reachable;
    }
  }
  // The random networks must exercise the comparison, not only unreachable pairs.
  EXPECT_GT(compared, 600);
  EXPECT_GT(reachable, compared / 2);
}

// Networks full of exact ties: every route 60 or 120 block minutes, daily, costs 0 or 0.1 per kg,
// the same connection time everywhere, airports spread over a wide area (so A*'s bound orders the
// searches differently from Dijkstra). Many destinations have several equal best paths; the
// comparison must still pick the one FindPaths picks.
TEST(CompareScenariosOracle, BreaksExactTiesLikeFindPaths) {
  int compared = 0;
  for (std::uint32_t seed = 1; seed <= 40; ++seed) {
    std::mt19937 rng(seed);
    std::uniform_real_distribution<double> lat(-50, 60);
    std::uniform_real_distribution<double> lon(-150, 150);
    const int airports = 10 + static_cast<int>(seed % 15);
    std::vector<Airport> ports;
    for (int i = 0; i < airports; ++i) {
      ports.push_back(test::Port(
          std::string{'T', static_cast<char>('A' + i / 26), static_cast<char>('A' + i % 26)},
          lat(rng), lon(rng)));
    }
    std::uniform_int_distribution<int> pick(0, airports - 1);
    std::uniform_int_distribution<int> coin(0, 1);
    std::vector<RouteInput> routes;
    for (int i = 0; i < airports * 4; ++i) {
      const int o = pick(rng);
      int d = pick(rng);
      while (d == o) d = pick(rng);
      routes.push_back(
          test::Leg({"R" + std::to_string(i), ports[static_cast<std::size_t>(o)].iata,
                     ports[static_cast<std::size_t>(d)].iata, 1000.0 + i, coin(rng) ? 60 : 120, 7,
                     coin(rng) ? 0 : 100'000, 5'000, "W8", Mode::kFreighter}));
    }
    const auto network = test::BuildOrDie(std::move(ports), std::move(routes));
    const ScenarioView view = ScenarioView::Operating(*network, test::kPathsDay);
    const auto pairs = PairsFromOrigin(*network, AirportId(pick(rng)));
    StopCheck stop;
    const auto comparison = CompareScenarios(view, view, pairs, stop);
    ASSERT_TRUE(comparison.ok()) << comparison.error().ToString();
    PathWorkspace workspace;
    for (std::size_t i = 0; i < pairs.size(); ++i) {
      const std::string where = "seed " + std::to_string(seed) + " pair " + std::to_string(i);
      const PairMetrics want = PerPair(view, pairs[i], workspace);
      ExpectSame(comparison->pairs[i].baseline, want, where);
      ExpectSame(comparison->pairs[i].alternative, want, where);
      ++compared;
    }
  }
  EXPECT_GT(compared, 400);
}

}  // namespace
}  // namespace aircargo::routes
