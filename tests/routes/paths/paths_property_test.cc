// FindPaths against brute force on seeded random graphs (std::mt19937, fixed seeds): 8 airports,
// 26 random routes (parallel routes and routes shorter than the great circle included; every status
// and some effective dates), random ground times, random constraints, random scenarios. Every
// simple path is enumerated by depth-first search over the network's own adjacency, keeping the
// routes the test itself finds flying under the scenario (tests/routes/paths/scenario_oracle.h,
// from the Scenario's plain fields, not through ScenarioView); the k best values must match in
// order, the Pareto set must match exactly, and A* must agree with plain Dijkstra. Boost's
// Dijkstra is the oracle of tests/routes/paths/dijkstra_oracle_test.cc.
#include <gtest/gtest.h>

#include <algorithm>
#include <functional>
#include <random>
#include <set>
#include <string>
#include <tuple>

#include "routes/geo.h"
#include "routes/paths/find_paths.h"
#include "tests/routes/paths/diamond.h"
#include "tests/routes/paths/scenario_oracle.h"

namespace aircargo::routes::test {
namespace {

constexpr int kAirports = 8;
constexpr int kRoutes = 26;

std::shared_ptr<const Network> RandomNetwork(std::mt19937& rng) {
  std::uniform_real_distribution<double> lat(0, 40);
  std::uniform_real_distribution<double> lon(100, 140);
  std::uniform_int_distribution<int> ground(0, 180);
  std::vector<Airport> airports;
  for (int i = 0; i < kAirports; ++i) {
    Airport a = Port(std::string{'P', 'A', static_cast<char>('A' + i)}, lat(rng), lon(rng));
    a.min_connection_minutes = ground(rng);
    a.export_clearance_minutes = ground(rng);
    a.import_clearance_minutes = ground(rng);
    airports.push_back(a);
  }
  std::uniform_int_distribution<int> pick(0, kAirports - 1);
  std::uniform_real_distribution<double> stretch(0.8, 1.6);
  std::uniform_int_distribution<int> block(30, 600);
  const int per_week[] = {1, 2, 3, 5, 7, 14};
  std::uniform_int_distribution<int> freq(0, 5);
  std::uniform_int_distribution<std::int64_t> cost(0, 30);
  std::uniform_int_distribution<std::int64_t> payload(1, 20);
  const char* carriers[] = {"W8", "CA", "LH"};
  std::uniform_int_distribution<int> carrier(0, 2);
  std::uniform_int_distribution<int> mode(0, 2);  // the three Mode enumerators
  std::vector<RouteInput> routes;
  for (int i = 0; i < kRoutes; ++i) {
    int o = pick(rng);
    int d = pick(rng);
    while (d == o) d = pick(rng);
    const Airport& x = airports[static_cast<std::size_t>(o)];
    const Airport& y = airports[static_cast<std::size_t>(d)];
    const double gc =
        GreatCircleKm(x.latitude_deg, x.longitude_deg, y.latitude_deg, y.longitude_deg);
    routes.push_back(
        Leg({"R" + std::to_string(i), x.iata, y.iata, std::max(1.0, gc * stretch(rng)), block(rng),
             per_week[freq(rng)], cost(rng) * 100'000, payload(rng) * 1'000, carriers[carrier(rng)],
             static_cast<Mode>(mode(rng))}));
  }
  return BuildOrDie(std::move(airports), std::move(routes));
}

struct Values {
  double km;
  std::int64_t minutes;
  std::int64_t cost;
  std::int64_t legs;
};

// Every simple path meeting the query's constraints under `s`, by depth-first search.
std::vector<Values> BruteForce(const Network& n, const Scenario& s, const PathQuery& q) {
  std::vector<Values> all;
  std::vector<RouteId> stack;
  std::vector<bool> on(n.airports().size(), false);
  auto finish = [&]() {
    // Via airports in order.
    std::size_t next = 0;
    for (RouteId id : stack) {
      if (next < q.via.size() && n.route(id).destination == q.via[next]) ++next;
    }
    if (next != q.via.size()) return;
    Values v{0, n.airport(q.origin).export_clearance_minutes, 0,
             static_cast<std::int64_t>(stack.size())};
    for (std::size_t i = 0; i < stack.size(); ++i) {
      const Route& r = n.route(stack[i]);
      v.km += r.distance_km;
      v.cost += r.cost_per_kg_micros;
      v.minutes += r.block_minutes + 10080 / r.flights_per_week / 2;
      if (i > 0) v.minutes += n.airport(r.origin).min_connection_minutes;
    }
    v.minutes += n.airport(q.destination).import_clearance_minutes;
    all.push_back(v);
  };
  std::function<void(AirportId)> dfs = [&](AirportId at) {
    if (at == q.destination) {
      finish();
      return;
    }
    if (q.max_legs > 0 && static_cast<int>(stack.size()) >= q.max_legs) return;
    for (RouteId id : n.outbound(at)) {
      const Route& r = n.route(id);
      const std::int64_t capacity = CapacityUnder(n, s, id);
      if (capacity <= 0 || capacity < q.min_capacity_kg_per_week) continue;
      if (on[r.destination.value]) continue;
      if (std::find(q.avoid.begin(), q.avoid.end(), r.destination) != q.avoid.end()) continue;
      if (!q.modes.empty() && std::find(q.modes.begin(), q.modes.end(), r.mode) == q.modes.end()) {
        continue;
      }
      on[r.destination.value] = true;
      stack.push_back(id);
      dfs(r.destination);
      stack.pop_back();
      on[r.destination.value] = false;
    }
  };
  on[q.origin.value] = true;
  dfs(q.origin);
  return all;
}

double Value(const Values& v, Objective objective) {
  switch (objective) {
    case Objective::kDistance:
      return v.km;
    case Objective::kTransitTime:
      return static_cast<double>(v.minutes);
    case Objective::kCost:
      return static_cast<double>(v.cost);
    case Objective::kLegs:
      return static_cast<double>(v.legs);
  }
  return 0;
}

double Value(const Path& p, Objective objective) {
  return Value(Values{p.distance_km, p.transit_minutes, p.cost_per_kg_micros,
                      static_cast<std::int64_t>(p.legs())},
               objective);
}

PathQuery RandomQuery(std::mt19937& rng, bool with_via) {
  std::uniform_int_distribution<int> pick(0, kAirports - 1);
  PathQuery q;
  q.origin = AirportId(static_cast<std::uint32_t>(pick(rng)));
  do {
    q.destination = AirportId(static_cast<std::uint32_t>(pick(rng)));
  } while (q.destination == q.origin);
  std::uniform_int_distribution<int> coin(0, 3);
  if (coin(rng) == 0) q.max_legs = 1 + coin(rng);
  if (coin(rng) == 0) q.min_capacity_kg_per_week = 30'000;
  if (coin(rng) == 0) q.modes = {Mode::kFreighter, Mode::kBelly};
  auto other = [&]() {
    AirportId a;
    do {
      a = AirportId(static_cast<std::uint32_t>(pick(rng)));
    } while (a == q.origin || a == q.destination);
    return a;
  };
  if (coin(rng) == 0) q.avoid = {other()};
  if (with_via && coin(rng) < 2) {
    AirportId v = other();
    if (std::find(q.avoid.begin(), q.avoid.end(), v) == q.avoid.end()) q.via = {v};
  }
  return q;
}

TEST(FindPathsProperty, KPathsMatchBruteForceInOrder) {
  int compared = 0;
  // Random scenarios leave fewer paths per seed than the whole network does: more seeds.
  for (std::uint32_t seed = 1; seed <= 200; ++seed) {
    std::mt19937 rng(seed);
    const auto n = RandomScenarioNetwork(rng, kAirports, kRoutes);
    ASSERT_NE(n, nullptr);
    for (Objective objective :
         {Objective::kDistance, Objective::kTransitTime, Objective::kCost, Objective::kLegs}) {
      PathQuery q = RandomQuery(rng, /*with_via=*/true);
      q.objective = objective;
      q.k = 12;
      const Scenario s = RandomScenario(rng, *n, q.origin, q.destination);
      auto made = ScenarioView::Make(*n, s);
      ASSERT_TRUE(made.ok()) << made.error().ToString();
      const ScenarioView& view = *made;
      std::vector<Values> brute = BruteForce(*n, s, q);
      std::vector<double> expected;
      for (const Values& v : brute) expected.push_back(Value(v, objective));
      std::sort(expected.begin(), expected.end());
      if (expected.size() > 12) expected.resize(12);

      const PathsResult r = Solve(view, q);
      ASSERT_EQ(r.paths.size(), expected.size())
          << "seed " << seed << " " << ObjectiveName(objective);
      std::set<std::vector<RouteId>> distinct;
      for (std::size_t i = 0; i < expected.size(); ++i) {
        EXPECT_NEAR(Value(r.paths[i], objective), expected[i], 1e-6)
            << "seed " << seed << " " << ObjectiveName(objective) << " path " << i;
        distinct.insert(r.paths[i].routes);
        if (q.max_legs > 0) {
          EXPECT_LE(r.paths[i].legs(), static_cast<std::size_t>(q.max_legs));
        }
      }
      EXPECT_EQ(distinct.size(), r.paths.size());
      if (r.paths.empty()) {
        EXPECT_NE(r.reason, PathReason::kFound);
      }
      compared += static_cast<int>(expected.size());
    }
  }
  EXPECT_GT(compared, 500);  // the seeds really exercise the enumeration
}

TEST(FindPathsProperty, ParetoSetMatchesBruteForce) {
  int compared = 0;
  for (std::uint32_t seed = 1000; seed < 1300; ++seed) {
    std::mt19937 rng(seed);
    const auto n = RandomScenarioNetwork(rng, kAirports, kRoutes);
    ASSERT_NE(n, nullptr);
    PathQuery q = RandomQuery(rng, /*with_via=*/false);
    q.pareto = true;
    const Scenario s = RandomScenario(rng, *n, q.origin, q.destination);
    auto made = ScenarioView::Make(*n, s);
    ASSERT_TRUE(made.ok()) << made.error().ToString();
    const ScenarioView& view = *made;
    using Triple = std::tuple<std::int64_t, std::int64_t, std::int64_t>;
    std::set<Triple> candidates;
    for (const Values& v : BruteForce(*n, s, q)) candidates.insert({v.minutes, v.cost, v.legs});
    std::set<Triple> expected;
    for (const Triple& t : candidates) {
      bool dominated = false;
      for (const Triple& u : candidates) {
        if (u != t && std::get<0>(u) <= std::get<0>(t) && std::get<1>(u) <= std::get<1>(t) &&
            std::get<2>(u) <= std::get<2>(t)) {
          dominated = true;
        }
      }
      if (!dominated) expected.insert(t);
    }
    const PathsResult r = Solve(view, q);
    std::set<Triple> got;
    for (const Path& p : r.paths) {
      got.insert({p.transit_minutes, p.cost_per_kg_micros, static_cast<std::int64_t>(p.legs())});
    }
    EXPECT_EQ(got.size(), r.paths.size()) << "seed " << seed;
    EXPECT_EQ(got, expected) << "seed " << seed;
    for (std::size_t i = 1; i < r.paths.size(); ++i) {
      EXPECT_LE(r.paths[i - 1].transit_minutes, r.paths[i].transit_minutes);
    }
    compared += static_cast<int>(expected.size());
  }
  EXPECT_GT(compared, 60);
}

TEST(FindPathsProperty, AStarMatchesDijkstra) {
  for (std::uint32_t seed = 200; seed < 260; ++seed) {
    std::mt19937 rng(seed);
    const auto n = RandomNetwork(rng);
    ASSERT_NE(n, nullptr);
    const auto view = ScenarioView::Operating(*n, kPathsDay);
    for (Objective objective : {Objective::kDistance, Objective::kTransitTime}) {
      PathQuery q = RandomQuery(rng, /*with_via=*/true);
      q.objective = objective;
      q.k = 5;
      PathWorkspace astar;
      PathWorkspace dijkstra;
      dijkstra.set_use_bounds(false);
      StopCheck stop;
      auto a = FindPaths(view, q, astar, stop);
      auto d = FindPaths(view, q, dijkstra, stop);
      ASSERT_TRUE(a.ok() && d.ok());
      ASSERT_EQ(a->paths.size(), d->paths.size()) << "seed " << seed;
      for (std::size_t i = 0; i < a->paths.size(); ++i) {
        EXPECT_NEAR(Value(a->paths[i], objective), Value(d->paths[i], objective), 1e-6)
            << "seed " << seed;
      }
      EXPECT_EQ(a->reason, d->reason);
    }
  }
}

}  // namespace
}  // namespace aircargo::routes::test
