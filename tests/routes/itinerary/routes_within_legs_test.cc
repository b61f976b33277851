// RoutesWithinLegs against its definition computed the plain way: hop counts by relaxing every
// usable route until nothing changes (Bellman-Ford with unit lengths, no graph, no levels), then
// every usable route a -> b with hops(origin -> a) + 1 + hops(b -> destination) <= max_legs,
// b != origin, a != destination. On seeded random multigraphs (statuses, closed routes and
// airports, the scenario's extra routes) for every pair of airports and every max_legs from 1 to
// kMaxItineraryLegs.
#include "routes/itinerary/routes_within_legs.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <limits>
#include <random>
#include <string>
#include <vector>

#include "routes/itinerary/itinerary_query.h"
#include "routes/scenario_view.h"
#include "tests/routes/test_parts.h"

namespace aircargo::routes::test {
namespace {

constexpr std::chrono::year_month_day kAsOf{std::chrono::year{2025}, std::chrono::month{6},
                                            std::chrono::day{1}};

std::string Code(int i) {
  return std::string{static_cast<char>('A' + i / 26), static_cast<char>('A' + i % 26), 'Q'};
}

struct Case {
  std::shared_ptr<const Network> network;
  Scenario scenario;
};

// Sparse to dense networks (a chain-like one makes long hop counts, a dense one short ones).
Case RandomCase(std::uint32_t seed) {
  std::mt19937 rng(seed);
  const int airports = 3 + static_cast<int>(rng() % 14);
  std::vector<Airport> list;
  for (int i = 0; i < airports; ++i) {
    list.push_back(MakeAirport(Code(i), "", "CN", -60 + static_cast<double>(rng() % 120),
                               -170 + static_cast<double>(rng() % 340), "UTC"));
  }
  std::vector<RouteInput> routes;
  const int count = static_cast<int>(rng() % static_cast<std::uint32_t>(3 * airports + 1));
  for (int i = 0; i < count; ++i) {
    const int from = static_cast<int>(rng() % airports);
    int to = static_cast<int>(rng() % airports);
    if (rng() % 2 == 0) to = (from + 1) % airports;  // chains: long hop counts
    if (to == from) to = (to + 1) % airports;
    RouteInput r = MakeRoute("R" + std::to_string(i), Code(from), Code(to));
    r.departures.clear();
    r.flights_per_week = 7;
    const int status = static_cast<int>(rng() % 10);
    r.status = status < 8 ? RouteStatus::kOperating
                          : (status < 9 ? RouteStatus::kPlanned : RouteStatus::kSuspended);
    routes.push_back(std::move(r));
  }
  auto built = Build(std::move(list), std::move(routes));
  EXPECT_TRUE(built.ok()) << built.error().ToString();
  Case c{*built, {}};
  c.scenario.as_of = kAsOf;
  c.scenario.include_planned = rng() % 2 == 0;
  const auto total = static_cast<std::uint32_t>(count);
  for (std::uint32_t i = 0, n = rng() % 3; i < n; ++i) {
    RouteInput r = MakeRoute("X" + std::to_string(i), Code(static_cast<int>(rng() % airports)),
                             Code(static_cast<int>(rng() % airports)));
    if (r.origin == r.destination) r.destination = r.origin == Code(0) ? Code(1) : Code(0);
    r.departures.clear();
    r.flights_per_week = 3;
    c.scenario.extra_routes.push_back(std::move(r));
  }
  const auto extras = static_cast<std::uint32_t>(c.scenario.extra_routes.size());
  for (std::uint32_t i = 0, n = rng() % 3; i < n && total + extras > 0; ++i) {
    c.scenario.closed_routes.push_back(RouteId(rng() % (total + extras)));
  }
  if (rng() % 4 == 0) {
    c.scenario.closed_airports.push_back(AirportId(rng() % static_cast<std::uint32_t>(airports)));
  }
  return c;
}

// Hop counts over the usable routes, by relaxation until nothing changes.
std::vector<int> HopsByRelaxation(const ScenarioView& view, AirportId start, bool forward) {
  constexpr int kFar = std::numeric_limits<int>::max() / 2;
  std::vector<int> dist(view.network().airports().size(), kFar);
  dist[start.value] = 0;
  for (bool changed = true; changed;) {
    changed = false;
    for (std::uint32_t r = 0; r < view.route_count(); ++r) {
      if (!view.usable(RouteId(r))) continue;
      const Route& route = view.route(RouteId(r));
      const AirportId from = forward ? route.origin : route.destination;
      const AirportId to = forward ? route.destination : route.origin;
      if (dist[from.value] + 1 < dist[to.value]) {
        dist[to.value] = dist[from.value] + 1;
        changed = true;
      }
    }
  }
  return dist;
}

TEST(RoutesWithinLegs, EqualsTheDefinitionOnRandomNetworks) {
  int kept = 0;
  int left_out = 0;
  int at_the_limit = 0;  // kept with exactly max_legs hops: the walk's last level decides them
  for (std::uint32_t seed = 1; seed <= 150; ++seed) {
    SCOPED_TRACE("seed " + std::to_string(seed));
    const Case c = RandomCase(seed);
    auto made = ScenarioView::Make(*c.network, c.scenario);
    ASSERT_TRUE(made.ok()) << made.error().ToString();
    const ScenarioView& view = *made;
    const auto airports = static_cast<std::uint32_t>(c.network->airports().size());
    for (std::uint32_t o = 0; o < airports; ++o) {
      const std::vector<int> from_origin = HopsByRelaxation(view, AirportId(o), true);
      for (std::uint32_t d = 0; d < airports; ++d) {
        if (d == o) continue;
        const std::vector<int> to_destination = HopsByRelaxation(view, AirportId(d), false);
        for (int legs = 1; legs <= kMaxItineraryLegs; ++legs) {
          const RouteSet got = RoutesWithinLegs(view, AirportId(o), AirportId(d), legs);
          for (std::uint32_t r = 0; r < view.route_count(); ++r) {
            const Route& route = view.route(RouteId(r));
            const int hops =
                from_origin[route.origin.value] + 1 + to_destination[route.destination.value];
            const bool want = view.usable(RouteId(r)) && route.destination.value != o &&
                              route.origin.value != d && hops <= legs;
            ASSERT_EQ(got.Contains(RouteId(r)), want)
                << "route " << route.id << " " << Code(static_cast<int>(route.origin.value)) << "->"
                << Code(static_cast<int>(route.destination.value)) << ", origin "
                << Code(static_cast<int>(o)) << ", destination " << Code(static_cast<int>(d))
                << ", max_legs " << legs << ", hops " << hops;
            if (want) {
              ++kept;
              if (hops == legs && legs >= 2) ++at_the_limit;
            } else if (view.usable(RouteId(r))) {
              ++left_out;
            }
          }
        }
      }
    }
  }
  EXPECT_GT(kept, 10'000);
  EXPECT_GT(left_out, 10'000);
  EXPECT_GT(at_the_limit, 1'000);
}

TEST(RoutesWithinLegs, NoLegsKeepNothing) {
  const Case c = RandomCase(7);
  auto made = ScenarioView::Make(*c.network, c.scenario);
  ASSERT_TRUE(made.ok());
  EXPECT_TRUE(RoutesWithinLegs(*made, AirportId(0), AirportId(1), 0).empty());
}

}  // namespace
}  // namespace aircargo::routes::test
