// Capacity plans: our max flow (Dinic on the FlowNetwork residual graph) beside Boost's
// push-relabel and Boykov-Kolmogorov, and our min-cost flow (primal-dual: Dijkstra with
// potentials + blocking flows) beside Boost's successive_shortest_path_nonnegative_weights, in the
// same run on the same flow networks (built once per pair; the timings are the algorithms, not
// the conversion). Also the end-to-end ComputeCapacity and AnalyzeClosures.
//
// Networks: the embedded Shenyang network and, when the OpenFlights data is present, the world
// network (formats::LoadOpenFlightsWorld). Pairs come from a fixed seed and are kept only when
// their minimum cut is neither all of the origin's outbound routes nor all of the destination's
// inbound routes (a cut deeper in the network). AIRCARGO_BENCH_SMOKE=1: Shenyang only, few pairs.
//
// The flow template (routes/capacity/flow_template.h) beside the per-request build it replaces,
// same run: `FlowNetwork/Build` (the pass over the route records every request made) against
// `FlowTemplate/Instantiate` (the journal reset of a workspace a previous solve dirtied) and
// `FlowTemplate/Build` (once per view); `ComputeCapacity/BuildAndSolve` (Build + Dinic + min cut +
// route flows, what ComputeCapacity did per request) against `ComputeCapacity/SharedTemplate` (the
// server's shared view: instantiate + the same solve) and `ComputeCapacity` (the view overload: a
// template per call, as a request with its own scenario); `PlanFlow/BuildAndSolve` against
// `PlanFlow/SharedTemplate` and `PlanFlow` for 20 t/week.
#include <benchmark/benchmark.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include "bench/bench_support.h"
#include "formats/network_file.h"
#include "formats/openflights.h"
#include "routes/capacity/boost_flow.h"
#include "routes/capacity/closures.h"
#include "routes/capacity/flow_network.h"
#include "routes/capacity/flow_paths.h"
#include "routes/capacity/flow_template.h"
#include "routes/capacity/max_flow.h"
#include "routes/capacity/min_cost_flow.h"
#include "routes/scenario_view.h"

#ifdef AIRCARGO_HAVE_LEMON
#include <lemon/list_graph.h>
#include <lemon/network_simplex.h>
#include <lemon/preflow.h>
#endif

namespace aircargo::routes {
namespace {

using bench::Smoke;

constexpr std::chrono::year_month_day kAsOf{std::chrono::year{2025}, std::chrono::month{6},
                                            std::chrono::day{1}};

struct Case {
  AirportId origin;
  AirportId destination;
  std::unique_ptr<FlowNetwork> network;  // zero flow
  std::int64_t max_flow = 0;
};

struct Fixture {
  std::shared_ptr<const Network> network;
  std::unique_ptr<ScenarioView> view;
  std::unique_ptr<FlowTemplate> flows;  // of view
  std::vector<Case> cases;
};

// PlanFlow's demand in the loadgen's plan-flow mode: 20 t/week.
constexpr std::int64_t kPlanDemandKg = 20'000;

// The sum of the usable capacities of `routes`.
template <typename Routes>
std::int64_t Total(const ScenarioView& view, Routes routes) {
  std::int64_t total = 0;
  for (RouteId r : routes) total += view.weekly_capacity_kg(r);
  return total;
}

Fixture* MakeFixture(std::shared_ptr<const Network> network, std::size_t count) {
  auto* f = new Fixture;
  f->network = std::move(network);
  f->view = std::make_unique<ScenarioView>(ScenarioView::Operating(*f->network, kAsOf));
  f->flows = std::make_unique<FlowTemplate>(*f->view);
  std::vector<AirportId> served;
  for (std::uint32_t a = 0; a < f->network->airports().size(); ++a) {
    if (f->network->outbound(AirportId(a)).size() >= 3 &&
        f->network->inbound(AirportId(a)).size() >= 3) {
      served.push_back(AirportId(a));
    }
  }
  std::mt19937 rng(20261128);
  std::uniform_int_distribution<std::size_t> pick(0, served.size() - 1);
  for (int tries = 0; f->cases.size() < count && tries < 5000; ++tries) {
    const AirportId from = served[pick(rng)];
    const AirportId to = served[pick(rng)];
    if (from == to) continue;
    const std::vector<AirportId> destinations{to};
    auto built = FlowNetwork::Build(*f->view, from, destinations);
    if (!built.ok()) continue;
    auto solved = std::make_unique<FlowNetwork>(*built);
    StopCheck stop;
    auto flow = AugmentMaxFlow(*solved, stop);
    if (!flow.ok() || *flow == 0) continue;
    std::int64_t out = 0;
    f->view->ForEachOutRoute(from, [&](RouteId r) { out += f->view->weekly_capacity_kg(r); });
    std::int64_t in = 0;
    f->view->ForEachInRoute(to, [&](RouteId r) { in += f->view->weekly_capacity_kg(r); });
    if (*flow == out || *flow == in) continue;  // the cut is the origin's or the destination's
    Case c;
    c.origin = from;
    c.destination = to;
    c.network = std::make_unique<FlowNetwork>(std::move(built).value());
    c.max_flow = *flow;
    f->cases.push_back(std::move(c));
  }
  return f;
}

const Fixture* Shenyang() {
  static const Fixture* fixture = [] {
    auto network = formats::LoadNetworkFile(bench::ShenyangNetworkPath());
    return network.ok() ? MakeFixture(*network, Smoke() ? 2 : 10) : nullptr;
  }();
  return fixture;
}

const Fixture* World() {
  static const Fixture* fixture = []() -> const Fixture* {
    if (Smoke() ||
        !std::filesystem::exists(std::string(AIRCARGO_OPENFLIGHTS_DIR) + "/routes.dat")) {
      return nullptr;
    }
    auto network = formats::LoadOpenFlightsWorld(AIRCARGO_OPENFLIGHTS_DIR);
    return network.ok() ? MakeFixture(*network, 10) : nullptr;
  }();
  return fixture;
}

bool Usable(benchmark::State& state, const Fixture* f) {
  if (f == nullptr || f->cases.empty()) {
    state.SkipWithError("network not available");
    return false;
  }
  return true;
}

void OurMaxFlow(benchmark::State& state, const Fixture* f) {
  if (!Usable(state, f)) return;
  std::vector<FlowNetwork> work;
  for (const Case& c : f->cases) work.push_back(*c.network);
  std::size_t i = 0;
  for (auto _ : state) {
    FlowNetwork& n = work[i % work.size()];
    n.ResetFlow();
    StopCheck stop;
    auto flow = AugmentMaxFlow(n, stop);
    if (!flow.ok() || *flow != f->cases[i % work.size()].max_flow) {
      state.SkipWithError("wrong maximum");
      return;
    }
    ++i;
  }
}

void BoostMaxFlowBench(benchmark::State& state, const Fixture* f, BoostMaxFlowAlgorithm algorithm) {
  if (!Usable(state, f)) return;
  std::vector<std::unique_ptr<BoostFlowGraph>> graphs;
  for (const Case& c : f->cases) graphs.push_back(std::make_unique<BoostFlowGraph>(*c.network, -1));
  std::size_t i = 0;
  for (auto _ : state) {
    const std::int64_t flow = graphs[i % graphs.size()]->MaxFlow(algorithm);
    if (flow != f->cases[i % graphs.size()].max_flow) {
      state.SkipWithError("wrong maximum");
      return;
    }
    ++i;
  }
}

// Min-cost flow of each pair's full maximum (the hardest demand).
void OurMinCostFlow(benchmark::State& state, const Fixture* f) {
  if (!Usable(state, f)) return;
  std::vector<FlowNetwork> work;
  for (const Case& c : f->cases) work.push_back(*c.network);
  std::size_t i = 0;
  for (auto _ : state) {
    const std::size_t k = i++ % work.size();
    work[k].ResetFlow();
    StopCheck stop;
    auto sent = SolveMinCostFlow(work[k], f->cases[k].max_flow, stop);
    benchmark::DoNotOptimize(sent);
  }
}

void BoostMinCostFlowBench(benchmark::State& state, const Fixture* f) {
  if (!Usable(state, f)) return;
  std::vector<std::unique_ptr<BoostFlowGraph>> graphs;
  for (const Case& c : f->cases) {
    graphs.push_back(std::make_unique<BoostFlowGraph>(*c.network, c.max_flow));
  }
  std::size_t i = 0;
  for (auto _ : state) {
    auto result = graphs[i++ % graphs.size()]->MinCostFlow();
    benchmark::DoNotOptimize(result);
  }
}

#ifdef AIRCARGO_HAVE_LEMON
// LEMON's network simplex (liblemon-dev) on the same flow network: supply +max flow at the
// source, -max flow at the sink.
struct LemonCase {
  lemon::ListDigraph graph;
  std::unique_ptr<lemon::ListDigraph::ArcMap<std::int64_t>> upper;
  std::unique_ptr<lemon::ListDigraph::ArcMap<std::int64_t>> cost;
  std::unique_ptr<lemon::ListDigraph::NodeMap<std::int64_t>> supply;
};

std::unique_ptr<LemonCase> ToLemon(const Case& c) {
  auto l = std::make_unique<LemonCase>();
  const FlowNetwork& n = *c.network;
  std::vector<lemon::ListDigraph::Node> nodes;
  for (std::uint32_t v = 0; v < n.node_count(); ++v) nodes.push_back(l->graph.addNode());
  l->upper = std::make_unique<lemon::ListDigraph::ArcMap<std::int64_t>>(l->graph);
  l->cost = std::make_unique<lemon::ListDigraph::ArcMap<std::int64_t>>(l->graph);
  l->supply = std::make_unique<lemon::ListDigraph::NodeMap<std::int64_t>>(l->graph, 0);
  for (std::uint32_t pair = 0; pair < n.pair_count(); ++pair) {
    const auto arc = l->graph.addArc(nodes[n.Tail(2 * pair)], nodes[n.Head(2 * pair)]);
    (*l->upper)[arc] = n.capacity(pair);
    (*l->cost)[arc] = n.Cost(2 * pair);
  }
  (*l->supply)[nodes[n.source()]] = c.max_flow;
  (*l->supply)[nodes[n.sink()]] = -c.max_flow;
  return l;
}

// LEMON's Preflow (Goldberg-Tarjan highest-label push-relabel with global relabelling and the gap
// heuristic; run() = both phases, so a maximum flow on every arc, not only its value) on the same
// flow network. The solver objects are built once per pair and only run() is timed, LEMON's
// strongest setting.
void LemonPreflow(benchmark::State& state, const Fixture* f) {
  if (!Usable(state, f)) return;
  using Preflow = lemon::Preflow<lemon::ListDigraph, lemon::ListDigraph::ArcMap<std::int64_t>>;
  std::vector<std::unique_ptr<LemonCase>> cases;
  std::vector<std::unique_ptr<Preflow>> solvers;
  for (const Case& c : f->cases) {
    cases.push_back(ToLemon(c));
    LemonCase& l = *cases.back();
    const auto source = lemon::ListDigraph::nodeFromId(static_cast<int>(c.network->source()));
    const auto sink = lemon::ListDigraph::nodeFromId(static_cast<int>(c.network->sink()));
    solvers.push_back(std::make_unique<Preflow>(l.graph, *l.upper, source, sink));
  }
  std::size_t i = 0;
  for (auto _ : state) {
    const std::size_t k = i++ % solvers.size();
    solvers[k]->run();
    if (solvers[k]->flowValue() != f->cases[k].max_flow) {
      state.SkipWithError("LEMON Preflow disagrees with our maximum");
      return;
    }
  }
}

void LemonNetworkSimplex(benchmark::State& state, const Fixture* f) {
  if (!Usable(state, f)) return;
  std::vector<std::unique_ptr<LemonCase>> cases;
  std::vector<std::int64_t> expected;
  for (const Case& c : f->cases) {
    cases.push_back(ToLemon(c));
    FlowNetwork work = *c.network;
    StopCheck stop;
    if (!SolveMinCostFlow(work, c.max_flow, stop).ok()) return;
    expected.push_back(static_cast<std::int64_t>(FlowCostMicros(work)));
  }
  std::size_t i = 0;
  for (auto _ : state) {
    const std::size_t k = i++ % cases.size();
    LemonCase& l = *cases[k];
    lemon::NetworkSimplex<lemon::ListDigraph, std::int64_t, std::int64_t> simplex(l.graph);
    simplex.upperMap(*l.upper).costMap(*l.cost).supplyMap(*l.supply);
    if (simplex.run() != decltype(simplex)::OPTIMAL || simplex.totalCost() != expected[k]) {
      state.SkipWithError("LEMON disagrees with PlanFlow's minimum cost");
      return;
    }
  }
}
#endif

void ComputeCapacityEndToEnd(benchmark::State& state, const Fixture* f) {
  if (!Usable(state, f)) return;
  std::size_t i = 0;
  for (auto _ : state) {
    const Case& c = f->cases[i++ % f->cases.size()];
    StopCheck stop;
    auto result = ComputeCapacity(*f->view, {c.origin, {c.destination}}, stop);
    benchmark::DoNotOptimize(result);
  }
}

void FlowNetworkBuild(benchmark::State& state, const Fixture* f) {
  if (!Usable(state, f)) return;
  std::size_t i = 0;
  for (auto _ : state) {
    const Case& c = f->cases[i++ % f->cases.size()];
    const std::vector<AirportId> destinations{c.destination};
    auto built = FlowNetwork::Build(*f->view, c.origin, destinations);
    benchmark::DoNotOptimize(built);
  }
}

void FlowTemplateBuild(benchmark::State& state, const Fixture* f) {
  if (!Usable(state, f)) return;
  for (auto _ : state) {
    FlowTemplate flows(*f->view);
    benchmark::DoNotOptimize(flows.pair_count());
  }
}

// Instantiate into a workspace whose network the previous pair's max flow dirtied (only the
// instantiation is timed).
void FlowTemplateInstantiate(benchmark::State& state, const Fixture* f) {
  if (!Usable(state, f)) return;
  FlowWorkspace workspace;
  std::size_t i = 0;
  for (auto _ : state) {
    const Case& c = f->cases[i++ % f->cases.size()];
    const std::vector<AirportId> destinations{c.destination};
    auto error = f->flows->Instantiate(c.origin, destinations, workspace.network);
    benchmark::DoNotOptimize(error);
    state.PauseTiming();
    StopCheck stop;
    auto flow = AugmentMaxFlow(workspace.network, workspace, stop);
    if (!flow.ok() || *flow != c.max_flow) state.SkipWithError("wrong maximum");
    state.ResumeTiming();
  }
}

// What ComputeCapacity did per request before the template: Build, Dinic, min cut, a pass over
// every pair for the route flows.
void ComputeCapacityBuildAndSolve(benchmark::State& state, const Fixture* f) {
  if (!Usable(state, f)) return;
  FlowWorkspace workspace;
  std::size_t i = 0;
  for (auto _ : state) {
    const Case& c = f->cases[i++ % f->cases.size()];
    const std::vector<AirportId> destinations{c.destination};
    auto built = FlowNetwork::Build(*f->view, c.origin, destinations);
    StopCheck stop;
    auto flow = AugmentMaxFlow(built.value(), workspace, stop);
    if (!flow.ok() || *flow != c.max_flow) state.SkipWithError("wrong maximum");
    auto cut = MinCutPairs(*built, workspace);
    std::vector<RouteFlow> flows;
    for (std::uint32_t pair = 0; pair < built->pair_count(); ++pair) {
      if (built->label(pair).kind != ArcKind::kRoute || built->flow(pair) <= 0) continue;
      flows.push_back({RouteId(built->label(pair).id), built->flow(pair), built->capacity(pair)});
    }
    benchmark::DoNotOptimize(cut);
    benchmark::DoNotOptimize(flows);
  }
}

void ComputeCapacitySharedTemplate(benchmark::State& state, const Fixture* f) {
  if (!Usable(state, f)) return;
  FlowWorkspace workspace;
  std::size_t i = 0;
  for (auto _ : state) {
    const Case& c = f->cases[i++ % f->cases.size()];
    StopCheck stop;
    auto result = ComputeCapacity(*f->flows, {c.origin, {c.destination}}, workspace, stop);
    if (!result.ok() || result->max_flow_kg_per_week != c.max_flow) {
      state.SkipWithError("wrong maximum");
    }
    benchmark::DoNotOptimize(result);
  }
}

// A what-if ComputeCapacity as aircargod answers one: a scenario closing the origin's largest
// route and scaling the destination's largest inbound route by 1.5; its view and flow template
// either from the route records (`own`) or as deltas over the shared operating view and its
// template (`delta`: ScenarioView::Make(base, scenario), FlowTemplate::Over), then the solve.
// Both give the same maximum (checked against each other on every case).
Scenario WhatIf(const ScenarioView& view, const Case& c) {
  Scenario s = view.scenario();
  RouteId out = view.network().outbound(c.origin).front();
  for (RouteId r : view.network().outbound(c.origin)) {
    if (view.weekly_capacity_kg(r) > view.weekly_capacity_kg(out)) out = r;
  }
  RouteId in = view.network().inbound(c.destination).front();
  for (RouteId r : view.network().inbound(c.destination)) {
    if (view.weekly_capacity_kg(r) > view.weekly_capacity_kg(in)) in = r;
  }
  s.closed_routes.push_back(out);
  s.capacity_factors.push_back({in, "", 1.5});
  return s;
}

void ScenarioCapacity(benchmark::State& state, const Fixture* f, bool delta) {
  if (!Usable(state, f)) return;
  FlowWorkspace workspace;
  std::size_t i = 0;
  for (auto _ : state) {
    const Case& c = f->cases[i++ % f->cases.size()];
    const Scenario scenario = WhatIf(*f->view, c);
    auto view =
        delta ? ScenarioView::Make(*f->view, scenario) : ScenarioView::Make(*f->network, scenario);
    std::unique_ptr<const FlowTemplate> flows =
        delta ? FlowTemplate::Over(*f->flows, *view) : std::make_unique<FlowTemplate>(*view);
    StopCheck stop;
    auto result = ComputeCapacity(*flows, {c.origin, {c.destination}}, workspace, stop);
    if (!result.ok() || result->max_flow_kg_per_week > c.max_flow * 3 / 2) {
      state.SkipWithError("no answer");
    }
    benchmark::DoNotOptimize(result);
  }
  state.counters["delta"] = delta ? 1 : 0;
}

void ScenarioCapacityOwn(benchmark::State& state, const Fixture* f) {
  ScenarioCapacity(state, f, false);
}
void ScenarioCapacityDelta(benchmark::State& state, const Fixture* f) {
  if (Usable(state, f)) {  // the two ways answer alike on every case
    FlowWorkspace w;
    for (const Case& c : f->cases) {
      const Scenario scenario = WhatIf(*f->view, c);
      const auto own_view = ScenarioView::Make(*f->network, scenario);
      const auto delta_view = ScenarioView::Make(*f->view, scenario);
      const FlowTemplate own(*own_view);
      const auto delta = FlowTemplate::Over(*f->flows, *delta_view);
      StopCheck stop;
      const auto a = ComputeCapacity(own, {c.origin, {c.destination}}, w, stop);
      const auto b = ComputeCapacity(*delta, {c.origin, {c.destination}}, w, stop);
      if (!a.ok() || !b.ok() || a->max_flow_kg_per_week != b->max_flow_kg_per_week) {
        state.SkipWithError("the delta answers differently");
        return;
      }
    }
  }
  ScenarioCapacity(state, f, true);
}

// What PlanFlow did per request before the template: Build, min-cost flow, decomposition.
void PlanFlowBuildAndSolve(benchmark::State& state, const Fixture* f) {
  if (!Usable(state, f)) return;
  FlowWorkspace workspace;
  std::size_t i = 0;
  for (auto _ : state) {
    const Case& c = f->cases[i++ % f->cases.size()];
    const std::vector<AirportId> destinations{c.destination};
    auto built = FlowNetwork::Build(*f->view, c.origin, destinations);
    StopCheck stop;
    auto sent = SolveMinCostFlow(built.value(), kPlanDemandKg, workspace, stop);
    auto paths = DecomposeFlow(*built, stop);
    benchmark::DoNotOptimize(sent);
    benchmark::DoNotOptimize(paths);
  }
}

void PlanFlowSharedTemplate(benchmark::State& state, const Fixture* f) {
  if (!Usable(state, f)) return;
  FlowWorkspace workspace;
  std::size_t i = 0;
  for (auto _ : state) {
    const Case& c = f->cases[i++ % f->cases.size()];
    StopCheck stop;
    auto plan = PlanFlow(*f->flows, {c.origin, {c.destination}, kPlanDemandKg}, workspace, stop);
    benchmark::DoNotOptimize(plan);
  }
}

void PlanFlowEndToEnd(benchmark::State& state, const Fixture* f) {
  if (!Usable(state, f)) return;
  std::size_t i = 0;
  for (auto _ : state) {
    const Case& c = f->cases[i++ % f->cases.size()];
    StopCheck stop;
    auto plan = PlanFlow(*f->view, {c.origin, {c.destination}, kPlanDemandKg}, stop);
    benchmark::DoNotOptimize(plan);
  }
}

void AnalyzeClosuresEndToEnd(benchmark::State& state, const Fixture* f) {
  if (!Usable(state, f)) return;
  std::size_t i = 0;
  for (auto _ : state) {
    const Case& c = f->cases[i++ % f->cases.size()];
    StopCheck stop;
    auto result = AnalyzeClosures(*f->view, {c.origin, {c.destination}}, stop);
    benchmark::DoNotOptimize(result);
  }
}

void Register(const char* name, const Fixture* (*fixture)()) {
  const std::string n(name);
  benchmark::RegisterBenchmark((n + "/MaxFlow/Dinic").c_str(), [fixture](benchmark::State& s) {
    OurMaxFlow(s, fixture());
  })->Unit(benchmark::kMicrosecond);
  benchmark::RegisterBenchmark((n + "/MaxFlow/BoostPushRelabel").c_str(), [fixture](
                                                                              benchmark::State& s) {
    BoostMaxFlowBench(s, fixture(), BoostMaxFlowAlgorithm::kPushRelabel);
  })->Unit(benchmark::kMicrosecond);
  benchmark::RegisterBenchmark((n + "/MaxFlow/BoostBoykovKolmogorov").c_str(),
                               [fixture](benchmark::State& s) {
                                 BoostMaxFlowBench(s, fixture(),
                                                   BoostMaxFlowAlgorithm::kBoykovKolmogorov);
                               })
      ->Unit(benchmark::kMicrosecond);
#ifdef AIRCARGO_HAVE_LEMON
  benchmark::RegisterBenchmark((n + "/MaxFlow/LemonPreflow").c_str(), [fixture](
                                                                          benchmark::State& s) {
    LemonPreflow(s, fixture());
  })->Unit(benchmark::kMicrosecond);
#endif
  benchmark::RegisterBenchmark((n + "/MinCostFlow/PrimalDual").c_str(), [fixture](
                                                                            benchmark::State& s) {
    OurMinCostFlow(s, fixture());
  })->Unit(benchmark::kMicrosecond);
  benchmark::RegisterBenchmark(
      (n + "/MinCostFlow/BoostSuccessiveShortestPath").c_str(),
      [fixture](benchmark::State& s) { BoostMinCostFlowBench(s, fixture()); })
      ->Unit(benchmark::kMicrosecond);
#ifdef AIRCARGO_HAVE_LEMON
  benchmark::RegisterBenchmark(
      (n + "/MinCostFlow/LemonNetworkSimplex").c_str(),
      [fixture](benchmark::State& s) { LemonNetworkSimplex(s, fixture()); })
      ->Unit(benchmark::kMicrosecond);
#endif
  benchmark::RegisterBenchmark((n + "/ComputeCapacity").c_str(), [fixture](benchmark::State& s) {
    ComputeCapacityEndToEnd(s, fixture());
  })->Unit(benchmark::kMicrosecond);
  benchmark::RegisterBenchmark((n + "/AnalyzeClosures").c_str(), [fixture](benchmark::State& s) {
    AnalyzeClosuresEndToEnd(s, fixture());
  })->Unit(benchmark::kMicrosecond);
  const std::pair<const char*, void (*)(benchmark::State&, const Fixture*)> template_benches[] = {
      {"/FlowNetwork/Build", &FlowNetworkBuild},
      {"/FlowTemplate/Build", &FlowTemplateBuild},
      {"/FlowTemplate/Instantiate", &FlowTemplateInstantiate},
      {"/ComputeCapacity/BuildAndSolve", &ComputeCapacityBuildAndSolve},
      {"/ComputeCapacity/SharedTemplate", &ComputeCapacitySharedTemplate},
      {"/PlanFlow/BuildAndSolve", &PlanFlowBuildAndSolve},
      {"/PlanFlow/SharedTemplate", &PlanFlowSharedTemplate},
      {"/ComputeCapacity/Scenario/OwnViewAndTemplate", &ScenarioCapacityOwn},
      {"/ComputeCapacity/Scenario/DeltaViewAndTemplate", &ScenarioCapacityDelta},
      {"/PlanFlow", &PlanFlowEndToEnd}};
  for (const auto& [suffix, bench] : template_benches) {
    benchmark::RegisterBenchmark((n + suffix).c_str(), [fixture,
                                                        bench = bench](benchmark::State& s) {
      bench(s, fixture());
    })->Unit(benchmark::kMicrosecond);
  }
}

}  // namespace
}  // namespace aircargo::routes

int main(int argc, char** argv) {
  aircargo::routes::Register("Shenyang", &aircargo::routes::Shenyang);
  aircargo::routes::Register("World", &aircargo::routes::World);
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
