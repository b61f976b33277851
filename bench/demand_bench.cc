// Demand allocation LP (routes/demand/demand.h, COIN-OR CLP): PlanDemand end to end (model build,
// the lexicographic stages, path decomposition) on
//   - the embedded Shenyang network with 50 random demands (fixed seed), and
//   - the OpenFlights world network with 20 origins x 25 destinations (500 demands), when the data
//     is present (not in the smoke run).
// each with the arc formulation and with column generation (the world case with column generation
// only: its arc LP has about 1.3 M columns). Counters: LP columns, rows, simplex iterations,
// pricing rounds. AIRCARGO_BENCH_SMOKE=1: Shenyang only.
//
// Solver baseline: with AIRCARGO_DEMAND_MPS_DIR=DIR the benchmark only writes the arc LPs of both
// cases (delivery stage) as DIR/demand-shenyang50.mps and DIR/demand-world20x25.mps (CLP's MPS
// writer), the world request as DIR/demand-world20x25.csv (for `aircargo demand plan`), and exits;
// scripts/demand-lp-baseline then times the clp and glpsol programs on the same files. GLPK is
// GPL-3.0 and is only ever run as that separate program, never linked.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "bench/bench_support.h"
#include "formats/network_file.h"
#include "formats/openflights.h"
#include "routes/demand/demand.h"
#include "routes/demand/demand_model.h"
#include "routes/demand/lp_solver.h"
#include "routes/scenario_view.h"

namespace aircargo::routes {
namespace {

constexpr std::chrono::year_month_day kAsOf{std::chrono::year{2025}, std::chrono::month{6},
                                            std::chrono::day{1}};

DemandQuery RandomDemands(const Network& network, int origins, int destinations, int count,
                          std::uint32_t seed) {
  const std::vector<AirportId> served = bench::ServedAirports(network);
  std::mt19937 rng(seed);
  std::vector<AirportId> shuffled = served;
  std::shuffle(shuffled.begin(), shuffled.end(), rng);
  const auto o = std::min<std::size_t>(origins, shuffled.size() / 2);
  const auto d = std::min<std::size_t>(destinations, shuffled.size() - o);
  std::uniform_int_distribution<std::int64_t> tonnes(5, 50);
  DemandQuery query;
  for (std::size_t i = 0; i < o; ++i) {
    for (std::size_t j = 0; j < d; ++j) {
      query.demands.push_back({shuffled[i], shuffled[o + j], tonnes(rng) * 1000, 1.0});
    }
  }
  std::shuffle(query.demands.begin(), query.demands.end(), rng);
  if (count > 0 && query.demands.size() > static_cast<std::size_t>(count)) {
    query.demands.resize(count);
  }
  return query;
}

// 50 demands among the served airports (origins spread over 10 airports).
DemandQuery ShenyangQuery(const Network& network) { return RandomDemands(network, 10, 10, 50, 1); }
DemandQuery WorldQuery(const Network& network) { return RandomDemands(network, 20, 25, 0, 2); }

void Run(benchmark::State& state, const Network& network, DemandQuery query) {
  query.method = static_cast<DemandMethod>(state.range(0));
  state.SetLabel(DemandMethodName(query.method));
  const ScenarioView view = ScenarioView::Operating(network, kAsOf);
  DemandPlan last;
  for (auto _ : state) {
    StopCheck stop;
    auto plan = PlanDemand(view, query, stop);
    if (!plan.ok()) {
      state.SkipWithError(plan.error().ToString().c_str());
      return;
    }
    last = std::move(plan).value();
    benchmark::DoNotOptimize(last.delivered_kg_per_week);
  }
  state.counters["demands"] = static_cast<double>(query.demands.size());
  state.counters["lp_columns"] = static_cast<double>(last.lp_columns);
  state.counters["lp_rows"] = static_cast<double>(last.lp_rows);
  state.counters["iterations"] = static_cast<double>(last.lp_iterations);
  state.counters["pricing_rounds"] = static_cast<double>(last.pricing_rounds);
  state.counters["weighted"] = last.weighted_delivered;
  state.counters["delivered_share"] = last.demand_kg_per_week > 0
                                          ? static_cast<double>(last.delivered_kg_per_week) /
                                                static_cast<double>(last.demand_kg_per_week)
                                          : 0.0;
}

void BM_PlanDemandShenyang50(benchmark::State& state) {
  static const auto network = formats::LoadNetworkFile(bench::ShenyangNetworkPath());
  if (!network.ok()) {
    state.SkipWithError("cannot load the Shenyang network");
    return;
  }
  Run(state, **network, ShenyangQuery(**network));
}
BENCHMARK(BM_PlanDemandShenyang50)
    ->Arg(static_cast<int>(DemandMethod::kArcFormulation))
    ->Arg(static_cast<int>(DemandMethod::kColumnGeneration))
    ->Unit(benchmark::kMillisecond);

// The same with the upgrade ranking: the top 10 candidates verified by re-solving.
void BM_PlanDemandShenyang50Upgrades(benchmark::State& state) {
  static const auto network = formats::LoadNetworkFile(bench::ShenyangNetworkPath());
  if (!network.ok()) {
    state.SkipWithError("cannot load the Shenyang network");
    return;
  }
  DemandQuery query = ShenyangQuery(**network);
  query.verify_upgrades = 10;
  Run(state, **network, query);
}
BENCHMARK(BM_PlanDemandShenyang50Upgrades)
    ->Arg(static_cast<int>(DemandMethod::kArcFormulation))
    ->Arg(static_cast<int>(DemandMethod::kColumnGeneration))
    ->Unit(benchmark::kMillisecond);

void BM_PlanDemandWorld20x25(benchmark::State& state) {
  if (bench::Smoke() || !bench::HaveWorld()) {
    state.SkipWithError("world network not loaded (smoke run or no ../shared data)");
    return;
  }
  static const auto network = formats::LoadOpenFlightsWorld(AIRCARGO_OPENFLIGHTS_DIR);
  if (!network.ok()) {
    state.SkipWithError("cannot load the world network");
    return;
  }
  Run(state, **network, WorldQuery(**network));
}
BENCHMARK(BM_PlanDemandWorld20x25)
    ->Arg(static_cast<int>(DemandMethod::kColumnGeneration))
    ->Unit(benchmark::kMillisecond)
    ->Iterations(1);

// The same request with the fair-share objective (three stages instead of two).
void BM_PlanDemandWorld20x25Fair(benchmark::State& state) {
  if (bench::Smoke() || !bench::HaveWorld()) {
    state.SkipWithError("world network not loaded (smoke run or no ../shared data)");
    return;
  }
  static const auto network = formats::LoadOpenFlightsWorld(AIRCARGO_OPENFLIGHTS_DIR);
  if (!network.ok()) {
    state.SkipWithError("cannot load the world network");
    return;
  }
  DemandQuery query = WorldQuery(**network);
  query.objective = DemandObjective::kFairShare;
  Run(state, **network, query);
}
BENCHMARK(BM_PlanDemandWorld20x25Fair)
    ->Arg(static_cast<int>(DemandMethod::kColumnGeneration))
    ->Unit(benchmark::kMillisecond)
    ->Iterations(1);

// The arc LP of `query` (delivery stage) as an MPS file.
bool WriteArcLp(const Network& network, const DemandQuery& query, const std::string& path) {
  const ScenarioView view = ScenarioView::Operating(network, kAsOf);
  internal::DemandModel m = internal::BuildDemandModel(view, query);
  m.lp.objective = m.delivery_objective;
  auto solver = MakeClpSolver();
  solver->Load(m.lp);
  auto written = solver->WriteMps(path);
  std::printf("%s: %d columns, %d rows, %s\n", path.c_str(), m.lp.column_count(), m.lp.row_count(),
              written.ok() ? "written" : written.error().ToString().c_str());
  return written.ok();
}

// The demands as `aircargo demand plan` CSV (to time the same request through gRPC).
void WriteCsv(const Network& network, const DemandQuery& query, const std::string& path) {
  std::FILE* f = std::fopen(path.c_str(), "w");
  if (f == nullptr) return;
  std::fprintf(f, "# bench/demand_bench.cc's request, written by AIRCARGO_DEMAND_MPS_DIR\n");
  for (const Demand& d : query.demands) {
    std::fprintf(f, "%s,%s,%.3f\n", network.airport(d.origin).iata.c_str(),
                 network.airport(d.destination).iata.c_str(),
                 static_cast<double>(d.kg_per_week) / 1000.0);
  }
  std::fclose(f);
}

int WriteBaselineLps(const std::string& dir) {
  auto shenyang = formats::LoadNetworkFile(bench::ShenyangNetworkPath());
  if (!shenyang.ok() ||
      !WriteArcLp(**shenyang, ShenyangQuery(**shenyang), dir + "/demand-shenyang50.mps")) {
    return 1;
  }
  if (!bench::HaveWorld()) return 0;
  auto world = formats::LoadOpenFlightsWorld(AIRCARGO_OPENFLIGHTS_DIR);
  if (!world.ok()) return 1;
  WriteCsv(**world, WorldQuery(**world), dir + "/demand-world20x25.csv");
  return WriteArcLp(**world, WorldQuery(**world), dir + "/demand-world20x25.mps") ? 0 : 1;
}

}  // namespace
}  // namespace aircargo::routes

int main(int argc, char** argv) {
  if (const char* dir = std::getenv("AIRCARGO_DEMAND_MPS_DIR"); dir != nullptr && *dir != 0) {
    return aircargo::routes::WriteBaselineLps(dir);
  }
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
