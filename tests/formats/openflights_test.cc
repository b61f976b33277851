// OpenFlights import on small inline fixtures (quoting, \N, malformed rows, unknown codes,
// self-loops, duplicates, codeshares, the traffic model), a save/load round trip, and the full
// database from /work/shared/data/openflights when it is present.
#include "formats/openflights.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "formats/csv.h"
#include "formats/network_file.h"
#include "formats/network_proto.h"
#include "tests/shared_data.h"

namespace aircargo::formats {
namespace {

using ::testing::HasSubstr;

// Four airports with IATA codes, one without, one with no coordinates, one with no tz name:
//   SHE (CN) --CZ--> PVG (CN) --CZ/MU--> YVR (CA) --AC--> SHE ; NRT (JP) unused.
constexpr char kAirports[] =
    R"(1,"Shenyang Taoxian International Airport","Shenyang","China","SHE","ZYTX",41.6398,123.483,198,8,"U","Asia/Shanghai","airport","OurAirports"
2,"Shanghai Pudong, ""the big one""","Shanghai","China","PVG","ZSPD",31.1434,121.805,13,8,"U","Asia/Shanghai","airport","OurAirports"
3,"Vancouver International Airport","Vancouver","Canada","YVR","CYVR",49.1939,-123.184,14,-8,"A","America/Vancouver","airport","OurAirports"
4,"Narita International Airport","Tokyo","Japan","NRT","RJAA",35.7647,140.386,141,9,"U","Asia/Tokyo","airport","OurAirports"
5,"Some Strip",\N,"Japan",\N,"RJXX",35.0,140.0,10,9,"U","Asia/Tokyo","airport","OurAirports"
6,"No Coordinates","X","Japan","NOC","RJXY",\N,\N,10,9,"U","Asia/Tokyo","airport","OurAirports"
7,"Mystery Field","Y","Burma","MYF",\N,20.0,96.0,10,6.5,"U",\N,"airport","OurAirports"
8,"Duplicate Shenyang","Shenyang","China","SHE","ZYTY",41.0,123.0,10,8,"U","Asia/Shanghai","airport","OurAirports"
)";

constexpr char kRoutes[] =
    R"(CZ,1,SHE,1,PVG,2,,0,320 738
CZ,1,PVG,2,YVR,3,,0,77X
MU,2,PVG,2,YVR,3,Y,0,333
AC,3,YVR,3,SHE,1,,0,789
CZ,1,SHE,1,PVG,2,,0,321
CZ,1,SHE,1,XXX,99,,0,320
CZ,1,SHE,1,SHE,1,,0,320
CZ,1,SHE
CZ,1,PVG,2,MYF,7,,0,ZZZ
)";

constexpr char kCountries[] = R"("China","CN","CH"
"Canada","CA","CA"
"Japan","JP","JA"
)";

OpenFlightsText Fixture() {
  OpenFlightsText text;
  text.airports = kAirports;
  text.routes = kRoutes;
  text.countries = kCountries;
  return text;
}

const v1::Route* FindRoute(const v1::Network& network, const std::string& id) {
  for (const auto& r : network.routes()) {
    if (r.id() == id) return &r;
  }
  return nullptr;
}
const v1::Airport* FindAirport(const v1::Network& network, const std::string& iata) {
  for (const auto& a : network.airports()) {
    if (a.iata() == iata) return &a;
  }
  return nullptr;
}

TEST(Csv, ParsesQuotesNullsAndEmptyFields) {
  std::vector<CsvField> fields;
  EXPECT_EQ(ParseCsvLine(R"(1,"a, b","say ""hi""",\N,,"\N")", fields), "");
  ASSERT_EQ(fields.size(), 6u);
  EXPECT_EQ(*fields[1], "a, b");
  EXPECT_EQ(*fields[2], "say \"hi\"");
  EXPECT_FALSE(fields[3].has_value());
  EXPECT_EQ(*fields[4], "");
  EXPECT_EQ(*fields[5], "\\N");  // quoted: the text, not null
}

TEST(Csv, ReportsUnterminatedQuote) {
  std::vector<CsvField> fields;
  EXPECT_THAT(ParseCsvLine(R"(1,"open)", fields), HasSubstr("unterminated"));
}

TEST(Csv, ConvertsLatin1ButKeepsUtf8) {
  EXPECT_EQ(ToUtf8("S\xE3o Paulo"), "S\xC3\xA3o Paulo");
  EXPECT_EQ(ToUtf8("S\xC3\xA3o Paulo"), "S\xC3\xA3o Paulo");
}

TEST(Csv, ReaderCountsLinesAcrossBlankAndCrlfLines) {
  CsvReader reader("a,b\r\n\nc,d\n");
  CsvRecord record;
  ASSERT_TRUE(reader.Next(record));
  EXPECT_EQ(record.line, 1);
  EXPECT_EQ(*record.fields[1], "b");
  ASSERT_TRUE(reader.Next(record));
  EXPECT_EQ(record.line, 3);
  EXPECT_FALSE(reader.Next(record));
}

TEST(OpenFlightsImport, CountsEverySkippedRowByReason) {
  ImportReport report;
  auto network = ImportOpenFlightsText(Fixture(), OpenFlightsOptions{}, &report);
  ASSERT_TRUE(network.ok()) << network.error().ToString();
  EXPECT_EQ(report.airport_rows, 8);
  EXPECT_EQ(report.airports_without_iata, 1);
  EXPECT_EQ(report.airports_missing_coordinates, 1);
  EXPECT_EQ(report.airports_duplicate_iata, 1);
  EXPECT_EQ(report.airports_tz_fallback, 1);
  EXPECT_EQ(report.route_rows, 9);
  EXPECT_EQ(report.routes_unknown_airport, 1);
  EXPECT_EQ(report.routes_self_loop, 1);
  EXPECT_EQ(report.routes_malformed, 1);
  EXPECT_EQ(report.routes_duplicate, 1);
  EXPECT_EQ(report.routes_codeshare, 1);
  EXPECT_EQ(report.routes_kept, 5);
  EXPECT_EQ(report.airport_pairs, 4);  // SHE-PVG, PVG-YVR (twice), YVR-SHE, PVG-MYF
  EXPECT_EQ(report.airports_kept, 4);  // NRT has no route
  EXPECT_EQ(report.airports_unused, 1);
  EXPECT_EQ(report.skipped_rows(), 7);
  EXPECT_THAT(report.Summary(), HasSubstr("imported 4 airports, 5 routes (4 airport pairs"));
  EXPECT_THAT(report.examples, testing::Contains(HasSubstr("routes.dat:8: expected 9 fields")));
}

TEST(OpenFlightsImport, MapsFieldsAndModelsTraffic) {
  auto network = ImportOpenFlightsText(Fixture(), OpenFlightsOptions{}, nullptr);
  ASSERT_TRUE(network.ok());
  const v1::Airport* pvg = FindAirport(*network, "PVG");
  ASSERT_NE(pvg, nullptr);
  EXPECT_EQ(pvg->name(), "Shanghai Pudong, \"the big one\"");
  EXPECT_EQ(pvg->country(), "CN");
  EXPECT_EQ(pvg->time_zone(), "Asia/Shanghai");
  const v1::Airport* myf = FindAirport(*network, "MYF");
  ASSERT_NE(myf, nullptr);
  EXPECT_EQ(myf->country(), "MM");     // alias table: "Burma" is not in countries.dat
  EXPECT_EQ(myf->time_zone(), "UTC");  // \N tz and a 6.5 h offset: no whole-hour zone
  EXPECT_EQ(myf->icao(), "");

  const v1::Route* freighter = FindRoute(*network, "PVG-YVR-CZ");
  ASSERT_NE(freighter, nullptr);
  EXPECT_EQ(freighter->mode(), v1::MODE_FREIGHTER);  // 77X = 777F
  EXPECT_EQ(freighter->payload_kg(), LookupEquipment("77X").payload_kg);
  EXPECT_EQ(freighter->flights_per_week(), 7);
  EXPECT_GT(freighter->block_minutes(), 30 + 8000 / 800 * 60);
  EXPECT_THAT(freighter->source(), HasSubstr("routes.dat line 2"));
  EXPECT_THAT(freighter->source(), HasSubstr("modelled"));

  const v1::Route* belly = FindRoute(*network, "SHE-PVG-CZ");
  ASSERT_NE(belly, nullptr);
  EXPECT_EQ(belly->mode(), v1::MODE_BELLY);
  EXPECT_EQ(belly->payload_kg(), (2500 + 2500) / 2);  // 320 and 738
  const v1::Route* codeshare = FindRoute(*network, "PVG-YVR-MU");
  ASSERT_NE(codeshare, nullptr);
  EXPECT_THAT(codeshare->tags(), testing::ElementsAre("codeshare"));
  const v1::Route* unknown_type = FindRoute(*network, "PVG-MYF-CZ");
  ASSERT_NE(unknown_type, nullptr);
  EXPECT_EQ(unknown_type->payload_kg(), OpenFlightsOptions{}.default_payload_kg);
}

TEST(OpenFlightsImport, OptionsOverrideTheModelAndSkipCodeshares) {
  OpenFlightsOptions options;
  options.flights_per_week = 3;
  options.payload_override_kg = 1234;
  options.skip_codeshares = true;
  ImportReport report;
  auto network = ImportOpenFlightsText(Fixture(), options, &report);
  ASSERT_TRUE(network.ok());
  EXPECT_EQ(FindRoute(*network, "PVG-YVR-MU"), nullptr);
  EXPECT_EQ(report.routes_codeshare_skipped, 1);
  for (const auto& r : network->routes()) {
    EXPECT_EQ(r.flights_per_week(), 3);
    EXPECT_EQ(r.payload_kg(), 1234);
  }
}

TEST(OpenFlightsImport, StrictFailsOnTheFirstSkippedRow) {
  OpenFlightsOptions options;
  options.strict = true;
  auto network = ImportOpenFlightsText(Fixture(), options, nullptr);
  ASSERT_FALSE(network.ok());
  EXPECT_EQ(network.error().field, "airports.dat:5");
  EXPECT_THAT(network.error().message, HasSubstr("no IATA code"));
}

TEST(OpenFlightsImport, SkipsUnknownTimeZonesWhenAsked) {
  OpenFlightsOptions options;
  options.skip_unknown_time_zone = true;
  ImportReport report;
  auto network = ImportOpenFlightsText(Fixture(), options, &report);
  ASSERT_TRUE(network.ok());
  EXPECT_EQ(report.airports_unknown_time_zone_skipped, 1);
  EXPECT_EQ(FindAirport(*network, "MYF"), nullptr);
  EXPECT_EQ(report.routes_unknown_airport, 2);
}

TEST(OpenFlightsImport, UniquifiesRouteIdsWhenCarrierCodesCollide) {
  OpenFlightsText text = Fixture();
  text.routes = "C Z,1,SHE,1,PVG,2,,0,320\nC_Z,1,SHE,1,PVG,2,,0,320\n";
  auto network = ImportOpenFlightsText(text, OpenFlightsOptions{}, nullptr);
  ASSERT_TRUE(network.ok());
  ASSERT_EQ(network->routes_size(), 2);
  EXPECT_EQ(network->routes(0).id(), "SHE-PVG-C_Z");
  EXPECT_EQ(network->routes(1).id(), "SHE-PVG-C_Z-2");
}

TEST(OpenFlightsImport, RoundTripsThroughSaveAndLoad) {
  auto network = ImportOpenFlightsText(Fixture(), OpenFlightsOptions{}, nullptr);
  ASSERT_TRUE(network.ok());
  const auto dir = std::filesystem::path(testing::TempDir());
  for (const char* name : {"openflights_rt.textproto", "openflights_rt.pb"}) {
    const std::string path = (dir / name).string();
    ASSERT_TRUE(SaveNetworkFile(*network, path).ok());
    auto loaded = LoadNetworkFile(path);
    ASSERT_TRUE(loaded.ok()) << loaded.error().ToString();
    EXPECT_EQ((*loaded)->airports().size(), 4u);
    EXPECT_EQ((*loaded)->routes().size(), 5u);
    ASSERT_TRUE((*loaded)->FindRoute("PVG-YVR-CZ").has_value());
  }
}

TEST(OpenFlightsImport, MissingFileIsNotFound) {
  OpenFlightsFiles files;
  files.airports = "/nonexistent/airports.dat";
  files.routes = "/nonexistent/routes.dat";
  auto network = ImportOpenFlights(files, OpenFlightsOptions{}, nullptr);
  ASSERT_FALSE(network.ok());
  EXPECT_EQ(network.error().code, routes::ErrorCode::kNotFound);
  EXPECT_EQ(network.error().field, "/nonexistent/airports.dat");
}

TEST(OpenFlightsWorld, ImportsTheWholeDatabase) {
  const std::string dir = AIRCARGO_OPENFLIGHTS_DIR;
  AIRCARGO_REQUIRE_SHARED_FILE(dir + "/routes.dat");
  ImportReport report;
  auto message =
      ImportOpenFlights(OpenFlightsFiles::InDirectory(dir), OpenFlightsOptions{}, &report);
  ASSERT_TRUE(message.ok()) << message.error().ToString();
  EXPECT_GE(report.airports_kept, 3200);
  EXPECT_GE(report.airport_pairs, 37000);
  auto network = BuildNetwork(*message);
  ASSERT_TRUE(network.ok()) << network.error().ToString().substr(0, 2000);
  EXPECT_TRUE((*network)->FindAirport("SHE").has_value());
  EXPECT_TRUE((*network)->FindAirport("YVR").has_value());
  EXPECT_GE((*network)->airports().size(), 3200u);
}

}  // namespace
}  // namespace aircargo::formats
