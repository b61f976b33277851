// ComputeScheduleCapacity on hand-made timetables (a missed connection, a hub where only one of two
// feeders connects, a DST change at the hub), its reason codes, validation, limits and stop hook,
// and two properties on random timetables: a shorter deadline never delivers more, and whole-week
// windows never beat the static weekly figure times the weeks.
#include "routes/capacity/schedule_capacity.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <chrono>
#include <cmath>
#include <limits>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "tests/routes/capacity/schedule_test_network.h"
#include "tests/routes/itinerary/itinerary_test_parts.h"

namespace aircargo::routes {
namespace {

using std::chrono::minutes;
using std::chrono::sys_seconds;
using test::Flight;
using test::Utc;
using test::WithTimes;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

Result<ScheduleCapacityResult> Compute(const Network& network, const std::string& origin,
                                       const std::string& destination, const std::string& ready,
                                       const std::string& deadline,
                                       std::optional<std::int64_t> demand = std::nullopt,
                                       double factor = 1.0) {
  const ScenarioView view = test::OperatingView(network);
  ScheduleCapacityQuery q{*network.FindAirport(origin),
                          {*network.FindAirport(destination)},
                          Utc(ready),
                          Utc(deadline),
                          demand,
                          factor};
  FlowWorkspace workspace;
  StopCheck stop;
  return ComputeScheduleCapacity(view, q, workspace, stop);
}

std::vector<std::string> RouteIds(const Network& network, const std::vector<FlightBooking>& b) {
  std::vector<std::string> ids;
  for (const FlightBooking& f : b) {
    ids.push_back(network.route(f.flight.route).id + ":" + std::to_string(f.booked_kg));
  }
  return ids;
}

// SHE --F1, Mon 10:00 +08:00 (02:00Z), 120 min, 40 t--> ICN, lands 04:00Z; ICN connection 120 min
// ICN --F2, Mon 14:59 +09:00 (05:59Z), 600 min, 30 t--> YVR   one minute before 06:00Z: missed
// ICN --F3, Mon 15:00 +09:00 (06:00Z), 600 min, 25 t--> YVR   exactly at the connection: made
// SHE export clearance 60 min, YVR import 60 min.
std::shared_ptr<const Network> MissedConnection(bool with_f3) {
  std::vector<RouteInput> routes{
      Flight("F1", "SHE", "ICN", {{Weekday::kMonday, "10:00"}}, 120, 40'000),
      Flight("F2", "ICN", "YVR", {{Weekday::kMonday, "14:59"}}, 600, 30'000)};
  if (with_f3)
    routes.push_back(Flight("F3", "ICN", "YVR", {{Weekday::kMonday, "15:00"}}, 600, 25'000));
  auto network = test::Build(
      {WithTimes(test::Shenyang(), 120, 60, 60), WithTimes(test::Incheon(), 120, 60, 60),
       WithTimes(test::Vancouver(), 120, 60, 60)},
      std::move(routes));
  EXPECT_TRUE(network.ok());
  return *network;
}

TEST(ScheduleCapacity, AConnectionOneMinuteShortCarriesNothingAndOneExactlyOnTimeCarries) {
  const auto network = MissedConnection(true);
  auto r = Compute(*network, "SHE", "YVR", "2025-06-02T00:00:00Z", "2025-06-03T00:00:00Z");
  ASSERT_TRUE(r.ok()) << r.error().ToString();
  EXPECT_EQ(r->max_kg, 25'000);
  EXPECT_THAT(RouteIds(*network, r->bookings), ElementsAre("F1:25000", "F3:25000"));
  EXPECT_THAT(RouteIds(*network, r->min_cut), ElementsAre("F3:25000"));
  EXPECT_EQ(r->reason, NoScheduleReason::kNone);
  // Local times carry the airport's offset: F3 leaves ICN at 15:00 +09:00.
  EXPECT_EQ(r->bookings[1].departure.utc, Utc("2025-06-02T06:00:00Z"));
  EXPECT_EQ(r->bookings[1].departure.utc_offset, minutes{9 * 60});
  EXPECT_EQ(r->bookings[1].arrival.utc_offset, minutes{-7 * 60});

  const auto without = MissedConnection(false);
  auto none = Compute(*without, "SHE", "YVR", "2025-06-02T00:00:00Z", "2025-06-03T00:00:00Z");
  ASSERT_TRUE(none.ok());
  EXPECT_EQ(none->max_kg, 0);
  EXPECT_THAT(none->bookings, IsEmpty());
  EXPECT_THAT(none->min_cut, IsEmpty());
  EXPECT_EQ(none->reason, NoScheduleReason::kConnectionTooShort);
  EXPECT_STREQ(NoScheduleReasonName(none->reason), "CONNECTION_TOO_SHORT");
}

// SHE --A, Mon 08:00 +08:00 (00:00Z), 120 min, 30 t--> ICN lands 02:00Z, ready 04:00Z: connects
// SHE --B, Mon 14:00 +08:00 (06:00Z), 120 min, 40 t--> ICN lands 08:00Z: an hour after L left
//                                 ICN --L, Mon 16:00 +09:00 (07:00Z), 600 min, 100 t--> YVR
// Static weekly: min(30 + 40, 100) = 70 t. On the schedule: 30 t, and the cut is A alone.
std::shared_ptr<const Network> TwoFeeders() {
  auto network = test::Build(
      {WithTimes(test::Shenyang(), 120, 60, 60), WithTimes(test::Incheon(), 120, 60, 60),
       WithTimes(test::Vancouver(), 120, 60, 60)},
      {Flight("A", "SHE", "ICN", {{Weekday::kMonday, "08:00"}}, 120, 30'000),
       Flight("B", "SHE", "ICN", {{Weekday::kMonday, "14:00"}}, 120, 40'000),
       Flight("L", "ICN", "YVR", {{Weekday::kMonday, "16:00"}}, 600, 100'000)});
  EXPECT_TRUE(network.ok());
  return *network;
}

TEST(ScheduleCapacity, AtAHubOnlyTheFeederThatConnectsCarriesOnward) {
  const auto network = TwoFeeders();
  // Ready Mon 00:00 at SHE; deadline before the next Monday's flights.
  auto r = Compute(*network, "SHE", "YVR", "2025-06-01T16:00:00Z", "2025-06-04T00:00:00Z");
  ASSERT_TRUE(r.ok()) << r.error().ToString();
  EXPECT_EQ(r->max_kg, 30'000);
  EXPECT_THAT(RouteIds(*network, r->bookings), ElementsAre("A:30000", "L:30000"));
  EXPECT_THAT(RouteIds(*network, r->min_cut), ElementsAre("A:30000"));
  EXPECT_EQ(r->static_weekly_kg, 70'000);
  // (2 days 8 hours) / 7 days of 70 t.
  EXPECT_EQ(r->static_window_kg, 70'000 * (56 * 60) / (7 * 24 * 60));
  EXPECT_NEAR(r->bookings[1].utilisation(), 0.3, 1e-12);
  EXPECT_EQ(r->flights_in_network, 2);  // B is pruned: it reaches no onward flight

  // A capacity factor scales every flight's payload.
  auto half = Compute(*network, "SHE", "YVR", "2025-06-01T16:00:00Z", "2025-06-04T00:00:00Z",
                      std::nullopt, 0.5);
  ASSERT_TRUE(half.ok());
  EXPECT_EQ(half->max_kg, 15'000);
}

TEST(ScheduleCapacity, ADemandGetsTheCheapestPlanAndItsShortfall) {
  const auto network = TwoFeeders();
  auto r = Compute(*network, "SHE", "YVR", "2025-06-01T16:00:00Z", "2025-06-04T00:00:00Z", 50'000);
  ASSERT_TRUE(r.ok());
  ASSERT_TRUE(r->plan.has_value());
  EXPECT_EQ(r->plan->demand_kg, 50'000);
  EXPECT_EQ(r->plan->shipped_kg, 30'000);
  EXPECT_EQ(r->plan->shortfall_kg, 20'000);
  // MakeRoute's cost: 2.5 USD per kg per leg, two legs.
  EXPECT_EQ(r->plan->total_cost_micros, 30'000 * 2 * 2'500'000LL);
  EXPECT_THAT(RouteIds(*network, r->plan->bookings), ElementsAre("A:30000", "L:30000"));
  auto small = Compute(*network, "SHE", "YVR", "2025-06-01T16:00:00Z", "2025-06-04T00:00:00Z", 0);
  ASSERT_TRUE(small.ok());
  EXPECT_EQ(small->plan->shipped_kg, 0);
  EXPECT_THAT(small->plan->bookings, IsEmpty());
}

// DST at the hub. SHE --S, Sun 08:00 +08:00 (Sun 00:00Z), 420 min--> ORD lands 07:00Z, ready to
// connect 09:00Z (ORD connection 120 min). ORD --N, Sun 03:30 local, 300 min--> ANC.
//   Sun 2025-03-02: 03:30 CST = 09:30Z  -> connects
//   Sun 2025-03-09: clocks go 02:00 -> 03:00; 03:30 CDT = 08:30Z -> half an hour too early
std::shared_ptr<const Network> DstHub() {
  auto network =
      test::Build({WithTimes(test::Shenyang(), 120, 0, 60), WithTimes(test::Chicago(), 120, 60, 60),
                   WithTimes(test::Anchorage(), 120, 60, 60)},
                  {Flight("S", "SHE", "ORD", {{Weekday::kSunday, "08:00"}}, 420, 50'000),
                   Flight("N", "ORD", "ANC", {{Weekday::kSunday, "03:30"}}, 300, 35'000)});
  EXPECT_TRUE(network.ok());
  return *network;
}

TEST(ScheduleCapacity, ADstChangeAtTheHubBreaksAConnectionThatHoldsTheWeekBefore) {
  const auto network = DstHub();
  auto before = Compute(*network, "SHE", "ANC", "2025-03-01T23:00:00Z", "2025-03-03T00:00:00Z");
  ASSERT_TRUE(before.ok()) << before.error().ToString();
  EXPECT_EQ(before->max_kg, 35'000);
  ASSERT_EQ(before->bookings.size(), 2u);
  EXPECT_EQ(before->bookings[1].departure.utc, Utc("2025-03-02T09:30:00Z"));
  EXPECT_EQ(before->bookings[1].departure.utc_offset, minutes{-6 * 60});

  auto change = Compute(*network, "SHE", "ANC", "2025-03-08T23:00:00Z", "2025-03-10T00:00:00Z");
  ASSERT_TRUE(change.ok());
  EXPECT_EQ(change->max_kg, 0);
  EXPECT_EQ(change->reason, NoScheduleReason::kConnectionTooShort);
}

TEST(ScheduleCapacity, ReasonsWhenNothingArrives) {
  const auto network = TwoFeeders();
  // Only Monday flights; Tuesday to Thursday: nothing leaves SHE.
  auto quiet = Compute(*network, "SHE", "YVR", "2025-06-03T00:00:00Z", "2025-06-06T00:00:00Z");
  ASSERT_TRUE(quiet.ok());
  EXPECT_EQ(quiet->reason, NoScheduleReason::kNoDepartureInWindow);
  EXPECT_THAT(quiet->reason_detail, HasSubstr("no usable flight towards YVR leaves SHE"));
  // No route at all from YVR back to SHE.
  auto back = Compute(*network, "YVR", "SHE", "2025-06-01T16:00:00Z", "2025-06-04T00:00:00Z");
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(back->reason, NoScheduleReason::kNoRoute);
  EXPECT_EQ(back->static_weekly_kg, 0);
  // Ready after A left: B lands after L left even without connection times.
  auto late = Compute(*network, "SHE", "YVR", "2025-06-02T02:00:00Z", "2025-06-04T00:00:00Z");
  ASSERT_TRUE(late.ok());
  EXPECT_EQ(late->max_kg, 0);
  EXPECT_EQ(late->reason, NoScheduleReason::kNoConnection);
  EXPECT_STREQ(NoScheduleReasonName(late->reason), "NO_CONNECTION");
}

TEST(ScheduleCapacity, RejectsBadQueriesNamingTheField) {
  const auto network = TwoFeeders();
  const ScenarioView view = test::OperatingView(*network);
  const AirportId she = *network->FindAirport("SHE");
  const AirportId yvr = *network->FindAirport("YVR");
  const sys_seconds ready = Utc("2025-06-02T00:00:00Z");
  auto run = [&](ScheduleCapacityQuery q) {
    FlowWorkspace workspace;
    StopCheck stop;
    return ComputeScheduleCapacity(view, q, workspace, stop);
  };
  auto field = [&](ScheduleCapacityQuery q) {
    auto r = run(std::move(q));
    return r.ok() ? std::string("ok") : r.error().field;
  };
  const ScheduleCapacityQuery good{she, {yvr}, ready, ready + std::chrono::days{3}, {}, 1.0};
  EXPECT_EQ(field(good), "ok");
  auto q = good;
  q.deadline = ready;
  EXPECT_EQ(field(q), "deadline");
  q.deadline = ready - minutes{1};
  EXPECT_EQ(field(q), "deadline");
  q.deadline = ready + kMaxScheduleWindow;
  EXPECT_EQ(field(q), "ok");
  q.deadline = ready + kMaxScheduleWindow + std::chrono::seconds{1};
  auto too_long = run(q);
  ASSERT_FALSE(too_long.ok());
  EXPECT_EQ(too_long.error().code, ErrorCode::kInvalidArgument);
  EXPECT_THAT(too_long.error().message, HasSubstr("at most 31 days"));
  q = good;
  q.destinations = {};
  EXPECT_EQ(field(q), "destinations");
  q.destinations = {yvr, she};
  EXPECT_EQ(field(q), "destinations[1]");
  q.destinations = {AirportId(99)};
  EXPECT_EQ(run(q).error().code, ErrorCode::kNotFound);
  q = good;
  q.origin = AirportId(99);
  EXPECT_EQ(field(q), "origin");
  q = good;
  q.demand_kg = -1;
  EXPECT_EQ(field(q), "demand_kg");
  q.demand_kg = kMaxScheduleDemandKg + 1;
  EXPECT_EQ(field(q), "demand_kg");
  q = good;
  for (double f :
       {0.0, -1.0, std::nan(""), kMaxCapacityFactor * 2, std::numeric_limits<double>::infinity()}) {
    q.flight_capacity_factor = f;
    EXPECT_EQ(field(q), "flight_capacity_factor") << f;
  }
}

TEST(ScheduleCapacity, TooManyDatedFlightsInTheWindowIsResourceExhaustedBeforeExpanding) {
  // n parallel routes of 70 flights a week; a 31-day window counts 5 weeks: n x 350 flights.
  auto build = [](int n) {
    std::vector<RouteInput> routes;
    for (int i = 0; i < n; ++i) {
      RouteInput r = test::MakeRoute("R" + std::to_string(i), "SHE", "YVR");
      r.departures.clear();
      r.flights_per_week = 70;
      routes.push_back(std::move(r));
    }
    auto network = test::Build({test::Shenyang(), test::Vancouver()}, std::move(routes));
    EXPECT_TRUE(network.ok());
    return *network;
  };
  const auto over = build(2858);  // 1,000,300 > kMaxScheduleFlights
  auto r = Compute(*over, "SHE", "YVR", "2025-06-01T00:00:00Z", "2025-07-02T00:00:00Z");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kResourceExhausted);
  EXPECT_EQ(r.error().field, "deadline");
  // A shorter window over the same routes is answered.
  auto shorter = Compute(*over, "SHE", "YVR", "2025-06-01T00:00:00Z", "2025-06-02T00:00:00Z");
  ASSERT_TRUE(shorter.ok()) << shorter.error().ToString();
  EXPECT_GT(shorter->max_kg, 0);
}

TEST(ScheduleCapacity, StopsAtTheStopCheck) {
  const auto network = TwoFeeders();
  const ScenarioView view = test::OperatingView(*network);
  ScheduleCapacityQuery q{*network->FindAirport("SHE"),
                          {*network->FindAirport("YVR")},
                          Utc("2025-06-01T16:00:00Z"),
                          Utc("2025-06-04T00:00:00Z"),
                          {},
                          1.0};
  FlowWorkspace workspace;
  StopCheck stop(StopCheck::Clock::now() - std::chrono::seconds{1}, {}, 1);
  auto r = ComputeScheduleCapacity(view, q, workspace, stop);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kDeadlineExceeded);
}

ScheduleCapacityResult RandomAnswer(const test::RandomTimetable& t, std::uint32_t origin,
                                    std::uint32_t destination, sys_seconds ready,
                                    sys_seconds deadline) {
  const ScenarioView view = test::OperatingView(*t.network);
  ScheduleCapacityQuery q{AirportId(origin), {AirportId(destination)}, ready, deadline, {}, 1.0};
  FlowWorkspace workspace;
  StopCheck stop;
  auto r = ComputeScheduleCapacity(view, q, workspace, stop);
  EXPECT_TRUE(r.ok()) << r.error().ToString();
  return r.ok() ? *r : ScheduleCapacityResult{};
}

TEST(ScheduleCapacityProperties, AShorterDeadlineNeverDeliversMore) {
  for (std::uint32_t seed = 1; seed <= 40; ++seed) {
    const test::RandomTimetable t = test::MakeRandomTimetable(seed, 5, 16);
    const std::uint32_t origin = seed % 5;
    const std::uint32_t destination = (origin + 1 + seed % 4) % 5;
    const sys_seconds ready = Utc("2025-06-02T00:00:00Z") + minutes{seed * 97};
    std::int64_t previous = std::numeric_limits<std::int64_t>::max();
    for (int hours = 10 * 24; hours > 0; hours -= 7) {
      const auto r = RandomAnswer(t, origin, destination, ready, ready + std::chrono::hours{hours});
      EXPECT_LE(r.max_kg, previous) << "seed " << seed << ", " << hours << " h";
      previous = r.max_kg;
    }
  }
}

TEST(ScheduleCapacityProperties, WholeWeeksNeverBeatTheStaticWeeklyFigureTimesTheWeeks) {
  int binding = 0;
  for (std::uint32_t seed = 1; seed <= 40; ++seed) {
    const test::RandomTimetable t = test::MakeRandomTimetable(seed + 1000, 6, 18);
    const std::uint32_t origin = seed % 6;
    const std::uint32_t destination = (origin + 1 + seed % 5) % 6;
    const sys_seconds ready = Utc("2025-06-02T00:00:00Z") + minutes{seed * 131};
    for (int weeks = 1; weeks <= 4; ++weeks) {
      const auto r =
          RandomAnswer(t, origin, destination, ready, ready + std::chrono::days{7 * weeks});
      EXPECT_EQ(r.static_window_kg, r.static_weekly_kg * weeks);
      EXPECT_LE(r.max_kg, r.static_window_kg) << "seed " << seed << ", " << weeks << " weeks";
      if (weeks == 4 && r.static_weekly_kg > 0 && r.max_kg >= 2 * r.static_weekly_kg) ++binding;
    }
  }
  // Over four weeks the schedule gets close to the weekly figure on most pairs that have one.
  EXPECT_GE(binding, 5);
}

}  // namespace
}  // namespace aircargo::routes
