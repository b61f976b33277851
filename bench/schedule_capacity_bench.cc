// Schedule-aware capacity (issue 18): ComputeScheduleCapacity (expansion into dated flights, the
// pruned time-expanded network, Dinic max flow, min cut, bookings) against ComputeCapacity's static
// weekly max flow for the same pairs, in the same run: what answering on the flights that connect
// costs over answering in weekly averages. Networks: the embedded Shenyang network, SHE -> ORD with
// a 7-day window (the example), and, when the OpenFlights data is present, the world
// network with a seeded weekly schedule (bench/world_schedule.h), 100 seeded pairs of hubs (the 60
// airports with the most outbound routes) with 7-day windows in June 2025.
// Counters per query: window = dated flights expanded, kept = flights left after pruning,
// events = nodes of the expanded network, max_t = tonnes delivered.
// AIRCARGO_BENCH_SMOKE=1: Shenyang only.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <chrono>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "bench/bench_support.h"
#include "bench/world_schedule.h"
#include "formats/network_file.h"
#include "routes/capacity/max_flow.h"
#include "routes/capacity/schedule_capacity.h"
#include "routes/scenario_view.h"

namespace aircargo::routes {
namespace {

constexpr std::chrono::year_month_day kAsOf{std::chrono::year{2025}, std::chrono::month{6},
                                            std::chrono::day{1}};

struct Fixture {
  std::shared_ptr<const Network> network;
  std::unique_ptr<ScenarioView> view;
  std::vector<ScheduleCapacityQuery> queries;
};

Fixture* MakeFixture(std::shared_ptr<const Network> network) {
  auto* f = new Fixture;
  f->network = std::move(network);
  f->view = std::make_unique<ScenarioView>(ScenarioView::Operating(*f->network, kAsOf));
  return f;
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

void RunSchedule(benchmark::State& state, const Fixture* f) {
  if (f == nullptr) {
    state.SkipWithError("network not available (OpenFlights data absent, or smoke mode)");
    return;
  }
  FlowWorkspace workspace;
  std::size_t i = 0;
  std::int64_t window = 0, kept = 0, events = 0, kg = 0;
  for (auto _ : state) {
    StopCheck stop;
    auto result =
        ComputeScheduleCapacity(*f->view, f->queries[i++ % f->queries.size()], workspace, stop);
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

void Register(const std::string& name, const Fixture* (*fixture)()) {
  benchmark::RegisterBenchmark((name + "/ComputeCapacity/static_week").c_str(),
                               [fixture](benchmark::State& s) { RunStatic(s, fixture()); })
      ->Unit(benchmark::kMicrosecond);
  benchmark::RegisterBenchmark((name + "/ComputeScheduleCapacity/7_days").c_str(),
                               [fixture](benchmark::State& s) { RunSchedule(s, fixture()); })
      ->Unit(benchmark::kMicrosecond);
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
