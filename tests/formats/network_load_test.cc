// The fast load path (issue 8): the snapshot's flat lookup tables (airports by code, routes by
// id in an open-addressing hash), BuildNetwork from a message it may consume, and binary files
// parsed straight from disk: each gives the same answers as before, problems included.
#include <gmock/gmock.h>
#include <google/protobuf/util/message_differencer.h>
#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <utility>

#include "formats/network_file.h"
#include "formats/network_proto.h"
#include "routes/network.h"
#include "routes/network_builder.h"

namespace aircargo::formats {
namespace {

using ::testing::Contains;
using ::testing::HasSubstr;
using ::testing::Optional;

v1::Airport ProtoAirport(const std::string& iata, const std::string& country, double lat,
                         double lon, const std::string& zone) {
  v1::Airport a;
  a.set_iata(iata);
  a.set_country(country);
  a.set_latitude_deg(lat);
  a.set_longitude_deg(lon);
  a.set_time_zone(zone);
  return a;
}

v1::Route ProtoRoute(const std::string& id, const std::string& from, const std::string& to) {
  v1::Route r;
  r.set_id(id);
  r.set_origin(from);
  r.set_destination(to);
  r.set_carrier("RS");
  r.set_mode(v1::MODE_FREIGHTER);
  r.set_aircraft("Boeing 767-300 Freighter");  // longer than std::string's inline buffer
  r.set_payload_kg(43'500);
  r.set_flights_per_week(2);
  v1::Departure* d = r.add_departures();
  d->set_weekday(v1::MONDAY);
  d->set_local_time("08:05");
  d = r.add_departures();
  d->set_weekday(v1::FRIDAY);
  d->set_local_time("23:59");
  r.set_block_minutes(600);
  r.set_status(v1::ROUTE_STATUS_OPERATING);
  r.set_effective_from("2024-11-17");
  r.set_source("a source note long enough to live on the heap, not inline in the string");
  r.add_tags("e-commerce");
  return r;
}

// SHE, YVR, ICN; `routes` parallel routes, ... cycling SHE->YVR, YVR->ICN, ICN->SHE.
v1::Network ManyRoutes(int routes) {
  v1::Network n;
  n.set_name("many");
  n.set_description("parallel routes");
  *n.add_airports() = ProtoAirport("SHE", "CN", 41.6398, 123.4834, "Asia/Shanghai");
  *n.add_airports() = ProtoAirport("YVR", "CA", 49.1939, -123.1844, "America/Vancouver");
  *n.add_airports() = ProtoAirport("ICN", "KR", 37.4602, 126.4407, "Asia/Seoul");
  const char* kCodes[] = {"SHE", "YVR", "ICN"};
  for (int i = 0; i < routes; ++i) {
    *n.add_routes() = ProtoRoute("R-" + std::to_string(i), kCodes[i % 3], kCodes[(i + 1) % 3]);
  }
  return n;
}

TEST(NetworkLookup, FindsEveryRouteByItsIdWhenThereAreThousands) {
  const auto net = BuildNetwork(ManyRoutes(5000));
  ASSERT_TRUE(net.ok()) << net.error().ToString();
  for (std::uint32_t i = 0; i < 5000; ++i) {
    EXPECT_THAT((*net)->FindRoute("R-" + std::to_string(i)), Optional(routes::RouteId(i)));
  }
  EXPECT_EQ((*net)->FindRoute("R-5000"), std::nullopt);
  EXPECT_EQ((*net)->FindRoute("r-1"), std::nullopt);
  EXPECT_EQ((*net)->FindRoute("R-1 "), std::nullopt);
  EXPECT_EQ((*net)->FindRoute(""), std::nullopt);
}

TEST(NetworkLookup, FindsAirportsOnlyByTheirExactUppercaseCode) {
  const auto net = BuildNetwork(ManyRoutes(3));
  ASSERT_TRUE(net.ok()) << net.error().ToString();
  EXPECT_THAT((*net)->FindAirport("SHE"), Optional(routes::AirportId(0)));
  EXPECT_THAT((*net)->FindAirport("ICN"), Optional(routes::AirportId(2)));
  for (const char* code : {"she", "SH", "SHEX", "", "S1E", "AAA", "ZZZ"}) {
    EXPECT_EQ((*net)->FindAirport(code), std::nullopt) << code;
  }
}

TEST(NetworkLookup, GroupsOutboundAndInboundRoutesByAirportInRouteOrder) {
  const auto net = BuildNetwork(ManyRoutes(7));  // SHE->YVR
  ASSERT_TRUE(net.ok()) << net.error().ToString();
  const auto out = (*net)->outbound(routes::AirportId(0));
  ASSERT_EQ(out.size(), 3u);
  EXPECT_EQ(out[0], routes::RouteId(0));
  EXPECT_EQ(out[1], routes::RouteId(3));
  EXPECT_EQ(out[2], routes::RouteId(6));
  const auto in = (*net)->inbound(routes::AirportId(2));  // YVR->ICN
  ASSERT_EQ(in.size(), 2u);
  EXPECT_EQ(in[0], routes::RouteId(1));
  EXPECT_EQ(in[1], routes::RouteId(4));
}

TEST(NetworkLookup, ReportsDuplicateWhenTheSameMalformedIataCodeRepeats) {
  v1::Network n = ManyRoutes(0);
  n.mutable_airports(1)->set_iata("she");
  n.mutable_airports(2)->set_iata("she");
  const auto net = BuildNetwork(n);
  ASSERT_FALSE(net.ok());
  EXPECT_THAT(net.error().violations,
              Contains(::testing::Field(&routes::FieldViolation::field, "airports[2].iata")));
  EXPECT_THAT(net.error().ToString(), HasSubstr("duplicate airport \"she\""));
}

TEST(NetworkLookup, ReportsEveryDuplicateRouteIdWhenIdsRepeat) {
  v1::Network n = ManyRoutes(6);
  n.mutable_routes(3)->set_id("R-0");
  n.mutable_routes(5)->set_id("R-0");
  const auto net = BuildNetwork(n);
  ASSERT_FALSE(net.ok());
  ASSERT_EQ(net.error().violations.size(), 2u);
  EXPECT_EQ(net.error().violations[0].field, "routes[3].id");
  EXPECT_EQ(net.error().violations[1].field, "routes[5].id");
  EXPECT_THAT(net.error().violations[1].message, HasSubstr("duplicate route id \"R-0\""));
}

TEST(BuildNetworkFromConsumedMessage, BuildsTheSameNetworkAsFromAConstMessage) {
  const v1::Network original = ManyRoutes(10);
  const auto copied = BuildNetwork(original);
  ASSERT_TRUE(copied.ok()) << copied.error().ToString();
  v1::Network consumed = original;
  const auto moved = BuildNetwork(std::move(consumed));
  ASSERT_TRUE(moved.ok()) << moved.error().ToString();
  std::string diff;
  google::protobuf::util::MessageDifferencer differencer;
  differencer.ReportDifferencesToString(&diff);
  EXPECT_TRUE(differencer.Compare(ToProto(**copied), ToProto(**moved))) << diff;
  EXPECT_EQ((*moved)->route(routes::RouteId(9)).source, original.routes(9).source());
  EXPECT_EQ((*moved)->name(), "many");
}

TEST(BuildNetworkFromConsumedMessage, ReportsTheSameProblemsAsFromAConstMessage) {
  v1::Network broken = ManyRoutes(4);
  broken.mutable_routes(1)->set_origin("XXX");
  broken.mutable_routes(2)->mutable_departures(1)->set_local_time("24:00");
  const auto copied = BuildNetwork(broken);
  const auto moved = BuildNetwork(v1::Network(broken));
  ASSERT_FALSE(copied.ok());
  ASSERT_FALSE(moved.ok());
  EXPECT_EQ(moved.error().ToString(), copied.error().ToString());
  EXPECT_THAT(moved.error().ToString(), HasSubstr("routes[2].departures[1].local_time"));
}

class BinaryNetworkFile : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string pattern = (std::filesystem::temp_directory_path() / "aircargo-load-XXXXXX");
    ASSERT_NE(mkdtemp(pattern.data()), nullptr);
    dir_ = pattern;
  }
  void TearDown() override {
    std::error_code ignored;
    std::filesystem::remove_all(dir_, ignored);
  }
  std::string PathOf(const std::string& name) const { return (dir_ / name).string(); }

 private:
  std::filesystem::path dir_;
};

TEST_F(BinaryNetworkFile, LoadsEveryRouteWhenTheFileIsLargerThanOneReadBuffer) {
  v1::Network original = ManyRoutes(2000);  // ~400 KB: several 64 KiB reads
  original.set_version(3);                  // (a file without one loads as version 1)
  ASSERT_TRUE(SaveNetworkFile(original, PathOf("big.pb")).ok());
  ASSERT_GT(std::filesystem::file_size(PathOf("big.pb")), 256u << 10);
  const auto loaded = LoadNetworkFile(PathOf("big.pb"));
  ASSERT_TRUE(loaded.ok()) << loaded.error().ToString();
  const auto direct = BuildNetwork(original);
  ASSERT_TRUE(direct.ok());
  google::protobuf::util::MessageDifferencer differencer;
  std::string diff;
  differencer.ReportDifferencesToString(&diff);
  EXPECT_TRUE(differencer.Compare(ToProto(**direct), ToProto(**loaded))) << diff;
}

TEST_F(BinaryNetworkFile, ReturnsNotFoundNamingThePathWhenFileIsMissing) {
  const auto net = LoadNetworkFile(PathOf("missing.pb"));
  ASSERT_FALSE(net.ok());
  EXPECT_EQ(net.error().code, routes::ErrorCode::kNotFound);
  EXPECT_THAT(net.error().ToString(), HasSubstr(PathOf("missing.pb")));
}

TEST_F(BinaryNetworkFile, ReturnsNotFoundNamingThePathWhenPathIsADirectory) {
  std::filesystem::create_directory(PathOf("folder.pb"));
  const auto net = LoadNetworkFile(PathOf("folder.pb"));
  ASSERT_FALSE(net.ok());
  EXPECT_EQ(net.error().code, routes::ErrorCode::kNotFound);
  EXPECT_THAT(net.error().ToString(), HasSubstr(PathOf("folder.pb")));
}

TEST_F(BinaryNetworkFile, NamesTheFileAndFieldWhenABinaryNetworkIsInvalid) {
  v1::Network broken = ManyRoutes(3);
  broken.mutable_routes(2)->set_payload_kg(0);
  ASSERT_TRUE(SaveNetworkFile(broken, PathOf("broken.pb")).ok());
  const auto net = LoadNetworkFile(PathOf("broken.pb"));
  ASSERT_FALSE(net.ok());
  EXPECT_EQ(net.error().code, routes::ErrorCode::kInvalidArgument);
  EXPECT_THAT(net.error().message, HasSubstr("broken.pb: "));
  ASSERT_EQ(net.error().violations.size(), 1u);
  EXPECT_EQ(net.error().violations[0].field, "routes[2].payload_kg");
}

}  // namespace
}  // namespace aircargo::formats
