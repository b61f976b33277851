// Dated flights and local times: weekly departures become UTC instants through the origin's IANA
// zone (DST in Vancouver in March and November), the text forms, and the DST edge rules.
#include "routes/itinerary/dated_flights.h"

#include <date/date.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <chrono>
#include <cstdint>
#include <random>
#include <vector>

#include "routes/itinerary/local_time.h"
#include "tests/routes/itinerary/itinerary_test_parts.h"

namespace aircargo::routes {
namespace {

using std::chrono::minutes;
using test::Flight;
using test::Utc;
using ::testing::ElementsAre;
using ::testing::Optional;

std::vector<std::chrono::sys_seconds> Departures(const std::vector<DatedFlight>& flights) {
  std::vector<std::chrono::sys_seconds> out;
  for (const DatedFlight& f : flights) out.push_back(f.departure);
  return out;
}

TimeZone Zone(const char* name) {
  auto zone = TimeZone::Find(name);
  EXPECT_TRUE(zone.ok()) << name;
  return *zone;
}

// Vancouver: YVR -> SHE, Sundays 20:35 local. DST starts Sun 9 Mar 2025 02:00 (PST -8 -> PDT -7).
std::shared_ptr<const Network> VancouverWeekly(const char* local_time) {
  auto network = test::Build({test::Shenyang(), test::Vancouver()},
                             {Flight("YVR-SHE", "YVR", "SHE", {{Weekday{7}, local_time}}, 721)});
  EXPECT_TRUE(network.ok());
  return *network;
}

TEST(DatedFlights, SundayEveningDepartureMovesOneHourInUtcWhenVancouverSpringsForward) {
  auto network = VancouverWeekly("20:35");
  const auto flights =
      ExpandRoute(RouteId{0}, network->route(RouteId{0}), Zone("America/Vancouver"),
                  Utc("2025-03-01T00:00:00Z"), Utc("2025-03-12T00:00:00Z"));
  // 2 Mar 20:35 PST = 3 Mar 04:35Z; 9 Mar 20:35 PDT = 10 Mar 03:35Z.
  EXPECT_THAT(Departures(flights),
              ElementsAre(Utc("2025-03-03T04:35:00Z"), Utc("2025-03-10T03:35:00Z")));
  ASSERT_EQ(flights.size(), 2u);
  EXPECT_EQ(flights[1].arrival - flights[1].departure, minutes{721});
  EXPECT_EQ(flights[1].date, std::chrono::year_month_day(std::chrono::year{2025},
                                                         std::chrono::March, std::chrono::day{9}));
}

TEST(DatedFlights, SundayEveningDepartureMovesOneHourLaterInUtcWhenVancouverFallsBack) {
  auto network = VancouverWeekly("20:35");
  const auto flights =
      ExpandRoute(RouteId{0}, network->route(RouteId{0}), Zone("America/Vancouver"),
                  Utc("2025-10-25T00:00:00Z"), Utc("2025-11-05T00:00:00Z"));
  // 26 Oct 20:35 PDT = 27 Oct 03:35Z; 2 Nov 20:35 PST = 3 Nov 04:35Z.
  EXPECT_THAT(Departures(flights),
              ElementsAre(Utc("2025-10-27T03:35:00Z"), Utc("2025-11-03T04:35:00Z")));
}

TEST(DatedFlights, DepartureInsideTheSpringForwardGapLeavesWhenTheGapEnds) {
  auto network = VancouverWeekly("02:30");
  const auto flights =
      ExpandRoute(RouteId{0}, network->route(RouteId{0}), Zone("America/Vancouver"),
                  Utc("2025-03-09T00:00:00Z"), Utc("2025-03-10T00:00:00Z"));
  // 02:30 does not exist on 9 Mar; the gap ends at 03:00 PDT = 10:00Z.
  EXPECT_THAT(Departures(flights), ElementsAre(Utc("2025-03-09T10:00:00Z")));
}

TEST(DatedFlights, DepartureInTheRepeatedFallBackHourTakesTheFirstOccurrence) {
  auto network = VancouverWeekly("01:30");
  const auto flights =
      ExpandRoute(RouteId{0}, network->route(RouteId{0}), Zone("America/Vancouver"),
                  Utc("2025-11-02T00:00:00Z"), Utc("2025-11-03T00:00:00Z"));
  // 01:30 happens twice on 2 Nov; the first is PDT (-7): 08:30Z.
  EXPECT_THAT(Departures(flights), ElementsAre(Utc("2025-11-02T08:30:00Z")));
}

TEST(DatedFlights, RouteWithoutDeparturesSpreadsItsFlightsFromMondayMidnightLocal) {
  RouteInput spread = Flight("SHE-YVR", "SHE", "YVR", {}, 600);
  spread.flights_per_week = 3;
  auto network = test::Build({test::Shenyang(), test::Vancouver()}, {spread});
  ASSERT_TRUE(network.ok());
  const Route& route = (*network)->route(RouteId{0});
  // 10080 / 3 = 3360 minutes apart: Mon 00:00, Wed 08:00, Fri 16:00 (Shanghai, UTC+8).
  const auto flights = ExpandRoute(RouteId{0}, route, Zone("Asia/Shanghai"),
                                   Utc("2025-06-01T16:00:00Z"), Utc("2025-06-08T15:59:00Z"));
  EXPECT_THAT(Departures(flights),
              ElementsAre(Utc("2025-06-01T16:00:00Z"), Utc("2025-06-04T00:00:00Z"),
                          Utc("2025-06-06T08:00:00Z")));
}

TEST(DatedFlights, FlightsBeforeTheRoutesEffectiveDateAreLeftOut) {
  RouteInput late = Flight("SHE-YVR", "SHE", "YVR", {{Weekday{7}, "19:30"}}, 721);
  late.effective_from = "2025-06-08";
  auto network = test::Build({test::Shenyang(), test::Vancouver()}, {late});
  ASSERT_TRUE(network.ok());
  const auto flights = ExpandRoute(RouteId{0}, (*network)->route(RouteId{0}), Zone("Asia/Shanghai"),
                                   Utc("2025-06-01T00:00:00Z"), Utc("2025-06-16T00:00:00Z"));
  EXPECT_THAT(Departures(flights),
              ElementsAre(Utc("2025-06-08T11:30:00Z"), Utc("2025-06-15T11:30:00Z")));
}

TEST(DatedFlights, FlightsAfterTheRoutesEffectiveToDateAreLeftOut) {
  // Sundays 19:30 in Shenyang (11:30 UTC); the last day flown is Sunday 2025-06-08.
  RouteInput ending = Flight("SHE-YVR", "SHE", "YVR", {{Weekday{7}, "19:30"}}, 721);
  ending.effective_to = "2025-06-08";
  auto network = test::Build({test::Shenyang(), test::Vancouver()}, {ending});
  ASSERT_TRUE(network.ok());
  const auto flights = ExpandRoute(RouteId{0}, (*network)->route(RouteId{0}), Zone("Asia/Shanghai"),
                                   Utc("2025-06-01T00:00:00Z"), Utc("2025-06-30T00:00:00Z"));
  EXPECT_THAT(Departures(flights),
              ElementsAre(Utc("2025-06-01T11:30:00Z"), Utc("2025-06-08T11:30:00Z")));
}

TEST(DatedFlights, ExpandViewSkipsRoutesSmallerThanTheShipmentAndSortsByDeparture) {
  auto network = test::Build({test::Shenyang(), test::Vancouver()},
                             {Flight("BIG", "SHE", "YVR", {{Weekday{2}, "10:00"}}, 600, 40'000),
                              Flight("SMALL", "SHE", "YVR", {{Weekday{1}, "10:00"}}, 600, 1'500),
                              Flight("BACK", "YVR", "SHE", {{Weekday{1}, "10:00"}}, 600, 40'000)});
  ASSERT_TRUE(network.ok());
  const ScenarioView view = test::OperatingView(**network);
  StopCheck stop;
  auto table = ExpandView(view, Utc("2025-06-02T00:00:00Z"), Utc("2025-06-04T00:00:00Z"),
                          {.min_payload_kg = 20'000}, stop);
  ASSERT_TRUE(table.ok()) << table.error().ToString();
  EXPECT_THAT(table->payload_too_small, ElementsAre(RouteId{1}));
  // BIG Tue 02:00Z; BACK Mon 10:00 PDT = 17:00Z.
  EXPECT_THAT(Departures(table->flights),
              ElementsAre(Utc("2025-06-02T17:00:00Z"), Utc("2025-06-03T02:00:00Z")));
}

TEST(LocalTime, ParsesRfc3339WithZOrAnOffset) {
  EXPECT_THAT(ParseRfc3339("2025-06-02T09:00:00+08:00"), Optional(Utc("2025-06-02T01:00:00Z")));
  EXPECT_THAT(ParseRfc3339("2025-06-02T01:00Z"), Optional(Utc("2025-06-02T01:00:00Z")));
  EXPECT_THAT(ParseRfc3339("2025-06-01T18:00:00-07:00"), Optional(Utc("2025-06-02T01:00:00Z")));
  EXPECT_EQ(ParseRfc3339("2025-06-02 01:00:00"), std::nullopt);
  EXPECT_EQ(ParseRfc3339("2025-02-30T01:00:00Z"), std::nullopt);
  EXPECT_EQ(ParseRfc3339("2025-06-02T01:00:00.5Z"), std::nullopt);
}

TEST(LocalTime, ParsesLocalDateTimesAndRejectsImpossibleOnes) {
  const auto parsed = ParseLocalDateTime("2025-06-02 09:00");
  ASSERT_TRUE(parsed.has_value());
  EXPECT_EQ(Zone("Asia/Shanghai").ToUtc(*parsed), Utc("2025-06-02T01:00:00Z"));
  EXPECT_TRUE(ParseLocalDateTime("2025-06-02T09:00").has_value());
  EXPECT_EQ(ParseLocalDateTime("2025-06-02 24:00"), std::nullopt);
  EXPECT_EQ(ParseLocalDateTime("2025-02-29 09:00"), std::nullopt);
  EXPECT_EQ(ParseLocalDateTime("2025-06-02 09:00 +08:00"), std::nullopt);
}

TEST(LocalTime, FormatsLocalTimesWithTheirOffsetAndUtcAsRfc3339) {
  const auto instant = Utc("2025-06-02T01:00:00Z");
  EXPECT_EQ(FormatUtc(instant), "2025-06-02T01:00:00Z");
  EXPECT_EQ(FormatLocal(instant, minutes{480}), "2025-06-02 09:00 +08:00");
  EXPECT_EQ(FormatLocal(instant, minutes{-420}), "2025-06-01 18:00 -07:00");
  EXPECT_EQ(FormatUtcOffset(minutes{345}), "+05:45");
  EXPECT_EQ(Zone("America/Vancouver").OffsetAt(Utc("2025-01-15T00:00:00Z")), minutes{-480});
  EXPECT_EQ(Zone("America/Vancouver").OffsetAt(Utc("2025-07-15T00:00:00Z")), minutes{-420});
}

// FormatUtc and FormatLocal write the text themselves (years 0..9999); date::format is the oracle,
// over random instants from 1900 to 2200 with second precision, offsets from -12:00 to +14:00,
// midnights and the ends of the supported range.
TEST(LocalTime, FormattingMatchesDateFormatEverywhere) {
  std::mt19937_64 rng(20261202);
  const std::int64_t from = Utc("1900-01-01T00:00:00Z").time_since_epoch().count();
  const std::int64_t to = Utc("2200-01-01T00:00:00Z").time_since_epoch().count();
  std::vector<std::chrono::sys_seconds> instants{
      Utc("1970-01-01T00:00:00Z"), Utc("2024-02-29T23:59:59Z"), Utc("2025-12-31T23:30:00Z"),
      std::chrono::sys_seconds{std::chrono::sys_days{std::chrono::year{0} / 1 / 1}} + minutes{720},
      std::chrono::sys_seconds{std::chrono::sys_days{std::chrono::year{9999} / 12 / 31}} +
          std::chrono::seconds{86399 - 14 * 3600}};
  for (int i = 0; i < 20000; ++i) {
    instants.push_back(std::chrono::sys_seconds{
        std::chrono::seconds{std::uniform_int_distribution<std::int64_t>(from, to)(rng)}});
  }
  for (const std::chrono::sys_seconds instant : instants) {
    EXPECT_EQ(FormatUtc(instant), date::format("%Y-%m-%dT%H:%M:%SZ", instant));
    const minutes offset{std::uniform_int_distribution<int>(-12 * 60, 14 * 60)(rng)};
    const auto local = std::chrono::floor<minutes>(instant + offset);
    EXPECT_EQ(FormatLocal(instant, offset),
              date::format("%Y-%m-%d %H:%M ", local) + FormatUtcOffset(offset));
  }
  // Outside 0..9999 the text is date::format's own.
  const std::chrono::sys_seconds far{std::chrono::sys_days{std::chrono::year{10000} / 1 / 2}};
  EXPECT_EQ(FormatUtc(far), date::format("%Y-%m-%dT%H:%M:%SZ", far));
}

TEST(LocalTime, UnknownZoneIsInvalidArgumentNamingTheField) {
  auto zone = TimeZone::Find("Mars/Olympus", "airports[XXX].time_zone");
  ASSERT_FALSE(zone.ok());
  EXPECT_EQ(zone.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(zone.error().field, "airports[XXX].time_zone");
}

}  // namespace
}  // namespace aircargo::routes
