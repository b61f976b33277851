#include "formats/land.h"

#include <charconv>

// Generated from formats/maps/land-110m.txt by cmake/EmbedText.cmake.
std::string_view AircargoLand110mText();

namespace aircargo::formats {
namespace {

bool ParseNumber(std::string_view text, double& out) {
  const auto result = std::from_chars(text.data(), text.data() + text.size(), out);
  return result.ec == std::errc() && result.ptr == text.data() + text.size();
}

// "lon,lat lon,lat ..." into points; false on any malformed pair.
bool ParseRing(std::string_view text, std::vector<LatLon>& ring) {
  while (!text.empty()) {
    const std::size_t space = text.find(' ');
    const std::string_view pair = text.substr(0, space);
    text = space == std::string_view::npos ? std::string_view() : text.substr(space + 1);
    if (pair.empty()) continue;
    const std::size_t comma = pair.find(',');
    if (comma == std::string_view::npos) return false;
    LatLon p;
    if (!ParseNumber(pair.substr(0, comma), p.longitude_deg) ||
        !ParseNumber(pair.substr(comma + 1), p.latitude_deg)) {
      return false;
    }
    if (!(p.longitude_deg >= -180 && p.longitude_deg <= 180 && p.latitude_deg >= -90 &&
          p.latitude_deg <= 90)) {
      return false;
    }
    ring.push_back(p);
  }
  return ring.size() >= 3;
}

}  // namespace

std::vector<MapPolygon> ParseLandText(std::string_view text) {
  std::vector<MapPolygon> polygons;
  while (!text.empty()) {
    const std::size_t end = text.find('\n');
    std::string_view line = text.substr(0, end);
    text = end == std::string_view::npos ? std::string_view() : text.substr(end + 1);
    if (line.size() < 3 || line[1] != ' ' || (line[0] != 'P' && line[0] != 'H')) continue;
    std::vector<LatLon> ring;
    if (!ParseRing(line.substr(2), ring)) continue;
    if (line[0] == 'P') {
      polygons.push_back({{std::move(ring)}});
    } else if (!polygons.empty()) {
      polygons.back().rings.push_back(std::move(ring));
    }
  }
  return polygons;
}

const std::vector<MapPolygon>& Land110m() {
  static const std::vector<MapPolygon> land = ParseLandText(AircargoLand110mText());
  return land;
}

MapLayer LandLayer() {
  MapLayer layer;
  layer.name = "land";
  layer.polygons = Land110m();
  return layer;
}

void AddLand(MapDocument& document) {
  for (const MapLayer& layer : document.layers) {
    if (!layer.polygons.empty()) return;
  }
  document.layers.insert(document.layers.begin(), LandLayer());
}

}  // namespace aircargo::formats
