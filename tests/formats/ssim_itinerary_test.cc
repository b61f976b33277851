// Itineraries planned on imported SSIM schedules leave at the SSIM's STD in local time on the
// right dates, across the EU DST change of 29 March 2026: a local-time file with one period over
// the change (tests/formats/ssim/local_dst.ssim) and a UTC-time file split at it (utc_dst.ssim).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "formats/network_proto.h"
#include "routes/itinerary/local_time.h"
#include "routes/itinerary/plan_itinerary.h"
#include "routes/scenario_view.h"
#include "tests/formats/ssim_test_util.h"

namespace aircargo::formats {
namespace {

using std::chrono::year_month_day;

std::shared_ptr<const routes::Network> ImportFixture(const std::string& name) {
  auto message =
      ImportSsim({ssim_test::Fixture(name)}, ssim_test::FixtureAirports(), SsimOptions{}, nullptr);
  EXPECT_TRUE(message.ok()) << message.error().ToString();
  auto network = BuildNetwork(*message);
  EXPECT_TRUE(network.ok()) << network.error().ToString();
  return *network;
}

// The first leg of the earliest itinerary FRA -> JFK for cargo ready at `ready` (RFC 3339).
routes::ItineraryLeg FirstLeg(const routes::Network& network, year_month_day as_of,
                              const std::string& ready) {
  const routes::ScenarioView view = routes::ScenarioView::Operating(network, as_of);
  routes::ItineraryQuery query;
  query.origin = *network.FindAirport("FRA");
  query.destination = *network.FindAirport("JFK");
  query.ready = *routes::ParseRfc3339(ready);
  query.horizon = std::chrono::days{7};
  routes::StopCheck stop;
  auto plan = routes::PlanItinerary(view, query, stop);
  EXPECT_TRUE(plan.ok()) << plan.error().ToString();
  if (!plan.ok() || plan->itineraries.empty()) {
    ADD_FAILURE() << "no itinerary from " << ready;
    return {};
  }
  return plan->itineraries[0].legs.at(0);
}

std::string Local(const routes::AirportTime& t) { return routes::FormatLocal(t.utc, t.utc_offset); }

year_month_day Date(int month, int day) {
  return year_month_day{std::chrono::year{2026}, std::chrono::month{static_cast<unsigned>(month)},
                        std::chrono::day{static_cast<unsigned>(day)}};
}

TEST(SsimItinerary, LocalTimeFileDepartsAtItsStdOnBothSidesOfTheDstChange) {
  const auto network = ImportFixture("local_dst.ssim");
  // Friday 27 March, still +01:00: 10:00 local is 09:00Z.
  routes::ItineraryLeg leg = FirstLeg(*network, Date(3, 20), "2026-03-27T05:00:00Z");
  EXPECT_EQ(Local(leg.departure), "2026-03-27 10:00 +01:00");
  EXPECT_EQ(routes::FormatUtc(leg.departure.utc), "2026-03-27T09:00:00Z");
  EXPECT_EQ(Local(leg.arrival), "2026-03-27 12:50 -04:00");
  // Ready on Saturday 28th: the next day of operation is Monday 30th, now +02:00: 08:00Z.
  leg = FirstLeg(*network, Date(3, 20), "2026-03-28T05:00:00Z");
  EXPECT_EQ(leg.flight_date, Date(3, 30));
  EXPECT_EQ(Local(leg.departure), "2026-03-30 10:00 +02:00");
  EXPECT_EQ(routes::FormatUtc(leg.departure.utc), "2026-03-30T08:00:00Z");
  EXPECT_EQ(Local(leg.arrival), "2026-03-30 11:50 -04:00");  // 470 min block, as stated
  // After Friday 3 April the period (to 05APR26) has no flight: Monday 6 April is not flown.
  const routes::ScenarioView view = routes::ScenarioView::Operating(*network, Date(3, 20));
  routes::ItineraryQuery query;
  query.origin = *network->FindAirport("FRA");
  query.destination = *network->FindAirport("JFK");
  query.ready = *routes::ParseRfc3339("2026-04-03T12:00:00Z");
  query.horizon = std::chrono::days{7};
  routes::StopCheck stop;
  auto plan = routes::PlanItinerary(view, query, stop);
  ASSERT_TRUE(plan.ok());
  EXPECT_TRUE(plan->itineraries.empty());
  EXPECT_EQ(plan->reason, routes::NoItineraryReason::kNoDepartureInHorizon);
}

TEST(SsimItinerary, UtcTimeFileSplitAtTheChangeKeepsTheLocalStd) {
  const auto network = ImportFixture("utc_dst.ssim");
  routes::ItineraryLeg leg = FirstLeg(*network, Date(3, 27), "2026-03-27T05:00:00Z");
  EXPECT_EQ(Local(leg.departure), "2026-03-27 10:00 +01:00");  // 09:00Z +0100 in the file
  leg = FirstLeg(*network, Date(3, 30), "2026-03-30T05:00:00Z");
  EXPECT_EQ(Local(leg.departure), "2026-03-30 10:00 +02:00");  // 08:00Z +0200 in the file
  EXPECT_EQ(routes::FormatUtc(leg.departure.utc), "2026-03-30T08:00:00Z");
  // Wednesday 1 April, from Tuesday: the Wednesday flight, not Tuesday's (no Tuesday service).
  leg = FirstLeg(*network, Date(3, 30), "2026-03-31T09:00:00Z");
  EXPECT_EQ(leg.flight_date, Date(4, 1));
  EXPECT_EQ(Local(leg.departure), "2026-04-01 10:00 +02:00");
}

}  // namespace
}  // namespace aircargo::formats
