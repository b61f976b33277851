// The inside of PathWorkspace (routes/paths internals only): arrays indexed by search state,
// airport and route, reset lazily with stamps so a query costs what it touches, not the network's
// size. The compact arcs and A* constants (PathArcs) are the snapshot's (Network::path_arcs()),
// not the workspace's.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "routes/network.h"
#include "routes/paths/contraction_hierarchy.h"
#include "routes/paths/path_workspace.h"
#include "routes/paths/stamp_set.h"

namespace aircargo::routes {

struct PathWorkspace::Scratch {
  static constexpr std::uint32_t kNone = 0xffffffffu;

  struct HeapItem {
    double f;    // distance so far + bound
    double tie;  // secondary key
    std::uint32_t state;
  };

  // Per search state.
  std::vector<double> dist;
  std::vector<double> tie;
  std::vector<std::uint32_t> pred_state;
  std::vector<std::uint32_t> pred_route;
  StampSet reached;
  StampSet settled;
  // PathSearch::SearchAll: 1 when an equal-weight, equal-tie label from another predecessor state
  // reached the state (or its predecessor's was tied), else 0.
  std::vector<std::uint8_t> tied;
  std::vector<HeapItem> heap;

  // Per airport: blocked for this search (Yen's root path), avoided / via position for this query.
  StampSet blocked_airport;
  StampSet avoided_airport;
  StampSet via_airport;
  std::vector<int> via_position;
  // Per (airport, via layer): great-circle km to the layer's next target, cached for this query.
  std::vector<double> bound_km;
  StampSet bound_known;

  // Per route: blocked for this search (Yen's deviations).
  StampSet blocked_route;

  // The distance oracle's query scratch (FindPaths with a ContractionHierarchy).
  HierarchyWorkspace hierarchy;

  // Per query: great-circle km from via layer j's target to the destination.
  std::vector<double> via_suffix_km;

  // Exact remaining weight to the destination per airport (a reverse search computed once per
  // k-paths query, see PathSearch::UseExactBounds); +infinity when the destination is out of reach.
  std::vector<double> exact_bound;
  StampSet exact_settled;
  std::vector<HeapItem> reverse_heap;

  bool use_bounds = true;
  std::size_t settled_count = 0;
};

}  // namespace aircargo::routes
