// NetworkBuilder validation: one test per rule. Each starts from a valid network, breaks one field
// and expects exactly one violation naming the field's path and the bad value.
//
//   SHE (Shenyang, CN) --SHE-YVR-W8, 1/wk freighter--> YVR (Vancouver, CA)
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <limits>
#include <string>

#include "routes/network_builder.h"
#include "tests/routes/test_parts.h"

namespace aircargo::routes {
namespace {

using test::Build;
using test::MakeRoute;
using test::Shenyang;
using test::Vancouver;
using test::Violation;
using test::ViolationsOf;
using ::testing::AllOf;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// Builds SHE and YVR with `she` in place of the valid Shenyang, and no routes.
std::vector<FieldViolation> AirportViolations(Airport she) {
  return ViolationsOf(Build({std::move(she), Vancouver()}, {}));
}

// Builds SHE, YVR and `route` (normally SHE -> YVR).
std::vector<FieldViolation> RouteViolations(RouteInput route) {
  return ViolationsOf(Build({Shenyang(), Vancouver()}, {std::move(route)}));
}

RouteInput SheYvr() { return MakeRoute("SHE-YVR-W8", "SHE", "YVR"); }

TEST(NetworkBuilderRules, BaseNetworkBuildsWhenNothingIsBroken) {
  EXPECT_THAT(RouteViolations(SheYvr()), IsEmpty());
  EXPECT_TRUE(Build({Shenyang(), Vancouver()}, {SheYvr()}).ok());
}

// --- Airports -------------------------------------------------------------------------------

TEST(NetworkBuilderRules, RejectsIataWhenLowercase) {
  Airport a = Shenyang();
  a.iata = "she";
  EXPECT_THAT(AirportViolations(a),
              ElementsAre(Violation("airports[0].iata", HasSubstr("\"she\""))));
}

TEST(NetworkBuilderRules, RejectsIataWhenFourLetters) {
  Airport a = Shenyang();
  a.iata = "SHEN";
  EXPECT_THAT(AirportViolations(a),
              ElementsAre(Violation("airports[0].iata", HasSubstr("\"SHEN\""))));
}

TEST(NetworkBuilderRules, RejectsIataWhenItHasADigit) {
  Airport a = Shenyang();
  a.iata = "SH3";
  EXPECT_THAT(AirportViolations(a),
              ElementsAre(Violation("airports[0].iata", HasSubstr("\"SH3\""))));
}

TEST(NetworkBuilderRules, RejectsIataWhenDuplicated) {
  //   SHE, YVR, SHE again
  EXPECT_THAT(ViolationsOf(Build({Shenyang(), Vancouver(), Shenyang()}, {})),
              ElementsAre(Violation("airports[2].iata", HasSubstr("duplicate airport \"SHE\""))));
}

TEST(NetworkBuilderRules, RejectsIcaoWhenNotFourUppercaseLettersOrDigits) {
  Airport a = Shenyang();
  a.icao = "zytx";
  EXPECT_THAT(AirportViolations(a),
              ElementsAre(Violation("airports[0].icao", HasSubstr("\"zytx\""))));
  a.icao = "ZYT";
  EXPECT_THAT(AirportViolations(a),
              ElementsAre(Violation("airports[0].icao", HasSubstr("\"ZYT\""))));
}

TEST(NetworkBuilderRules, AcceptsIcaoWhenEmpty) {
  Airport a = Shenyang();
  a.icao = "";
  EXPECT_THAT(AirportViolations(a), IsEmpty());
}

TEST(NetworkBuilderRules, RejectsCountryWhenNotTwoUppercaseLetters) {
  Airport a = Shenyang();
  a.country = "CHN";
  EXPECT_THAT(AirportViolations(a),
              ElementsAre(Violation("airports[0].country", HasSubstr("\"CHN\""))));
  a.country = "cn";
  EXPECT_THAT(AirportViolations(a),
              ElementsAre(Violation("airports[0].country", HasSubstr("\"cn\""))));
  a.country = "";
  EXPECT_THAT(AirportViolations(a),
              ElementsAre(Violation("airports[0].country", HasSubstr("\"\""))));
}

TEST(NetworkBuilderRules, RejectsLatitudeWhenAbove90) {
  Airport a = Shenyang();
  a.latitude_deg = 91.5;
  EXPECT_THAT(AirportViolations(a),
              ElementsAre(Violation("airports[0].latitude_deg", HasSubstr("91.5"))));
}

TEST(NetworkBuilderRules, RejectsLatitudeWhenBelowMinus90) {
  Airport a = Shenyang();
  a.latitude_deg = -90.25;
  EXPECT_THAT(AirportViolations(a),
              ElementsAre(Violation("airports[0].latitude_deg", HasSubstr("-90.25"))));
}

TEST(NetworkBuilderRules, RejectsLatitudeWhenNaN) {
  Airport a = Shenyang();
  a.latitude_deg = kNaN;
  EXPECT_THAT(AirportViolations(a),
              ElementsAre(Violation("airports[0].latitude_deg", HasSubstr("nan"))));
}

TEST(NetworkBuilderRules, AcceptsCoordinatesWhenOnTheLimits) {
  Airport a = Shenyang();
  a.latitude_deg = -90;
  a.longitude_deg = 180;
  EXPECT_THAT(AirportViolations(a), IsEmpty());
}

TEST(NetworkBuilderRules, RejectsLongitudeWhenAbove180) {
  Airport a = Shenyang();
  a.longitude_deg = 180.5;
  EXPECT_THAT(AirportViolations(a),
              ElementsAre(Violation("airports[0].longitude_deg", HasSubstr("180.5"))));
}

TEST(NetworkBuilderRules, RejectsLongitudeWhenBelowMinus180) {
  Airport a = Shenyang();
  a.longitude_deg = -200;
  EXPECT_THAT(AirportViolations(a),
              ElementsAre(Violation("airports[0].longitude_deg", HasSubstr("-200"))));
}

TEST(NetworkBuilderRules, RejectsLongitudeWhenNaN) {
  Airport a = Shenyang();
  a.longitude_deg = kNaN;
  EXPECT_THAT(AirportViolations(a),
              ElementsAre(Violation("airports[0].longitude_deg", HasSubstr("nan"))));
}

TEST(NetworkBuilderRules, RejectsTimeZoneWhenEmpty) {
  Airport a = Shenyang();
  a.time_zone = "";
  EXPECT_THAT(AirportViolations(a),
              ElementsAre(Violation("airports[0].time_zone", HasSubstr("is required"))));
}

TEST(NetworkBuilderRules, RejectsTimeZoneWhenUnknown) {
  Airport a = Shenyang();
  a.time_zone = "Asia/Shenyang";
  EXPECT_THAT(AirportViolations(a),
              ElementsAre(Violation("airports[0].time_zone", HasSubstr("\"Asia/Shenyang\""))));
}

TEST(NetworkBuilderRules, RejectsMinConnectionMinutesWhenNegative) {
  Airport a = Shenyang();
  a.min_connection_minutes = -5;
  EXPECT_THAT(AirportViolations(a),
              ElementsAre(Violation("airports[0].min_connection_minutes", HasSubstr("-5"))));
}

TEST(NetworkBuilderRules, RejectsExportClearanceMinutesWhenNegative) {
  Airport a = Shenyang();
  a.export_clearance_minutes = -6;
  EXPECT_THAT(AirportViolations(a),
              ElementsAre(Violation("airports[0].export_clearance_minutes", HasSubstr("-6"))));
}

TEST(NetworkBuilderRules, RejectsImportClearanceMinutesWhenNegative) {
  Airport a = Shenyang();
  a.import_clearance_minutes = -7;
  EXPECT_THAT(AirportViolations(a),
              ElementsAre(Violation("airports[0].import_clearance_minutes", HasSubstr("-7"))));
}

TEST(NetworkBuilderRules, RejectsGroundMinutesWhenLongerThanAWeek) {
  Airport a = Shenyang();
  a.min_connection_minutes = kMaxGroundMinutes + 1;
  EXPECT_THAT(AirportViolations(a),
              ElementsAre(Violation("airports[0].min_connection_minutes", HasSubstr("10081"))));
}

TEST(NetworkBuilderRules, RejectsThroughputWhenNegative) {
  Airport a = Shenyang();
  a.throughput_kg_per_week = -1000;
  EXPECT_THAT(AirportViolations(a),
              ElementsAre(Violation("airports[0].throughput_kg_per_week", HasSubstr("-1000"))));
}

TEST(NetworkBuilderRules, AcceptsThroughputWhenZeroMeaningUnlimited) {
  Airport a = Shenyang();
  a.throughput_kg_per_week = 0;
  EXPECT_THAT(AirportViolations(a), IsEmpty());
}

// --- Routes ---------------------------------------------------------------------------------

TEST(NetworkBuilderRules, RejectsRouteIdWhenEmpty) {
  RouteInput r = SheYvr();
  r.id = "";
  EXPECT_THAT(RouteViolations(r), ElementsAre(Violation("routes[0].id", HasSubstr("required"))));
}

TEST(NetworkBuilderRules, RejectsRouteIdWhenItHasASpaceOrSlash) {
  RouteInput r = SheYvr();
  r.id = "SHE YVR";
  EXPECT_THAT(RouteViolations(r), ElementsAre(Violation("routes[0].id", HasSubstr("\"SHE YVR\""))));
  r.id = "SHE/YVR";
  EXPECT_THAT(RouteViolations(r), ElementsAre(Violation("routes[0].id", HasSubstr("\"SHE/YVR\""))));
}

TEST(NetworkBuilderRules, RejectsRouteIdWhenLongerThanLimit) {
  RouteInput r = SheYvr();
  r.id = std::string(kMaxRouteIdLength + 1, 'A');
  EXPECT_THAT(RouteViolations(r), ElementsAre(Violation("routes[0].id", HasSubstr(r.id))));
  r.id = std::string(kMaxRouteIdLength, 'A');
  EXPECT_THAT(RouteViolations(r), IsEmpty());
}

TEST(NetworkBuilderRules, RejectsRouteIdWhenDuplicated) {
  //   SHE --SHE-YVR-W8--> YVR, twice
  EXPECT_THAT(
      ViolationsOf(Build({Shenyang(), Vancouver()}, {SheYvr(), SheYvr()})),
      ElementsAre(Violation("routes[1].id", HasSubstr("duplicate route id \"SHE-YVR-W8\""))));
}

TEST(NetworkBuilderRules, RejectsDuplicateRouteIdWhenTheFirstRouteIsAlsoInvalid) {
  // Build() promises every problem at once: the duplicate must not hide behind the first route's
  // own mistake (otherwise fixing the payload only reveals the next error).
  RouteInput first = SheYvr();
  first.payload_kg = 0;
  EXPECT_THAT(ViolationsOf(Build({Shenyang(), Vancouver()}, {first, SheYvr()})),
              ElementsAre(Violation("routes[0].payload_kg", HasSubstr("got 0")),
                          Violation("routes[1].id", HasSubstr("\"SHE-YVR-W8\""))));
}

TEST(NetworkBuilderRules, RejectsOriginWhenUnknown) {
  RouteInput r = SheYvr();
  r.origin = "PEK";
  EXPECT_THAT(RouteViolations(r),
              ElementsAre(Violation("routes[0].origin", HasSubstr("unknown airport \"PEK\""))));
}

TEST(NetworkBuilderRules, RejectsOriginWhenNotAnIataCode) {
  RouteInput r = SheYvr();
  r.origin = "she";
  EXPECT_THAT(RouteViolations(r), ElementsAre(Violation("routes[0].origin", HasSubstr("\"she\""))));
}

TEST(NetworkBuilderRules, RejectsDestinationWhenUnknown) {
  RouteInput r = SheYvr();
  r.destination = "LAX";
  EXPECT_THAT(RouteViolations(r), ElementsAre(Violation("routes[0].destination",
                                                        HasSubstr("unknown airport \"LAX\""))));
}

TEST(NetworkBuilderRules, RejectsDestinationWhenSameAsOrigin) {
  RouteInput r = SheYvr();
  r.destination = "SHE";
  EXPECT_THAT(RouteViolations(r),
              ElementsAre(Violation("routes[0].destination", HasSubstr("\"SHE\""))));
}

TEST(NetworkBuilderRules, RejectsCarrierWhenEmpty) {
  RouteInput r = SheYvr();
  r.carrier = "";
  EXPECT_THAT(RouteViolations(r),
              ElementsAre(Violation("routes[0].carrier", HasSubstr("required"))));
}

TEST(NetworkBuilderRules, RejectsModeWhenUnset) {
  RouteInput r = SheYvr();
  r.mode = std::nullopt;
  EXPECT_THAT(RouteViolations(r), ElementsAre(Violation("routes[0].mode", HasSubstr("required"))));
}

TEST(NetworkBuilderRules, RejectsModeWhenOutOfEnumRange) {
  RouteInput r = SheYvr();
  r.mode = static_cast<Mode>(7);  // not an enumerator (the proto mapping never makes one)
  EXPECT_THAT(RouteViolations(r), ElementsAre(Violation("routes[0].mode", HasSubstr("freighter"))));
}

TEST(NetworkBuilderRules, RejectsPayloadWhenZero) {
  RouteInput r = SheYvr();
  r.payload_kg = 0;
  EXPECT_THAT(RouteViolations(r),
              ElementsAre(Violation("routes[0].payload_kg", HasSubstr("got 0"))));
}

TEST(NetworkBuilderRules, RejectsPayloadWhenAboveMaximum) {
  RouteInput r = SheYvr();
  r.payload_kg = kMaxPayloadKg + 1;
  EXPECT_THAT(RouteViolations(r),
              ElementsAre(Violation("routes[0].payload_kg", HasSubstr("got 1000001"))));
  r.payload_kg = kMaxPayloadKg;
  EXPECT_THAT(RouteViolations(r), IsEmpty());
}

TEST(NetworkBuilderRules, RejectsFlightsPerWeekWhenZero) {
  RouteInput r = SheYvr();
  r.flights_per_week = 0;
  r.departures.clear();
  EXPECT_THAT(RouteViolations(r),
              ElementsAre(Violation("routes[0].flights_per_week", HasSubstr("got 0"))));
}

TEST(NetworkBuilderRules, RejectsFlightsPerWeekWhenAboveTenADay) {
  RouteInput r = SheYvr();
  r.flights_per_week = 71;
  r.departures.clear();
  EXPECT_THAT(RouteViolations(r),
              ElementsAre(Violation("routes[0].flights_per_week", HasSubstr("got 71"))));
  r.flights_per_week = kMaxFlightsPerWeek;
  EXPECT_THAT(RouteViolations(r), IsEmpty());
}

TEST(NetworkBuilderRules, RejectsDeparturesWhenCountDiffersFromFlightsPerWeek) {
  RouteInput r = SheYvr();
  r.flights_per_week = 3;  // but only the Sunday departure is listed
  EXPECT_THAT(RouteViolations(r),
              ElementsAre(Violation("routes[0].departures",
                                    AllOf(HasSubstr("has 1 entries"), HasSubstr("is 3")))));
}

TEST(NetworkBuilderRules, AcceptsDeparturesWhenNoneAreListed) {
  RouteInput r = SheYvr();
  r.flights_per_week = 3;
  r.departures.clear();
  EXPECT_THAT(RouteViolations(r), IsEmpty());
}

TEST(NetworkBuilderRules, RejectsDepartureWeekdayWhenUnset) {
  RouteInput r = SheYvr();
  r.flights_per_week = 2;
  r.departures = {{Weekday{3}, "01:30"}, {std::nullopt, "19:30"}};
  EXPECT_THAT(RouteViolations(r),
              ElementsAre(Violation("routes[0].departures[1].weekday", HasSubstr("required"))));
}

TEST(NetworkBuilderRules, RejectsDepartureLocalTimeWhenNotHhMmWithinTheDay) {
  RouteInput r = SheYvr();
  r.flights_per_week = 4;
  r.departures = {
      {Weekday{1}, "24:00"}, {Weekday{2}, "7:30"}, {Weekday{3}, "ab:cd"}, {Weekday{4}, "23:59"}};
  EXPECT_THAT(RouteViolations(r),
              ElementsAre(Violation("routes[0].departures[0].local_time", HasSubstr("\"24:00\"")),
                          Violation("routes[0].departures[1].local_time", HasSubstr("\"7:30\"")),
                          Violation("routes[0].departures[2].local_time", HasSubstr("\"ab:cd\""))));
}

TEST(NetworkBuilderRules, RejectsBlockMinutesWhenZero) {
  RouteInput r = SheYvr();
  r.block_minutes = 0;
  EXPECT_THAT(RouteViolations(r),
              ElementsAre(Violation("routes[0].block_minutes", HasSubstr("got 0"))));
}

TEST(NetworkBuilderRules, RejectsDistanceWhenNegative) {
  RouteInput r = SheYvr();
  r.distance_km = -12.5;
  EXPECT_THAT(RouteViolations(r),
              ElementsAre(Violation("routes[0].distance_km", HasSubstr("-12.5"))));
}

TEST(NetworkBuilderRules, RejectsDistanceWhenNaN) {
  RouteInput r = SheYvr();
  r.distance_km = kNaN;
  EXPECT_THAT(RouteViolations(r),
              ElementsAre(Violation("routes[0].distance_km", HasSubstr("nan"))));
}

TEST(NetworkBuilderRules, RejectsDistanceWhenLongerThanHalfwayRoundTheWorld) {
  RouteInput r = SheYvr();
  r.distance_km = kMaxDistanceKm + 1;
  EXPECT_THAT(RouteViolations(r),
              ElementsAre(Violation("routes[0].distance_km", HasSubstr("25001"))));
}

TEST(NetworkBuilderRules, RejectsCostWhenNegative) {
  RouteInput r = SheYvr();
  r.cost_per_kg_micros = -1;
  EXPECT_THAT(RouteViolations(r),
              ElementsAre(Violation("routes[0].cost_per_kg_micros", HasSubstr("got -1"))));
}

TEST(NetworkBuilderRules, RejectsStatusWhenUnset) {
  RouteInput r = SheYvr();
  r.status = std::nullopt;
  EXPECT_THAT(RouteViolations(r),
              ElementsAre(Violation("routes[0].status", HasSubstr("required"))));
}

TEST(NetworkBuilderRules, RejectsEffectiveFromWhenNotACalendarDate) {
  RouteInput r = SheYvr();
  r.effective_from = "2025-02-30";
  EXPECT_THAT(RouteViolations(r),
              ElementsAre(Violation("routes[0].effective_from", HasSubstr("\"2025-02-30\""))));
}

TEST(NetworkBuilderRules, RejectsEffectiveFromWhenSlashSeparated) {
  RouteInput r = SheYvr();
  r.effective_from = "2025/01/01";
  EXPECT_THAT(RouteViolations(r),
              ElementsAre(Violation("routes[0].effective_from", HasSubstr("\"2025/01/01\""))));
}

TEST(NetworkBuilderRules, RejectsEffectiveToWhenNotACalendarDate) {
  RouteInput r = SheYvr();
  r.effective_to = "2025-13-01";
  EXPECT_THAT(RouteViolations(r),
              ElementsAre(Violation("routes[0].effective_to", HasSubstr("\"2025-13-01\""))));
}

TEST(NetworkBuilderRules, RejectsEffectiveToWhenBeforeEffectiveFrom) {
  RouteInput r = SheYvr();
  r.effective_from = "2025-08-01";
  r.effective_to = "2025-07-31";
  EXPECT_THAT(RouteViolations(r),
              ElementsAre(Violation("routes[0].effective_to",
                                    AllOf(HasSubstr("\"2025-07-31\""), HasSubstr("2025-08-01")))));
}

TEST(NetworkBuilderRules, AcceptsEffectiveToWhenOnTheFirstDay) {
  RouteInput r = SheYvr();
  r.effective_from = "2025-08-01";
  r.effective_to = "2025-08-01";
  EXPECT_THAT(RouteViolations(r), IsEmpty());
}

TEST(NetworkBuilderRules, AcceptsEffectiveToWhenThereIsNoEffectiveFrom) {
  RouteInput r = SheYvr();
  r.effective_from.clear();
  r.effective_to = "2020-01-01";
  EXPECT_THAT(RouteViolations(r), IsEmpty());
}

TEST(NetworkBuilderRules, RejectsBasisWhenOutsideTheLevels) {
  RouteInput r = SheYvr();
  r.basis = kEvidenceBasisCount;
  EXPECT_THAT(RouteViolations(r),
              ElementsAre(Violation("routes[0].basis", HasSubstr("candidate"))));
  r.basis = -1;
  EXPECT_THAT(RouteViolations(r), ElementsAre(Violation("routes[0].basis", HasSubstr("-1"))));
}

TEST(NetworkBuilderRules, AcceptsEveryBasisLevelIncludingUnstated) {
  for (int b = 0; b < kEvidenceBasisCount; ++b) {
    RouteInput r = SheYvr();
    r.basis = b;
    EXPECT_THAT(RouteViolations(r), IsEmpty()) << b;
  }
}

}  // namespace
}  // namespace aircargo::routes
