// SSIM import: the record reader, one hand-written fixture per rule (tests/formats/ssim/*.ssim,
// 200-byte Chapter 7 records; each test states the network it must give), strict mode, the
// station table, and the public sample in ../shared/data/ssim (fails under CI=true when missing).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "formats/network_proto.h"
#include "formats/ssim_records.h"
#include "tests/formats/ssim_test_util.h"

namespace aircargo::formats {
namespace {

using ssim_test::DeparturesText;
using ssim_test::FindRoute;
using ssim_test::Fixture;
using ssim_test::FixtureAirports;
using ::testing::Contains;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

struct Imported {
  v1::Network network;
  SsimReport report;
};

Imported Import(const std::string& name) {
  Imported out;
  auto network = ImportSsim({Fixture(name)}, FixtureAirports(), SsimOptions{}, &out.report);
  EXPECT_TRUE(network.ok()) << network.error().ToString();
  if (network.ok()) out.network = *network;
  auto built = BuildNetwork(out.network);
  EXPECT_TRUE(built.ok()) << built.error().ToString();
  return out;
}

void ExpectRoute(const v1::Network& network, const std::string& id, const std::string& departures,
                 int block, const std::string& from, const std::string& to) {
  const v1::Route* r = FindRoute(network, id);
  ASSERT_NE(r, nullptr) << id;
  EXPECT_EQ(DeparturesText(*r), departures) << id;
  EXPECT_EQ(r->flights_per_week(), r->departures_size()) << id;
  EXPECT_EQ(r->block_minutes(), block) << id;
  EXPECT_EQ(r->effective_from(), from) << id;
  EXPECT_EQ(r->effective_to(), to) << id;
}

TEST(SsimRecords, ParsesDatesAndRejectsImpossibleOnes) {
  const auto d = ParseSsimDate("29FEB24");
  ASSERT_TRUE(d.has_value());
  EXPECT_EQ(FormatSsimDate(*d), "29FEB24");
  EXPECT_EQ(static_cast<int>(d->year()), 2024);
  EXPECT_EQ(static_cast<int>(ParseSsimDate("01JAN99")->year()), 1999);
  EXPECT_FALSE(ParseSsimDate("29FEB25").has_value());
  EXPECT_FALSE(ParseSsimDate("01Jan25").has_value());
  EXPECT_FALSE(ParseSsimDate("00XXX00").has_value());
}

TEST(SsimRecords, ReadsFixedBlocksWithoutLineBreaks) {
  const std::string text = ssim_test::ReadFile(ssim_test::FixturePath("periods.ssim"));
  std::string blocks;
  for (std::size_t at = 0; at < text.size(); at += 201) blocks += text.substr(at, 200);
  const auto records = ReadSsimRecords(blocks);
  ASSERT_EQ(records.size(), 9u);
  EXPECT_EQ(records[2].type, '3');
  EXPECT_EQ(records[2].leg.flight_number, 1001);
  EXPECT_EQ(records[2].leg.departure_variation, 480);
  EXPECT_EQ(records[2].leg.arrival_variation, -480);
  EXPECT_EQ(records[8].trailer.check_reference, 8);
}

TEST(SsimImport, PeriodsBecomeEffectiveDatesAndVariationsMerge) {
  const Imported in = Import("periods.ssim");
  ExpectRoute(in.network, "CA1001-SHE-LAX-2026-01-05",
              "MONDAY 22:00, WEDNESDAY 22:00, FRIDAY 22:00", 743, "2026-01-05", "2026-01-31");
  ExpectRoute(in.network, "CA1001-SHE-LAX-2026-02-01", "SUNDAY 22:00", 743, "2026-02-01", "");
  ExpectRoute(in.network, "CA1004-SHE-PVG-2026-01-05", "MONDAY 08:00, WEDNESDAY 09:30", 120,
              "2026-01-05", "2026-01-31");
  const v1::Route* freighter = FindRoute(in.network, "CA1001-SHE-LAX-2026-01-05");
  ASSERT_NE(freighter, nullptr);
  EXPECT_EQ(freighter->mode(), v1::MODE_FREIGHTER);
  EXPECT_EQ(freighter->carrier(), "CA");
  EXPECT_EQ(freighter->aircraft(), "77X");
  EXPECT_EQ(freighter->basis(), v1::EVIDENCE_BASIS_SOURCED);
  EXPECT_EQ(freighter->payload_kg(), LookupEquipment("77X").payload_kg);
  EXPECT_THAT(freighter->source(), HasSubstr("sourced: SSIM periods.ssim:3"));
  EXPECT_THAT(freighter->source(), HasSubstr("modelled: payload 92000 kg by aircraft type 77X"));
  const v1::Route* merged = FindRoute(in.network, "CA1004-SHE-PVG-2026-01-05");
  ASSERT_NE(merged, nullptr);
  EXPECT_THAT(merged->source(), HasSubstr("periods.ssim:7"));
  EXPECT_THAT(merged->source(), HasSubstr("periods.ssim:8"));
  EXPECT_EQ(in.report.leg_records, 6);
  EXPECT_EQ(in.report.legs_kept, 4);
  EXPECT_EQ(in.report.routes, 3);
  EXPECT_EQ(in.report.airports, 3);
  EXPECT_EQ(in.report.no_day_in_period, 1);
  EXPECT_EQ(in.report.bad_field, 1);
  EXPECT_THAT(in.report.examples, Contains(HasSubstr("periods.ssim:5: no day of operation")));
  EXPECT_THAT(in.report.examples, Contains(HasSubstr("periods.ssim:6: period of operation ends")));
}

TEST(SsimImport, DaysOfOperationAreColumnDigits) {
  const Imported in = Import("days.ssim");
  ExpectRoute(in.network, "MU2001-PVG-NRT-2026-01-05",
              "MONDAY 09:00, TUESDAY 09:00, WEDNESDAY 09:00, THURSDAY 09:00, FRIDAY 09:00, "
              "SATURDAY 09:00, SUNDAY 09:00",
              180, "2026-01-05", "2026-03-29");
  ExpectRoute(in.network, "MU2002-PVG-NRT-2026-01-05",
              "TUESDAY 09:00, THURSDAY 09:00, SATURDAY 09:00", 180, "2026-01-05", "2026-03-29");
  EXPECT_EQ(in.report.bad_field, 3);  // a '9', no day, digits out of their columns
  EXPECT_EQ(in.report.arrival_day_inferred, 0);
  EXPECT_THAT(in.report.examples, Contains(HasSubstr("days.ssim:5: days of operation")));
}

TEST(SsimImport, DateVariationsAcrossMidnightAndTheDateLine) {
  const Imported in = Import("date_variation.ssim");
  // NRT 21:00 +09:00 -> HNL 09:00 -10:00 the same date: 7 h east across the date line.
  ExpectRoute(in.network, "JL3001-NRT-HNL-2026-01-05", "MONDAY 21:00", 420, "2026-01-05",
              "2026-01-25");
  // HNL 11:00 -10:00 -> NRT 15:00 +09:00 the next day (date variation 1).
  ExpectRoute(in.network, "JL3002-HNL-NRT-2026-01-05", "MONDAY 11:00", 540, "2026-01-05",
              "2026-01-25");
  // NRT 00:30 -> HNL 12:30 the day before ('A').
  ExpectRoute(in.network, "JL3003-NRT-HNL-2026-01-05", "MONDAY 00:30", 420, "2026-01-05",
              "2026-01-25");
  // Blank date variation, HNL 23:30 -> NRT 03:30 two local dates later: worked out in UTC.
  ExpectRoute(in.network, "JL3005-HNL-NRT-2026-01-05", "MONDAY 23:30", 540, "2026-01-05",
              "2026-01-25");
  // Departure date variation 1: the Monday flight leaves on Tuesday 01:00; the period moves too.
  ExpectRoute(in.network, "JL3006-NRT-HNL-2026-01-06", "TUESDAY 01:00", 420, "2026-01-06",
              "2026-01-26");
  EXPECT_EQ(in.report.arrival_day_inferred, 1);
  EXPECT_EQ(in.report.bad_times, 1);  // explicit "00" with STA before STD
  EXPECT_EQ(in.report.utc_variation_mismatch, 0);
  EXPECT_THAT(in.report.examples, Contains(HasSubstr("date_variation.ssim:8: block time -60")));
}

TEST(SsimImport, UtcTimeModeAddsTheVariationAndChecksItAgainstTheZone) {
  const Imported in = Import("utc_dst.ssim");
  // 09:00Z +01:00 and, after the EU change, 08:00Z +02:00: 10:00 local in both periods.
  ExpectRoute(in.network, "LH400-FRA-JFK-2026-03-09", "MONDAY 10:00, WEDNESDAY 10:00, FRIDAY 10:00",
              470, "2026-03-09", "2026-03-28");
  ExpectRoute(in.network, "LH400-FRA-JFK-2026-03-29", "MONDAY 10:00, WEDNESDAY 10:00, FRIDAY 10:00",
              470, "2026-03-29", "2026-10-24");
  ExpectRoute(in.network, "LH401-JFK-FRA-2026-03-09", "MONDAY 18:30", 480, "2026-03-09",
              "2026-03-28");
  // One period over the change stating +01:00: flagged on the last flight, local time kept.
  ExpectRoute(in.network, "LH402-FRA-JFK-2026-03-09", "MONDAY 10:00", 470, "2026-03-09",
              "2026-10-24");
  EXPECT_EQ(in.report.utc_variation_mismatch, 1);
  EXPECT_THAT(in.report.examples,
              Contains(HasSubstr("utc_dst.ssim:6: stated UTC variations +01:00/-04:00, time "
                                 "zones say +02:00/-04:00 on the flight of 2026-10-19")));
}

TEST(SsimImport, MultiLegFlightsAndDuplicateLegs) {
  const Imported in = Import("multileg.ssim");
  ExpectRoute(in.network, "CK221-PVG-ANC-2026-07-06", "MONDAY 22:00", 480, "2026-07-06",
              "2026-07-27");
  // Leg 2 leaves a day after the flight date (departure date variation 1).
  ExpectRoute(in.network, "CK221-ANC-ORD-2026-07-07", "TUESDAY 01:00", 330, "2026-07-07",
              "2026-07-28");
  EXPECT_EQ(in.report.multi_leg_flights, 1);
  EXPECT_EQ(in.report.duplicate_legs, 1);
  EXPECT_EQ(in.network.routes_size(), 2);
  EXPECT_THAT(in.report.examples,
              Contains(HasSubstr("multileg.ssim:5: duplicate leg: CK 221 leg 1 already flies in "
                                 "multileg.ssim:3 on 2026-07-20")));
}

TEST(SsimImport, ServiceTypesMapToModesAndAircraftToPayload) {
  const Imported in = Import("service_types.ssim");
  struct Expected {
    const char* id;
    v1::Mode mode;
    std::int64_t payload;
  };
  for (const Expected& e : {Expected{"XX1-PVG-SHE-2026-01-05", v1::MODE_FREIGHTER, 100000},
                            Expected{"XX2-PVG-SHE-2026-01-05", v1::MODE_FREIGHTER, 47000},
                            Expected{"XX3-PVG-SHE-2026-01-05", v1::MODE_BELLY, 2500},
                            Expected{"XX4-PVG-SHE-2026-01-05", v1::MODE_BELLY, 14000},
                            Expected{"XX5-PVG-SHE-2026-01-05", v1::MODE_BELLY, 2500},
                            Expected{"XX6-PVG-SHE-2026-01-05", v1::MODE_TRUCK, 20000},
                            Expected{"XX7-PVG-SHE-2026-01-05", v1::MODE_TRUCK, 1000},
                            Expected{"XX11-PVG-SHE-2026-01-05", v1::MODE_BELLY, 5000}}) {
    const v1::Route* r = FindRoute(in.network, e.id);
    ASSERT_NE(r, nullptr) << e.id;
    EXPECT_EQ(r->mode(), e.mode) << e.id;
    EXPECT_EQ(r->payload_kg(), e.payload) << e.id;
  }
  EXPECT_THAT(FindRoute(in.network, "XX11-PVG-SHE-2026-01-05")->source(),
              HasSubstr("payload 5000 kg default (aircraft type Q9Z not in the tables)"));
  EXPECT_EQ(in.network.routes_size(), 8);
  EXPECT_EQ(in.report.non_commercial, 2);        // P and K
  EXPECT_EQ(in.report.unknown_service_type, 1);  // Z
  EXPECT_EQ(in.report.unknown_aircraft_type, 1);
  EXPECT_EQ(in.report.LegsOfServiceType('J'), 2);
  EXPECT_EQ(in.report.LegsOfServiceType('P'), 0);
  EXPECT_EQ(SsimServiceMode('F'), 1);
  EXPECT_EQ(SsimServiceMode('J'), 2);
  EXPECT_EQ(SsimServiceMode('V'), 3);
  EXPECT_EQ(SsimServiceMode('P'), 0);
}

TEST(SsimImport, TrailerAndSerialChecksAreCountedAndLegsKept) {
  const Imported in = Import("trailer.ssim");
  EXPECT_EQ(in.report.trailer_problems, 3);
  EXPECT_EQ(in.report.serial_breaks, 1);
  EXPECT_EQ(in.network.routes_size(), 3);
  ExpectRoute(in.network, "CZ3-PVG-LAX-2026-01-05", "MONDAY 01:00", 480, "2026-01-05",
              "2026-01-25");
  EXPECT_THAT(in.report.examples,
              Contains(HasSubstr("trailer.ssim:4: trailer serial check reference 2 is not the "
                                 "previous record's serial 3")));
  EXPECT_THAT(in.report.examples, Contains(HasSubstr("trailer.ssim:6: record serial 8 after 5")));
  EXPECT_THAT(in.report.examples,
              Contains(HasSubstr("trailer.ssim:7: trailer of CZ closes the carrier block of MU")));
  EXPECT_THAT(in.report.examples,
              Contains(HasSubstr("trailer.ssim:8: carrier block of CZ ends without a trailer")));

  SsimOptions strict;
  strict.strict = true;
  auto failed = ImportSsim({Fixture("trailer.ssim")}, FixtureAirports(), strict, nullptr);
  ASSERT_FALSE(failed.ok());
  EXPECT_EQ(failed.error().code, routes::ErrorCode::kInvalidArgument);
  EXPECT_EQ(failed.error().field, "trailer.ssim:4");
  EXPECT_THAT(failed.error().message, HasSubstr("--strict"));
}

TEST(SsimImport, MalformedRecordsAreSkippedByReason) {
  const Imported in = Import("malformed.ssim");
  EXPECT_EQ(in.report.out_of_place, 1);
  EXPECT_EQ(in.report.truncated, 1);
  EXPECT_EQ(in.report.overlong, 1);
  EXPECT_EQ(in.report.non_ascii, 2);  // Latin-1 and UTF-8 e-acute
  EXPECT_EQ(in.report.unknown_type, 1);
  EXPECT_EQ(in.report.bad_field, 2);  // STD 25:60, padding with a '1'
  EXPECT_EQ(in.report.same_station, 1);
  EXPECT_EQ(in.report.unknown_station, 1);
  EXPECT_EQ(in.report.padding, 1);
  EXPECT_EQ(in.report.segment_records, 1);
  EXPECT_EQ(in.report.serial_breaks, 0);
  EXPECT_EQ(in.report.trailer_problems, 0);
  EXPECT_EQ(in.report.bad_records(), 10);
  EXPECT_THAT(in.report.unknown_stations, ElementsAre("QQQ"));
  EXPECT_EQ(in.network.routes_size(), 1);
  for (const char* example :
       {"malformed.ssim:2: flight leg before any carrier record",
        "malformed.ssim:6: record has 150 bytes", "malformed.ssim:7: record has 205 bytes",
        "malformed.ssim:8: byte 0xE9 is not printable ASCII",
        "malformed.ssim:9: byte 0xC3 is not printable ASCII",
        "malformed.ssim:10: unknown record type \"7\"",
        "malformed.ssim:11: aircraft STD (columns 44-47) \"2560\"",
        "malformed.ssim:15: unknown station QQQ"}) {
    EXPECT_THAT(in.report.examples, Contains(HasSubstr(example)));
  }
  EXPECT_THAT(in.report.Summary(), HasSubstr("1 truncated, 1 over-long, 2 non-ASCII"));
  EXPECT_THAT(in.report.Summary(), HasSubstr("unknown stations: QQQ"));
}

TEST(SsimImport, FortnightlyLegsSplitIntoOneRoutePerOperatingWeek) {
  const Imported in = Import("fortnightly.ssim");
  ExpectRoute(in.network, "KE9001-PVG-NRT-2026-01-05", "MONDAY 09:00, WEDNESDAY 09:00", 180,
              "2026-01-05", "2026-01-11");
  ExpectRoute(in.network, "KE9001-PVG-NRT-2026-01-19", "MONDAY 09:00, WEDNESDAY 09:00", 180,
              "2026-01-19", "2026-01-25");
  EXPECT_EQ(in.network.routes_size(), 2);
  EXPECT_EQ(in.report.fortnightly_split, 1);
  EXPECT_EQ(in.report.unsupported_frequency, 2);  // fortnightly open-ended, rate '3'
}

TEST(SsimImport, WithoutAnAirportTableTheErrorListsTheStations) {
  auto failed = ImportSsim({Fixture("multileg.ssim")}, {}, SsimOptions{}, nullptr);
  ASSERT_FALSE(failed.ok());
  EXPECT_EQ(failed.error().field, "airports");
  EXPECT_THAT(failed.error().message, HasSubstr("ANC, ORD, PVG"));
  EXPECT_THAT(failed.error().message, HasSubstr("--airports airports.dat"));
}

TEST(SsimImport, SeveralFilesNumberTheirRecordsSeparately) {
  SsimReport report;
  auto network = ImportSsim({Fixture("periods.ssim"), Fixture("multileg.ssim")}, FixtureAirports(),
                            SsimOptions{}, &report);
  ASSERT_TRUE(network.ok());
  EXPECT_EQ(network->routes_size(), 5);
  EXPECT_THAT(FindRoute(*network, "CK221-PVG-ANC-2026-07-06")->source(),
              HasSubstr("multileg.ssim:3"));
}

// The public sample (../shared/data/ssim/sample.ssim, MIT, AvionWorx) with OpenFlights stations.
TEST(SsimSample, CountsPerServiceTypeAndLegsCheckedByHand) {
  const std::string shared = AIRCARGO_SHARED_DIR;
  SSIM_REQUIRE_SHARED(shared + "/data/ssim/sample.ssim");
  SSIM_REQUIRE_SHARED(shared + "/data/openflights/airports.dat");
  const auto airports = ReadOpenFlightsAirports(
      ssim_test::ReadFile(shared + "/data/openflights/airports.dat"),
      ssim_test::ReadFile(shared + "/data/openflights/countries.dat"), nullptr);
  SsimReport report;
  auto network =
      ImportSsim({{"sample.ssim", ssim_test::ReadFile(shared + "/data/ssim/sample.ssim")}},
                 airports, SsimOptions{}, &report);
  ASSERT_TRUE(network.ok()) << network.error().ToString();
  auto built = BuildNetwork(*network);
  ASSERT_TRUE(built.ok()) << built.error().ToString().substr(0, 2000);

  EXPECT_EQ(report.records, 547);
  EXPECT_EQ(report.padding, 28);
  EXPECT_EQ(report.carriers, 2);  // two carrier blocks (09JUN05 and 30OCT05)
  EXPECT_EQ(report.trailers, 2);
  EXPECT_EQ(report.leg_records, 514);
  EXPECT_EQ(report.LegsOfServiceType('J'), 379);
  EXPECT_EQ(report.LegsOfServiceType('G'), 128);
  EXPECT_EQ(report.LegsOfServiceType('C'), 2);
  EXPECT_EQ(report.LegsOfServiceType('F'), 2);
  EXPECT_EQ(report.non_commercial, 3);  // K x2 (training), P x1 (ferry)
  EXPECT_EQ(report.legs_kept, 511);
  EXPECT_EQ(report.bad_records(), 0);
  EXPECT_EQ(report.trailer_problems, 0);
  // The second carrier record repeats the first trailer's serial 516.
  EXPECT_EQ(report.serial_breaks, 1);
  EXPECT_THAT(report.examples, Contains(HasSubstr("sample.ssim:530: record serial 516 after 516")));

  // Line 12: DZA 23:30 +03:00 -> RUN 02:30 +04:00, date variation blank: 20:30Z -> 22:30Z.
  ExpectRoute(*network, "XX42-DZA-RUN-2005-06-09", "THURSDAY 23:30", 120, "2005-06-09",
              "2005-06-09");
  EXPECT_EQ(FindRoute(*network, "XX42-DZA-RUN-2005-06-09")->mode(), v1::MODE_FREIGHTER);
  EXPECT_THAT(report.examples, Contains(HasSubstr("sample.ssim:12: arrival date variation blank")));
  // Line 11: RUN 21:30 +04:00 -> DZA 22:40 +03:00.
  ExpectRoute(*network, "XX41-RUN-DZA-2005-06-09", "THURSDAY 21:30", 130, "2005-06-09",
              "2005-06-09");
  // Line 13: days "1 3 56", 08:00 -> 08:40 +04:00 both, B737-500 (735).
  ExpectRoute(*network, "XX102-RUN-MRU-2005-05-23",
              "MONDAY 08:00, WEDNESDAY 08:00, FRIDAY 08:00, SATURDAY 08:00", 40, "2005-05-23",
              "2005-06-13");
  const v1::Route* belly = FindRoute(*network, "XX102-RUN-MRU-2005-05-23");
  EXPECT_EQ(belly->mode(), v1::MODE_BELLY);
  EXPECT_EQ(belly->payload_kg(), LookupEquipment("735").payload_kg);
  // Line 364: CDG 19:45 +02:00 -> RUN 08:40 +04:00 next day, blank: 10 h 55.
  ExpectRoute(*network, "XX974-CDG-RUN-2005-05-22",
              "MONDAY 19:45, TUESDAY 19:45, WEDNESDAY 19:45, FRIDAY 19:45, SUNDAY 19:45", 655,
              "2005-05-22", "2005-05-29");
  // Line 535, the second carrier block: RUN 10:10 -> DZA 11:15 on Sunday 30 Oct 2005.
  ExpectRoute(*network, "XX974-RUN-DZA-2005-10-30", "SUNDAY 10:10", 125, "2005-10-30",
              "2005-10-30");
  EXPECT_EQ(FindRoute(*network, "XX974-RUN-DZA-2005-10-30")->carrier(), "XX");
  // The charter (C) and ferry (P, SEA) legs: C kept as belly, P left out with its station.
  bool sea = false;
  for (const auto& a : network->airports()) sea |= a.iata() == "SEA";
  EXPECT_FALSE(sea);
}

}  // namespace
}  // namespace aircargo::formats
