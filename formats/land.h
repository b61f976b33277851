// World land outlines for maps: Natural Earth 1:110m land (public domain), converted once by
// formats/maps/convert_land.py into formats/maps/land-110m.txt and compiled into the binary, so
// nothing is read or downloaded at run time. 125 polygons, about 5,000 points; coordinates are
// WGS 84 degrees with 2 decimals, longitudes in [-180, 180] (polygons are cut at the antimeridian,
// Antarctica runs along it to the pole).
//
// Land110m() parses the embedded text on first use (thread-safe: a function-local static) and
// returns the same immutable polygons afterwards. LandLayer() is a MapLayer named "land" holding
// them, for producers to put first in a MapDocument.
#pragma once

#include <string_view>
#include <vector>

#include "formats/map_layer.h"

namespace aircargo::formats {

const std::vector<MapPolygon>& Land110m();

MapLayer LandLayer();

// Puts LandLayer() first in `document` (drawn under everything; GeoJSON writes it as Polygon
// features), unless the document already has polygons.
void AddLand(MapDocument& document);

// Parses the land text format (see formats/maps/convert_land.py): '#' comments, then 'P' (new
// polygon) or 'H' (hole of the last polygon) lines of 'longitude,latitude' pairs. Malformed lines
// are skipped. Exposed for tests.
std::vector<MapPolygon> ParseLandText(std::string_view text);

}  // namespace aircargo::formats
