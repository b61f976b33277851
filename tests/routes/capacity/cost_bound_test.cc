// FlowNetwork::CostBound, the goal-directed lower bound the min-cost flow's first search uses:
// consistent over every arc (exactly, in integers), a lower bound on Boost Dijkstra's cheapest
// cost, and PlanFlow with it active agrees with Boost's successive shortest paths on networks
// whose costs grow with distance (as the OpenFlights import models them).
#include <gtest/gtest.h>

#include <algorithm>
#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/dijkstra_shortest_paths.hpp>
#include <cmath>
#include <cstdint>
#include <limits>
#include <random>
#include <string>
#include <vector>

#include "routes/capacity/boost_flow.h"
#include "routes/capacity/flow_network.h"
#include "routes/capacity/flow_template.h"
#include "routes/capacity/flow_workspace.h"
#include "routes/capacity/min_cost_flow.h"
#include "routes/geo.h"
#include "routes/network_builder.h"
#include "tests/routes/capacity/flow_test_network.h"

namespace aircargo::routes {
namespace {

struct Place {
  double lat = 0;
  double lon = 0;
};

// Airports spread over the globe, plus a cluster a few millimetres apart and an antipodal pair;
// routes cost base + rate x great-circle km (+ a random extra), some of them exactly at the least
// rate, so the bound is tight on them. Every third airport has a terminal limit.
std::shared_ptr<const Network> DistanceCostedNetwork(std::uint32_t seed, int airports, int degree) {
  std::mt19937 rng(seed);
  std::uniform_real_distribution<double> lat(-80, 80);
  std::uniform_real_distribution<double> lon(-180, 180);
  std::vector<Place> places;
  for (int i = 0; i < airports; ++i) places.push_back({lat(rng), lon(rng)});
  places[1] = {places[0].lat + 1e-8, places[0].lon};  // ~1 mm from airport 0
  places[2] = {places[0].lat, places[0].lon + 3e-8};
  places[3] = {-places[4].lat, places[4].lon > 0 ? places[4].lon - 180 : places[4].lon + 180};

  NetworkBuilder builder;
  builder.SetName("distance costed");
  for (int i = 0; i < airports; ++i) {
    Airport a;
    a.iata = test::CodeFor(i);
    a.name = a.iata + " airport";
    a.city = a.iata;
    a.country = "CN";
    a.latitude_deg = places[i].lat;
    a.longitude_deg = places[i].lon;
    a.time_zone = "Asia/Shanghai";
    if (i % 3 == 2) a.throughput_kg_per_week = 20'000 + 1'000 * i;
    builder.AddAirport(std::move(a));
  }
  std::uniform_int_distribution<int> node(0, airports - 1);
  std::uniform_int_distribution<std::int64_t> kg(1'000, 60'000);
  std::uniform_int_distribution<std::int64_t> extra(0, 400'000);
  std::uniform_int_distribution<int> kind(0, 3);
  for (int i = 0; i < airports * degree; ++i) {
    const int from = i < 6 ? i % 3 : node(rng);  // arcs inside the cluster too
    int to = i < 6 ? (i + 1) % 3 : node(rng);
    if (from == to) to = (to + 1) % airports;
    const double km =
        GreatCircleKm(places[from].lat, places[from].lon, places[to].lat, places[to].lon);
    RouteInput r;
    r.id = "R" + std::to_string(i);
    r.origin = test::CodeFor(from);
    r.destination = test::CodeFor(to);
    r.carrier = "XX";
    r.mode = Mode::kFreighter;
    r.payload_kg = kg(rng);
    r.flights_per_week = 1;
    r.block_minutes = 60;
    const int k = kind(rng);
    // 250 micros per kg per km, with or without a base, sometimes with an extra on top.
    r.cost_per_kg_micros = (k == 0 ? 0 : 300'000) +
                           static_cast<std::int64_t>(std::ceil(km * 250.0)) +
                           (k == 3 ? extra(rng) : 0);
    r.status = RouteStatus::kOperating;
    builder.AddRoute(std::move(r));
  }
  auto network = builder.Build();
  EXPECT_TRUE(network.ok()) << (network.ok() ? "" : network.error().ToString());
  return *network;
}

// Cheapest cost from `from` to every node over the forward arcs with capacity, by Boost.
std::vector<std::int64_t> BoostCheapest(const FlowNetwork& n, std::uint32_t from) {
  using Graph =
      boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS, boost::no_property,
                            boost::property<boost::edge_weight_t, std::int64_t>>;
  Graph g(n.node_count());
  for (std::uint32_t pair = 0; pair < n.pair_count(); ++pair) {
    if (n.capacity(pair) > 0)
      boost::add_edge(n.Tail(2 * pair), n.Head(2 * pair), n.Cost(2 * pair), g);
  }
  std::vector<std::int64_t> distance(n.node_count());
  boost::dijkstra_shortest_paths(g, from,
                                 boost::distance_map(distance.data())
                                     .distance_inf(std::numeric_limits<std::int64_t>::max())
                                     .distance_zero(std::int64_t{0}));
  return distance;
}

TEST(CostBound, ConsistentOverEveryArcAndBelowTheCheapestCost) {
  int tight = 0;
  for (std::uint32_t seed = 1; seed <= 6; ++seed) {
    const auto network = DistanceCostedNetwork(seed, 40, 5);
    const ScenarioView view = ScenarioView::Operating(*network, test::TestDate());
    const FlowTemplate flows(view);
    FlowNetwork n;
    ASSERT_FALSE(flows.Instantiate(AirportId(0), std::vector{AirportId(5), AirportId(6)}, n));
    const std::uint32_t super_sink = n.sink();
    for (std::uint32_t s = 0; s < n.node_count(); ++s) {
      EXPECT_EQ(n.CostBound(s, s), 0);
      EXPECT_EQ(n.CostBound(s, super_sink), 0);
      for (std::uint32_t pair = 0; pair < n.pair_count(); ++pair) {
        const std::uint32_t arc = 2 * pair;
        const std::int64_t at_tail = n.CostBound(s, n.Tail(arc));
        const std::int64_t at_head = n.CostBound(s, n.Head(arc));
        ASSERT_GE(at_head, 0);
        ASSERT_LE(at_head, at_tail + n.Cost(arc))
            << "seed " << seed << " from node " << s << " pair " << pair;
        if (s == n.Tail(arc) && at_head > 0 && at_head + 1 >= n.Cost(arc)) ++tight;
      }
      if (s == super_sink) continue;
      const std::vector<std::int64_t> cheapest = BoostCheapest(n, s);
      for (std::uint32_t v = 0; v < n.node_count(); ++v) {
        if (cheapest[v] == std::numeric_limits<std::int64_t>::max()) continue;
        EXPECT_LE(n.CostBound(s, v), cheapest[v]) << "seed " << seed << " " << s << " -> " << v;
      }
    }
    // The bound is not vacuous: some node far away gets a positive bound.
    std::int64_t largest = 0;
    for (std::uint32_t v = 0; v < n.node_count(); ++v) {
      largest = std::max(largest, n.CostBound(0, v));
    }
    EXPECT_GT(largest, 1'000'000) << "seed " << seed;
  }
  EXPECT_GT(tight, 0);  // routes at the least rate: the bound equals their cost (floored)
}

TEST(CostBound, ZeroWithoutAirportsOrWhenAnArcIsFreeAcrossADistance) {
  const std::vector<FlowArcSpec> arcs{{0, 1, 10, 5, {}}, {1, 2, 10, 7, {}}};
  const FlowNetwork plain = FlowNetwork::FromArcs(3, 0, 2, arcs);
  EXPECT_EQ(plain.CostBound(0, 2), 0);

  // AAA and TTT are far apart; one free route between them leaves no positive rate.
  const auto free = test::MakeFlowNetwork(
      {"AAA", "TTT", "BBB"},
      {{"AAA", "TTT", 1'000, 0}, {"AAA", "BBB", 1'000, 900'000}, {"BBB", "TTT", 1'000, 900'000}});
  const ScenarioView view = ScenarioView::Operating(*free, test::TestDate());
  auto built = FlowNetwork::Build(view, AirportId(0), std::vector{AirportId(1)});
  ASSERT_TRUE(built.ok());
  for (std::uint32_t v = 0; v < built->node_count(); ++v) EXPECT_EQ(built->CostBound(0, v), 0);
}

// PlanFlow (goal-directed first search, forward-arc scans) against Boost's successive shortest
// paths on the same network: shipped kg and exact cost, one and several destinations, terminal
// limits, demands below and above the maximum flow.
TEST(CostBound, PlanFlowAgreesWithBoostOnDistanceCostedNetworks) {
  int compared = 0;
  int multi_path = 0;
  for (std::uint32_t seed = 1; seed <= 8; ++seed) {
    const auto network = DistanceCostedNetwork(100 + seed, 60, 6);
    const ScenarioView view = ScenarioView::Operating(*network, test::TestDate());
    const FlowTemplate flows(view);
    FlowWorkspace workspace;  // reused across requests, as a compute slot does
    std::mt19937 rng(seed);
    std::uniform_int_distribution<std::uint32_t> airport(0, 59);
    for (int q = 0; q < 25; ++q) {
      const AirportId origin(airport(rng));
      std::vector<AirportId> destinations{AirportId(airport(rng))};
      if (q % 3 == 0) destinations.push_back(AirportId(airport(rng)));
      if (std::find(destinations.begin(), destinations.end(), origin) != destinations.end()) {
        continue;
      }
      const std::int64_t demand = 5'000 + 9'000 * q;
      StopCheck stop;
      const auto plan = PlanFlow(flows, {origin, destinations, demand}, workspace, stop);
      ASSERT_TRUE(plan.ok()) << plan.error().ToString();
      const auto built = FlowNetwork::Build(view, origin, destinations);
      ASSERT_TRUE(built.ok());
      const BoostMinCostFlowResult boost = BoostMinCostFlow(*built, demand);
      EXPECT_EQ(plan->shipped_kg_per_week, boost.flow_kg) << "seed " << seed << " query " << q;
      EXPECT_EQ(plan->total_cost_micros, static_cast<std::int64_t>(boost.cost_micros))
          << "seed " << seed << " query " << q;
      ++compared;
      if (plan->paths.size() > 2) ++multi_path;
    }
  }
  EXPECT_GE(compared, 150);
  EXPECT_GE(multi_path, 30);  // the flows take several phases, where the potentials matter
}

}  // namespace
}  // namespace aircargo::routes
