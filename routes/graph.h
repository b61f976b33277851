// The Boost.Graph view of a Network: a compressed sparse row multigraph whose vertices are
// AirportId values and whose edges carry the RouteId they stand for. Parallel routes on one
// airport pair (two carriers, freighter and belly) are separate edges. Built once per snapshot,
// read-only afterwards, so any number of threads may search it at once.
#pragma once

#include <boost/graph/compressed_sparse_row_graph.hpp>
#include <cstdint>

#include "routes/ids.h"

namespace aircargo::routes {

struct RouteEdge {
  RouteId route;
};

using Graph =
    boost::compressed_sparse_row_graph<boost::bidirectionalS, boost::no_property, RouteEdge,
                                       boost::no_property, std::uint32_t, std::uint32_t>;
// What Network::graph() returns (network.h declares it without including Boost): the graph itself,
// usable wherever a Graph is.
struct RouteGraph : Graph {
  using Graph::Graph;
};

using Vertex = boost::graph_traits<Graph>::vertex_descriptor;
using Edge = boost::graph_traits<Graph>::edge_descriptor;

}  // namespace aircargo::routes
