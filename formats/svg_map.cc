#include "formats/svg_map.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <unordered_map>

#include "formats/land.h"

namespace aircargo::formats {
namespace {

const MapPoint* Find(const std::unordered_map<std::string, const MapPoint*>& index,
                     const std::string& id) {
  auto it = index.find(id);
  return it == index.end() ? nullptr : it->second;
}

std::string F(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.1f", value);
  return buffer;
}

// Longitude relative to the central meridian, in [-180, 180).
double Relative(double lon, double centre) {
  double d = std::fmod(lon - centre + 540.0, 360.0) - 180.0;
  return d;
}

// The frame: a window [lon0, lon1] x [lat0, lat1] in relative degrees, mapped to pixels.
struct Frame {
  double lon0 = -180, lon1 = 180, lat0 = -60, lat1 = 80;
  double left = 0, top = 0, scale = 1;  // pixels per degree
  double X(double rel_lon) const { return left + (rel_lon - lon0) * scale; }
  double Y(double lat) const { return top + (lat1 - lat) * scale; }
  double width() const { return (lon1 - lon0) * scale; }
  double height() const { return (lat1 - lat0) * scale; }
};

Frame MakeFrame(const MapDocument& document, const SvgMapOptions& options, int map_width) {
  const auto index = PointIndex(document);
  Frame f;
  bool any = false;
  double min_lon = 180, max_lon = -180, min_lat = 90, max_lat = -90;
  for (const MapLayer& layer : document.layers) {
    for (const MapPoint& p : layer.points) {
      const double rel = Relative(p.longitude_deg, options.central_meridian_deg);
      min_lon = std::min(min_lon, rel);
      max_lon = std::max(max_lon, rel);
      min_lat = std::min(min_lat, p.latitude_deg);
      max_lat = std::max(max_lat, p.latitude_deg);
      any = true;
    }
  }
  // Arcs bow towards the poles: keep their highest and lowest latitudes in the frame too.
  for (const MapLayer& layer : document.layers) {
    for (const MapLine& line : layer.lines) {
      const MapPoint* from = Find(index, line.from);
      const MapPoint* to = Find(index, line.to);
      if (from == nullptr || to == nullptr) continue;
      const LatLon a{from->latitude_deg, from->longitude_deg};
      const LatLon b{to->latitude_deg, to->longitude_deg};
      for (const LatLon& p : GreatCirclePoints(a, b, 16)) {
        min_lat = std::min(min_lat, p.latitude_deg);
        max_lat = std::max(max_lat, p.latitude_deg);
      }
    }
  }
  if (options.fit_to_points && any) {
    const double pad_lon = std::max(8.0, (max_lon - min_lon) * 0.08);
    const double pad_lat = std::max(6.0, (max_lat - min_lat) * 0.12);
    f.lon0 = std::max(-180.0, min_lon - pad_lon);
    f.lon1 = std::min(180.0, max_lon + pad_lon);
    f.lat0 = std::max(-85.0, min_lat - pad_lat);
    f.lat1 = std::min(85.0, max_lat + pad_lat);
    // Keep a landscape picture: at least 1.6 : 1.
    const double want_lon = (f.lat1 - f.lat0) * 1.6;
    if (f.lon1 - f.lon0 < want_lon) {
      const double mid = (f.lon0 + f.lon1) / 2;
      f.lon0 = std::max(-180.0, mid - want_lon / 2);
      f.lon1 = std::min(180.0, mid + want_lon / 2);
    }
  }
  f.scale = map_width / (f.lon1 - f.lon0);
  return f;
}

std::string F2(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.2f", value);
  return buffer;
}

struct Box {
  double x, y, w, h;
  bool Overlaps(const Box& o) const {
    return x < o.x + o.w && o.x < x + w && y < o.y + o.h && o.y < y + h;
  }
};

std::string Tooltip(const std::string& head, const std::vector<MapProperty>& properties) {
  std::string text = head;
  for (const MapProperty& p : properties) {
    char buffer[64];
    std::string value = p.text;
    if (p.number) {
      std::snprintf(buffer, sizeof buffer, "%.1f", *p.number);
      value = buffer;
    }
    text += "\n" + p.key + ": " + value;
  }
  return "<title>" + XmlEscaped(text) + "</title>";
}

// Great-circle arc as SVG path data in relative longitudes, unwrapped so it never jumps; `shift`
// adds a multiple of 360 degrees (to draw the part that left the frame on the other side).
std::string ArcPath(const std::vector<LatLon>& points, const Frame& frame, double centre,
                    double shift, double* min_rel, double* max_rel) {
  std::string d;
  double previous = 0;
  for (std::size_t i = 0; i < points.size(); ++i) {
    double rel = Relative(points[i].longitude_deg, centre);
    if (i > 0) {
      while (rel - previous > 180) rel -= 360;
      while (rel - previous < -180) rel += 360;
    }
    previous = rel;
    *min_rel = i == 0 ? rel : std::min(*min_rel, rel);
    *max_rel = i == 0 ? rel : std::max(*max_rel, rel);
    d += (i == 0 ? "M" : "L") + F(frame.X(rel + shift)) + "," + F(frame.Y(points[i].latitude_deg));
  }
  return d;
}

// How dense the map is: the world network gets thinner, fainter lines and smaller dots so the
// structure shows instead of a solid fill; up to kClearLines lines are drawn as given.
struct Style {
  double line_scale = 1;
  double opacity = 0.75;
  double dot_scale = 1;
};

Style StyleFor(const MapDocument& document) {
  constexpr double kClearLines = 400;
  std::size_t line_count = 0;
  std::size_t point_count = 0;
  for (const MapLayer& layer : document.layers) {
    line_count += layer.lines.size();
    point_count += layer.points.size();
  }
  const double density = std::min(1.0, std::sqrt(kClearLines / std::max<double>(1, line_count)));
  return Style{std::max(0.3, density), std::max(0.06, 0.75 * density),
               point_count > 500 ? 0.6 : 1.0};
}

// Where things go: the title block on top, the map frame, the legend below.
struct Layout {
  static constexpr int kMargin = 20;
  static constexpr int kHeader = 64;
  int width = 0;
  int height = 0;
  int map_width = 0;
  Frame frame;
};

Layout LayoutFor(const MapDocument& document, const SvgMapOptions& options) {
  Layout layout;
  layout.width = options.width_px;
  layout.map_width = options.width_px - 2 * Layout::kMargin;
  layout.frame = MakeFrame(document, options, layout.map_width);
  layout.frame.left = Layout::kMargin;
  layout.frame.top = Layout::kHeader;
  const int legend_height = 28 + 18 * static_cast<int>((document.legend.size() + 2) / 3);
  layout.height =
      static_cast<int>(Layout::kHeader + layout.frame.height() + legend_height + Layout::kMargin);
  return layout;
}

// The <svg> element's opening, the clip path of the map frame, the title and subtitle.
void DrawHeader(const MapDocument& document, const Layout& layout, std::string& out) {
  const Frame& frame = layout.frame;
  const std::string w = std::to_string(layout.width);
  const std::string h = std::to_string(layout.height);
  out += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  out += "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + w + "\" height=\"" + h +
         "\" viewBox=\"0 0 " + w + " " + h + "\" font-family=\"Helvetica, Arial, sans-serif\">\n";
  out += "<title>" + XmlEscaped(document.title) + "</title>\n";
  out += "<defs><clipPath id=\"map-clip\"><rect x=\"" + F(frame.left) + "\" y=\"" + F(frame.top) +
         "\" width=\"" + F(frame.width()) + "\" height=\"" + F(frame.height()) +
         "\"/></clipPath></defs>\n";
  out += "<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n";
  const std::string x = std::to_string(Layout::kMargin);
  out += "<text x=\"" + x + "\" y=\"30\" font-size=\"22\" font-weight=\"bold\" fill=\"#1a202c\">" +
         XmlEscaped(document.title) + "</text>\n";
  out += "<text x=\"" + x + "\" y=\"52\" font-size=\"13\" fill=\"#4a5568\">" +
         XmlEscaped(document.subtitle) + "</text>\n";
}

// The ocean and the graticule (every 30 degrees on wide frames, every 10 on narrow ones).
void DrawGraticule(const Frame& frame, double centre, std::string& out) {
  out += "<g id=\"graticule\" clip-path=\"url(#map-clip)\">\n";
  out += "<rect x=\"" + F(frame.left) + "\" y=\"" + F(frame.top) + "\" width=\"" +
         F(frame.width()) + "\" height=\"" + F(frame.height()) +
         "\" fill=\"#eef4fa\" stroke=\"#a0aec0\"/>\n";
  const double step = frame.lon1 - frame.lon0 > 120 ? 30 : 10;
  for (double lon = -180; lon < 180; lon += step) {
    const double rel = Relative(lon, centre);
    if (rel < frame.lon0 || rel > frame.lon1) continue;
    const double x = frame.X(rel);
    out += "<line x1=\"" + F(x) + "\" y1=\"" + F(frame.top) + "\" x2=\"" + F(x) + "\" y2=\"" +
           F(frame.top + frame.height()) + "\" stroke=\"#cbd5e0\" stroke-width=\"0.6\"/>\n";
    const int deg = static_cast<int>(std::lround(lon));
    const std::string text = deg == 0 || deg == 180 || deg == -180
                                 ? std::to_string(std::abs(deg)) + "\u00b0"
                                 : std::to_string(std::abs(deg)) + "\u00b0" + (deg > 0 ? "E" : "W");
    out += "<text x=\"" + F(x + 3) + "\" y=\"" + F(frame.top + frame.height() - 4) +
           "\" font-size=\"10\" fill=\"#718096\">" + text + "</text>\n";
  }
  for (double lat = -90; lat <= 90; lat += step) {
    if (lat < frame.lat0 || lat > frame.lat1) continue;
    const double y = frame.Y(lat);
    out += "<line x1=\"" + F(frame.left) + "\" y1=\"" + F(y) + "\" x2=\"" +
           F(frame.left + frame.width()) + "\" y2=\"" + F(y) + "\" stroke=\"" +
           (lat == 0 ? "#a0aec0" : "#cbd5e0") + "\" stroke-width=\"0.6\"/>\n";
    const int deg = static_cast<int>(std::lround(lat));
    out += "<text x=\"" + F(frame.left + 3) + "\" y=\"" + F(y - 3) +
           "\" font-size=\"10\" fill=\"#718096\">" + std::to_string(std::abs(deg)) + "\u00b0" +
           (deg > 0   ? "N"
            : deg < 0 ? "S"
                      : "") +
           "</text>\n";
  }
  out += "</g>\n";
}

// Appends one land ring as closed SVG subpaths: longitudes unwrapped relative to the centre so
// the ring never jumps, drawn once more 360 degrees over for each side where it leaves the
// frame; a ring that wraps the globe (Antarctica) is closed along the pole. Rings wholly outside
// the frame add nothing; consecutive points on the same 0.1 px are written once.
void AppendLandRing(std::string& d, const std::vector<LatLon>& ring, const Frame& frame,
                    double centre) {
  if (ring.size() < 3) return;
  std::vector<LatLon> rel;
  rel.reserve(ring.size() + 2);
  double previous = 0;
  double min_rel = 0, max_rel = 0, min_lat = 90, max_lat = -90;
  for (std::size_t i = 0; i < ring.size(); ++i) {
    double r = Relative(ring[i].longitude_deg, centre);
    if (i > 0) {
      while (r - previous > 180) r -= 360;
      while (r - previous < -180) r += 360;
    }
    previous = r;
    min_rel = i == 0 ? r : std::min(min_rel, r);
    max_rel = i == 0 ? r : std::max(max_rel, r);
    min_lat = std::min(min_lat, ring[i].latitude_deg);
    max_lat = std::max(max_lat, ring[i].latitude_deg);
    rel.push_back({ring[i].latitude_deg, r});
  }
  if (max_lat < frame.lat0 || min_lat > frame.lat1) return;
  if (max_rel - min_rel >= 359) {  // wraps the globe: close it along the nearer pole
    const double pole = min_lat < 0 ? -90 : 90;
    rel.push_back({pole, rel.back().longitude_deg});
    rel.push_back({pole, rel.front().longitude_deg});
  }
  for (const double shift : {0.0, -360.0, 360.0}) {
    if (max_rel + shift < frame.lon0 || min_rel + shift > frame.lon1) continue;
    std::string last;
    bool first = true;
    for (const LatLon& p : rel) {
      std::string xy = F(frame.X(p.longitude_deg + shift)) + "," + F(frame.Y(p.latitude_deg));
      if (xy == last) continue;
      d += (first ? "M" : "L") + xy;
      last = std::move(xy);
      first = false;
    }
    d += "Z";
  }
}

// Land, under every line and point: the document's own polygons, else (options.land) the embedded
// Natural Earth 1:110m land; one even-odd path, so holes (lakes) stay open.
void DrawLand(const MapDocument& document, const SvgMapOptions& options, const Frame& frame,
              double centre, std::string& out) {
  std::string land;
  bool own_polygons = false;
  for (const MapLayer& layer : document.layers) {
    for (const MapPolygon& polygon : layer.polygons) {
      own_polygons = true;
      for (const auto& ring : polygon.rings) AppendLandRing(land, ring, frame, centre);
    }
  }
  if (!own_polygons && options.land) {
    for (const MapPolygon& polygon : Land110m()) {
      for (const auto& ring : polygon.rings) AppendLandRing(land, ring, frame, centre);
    }
  }
  if (!land.empty()) {
    out += "<g id=\"land\" clip-path=\"url(#map-clip)\">\n<path d=\"" + land +
           "\" fill=\"#e6eadf\" stroke=\"#b4bfa6\" stroke-width=\"0.6\" "
           "stroke-linejoin=\"round\" fill-rule=\"evenodd\"/>\n</g>\n";
  }
}

using PointIndexMap = std::unordered_map<std::string, const MapPoint*>;
using Degrees = std::unordered_map<std::string, int>;

// Each layer's lines as great-circle arcs, thinnest first so heavy routes stay on top; an arc that
// leaves the frame across the antimeridian is drawn again from the other side. Counts each
// point's lines into `degree`.
void DrawLines(const MapDocument& document, const PointIndexMap& index, const Frame& frame,
               double centre, const Style& style, Degrees& degree, std::string& out) {
  out += "<g id=\"lines\" clip-path=\"url(#map-clip)\" fill=\"none\" stroke-linecap=\"round\">\n";
  for (const MapLayer& layer : document.layers) {
    std::vector<const MapLine*> lines;
    for (const MapLine& line : layer.lines) lines.push_back(&line);
    std::stable_sort(lines.begin(), lines.end(),
                     [](const MapLine* a, const MapLine* b) { return a->width_px < b->width_px; });
    out += "<g class=\"layer\" data-layer=\"" + XmlEscaped(layer.name) + "\">\n";
    for (const MapLine* line : lines) {
      const MapPoint* from = Find(index, line->from);
      const MapPoint* to = Find(index, line->to);
      if (from == nullptr || to == nullptr) continue;
      ++degree[from->id];
      ++degree[to->id];
      const LatLon a{from->latitude_deg, from->longitude_deg};
      const LatLon b{to->latitude_deg, to->longitude_deg};
      const auto points = GreatCirclePoints(a, b, GreatCircleSegments(a, b));
      double min_rel = 0, max_rel = 0;
      std::string d = ArcPath(points, frame, centre, 0, &min_rel, &max_rel);
      if (min_rel < -180) {
        d += ArcPath(points, frame, centre, 360, &min_rel, &max_rel);
      } else if (max_rel > 180) {
        d += ArcPath(points, frame, centre, -360, &min_rel, &max_rel);
      }
      out += "<path id=\"line-" + XmlEscaped(line->id) + "\" d=\"" + d + "\" stroke=\"" +
             XmlEscaped(line->colour) + "\" stroke-width=\"" +
             F(line->width_px * style.line_scale) + "\" stroke-opacity=\"" + F2(style.opacity) +
             "\"" +
             (line->dashed ? " stroke-dasharray=\"" + F(line->width_px * 3 + 3) + "," +
                                 F(line->width_px * 2 + 2) + "\""
                           : "") +
             ">" + Tooltip(line->label.empty() ? line->id : line->label, line->properties) +
             "</path>\n";
    }
    out += "</g>\n";
  }
  out += "</g>\n";
}

// Every point as a dot (emphasised ones larger).
void DrawDots(const std::vector<const MapPoint*>& points, const Frame& frame, double centre,
              const Style& style, std::string& out) {
  for (const MapPoint* p : points) {
    const double x = frame.X(Relative(p->longitude_deg, centre));
    const double y = frame.Y(p->latitude_deg);
    const double r = (p->emphasised ? p->radius_px * 1.6 : p->radius_px) * style.dot_scale;
    out += "<circle id=\"point-" + XmlEscaped(p->id) + "\" cx=\"" + F(x) + "\" cy=\"" + F(y) +
           "\" r=\"" + F(r) + "\" fill=\"" + XmlEscaped(p->colour) +
           "\" stroke=\"#ffffff\" stroke-width=\"" + F2(0.8 * style.dot_scale) + "\">" +
           Tooltip(p->label.empty() ? p->id : p->label, p->properties) + "</circle>\n";
  }
}

// Labels for the emphasised and best-connected points (at most `max_labels`), in rank order, each
// at the first of four spots around its dot that overlaps no label placed before; left out when
// all four do.
void DrawLabels(std::vector<const MapPoint*> ranked, Degrees& degree, const Frame& frame,
                double centre, int max_labels, std::string& out) {
  std::stable_sort(ranked.begin(), ranked.end(), [&](const MapPoint* a, const MapPoint* b) {
    if (a->emphasised != b->emphasised) return a->emphasised;
    return degree[a->id] > degree[b->id];
  });
  if (ranked.size() > static_cast<std::size_t>(std::max(0, max_labels))) {
    ranked.resize(static_cast<std::size_t>(std::max(0, max_labels)));
  }
  std::vector<Box> placed;
  for (const MapPoint* p : ranked) {
    const double x = frame.X(Relative(p->longitude_deg, centre));
    const double y = frame.Y(p->latitude_deg);
    const double size = p->emphasised ? 13 : 10;
    const double w = size * 0.62 * static_cast<double>(p->id.size());
    const double dx[] = {4, 4, -4 - w, -4 - w};
    const double dy[] = {-4, 4 + size, -4, 4 + size};
    int spot = -1;
    for (int k = 0; k < 4 && spot < 0; ++k) {
      const Box box{x + dx[k], y + dy[k] - size, w, size};
      bool clear = true;
      for (const Box& other : placed) clear = clear && !box.Overlaps(other);
      if (clear) {
        placed.push_back(box);
        spot = k;
      }
    }
    if (spot < 0) continue;
    out += "<text x=\"" + F(x + dx[spot]) + "\" y=\"" + F(y + dy[spot]) + "\" font-size=\"" +
           (p->emphasised ? "13\" font-weight=\"bold" : "10") +
           "\" fill=\"#1a202c\" stroke=\"#ffffff\" stroke-width=\"2.5\" paint-order=\"stroke\">" +
           XmlEscaped(p->id) + "</text>\n";
  }
}

// The legend under the map, three entries per row.
void DrawLegend(const MapDocument& document, const Layout& layout, std::string& out) {
  const double legend_top = Layout::kHeader + layout.frame.height() + 18;
  out += "<g id=\"legend\" font-size=\"12\" fill=\"#2d3748\">\n";
  for (std::size_t i = 0; i < document.legend.size(); ++i) {
    const LegendEntry& e = document.legend[i];
    const double x = Layout::kMargin + static_cast<double>(i % 3) * (layout.map_width / 3.0);
    const double y = legend_top + static_cast<double>(i / 3) * 18;
    if (e.dot) {
      out += "<circle cx=\"" + F(x + 14) + "\" cy=\"" + F(y) + "\" r=\"4\" fill=\"" +
             XmlEscaped(e.colour) + "\"/>\n";
    } else {
      out += "<line x1=\"" + F(x) + "\" y1=\"" + F(y) + "\" x2=\"" + F(x + 28) + "\" y2=\"" + F(y) +
             "\" stroke=\"" + XmlEscaped(e.colour) + "\" stroke-width=\"" + F(e.width_px) + "\"" +
             (e.dashed ? " stroke-dasharray=\"6,4\"" : "") + "/>\n";
    }
    out +=
        "<text x=\"" + F(x + 36) + "\" y=\"" + F(y + 4) + "\">" + XmlEscaped(e.label) + "</text>\n";
  }
  out += "</g>\n";
}

}  // namespace

std::string XmlEscaped(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:
        out.push_back(c);
    }
  }
  return out;
}

std::string ToSvgMap(const MapDocument& document, const SvgMapOptions& options) {
  const auto index = PointIndex(document);
  const double centre = options.central_meridian_deg;
  const Style style = StyleFor(document);
  const Layout layout = LayoutFor(document, options);
  std::string out;
  DrawHeader(document, layout, out);
  DrawGraticule(layout.frame, centre, out);
  DrawLand(document, options, layout.frame, centre, out);
  Degrees degree;
  DrawLines(document, index, layout.frame, centre, style, degree, out);
  std::vector<const MapPoint*> points;
  for (const MapLayer& layer : document.layers) {
    for (const MapPoint& p : layer.points) points.push_back(&p);
  }
  out += "<g id=\"points\" clip-path=\"url(#map-clip)\">\n";
  DrawDots(points, layout.frame, centre, style, out);
  DrawLabels(points, degree, layout.frame, centre, options.max_labels, out);
  out += "</g>\n";
  DrawLegend(document, layout, out);
  out += "</svg>\n";
  return out;
}

}  // namespace aircargo::formats
