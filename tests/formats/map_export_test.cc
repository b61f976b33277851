// Map layers and their writers: great-circle interpolation and antimeridian splitting, the network
// as layers under a scenario, GeoJSON structure and coordinate order, DOT with every route, and an
// SVG that parses as XML (checked with python3's xml.etree when python3 is installed).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "formats/dot.h"
#include "formats/geojson.h"
#include "formats/map_layer.h"
#include "formats/network_layers.h"
#include "formats/scenario_proto.h"
#include "formats/svg_map.h"
#include "routes/scenario_view.h"
#include "tests/server/test_network.h"

namespace aircargo::formats {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

constexpr std::chrono::year_month_day kAsOf{std::chrono::year{2025}, std::chrono::June,
                                            std::chrono::day{1}};

// Writes `text` to a temp file and runs `python3 -c SCRIPT FILE`; -1 when python3 is missing.
int RunPython(const std::string& script, const std::string& text, const std::string& name) {
  if (std::system("python3 -c 'pass' >/dev/null 2>&1") != 0) return -1;
  const std::string path = (std::filesystem::path(::testing::TempDir()) / name).string();
  std::ofstream(path) << text;
  const std::string command = "python3 -c '" + script + "' " + path;
  return std::system(command.c_str());
}

MapDocument TestMap(bool with_planned) {
  static const auto network = testing::TestNetwork();
  routes::Scenario scenario;
  scenario.as_of = kAsOf;
  scenario.include_planned = with_planned;
  auto view = routes::ScenarioView::Make(*network, scenario);
  EXPECT_TRUE(view.ok());
  return NetworkMap(*view);
}

const MapLine* FindLine(const MapDocument& doc, const std::string& id) {
  for (const auto& layer : doc.layers) {
    for (const auto& line : layer.lines) {
      if (line.id == id) return &line;
    }
  }
  return nullptr;
}

TEST(GreatCircle, InterpolatesThroughTheNorthPacificBetweenShenyangAndVancouver) {
  const auto points = GreatCirclePoints({41.6398, 123.4834}, {49.1939, -123.1844}, 64);
  ASSERT_EQ(points.size(), 65u);
  EXPECT_DOUBLE_EQ(points.front().longitude_deg, 123.4834);
  EXPECT_DOUBLE_EQ(points.back().latitude_deg, 49.1939);
  // The great circle bows north of both ends (over the Bering Sea area).
  double max_lat = -90;
  for (const auto& p : points) max_lat = std::max(max_lat, p.latitude_deg);
  EXPECT_GT(max_lat, 55);
}

TEST(GreatCircle, SplitsAtTheAntimeridianWithTheCrossingOnBothSides) {
  const auto parts =
      SplitAtAntimeridian(GreatCirclePoints({41.6398, 123.4834}, {49.1939, -123.1844}, 64));
  ASSERT_EQ(parts.size(), 2u);
  EXPECT_DOUBLE_EQ(parts[0].back().longitude_deg, 180);
  EXPECT_DOUBLE_EQ(parts[1].front().longitude_deg, -180);
  EXPECT_DOUBLE_EQ(parts[0].back().latitude_deg, parts[1].front().latitude_deg);
  for (const auto& part : parts) {
    for (const auto& p : part) EXPECT_LE(std::abs(p.longitude_deg), 180);
  }
  EXPECT_EQ(SplitAtAntimeridian(GreatCirclePoints({41.6, 123.5}, {37.5, 126.4}, 8)).size(), 1u);
}

TEST(NetworkMap, DrawsUsableRoutesAndDashesPlannedOnesOnlyWhenIncluded) {
  const MapDocument without = TestMap(false);
  EXPECT_EQ(FindLine(without, "SHE-MIA-CA"), nullptr);
  EXPECT_EQ(FindLine(without, "SHE-ICN-OZ"), nullptr);  // suspended
  ASSERT_NE(FindLine(without, "SHE-YVR-W8"), nullptr);
  EXPECT_FALSE(FindLine(without, "SHE-YVR-W8")->dashed);

  const MapDocument with = TestMap(true);
  const MapLine* planned = FindLine(with, "SHE-MIA-CA");
  ASSERT_NE(planned, nullptr);
  EXPECT_TRUE(planned->dashed);
  // Widest line = the largest weekly capacity (95 t x 3).
  EXPECT_GT(planned->width_px, FindLine(with, "SHE-YVR-W8")->width_px);
}

TEST(NetworkMap, ClosedAirportsDropTheirRoutes) {
  const auto network = testing::TestNetwork();
  v1::Scenario message;
  message.add_closed_airports("ICN");
  message.set_as_of("2025-06-01");
  auto scenario = ScenarioFromProto(message, *network, kAsOf);
  ASSERT_TRUE(scenario.ok());
  auto view = routes::ScenarioView::Make(*network, *scenario);
  ASSERT_TRUE(view.ok());
  const MapDocument doc = NetworkMap(*view);
  EXPECT_EQ(FindLine(doc, "SHE-ICN-KE"), nullptr);
  const MapPoint* icn = doc.FindPoint("ICN");
  ASSERT_NE(icn, nullptr);
  EXPECT_TRUE(icn->emphasised);
  EXPECT_NE(FindLine(doc, "SHE-YVR-W8"), nullptr);
  message.add_closed_airports("XXX");
  EXPECT_EQ(ScenarioFromProto(message, *network, kAsOf).error().code, routes::ErrorCode::kNotFound);
}

TEST(GeoJson, WritesLonLatPointsAndSplitsTheTransPacificRoute) {
  const std::string json = ToGeoJson(TestMap(true));
  EXPECT_THAT(json, HasSubstr("\"type\":\"FeatureCollection\""));
  // [lon, lat] order.
  EXPECT_THAT(json, HasSubstr("\"coordinates\":[123.4834,41.6398]"));
  EXPECT_THAT(json, Not(HasSubstr("[41.6398,123.4834]")));
  // SHE-YVR crosses the antimeridian; SHE-ICN does not.
  const auto she_yvr = json.find("\"id\":\"SHE-YVR-W8\"");
  ASSERT_NE(she_yvr, std::string::npos);
  const auto feature = json.rfind("{\"type\":\"Feature\"", she_yvr);
  const std::string multi = R"({"type":"Feature","geometry":{"type":"MultiLineString")";
  EXPECT_EQ(json.substr(feature, multi.size()), multi);
  EXPECT_THAT(json, HasSubstr("\"tonnes_per_week\":43.5"));
  EXPECT_THAT(json,
              HasSubstr("\"carrier\":\"W8\",\"mode\":\"freighter\",\"status\":\"operating\""));

  const int rc = RunPython(
      "import json,sys\n"
      "d=json.load(open(sys.argv[1]))\n"
      "assert d[\"type\"]==\"FeatureCollection\"\n"
      "kinds=[f[\"geometry\"][\"type\"] for f in d[\"features\"]]\n"
      "assert kinds.count(\"Point\")==5, kinds\n"
      "assert kinds.count(\"MultiLineString\")==2, kinds\n"
      "for f in d[\"features\"]:\n"
      "  g=f[\"geometry\"]; c=g[\"coordinates\"]\n"
      "  parts=[[c]] if g[\"type\"]==\"Point\" else [c] if g[\"type\"]==\"LineString\" else c\n"
      "  for part in parts:\n"
      "    for lon,lat in part: assert -180<=lon<=180 and -90<=lat<=90\n",
      json, "network.geojson");
  if (rc == -1) GTEST_SKIP() << "python3 not installed";
  EXPECT_EQ(rc, 0);
}

TEST(Dot, ContainsEveryRouteAsAnEdge) {
  const MapDocument doc = TestMap(true);
  const std::string dot = ToDot(doc);
  EXPECT_THAT(dot, HasSubstr("digraph G {"));
  int edges = 0;
  for (const auto& layer : doc.layers) {
    for (const auto& line : layer.lines) {
      EXPECT_THAT(dot, HasSubstr(line.from + "->" + line.to + " [id=\"" + line.id + "\""));
      ++edges;
    }
  }
  EXPECT_EQ(edges, 5);
  EXPECT_THAT(dot, HasSubstr("style=dashed"));
  EXPECT_THAT(dot, HasSubstr("pos=\"123.483,41.640!\""));
  EXPECT_EQ(DotQuoted("a \"b\""), "\"a \\\"b\\\"\"");
}

TEST(SvgMap, ParsesAsXmlAndContainsEveryRouteAndAirport) {
  MapDocument doc = TestMap(true);
  doc.title = "Routes <&> \"test\"";
  const std::string svg = ToSvgMap(doc);
  for (const auto& layer : doc.layers) {
    for (const auto& line : layer.lines) EXPECT_THAT(svg, HasSubstr("id=\"line-" + line.id + "\""));
    for (const auto& point : layer.points)
      EXPECT_THAT(svg, HasSubstr("id=\"point-" + point.id + "\""));
  }
  EXPECT_THAT(svg, HasSubstr("Routes &lt;&amp;&gt; &quot;test&quot;"));
  EXPECT_THAT(svg, HasSubstr("stroke-dasharray"));
  EXPECT_THAT(svg, HasSubstr("id=\"legend\""));
  const int rc = RunPython(
      "import sys,xml.etree.ElementTree as ET\n"
      "r=ET.parse(sys.argv[1]).getroot()\n"
      "ns=\"{http://www.w3.org/2000/svg}\"\n"
      "assert r.tag==ns+\"svg\"\n"
      "ids=[e.get(\"id\") for e in r.iter(ns+\"path\")]\n"
      "assert \"line-SHE-YVR-W8\" in ids and \"line-SHE-MIA-CA\" in ids, ids\n",
      svg, "network.svg");
  if (rc == -1) GTEST_SKIP() << "python3 not installed";
  EXPECT_EQ(rc, 0);
}

TEST(SvgMap, DrawsTheTransPacificArcWithoutAJumpAcrossThePicture) {
  // Pacific-centred: SHE (123 E) is left of YVR (123 W) and the arc stays between them.
  const std::string svg = ToSvgMap(TestMap(false));
  const auto start = svg.find("id=\"line-SHE-YVR-W8\" d=\"M");
  ASSERT_NE(start, std::string::npos);
  const auto end = svg.find('"', start + 24);
  const std::string d = svg.substr(start + 24, end - start - 24);
  double previous_x = -1;
  std::size_t pos = 0;
  int moves = 0;
  while (pos < d.size()) {
    if (d[pos] == 'M') ++moves;
    const double x = std::stod(d.substr(pos + 1));
    if (previous_x >= 0 && d[pos] == 'L') {
      EXPECT_GE(x, previous_x - 0.2);  // always eastwards
    }
    previous_x = x;
    pos = d.find_first_of("ML", pos + 1);
  }
  EXPECT_EQ(moves, 1);
}

TEST(WriteMapFile, ChoosesTheFormatByExtension) {
  const MapDocument doc = TestMap(false);
  const auto dir = std::filesystem::path(::testing::TempDir());
  ASSERT_TRUE(WriteMapFile(doc, (dir / "m.geojson").string()).ok());
  ASSERT_TRUE(WriteMapFile(doc, (dir / "m.svg").string()).ok());
  ASSERT_TRUE(WriteMapFile(doc, (dir / "m.dot").string()).ok());
  std::ifstream geojson(dir / "m.geojson");
  std::string first;
  std::getline(geojson, first);
  EXPECT_THAT(first, HasSubstr("FeatureCollection"));
  std::ifstream svg(dir / "m.svg");
  std::getline(svg, first);
  EXPECT_THAT(first, HasSubstr("<?xml"));
  const auto bad = WriteMapFile(doc, (dir / "m.kml").string());
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().code, routes::ErrorCode::kInvalidArgument);
}

}  // namespace
}  // namespace aircargo::formats
