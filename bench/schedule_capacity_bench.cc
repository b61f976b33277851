// Schedule-aware capacity (issue 18): ComputeScheduleCapacity (expansion into dated flights, the
// pruned time-expanded network, max flow, min cut, bookings) against ComputeCapacity's static
// weekly max flow for the same pairs, in the same run: what answering on the flights that connect
// costs over answering in weekly averages. Networks: the embedded Shenyang network, SHE -> ORD with
// a 7-day window (the example), and, when the OpenFlights data is present, the world
// network with a seeded weekly schedule (bench/world_schedule.h), 100 seeded pairs of hubs (the 60
// airports with the most outbound routes) with 7-day windows in June 2025.
// Counters per query: window = dated flights expanded, kept = flights left after pruning,
// events = nodes of the expanded network, max_t = tonnes delivered.
// The solvers on the same expanded network (ExpandScheduleNetwork, built once per query outside
// the timing; each iteration zeroes the flow and solves, both timed): shortest augmenting paths
// (what ComputeScheduleCapacity uses), Dinic (AugmentMaxFlow, what the static capacity RPCs use)
// and, when liblemon-dev is installed, LEMON's Preflow (solver objects built once, only run()
// timed, as in capacity_bench). World: the first AIRCARGO_SCHEDULE_SOLVE_PAIRS (default 3) seeded
// pairs.
// World/ComputeScheduleCapacity/percentiles: every one of the first AIRCARGO_SCHEDULE_PAIRS
// (default 100) seeded pairs once, end to end; counters p50/p90/max in ms, wall and CPU.
// Shared: as aircargod runs a request on its shared operating-today view, with the view's flow
// template and weekly timetables (server/scenario_views.h) handed in (ScheduleShared); the
// timetable cache holds AIRCARGO_SCHEDULE_CACHE_MIB (default 64) so every week the seeded
// windows touch (five) stays built, and each benchmark warms it first: the figures are warm ones.
// The weeks' one-off build is World/Timetable/build_week. "own_flights": what a request with a
// scenario of its own does (no shared data: flights expanded and the template built per call).
// AIRCARGO_BENCH_SMOKE=1: Shenyang only.
#include <benchmark/benchmark.h>
#include <time.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "bench/bench_support.h"
#include "bench/world_schedule.h"
#include "formats/network_file.h"
#include "routes/capacity/flow_template.h"
#include "routes/capacity/max_flow.h"
#include "routes/capacity/schedule_capacity.h"
#include "routes/capacity/shortest_augmenting_path.h"
#include "routes/itinerary/timetable.h"
#include "routes/itinerary/timetable_cache.h"
#include "routes/scenario_view.h"

#ifdef AIRCARGO_HAVE_LEMON
#include <lemon/list_graph.h>
#include <lemon/preflow.h>
#endif

namespace aircargo::routes {
namespace {

constexpr std::chrono::year_month_day kAsOf{std::chrono::year{2025}, std::chrono::month{6},
                                            std::chrono::day{1}};

std::size_t EnvCount(const char* name, std::size_t fallback) {
  const char* value = std::getenv(name);
  return value != nullptr && std::atoi(value) > 0 ? static_cast<std::size_t>(std::atoi(value))
                                                  : fallback;
}

struct Fixture {
  std::shared_ptr<const Network> network;
  std::shared_ptr<const ScenarioView> view;
  std::unique_ptr<const FlowTemplate> flows;
  std::unique_ptr<TimetableCache> timetables;
  std::vector<ScheduleCapacityQuery> queries;
};

Fixture* MakeFixture(std::shared_ptr<const Network> network) {
  auto* f = new Fixture;
  f->network = std::move(network);
  f->view = std::make_shared<const ScenarioView>(ScenarioView::Operating(*f->network, kAsOf));
  f->flows = std::make_unique<const FlowTemplate>(*f->view);
  f->timetables =
      std::make_unique<TimetableCache>(f->view, EnvCount("AIRCARGO_SCHEDULE_CACHE_MIB", 64) << 20);
  return f;
}

// What a request on the shared view gets (nothing when `shared` is false).
ScheduleShared SharedOf(const Fixture& f, bool shared) {
  return shared ? ScheduleShared{f.flows.get(), f.timetables.get()} : ScheduleShared{};
}

// Builds the weeks every query of `f` needs (once; later calls find them built).
void Warm(const Fixture& f) {
  for (const ScheduleCapacityQuery& q : f.queries) {
    StopCheck stop;
    (void)f.timetables->Weeks(q.ready, q.deadline, stop);
  }
}

ScheduleCapacityQuery Week(AirportId from, AirportId to, std::chrono::sys_seconds ready) {
  ScheduleCapacityQuery q;
  q.origin = from;
  q.destinations = {to};
  q.ready = ready;
  q.deadline = ready + std::chrono::days{7};
  return q;
}

const Fixture* Shenyang() {
  static const Fixture* fixture = []() -> Fixture* {
    auto network = formats::LoadNetworkFile(bench::ShenyangNetworkPath());
    if (!network.ok()) return nullptr;
    Fixture* f = MakeFixture(*network);
    const auto she = f->network->FindAirport("SHE");
    const auto ord = f->network->FindAirport("ORD");
    if (!she || !ord) return nullptr;
    // Monday 2 June 2025 09:00 in Shenyang (UTC+8).
    const std::chrono::sys_seconds ready{
        std::chrono::sys_days{std::chrono::year{2025} / std::chrono::June / 2} +
        std::chrono::hours{1}};
    f->queries.push_back(Week(*she, *ord, ready));
    return f;
  }();
  return fixture;
}

const Fixture* World() {
  static const Fixture* fixture = []() -> Fixture* {
    auto network = bench::WorldWithSeededSchedule();
    if (!network) return nullptr;
    Fixture* f = MakeFixture(network);
    std::vector<AirportId> hubs = bench::ServedAirports(*f->network);
    std::sort(hubs.begin(), hubs.end(), [&](AirportId a, AirportId b) {
      return f->network->outbound(a).size() > f->network->outbound(b).size();
    });
    hubs.resize(std::min<std::size_t>(hubs.size(), 60));
    std::mt19937 rng(20261202);
    std::uniform_int_distribution<std::size_t> pick(0, hubs.size() - 1);
    std::uniform_int_distribution<int> minute(0, 21 * 24 * 60 - 1);
    const std::chrono::sys_seconds june{std::chrono::sys_days{kAsOf}};
    while (f->queries.size() < 100) {
      const AirportId from = hubs[pick(rng)];
      const AirportId to = hubs[pick(rng)];
      if (from != to)
        f->queries.push_back(Week(from, to, june + std::chrono::minutes{minute(rng)}));
    }
    return f;
  }();
  return fixture;
}

void RunSchedule(benchmark::State& state, const Fixture* f, bool shared) {
  if (f == nullptr) {
    state.SkipWithError("network not available (OpenFlights data absent, or smoke mode)");
    return;
  }
  if (shared) Warm(*f);
  FlowWorkspace workspace;
  std::size_t i = 0;
  std::int64_t window = 0, kept = 0, events = 0, kg = 0;
  for (auto _ : state) {
    StopCheck stop;
    auto result = ComputeScheduleCapacity(*f->view, f->queries[i++ % f->queries.size()],
                                          SharedOf(*f, shared), workspace, stop);
    if (!result.ok()) {
      state.SkipWithError(result.error().ToString().c_str());
      return;
    }
    window += result->flights_in_window;
    kept += result->flights_in_network;
    events += result->events;
    kg += result->max_kg;
    benchmark::DoNotOptimize(result->bookings.data());
  }
  const auto average = [](std::int64_t total) {
    return benchmark::Counter(static_cast<double>(total), benchmark::Counter::kAvgIterations);
  };
  state.counters["window"] = average(window);
  state.counters["kept"] = average(kept);
  state.counters["events"] = average(events);
  state.counters["max_t"] = average(kg / 1000);
}

// The expansion alone (validation, useful routes, dated flights, factors, pruned network): the part
// of ComputeScheduleCapacity before the solve.
void RunExpand(benchmark::State& state, const Fixture* f, bool shared) {
  if (f == nullptr) {
    state.SkipWithError("network not available (OpenFlights data absent, or smoke mode)");
    return;
  }
  if (shared) Warm(*f);
  std::size_t i = 0;
  for (auto _ : state) {
    StopCheck stop;
    auto x = ExpandScheduleNetwork(*f->view, f->queries[i++ % f->queries.size()],
                                   shared ? f->timetables.get() : nullptr, stop);
    if (!x.ok()) {
      state.SkipWithError(x.error().ToString().c_str());
      return;
    }
    benchmark::DoNotOptimize(x->schedule.events);
  }
}

// The baseline: the static weekly max flow for the same pairs.
void RunStatic(benchmark::State& state, const Fixture* f) {
  if (f == nullptr) {
    state.SkipWithError("network not available (OpenFlights data absent, or smoke mode)");
    return;
  }
  FlowWorkspace workspace;
  std::size_t i = 0;
  for (auto _ : state) {
    const ScheduleCapacityQuery& q = f->queries[i++ % f->queries.size()];
    StopCheck stop;
    auto result = ComputeCapacity(*f->view, {q.origin, q.destinations}, workspace, stop);
    if (!result.ok()) {
      state.SkipWithError(result.error().ToString().c_str());
      return;
    }
    benchmark::DoNotOptimize(result->max_flow_kg_per_week);
  }
}

// The one-off build of a world week's timetable (what the first request of a week pays on the
// shared view), for the week of the first query.
void RunTimetableWeek(benchmark::State& state, const Fixture* f) {
  if (f == nullptr) {
    state.SkipWithError("network not available (OpenFlights data absent, or smoke mode)");
    return;
  }
  std::int64_t flights = 0;
  for (auto _ : state) {
    StopCheck stop;
    auto week = Timetable::Build(*f->view, Timetable::WeekStart(f->queries.front().ready), stop);
    if (!week.ok()) {
      state.SkipWithError(week.error().ToString().c_str());
      return;
    }
    flights = static_cast<std::int64_t>((*week)->flight_count());
  }
  state.counters["flights"] = static_cast<double>(flights);
}

// The expanded networks of the first `count` queries (zero flow) and their maxima (by Dinic).
struct Expanded {
  std::vector<FlowNetwork> networks;
  std::vector<std::int64_t> max_kg;
  std::string error;
};

const Expanded& ExpandedOf(const Fixture* f, std::size_t count) {
  static std::vector<std::pair<const Fixture*, std::unique_ptr<Expanded>>> cache;
  for (const auto& [key, value] : cache) {
    if (key == f) return *value;
  }
  auto e = std::make_unique<Expanded>();
  for (std::size_t i = 0; i < std::min(count, f->queries.size()); ++i) {
    StopCheck stop;
    auto x = ExpandScheduleNetwork(*f->view, f->queries[i], stop);
    if (!x.ok()) {
      e->error = x.error().ToString();
      break;
    }
    FlowNetwork copy = x->schedule.network;
    FlowWorkspace workspace;
    auto flow = AugmentMaxFlow(copy, workspace, stop);
    if (!flow.ok()) {
      e->error = flow.error().ToString();
      break;
    }
    e->networks.push_back(std::move(x->schedule.network));
    e->max_kg.push_back(*flow);
  }
  cache.emplace_back(f, std::move(e));
  return *cache.back().second;
}

bool UsableExpanded(benchmark::State& state, const Fixture* f, std::size_t count,
                    const Expanded** out) {
  if (f == nullptr) {
    state.SkipWithError("network not available (OpenFlights data absent, or smoke mode)");
    return false;
  }
  const Expanded& e = ExpandedOf(f, count);
  if (!e.error.empty() || e.networks.empty()) {
    state.SkipWithError(e.error.empty() ? "no query" : e.error.c_str());
    return false;
  }
  *out = &e;
  return true;
}

// A solver (Dinic, what the other capacity RPCs use, or shortest augmenting paths, what
// ComputeScheduleCapacity uses) on a fresh copy of each expanded network in turn.
using Solver = Result<std::int64_t> (*)(FlowNetwork&, FlowWorkspace&, StopCheck&, std::int64_t);
void RunSolver(benchmark::State& state, const Fixture* f, std::size_t count, Solver solver) {
  const Expanded* e = nullptr;
  if (!UsableExpanded(state, f, count, &e)) return;
  FlowWorkspace workspace;
  std::vector<FlowNetwork> copies = e->networks;  // solved again and again, zeroed each time
  std::size_t i = 0;
  std::int64_t arcs = 0;
  for (auto _ : state) {
    const std::size_t k = i++ % e->networks.size();
    FlowNetwork& work = copies[k];
    work.ResetFlow();  // timed, as LEMON's run() resets its flow
    StopCheck stop;
    auto flow = solver(work, workspace, stop, kUnlimitedKg);
    if (!flow.ok() || *flow != e->max_kg[k]) {
      state.SkipWithError("the solvers disagree on the maximum");
      return;
    }
    arcs += work.pair_count();
  }
  state.counters["arcs"] =
      benchmark::Counter(static_cast<double>(arcs), benchmark::Counter::kAvgIterations);
}

#ifdef AIRCARGO_HAVE_LEMON
// LEMON's Preflow (highest-label push-relabel, global relabelling, gap heuristic; run() = both
// phases) on the same expanded networks; solver objects built once, only run() timed.
void RunLemonPreflow(benchmark::State& state, const Fixture* f, std::size_t count) {
  const Expanded* e = nullptr;
  if (!UsableExpanded(state, f, count, &e)) return;
  using Graph = lemon::ListDigraph;
  using Preflow = lemon::Preflow<Graph, Graph::ArcMap<std::int64_t>>;
  struct Case {
    Graph graph;
    std::unique_ptr<Graph::ArcMap<std::int64_t>> upper;
    std::unique_ptr<Preflow> solver;
  };
  std::vector<std::unique_ptr<Case>> cases;
  for (const FlowNetwork& n : e->networks) {
    auto c = std::make_unique<Case>();
    std::vector<Graph::Node> nodes;
    for (std::uint32_t v = 0; v < n.node_count(); ++v) nodes.push_back(c->graph.addNode());
    c->upper = std::make_unique<Graph::ArcMap<std::int64_t>>(c->graph);
    for (std::uint32_t pair = 0; pair < n.pair_count(); ++pair) {
      const auto arc = c->graph.addArc(nodes[n.Tail(2 * pair)], nodes[n.Head(2 * pair)]);
      (*c->upper)[arc] = n.capacity(pair);
    }
    c->solver = std::make_unique<Preflow>(c->graph, *c->upper, nodes[n.source()], nodes[n.sink()]);
    cases.push_back(std::move(c));
  }
  std::size_t i = 0;
  for (auto _ : state) {
    const std::size_t k = i++ % cases.size();
    cases[k]->solver->run();
    if (cases[k]->solver->flowValue() != e->max_kg[k]) {
      state.SkipWithError("LEMON Preflow disagrees with our maximum");
      return;
    }
  }
}
#endif

double CpuSeconds() {
  timespec t{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) * 1e-9;
}

// AIRCARGO_SCHEDULE_TRACE=1: one line per query on stderr, with the CPU time of the expansion, of
// the solve and of Dinic on the same network, measured again on their own.
void Trace(const Fixture& f, std::size_t i, const ScheduleCapacityResult& r, double cpu_ms,
           bool shared) {
  StopCheck stop;
  double t = CpuSeconds();
  auto x =
      ExpandScheduleNetwork(*f.view, f.queries[i], shared ? f.timetables.get() : nullptr, stop);
  const double expand_ms = (CpuSeconds() - t) * 1e3;
  double solve_ms = 0;
  double dinic_ms = 0;
  if (x.ok()) {
    FlowWorkspace workspace;
    FlowNetwork copy = x->schedule.network;
    t = CpuSeconds();
    (void)ShortestAugmentingPathMaxFlow(x.value().schedule.network, workspace, stop);
    solve_ms = (CpuSeconds() - t) * 1e3;
    t = CpuSeconds();
    (void)AugmentMaxFlow(copy, workspace, stop);
    dinic_ms = (CpuSeconds() - t) * 1e3;
  }
  std::fprintf(stderr,
               "query %zu: %.0f ms CPU (expand %.0f, solve %.0f, Dinic would take %.0f); window "
               "%lld, kept %lld, nodes %lld, %lld kg\n",
               i, cpu_ms, expand_ms, solve_ms, dinic_ms,
               static_cast<long long>(r.flights_in_window),
               static_cast<long long>(r.flights_in_network), static_cast<long long>(r.events),
               static_cast<long long>(r.max_kg));
}

// Each of the first `count` queries once, end to end: percentiles of wall and CPU time.
void RunPercentiles(benchmark::State& state, const Fixture* f, std::size_t count, bool shared) {
  if (f == nullptr) {
    state.SkipWithError("network not available (OpenFlights data absent, or smoke mode)");
    return;
  }
  if (shared) Warm(*f);
  const std::int64_t builds_before = f->timetables->stats().builds;
  FlowWorkspace workspace;
  std::vector<double> wall;
  std::vector<double> cpu;
  for (auto _ : state) {
    wall.clear();
    cpu.clear();
    for (std::size_t i = 0; i < std::min(count, f->queries.size()); ++i) {
      StopCheck stop;
      const auto start = std::chrono::steady_clock::now();
      const double cpu_start = CpuSeconds();
      auto result =
          ComputeScheduleCapacity(*f->view, f->queries[i], SharedOf(*f, shared), workspace, stop);
      cpu.push_back((CpuSeconds() - cpu_start) * 1e3);
      wall.push_back(
          std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
              .count());
      if (!result.ok()) {
        state.SkipWithError(result.error().ToString().c_str());
        return;
      }
      if (std::getenv("AIRCARGO_SCHEDULE_TRACE") != nullptr)
        Trace(*f, i, *result, cpu.back(), shared);
    }
  }
  const auto at = [](std::vector<double> v, double q) {
    std::sort(v.begin(), v.end());
    return v.empty() ? 0.0 : v[std::min(v.size() - 1, static_cast<std::size_t>(q * v.size()))];
  };
  state.counters["pairs"] = static_cast<double>(wall.size());
  state.counters["p50_ms"] = at(wall, 0.5);
  state.counters["p90_ms"] = at(wall, 0.9);
  state.counters["max_ms"] = at(wall, 1.0);
  state.counters["p50_cpu_ms"] = at(cpu, 0.5);
  state.counters["p90_cpu_ms"] = at(cpu, 0.9);
  // Weeks built during the timed runs (0: every request found its weeks built).
  state.counters["week_builds"] =
      static_cast<double>(f->timetables->stats().builds - builds_before);
}

void Register(const std::string& name, const Fixture* (*fixture)()) {
  benchmark::RegisterBenchmark((name + "/ComputeCapacity/static_week").c_str(),
                               [fixture](benchmark::State& s) { RunStatic(s, fixture()); })
      ->Unit(benchmark::kMicrosecond);
  for (const bool shared : {true, false}) {
    const std::string mode = shared ? "" : "_own_flights";
    benchmark::RegisterBenchmark(
        (name + "/ComputeScheduleCapacity/7_days" + mode).c_str(),
        [fixture, shared](benchmark::State& s) { RunSchedule(s, fixture(), shared); })
        ->Unit(benchmark::kMicrosecond);
    benchmark::RegisterBenchmark(
        (name + "/ExpandScheduleNetwork/7_days" + mode).c_str(),
        [fixture, shared](benchmark::State& s) { RunExpand(s, fixture(), shared); })
        ->Unit(benchmark::kMicrosecond);
  }
  benchmark::RegisterBenchmark((name + "/Timetable/build_week").c_str(), [fixture](
                                                                             benchmark::State& s) {
    RunTimetableWeek(s, fixture());
  })->Unit(benchmark::kMillisecond);
  const std::size_t solve_pairs = EnvCount("AIRCARGO_SCHEDULE_SOLVE_PAIRS", 3);
  benchmark::RegisterBenchmark((name + "/solve/Dinic").c_str(), [fixture,
                                                                 solve_pairs](benchmark::State& s) {
    RunSolver(s, fixture(), solve_pairs, &AugmentMaxFlow);
  })->Unit(benchmark::kMicrosecond);
  benchmark::RegisterBenchmark((name + "/solve/ShortestAugmentingPath").c_str(),
                               [fixture, solve_pairs](benchmark::State& s) {
                                 RunSolver(s, fixture(), solve_pairs,
                                           &ShortestAugmentingPathMaxFlow);
                               })
      ->Unit(benchmark::kMicrosecond);
#ifdef AIRCARGO_HAVE_LEMON
  benchmark::RegisterBenchmark((name + "/solve/LemonPreflow").c_str(), [fixture, solve_pairs](
                                                                           benchmark::State& s) {
    RunLemonPreflow(s, fixture(), solve_pairs);
  })->Unit(benchmark::kMicrosecond);
#endif
  const std::size_t pairs = EnvCount("AIRCARGO_SCHEDULE_PAIRS", 100);
  for (const bool shared : {true, false}) {
    benchmark::RegisterBenchmark(
        (name + "/ComputeScheduleCapacity/percentiles" + (shared ? "" : "_own_flights")).c_str(),
        [fixture, pairs, shared](benchmark::State& s) {
          RunPercentiles(s, fixture(), pairs, shared);
        })
        ->Unit(benchmark::kMillisecond)
        ->Iterations(1);
  }
}

}  // namespace
}  // namespace aircargo::routes

int main(int argc, char** argv) {
  aircargo::routes::Register("Shenyang", aircargo::routes::Shenyang);
  aircargo::routes::Register("World", aircargo::routes::World);
  benchmark::Initialize(&argc, argv);
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
