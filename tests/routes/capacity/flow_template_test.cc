// FlowTemplate (routes/capacity/flow_template.h): a request's network instantiated from the
// per-view template must answer exactly as the network FlowNetwork::Build reads from the route
// records. On seeded random networks with terminal limits, planned routes, scenario factors,
// closures and extra routes, for one, several and repeated destinations, one after another on one
// reused workspace (so the journal-based reset between requests is exercised, and a second
// template alternates into the same workspace): the maximum flow equals Boost's push-relabel on
// Build's network, the min cut and the route flows equal the ones Build's network gives, the
// minimum cost equals Boost's successive shortest paths and the paths of PlanFlow equal the
// decomposition of the min-cost flow on Build's network; errors are Build's. One test solves on one
// shared template from several threads (run it under the tsan preset).
#include "routes/capacity/flow_template.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <map>
#include <memory>
#include <random>
#include <string>
#include <thread>
#include <tuple>
#include <vector>

#include "routes/capacity/boost_flow.h"
#include "routes/capacity/closures.h"
#include "routes/capacity/flow_network.h"
#include "routes/capacity/flow_paths.h"
#include "routes/capacity/flow_workspace.h"
#include "routes/capacity/max_flow.h"
#include "routes/capacity/min_cost_flow.h"
#include "tests/routes/capacity/flow_test_network.h"

namespace aircargo::routes {
namespace {

using test::CodeFor;
using test::TestArc;

// A random network of `nodes` airports, about one in five with a terminal limit, about one route
// in six planned, hubs 0..3 densely linked (so flows branch and cuts lie inside the network).
std::shared_ptr<const Network> RandomLimitedNetwork(std::uint32_t seed, int nodes) {
  std::mt19937 rng(seed);
  std::vector<std::string> codes;
  for (int i = 0; i < nodes; ++i) codes.push_back(CodeFor(i));
  std::uniform_int_distribution<int> any(0, nodes - 1);
  std::uniform_int_distribution<int> hub(0, 3);
  std::uniform_int_distribution<std::int64_t> kg(1, 60'000);
  std::uniform_int_distribution<std::int64_t> cost(0, 3'000'000);
  std::uniform_int_distribution<int> percent(0, 99);
  std::vector<TestArc> arcs;
  const auto add = [&](int a, int b) {
    if (a != b) arcs.push_back({codes[a], codes[b], kg(rng), cost(rng), percent(rng) < 16});
  };
  for (int a = 0; a < 4; ++a) {
    for (int b = 0; b < 4; ++b) add(a, b);
  }
  for (int s = 0; s < nodes; ++s) {
    add(s, hub(rng));
    add(hub(rng), s);
    for (int k = 0; k < 2; ++k) add(s, any(rng));
  }
  std::map<std::string, std::int64_t> throughput;
  for (int i = 0; i < nodes; ++i) {
    if (percent(rng) < 20) throughput[codes[i]] = 5'000 + 1'000 * (percent(rng) + 1);
  }
  return test::MakeFlowNetwork(codes, arcs, throughput);
}

// A scenario with the planned routes, a few closures, factors and two extra routes.
Scenario RandomScenario(const Network& network, std::uint32_t seed) {
  std::mt19937 rng(seed * 7919U);
  std::uniform_int_distribution<std::uint32_t> route(
      0, static_cast<std::uint32_t>(network.routes().size()) - 1);
  std::uniform_int_distribution<std::uint32_t> airport(
      4, static_cast<std::uint32_t>(network.airports().size()) - 1);
  std::uniform_int_distribution<int> factor(0, 30);
  Scenario s;
  s.as_of = test::TestDate();
  s.include_planned = seed % 2 == 0;
  s.closed_routes.push_back(RouteId(route(rng)));
  if (seed % 3 == 0) s.closed_airports.push_back(AirportId(airport(rng)));
  for (int i = 0; i < 6; ++i) {
    s.capacity_factors.push_back({RouteId(route(rng)), "", factor(rng) / 10.0});
  }
  for (int i = 0; i < 2; ++i) {
    RouteInput r;
    r.id = "EXTRA-" + std::to_string(i);
    r.origin = network.airport(AirportId(i)).iata;
    r.destination = network.airport(AirportId(airport(rng))).iata;
    r.carrier = "XX";
    r.mode = Mode::kFreighter;
    r.payload_kg = 20'000;
    r.flights_per_week = 2;
    r.block_minutes = 90;
    r.cost_per_kg_micros = 1'500'000;
    s.extra_routes.push_back(std::move(r));
  }
  return s;
}

// The capacity answer computed on Build's network the way ComputeCapacity did before templates
// (the min cut by the two-pass scan it used):
// max flow, min cut (kind, id, capacity) in cut order, route flows in pair order.
struct Answer {
  std::int64_t max_flow = 0;
  std::vector<std::tuple<int, std::uint32_t, std::int64_t>> cut;
  std::vector<std::tuple<std::uint32_t, std::int64_t, std::int64_t>> flows;
};

Answer FromBuild(const ScenarioView& view, const CapacityQuery& q) {
  auto built = FlowNetwork::Build(view, q.origin, q.destinations);
  EXPECT_TRUE(built.ok());
  FlowNetwork& n = built.value();
  StopCheck stop;
  FlowWorkspace w;
  Answer a;
  a.max_flow = *AugmentMaxFlow(n, w, stop);
  EXPECT_EQ(a.max_flow, BoostMaxFlow(n, BoostMaxFlowAlgorithm::kPushRelabel));
  if (a.max_flow > 0) {
    // The cut as ComputeCapacity found it before templates: the source side by BFS, then a second
    // scan of it for the forward arcs leaving it.
    std::vector<bool> source_side(n.node_count(), false);
    std::vector<std::uint32_t> queue{n.source()};
    source_side[n.source()] = true;
    for (std::size_t i = 0; i < queue.size(); ++i) {
      for (std::uint32_t arc : n.OutArcs(queue[i])) {
        if (!source_side[n.Head(arc)] && n.Residual(arc) > 0) {
          source_side[n.Head(arc)] = true;
          queue.push_back(n.Head(arc));
        }
      }
    }
    for (std::uint32_t v : queue) {
      for (std::uint32_t arc : n.OutArcs(v)) {
        const std::uint32_t pair = arc >> 1;
        if (FlowNetwork::IsForward(arc) && !source_side[n.Head(arc)] && n.capacity(pair) > 0) {
          a.cut.emplace_back(static_cast<int>(n.label(pair).kind), n.label(pair).id,
                             n.capacity(pair));
        }
      }
    }
  }
  std::stable_sort(a.cut.begin(), a.cut.end(),
                   [](const auto& x, const auto& y) { return std::get<2>(x) > std::get<2>(y); });
  for (std::uint32_t pair = 0; pair < n.pair_count(); ++pair) {
    if (n.label(pair).kind == ArcKind::kRoute && n.flow(pair) > 0) {
      a.flows.emplace_back(n.label(pair).id, n.flow(pair), n.capacity(pair));
    }
  }
  std::stable_sort(a.flows.begin(), a.flows.end(),
                   [](const auto& x, const auto& y) { return std::get<1>(x) > std::get<1>(y); });
  return a;
}

Answer FromResult(const CapacityResult& r) {
  Answer a;
  a.max_flow = r.max_flow_kg_per_week;
  for (const Bottleneck& b : r.min_cut) {
    const bool route = b.kind == Bottleneck::Kind::kRoute;
    a.cut.emplace_back(static_cast<int>(route ? ArcKind::kRoute : ArcKind::kThroughput),
                       route ? b.route.value : b.airport.value, b.capacity_kg_per_week);
  }
  for (const RouteFlow& f : r.route_flows) {
    a.flows.emplace_back(f.route.value, f.flow_kg_per_week, f.capacity_kg_per_week);
  }
  return a;
}

// The min-cost flow on Build's network, decomposed as PlanFlow decomposes it: (route ids, kg) per
// path in decomposition order, and the exact cost; Boost's cost checked on the way.
struct PlanAnswer {
  std::int64_t shipped = 0;
  Int128 cost = 0;
  std::vector<std::pair<std::vector<std::uint32_t>, std::int64_t>> paths;
};

PlanAnswer PlanFromBuild(const ScenarioView& view, const FlowPlanQuery& q) {
  auto built = FlowNetwork::Build(view, q.origin, q.destinations);
  EXPECT_TRUE(built.ok());
  FlowNetwork& n = built.value();
  StopCheck stop;
  PlanAnswer a;
  a.shipped = *SolveMinCostFlow(n, q.demand_kg_per_week, stop);
  a.cost = FlowCostMicros(n);
  const BoostMinCostFlowResult boost = BoostMinCostFlow(n, q.demand_kg_per_week);
  EXPECT_EQ(a.shipped, boost.flow_kg);
  EXPECT_TRUE(a.cost == boost.cost_micros);
  const auto decomposed = DecomposeFlow(n, stop);
  EXPECT_TRUE(decomposed.ok());
  if (!decomposed.ok()) return a;
  for (const FlowPath& fp : decomposed.value()) {
    std::vector<std::uint32_t> routes;
    for (std::uint32_t pair : fp.pairs) {
      if (n.label(pair).kind == ArcKind::kRoute) routes.push_back(n.label(pair).id);
    }
    a.paths.emplace_back(std::move(routes), fp.kg);
  }
  return a;
}

// PlanFlow's paths before its sort by cost, recovered by undoing nothing: compare as multisets in
// PlanFlow's own order instead (the sort is stable, so equal inputs give equal outputs).
std::vector<std::pair<std::vector<std::uint32_t>, std::int64_t>> SortedLikePlanFlow(
    const ScenarioView& view, std::vector<std::pair<std::vector<std::uint32_t>, std::int64_t>> p) {
  const auto cost = [&view](const std::vector<std::uint32_t>& routes) {
    std::int64_t c = 0;
    for (std::uint32_t r : routes) c += view.route(RouteId(r)).cost_per_kg_micros;
    return c;
  };
  std::stable_sort(p.begin(), p.end(), [&](const auto& a, const auto& b) {
    return cost(a.first) != cost(b.first) ? cost(a.first) < cost(b.first) : a.second > b.second;
  });
  return p;
}

std::vector<CapacityQuery> Queries(std::uint32_t seed, std::uint32_t airports) {
  std::mt19937 rng(seed);
  std::uniform_int_distribution<std::uint32_t> any(0, airports - 1);
  std::vector<CapacityQuery> queries;
  for (int i = 0; i < 12; ++i) {
    CapacityQuery q;
    q.origin = AirportId(i % 3 == 0 ? static_cast<std::uint32_t>(i % 4) : any(rng));
    const int count = i % 4 == 1 ? 3 : 1;
    while (static_cast<int>(q.destinations.size()) < count) {
      const AirportId d(any(rng));
      if (d != q.origin) q.destinations.push_back(d);
    }
    if (i % 5 == 2) q.destinations.push_back(q.destinations.front());  // a repeat counts once
    queries.push_back(std::move(q));
  }
  return queries;
}

// ComputeCapacity, PlanFlow and AnalyzeClosures on `flows` for query q answer as on Build's network
// of flows.view(). Returns whether the maximum flow is positive.
bool ExpectAnswersAsBuild(const FlowTemplate& flows, const CapacityQuery& q,
                          FlowWorkspace& workspace, std::uint32_t seed, std::size_t i) {
  const ScenarioView& view = flows.view();
  StopCheck stop;
  const auto result = ComputeCapacity(flows, q, workspace, stop);
  EXPECT_TRUE(result.ok()) << result.error().ToString();
  if (!result.ok()) return false;
  const Answer expected = FromBuild(view, q);
  const Answer got = FromResult(*result);
  EXPECT_EQ(got.max_flow, expected.max_flow) << "seed " << seed << " query " << i;
  EXPECT_EQ(got.cut, expected.cut) << "seed " << seed << " query " << i;
  EXPECT_EQ(got.flows, expected.flows) << "seed " << seed << " query " << i;

  const FlowPlanQuery pq{q.origin, q.destinations, 20'000 + 15'000 * (seed % 5)};
  const auto plan = PlanFlow(flows, pq, workspace, stop);
  EXPECT_TRUE(plan.ok()) << plan.error().ToString();
  if (!plan.ok()) return false;
  const PlanAnswer plan_expected = PlanFromBuild(view, pq);
  EXPECT_EQ(plan->shipped_kg_per_week, plan_expected.shipped) << "seed " << seed;
  EXPECT_TRUE(static_cast<Int128>(plan->total_cost_micros) == plan_expected.cost)
      << "seed " << seed << " query " << i;
  std::vector<std::pair<std::vector<std::uint32_t>, std::int64_t>> got_paths;
  for (const PlannedPath& p : plan->paths) {
    std::vector<std::uint32_t> routes;
    for (RouteId r : p.routes) routes.push_back(r.value);
    got_paths.emplace_back(std::move(routes), p.kg_per_week);
  }
  EXPECT_EQ(got_paths, SortedLikePlanFlow(view, plan_expected.paths))
      << "seed " << seed << " query " << i;

  // AnalyzeClosures counts the routes Build has: the disabled pairs are not routes here.
  const auto closures = AnalyzeClosures(flows, q, workspace, stop);
  EXPECT_TRUE(closures.ok());
  auto built = FlowNetwork::Build(view, q.origin, q.destinations);
  EXPECT_TRUE(built.ok());
  if (!closures.ok() || !built.ok()) return false;
  std::int64_t build_routes = 0;
  for (std::uint32_t pair = 0; pair < built->pair_count(); ++pair) {
    if (built->label(pair).kind == ArcKind::kRoute) ++build_routes;
  }
  const auto route_closures =
      std::count_if(closures->closures.begin(), closures->closures.end(),
                    [](const Closure& c) { return c.kind == Closure::Kind::kRoute; });
  EXPECT_EQ(closures->routes_without_flow + route_closures, build_routes) << "seed " << seed;
  EXPECT_EQ(closures->base_kg_per_week, expected.max_flow);
  return expected.max_flow > 0;
}

TEST(FlowTemplate, AnswersAsBuildOnRandomNetworksWithLimitsAndScenarios) {
  int nonzero = 0;
  int multi = 0;
  for (std::uint32_t seed = 1; seed <= 16; ++seed) {
    const auto network = RandomLimitedNetwork(seed, 14 + static_cast<int>(seed % 20));
    const auto scenario_view = ScenarioView::Make(*network, RandomScenario(*network, seed));
    ASSERT_TRUE(scenario_view.ok()) << scenario_view.error().ToString();
    const ScenarioView operating = ScenarioView::Operating(*network, test::TestDate());
    const FlowTemplate scenario_flows(*scenario_view);
    const FlowTemplate operating_flows(operating);
    FlowWorkspace workspace;  // one for every request below: the journal resets are exercised
    const auto queries = Queries(seed, static_cast<std::uint32_t>(network->airports().size()));
    for (std::size_t i = 0; i < queries.size(); ++i) {
      // Alternate templates now and then, so the full copy path runs too.
      const FlowTemplate& flows = i % 4 == 3 ? operating_flows : scenario_flows;
      if (ExpectAnswersAsBuild(flows, queries[i], workspace, seed, i)) ++nonzero;
      if (queries[i].destinations.size() > 1) ++multi;
    }
  }
  EXPECT_GE(nonzero, 100);  // the seeds exercise real flows, not just unreachable pairs
  EXPECT_GE(multi, 40);
}

// A request's template derived from the shared one (FlowTemplate::Over: the shared layout, the
// request's capacities, the routes it closes at capacity 0) answers as Build on the request's own
// view, for closures, closed airports, excluded carriers and factors up to 3x over a plain view
// with or without the planned routes; workspaces alternate between base and derived templates.
// Over refuses a view with a route the base cannot use (extra routes, planned over operating).
TEST(FlowTemplate, DerivedFromASharedTemplateAnswersAsBuild) {
  int nonzero = 0;
  for (std::uint32_t seed = 1; seed <= 16; ++seed) {
    const auto network = RandomLimitedNetwork(seed, 14 + static_cast<int>(seed % 20));
    Scenario scenario = RandomScenario(*network, seed);
    scenario.extra_routes.clear();
    if (seed % 4 == 1) scenario.excluded_carriers.push_back("xx");  // every route: nothing usable
    Scenario plain;
    plain.as_of = scenario.as_of;
    plain.include_planned = scenario.include_planned;
    const auto base_view = ScenarioView::Make(*network, plain);
    ASSERT_TRUE(base_view.ok());
    const FlowTemplate base(*base_view);
    const auto view = ScenarioView::Make(*network, scenario);
    ASSERT_TRUE(view.ok());
    const auto derived = FlowTemplate::Over(base, *view);
    ASSERT_NE(derived, nullptr) << "seed " << seed;
    EXPECT_EQ(&derived->view(), &*view);
    FlowWorkspace workspace;
    const auto queries = Queries(seed, static_cast<std::uint32_t>(network->airports().size()));
    for (std::size_t i = 0; i < queries.size(); ++i) {
      const FlowTemplate& flows = i % 4 == 3 ? base : *derived;
      if (ExpectAnswersAsBuild(flows, queries[i], workspace, seed, i)) ++nonzero;
    }

    // Routes the base cannot use: an extra route, or the planned ones over the operating view.
    Scenario with_extra = RandomScenario(*network, seed);
    with_extra.include_planned = scenario.include_planned;
    const auto extra_view = ScenarioView::Make(*network, with_extra);
    ASSERT_TRUE(extra_view.ok());
    EXPECT_EQ(FlowTemplate::Over(base, *extra_view), nullptr);
    if (scenario.include_planned) {
      const ScenarioView operating = ScenarioView::Operating(*network, test::TestDate());
      const FlowTemplate operating_flows(operating);
      bool planned_usable = false;
      for (std::uint32_t r = 0; r < view->route_count(); ++r) {
        planned_usable |= view->usable(RouteId(r)) && !operating.usable(RouteId(r));
      }
      EXPECT_EQ(FlowTemplate::Over(operating_flows, *view) == nullptr, planned_usable);
    }
  }
  EXPECT_GE(nonzero, 80);
}

// The residual network itself: after Instantiate, every pair Build has exists with Build's
// capacity, every other pair is at capacity 0, source and sink match, and a network reused across
// requests (journal reset) equals a fresh instantiation.
TEST(FlowTemplate, InstantiatedNetworkHoldsBuildsArcsAndNothingElse) {
  for (std::uint32_t seed = 1; seed <= 8; ++seed) {
    const auto network = RandomLimitedNetwork(seed, 20);
    const auto view = ScenarioView::Make(*network, RandomScenario(*network, seed));
    ASSERT_TRUE(view.ok());
    const FlowTemplate flows(*view);
    FlowNetwork reused;
    for (const CapacityQuery& q : Queries(seed + 100, 20)) {
      ASSERT_FALSE(flows.Instantiate(q.origin, q.destinations, reused).has_value());
      FlowNetwork fresh;
      ASSERT_FALSE(flows.Instantiate(q.origin, q.destinations, fresh).has_value());
      auto built = FlowNetwork::Build(*view, q.origin, q.destinations);
      ASSERT_TRUE(built.ok());
      EXPECT_EQ(reused.source(), built->source());
      const bool one = std::all_of(q.destinations.begin(), q.destinations.end(),
                                   [&](AirportId d) { return d == q.destinations.front(); });
      if (one) {
        EXPECT_EQ(reused.sink(), built->sink());
      }
      std::map<std::pair<int, std::uint32_t>, std::int64_t> expected;
      for (std::uint32_t pair = 0; pair < built->pair_count(); ++pair) {
        expected[{static_cast<int>(built->label(pair).kind), built->label(pair).id}] =
            built->capacity(pair);
      }
      ASSERT_EQ(reused.pair_count(), fresh.pair_count());
      for (std::uint32_t pair = 0; pair < reused.pair_count(); ++pair) {
        const auto key =
            std::make_pair(static_cast<int>(reused.label(pair).kind), reused.label(pair).id);
        const auto it = expected.find(key);
        EXPECT_EQ(reused.capacity(pair), it == expected.end() ? 0 : it->second) << "pair " << pair;
        EXPECT_EQ(reused.capacity(pair), fresh.capacity(pair));
        EXPECT_EQ(reused.flow(pair), 0);
        EXPECT_EQ(reused.Residual(2 * pair + 1), 0);
      }
      // Dirty the reused network the way a solve does before the next request.
      StopCheck stop;
      ASSERT_TRUE(AugmentMaxFlow(reused, stop).ok());
    }
  }
}

TEST(FlowTemplate, ReportsBuildsErrors) {
  const auto airports = RandomLimitedNetwork(3, 10);
  const ScenarioView view = ScenarioView::Operating(*airports, test::TestDate());
  const FlowTemplate flows(view);
  const std::vector<std::pair<AirportId, std::vector<AirportId>>> bad = {
      {AirportId(99), {AirportId(1)}},
      {AirportId(0), {}},
      {AirportId(0), {AirportId(1), AirportId(99)}},
      {AirportId(0), {AirportId(2), AirportId(0)}}};
  for (const auto& [origin, destinations] : bad) {
    FlowNetwork network;
    const auto error = flows.Instantiate(origin, destinations, network);
    const auto built = FlowNetwork::Build(view, origin, destinations);
    ASSERT_TRUE(error.has_value());
    ASSERT_FALSE(built.ok());
    EXPECT_EQ(error->code, built.error().code);
    EXPECT_EQ(error->field, built.error().field);
    EXPECT_EQ(error->message, built.error().message);
  }
  FlowNetwork network;
  const auto error = flows.InstantiateForOrigin(AirportId(99), network);
  ASSERT_TRUE(error.has_value());
  EXPECT_EQ(error->code, ErrorCode::kNotFound);
}

// Several threads solve on one shared template, each with its own workspace (as aircargod's
// compute slots do), and get the single-threaded answers. Meant for the tsan preset too.
TEST(FlowTemplate, ServesSeveralThreadsAtOnce) {
  const auto network = RandomLimitedNetwork(11, 60);
  const ScenarioView view = ScenarioView::Operating(*network, test::TestDate());
  const FlowTemplate flows(view);
  const auto queries = Queries(77, 60);
  std::vector<std::int64_t> expected_flow;
  std::vector<std::int64_t> expected_cost;
  for (const CapacityQuery& q : queries) {
    StopCheck stop;
    expected_flow.push_back(ComputeCapacity(view, q, stop)->max_flow_kg_per_week);
    expected_cost.push_back(
        PlanFlow(view, {q.origin, q.destinations, 30'000}, stop)->total_cost_micros);
  }
  constexpr int kThreads = 4;
  std::vector<int> mismatches(kThreads, 0);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      FlowWorkspace workspace;
      for (int round = 0; round < 6; ++round) {
        for (std::size_t i = 0; i < queries.size(); ++i) {
          const std::size_t k = (i + static_cast<std::size_t>(t) * 5) % queries.size();
          StopCheck stop;
          const auto capacity = ComputeCapacity(flows, queries[k], workspace, stop);
          if (!capacity.ok() || capacity->max_flow_kg_per_week != expected_flow[k]) ++mismatches[t];
          const auto plan = PlanFlow(flows, {queries[k].origin, queries[k].destinations, 30'000},
                                     workspace, stop);
          if (!plan.ok() || plan->total_cost_micros != expected_cost[k]) ++mismatches[t];
        }
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  for (int t = 0; t < kThreads; ++t) EXPECT_EQ(mismatches[t], 0) << "thread " << t;
}

}  // namespace
}  // namespace aircargo::routes
