// ComputeScheduleCapacity against an independent time-expanded network (schedule_oracle.h: plain
// event list, Boost push-relabel and successive shortest paths): on random timetables whose
// flights the test writes out itself, and on the Shenyang default network (flights from the
// itinerary's own expansion, which tests/routes/itinerary/ checks; DST at ORD and FRA included).
#include "tests/routes/capacity/schedule_oracle.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <numeric>
#include <random>
#include <string>
#include <vector>

#include "routes/capacity/schedule_capacity.h"
#include "routes/itinerary/dated_flights.h"
#include "routes/itinerary/local_time.h"
#include "routes/scenario_view.h"
#include "server/default_network.h"
#include "tests/routes/capacity/schedule_test_network.h"
#include "tests/routes/itinerary/itinerary_test_parts.h"
#include "tests/sanitized_build.h"

namespace aircargo::routes {
namespace {

using std::chrono::minutes;
using std::chrono::sys_days;
using std::chrono::sys_seconds;

// Invariants of any answer: the cut's payloads add up to the maximum and are saturated; no flight
// carries more than its payload; the kg landing at the destination add up to the maximum.
void ExpectConsistent(const ScheduleCapacityResult& r, AirportId destination,
                      const std::string& where) {
  std::int64_t cut = 0;
  for (const FlightBooking& b : r.min_cut) {
    cut += b.flight.payload_kg;
    EXPECT_EQ(b.booked_kg, b.flight.payload_kg) << where;
  }
  EXPECT_EQ(cut, r.max_kg) << where;
  std::int64_t delivered = 0;
  for (const FlightBooking& b : r.bookings) {
    EXPECT_GT(b.booked_kg, 0) << where;
    EXPECT_LE(b.booked_kg, b.flight.payload_kg) << where;
    if (b.flight.destination == destination) delivered += b.booked_kg;
  }
  EXPECT_EQ(delivered, r.max_kg) << where;
  if (r.plan) {
    std::int64_t planned = 0;
    for (const FlightBooking& b : r.plan->bookings) {
      if (b.flight.destination == destination) planned += b.booked_kg;
    }
    EXPECT_EQ(planned, r.plan->shipped_kg) << where;
    EXPECT_EQ(r.plan->shipped_kg + r.plan->shortfall_kg, r.plan->demand_kg) << where;
  }
}

TEST(ScheduleCapacityOracle, RandomTimetablesMatchBoostPushRelabelAndSuccessiveShortestPaths) {
  int positive = 0;
  for (std::uint32_t seed = 1; seed <= 160; ++seed) {
    const int airports = 4 + static_cast<int>(seed % 5);
    const test::RandomTimetable t = test::MakeRandomTimetable(seed, airports, airports * 3);
    std::mt19937 rng(seed * 7919);
    const auto origin = static_cast<std::uint32_t>(rng() % airports);
    const auto destination =
        static_cast<std::uint32_t>((origin + 1 + rng() % (airports - 1)) % airports);
    const sys_seconds ready = sys_days{std::chrono::year{2025} / 6 / 2} + minutes{rng() % 10080};
    const sys_seconds deadline = ready + minutes{60 + rng() % (10 * 1440)};
    const std::int64_t demand = static_cast<std::int64_t>(rng() % 150'000);

    const ScenarioView view = test::OperatingView(*t.network);
    ScheduleCapacityQuery q;
    q.origin = AirportId(origin);
    q.destinations = {AirportId(destination)};
    q.ready = ready;
    q.deadline = deadline;
    q.demand_kg = demand;
    FlowWorkspace workspace;
    StopCheck stop;
    auto got = ComputeScheduleCapacity(view, q, workspace, stop);
    ASSERT_TRUE(got.ok()) << got.error().ToString();

    const auto plain =
        test::PlainFlights(t, std::chrono::floor<std::chrono::days>(ready) - std::chrono::days{2},
                           std::chrono::floor<std::chrono::days>(deadline) + std::chrono::days{1});
    const test::OracleAnswer want = test::SolveByOracle(
        plain, test::PlainRulesOf(t, origin, destination, ready, deadline), demand);
    const std::string where = "seed " + std::to_string(seed);
    EXPECT_EQ(got->max_kg, want.max_kg) << where;
    ASSERT_TRUE(got->plan.has_value()) << where;
    EXPECT_EQ(got->plan->shipped_kg, want.plan_kg) << where;
    EXPECT_EQ(static_cast<double>(got->plan->total_cost_micros), want.plan_cost) << where;
    ExpectConsistent(*got, AirportId(destination), where);
    if (got->max_kg > 0) ++positive;
  }
  // The comparison must not pass on empty answers only.
  EXPECT_GE(positive, 40);
}

// Busy timetables: five airports, 120 routes, windows of two to four weeks, so each airport's chain
// of events is long and the network under test is contracted and gets ground shortcuts spanning
// 16 nodes and more (schedule_network.h); the oracle's event list has neither. 30 timetables; 12
// in sanitizer builds, where the oracle at -O0 took 43 s for 30.
TEST(ScheduleCapacityOracle, BusyAirportsWithLongGroundChainsMatchBoost) {
  constexpr std::uint32_t kSeeds = testing::kSanitizedBuild ? 12 : 30;
  int positive = 0;
  std::int64_t largest = 0;  // nodes of the largest network: the chains must be long
  for (std::uint32_t seed = 1; seed <= kSeeds; ++seed) {
    const int airports = 5;
    const test::RandomTimetable t = test::MakeRandomTimetable(seed + 5000, airports, 120);
    std::mt19937 rng(seed * 104729);
    const auto origin = static_cast<std::uint32_t>(rng() % airports);
    const auto destination =
        static_cast<std::uint32_t>((origin + 1 + rng() % (airports - 1)) % airports);
    const sys_seconds ready = sys_days{std::chrono::year{2025} / 6 / 2} + minutes{rng() % 10080};
    const sys_seconds deadline = ready + minutes{14 * 1440 + rng() % (14 * 1440)};
    const std::int64_t demand = static_cast<std::int64_t>(rng() % 400'000);

    const ScenarioView view = test::OperatingView(*t.network);
    ScheduleCapacityQuery q;
    q.origin = AirportId(origin);
    q.destinations = {AirportId(destination)};
    q.ready = ready;
    q.deadline = deadline;
    q.demand_kg = demand;
    FlowWorkspace workspace;
    StopCheck stop;
    auto got = ComputeScheduleCapacity(view, q, workspace, stop);
    ASSERT_TRUE(got.ok()) << got.error().ToString();

    const auto plain =
        test::PlainFlights(t, std::chrono::floor<std::chrono::days>(ready) - std::chrono::days{2},
                           std::chrono::floor<std::chrono::days>(deadline) + std::chrono::days{1});
    const test::OracleAnswer want = test::SolveByOracle(
        plain, test::PlainRulesOf(t, origin, destination, ready, deadline), demand);
    const std::string where = "seed " + std::to_string(seed);
    EXPECT_EQ(got->max_kg, want.max_kg) << where;
    ASSERT_TRUE(got->plan.has_value()) << where;
    EXPECT_EQ(got->plan->shipped_kg, want.plan_kg) << where;
    EXPECT_EQ(static_cast<double>(got->plan->total_cost_micros), want.plan_cost) << where;
    ExpectConsistent(*got, AirportId(destination), where);
    if (got->max_kg > 0) ++positive;
    largest = std::max(largest, got->events);
  }
  EXPECT_GE(positive, static_cast<int>(kSeeds * 2 / 3));
  EXPECT_GE(largest, 150);
}

// The dated flights of `view` around the window as plain flights, payloads and costs as in the
// view (no factors in these tests).
std::vector<test::PlainFlight> PlainFromExpansion(const ScenarioView& view, sys_seconds from,
                                                  sys_seconds to) {
  StopCheck stop;
  auto table = ExpandView(view, from, to, {}, stop);
  EXPECT_TRUE(table.ok());
  std::vector<test::PlainFlight> out;
  for (const DatedFlight& f : table->flights) {
    out.push_back({f.origin.value, f.destination.value, f.departure.time_since_epoch().count(),
                   f.arrival.time_since_epoch().count(), f.payload_kg,
                   view.route(f.route).cost_per_kg_micros});
  }
  return out;
}

TEST(ScheduleCapacityOracle, ShenyangNetworkMatchesBoostIncludingDstWeeks) {
  auto loaded = server::LoadDefaultNetwork();
  ASSERT_TRUE(loaded.ok()) << loaded.error().ToString();
  const Network& network = **loaded;
  int positive = 0;
  // June (no change), the US spring-forward week (2025-03-09) and the European fall-back week
  // (2025-10-26); 3- and 7-day windows.
  for (const char* ready_text :
       {"2025-06-02T01:00:00Z", "2025-03-06T01:00:00Z", "2025-10-23T01:00:00Z"}) {
    for (const char* destination : {"ORD", "FRA", "ANC", "LAX", "AMS"}) {
      for (int days : {3, 7}) {
        const sys_seconds ready = *ParseRfc3339(ready_text);
        const sys_seconds deadline = ready + std::chrono::days{days};
        const ScenarioView view = ScenarioView::Operating(
            network, std::chrono::year_month_day{std::chrono::floor<std::chrono::days>(ready)});
        const AirportId origin = *network.FindAirport("SHE");
        const AirportId to = *network.FindAirport(destination);
        ScheduleCapacityQuery q{origin, {to}, ready, deadline, 150'000, 1.0};
        FlowWorkspace workspace;
        StopCheck stop;
        auto got = ComputeScheduleCapacity(view, q, workspace, stop);
        ASSERT_TRUE(got.ok()) << got.error().ToString();

        test::PlainRules rules;
        rules.origin = origin.value;
        rules.destination = to.value;
        rules.ready = ready.time_since_epoch().count();
        rules.deadline = deadline.time_since_epoch().count();
        rules.export_seconds = network.airport(origin).export_clearance_minutes * 60;
        for (const Airport& a : network.airports()) {
          rules.connection_seconds.push_back(std::int64_t{a.min_connection_minutes} * 60);
          rules.import_seconds.push_back(std::int64_t{a.import_clearance_minutes} * 60);
        }
        const test::OracleAnswer want = test::SolveByOracle(
            PlainFromExpansion(view, ready - std::chrono::days{1}, deadline), rules, 150'000);
        const std::string where =
            std::string(ready_text) + " SHE->" + destination + " " + std::to_string(days) + "d";
        EXPECT_EQ(got->max_kg, want.max_kg) << where;
        EXPECT_EQ(got->plan->shipped_kg, want.plan_kg) << where;
        EXPECT_EQ(static_cast<double>(got->plan->total_cost_micros), want.plan_cost) << where;
        ExpectConsistent(*got, to, where);
        if (got->max_kg > 0) ++positive;
      }
    }
  }
  EXPECT_GE(positive, 10);
}

}  // namespace
}  // namespace aircargo::routes
