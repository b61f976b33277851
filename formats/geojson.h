// GeoJSON (RFC 7946) for a MapDocument: one FeatureCollection; points become Point features and
// lines LineString features following the great circle (interpolated points), split into a
// MultiLineString where they cross the antimeridian; a layer's polygons (land) become Polygon
// features with closed rings and the properties "id" ("land-1", ...) and "layer". Positions are
// [longitude, latitude] with 5 decimals (about a metre). Properties: "id", "layer", "label", then
// the item's own properties (for network routes: carrier, mode, status, tonnes_per_week), plus
// "from", "to", "dashed" on lines. Lines whose ends are not points of the document are left out.
// Pure function.
#pragma once

#include <string>

#include "formats/map_layer.h"

namespace aircargo::formats {

std::string ToGeoJson(const MapDocument& document);

// `text` as a JSON string literal, quotes included.
std::string JsonQuoted(const std::string& text);

}  // namespace aircargo::formats
