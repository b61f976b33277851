// PlanItinerary on small timetables: date line and DST in the results, weekly freighters missed by
// a minute, export clearance and connection times, arrive-by against the forward search, reason
// codes, validation and the stop hook.
#include "routes/itinerary/plan_itinerary.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <chrono>
#include <memory>

#include "tests/routes/itinerary/itinerary_test_parts.h"

namespace aircargo::routes {
namespace {

using std::chrono::minutes;
using test::Flight;
using test::Utc;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::SizeIs;

std::chrono::year_month_day Date(int y, unsigned m, unsigned d) {
  return std::chrono::year_month_day{std::chrono::year{y}, std::chrono::month{m},
                                     std::chrono::day{d}};
}

// SHE --SHE-YVR, Sun 19:30 +08:00, 721 min--> YVR. SHE/YVR: connection 120, export 180,
// import 240.
std::shared_ptr<const Network> WeeklyTranspacific() {
  auto network = test::Build({test::Shenyang(), test::Vancouver()},
                             {Flight("SHE-YVR", "SHE", "YVR", {{Weekday{7}, "19:30"}}, 721)});
  EXPECT_TRUE(network.ok());
  return *network;
}

// SHE --SHE-ICN, daily 10:00 +08:00, 120 min--> ICN --ICN-YVR-A, Mon 14:59 +09:00, 600 min--> YVR
//                                                  \--ICN-YVR-B, Mon 15:00 +09:00, 600 min--> YVR
// SHE --SHE-YVR, Sun 19:30 +08:00, 721 min------------------------------------------------> YVR
// Connection 120 min at ICN: SHE-ICN lands 13:00 KST, so 15:00 connects and 14:59 does not.
std::shared_ptr<const Network> ViaIncheon() {
  auto network = test::Build({test::Shenyang(), test::Incheon(), test::Vancouver()},
                             {Flight("SHE-ICN", "SHE", "ICN",
                                     {{Weekday{1}, "10:00"},
                                      {Weekday{2}, "10:00"},
                                      {Weekday{3}, "10:00"},
                                      {Weekday{4}, "10:00"},
                                      {Weekday{5}, "10:00"},
                                      {Weekday{6}, "10:00"},
                                      {Weekday{7}, "10:00"}},
                                     120),
                              Flight("ICN-YVR-A", "ICN", "YVR", {{Weekday{1}, "14:59"}}, 600),
                              Flight("ICN-YVR-B", "ICN", "YVR", {{Weekday{1}, "15:00"}}, 600),
                              Flight("SHE-YVR", "SHE", "YVR", {{Weekday{7}, "19:30"}}, 721)});
  EXPECT_TRUE(network.ok());
  return *network;
}

Result<ItineraryPlan> Plan(const Network& network, ItineraryQuery query) {
  const ScenarioView view = test::OperatingView(network);
  StopCheck stop;
  return PlanItinerary(view, query, stop);
}

ItineraryQuery Query(const Network& network, const char* from, const char* to,
                     const char* ready_utc) {
  ItineraryQuery q;
  q.origin = *network.FindAirport(from);
  q.destination = *network.FindAirport(to);
  q.ready = Utc(ready_utc);
  return q;
}

TEST(PlanItinerary, CrossingTheDateLineArrivesEarlierInLocalClockTimeThanItLeft) {
  auto network = WeeklyTranspacific();
  // Ready Sun 1 Jun 12:00 in Shenyang (04:00Z).
  auto plan = Plan(*network, Query(*network, "SHE", "YVR", "2025-06-01T04:00:00Z"));
  ASSERT_TRUE(plan.ok()) << plan.error().ToString();
  ASSERT_THAT(plan->itineraries, SizeIs(1));
  const Itinerary& it = plan->itineraries[0];
  ASSERT_THAT(it.legs, SizeIs(1));
  const ItineraryLeg& leg = it.legs[0];
  EXPECT_EQ(leg.flight_date, Date(2025, 6, 1));
  EXPECT_EQ(leg.departure.utc, Utc("2025-06-01T11:30:00Z"));
  EXPECT_EQ(leg.departure.utc_offset, minutes{480});
  EXPECT_EQ(leg.arrival.utc, Utc("2025-06-01T23:31:00Z"));
  EXPECT_EQ(leg.arrival.utc_offset, minutes{-420});
  // 19:30 local in Shenyang, 16:31 the same day local in Vancouver.
  EXPECT_EQ(FormatLocal(leg.departure.utc, leg.departure.utc_offset), "2025-06-01 19:30 +08:00");
  EXPECT_EQ(FormatLocal(leg.arrival.utc, leg.arrival.utc_offset), "2025-06-01 16:31 -07:00");
  EXPECT_LT(leg.arrival.utc + leg.arrival.utc_offset, leg.departure.utc + leg.departure.utc_offset);
  EXPECT_EQ(leg.wait, minutes{270});  // export clearance done 15:00, departure 19:30
  EXPECT_EQ(it.export_clearance.end.utc, Utc("2025-06-01T07:00:00Z"));
  EXPECT_EQ(it.import_clearance.start.utc, Utc("2025-06-01T23:31:00Z"));
  EXPECT_EQ(it.import_clearance.end.utc, Utc("2025-06-02T03:31:00Z"));
  EXPECT_EQ(it.delivered.utc, Utc("2025-06-02T03:31:00Z"));
  EXPECT_EQ(it.door_to_door, minutes{23 * 60 + 31});
}

TEST(PlanItinerary, WeeklyFreighterMissedByOneMinuteMeansAWeeksWait) {
  auto network = WeeklyTranspacific();
  // Export clearance (180 min) from 16:30 ends at 19:30 sharp: the flight is caught.
  auto caught = Plan(*network, Query(*network, "SHE", "YVR", "2025-06-01T08:30:00Z"));
  ASSERT_TRUE(caught.ok());
  ASSERT_THAT(caught->itineraries, SizeIs(1));
  EXPECT_EQ(caught->itineraries[0].legs[0].departure.utc, Utc("2025-06-01T11:30:00Z"));
  EXPECT_EQ(caught->itineraries[0].legs[0].wait, minutes{0});

  auto missed = Plan(*network, Query(*network, "SHE", "YVR", "2025-06-01T08:31:00Z"));
  ASSERT_TRUE(missed.ok());
  ASSERT_THAT(missed->itineraries, SizeIs(1));
  EXPECT_EQ(missed->itineraries[0].legs[0].departure.utc, Utc("2025-06-08T11:30:00Z"));
  EXPECT_EQ(missed->itineraries[0].legs[0].wait, minutes{7 * 24 * 60 - 1});
  EXPECT_EQ(missed->itineraries[0].legs[0].flight_date, Date(2025, 6, 8));
}

TEST(PlanItinerary, WaitAcrossVancouverSpringForwardCountsRealMinutes) {
  auto network = test::Build({test::Shenyang(), test::Vancouver()},
                             {Flight("YVR-SHE", "YVR", "SHE", {{Weekday{7}, "20:35"}}, 721)});
  ASSERT_TRUE(network.ok());
  // Ready Sat 8 Mar 12:00 PST (20:00Z); clearance until 15:00 PST; departure Sun 9 Mar 20:35 PDT.
  auto plan = Plan(**network, Query(**network, "YVR", "SHE", "2025-03-08T20:00:00Z"));
  ASSERT_TRUE(plan.ok());
  ASSERT_THAT(plan->itineraries, SizeIs(1));
  const Itinerary& it = plan->itineraries[0];
  EXPECT_EQ(it.ready.utc_offset, minutes{-480});
  EXPECT_EQ(it.legs[0].departure.utc, Utc("2025-03-10T03:35:00Z"));
  EXPECT_EQ(it.legs[0].departure.utc_offset, minutes{-420});
  EXPECT_EQ(it.legs[0].wait, minutes{28 * 60 + 35});  // not 29h35 as a fixed -08:00 would say
}

TEST(PlanItinerary, ConnectionTimeDecidesWhichFlightConnects) {
  auto network = ViaIncheon();
  ItineraryQuery q = Query(*network, "SHE", "YVR", "2025-06-01T22:00:00Z");  // Mon 06:00 local
  q.k = 3;
  auto plan = Plan(*network, q);
  ASSERT_TRUE(plan.ok()) << plan.error().ToString();
  ASSERT_THAT(plan->itineraries, SizeIs(3));
  const RouteId she_icn = *network->FindRoute("SHE-ICN");
  const RouteId icn_yvr_a = *network->FindRoute("ICN-YVR-A");
  const RouteId icn_yvr_b = *network->FindRoute("ICN-YVR-B");

  const Itinerary& first = plan->itineraries[0];
  ASSERT_THAT(first.legs, SizeIs(2));
  EXPECT_EQ(first.legs[0].route, she_icn);
  EXPECT_EQ(first.legs[0].departure.utc, Utc("2025-06-02T02:00:00Z"));
  EXPECT_EQ(first.legs[1].route, icn_yvr_b);  // 14:59 leaves a minute before cargo may connect
  EXPECT_EQ(first.legs[1].departure.utc, Utc("2025-06-02T06:00:00Z"));
  EXPECT_EQ(first.legs[1].connection, minutes{120});
  EXPECT_EQ(first.legs[1].wait, minutes{0});

  // Then the direct weekly freighter on Sunday 8 June (delivered 9 Jun 03:31Z).
  ASSERT_THAT(plan->itineraries[1].legs, SizeIs(1));
  EXPECT_EQ(plan->itineraries[1].legs[0].route, *network->FindRoute("SHE-YVR"));
  EXPECT_EQ(plan->itineraries[1].delivered.utc, Utc("2025-06-09T03:31:00Z"));

  // Then the 14:59 a week later, fed by the last SHE-ICN that still connects (Sun 8 Jun).
  const Itinerary& second = plan->itineraries[2];
  ASSERT_THAT(second.legs, SizeIs(2));
  EXPECT_EQ(second.legs[0].departure.utc, Utc("2025-06-08T02:00:00Z"));
  EXPECT_EQ(second.legs[0].wait, minutes{6 * 24 * 60 + 60});
  EXPECT_EQ(second.legs[1].route, icn_yvr_a);
  EXPECT_EQ(second.legs[1].departure.utc, Utc("2025-06-09T05:59:00Z"));
  EXPECT_EQ(second.legs[1].wait, minutes{23 * 60 + 59});
  EXPECT_LT(plan->itineraries[1].delivered.utc, second.delivered.utc);
}

TEST(PlanItinerary, LatestReadyDeliversByArriveByAndOneMinuteLaterDoesNot) {
  auto network = ViaIncheon();
  ItineraryQuery q = Query(*network, "SHE", "YVR", "2025-06-01T22:00:00Z");
  q.arrive_by = Utc("2025-06-12T12:00:00Z");
  auto plan = Plan(*network, q);
  ASSERT_TRUE(plan.ok()) << plan.error().ToString();
  ASSERT_TRUE(plan->latest_ready.has_value());
  // SHE-ICN Mon 9 Jun 10:00 local (02:00Z) + ICN-YVR-B: hand over by 07:00 local = 23:00Z Sun.
  EXPECT_EQ(plan->latest_ready->ready.utc, Utc("2025-06-08T23:00:00Z"));
  EXPECT_EQ(plan->latest_ready->ready.utc_offset, minutes{480});
  EXPECT_LE(plan->latest_ready->itinerary.delivered.utc, *q.arrive_by);
  EXPECT_TRUE(plan->latest_ready->itinerary.meets_arrive_by);

  ItineraryQuery later = q;
  later.ready = plan->latest_ready->ready.utc + minutes{1};
  later.arrive_by.reset();
  auto after = Plan(*network, later);
  ASSERT_TRUE(after.ok());
  ASSERT_FALSE(after->itineraries.empty());
  EXPECT_GT(after->itineraries[0].delivered.utc, *q.arrive_by);
}

TEST(PlanItinerary, ArriveByBeforeAnyPossibleDeliveryHasAReason) {
  auto network = WeeklyTranspacific();
  ItineraryQuery q = Query(*network, "SHE", "YVR", "2025-06-01T04:00:00Z");
  q.arrive_by = Utc("2025-06-02T03:30:00Z");  // the first delivery is at 03:31Z
  auto plan = Plan(*network, q);
  ASSERT_TRUE(plan.ok());
  EXPECT_FALSE(plan->latest_ready.has_value());
  EXPECT_EQ(plan->latest_ready_reason, NoItineraryReason::kArriveByTooEarly);
  ASSERT_THAT(plan->itineraries, SizeIs(1));
  EXPECT_FALSE(plan->itineraries[0].meets_arrive_by);
}

TEST(PlanItinerary, ShipmentLargerThanEveryFlightIsPayloadTooSmall) {
  auto network = WeeklyTranspacific();
  ItineraryQuery q = Query(*network, "SHE", "YVR", "2025-06-01T04:00:00Z");
  q.shipment_kg = 50'000;  // the freighter carries 40,000 kg
  auto plan = Plan(*network, q);
  ASSERT_TRUE(plan.ok());
  EXPECT_THAT(plan->itineraries, SizeIs(0));
  EXPECT_EQ(plan->reason, NoItineraryReason::kPayloadTooSmall);
  EXPECT_THAT(plan->payload_too_small, ElementsAre(RouteId{0}));
}

TEST(PlanItinerary, NoFlightInTheHorizonIsNoDepartureInHorizon) {
  auto network = WeeklyTranspacific();
  ItineraryQuery q = Query(*network, "SHE", "YVR", "2025-06-02T01:00:00Z");  // Monday
  q.horizon = std::chrono::days{3};
  auto plan = Plan(*network, q);
  ASSERT_TRUE(plan.ok());
  EXPECT_THAT(plan->itineraries, SizeIs(0));
  EXPECT_EQ(plan->reason, NoItineraryReason::kNoDepartureInHorizon);
  EXPECT_THAT(plan->reason_detail, HasSubstr("SHE"));
}

TEST(PlanItinerary, OnlyMissedConnectionsIsConnectionTooShort) {
  // SHE --Mon 10:00, 120 min--> ICN (lands 13:00 KST) --Mon 14:59--> YVR; connection 120 min.
  auto network = test::Build({test::Shenyang(), test::Incheon(), test::Vancouver()},
                             {Flight("SHE-ICN", "SHE", "ICN", {{Weekday{1}, "10:00"}}, 120),
                              Flight("ICN-YVR", "ICN", "YVR", {{Weekday{1}, "14:59"}}, 600)});
  ASSERT_TRUE(network.ok());
  ItineraryQuery q = Query(**network, "SHE", "YVR", "2025-06-01T22:00:00Z");
  q.horizon = std::chrono::days{3};
  auto plan = Plan(**network, q);
  ASSERT_TRUE(plan.ok());
  EXPECT_THAT(plan->itineraries, SizeIs(0));
  EXPECT_EQ(plan->reason, NoItineraryReason::kConnectionTooShort);
}

TEST(PlanItinerary, UnconnectedAirportsAreNoConnection) {
  auto network = test::Build({test::Shenyang(), test::Incheon(), test::Vancouver()},
                             {Flight("SHE-ICN", "SHE", "ICN", {{Weekday{1}, "10:00"}}, 120),
                              Flight("YVR-SHE", "YVR", "SHE", {{Weekday{1}, "14:59"}}, 600)});
  ASSERT_TRUE(network.ok());
  auto plan = Plan(**network, Query(**network, "SHE", "YVR", "2025-06-01T22:00:00Z"));
  ASSERT_TRUE(plan.ok());
  EXPECT_THAT(plan->itineraries, SizeIs(0));
  EXPECT_EQ(plan->reason, NoItineraryReason::kNoConnection);
}

TEST(PlanItinerary, ClosedRouteIsNotBooked) {
  auto network = ViaIncheon();
  Scenario scenario;
  scenario.as_of = Date(2030, 1, 1);
  scenario.closed_routes = {*network->FindRoute("ICN-YVR-B")};
  auto view = ScenarioView::Make(*network, scenario);
  ASSERT_TRUE(view.ok());
  StopCheck stop;
  auto plan = PlanItinerary(*view, Query(*network, "SHE", "YVR", "2025-06-01T22:00:00Z"), stop);
  ASSERT_TRUE(plan.ok());
  ASSERT_THAT(plan->itineraries, SizeIs(1));
  for (const ItineraryLeg& leg : plan->itineraries[0].legs) {
    EXPECT_NE(leg.route, *network->FindRoute("ICN-YVR-B"));
  }
}

TEST(PlanItinerary, RejectsOutOfRangeQueriesNamingTheField) {
  auto network = WeeklyTranspacific();
  const ItineraryQuery base = Query(*network, "SHE", "YVR", "2025-06-01T04:00:00Z");
  auto field_of = [&](ItineraryQuery q) {
    auto plan = Plan(*network, q);
    EXPECT_FALSE(plan.ok());
    if (plan.ok()) return std::string("<ok>");
    EXPECT_EQ(plan.error().code, ErrorCode::kInvalidArgument);
    return plan.error().field;
  };
  ItineraryQuery q = base;
  q.k = 0;
  EXPECT_EQ(field_of(q), "k");
  q = base;
  q.horizon = std::chrono::days{61};
  EXPECT_EQ(field_of(q), "horizon");
  q = base;
  q.horizon = minutes{0};
  EXPECT_EQ(field_of(q), "horizon");
  q = base;
  q.arrive_by = base.ready - minutes{1};
  EXPECT_EQ(field_of(q), "arrive_by");
  q = base;
  q.shipment_kg = -1;
  EXPECT_EQ(field_of(q), "shipment_kg");
  q = base;
  q.destination = q.origin;
  EXPECT_EQ(field_of(q), "destination");
}

TEST(PlanItinerary, ExpiredDeadlineStopsTheSearch) {
  // 600 SHE-ICN shuttles in 60 days and ICN-YVR only from 2026: the scan reads every flight.
  RouteInput shuttle = Flight("SHE-ICN", "SHE", "ICN", {}, 120);
  shuttle.flights_per_week = 70;  // no departures listed: spread every 144 minutes
  RouteInput onward = Flight("ICN-YVR", "ICN", "YVR", {{Weekday{1}, "10:00"}}, 600);
  onward.effective_from = "2026-01-05";
  auto network =
      test::Build({test::Shenyang(), test::Incheon(), test::Vancouver()}, {shuttle, onward});
  ASSERT_TRUE(network.ok());
  const ScenarioView view = test::OperatingView(**network);
  ItineraryQuery q = Query(**network, "SHE", "YVR", "2025-06-01T04:00:00Z");
  q.horizon = std::chrono::days{60};
  StopCheck expired(StopCheck::Clock::now() - std::chrono::seconds{1});
  auto plan = PlanItinerary(view, q, expired);
  ASSERT_FALSE(plan.ok());
  EXPECT_EQ(plan.error().code, ErrorCode::kDeadlineExceeded);
}

}  // namespace
}  // namespace aircargo::routes
