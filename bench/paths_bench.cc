// Path plans: FindPaths per objective (k = 1) and k = 10 alternatives, against plain Boost
// Dijkstra (boost::dijkstra_shortest_paths on the network's CSR graph, distance weights, an
// early-exit visitor at the target) in the same run, over the same fixed, seeded list of
// origin/destination pairs. Networks: the embedded Shenyang network and, when the OpenFlights
// data is present, the world network (formats::LoadOpenFlightsWorld). AIRCARGO_BENCH_SMOKE=1:
// Shenyang only, few pairs. Counters: "settled" = search states settled per query, "allocs" =
// heap allocations per FindPaths call (a counting operator new; the result itself takes 3 for
// k = 1: the route list, the path list and the intermediate list of route lists).
//
// PairMedian benchmarks time every pair on its own (thread CPU time, so preemption on a busy
// machine does not count), ours and the baseline back to back, and report medians over the pairs
// (each pair's time is its median over the iterations). They also cross-check every answer:
// FindPaths' distance must equal Boost's for every pair, or the benchmark fails.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <atomic>
#include <boost/graph/dijkstra_shortest_paths.hpp>
#include <boost/property_map/function_property_map.hpp>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <limits>
#include <memory>
#include <new>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include "bench/bench_support.h"
#include "formats/network_file.h"
#include "formats/openflights.h"
#include "routes/graph.h"
#include "routes/paths/contraction_hierarchy.h"
#include "routes/paths/find_paths.h"
#include "routes/scenario_view.h"

// Every heap allocation in the process, counted (the benchmarks read it around FindPaths calls).
namespace {
std::atomic<std::uint64_t> g_allocations{0};
}  // namespace

// Out of line, so the compiler never pairs an inlined new with an inlined free.
[[gnu::noinline]] void* operator new(std::size_t size) {
  g_allocations.fetch_add(1, std::memory_order_relaxed);
  if (void* p = std::malloc(size == 0 ? 1 : size)) return p;
  throw std::bad_alloc();
}
[[gnu::noinline]] void* operator new[](std::size_t size) { return ::operator new(size); }
[[gnu::noinline]] void operator delete(void* p) noexcept { std::free(p); }
[[gnu::noinline]] void operator delete[](void* p) noexcept { std::free(p); }
[[gnu::noinline]] void operator delete(void* p, std::size_t) noexcept { std::free(p); }
[[gnu::noinline]] void operator delete[](void* p, std::size_t) noexcept { std::free(p); }

namespace aircargo::routes {
namespace {

using bench::HaveWorld;
using bench::Smoke;

constexpr std::chrono::year_month_day kAsOf{std::chrono::year{2025}, std::chrono::month{6},
                                            std::chrono::day{1}};

struct Fixture {
  std::shared_ptr<const Network> network;
  std::unique_ptr<ScenarioView> view;
  std::vector<std::pair<AirportId, AirportId>> pairs;
  // The view's contraction hierarchy per objective, built on first use (benchmarks run one at a
  // time on the main thread).
  mutable std::unique_ptr<ContractionHierarchy> hierarchies[4];

  const ContractionHierarchy* Hierarchy(Objective objective) const {
    auto& slot = hierarchies[static_cast<int>(objective)];
    if (!slot) {
      StopCheck stop;
      auto built = ContractionHierarchy::Build(*view, objective, stop);
      if (!built.ok()) return nullptr;
      slot = std::make_unique<ContractionHierarchy>(std::move(built).value());
    }
    return slot.get();
  }
};

// Pairs of distinct airports that both have routes, from a fixed seed.
std::vector<std::pair<AirportId, AirportId>> Pairs(const ScenarioView& view, std::size_t count) {
  const std::vector<AirportId> served = bench::ServedAirports(view.network());
  std::mt19937 rng(20261128);
  std::uniform_int_distribution<std::size_t> pick(0, served.size() - 1);
  std::vector<std::pair<AirportId, AirportId>> pairs;
  while (pairs.size() < count) {
    const AirportId from = served[pick(rng)];
    const AirportId to = served[pick(rng)];
    if (from != to) pairs.emplace_back(from, to);
  }
  return pairs;
}

Fixture* MakeFixture(std::shared_ptr<const Network> network, std::size_t pairs) {
  auto* f = new Fixture;
  f->network = std::move(network);
  f->view = std::make_unique<ScenarioView>(ScenarioView::Operating(*f->network, kAsOf));
  f->pairs = Pairs(*f->view, pairs);
  return f;
}

const Fixture* Shenyang() {
  static const Fixture* fixture = [] {
    auto network = formats::LoadNetworkFile(bench::ShenyangNetworkPath());
    return network.ok() ? MakeFixture(*network, Smoke() ? 8 : 200) : nullptr;
  }();
  return fixture;
}

const Fixture* World() {
  static const Fixture* fixture = [] {
    auto network = formats::LoadOpenFlightsWorld(AIRCARGO_OPENFLIGHTS_DIR);
    return network.ok() ? MakeFixture(*network, 200) : nullptr;
  }();
  return fixture;
}

void RunFindPaths(benchmark::State& state, const Fixture* f, Objective objective, int k,
                  bool bounds, bool hierarchy = false) {
  if (f == nullptr) {
    state.SkipWithError("network not available");
    return;
  }
  const ContractionHierarchy* oracle = hierarchy ? f->Hierarchy(objective) : nullptr;
  PathWorkspace workspace;
  workspace.set_use_bounds(bounds);
  std::size_t i = 0;
  std::size_t settled = 0;
  std::size_t found = 0;
  std::uint64_t allocations = 0;
  for (auto _ : state) {
    const auto& [from, to] = f->pairs[i++ % f->pairs.size()];
    PathQuery query;
    query.origin = from;
    query.destination = to;
    query.objective = objective;
    query.k = k;
    StopCheck stop;
    const std::uint64_t before = g_allocations.load(std::memory_order_relaxed);
    auto result = FindPaths(*f->view, query, workspace, stop, oracle);
    allocations += g_allocations.load(std::memory_order_relaxed) - before;
    if (!result.ok()) {
      state.SkipWithError(result.error().ToString().c_str());
      return;
    }
    found += result->paths.size();
    settled += workspace.settled_states();
    benchmark::DoNotOptimize(result->paths.data());
  }
  state.counters["settled"] =
      benchmark::Counter(static_cast<double>(settled), benchmark::Counter::kAvgIterations);
  state.counters["paths"] =
      benchmark::Counter(static_cast<double>(found), benchmark::Counter::kAvgIterations);
  state.counters["allocs"] =
      benchmark::Counter(static_cast<double>(allocations), benchmark::Counter::kAvgIterations);
}

struct TargetReached {};

// Stops Boost's Dijkstra when the target is settled.
struct EarlyExit : boost::default_dijkstra_visitor {
  Vertex target;
  std::size_t* settled;
  void examine_vertex(Vertex v, const Graph&) const {
    ++*settled;
    if (v == target) throw TargetReached{};
  }
};

// Plain Boost Dijkstra by distance on the CSR graph (every route of the view usable here: the
// operating view of the world network keeps all of them; unusable routes weigh +infinity).
class BoostDijkstra {
 public:
  explicit BoostDijkstra(const Fixture& f)
      : g_(f.network->graph()),
        view_(*f.view),
        predecessor_(boost::num_vertices(g_)),
        distance_(boost::num_vertices(g_)) {}

  // Distance from `from` to `to` (+infinity when unreachable); counts examined vertices.
  double Run(AirportId from, AirportId to) {
    auto weight = boost::make_function_property_map<Edge, double>([this](Edge e) {
      const RouteId id = g_[e].route;
      return view_.usable(id) ? view_.route(id).distance_km
                              : std::numeric_limits<double>::infinity();
    });
    EarlyExit visitor;
    visitor.target = to.value;
    visitor.settled = &settled_;
    try {
      boost::dijkstra_shortest_paths(
          g_, from.value,
          boost::predecessor_map(boost::make_iterator_property_map(
                                     predecessor_.begin(), boost::get(boost::vertex_index, g_)))
              .distance_map(boost::make_iterator_property_map(distance_.begin(),
                                                              boost::get(boost::vertex_index, g_)))
              .weight_map(weight)
              .visitor(visitor));
    } catch (const TargetReached&) {
    }
    // Boost marks unreached vertices with the largest double.
    const double d = distance_[to.value];
    return d >= std::numeric_limits<double>::max() ? std::numeric_limits<double>::infinity() : d;
  }
  std::size_t settled() const { return settled_; }

 private:
  const Graph& g_;
  const ScenarioView& view_;
  std::vector<Vertex> predecessor_;
  std::vector<double> distance_;
  std::size_t settled_ = 0;
};

void RunBoostDijkstra(benchmark::State& state, const Fixture* f) {
  if (f == nullptr) {
    state.SkipWithError("network not available");
    return;
  }
  BoostDijkstra dijkstra(*f);
  std::size_t i = 0;
  for (auto _ : state) {
    const auto& [from, to] = f->pairs[i++ % f->pairs.size()];
    benchmark::DoNotOptimize(dijkstra.Run(from, to));
  }
  state.counters["settled"] = benchmark::Counter(static_cast<double>(dijkstra.settled()),
                                                 benchmark::Counter::kAvgIterations);
}

// CPU time of this thread, in microseconds.
double ThreadMicros() {
  timespec t{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) * 1e6 + static_cast<double>(t.tv_nsec) / 1e3;
}

double Median(std::vector<double> values) {
  if (values.empty()) return 0;
  const auto middle = values.begin() + static_cast<long>(values.size() / 2);
  std::nth_element(values.begin(), middle, values.end());
  if (values.size() % 2 == 1) return *middle;
  return (*middle + *std::max_element(values.begin(), middle)) / 2;
}

Result<PathsResult> Query(const Fixture& f, PathWorkspace& workspace, AirportId from, AirportId to,
                          Objective objective, int k) {
  PathQuery query;
  query.origin = from;
  query.destination = to;
  query.objective = objective;
  query.k = k;
  StopCheck stop;
  return FindPaths(*f.view, query, workspace, stop);
}

// Two variants timed on every pair (a[i], b[i]: that pair's times): the medians over the pairs of
// each pair's median time, and the median over the pairs of b's median / a's median for the pair.
struct PairMedians {
  double a_us;
  double b_us;
  double pair_b_over_a;
};
PairMedians MediansOverPairs(const std::vector<std::vector<double>>& a,
                             const std::vector<std::vector<double>>& b) {
  std::vector<double> a_median(a.size());
  std::vector<double> b_median(a.size());
  std::vector<double> pair_ratio(a.size());
  for (std::size_t i = 0; i < a.size(); ++i) {
    a_median[i] = Median(a[i]);
    b_median[i] = Median(b[i]);
    pair_ratio[i] = b_median[i] / std::max(a_median[i], 1e-3);
  }
  return {Median(a_median), Median(b_median), Median(pair_ratio)};
}

// Per pair: Boost Dijkstra, then FindPaths distance k = 1, each timed alone; fails unless both find
// the same distance. Counters: boost_us / ours_us = medians over the pairs of each pair's median
// time; speedup = boost_us / ours_us; pair_speedup = the median over the pairs of Boost's time /
// ours for that pair; allocs = heap allocations per FindPaths call.
void RunPairMedianVsBoost(benchmark::State& state, const Fixture* f) {
  if (f == nullptr) {
    state.SkipWithError("network not available");
    return;
  }
  const std::size_t pairs = f->pairs.size();
  BoostDijkstra dijkstra(*f);
  PathWorkspace workspace;
  std::vector<std::vector<double>> ours(pairs);
  std::vector<std::vector<double>> boost_times(pairs);
  std::uint64_t allocations = 0;
  std::uint64_t queries = 0;
  for (auto _ : state) {
    for (std::size_t i = 0; i < pairs; ++i) {
      const auto& [from, to] = f->pairs[i];
      const double t0 = ThreadMicros();
      const double expected = dijkstra.Run(from, to);
      const double t1 = ThreadMicros();
      const std::uint64_t before = g_allocations.load(std::memory_order_relaxed);
      auto result = Query(*f, workspace, from, to, Objective::kDistance, 1);
      allocations += g_allocations.load(std::memory_order_relaxed) - before;
      const double t2 = ThreadMicros();
      ++queries;
      if (!result.ok()) {
        state.SkipWithError(result.error().ToString().c_str());
        return;
      }
      const double got = result->paths.empty() ? std::numeric_limits<double>::infinity()
                                               : result->paths.front().distance_km;
      const bool same = std::isinf(expected)
                            ? std::isinf(got)
                            : std::abs(got - expected) <= 1e-9 * std::max(1.0, expected);
      if (!same) {
        const std::string message = "distance mismatch for " + f->network->airport(from).iata +
                                    "-" + f->network->airport(to).iata + ": Boost " +
                                    std::to_string(expected) + " km, FindPaths " +
                                    std::to_string(got) + " km";
        state.SkipWithError(message.c_str());
        return;
      }
      boost_times[i].push_back(t1 - t0);
      ours[i].push_back(t2 - t1);
    }
  }
  const PairMedians m = MediansOverPairs(ours, boost_times);
  state.counters["ours_us"] = m.a_us;
  state.counters["boost_us"] = m.b_us;
  state.counters["speedup"] = m.b_us / std::max(m.a_us, 1e-3);
  state.counters["pair_speedup"] = m.pair_b_over_a;
  state.counters["allocs"] =
      static_cast<double>(allocations) / static_cast<double>(std::max<std::uint64_t>(queries, 1));
}

// Per pair: FindPaths k = 1 and k = 10 for `objective`, each timed alone. Counters: k1_us / k10_us
// = medians over the pairs of each pair's median time; ratio = k10_us / k1_us; pair_ratio = the
// median over the pairs of k = 10 time / k = 1 time for that pair.
void RunPairMedianK10(benchmark::State& state, const Fixture* f, Objective objective) {
  if (f == nullptr) {
    state.SkipWithError("network not available");
    return;
  }
  const std::size_t pairs = f->pairs.size();
  PathWorkspace workspace;
  std::vector<std::vector<double>> k1(pairs);
  std::vector<std::vector<double>> k10(pairs);
  for (auto _ : state) {
    for (std::size_t i = 0; i < pairs; ++i) {
      const auto& [from, to] = f->pairs[i];
      const double t0 = ThreadMicros();
      auto one = Query(*f, workspace, from, to, objective, 1);
      const double t1 = ThreadMicros();
      auto ten = Query(*f, workspace, from, to, objective, 10);
      const double t2 = ThreadMicros();
      if (!one.ok() || !ten.ok()) {
        state.SkipWithError((one.ok() ? ten : one).error().ToString().c_str());
        return;
      }
      if (one->paths.empty() != ten->paths.empty() ||
          (!one->paths.empty() && one->paths.front().routes != ten->paths.front().routes)) {
        state.SkipWithError("k = 10 does not start with the k = 1 path");
        return;
      }
      k1[i].push_back(t1 - t0);
      k10[i].push_back(t2 - t1);
    }
  }
  const PairMedians m = MediansOverPairs(k1, k10);
  state.counters["k1_us"] = m.a_us;
  state.counters["k10_us"] = m.b_us;
  state.counters["ratio"] = m.b_us / std::max(m.a_us, 1e-3);
  state.counters["pair_ratio"] = m.pair_b_over_a;
}

// Per pair: FindPaths k = 1 by `objective` with the search, then with the view's contraction
// hierarchy, each timed alone; fails unless both answers have the same weight. Counters:
// search_us / hierarchy_us = medians over the pairs; speedup = search_us / hierarchy_us;
// pair_speedup = the median over the pairs of search time / hierarchy time; same_routes = the
// share of pairs answered with the very same routes (the rest are ties).
void RunPairMedianHierarchy(benchmark::State& state, const Fixture* f, Objective objective) {
  if (f == nullptr) {
    state.SkipWithError("network not available");
    return;
  }
  const ContractionHierarchy* hierarchy = f->Hierarchy(objective);
  const std::size_t pairs = f->pairs.size();
  PathWorkspace workspace;
  std::vector<std::vector<double>> search(pairs);
  std::vector<std::vector<double>> oracle(pairs);
  std::size_t same = 0;
  std::size_t answers = 0;
  for (auto _ : state) {
    for (std::size_t i = 0; i < pairs; ++i) {
      const auto& [from, to] = f->pairs[i];
      PathQuery query;
      query.origin = from;
      query.destination = to;
      query.objective = objective;
      StopCheck stop;
      const double t0 = ThreadMicros();
      auto plain = FindPaths(*f->view, query, workspace, stop);
      const double t1 = ThreadMicros();
      auto fast = FindPaths(*f->view, query, workspace, stop, hierarchy);
      const double t2 = ThreadMicros();
      if (!plain.ok() || !fast.ok()) {
        state.SkipWithError((plain.ok() ? fast : plain).error().ToString().c_str());
        return;
      }
      if (plain->paths.size() != fast->paths.size()) {
        state.SkipWithError("the hierarchy and the search disagree on whether a path exists");
        return;
      }
      if (!plain->paths.empty()) {
        const Path& a = plain->paths.front();
        const Path& b = fast->paths.front();
        const double wa = objective == Objective::kDistance      ? a.distance_km
                          : objective == Objective::kTransitTime ? double(a.transit_minutes)
                          : objective == Objective::kCost        ? double(a.cost_per_kg_micros)
                                                                 : double(a.legs());
        const double wb = objective == Objective::kDistance      ? b.distance_km
                          : objective == Objective::kTransitTime ? double(b.transit_minutes)
                          : objective == Objective::kCost        ? double(b.cost_per_kg_micros)
                                                                 : double(b.legs());
        if (std::abs(wa - wb) > 1e-9 * std::max(1.0, wa)) {
          const std::string message = "weight mismatch for " + f->network->airport(from).iata +
                                      "-" + f->network->airport(to).iata + ": search " +
                                      std::to_string(wa) + ", hierarchy " + std::to_string(wb);
          state.SkipWithError(message.c_str());
          return;
        }
        ++answers;
        if (a.routes == b.routes) ++same;
      }
      search[i].push_back(t1 - t0);
      oracle[i].push_back(t2 - t1);
    }
  }
  const PairMedians m = MediansOverPairs(oracle, search);
  state.counters["hierarchy_us"] = m.a_us;
  state.counters["search_us"] = m.b_us;
  state.counters["speedup"] = m.b_us / std::max(m.a_us, 1e-3);
  state.counters["pair_speedup"] = m.pair_b_over_a;
  state.counters["same_routes"] =
      static_cast<double>(same) / static_cast<double>(std::max<std::size_t>(answers, 1));
}

// Building the view's contraction hierarchy for `objective` (what the server does once per shared
// view and objective). Counters: shortcuts, memory in MiB, airport pairs (arcs).
void RunHierarchyBuild(benchmark::State& state, const Fixture* f, Objective objective) {
  if (f == nullptr) {
    state.SkipWithError("network not available");
    return;
  }
  std::size_t shortcuts = 0;
  std::size_t bytes = 0;
  std::size_t arcs = 0;
  for (auto _ : state) {
    StopCheck stop;
    auto built = ContractionHierarchy::Build(*f->view, objective, stop);
    if (!built.ok()) {
      state.SkipWithError(built.error().ToString().c_str());
      return;
    }
    shortcuts = built->shortcut_count();
    bytes = built->memory_bytes();
    arcs = built->arc_count();
  }
  state.counters["shortcuts"] = static_cast<double>(shortcuts);
  state.counters["arcs"] = static_cast<double>(arcs);
  state.counters["MiB"] = static_cast<double>(bytes) / (1024.0 * 1024.0);
}

void Register(const std::string& name, const Fixture* (*fixture)()) {
  benchmark::RegisterBenchmark((name + "/BoostDijkstra/distance").c_str(),
                               [fixture](benchmark::State& s) { RunBoostDijkstra(s, fixture()); });
  struct Case {
    const char* label;
    Objective objective;
    int k;
    bool bounds;
  };
  const Case cases[] = {
      {"FindPaths/distance/k1", Objective::kDistance, 1, true},
      {"FindPaths/distance/k1/no_bound", Objective::kDistance, 1, false},
      {"FindPaths/transit_time/k1", Objective::kTransitTime, 1, true},
      {"FindPaths/transit_time/k1/no_bound", Objective::kTransitTime, 1, false},
      {"FindPaths/cost/k1", Objective::kCost, 1, true},
      {"FindPaths/legs/k1", Objective::kLegs, 1, true},
      {"FindPaths/distance/k10", Objective::kDistance, 10, true},
      {"FindPaths/transit_time/k10", Objective::kTransitTime, 10, true},
  };
  for (const Case& c : cases) {
    benchmark::RegisterBenchmark((name + "/" + c.label).c_str(), [fixture, c](benchmark::State& s) {
      RunFindPaths(s, fixture(), c.objective, c.k, c.bounds);
    });
  }
  const std::pair<const char*, Objective> objectives[] = {{"distance", Objective::kDistance},
                                                          {"transit_time", Objective::kTransitTime},
                                                          {"cost", Objective::kCost},
                                                          {"legs", Objective::kLegs}};
  for (const auto& [label, objective_binding] : objectives) {
    const Objective objective = objective_binding;  // clang 14 cannot capture a structured binding
    benchmark::RegisterBenchmark(
        (name + "/Hierarchy/build/" + label).c_str(),
        [fixture, objective](benchmark::State& s) { RunHierarchyBuild(s, fixture(), objective); })
        ->Unit(benchmark::kMillisecond);
    benchmark::RegisterBenchmark((name + "/FindPaths/" + label + "/k1/hierarchy").c_str(),
                                 [fixture, objective](benchmark::State& s) {
                                   RunFindPaths(s, fixture(), objective, 1, true, true);
                                 });
    benchmark::RegisterBenchmark(
        (name + "/PairMedian/" + label + "/k1_hierarchy_vs_search").c_str(),
        [fixture, objective](benchmark::State& s) {
          RunPairMedianHierarchy(s, fixture(), objective);
        })
        ->Iterations(Smoke() ? 1 : 5)
        ->Unit(benchmark::kMillisecond);
  }
  // One iteration = every pair once; a few iterations give each pair a median.
  const int iterations = Smoke() ? 1 : 5;
  benchmark::RegisterBenchmark(
      (name + "/PairMedian/distance/k1_vs_boost").c_str(),
      [fixture](benchmark::State& s) { RunPairMedianVsBoost(s, fixture()); })
      ->Iterations(iterations)
      ->Unit(benchmark::kMillisecond);
  const std::pair<const char*, Objective> k10_cases[] = {{"distance", Objective::kDistance},
                                                         {"transit_time", Objective::kTransitTime}};
  for (const auto& [label, objective_binding] : k10_cases) {
    const Objective objective = objective_binding;  // clang 14 cannot capture a structured binding
    benchmark::RegisterBenchmark(
        (name + "/PairMedian/" + label + "/k10_vs_k1").c_str(),
        [fixture, objective](benchmark::State& s) { RunPairMedianK10(s, fixture(), objective); })
        ->Iterations(Smoke() ? 1 : 3)
        ->Unit(benchmark::kMillisecond);
  }
}

}  // namespace
}  // namespace aircargo::routes

int main(int argc, char** argv) {
  using namespace aircargo::routes;
  Register("Shenyang", &Shenyang);
  if (!Smoke() && HaveWorld()) Register("World", &World);
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
