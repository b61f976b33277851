// The built-in land layer: the embedded Natural Earth 1:110m text parses into plausible polygons
// (a ray-casting point-in-polygon check finds known places on land and the open ocean off it), the
// SVG map draws it first, under the routes, and GeoJSON carries it as closed Polygon features.
#include "formats/land.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "formats/geojson.h"
#include "formats/network_layers.h"
#include "formats/svg_map.h"
#include "routes/scenario_view.h"
#include "tests/server/test_network.h"

namespace aircargo::formats {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

// Even-odd ray casting over every ring of every polygon (holes flip the answer back).
bool OnLand(const std::vector<MapPolygon>& land, double lat, double lon) {
  bool inside = false;
  for (const MapPolygon& polygon : land) {
    for (const auto& ring : polygon.rings) {
      for (std::size_t i = 0, j = ring.size() - 1; i < ring.size(); j = i++) {
        const LatLon& a = ring[i];
        const LatLon& b = ring[j];
        if ((a.latitude_deg > lat) != (b.latitude_deg > lat) &&
            lon < (b.longitude_deg - a.longitude_deg) * (lat - a.latitude_deg) /
                          (b.latitude_deg - a.latitude_deg) +
                      a.longitude_deg) {
          inside = !inside;
        }
      }
    }
  }
  return inside;
}

TEST(Land, ParsesPolygonsAndHolesAndSkipsMalformedLines) {
  const auto polygons = ParseLandText(
      "# comment\n"
      "P 0,0 10,0 10,10 0,10\n"
      "H 2,2 4,2 4,4\n"
      "P 20,0 30,0 x,5\n"  // malformed pair: skipped
      "H 1,1 2,1\n"        // too short: skipped
      "P 20,0 30,0 25,5\n");
  ASSERT_EQ(polygons.size(), 2u);
  ASSERT_EQ(polygons[0].rings.size(), 2u);
  EXPECT_EQ(polygons[0].rings[0].size(), 4u);
  EXPECT_DOUBLE_EQ(polygons[0].rings[0][1].longitude_deg, 10);
  EXPECT_DOUBLE_EQ(polygons[0].rings[0][2].latitude_deg, 10);
  EXPECT_EQ(polygons[1].rings.size(), 1u);
}

TEST(Land, EmbeddedNaturalEarthLandHasTheContinentsWhereTheyBelong) {
  const auto& land = Land110m();
  EXPECT_GT(land.size(), 100u);
  std::size_t points = 0;
  for (const MapPolygon& p : land) {
    for (const auto& ring : p.rings) points += ring.size();
  }
  EXPECT_GT(points, 4000u);
  // On land: Shenyang, Vancouver, Chicago, Frankfurt, Sao Paulo, Nairobi.
  EXPECT_TRUE(OnLand(land, 41.64, 123.48));
  EXPECT_TRUE(OnLand(land, 49.19, -123.18));
  EXPECT_TRUE(OnLand(land, 41.98, -87.90));
  EXPECT_TRUE(OnLand(land, 50.03, 8.57));
  EXPECT_TRUE(OnLand(land, -23.43, -46.47));
  EXPECT_TRUE(OnLand(land, -1.32, 36.93));
  // At sea: the mid-Pacific, the mid-Atlantic, the Indian Ocean, the Sea of Japan.
  EXPECT_FALSE(OnLand(land, 0, -150));
  EXPECT_FALSE(OnLand(land, 30, -40));
  EXPECT_FALSE(OnLand(land, -20, 80));
  EXPECT_FALSE(OnLand(land, 40, 135));
}

MapDocument Network() {
  static const auto network = testing::TestNetwork();
  return NetworkMap(routes::ScenarioView::Operating(
      *network, {std::chrono::year{2025}, std::chrono::June, std::chrono::day{1}}));
}

TEST(Land, SvgMapDrawsLandFirstUnderTheRoutesAndThePoints) {
  const std::string svg = ToSvgMap(Network());
  const auto land = svg.find("<g id=\"land\"");
  const auto lines = svg.find("<g id=\"lines\"");
  const auto points = svg.find("<g id=\"points\"");
  ASSERT_NE(land, std::string::npos);
  ASSERT_NE(lines, std::string::npos);
  EXPECT_LT(land, lines) << "land must be drawn before (under) the routes";
  EXPECT_LT(land, points);
  // One filled, even-odd path with many subpaths.
  const std::string group = svg.substr(land, lines - land);
  EXPECT_THAT(group, HasSubstr("fill-rule=\"evenodd\""));
  std::size_t subpaths = 0;
  for (char c : group) subpaths += c == 'M';
  EXPECT_GT(subpaths, 20u);
}

TEST(Land, SvgMapLeavesLandOutWhenAskedTo) {
  SvgMapOptions options;
  options.land = false;
  EXPECT_THAT(ToSvgMap(Network(), options), Not(HasSubstr("id=\"land\"")));
}

TEST(Land, WholeWorldSvgWithLandStaysCompact) {
  SvgMapOptions options;
  options.fit_to_points = false;
  const std::string svg = ToSvgMap(Network(), options);
  const auto land = svg.find("<g id=\"land\"");
  ASSERT_NE(land, std::string::npos);
  EXPECT_LT(svg.size(), 200'000u);  // land adds well under 200 KB
}

TEST(Land, GeoJsonCarriesLandAsClosedPolygonsOnlyWhenAdded) {
  MapDocument doc = Network();
  EXPECT_THAT(ToGeoJson(doc), Not(HasSubstr("\"Polygon\"")));
  AddLand(doc);
  AddLand(doc);  // idempotent
  ASSERT_EQ(doc.layers.front().name, "land");
  EXPECT_NE(doc.layers[1].name, "land");
  const std::string json = ToGeoJson(doc);
  EXPECT_THAT(json, HasSubstr("\"type\":\"Polygon\""));
  EXPECT_THAT(json, HasSubstr("\"id\":\"land-1\",\"layer\":\"land\""));
  // The first ring is closed: its first position is also its last.
  const std::string key = "\"coordinates\":[[";
  const auto at = json.find(key + "[");
  ASSERT_NE(at, std::string::npos);
  const auto start = at + key.size();
  const std::string first = json.substr(start, json.find(']', start) - start + 1);
  const auto ring_end = json.find("]]", start);
  const std::string ring = json.substr(start, ring_end - start + 1);
  EXPECT_GT(ring.rfind(first), 0u) << first;
  EXPECT_EQ(ring.substr(ring.size() - first.size()), first);
}

}  // namespace
}  // namespace aircargo::formats
