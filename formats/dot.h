// Graphviz DOT for a MapDocument, written with Boost.Graph's write_graphviz: a digraph with one
// node per point (named and labelled by its id; its label and properties in the tooltip;
// pos="lon,lat!" in degrees, for `neato -n` after scaling) and one edge per
// line (labelled by its id; penwidth, color, style=dashed for dashed lines; its label and
// properties in the tooltip).
// Lines whose ends are not points of the document are left out. Pure function.
#pragma once

#include <string>

#include "formats/map_layer.h"

namespace aircargo::formats {

std::string ToDot(const MapDocument& document);

// `text` as a DOT double-quoted string, quotes included.
std::string DotQuoted(const std::string& text);

}  // namespace aircargo::formats
