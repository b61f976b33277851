// ContractionHierarchy: a distance oracle for FindPaths' most common question, the single best
// routing (k = 1, no Pareto set, no constraints) on one ScenarioView by one objective. Built once
// per shared view and objective (the server's ScenarioViews keeps it beside the view and drops it
// with the view's snapshot); answers in a few microseconds where the A* search settles hundreds of
// airports.
//
// Model: the view's usable routes (extras included) with FindPaths' weights and ties
// (shortest_path.h): km, tie 1 per leg; block + expected wait minutes plus the minimum connection
// time of the airport the leg leaves (taken back at the origin, where no connection is made), tie 1
// per leg; cost micros per kg, tie 1 per leg; 1 per leg, tie km. Paths compare by (weight, tie).
// Of parallel routes on one airport pair it keeps the first with the least (weight, tie) in the
// search's arc order, the one the search takes. So its answer is the search's, except where two
// airport sequences have exactly the same (weight, tie), or differ only by floating-point
// rounding of the km sums; then it is one of the equally good ones.
//
// Build (Geisberger et al., "Contraction Hierarchies", 2008): airports are contracted one by one
// in order of edge difference + contracted neighbours + level (lazy updates); contracting v adds
// a shortcut u -> x for every pair of remaining neighbours whose best connection runs through v,
// unless a witness search (a Dijkstra from u avoiding v, at most kWitnessSettleLimit airports)
// finds one at most as good without it. A search that stops at the limit adds the shortcut: never
// wrong, only larger. Query: hub labels, each airport's forward and backward upward search space
// (stall-on-demand) stored sorted with the tree edge into each entry; a query merges the origin's
// forward and the destination's backward label and unpacks the shortcuts into routes.
//
// Thread safety: immutable after Build; any number of threads may query it at once, each with
// its own HierarchyWorkspace. It refers to its view, which must outlive it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

#include "routes/ids.h"
#include "routes/paths/path_query.h"
#include "routes/paths/stamp_set.h"
#include "routes/result.h"
#include "routes/scenario_view.h"
#include "routes/stop_check.h"

namespace aircargo::routes {

// A path's value under the hierarchy's objective: weight first, then the tie key.
struct HierarchyCost {
  double weight = 0;
  double tie = 0;
};
inline bool operator<(const HierarchyCost& a, const HierarchyCost& b) {
  return a.weight < b.weight || (a.weight == b.weight && a.tie < b.tie);
}
inline HierarchyCost operator+(const HierarchyCost& a, const HierarchyCost& b) {
  return {a.weight + b.weight, a.tie + b.tie};
}

// What a query scribbles on; owned by the caller (inside PathWorkspace for FindPaths). Grows to
// the network's size on first use, then a query allocates only its answer.
struct HierarchyWorkspace {
  struct HeapItem {
    HierarchyCost key;
    std::uint32_t airport;
  };
  // One upward search's scratch (the label build's; queries read labels and need none).
  struct Side {
    std::vector<HierarchyCost> dist;
    std::vector<std::uint32_t> pred_edge;
    StampSet reached;
    std::vector<HeapItem> heap;
  };
  std::vector<std::uint32_t> unpack;  // edge stack
  std::size_t settled = 0;            // hierarchy edges on the last answer, before unpacking
};

class ContractionHierarchy {
 public:
  static constexpr std::size_t kWitnessSettleLimit = 200;

  // Errors only from `stop`.
  static Result<ContractionHierarchy> Build(const ScenarioView& view, Objective objective,
                                            StopCheck& stop);

  const ScenarioView& view() const { return *view_; }
  Objective objective() const { return objective_; }

  // The best route sequence from `origin` to `destination` (distinct airports of the view's
  // network), or nullopt when the destination cannot be reached.
  std::optional<std::vector<RouteId>> Query(AirportId origin, AirportId destination,
                                            HierarchyWorkspace& workspace) const;
  // The (weight, tie) of Query's answer under the model above; for tests.
  std::optional<HierarchyCost> QueryCost(AirportId origin, AirportId destination) const;

  std::size_t airport_count() const { return rank_.size(); }
  std::size_t arc_count() const { return arc_count_; }  // airport pairs with a usable route
  std::size_t shortcut_count() const { return shortcut_count_; }  // kept in the hierarchy
  std::size_t memory_bytes() const;

 private:
  struct Link {
    std::uint32_t other;  // the higher-ranked airport at the far end
    std::uint32_t edge;   // index into edges_
    HierarchyCost cost;
  };
  struct Edge {
    std::uint32_t from;
    std::uint32_t to;
    std::uint32_t first;   // route id (original) or the first half's edge (shortcut)
    std::uint32_t second;  // kOriginal, or the second half's edge
  };
  static constexpr std::uint32_t kOriginal = 0xffffffffu;
  friend class HierarchyBuilder;

  // Per airport, its upward search space (forward: the hierarchy's arcs leaving it upwards;
  // backward: arcs into it from above), sorted by airport, with the cost and the search tree's edge
  // into each (kOriginal at the airport itself).
  struct Labels {
    std::vector<std::uint32_t> begin;
    std::vector<std::uint32_t> hub;
    std::vector<HierarchyCost> cost;
    std::vector<std::uint32_t> pred_edge;
  };
  struct Meeting {
    std::uint32_t airport = kOriginal;  // kOriginal: the labels share no airport
    HierarchyCost cost;
  };
  bool Stalled(std::uint32_t airport, HierarchyCost dist, bool forward,
               const HierarchyWorkspace::Side& side) const;
  void BuildLabels(HierarchyWorkspace::Side& side);
  // The best meeting of the origin's forward and the destination's backward label.
  Meeting Search(AirportId origin, AirportId destination) const;
  std::uint32_t PredEdge(const Labels& labels, std::uint32_t airport, std::uint32_t hub) const;
  static std::size_t LabelBytes(const Labels& labels);

  const ScenarioView* view_ = nullptr;
  Objective objective_ = Objective::kDistance;
  std::vector<std::uint32_t> rank_;
  std::vector<double> start_offset_;     // added to the origin's distance (transit time)
  std::vector<std::uint32_t> up_begin_;  // per airport, links to higher airports leaving it
  std::vector<Link> up_;
  std::vector<std::uint32_t> down_begin_;  // per airport, links from higher airports into it
  std::vector<Link> down_;
  std::vector<Edge> edges_;
  Labels labels_[2];  // forward, backward
  std::size_t arc_count_ = 0;
  std::size_t shortcut_count_ = 0;
};

}  // namespace aircargo::routes
