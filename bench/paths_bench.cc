// Path plans: FindPaths per objective (k = 1) and k = 10 alternatives, against plain Boost
// Dijkstra (boost::dijkstra_shortest_paths on the network's CSR graph, distance weights, an
// early-exit visitor at the target) in the same run, over the same fixed, seeded list of
// origin/destination pairs. Networks: the embedded Shenyang network and, when the OpenFlights
// data is present, the world network (formats::LoadOpenFlightsWorld). AIRCARGO_BENCH_SMOKE=1:
// Shenyang only, few pairs. Counter "settled" = search states settled per query.
#include <benchmark/benchmark.h>

#include <boost/graph/dijkstra_shortest_paths.hpp>
#include <boost/property_map/function_property_map.hpp>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <limits>
#include <memory>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include "bench/bench_support.h"
#include "formats/network_file.h"
#include "formats/openflights.h"
#include "routes/paths/find_paths.h"
#include "routes/scenario_view.h"

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
                  bool bounds) {
  if (f == nullptr) {
    state.SkipWithError("network not available");
    return;
  }
  PathWorkspace workspace;
  workspace.set_use_bounds(bounds);
  std::size_t i = 0;
  std::size_t settled = 0;
  std::size_t found = 0;
  for (auto _ : state) {
    const auto& [from, to] = f->pairs[i++ % f->pairs.size()];
    PathQuery query;
    query.origin = from;
    query.destination = to;
    query.objective = objective;
    query.k = k;
    StopCheck stop;
    auto result = FindPaths(*f->view, query, workspace, stop);
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
void RunBoostDijkstra(benchmark::State& state, const Fixture* f) {
  if (f == nullptr) {
    state.SkipWithError("network not available");
    return;
  }
  const Graph& g = f->network->graph();
  const ScenarioView& view = *f->view;
  const std::size_t n = boost::num_vertices(g);
  std::vector<Vertex> predecessor(n);
  std::vector<double> distance(n);
  auto weight = boost::make_function_property_map<Edge, double>([&](Edge e) {
    const RouteId id = g[e].route;
    return view.usable(id) ? view.route(id).distance_km : std::numeric_limits<double>::infinity();
  });
  std::size_t i = 0;
  std::size_t settled = 0;
  for (auto _ : state) {
    const auto& [from, to] = f->pairs[i++ % f->pairs.size()];
    EarlyExit visitor;
    visitor.target = to.value;
    visitor.settled = &settled;
    try {
      boost::dijkstra_shortest_paths(
          g, from.value,
          boost::predecessor_map(boost::make_iterator_property_map(
                                     predecessor.begin(), boost::get(boost::vertex_index, g)))
              .distance_map(boost::make_iterator_property_map(distance.begin(),
                                                              boost::get(boost::vertex_index, g)))
              .weight_map(weight)
              .visitor(visitor));
    } catch (const TargetReached&) {
    }
    benchmark::DoNotOptimize(distance.data());
  }
  state.counters["settled"] =
      benchmark::Counter(static_cast<double>(settled), benchmark::Counter::kAvgIterations);
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
