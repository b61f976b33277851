// Itineraries: PlanItinerary (k = 1 and k = 3, 14-day horizon, max 4 legs; expansion into dated
// flights + connection scan) against a plain static Dijkstra over the same CSR graph
// (boost::dijkstra_shortest_paths by block minutes, early exit at the target: what a routing tool
// without schedules would answer) in the same run, over a fixed, seeded list of origin /
// destination pairs and ready times. Networks: the embedded Shenyang network (its own weekly
// departures) and, when the OpenFlights data is present, the world network with a generated
// weekly schedule (seeded: every route gets its flights_per_week departures at one random local
// time of day, one per weekday). AIRCARGO_BENCH_SMOKE=1: Shenyang only, few queries.
// PlanItinerary runs twice: expanding the dated flights per request (`PlanItinerary/k1`, the
// baseline) and reading them from the view's shared weekly timetables (`PlanItinerary/k1/shared`,
// routes/itinerary/timetable_cache.h, warmed before timing: what aircargod does once a week's
// timetable exists); `Timetable/BuildWeek` is the one-off cost of one week. `PlanItinerary/k1/
// what_if` and `.../what_if/shared`: the same queries on a what-if view (every 50th route closed,
// every 70th scaled by 0.5), expanding its own flights (what aircargod did for a scenario) or
// reading the operating view's shared weeks filtered to its routes (TimetableCache::Serves).
// `openflights/PlanItinerary/k1/shared/percentiles`: the plain OpenFlights import (flights spread
// evenly over the week, what scripts/bench serves to aircargo-loadgen) and the load generator's
// query mix (2,000 uniform random pairs of served airports), each query timed on its own: counters
// p50_us, p90_us, p99_us, max_us (the core's part of the loadgen's PlanItinerary p99).
// Counters: flights = dated flights scanned per query (max_flights: the most in one query),
// found = itineraries per query,
// MB = one week's timetable (Timetable::bytes()).
#include <benchmark/benchmark.h>

#include <algorithm>
#include <boost/graph/dijkstra_shortest_paths.hpp>
#include <boost/property_map/function_property_map.hpp>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <limits>
#include <memory>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include "bench/bench_support.h"
#include "bench/world_schedule.h"
#include "formats/network_file.h"
#include "formats/network_proto.h"
#include "formats/openflights.h"
#include "routes/graph.h"
#include "routes/itinerary/plan_itinerary.h"
#include "routes/itinerary/timetable.h"
#include "routes/itinerary/timetable_cache.h"
#include "routes/scenario_view.h"

namespace aircargo::routes {
namespace {

using bench::Smoke;

constexpr std::chrono::year_month_day kAsOf{std::chrono::year{2025}, std::chrono::month{6},
                                            std::chrono::day{1}};

struct Query {
  AirportId origin;
  AirportId destination;
  std::chrono::sys_seconds ready;
};

struct Fixture {
  std::shared_ptr<const Network> network;
  std::shared_ptr<const ScenarioView> view;
  std::vector<Query> queries;
  std::unique_ptr<TimetableCache> timetables;   // the view's, budget for every week queried
  std::shared_ptr<const ScenarioView> what_if;  // closures and factors over view
};

// Pairs of distinct served airports and ready times in June 2025, from a fixed seed.
std::vector<Query> Queries(const ScenarioView& view, std::size_t count) {
  const std::vector<AirportId> served = bench::ServedAirports(view.network());
  std::mt19937 rng(20261128);
  std::uniform_int_distribution<std::size_t> pick(0, served.size() - 1);
  std::uniform_int_distribution<int> minute(0, 30 * 24 * 60 - 1);
  const std::chrono::sys_seconds june{std::chrono::sys_days{kAsOf}};
  std::vector<Query> queries;
  while (queries.size() < count) {
    const AirportId from = served[pick(rng)];
    const AirportId to = served[pick(rng)];
    if (from != to) queries.push_back({from, to, june + std::chrono::minutes{minute(rng)}});
  }
  return queries;
}

Fixture* MakeFixture(std::shared_ptr<const Network> network, std::size_t count) {
  auto* f = new Fixture;
  f->network = std::move(network);
  f->view = std::make_shared<const ScenarioView>(ScenarioView::Operating(*f->network, kAsOf));
  f->queries = Queries(*f->view, count);
  f->timetables = std::make_unique<TimetableCache>(f->view, std::size_t{1} << 30);
  Scenario what_if = f->view->scenario();
  for (std::uint32_t r = 0; r < f->network->routes().size(); ++r) {
    if (r % 50 == 7) what_if.closed_routes.push_back(RouteId(r));
    if (r % 70 == 3) what_if.capacity_factors.push_back({RouteId(r), "", 0.5});
  }
  auto made = ScenarioView::Make(*f->view, what_if);
  if (made.ok()) f->what_if = std::make_shared<const ScenarioView>(std::move(made).value());
  return f;
}

const Fixture* Shenyang() {
  static const Fixture* fixture = [] {
    auto network = formats::LoadNetworkFile(bench::ShenyangNetworkPath());
    return network.ok() ? MakeFixture(*network, Smoke() ? 8 : 200) : nullptr;
  }();
  return fixture;
}

// The OpenFlights import with a seeded weekly schedule (bench/world_schedule.h).
const Fixture* World() {
  static const Fixture* fixture = []() -> Fixture* {
    auto network = bench::WorldWithSeededSchedule();
    return network ? MakeFixture(network, 100) : nullptr;
  }();
  return fixture;
}

// The OpenFlights import as aircargod serves it in scripts/bench (flights spread evenly over the
// week), and the query mix of aircargo-loadgen's plan-itinerary mode: uniform random pairs of
// served airports.
const Fixture* OpenFlights() {
  static const Fixture* fixture = []() -> Fixture* {
    auto network = bench::WorldAsImported();
    return network ? MakeFixture(network, 2000) : nullptr;
  }();
  return fixture;
}

// Every query once per iteration, each timed on its own: the tail the loadgen's p99 goal is about,
// without gRPC. Counters p50_us, p90_us, p99_us and max_us over the queries of the last iteration.
void RunPercentiles(benchmark::State& state, const Fixture* f) {
  if (f == nullptr) {
    state.SkipWithError("network not available (OpenFlights data absent, or smoke mode)");
    return;
  }
  for (const Query& q : f->queries) {  // warm the shared weeks, as aircargod holds them
    StopCheck stop;
    if (!f->timetables->Weeks(q.ready, q.ready + kDefaultItineraryHorizon, stop).ok()) {
      state.SkipWithError("timetable build failed");
      return;
    }
  }
  std::vector<double> micros(f->queries.size());
  for (auto _ : state) {
    for (std::size_t i = 0; i < f->queries.size(); ++i) {
      const Query& q = f->queries[i];
      ItineraryQuery query;
      query.origin = q.origin;
      query.destination = q.destination;
      query.ready = q.ready;
      const auto start = std::chrono::steady_clock::now();
      StopCheck stop;
      auto plan = PlanItinerary(*f->view, query, *f->timetables, stop);
      micros[i] =
          std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - start)
              .count();
      if (!plan.ok()) {
        state.SkipWithError(plan.error().ToString().c_str());
        return;
      }
      benchmark::DoNotOptimize(plan->itineraries.data());
    }
  }
  std::sort(micros.begin(), micros.end());
  const auto at = [&](double q) {
    return micros[std::min(micros.size() - 1, static_cast<std::size_t>(q * micros.size()))];
  };
  state.counters["p50_us"] = at(0.50);
  state.counters["p90_us"] = at(0.90);
  state.counters["p99_us"] = at(0.99);
  state.counters["max_us"] = micros.back();
}

void RunPlanItinerary(benchmark::State& state, const Fixture* f, int k, bool shared,
                      bool what_if = false) {
  if (f == nullptr || (what_if && f->what_if == nullptr)) {
    state.SkipWithError("network not available (OpenFlights data absent, or smoke mode)");
    return;
  }
  if (shared) {  // warm the cache: every week the queries read, built before timing
    for (const Query& q : f->queries) {
      StopCheck stop;
      if (!f->timetables->Weeks(q.ready, q.ready + kDefaultItineraryHorizon, stop).ok()) {
        state.SkipWithError("timetable build failed");
        return;
      }
    }
  }
  std::size_t i = 0;
  std::int64_t flights = 0;
  std::int64_t max_flights = 0;
  std::int64_t found = 0;
  for (auto _ : state) {
    const Query& q = f->queries[i++ % f->queries.size()];
    ItineraryQuery query;
    query.origin = q.origin;
    query.destination = q.destination;
    query.ready = q.ready;
    query.k = k;
    StopCheck stop;
    const ScenarioView& view = what_if ? *f->what_if : *f->view;
    auto plan = shared ? PlanItinerary(view, query, *f->timetables, stop)
                       : PlanItinerary(view, query, stop);
    if (!plan.ok()) {
      state.SkipWithError(plan.error().ToString().c_str());
      return;
    }
    flights += plan->flights_considered;
    max_flights = std::max(max_flights, plan->flights_considered);
    found += static_cast<std::int64_t>(plan->itineraries.size());
    benchmark::DoNotOptimize(plan->itineraries.data());
  }
  state.counters["flights"] =
      benchmark::Counter(static_cast<double>(flights), benchmark::Counter::kAvgIterations);
  state.counters["max_flights"] = static_cast<double>(max_flights);
  state.counters["found"] =
      benchmark::Counter(static_cast<double>(found), benchmark::Counter::kAvgIterations);
}

// One week of the view's timetable, built from scratch (what the first request of a week pays).
void RunBuildWeek(benchmark::State& state, const Fixture* f) {
  if (f == nullptr) {
    state.SkipWithError("network not available (OpenFlights data absent, or smoke mode)");
    return;
  }
  const std::chrono::sys_seconds week = Timetable::WeekStart(f->queries.front().ready);
  std::size_t bytes = 0;
  std::size_t flights = 0;
  for (auto _ : state) {
    StopCheck stop;
    auto table = Timetable::Build(*f->view, week, stop);
    if (!table.ok()) {
      state.SkipWithError(table.error().ToString().c_str());
      return;
    }
    bytes = (*table)->bytes();
    flights = (*table)->flight_count();
  }
  state.counters["MB"] = static_cast<double>(bytes) / 1e6;
  state.counters["flights"] = static_cast<double>(flights);
}

struct TargetReached {};

struct EarlyExit : boost::default_dijkstra_visitor {
  Vertex target;
  void examine_vertex(Vertex v, const Graph&) const {
    if (v == target) throw TargetReached{};
  }
};

// The baseline: static Dijkstra by block minutes, no schedule, no ground times.
void RunStaticDijkstra(benchmark::State& state, const Fixture* f) {
  if (f == nullptr) {
    state.SkipWithError("network not available (OpenFlights data absent, or smoke mode)");
    return;
  }
  const Graph& g = f->network->graph();
  const ScenarioView& view = *f->view;
  const std::size_t n = boost::num_vertices(g);
  std::vector<Vertex> predecessor(n);
  std::vector<double> distance(n);
  auto weight = boost::make_function_property_map<Edge, double>([&](Edge e) {
    const RouteId id = g[e].route;
    return view.usable(id) ? static_cast<double>(view.route(id).block_minutes)
                           : std::numeric_limits<double>::infinity();
  });
  std::size_t i = 0;
  for (auto _ : state) {
    const Query& q = f->queries[i++ % f->queries.size()];
    EarlyExit visitor;
    visitor.target = q.destination.value;
    try {
      boost::dijkstra_shortest_paths(
          g, q.origin.value,
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
}

void Register(const std::string& name, const Fixture* (*fixture)()) {
  benchmark::RegisterBenchmark((name + "/StaticDijkstra/block_minutes").c_str(),
                               [fixture](benchmark::State& s) { RunStaticDijkstra(s, fixture()); })
      ->Unit(benchmark::kMicrosecond);
  for (int k : {1, 3}) {
    for (bool shared : {false, true}) {
      benchmark::RegisterBenchmark(
          (name + "/PlanItinerary/k" + std::to_string(k) + (shared ? "/shared" : "")).c_str(),
          [fixture, k, shared](benchmark::State& s) { RunPlanItinerary(s, fixture(), k, shared); })
          ->Unit(benchmark::kMicrosecond);
    }
  }
  for (bool shared : {false, true}) {
    benchmark::RegisterBenchmark(
        (name + "/PlanItinerary/k1/what_if" + (shared ? "/shared" : "")).c_str(),
        [fixture, shared](benchmark::State& s) { RunPlanItinerary(s, fixture(), 1, shared, true); })
        ->Unit(benchmark::kMicrosecond);
  }
  benchmark::RegisterBenchmark((name + "/Timetable/BuildWeek").c_str(), [fixture](
                                                                            benchmark::State& s) {
    RunBuildWeek(s, fixture());
  })->Unit(benchmark::kMillisecond);
}

}  // namespace
}  // namespace aircargo::routes

int main(int argc, char** argv) {
  aircargo::routes::Register("shenyang", aircargo::routes::Shenyang);
  aircargo::routes::Register("world", aircargo::routes::World);
  benchmark::RegisterBenchmark("openflights/PlanItinerary/k1/shared/percentiles",
                               [](benchmark::State& s) {
                                 aircargo::routes::RunPercentiles(s,
                                                                  aircargo::routes::OpenFlights());
                               })
      ->Unit(benchmark::kMillisecond)
      ->Iterations(3);
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
