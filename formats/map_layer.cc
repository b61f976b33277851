#include "formats/map_layer.h"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <numbers>

#include "formats/dot.h"
#include "formats/geojson.h"
#include "formats/svg_map.h"
#include "routes/geo.h"

namespace aircargo::formats {
namespace {

constexpr double kDeg = std::numbers::pi / 180.0;

struct Vec3 {
  double x, y, z;
};

Vec3 ToVec(LatLon p) {
  const double lat = p.latitude_deg * kDeg;
  const double lon = p.longitude_deg * kDeg;
  return {std::cos(lat) * std::cos(lon), std::cos(lat) * std::sin(lon), std::sin(lat)};
}

LatLon FromVec(Vec3 v) {
  return {std::atan2(v.z, std::hypot(v.x, v.y)) / kDeg, std::atan2(v.y, v.x) / kDeg};
}

}  // namespace

const MapPoint* MapDocument::FindPoint(const std::string& id) const {
  for (const MapLayer& layer : layers) {
    for (const MapPoint& point : layer.points) {
      if (point.id == id) return &point;
    }
  }
  return nullptr;
}

std::unordered_map<std::string, const MapPoint*> PointIndex(const MapDocument& document) {
  std::unordered_map<std::string, const MapPoint*> index;
  for (const MapLayer& layer : document.layers) {
    for (const MapPoint& point : layer.points) index.emplace(point.id, &point);
  }
  return index;
}

int GreatCircleSegments(LatLon a, LatLon b) {
  const double km =
      routes::GreatCircleKm(a.latitude_deg, a.longitude_deg, b.latitude_deg, b.longitude_deg);
  return std::clamp(static_cast<int>(km / 100.0), 2, 128);
}

std::vector<LatLon> GreatCirclePoints(LatLon a, LatLon b, int segments) {
  segments = std::max(segments, 1);
  std::vector<LatLon> out;
  out.reserve(static_cast<std::size_t>(segments) + 1);
  const Vec3 va = ToVec(a);
  const Vec3 vb = ToVec(b);
  const double dot = std::clamp(va.x * vb.x + va.y * vb.y + va.z * vb.z, -1.0, 1.0);
  const double omega = std::acos(dot);
  const double sin_omega = std::sin(omega);
  for (int i = 0; i <= segments; ++i) {
    const double t = static_cast<double>(i) / segments;
    if (i == 0) {
      out.push_back(a);
    } else if (i == segments) {
      out.push_back(b);
    } else if (sin_omega < 1e-9) {
      out.push_back({a.latitude_deg + (b.latitude_deg - a.latitude_deg) * t,
                     a.longitude_deg + (b.longitude_deg - a.longitude_deg) * t});
    } else {
      const double wa = std::sin((1 - t) * omega) / sin_omega;
      const double wb = std::sin(t * omega) / sin_omega;
      out.push_back(FromVec({wa * va.x + wb * vb.x, wa * va.y + wb * vb.y, wa * va.z + wb * vb.z}));
    }
  }
  return out;
}

std::vector<std::vector<LatLon>> SplitAtAntimeridian(const std::vector<LatLon>& points) {
  std::vector<std::vector<LatLon>> parts;
  if (points.empty()) return parts;
  parts.emplace_back();
  parts.back().push_back(points.front());
  for (std::size_t i = 1; i < points.size(); ++i) {
    const LatLon p = points[i - 1];
    const LatLon q = points[i];
    const double jump = q.longitude_deg - p.longitude_deg;
    if (std::abs(jump) > 180.0) {
      // Crossing: east-bound when p is in the east (+) and q in the west (-).
      const double side = p.longitude_deg > 0 ? 180.0 : -180.0;
      const double q_unwrapped = q.longitude_deg + (side > 0 ? 360.0 : -360.0);
      const double t = (side - p.longitude_deg) / (q_unwrapped - p.longitude_deg);
      const double lat = p.latitude_deg + (q.latitude_deg - p.latitude_deg) * t;
      parts.back().push_back({lat, side});
      parts.emplace_back();
      parts.back().push_back({lat, -side});
    }
    parts.back().push_back(q);
  }
  return parts;
}

routes::Result<bool> WriteMapFile(const MapDocument& document, const std::string& path) {
  const std::string ext = std::filesystem::path(path).extension().string();
  std::string text;
  if (ext == ".geojson" || ext == ".json") {
    text = ToGeoJson(document);
  } else if (ext == ".dot" || ext == ".gv") {
    text = ToDot(document);
  } else if (ext == ".svg") {
    text = ToSvgMap(document);
  } else {
    return routes::InvalidArgument(
        path, "unknown map format \"" + ext + "\" (use .geojson, .json, .dot, .gv or .svg)");
  }
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << text;
  out.close();
  if (!out) return routes::NotFound(path, "cannot write file");
  return true;
}

}  // namespace aircargo::formats
