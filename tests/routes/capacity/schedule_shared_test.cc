// ComputeScheduleCapacity with the shared data a server hands in (ScheduleShared: the view's weekly
// timetables and flow template) gives exactly the answer it computes on its own (expanding the
// flights route by route), which schedule_oracle_test.cc checks against Boost: same maximum, same
// booking plan flight by flight, same min cut, same static figures, same demand plan. Plus
// BuildScheduleNetwork on flights that chain within one instant (zero block, zero connection),
// which its departure-order scans must not miss whatever order the flights come in. And threads
// computing at once on one shared cache (cold: its weeks are built under contention) and template
// get the answers each computes alone (run under ThreadSanitizer by the tsan preset).
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <latch>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "routes/capacity/flow_template.h"
#include "routes/capacity/max_flow.h"
#include "routes/capacity/schedule_capacity.h"
#include "routes/capacity/schedule_network.h"
#include "routes/itinerary/local_time.h"
#include "routes/itinerary/timetable_cache.h"
#include "server/default_network.h"
#include "tests/routes/capacity/schedule_test_network.h"
#include "tests/routes/itinerary/itinerary_test_parts.h"

namespace aircargo::routes {
namespace {

using std::chrono::days;
using std::chrono::minutes;
using std::chrono::sys_seconds;

std::string Describe(const std::vector<FlightBooking>& bookings) {
  std::string out;
  for (const FlightBooking& b : bookings) {
    out += std::to_string(b.flight.route.value) + "@" +
           std::to_string(b.flight.departure.time_since_epoch().count()) + ":" +
           std::to_string(b.booked_kg) + "/" + std::to_string(b.flight.payload_kg) + " ";
  }
  return out;
}

void ExpectSameAnswer(const ScheduleCapacityResult& own, const ScheduleCapacityResult& shared,
                      const std::string& what) {
  EXPECT_EQ(shared.max_kg, own.max_kg) << what;
  EXPECT_EQ(Describe(shared.bookings), Describe(own.bookings)) << what;
  EXPECT_EQ(Describe(shared.min_cut), Describe(own.min_cut)) << what;
  EXPECT_EQ(shared.static_weekly_kg, own.static_weekly_kg) << what;
  EXPECT_EQ(shared.static_window_kg, own.static_window_kg) << what;
  EXPECT_EQ(shared.reason, own.reason) << what;
  EXPECT_EQ(shared.flights_in_window, own.flights_in_window) << what;
  EXPECT_EQ(shared.flights_in_network, own.flights_in_network) << what;
  EXPECT_EQ(shared.events, own.events) << what;
  ASSERT_EQ(shared.plan.has_value(), own.plan.has_value()) << what;
  if (own.plan) {
    EXPECT_EQ(shared.plan->shipped_kg, own.plan->shipped_kg) << what;
    EXPECT_EQ(shared.plan->total_cost_micros, own.plan->total_cost_micros) << what;
    EXPECT_EQ(Describe(shared.plan->bookings), Describe(own.plan->bookings)) << what;
  }
}

// Both ways on `view`; returns the shared answer (to count non-trivial cases).
ScheduleCapacityResult Compare(const std::shared_ptr<const ScenarioView>& view,
                               TimetableCache& cache, const FlowTemplate& flows,
                               const ScheduleCapacityQuery& q, const std::string& what) {
  FlowWorkspace workspace;
  StopCheck stop;
  auto own = ComputeScheduleCapacity(*view, q, workspace, stop);
  auto shared = ComputeScheduleCapacity(*view, q, {&flows, &cache}, workspace, stop);
  EXPECT_TRUE(own.ok()) << what << ": " << own.error().ToString();
  EXPECT_TRUE(shared.ok()) << what << ": " << shared.error().ToString();
  if (!own.ok() || !shared.ok()) return {};
  ExpectSameAnswer(*own, *shared, what);
  return *shared;
}

TEST(ScheduleCapacityShared, RandomTimetablesGiveTheSameAnswerFromTheSharedWeeks) {
  int positive = 0;
  for (std::uint32_t seed = 1; seed <= 30; ++seed) {
    const test::RandomTimetable t = test::MakeRandomTimetable(seed + 500, 6, 24);
    const auto view = std::make_shared<const ScenarioView>(test::OperatingView(*t.network));
    TimetableCache cache(view);
    const FlowTemplate flows(*view);
    const std::uint32_t origin = seed % 6;
    const std::uint32_t destination = (origin + 1 + seed % 5) % 6;
    // Windows inside one week, across a week boundary, over four weeks (the most the shared weeks
    // serve) and over 31 days (the request expands its own flights even when handed the weeks).
    const sys_seconds ready = test::Utc("2025-06-04T00:00:00Z") + minutes{seed * 173};
    for (int window_days : {2, 7, 20, 31}) {
      ScheduleCapacityQuery q{AirportId(origin),         {AirportId(destination)}, ready,
                              ready + days{window_days}, (seed % 2) * 40'000,      1.0};
      if (seed % 2 == 0) q.demand_kg.reset();
      positive +=
          Compare(view, cache, flows, q,
                  "seed " + std::to_string(seed) + ", " + std::to_string(window_days) + " days")
              .max_kg > 0;
    }
  }
  EXPECT_GE(positive, 40);
}

TEST(ScheduleCapacityShared, ShenyangDstWeeksAndCapacityFactorsGiveTheSameAnswer) {
  auto loaded = server::LoadDefaultNetwork();
  ASSERT_TRUE(loaded.ok()) << loaded.error().ToString();
  const Network& network = **loaded;
  const RouteId first_from_she = network.outbound(*network.FindAirport("SHE")).front();
  int positive = 0;
  for (const char* ready_text :
       {"2025-06-02T01:00:00Z", "2025-03-06T01:00:00Z", "2025-10-23T01:00:00Z"}) {
    const sys_seconds ready = *ParseRfc3339(ready_text);
    const std::chrono::year_month_day today{std::chrono::floor<days>(ready)};
    for (const bool factor : {false, true}) {
      Scenario scenario;
      scenario.as_of = today;
      if (factor) scenario.capacity_factors.push_back({first_from_she, "", 0.5});
      auto made = ScenarioView::Make(network, scenario);
      ASSERT_TRUE(made.ok()) << made.error().ToString();
      auto view = std::make_shared<const ScenarioView>(std::move(made).value());
      TimetableCache cache(view);
      const FlowTemplate flows(*view);
      for (const char* destination : {"ORD", "FRA", "ANC", "YVR"}) {
        ScheduleCapacityQuery q{*network.FindAirport("SHE"),
                                {*network.FindAirport(destination)},
                                ready,
                                ready + days{7},
                                150'000,
                                0.8};
        positive +=
            Compare(view, cache, flows, q, std::string(ready_text) + " to " + destination).max_kg >
            0;
      }
    }
  }
  EXPECT_GE(positive, 12);
}

TEST(ScheduleCapacityShared, ThreadsOnOneSharedCacheAndTemplateAgreeWithOwnFlights) {
  const test::RandomTimetable t = test::MakeRandomTimetable(4242, 8, 60);
  const auto view = std::make_shared<const ScenarioView>(test::OperatingView(*t.network));
  TimetableCache cache(view);
  const FlowTemplate flows(*view);
  std::vector<ScheduleCapacityQuery> queries;
  for (std::uint32_t i = 0; i < 24; ++i) {
    const sys_seconds ready = test::Utc("2025-06-02T00:00:00Z") + minutes{i * 611};
    queries.push_back({AirportId(i % 8),
                       {AirportId((i + 1 + i % 7) % 8)},
                       ready,
                       ready + days{3 + static_cast<int>(i % 9)},
                       i % 3 == 0 ? std::optional<std::int64_t>(60'000) : std::nullopt,
                       1.0});
  }
  std::vector<ScheduleCapacityResult> alone;
  for (const ScheduleCapacityQuery& q : queries) {
    FlowWorkspace workspace;
    StopCheck stop;
    auto r = ComputeScheduleCapacity(*view, q, workspace, stop);
    ASSERT_TRUE(r.ok()) << r.error().ToString();
    alone.push_back(*r);
  }
  constexpr int kThreads = 6;
  std::latch start(kThreads);
  std::vector<std::vector<ScheduleCapacityResult>> got(kThreads);
  std::vector<std::thread> threads;
  for (int k = 0; k < kThreads; ++k) {
    threads.emplace_back([&, k] {
      FlowWorkspace workspace;  // one per thread, as one per compute slot in aircargod
      start.arrive_and_wait();
      for (std::size_t i = 0; i < queries.size(); ++i) {
        const ScheduleCapacityQuery& q =
            queries[(i + static_cast<std::size_t>(k) * 5) % queries.size()];
        StopCheck stop;
        auto r = ComputeScheduleCapacity(*view, q, {&flows, &cache}, workspace, stop);
        got[static_cast<std::size_t>(k)].push_back(r.ok() ? *r : ScheduleCapacityResult{});
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  int positive = 0;
  for (int k = 0; k < kThreads; ++k) {
    for (std::size_t i = 0; i < queries.size(); ++i) {
      const std::size_t q = (i + static_cast<std::size_t>(k) * 5) % queries.size();
      ExpectSameAnswer(alone[q], got[static_cast<std::size_t>(k)][i],
                       "thread " + std::to_string(k) + ", query " + std::to_string(q));
      positive += alone[q].max_kg > 0;
    }
  }
  EXPECT_GE(positive, kThreads * 8);
}

// A request with a scenario of its own (closures, a carrier excluded, capacity factors) reads the
// shared operating-today weeks when they hold every route it can use, and gets the answer it
// computes on its own flights; a scenario adding a route the weeks do not hold expands its own.
TEST(ScheduleCapacityShared, ScenariosReadTheBaseViewsWeeksWhenTheyHoldEveryUsableRoute) {
  int from_weeks = 0;
  for (std::uint32_t seed = 1; seed <= 12; ++seed) {
    const test::RandomTimetable t = test::MakeRandomTimetable(seed + 900, 7, 30);
    const Network& network = *t.network;
    const auto base = std::make_shared<const ScenarioView>(test::OperatingView(network));
    TimetableCache cache(base);
    const std::uint32_t origin = seed % 7;
    const std::uint32_t destination = (origin + 1 + seed % 6) % 7;
    const sys_seconds ready = test::Utc("2025-06-03T00:00:00Z") + minutes{seed * 211};
    const ScheduleCapacityQuery q{
        AirportId(origin), {AirportId(destination)}, ready, ready + days{6}, 50'000, 1.0};
    for (int kind = 0; kind < 4; ++kind) {
      Scenario scenario;
      scenario.as_of = base->scenario().as_of;
      if (kind == 0) scenario.closed_routes = {RouteId(seed % 30), RouteId((seed * 7) % 30)};
      if (kind == 1) scenario.closed_airports = {AirportId((destination + 1 + seed % 5) % 7)};
      if (kind == 2) scenario.capacity_factors = {{RouteId(seed % 30), "", 0.25}};
      if (kind == 3) {
        RouteInput extra = test::MakeRoute("EXTRA", network.airport(AirportId(origin)).iata,
                                           network.airport(AirportId(destination)).iata);
        scenario.extra_routes = {extra};
      }
      if (kind == 1 && scenario.closed_airports.front().value == origin) continue;
      auto made = ScenarioView::Make(network, scenario);
      ASSERT_TRUE(made.ok()) << made.error().ToString();
      const auto view = std::make_shared<const ScenarioView>(std::move(made).value());
      const FlowTemplate flows(*view);
      const std::int64_t before = cache.stats().builds + cache.stats().hits;
      const ScheduleCapacityResult r =
          Compare(view, cache, flows, q,
                  "seed " + std::to_string(seed) + ", scenario kind " + std::to_string(kind));
      const bool read_weeks = cache.stats().builds + cache.stats().hits > before;
      if (r.reason == NoScheduleReason::kNoRoute) {
        EXPECT_FALSE(read_weeks);  // nothing to expand
      } else if (kind == 3) {
        EXPECT_FALSE(read_weeks) << "an extra route is not in the base view's weeks";
      } else {
        EXPECT_TRUE(read_weeks) << "seed " << seed << ", kind " << kind;
      }
      from_weeks += read_weeks;
    }
  }
  EXPECT_GE(from_weeks, 30);
}

TEST(ScheduleCapacityShared, AnotherNetworksTimetablesOrAnotherViewsTemplateAreInternal) {
  const test::RandomTimetable t = test::MakeRandomTimetable(7, 4, 10);
  const test::RandomTimetable u = test::MakeRandomTimetable(8, 4, 10);
  const auto view = std::make_shared<const ScenarioView>(test::OperatingView(*t.network));
  const auto other_view = std::make_shared<const ScenarioView>(test::OperatingView(*t.network));
  const auto other_network = std::make_shared<const ScenarioView>(test::OperatingView(*u.network));
  TimetableCache cache(other_network);
  const FlowTemplate flows(*other_view);
  const sys_seconds ready = test::Utc("2025-06-02T00:00:00Z");
  const ScheduleCapacityQuery q{AirportId(0), {AirportId(1)}, ready, ready + days{3}, {}, 1.0};
  FlowWorkspace workspace;
  StopCheck stop;
  auto with_cache = ComputeScheduleCapacity(*view, q, {nullptr, &cache}, workspace, stop);
  ASSERT_FALSE(with_cache.ok());
  EXPECT_EQ(with_cache.error().code, ErrorCode::kInternal);
  EXPECT_EQ(with_cache.error().field, "timetables");
  auto with_flows = ComputeScheduleCapacity(*view, q, {&flows, nullptr}, workspace, stop);
  ASSERT_FALSE(with_flows.ok());
  EXPECT_EQ(with_flows.error().code, ErrorCode::kInternal);
  EXPECT_EQ(with_flows.error().field, "flows");
}

// A --R2 (t, 0 min, 10 t)--> B --R1 (t, 0 min, 7 t)--> C --R0 (t, 0 min, 5 t)--> D, and
// A --R4 (t, 0 min, 3 t)--> E --R5 (t, 0 min, 3 t)--> F --R6 (t, 0 min, 2 t)--> D, and
// A --R3 (t, 60 min, 4 t)--> D, every connection 0 minutes, D the destination: all the flights
// leave at the same instant, and R1, R0, R5, R6 carry only what arrives at that very instant. Route
// ids run against the first chain and along the second, so the forward scan meets the first out
// of chain order and the backward scan the second. The answer is 5 + 4 + 2 t in whichever order
// the flights come.
TEST(ScheduleNetwork, FlightsChainingWithinOneInstantAreKeptWhateverTheirOrder) {
  const sys_seconds t = test::Utc("2025-06-02T08:00:00Z");
  const auto flight = [&](std::uint32_t route, std::uint32_t from, std::uint32_t to, int block,
                          std::int64_t kg) {
    return DatedFlight{RouteId(route),
                       AirportId(from),
                       AirportId(to),
                       t,
                       t + minutes{block},
                       std::chrono::year_month_day{std::chrono::floor<days>(t)},
                       kg};
  };
  std::vector<DatedFlight> flights{flight(2, 0, 1, 0, 10'000), flight(1, 1, 2, 0, 7'000),
                                   flight(0, 2, 3, 0, 5'000),  flight(3, 0, 3, 60, 4'000),
                                   flight(4, 0, 4, 0, 3'000),  flight(5, 4, 5, 0, 3'000),
                                   flight(6, 5, 3, 0, 2'000)};
  ScheduleRules rules;
  rules.origin = AirportId(0);
  rules.is_destination = {false, false, false, true, false, false};
  rules.ready = t;
  rules.deadline = t + days{1};
  rules.connection.assign(6, minutes{0});
  rules.import_clearance.assign(6, minutes{0});
  std::sort(flights.begin(), flights.end(), [](const DatedFlight& a, const DatedFlight& b) {
    return a.route.value < b.route.value;
  });
  do {
    StopCheck stop;
    auto built = BuildScheduleNetwork(flights, rules, stop);
    ASSERT_TRUE(built.ok()) << built.error().ToString();
    EXPECT_EQ(built->flights.size(), 7U);
    FlowWorkspace workspace;
    auto kg = AugmentMaxFlow(built.value().network, workspace, stop);
    ASSERT_TRUE(kg.ok());
    EXPECT_EQ(*kg, 11'000);
  } while (std::next_permutation(
      flights.begin(), flights.end(),
      [](const DatedFlight& a, const DatedFlight& b) { return a.route.value < b.route.value; }));
  // A 1-minute connection at C breaks R1 -> R0 (same instant): R3 and the second chain deliver.
  rules.connection[2] = minutes{1};
  StopCheck stop;
  auto built = BuildScheduleNetwork(flights, rules, stop);
  ASSERT_TRUE(built.ok());
  FlowWorkspace workspace;
  auto kg = AugmentMaxFlow(built.value().network, workspace, stop);
  ASSERT_TRUE(kg.ok());
  EXPECT_EQ(*kg, 6'000);
  EXPECT_EQ(built->flights.size(), 4U);
}

}  // namespace
}  // namespace aircargo::routes
