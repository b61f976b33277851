// The world-scale planning reports of issue 13, end to end in the core: CompareScenarios with the
// default request of `aircargo compare` (one origin to every other airport, operating routes today
// vs with the planned routes) and AnalyzeClosures for one hub pair (every route and airport that
// carries flow is closed in turn). Each is one request, timed by wall clock; the baseline in the
// same run is one ComputeCapacity of the same origin-destination pairs (`World/ComputeCapacity/
// hub_pair`) so the figures can be read as ratios too. CompareScenarios also reports its cost per
// destination (counter `per_destination_us`, wall time / destinations).
//
// World network only (formats::LoadOpenFlightsWorld; skipped without ../shared/data/openflights);
// AIRCARGO_BENCH_SMOKE=1 runs the same requests on the embedded Shenyang network instead.
#include <benchmark/benchmark.h>

#include <chrono>
#include <memory>
#include <string>
#include <vector>

#include "bench/bench_support.h"
#include "formats/network_file.h"
#include "formats/openflights.h"
#include "routes/capacity/closures.h"
#include "routes/capacity/compare.h"
#include "routes/capacity/max_flow.h"
#include "routes/scenario_view.h"

namespace aircargo::routes {
namespace {

constexpr std::chrono::year_month_day kAsOf{std::chrono::year{2025}, std::chrono::month{6},
                                            std::chrono::day{1}};

struct Fixture {
  std::shared_ptr<const Network> network;
  std::unique_ptr<ScenarioView> today;
  std::unique_ptr<ScenarioView> planned;
  AirportId compare_origin;       // SHE (world and Shenyang)
  AirportId closure_origin;       // PEK (world) / SHE (Shenyang)
  AirportId closure_destination;  // JFK (world) / the Shenyang network's busiest other airport
};

const Fixture* Load() {
  static const Fixture* fixture = []() -> const Fixture* {
    const bool world = !bench::Smoke() && bench::HaveWorld();
    auto network = world ? formats::LoadOpenFlightsWorld(AIRCARGO_OPENFLIGHTS_DIR)
                         : formats::LoadNetworkFile(bench::ShenyangNetworkPath());
    if (!network.ok()) return nullptr;
    auto* f = new Fixture;
    f->network = *network;
    f->today = std::make_unique<ScenarioView>(ScenarioView::Operating(*f->network, kAsOf));
    Scenario with_planned;
    with_planned.as_of = kAsOf;
    with_planned.include_planned = true;
    auto planned = ScenarioView::Make(*f->network, with_planned);
    if (!planned.ok()) return nullptr;
    f->planned = std::make_unique<ScenarioView>(std::move(planned).value());
    const auto she = f->network->FindAirport("SHE");
    if (!she) return nullptr;
    f->compare_origin = *she;
    if (world) {
      const auto pek = f->network->FindAirport("PEK");
      const auto jfk = f->network->FindAirport("JFK");
      if (!pek || !jfk) return nullptr;
      f->closure_origin = *pek;
      f->closure_destination = *jfk;
    } else {
      f->closure_origin = *she;
      std::size_t best = 0;
      for (std::uint32_t a = 0; a < f->network->airports().size(); ++a) {
        if (AirportId(a) == *she) continue;
        const std::size_t in = f->network->inbound(AirportId(a)).size();
        if (in > best) {
          best = in;
          f->closure_destination = AirportId(a);
        }
      }
    }
    return f;
  }();
  return fixture;
}

bool Usable(benchmark::State& state, const Fixture* f) {
  if (f == nullptr) {
    state.SkipWithError("network not available");
    return false;
  }
  return true;
}

void CompareDefault(benchmark::State& state) {
  const Fixture* f = Load();
  if (!Usable(state, f)) return;
  const std::vector<OdPair> pairs = PairsFromOrigin(*f->network, f->compare_origin);
  std::size_t reachable = 0;
  double seconds = 0;
  for (auto _ : state) {
    const auto start = std::chrono::steady_clock::now();
    StopCheck stop;
    auto result = CompareScenarios(*f->today, *f->planned, pairs, stop);
    seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (!result.ok()) {
      state.SkipWithError(result.error().ToString().c_str());
      return;
    }
    reachable = 0;
    for (const PairComparison& row : result->pairs) reachable += row.alternative.reachable;
    benchmark::DoNotOptimize(result);
  }
  state.counters["destinations"] = static_cast<double>(pairs.size());
  state.counters["reachable"] = static_cast<double>(reachable);
  state.counters["per_destination_us"] =
      1e6 * seconds / static_cast<double>(state.iterations()) / static_cast<double>(pairs.size());
}

void ClosuresHubPair(benchmark::State& state) {
  const Fixture* f = Load();
  if (!Usable(state, f)) return;
  std::size_t closures = 0;
  for (auto _ : state) {
    StopCheck stop;
    auto result = AnalyzeClosures(*f->today, {f->closure_origin, {f->closure_destination}}, stop);
    if (!result.ok()) {
      state.SkipWithError(result.error().ToString().c_str());
      return;
    }
    closures = result->closures.size();
    benchmark::DoNotOptimize(result);
  }
  state.counters["closures"] = static_cast<double>(closures);
}

void CapacityHubPair(benchmark::State& state) {
  const Fixture* f = Load();
  if (!Usable(state, f)) return;
  for (auto _ : state) {
    StopCheck stop;
    auto result = ComputeCapacity(*f->today, {f->closure_origin, {f->closure_destination}}, stop);
    benchmark::DoNotOptimize(result);
  }
}

}  // namespace
}  // namespace aircargo::routes

int main(int argc, char** argv) {
  using namespace aircargo::routes;
  const std::string prefix =
      aircargo::bench::Smoke() || !aircargo::bench::HaveWorld() ? "Shenyang" : "World";
  benchmark::RegisterBenchmark((prefix + "/ComputeCapacity/hub_pair").c_str(), CapacityHubPair)
      ->Unit(benchmark::kMillisecond)
      ->UseRealTime();
  benchmark::RegisterBenchmark((prefix + "/AnalyzeClosures/hub_pair").c_str(), ClosuresHubPair)
      ->Unit(benchmark::kMillisecond)
      ->UseRealTime();
  benchmark::RegisterBenchmark((prefix + "/CompareScenarios/default").c_str(), CompareDefault)
      ->Unit(benchmark::kMillisecond)
      ->UseRealTime()
      ->Iterations(1);
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
