#include "formats/geojson.h"

#include <cmath>
#include <cstdio>
#include <string>
#include <unordered_map>

namespace aircargo::formats {
namespace {

const MapPoint* Find(const std::unordered_map<std::string, const MapPoint*>& index,
                     const std::string& id) {
  auto it = index.find(id);
  return it == index.end() ? nullptr : it->second;
}

std::string Number(double value, int decimals) {
  if (!std::isfinite(value)) return "null";
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
  std::string s = buffer;
  if (s.find('.') != std::string::npos) {
    while (s.back() == '0') s.pop_back();
    if (s.back() == '.') s.pop_back();
  }
  if (s == "-0") s = "0";
  return s;
}

std::string Position(const LatLon& p) {
  return "[" + Number(p.longitude_deg, 5) + "," + Number(p.latitude_deg, 5) + "]";
}

std::string Positions(const std::vector<LatLon>& points) {
  std::string out = "[";
  for (std::size_t i = 0; i < points.size(); ++i) {
    if (i > 0) out += ",";
    out += Position(points[i]);
  }
  return out + "]";
}

void AppendProperties(std::string& out, const std::vector<MapProperty>& properties) {
  for (const MapProperty& p : properties) {
    out += "," + JsonQuoted(p.key) + ":" + (p.number ? Number(*p.number, 3) : JsonQuoted(p.text));
  }
}

}  // namespace

std::string JsonQuoted(const std::string& text) {
  std::string out = "\"";
  for (char c : text) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          char buffer[8];
          std::snprintf(buffer, sizeof buffer, "\\u%04x", static_cast<unsigned>(c));
          out += buffer;
        } else {
          out.push_back(c);
        }
    }
  }
  return out + "\"";
}

std::string ToGeoJson(const MapDocument& document) {
  const auto index = PointIndex(document);
  std::string out = "{\"type\":\"FeatureCollection\"";
  if (!document.title.empty()) out += ",\"name\":" + JsonQuoted(document.title);
  out += ",\"features\":[";
  bool first = true;
  auto begin_feature = [&] {
    out += first ? "\n" : ",\n";
    first = false;
  };
  for (const MapLayer& layer : document.layers) {
    for (std::size_t i = 0; i < layer.polygons.size(); ++i) {
      begin_feature();
      out += "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[";
      const auto& rings = layer.polygons[i].rings;
      for (std::size_t r = 0; r < rings.size(); ++r) {
        if (r > 0) out += ",";
        // RFC 7946: a linear ring is closed (its last position repeats the first).
        std::vector<LatLon> closed = rings[r];
        if (!closed.empty()) closed.push_back(closed.front());
        out += Positions(closed);
      }
      out += "]},\"properties\":{\"id\":" + JsonQuoted(layer.name + "-" + std::to_string(i + 1)) +
             ",\"layer\":" + JsonQuoted(layer.name) + "}}";
    }
    for (const MapPoint& point : layer.points) {
      begin_feature();
      out += "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":" +
             Position({point.latitude_deg, point.longitude_deg}) +
             "},\"properties\":{\"id\":" + JsonQuoted(point.id) +
             ",\"layer\":" + JsonQuoted(layer.name) + ",\"label\":" + JsonQuoted(point.label);
      AppendProperties(out, point.properties);
      out += "}}";
    }
    for (const MapLine& line : layer.lines) {
      const MapPoint* from = Find(index, line.from);
      const MapPoint* to = Find(index, line.to);
      if (from == nullptr || to == nullptr) continue;
      const LatLon a{from->latitude_deg, from->longitude_deg};
      const LatLon b{to->latitude_deg, to->longitude_deg};
      const auto parts = SplitAtAntimeridian(GreatCirclePoints(a, b, GreatCircleSegments(a, b)));
      begin_feature();
      out += "{\"type\":\"Feature\",\"geometry\":";
      if (parts.size() == 1) {
        out += "{\"type\":\"LineString\",\"coordinates\":" + Positions(parts[0]) + "}";
      } else {
        out += "{\"type\":\"MultiLineString\",\"coordinates\":[";
        for (std::size_t i = 0; i < parts.size(); ++i) {
          if (i > 0) out += ",";
          out += Positions(parts[i]);
        }
        out += "]}";
      }
      out += ",\"properties\":{\"id\":" + JsonQuoted(line.id) +
             ",\"layer\":" + JsonQuoted(layer.name) + ",\"label\":" + JsonQuoted(line.label) +
             ",\"from\":" + JsonQuoted(line.from) + ",\"to\":" + JsonQuoted(line.to) +
             ",\"dashed\":" + (line.dashed ? "true" : "false");
      AppendProperties(out, line.properties);
      out += "}}";
    }
  }
  out += "\n]}\n";
  return out;
}

}  // namespace aircargo::formats
