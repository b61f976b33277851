// Path plans on a map: PathsMap's layers, and `aircargo path --svg/--geojson` writing the files.
#include "client/plan_map.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "tests/client/cli_test_support.h"

namespace aircargo::client {
namespace {

using ::testing::_;
using ::testing::DoAll;
using ::testing::HasSubstr;
using ::testing::Return;
using ::testing::SetArgPointee;

v1::GeoPoint At(const std::string& code) {
  v1::GeoPoint p;
  for (const auto& [iata, lat, lon] :
       {std::tuple{"SHE", 41.64, 123.48}, std::tuple{"ICN", 37.46, 126.44},
        std::tuple{"FRA", 50.03, 8.57}}) {
    if (code == iata) {
      p.set_latitude_deg(lat);
      p.set_longitude_deg(lon);
    }
  }
  return p;
}

// SHE -> FRA direct, and SHE -> ICN -> FRA; the legs carry their airports' positions.
v1::FindPathsResponse TwoPaths() {
  v1::FindPathsResponse response;
  response.set_network_version(3);
  const auto add =
      [&](std::initializer_list<std::tuple<const char*, const char*, const char*>> legs) {
        v1::PathPlan* plan = response.add_paths();
        for (const auto& [id, from, to] : legs) {
          v1::PathLeg* leg = plan->add_legs();
          leg->set_route_id(id);
          leg->set_origin(from);
          leg->set_destination(to);
          leg->set_capacity_kg_per_week(40'000);
          leg->set_basis(v1::EVIDENCE_BASIS_ILLUSTRATIVE);
          *leg->mutable_origin_position() = At(from);
          *leg->mutable_destination_position() = At(to);
        }
      };
  add({{"SHE-FRA-CZ", "SHE", "FRA"}});
  add({{"SHE-ICN-KE", "SHE", "ICN"}, {"ICN-FRA-KE", "ICN", "FRA"}});
  return response;
}

TEST(PathsMap, DrawsOneLayerPerPathWithItsLegsAndEndsEmphasised) {
  const formats::MapDocument doc = PathsMap(TwoPaths(), "SHE to FRA");
  ASSERT_EQ(doc.layers.size(), 2u);
  ASSERT_EQ(doc.layers[0].lines.size(), 1u);
  EXPECT_EQ(doc.layers[0].lines[0].label, "SHE-FRA-CZ");
  ASSERT_EQ(doc.layers[1].lines.size(), 2u);
  EXPECT_EQ(doc.layers[1].lines[1].from, "ICN");
  EXPECT_NE(doc.layers[0].lines[0].colour, doc.layers[1].lines[0].colour);
  const formats::MapPoint* she = doc.FindPoint("SHE");
  ASSERT_NE(she, nullptr);
  EXPECT_TRUE(she->emphasised);
  const formats::MapPoint* icn = doc.FindPoint("ICN");
  ASSERT_NE(icn, nullptr);
  EXPECT_FALSE(icn->emphasised) << "a transfer, not an end";
  EXPECT_EQ(doc.legend.size(), 2u);
}

TEST(PathsMap, DrawsTheAirportsWhereTheLegsSayTheyAre) {
  const formats::MapDocument doc = PathsMap(TwoPaths(), "t");
  const formats::MapPoint* fra = doc.FindPoint("FRA");
  ASSERT_NE(fra, nullptr);
  EXPECT_DOUBLE_EQ(fra->latitude_deg, 50.03);
  EXPECT_DOUBLE_EQ(fra->longitude_deg, 8.57);
}

TEST(PathsMap, LeavesOutLegsWithoutPositions) {
  v1::FindPathsResponse response = TwoPaths();
  response.mutable_paths(0)->mutable_legs(0)->clear_destination_position();
  const formats::MapDocument doc = PathsMap(response, "t");
  EXPECT_TRUE(doc.layers[0].lines.empty());
  EXPECT_EQ(doc.layers[1].lines.size(), 2u);
}

std::string Slurp(const std::string& path) {
  std::ifstream in(path);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

TEST(PathCommand, SvgAndGeojsonFlagsWriteTheMaps) {
  const std::string dir = std::filesystem::temp_directory_path() / "aircargo-plan-map-test";
  std::filesystem::create_directories(dir);
  testing::FakeStubs stubs;
  EXPECT_CALL(stubs.planner, FindPaths(_, _, _))
      .WillOnce(DoAll(SetArgPointee<2>(TwoPaths()), Return(grpc::Status::OK)));
  EXPECT_CALL(stubs.network, ListAirports(_, _, _)).Times(0);  // one call: the legs say where
  const auto run = testing::RunArgs(
      stubs, {"path", "SHE", "FRA", "--svg", dir + "/p.svg", "--geojson", dir + "/p.geojson"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_THAT(Slurp(dir + "/p.svg"), HasSubstr("<svg"));
  EXPECT_THAT(Slurp(dir + "/p.svg"), HasSubstr("ICN-FRA-KE"));
  // The path map has land under its routes, and each leg's tooltip names its basis.
  const std::string svg = Slurp(dir + "/p.svg");
  ASSERT_NE(svg.find("<g id=\"land\""), std::string::npos);
  EXPECT_LT(svg.find("<g id=\"land\""), svg.find("<g id=\"lines\""));
  EXPECT_THAT(svg, HasSubstr("basis: illustrative"));
  EXPECT_THAT(Slurp(dir + "/p.geojson"), HasSubstr("\"SHE-FRA-CZ\""));
  std::filesystem::remove_all(dir);
}

TEST(PathCommand, UnwritableMapFileIsAOneLineError) {
  testing::FakeStubs stubs;
  EXPECT_CALL(stubs.planner, FindPaths(_, _, _))
      .WillOnce(DoAll(SetArgPointee<2>(TwoPaths()), Return(grpc::Status::OK)));
  EXPECT_CALL(stubs.network, ListAirports(_, _, _)).Times(0);  // one call: the legs say where
  const auto run =
      testing::RunArgs(stubs, {"path", "SHE", "FRA", "--svg", "/nonexistent/dir/p.svg"});
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_THAT(run.err, HasSubstr("/nonexistent/dir/p.svg"));
  EXPECT_EQ(std::count(run.err.begin(), run.err.end(), '\n'), 1);
}

}  // namespace
}  // namespace aircargo::client
