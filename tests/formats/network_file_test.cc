// Network files: text-format loading with "NAME:LINE:COL" locations for syntax errors and for
// every validation problem, and save/load round trips through real files (text and binary).
#include "formats/network_file.h"

#include <gmock/gmock.h>
#include <google/protobuf/util/message_differencer.h>
#include <gtest/gtest.h>
#include <stdlib.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <string_view>

#include "formats/network_proto.h"

namespace aircargo::formats {
namespace {

using ::testing::AllOf;
using ::testing::ElementsAre;
using ::testing::EndsWith;
using ::testing::HasSubstr;
using ::testing::StartsWith;
using ::testing::UnorderedElementsAre;

// 1-based line of the first occurrence of `needle` in `text` at or after `from`.
std::string LineOf(std::string_view text, std::string_view needle, std::size_t from = 0) {
  const std::size_t pos = text.find(needle, from);
  EXPECT_NE(pos, std::string_view::npos) << "test text lacks " << needle;
  if (pos == std::string_view::npos) return "?";
  return std::to_string(1 + std::count(text.begin(), text.begin() + pos, '\n'));
}

// "LINE:COL" (1-based) of the first occurrence of `needle` in `text` at or after `from`.
std::string LocationOf(std::string_view text, std::string_view needle, std::size_t from = 0) {
  const std::size_t pos = text.find(needle, from);
  if (pos == std::string_view::npos) return LineOf(text, needle, from);
  const std::size_t newline = text.rfind('\n', pos);
  const std::size_t column = newline == std::string_view::npos ? pos + 1 : pos - newline;
  return LineOf(text, needle, from) + ":" + std::to_string(column);
}

// Three airports, one per line:  SHE (CN)   YVR (CA)   ICN (KR)
// (Plain raw strings: clang-format would re-indent an R"pb(...)" literal.)
constexpr std::string_view kAirports = R"(name: "three airports"
description: "SHE, YVR and ICN"
airports { iata: "SHE" icao: "ZYTX" country: "CN" latitude_deg: 41.6398 longitude_deg: 123.4834 time_zone: "Asia/Shanghai" }
airports { iata: "YVR" icao: "CYVR" country: "CA" latitude_deg: 49.1939 longitude_deg: -123.1844 time_zone: "America/Vancouver" }
airports { iata: "ICN" icao: "RKSI" country: "KR" latitude_deg: 37.4602 longitude_deg: 126.4407 time_zone: "Asia/Seoul" }
)";

// SHE --SHE-YVR-RS, 1/wk Sun 19:30, distance derived--> YVR
// SHE --SHE-ICN-CA, 2/wk belly, 600 km----------------> ICN
constexpr std::string_view kValidRoutes = R"(routes {
  id: "SHE-YVR-RS"
  origin: "SHE"
  destination: "YVR"
  carrier: "RS"
  mode: MODE_FREIGHTER
  aircraft: "B767-300F"
  payload_kg: 43500
  flights_per_week: 1
  departures { weekday: SUNDAY local_time: "19:30" }
  block_minutes: 600
  status: ROUTE_STATUS_OPERATING
  effective_from: "2024-11-17"
  tags: "e-commerce"
}
routes {
  id: "SHE-ICN-CA"
  origin: "SHE"
  destination: "ICN"
  carrier: "CA"
  mode: MODE_BELLY
  payload_kg: 8000
  flights_per_week: 2
  departures { weekday: TUESDAY local_time: "08:05" }
  departures { weekday: SATURDAY local_time: "23:59" }
  block_minutes: 110
  distance_km: 600
  cost_per_kg_micros: 1500000
  status: ROUTE_STATUS_PLANNED
}
)";

std::string ValidText() { return std::string(kAirports) + std::string(kValidRoutes); }

TEST(LoadNetworkText, BuildsNetworkWhenTextIsValid) {
  const auto net = LoadNetworkText(ValidText(), "net.textproto");
  ASSERT_TRUE(net.ok()) << net.error().ToString();
  EXPECT_EQ((*net)->name(), "three airports");
  EXPECT_EQ((*net)->airports().size(), 3u);
  ASSERT_EQ((*net)->routes().size(), 2u);
  const auto yvr = (*net)->FindRoute("SHE-YVR-RS");
  ASSERT_TRUE(yvr.has_value());
  const routes::Route& r = (*net)->route(*yvr);
  EXPECT_EQ(r.mode, routes::Mode::kFreighter);
  ASSERT_EQ(r.departures.size(), 1u);
  EXPECT_EQ(r.departures[0].weekday, routes::Weekday::kSunday);
  EXPECT_EQ(r.departures[0].minute_of_day, 19 * 60 + 30);
  EXPECT_NEAR(r.distance_km, 8003, 80);
  EXPECT_EQ((*net)->route(routes::RouteId(1)).status, routes::RouteStatus::kPlanned);
}

TEST(LoadNetworkText, ReportsNameLineAndColumnWhenSyntaxIsBad) {
  const std::string text =
      std::string(kAirports) + "routes {\n  id: \"X\"\n  payload_kg: heavy\n}\n";
  const auto net = LoadNetworkText(text, "net.textproto");
  ASSERT_FALSE(net.ok());
  EXPECT_EQ(net.error().code, routes::ErrorCode::kInvalidArgument);
  EXPECT_THAT(
      net.error().message,
      AllOf(StartsWith("net.textproto:" + LocationOf(text, "heavy") + ": "), HasSubstr("heavy")));
}

TEST(LoadNetworkText, ReportsTheLineWhenFieldNameIsUnknown) {
  const std::string text = std::string(kAirports) + "routes {\n  id: \"X\"\n  bogus_kg: 1\n}\n";
  const auto net = LoadNetworkText(text, "net.textproto");
  ASSERT_FALSE(net.ok());
  EXPECT_THAT(
      net.error().message,
      AllOf(StartsWith("net.textproto:" + LineOf(text, "bogus_kg") + ":"), HasSubstr("bogus_kg")));
}

TEST(LoadNetworkText, PointsAtTheFieldLineWhenAValueIsInvalid) {
  std::string text = ValidText();
  const std::string_view good = "payload_kg: 8000";
  text.replace(text.find(good), good.size(), "payload_kg: 2000000");
  const auto net = LoadNetworkText(text, "net.textproto");
  ASSERT_FALSE(net.ok());
  EXPECT_EQ(net.error().code, routes::ErrorCode::kInvalidArgument);
  ASSERT_EQ(net.error().violations.size(), 1u);
  const routes::FieldViolation& v = net.error().violations[0];
  EXPECT_EQ(v.field,
            "net.textproto:" + LocationOf(text, "payload_kg: 2000000") + ": routes[1].payload_kg");
  EXPECT_THAT(v.message, HasSubstr("2000000"));
  EXPECT_THAT(net.error().message, StartsWith("net.textproto: "));
}

TEST(LoadNetworkText, PointsAtTheNestedFieldWhenADepartureTimeIsInvalid) {
  std::string text = ValidText();
  text.replace(text.find("\"23:59\""), 7, "\"24:00\"");
  const auto net = LoadNetworkText(text, "net.textproto");
  ASSERT_FALSE(net.ok());
  EXPECT_THAT(
      net.error().violations,
      ElementsAre(::testing::Field(&routes::FieldViolation::field,
                                   "net.textproto:" + LocationOf(text, "local_time: \"24:00\"") +
                                       ": routes[1].departures[1].local_time")));
}

TEST(LoadNetworkText, PointsAtTheEnclosingElementWhenAFieldIsMissing) {
  //   routes[1] states no carrier: point at its "routes {" line.
  std::string text = ValidText();
  text.erase(text.find("  carrier: \"CA\"\n"), std::string_view("  carrier: \"CA\"\n").size());
  const auto net = LoadNetworkText(text, "net.textproto");
  ASSERT_FALSE(net.ok());
  const std::size_t second_route = text.find("routes {", text.find("routes {") + 1);
  EXPECT_THAT(
      net.error().violations,
      ElementsAre(::testing::Field(
          &routes::FieldViolation::field,
          "net.textproto:" + LocationOf(text, "routes {", second_route) + ": routes[1].carrier")));
}

TEST(LoadNetworkText, PointsAtTheDeparturesWhenTheirCountIsWrong) {
  //   routes[1] says 3 flights a week but lists 2 departures.
  std::string text = ValidText();
  text.replace(text.find("flights_per_week: 2"), 19, "flights_per_week: 3");
  const auto net = LoadNetworkText(text, "net.textproto");
  ASSERT_FALSE(net.ok());
  ASSERT_EQ(net.error().violations.size(), 1u);
  EXPECT_EQ(net.error().violations[0].field,
            "net.textproto:" + LocationOf(text, "departures { weekday: TUESDAY") +
                ": routes[1].departures");
}

TEST(LoadNetworkText, ReportsEveryProblemWithItsLocationWhenThereAreSeveral) {
  //   YVR country "ca"; routes[0] unknown destination; routes[1] mode unset (missing).
  std::string text = ValidText();
  text.replace(text.find("country: \"CA\""), 13, "country: \"ca\"");
  text.replace(text.find("destination: \"YVR\""), 18, "destination: \"LAX\"");
  text.erase(text.find("  mode: MODE_BELLY\n"), std::string_view("  mode: MODE_BELLY\n").size());
  const auto net = LoadNetworkText(text, "net.textproto");
  ASSERT_FALSE(net.ok());
  EXPECT_EQ(net.error().message, "net.textproto: the network has 3 problems");
  const std::size_t second_route = text.find("routes {", text.find("routes {") + 1);
  EXPECT_THAT(net.error().violations,
              UnorderedElementsAre(
                  ::testing::Field(&routes::FieldViolation::field,
                                   "net.textproto:" + LocationOf(text, "country: \"ca\"") +
                                       ": airports[1].country"),
                  ::testing::Field(&routes::FieldViolation::field,
                                   "net.textproto:" + LocationOf(text, "destination: \"LAX\"") +
                                       ": routes[0].destination"),
                  ::testing::Field(&routes::FieldViolation::field,
                                   "net.textproto:" + LocationOf(text, "routes {", second_route) +
                                       ": routes[1].mode")));
}

TEST(LoadNetworkText, PointsAtTheCoordinateWhenTextSaysNan) {
  // Text format spells NaN and infinity; the builder must still reject them.
  std::string text = ValidText();
  text.replace(text.find("latitude_deg: 37.4602"), 21, "latitude_deg: nan");
  text.replace(text.find("distance_km: 600"), 16, "distance_km: inf");
  const auto net = LoadNetworkText(text, "net.textproto");
  ASSERT_FALSE(net.ok());
  EXPECT_THAT(
      net.error().violations,
      ElementsAre(::testing::Field(&routes::FieldViolation::field,
                                   "net.textproto:" + LocationOf(text, "latitude_deg: nan") +
                                       ": airports[2].latitude_deg"),
                  ::testing::Field(&routes::FieldViolation::field,
                                   "net.textproto:" + LocationOf(text, "distance_km: inf") +
                                       ": routes[1].distance_km")));
}

TEST(LoadNetworkText, ReportsNoAirportsWhenTextIsEmpty) {
  const auto net = LoadNetworkText("", "empty.textproto");
  ASSERT_FALSE(net.ok());
  ASSERT_EQ(net.error().violations.size(), 1u);
  EXPECT_EQ(net.error().violations[0].field, "empty.textproto: airports");
}

TEST(LoadNetworkText, SetsVersionOneWhenTextStatesNone) {
  const auto net = LoadNetworkText(ValidText(), "net.textproto");
  ASSERT_TRUE(net.ok()) << net.error().ToString();
  EXPECT_EQ((*net)->version(), 1);
}

TEST(LoadNetworkText, KeepsTheVersionWhenTextStatesOne) {
  const auto net = LoadNetworkText("version: 12\n" + ValidText(), "net.textproto");
  ASSERT_TRUE(net.ok()) << net.error().ToString();
  EXPECT_EQ((*net)->version(), 12);
}

TEST(ParseNetworkText, KeepsInvalidValuesWhenSyntaxIsFine) {
  // Parsing alone does not validate: payload 0 and a bad time come through as written.
  const auto msg = ParseNetworkText(
      "routes { id: \"A\" payload_kg: 0 departures { local_time: \"99:99\" } }", "p.textproto");
  ASSERT_TRUE(msg.ok()) << msg.error().ToString();
  ASSERT_EQ(msg->routes_size(), 1);
  EXPECT_EQ(msg->routes(0).departures(0).local_time(), "99:99");
}

TEST(ParseNetworkText, ReportsNameLineAndColumnWhenSyntaxIsBad) {
  const auto msg = ParseNetworkText("name: \"x\"\nairports {\n  iata: \"SHE\"\n", "p.textproto");
  ASSERT_FALSE(msg.ok());
  EXPECT_EQ(msg.error().code, routes::ErrorCode::kInvalidArgument);
  EXPECT_THAT(msg.error().message, StartsWith("p.textproto:4:"));  // end of input
}

// --- Files ----------------------------------------------------------------------------------

class NetworkFile : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string pattern = (std::filesystem::temp_directory_path() / "aircargo-test-XXXXXX");
    ASSERT_NE(mkdtemp(pattern.data()), nullptr);
    dir_ = pattern;
  }
  void TearDown() override {
    std::error_code ignored;
    std::filesystem::remove_all(dir_, ignored);
  }

  std::string PathOf(const std::string& name) const { return (dir_ / name).string(); }

  void WriteBytes(const std::string& path, std::string_view bytes) const {
    std::ofstream out(path, std::ios::binary);
    out << bytes;
  }

  static v1::Network ValidMessage() {
    auto msg = ParseNetworkText(ValidText(), "valid.textproto");
    EXPECT_TRUE(msg.ok());
    return msg.ok() ? *msg : v1::Network();
  }

  // Save, load, and compare the loaded network with the one built from the message directly.
  void ExpectRoundTrip(const std::string& file_name) {
    v1::Network original = ValidMessage();
    original.set_version(3);  // a stated version survives the trip
    const std::string path = PathOf(file_name);
    const auto saved = SaveNetworkFile(original, path);
    ASSERT_TRUE(saved.ok()) << saved.error().ToString();
    EXPECT_FALSE(std::filesystem::exists(path + ".tmp"));

    const auto loaded = LoadNetworkFile(path);
    ASSERT_TRUE(loaded.ok()) << loaded.error().ToString();
    const auto direct = BuildNetwork(original);
    ASSERT_TRUE(direct.ok()) << direct.error().ToString();
    std::string diff;
    google::protobuf::util::MessageDifferencer differencer;
    differencer.ReportDifferencesToString(&diff);
    EXPECT_TRUE(differencer.Compare(ToProto(**direct), ToProto(**loaded))) << diff;
  }

  std::filesystem::path dir_;
};

TEST_F(NetworkFile, RoundTripsWhenSavedAsTextproto) {
  ExpectRoundTrip("net.textproto");
  std::ifstream in(PathOf("net.textproto"));
  const std::string content((std::istreambuf_iterator<char>(in)), {});
  EXPECT_THAT(content, HasSubstr("iata: \"SHE\""));  // written as text
}

TEST_F(NetworkFile, RoundTripsWhenSavedAsBinaryPb) {
  ExpectRoundTrip("net.pb");
  std::ifstream in(PathOf("net.pb"), std::ios::binary);
  const std::string content((std::istreambuf_iterator<char>(in)), {});
  EXPECT_THAT(content, ::testing::Not(HasSubstr("iata:")));  // written as binary
  v1::Network parsed;
  EXPECT_TRUE(parsed.ParseFromString(content));
  EXPECT_EQ(parsed.airports_size(), 3);
}

TEST_F(NetworkFile, RoundTripsWhenSavedAsBinpb) { ExpectRoundTrip("net.binpb"); }

TEST_F(NetworkFile, SetsVersionOneWhenBinaryFileStatesNone) {
  ASSERT_TRUE(SaveNetworkFile(ValidMessage(), PathOf("net.pb")).ok());
  const auto loaded = LoadNetworkFile(PathOf("net.pb"));
  ASSERT_TRUE(loaded.ok()) << loaded.error().ToString();
  EXPECT_EQ((*loaded)->version(), 1);
}

TEST_F(NetworkFile, ReturnsNotFoundNamingThePathWhenFileIsMissing) {
  const std::string path = PathOf("missing.textproto");
  const auto net = LoadNetworkFile(path);
  ASSERT_FALSE(net.ok());
  EXPECT_EQ(net.error().code, routes::ErrorCode::kNotFound);
  EXPECT_THAT(net.error().ToString(), HasSubstr(path));
}

TEST_F(NetworkFile, ReturnsNotFoundNamingThePathWhenPathIsADirectory) {
  const std::string path = PathOf("folder.textproto");
  std::filesystem::create_directory(path);
  const auto net = LoadNetworkFile(path);
  ASSERT_FALSE(net.ok());
  EXPECT_EQ(net.error().code, routes::ErrorCode::kNotFound) << net.error().ToString();
  EXPECT_THAT(net.error().ToString(), HasSubstr(path));
}

TEST_F(NetworkFile, ReturnsInvalidArgumentWhenBinaryFileIsCorrupt) {
  std::string bytes;
  ASSERT_TRUE(ValidMessage().SerializeToString(&bytes));
  WriteBytes(PathOf("corrupt.pb"), bytes.substr(0, bytes.size() / 2));  // cut mid-message
  const auto net = LoadNetworkFile(PathOf("corrupt.pb"));
  ASSERT_FALSE(net.ok());
  EXPECT_EQ(net.error().code, routes::ErrorCode::kInvalidArgument);
  EXPECT_THAT(net.error().message, HasSubstr("corrupt.pb"));
}

TEST_F(NetworkFile, ReturnsInvalidArgumentWhenBinaryFileIsGarbage) {
  WriteBytes(PathOf("garbage.pb"), std::string("\xff\xff\xff\xff", 4));
  const auto net = LoadNetworkFile(PathOf("garbage.pb"));
  ASSERT_FALSE(net.ok());
  EXPECT_EQ(net.error().code, routes::ErrorCode::kInvalidArgument);
  EXPECT_THAT(net.error().message, HasSubstr("garbage.pb"));
}

TEST_F(NetworkFile, ReportsFieldPathsWhenBinaryFileHasInvalidValues) {
  v1::Network msg = ValidMessage();
  msg.mutable_routes(1)->set_payload_kg(0);
  std::string bytes;
  ASSERT_TRUE(msg.SerializeToString(&bytes));
  WriteBytes(PathOf("bad.pb"), bytes);
  const auto net = LoadNetworkFile(PathOf("bad.pb"));
  ASSERT_FALSE(net.ok());
  EXPECT_EQ(net.error().code, routes::ErrorCode::kInvalidArgument);
  EXPECT_THAT(net.error().message, StartsWith("bad.pb: "));
  ASSERT_EQ(net.error().violations.size(), 1u);
  EXPECT_THAT(net.error().violations[0].field, EndsWith("routes[1].payload_kg"));
}

TEST_F(NetworkFile, UsesTheBaseNameInLocationsWhenTextFileIsBad) {
  std::string text = ValidText();
  text.replace(text.find("payload_kg: 8000"), 16, "payload_kg: -5");
  WriteBytes(PathOf("bad.textproto"), text);
  const auto net = LoadNetworkFile(PathOf("bad.textproto"));
  ASSERT_FALSE(net.ok());
  ASSERT_EQ(net.error().violations.size(), 1u);
  EXPECT_EQ(net.error().violations[0].field,
            "bad.textproto:" + LocationOf(text, "payload_kg: -5") + ": routes[1].payload_kg");
}

TEST_F(NetworkFile, FailsWithoutLeavingFilesWhenDirectoryIsMissing) {
  const std::string path = PathOf("no-such-dir/net.textproto");
  const auto saved = SaveNetworkFile(ValidMessage(), path);
  ASSERT_FALSE(saved.ok());
  EXPECT_THAT(saved.error().message, HasSubstr("no-such-dir"));
  EXPECT_THAT(std::filesystem::is_empty(dir_), true);
}

}  // namespace
}  // namespace aircargo::formats
