// SVG map of a MapDocument: a self-contained picture (no external fonts, scripts or images).
// Projection: equirectangular with the central meridian in the Pacific (150 E by default, so East
// Asia and North America both show), zoomed to the document's points with a margin; a graticule
// every 30 (world) or 10 degrees (regional); land filled under everything else in one
// <g id="land"> (the layers' polygons, or else the built-in 1:110m land of formats/land.h); lines
// as great-circle arcs (drawn again 360 degrees over when they leave the frame); points as dots
// with codes (at most `max_labels` labels, the emphasised and the widest-connected points first); a
// title, a subtitle and the legend. Every point and line carries a <title> tooltip and an id
// attribute. Pure function.
#pragma once

#include <string>

#include "formats/map_layer.h"

namespace aircargo::formats {

struct SvgMapOptions {
  int width_px = 1400;
  double central_meridian_deg = 150;
  bool fit_to_points = true;  // false: the whole world
  int max_labels = 80;
  // Draw the world's land (formats/land.h) under the routes when the document brings no polygons
  // of its own.
  bool land = true;
};

std::string ToSvgMap(const MapDocument& document, const SvgMapOptions& options = {});

// `text` with &, <, >, " escaped for XML text and attributes.
std::string XmlEscaped(const std::string& text);

}  // namespace aircargo::formats
