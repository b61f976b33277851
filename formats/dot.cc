#include "formats/dot.h"

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/graphviz.hpp>
#include <boost/property_map/property_map.hpp>
#include <cstdio>
#include <sstream>
#include <unordered_map>
#include <vector>

namespace aircargo::formats {
namespace {

using DotGraph =
    boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS, boost::no_property,
                          boost::property<boost::edge_index_t, std::size_t>>;

std::string Fixed(double value, int decimals) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
  return buffer;
}

std::string PropertiesText(const std::vector<MapProperty>& properties) {
  std::string out;
  for (const MapProperty& p : properties) {
    if (!out.empty()) out += ", ";
    out += p.key + "=" + (p.number ? Fixed(*p.number, 1) : p.text);
  }
  return out;
}

}  // namespace

std::string DotQuoted(const std::string& text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') out.push_back('\\');
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out.push_back(c);
  }
  return out + "\"";
}

// GCC 12 at -O2 reports a false "may be used uninitialized" inside Boost's write_graphviz edge
// iterator (boost/graph/detail/adj_list_edge_iterator.hpp); the code is Boost's, not ours.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#endif
std::string ToDot(const MapDocument& document) {
  std::vector<const MapPoint*> points;
  std::unordered_map<std::string, std::size_t> index;
  for (const MapLayer& layer : document.layers) {
    for (const MapPoint& p : layer.points) {
      if (index.emplace(p.id, points.size()).second) points.push_back(&p);
    }
  }
  std::vector<const MapLine*> lines;
  DotGraph graph(points.size());
  for (const MapLayer& layer : document.layers) {
    for (const MapLine& line : layer.lines) {
      auto from = index.find(line.from);
      auto to = index.find(line.to);
      if (from == index.end() || to == index.end()) continue;
      boost::add_edge(from->second, to->second, lines.size(), graph);
      lines.push_back(&line);
    }
  }
  std::vector<std::string> ids;
  ids.reserve(points.size());
  for (const MapPoint* p : points) ids.push_back(p->id);
  auto vertex_ids = boost::make_iterator_property_map(ids.begin(), get(boost::vertex_index, graph));
  auto edge_index = get(boost::edge_index, graph);

  auto vertex_writer = [&](std::ostream& out, std::size_t v) {
    const MapPoint& p = *points[v];
    out << " [label=" << DotQuoted(p.id)
        << ", pos=" << DotQuoted(Fixed(p.longitude_deg, 3) + "," + Fixed(p.latitude_deg, 3) + "!")
        << ", color=" << DotQuoted(p.colour);
    if (p.emphasised) out << ", penwidth=2.5";
    const std::string properties = PropertiesText(p.properties);
    const std::string tooltip = p.label + (properties.empty() ? "" : "\n" + properties);
    if (!tooltip.empty()) out << ", tooltip=" << DotQuoted(tooltip);
    out << "]";
  };
  auto edge_writer = [&](std::ostream& out, const DotGraph::edge_descriptor& e) {
    const MapLine& line = *lines[get(edge_index, e)];
    out << "[id=" << DotQuoted(line.id) << ", label=" << DotQuoted(line.id)
        << ", penwidth=" << Fixed(line.width_px, 2) << ", color=" << DotQuoted(line.colour);
    if (line.dashed) out << ", style=dashed";
    const std::string properties = PropertiesText(line.properties);
    const std::string tooltip = line.label + (properties.empty() ? "" : "\n" + properties);
    if (!tooltip.empty()) out << ", tooltip=" << DotQuoted(tooltip);
    out << "]";
  };
  auto graph_writer = [&](std::ostream& out) {
    out << "label="
        << DotQuoted(document.title + (document.subtitle.empty() ? "" : "\n" + document.subtitle))
        << ";\nlabelloc=t;\nnode [shape=circle, fontsize=10, fontname=\"Helvetica\"];\n"
        << "edge [fontsize=8, fontname=\"Helvetica\", arrowsize=0.6];\n";
  };
  std::ostringstream out;
  boost::write_graphviz(out, graph, vertex_writer, edge_writer, graph_writer, vertex_ids);
  return out.str();
}
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic pop
#endif

}  // namespace aircargo::formats
