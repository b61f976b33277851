// Map layers: a small, format-neutral picture model that the GeoJSON, DOT and SVG writers draw.
// Producers (the network export, and later every planning command's --geojson/--svg: paths, flows)
// fill a MapDocument with points (airports) and lines (great-circle legs between two points);
// writers decide how to render them. Coordinates are WGS 84 degrees; widths are pixels in the SVG
// picture (GeoJSON and DOT carry them as properties). Plain values: no thread-safety concerns.
#pragma once

#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "routes/result.h"

namespace aircargo::formats {

// A property carried to GeoJSON features (and shown in SVG tooltips): text or a number.
struct MapProperty {
  std::string key;
  std::string text;              // used when `number` is empty
  std::optional<double> number;  // written as a JSON number
};

struct MapPoint {
  std::string id;     // unique within the document (an airport's IATA code)
  std::string label;  // drawn next to the dot; may be empty
  double latitude_deg = 0;
  double longitude_deg = 0;
  double radius_px = 2.5;
  std::string colour = "#1f2d3d";
  bool emphasised = false;  // always labelled, drawn larger (origin / destination of a plan)
  std::vector<MapProperty> properties;
};

// A leg drawn along the great circle between two points of the document.
struct MapLine {
  std::string id;
  std::string from;  // MapPoint id
  std::string to;    // MapPoint id
  std::string label;
  double width_px = 1;
  std::string colour = "#2b6cb0";
  bool dashed = false;
  std::vector<MapProperty> properties;
};

struct LatLon {
  double latitude_deg = 0;
  double longitude_deg = 0;
};

// A filled area (land): the first ring is the outline, the others are holes. Rings are open (the
// last point joins the first) and in WGS 84 degrees with longitudes in [-180, 180].
struct MapPolygon {
  std::vector<std::vector<LatLon>> rings;
};

struct MapLayer {
  std::string name;  // "land", "airports", "routes", "path 1"
  std::vector<MapPoint> points;
  std::vector<MapLine> lines;
  // Areas, drawn before every layer's lines and points (the SVG writer draws them first, so land
  // lies under the routes); GeoJSON writes them as Polygon features.
  std::vector<MapPolygon> polygons;
};

struct LegendEntry {
  std::string label;
  std::string colour;
  double width_px = 2;
  bool dashed = false;
  bool dot = false;  // a point symbol instead of a line
};

struct MapDocument {
  std::string title;
  std::string subtitle;
  std::vector<MapLayer> layers;  // drawn in order: later layers on top
  std::vector<LegendEntry> legend;

  // The point with `id` in any layer, or nullptr. Linear: writers use PointIndex.
  const MapPoint* FindPoint(const std::string& id) const;
};

// Points by id (the first of each id), for writers resolving many lines. Pointers into `document`.
std::unordered_map<std::string, const MapPoint*> PointIndex(const MapDocument& document);

// `segments` + 1 points along the great circle from `a` to `b` (both ends included), longitudes in
// [-180, 180]. Coincident or antipodal ends give the straight interpolation.
std::vector<LatLon> GreatCirclePoints(LatLon a, LatLon b, int segments);

// Segment count for a leg: about one point per 100 km, between 2 and 128.
int GreatCircleSegments(LatLon a, LatLon b);

// Splits a polyline where it crosses the antimeridian (a longitude jump over 180 degrees),
// inserting the crossing point on both sides (+180 / -180) so each part stays in [-180, 180].
std::vector<std::vector<LatLon>> SplitAtAntimeridian(const std::vector<LatLon>& points);

// Writes `document` to `path` as GeoJSON (.geojson, .json), Graphviz DOT (.dot, .gv) or SVG
// (.svg), chosen by the extension: the one call a planning command's --geojson / --svg needs.
// Unknown extension: INVALID_ARGUMENT naming the path; unwritable file: NOT_FOUND naming it.
routes::Result<bool> WriteMapFile(const MapDocument& document, const std::string& path);

}  // namespace aircargo::formats
