#include "routes/capacity/closures.h"

#include <algorithm>
#include <tuple>

#include "routes/capacity/flow_network.h"
#include "routes/capacity/flow_paths.h"

namespace aircargo::routes {
namespace {

// Re-solves with some pairs closed, warm-started and undone in place. `work` holds the base flow
// as the sum of its decomposed paths (a feasible flow; flow cycles, if any, dropped) between
// calls. A closure removes the paths through a closed pair (only their pairs change), sets the
// closed pairs to capacity 0, lets Dinic augment from there, then restores exactly the pairs it
// or the augmentation touched (the workspace's push journal), so a closure costs what it changes,
// not the network's size.
class ClosureSolver {
 public:
  ClosureSolver(const FlowNetwork& base, const std::vector<FlowPath>& paths,
                FlowWorkspace& workspace)
      : base_(base), work_(base), paths_(paths), w_(workspace) {
    path_flow_.assign(base.pair_count(), 0);
    std::vector<std::uint32_t> count(base.pair_count() + 1, 0);
    for (const FlowPath& path : paths) {
      total_ += path.kg;
      for (std::uint32_t pair : path.pairs) {
        path_flow_[pair] += path.kg;
        ++count[pair + 1];
      }
    }
    for (std::uint32_t pair = 0; pair < base.pair_count(); ++pair) {
      work_.SetFlow(pair, path_flow_[pair]);
      count[pair + 1] += count[pair];
    }
    first_path_ = count;
    paths_through_.resize(count.back());
    for (std::uint32_t p = 0; p < paths.size(); ++p) {
      for (std::uint32_t pair : paths[p].pairs) paths_through_[count[pair]++] = p;
    }
    removed_.assign(paths.size(), false);
  }

  // The maximum flow with `closed` pairs at capacity 0.
  Result<std::int64_t> FlowWithout(const std::vector<std::uint32_t>& closed, StopCheck& stop) {
    touched_.clear();
    removed_list_.clear();
    std::int64_t lost = 0;
    for (std::uint32_t pair : closed) {
      for (std::uint32_t i = first_path_[pair]; i < first_path_[pair + 1]; ++i) {
        const std::uint32_t p = paths_through_[i];
        if (removed_[p]) continue;
        removed_[p] = true;
        removed_list_.push_back(p);
        lost += paths_[p].kg;
        for (std::uint32_t q : paths_[p].pairs) {
          work_.SetFlow(q, work_.flow(q) - paths_[p].kg);
          touched_.push_back(q);
        }
      }
    }
    for (std::uint32_t pair : closed) work_.SetCapacity(pair, 0);
    w_.journal = true;
    w_.pushed.clear();
    auto more = AugmentMaxFlow(work_, w_, stop);
    w_.journal = false;
    for (std::uint32_t pair : closed) work_.SetCapacity(pair, base_.capacity(pair));
    for (std::uint32_t pair : closed) work_.SetFlow(pair, path_flow_[pair]);
    for (std::uint32_t pair : touched_) work_.SetFlow(pair, path_flow_[pair]);
    for (std::uint32_t arc : w_.pushed) work_.SetFlow(arc >> 1, path_flow_[arc >> 1]);
    for (std::uint32_t p : removed_list_) removed_[p] = false;
    if (!more.ok()) return more.error();
    return total_ - lost + *more;
  }

 private:
  const FlowNetwork& base_;
  FlowNetwork work_;
  const std::vector<FlowPath>& paths_;
  FlowWorkspace& w_;
  std::int64_t total_ = 0;
  std::vector<std::int64_t> path_flow_;       // per pair: the decomposed base flow
  std::vector<std::uint32_t> first_path_;     // per pair: into paths_through_ (pair_count + 1)
  std::vector<std::uint32_t> paths_through_;  // path indices, grouped by pair
  std::vector<bool> removed_;                 // per path, during one FlowWithout
  std::vector<std::uint32_t> removed_list_;
  std::vector<std::uint32_t> touched_;
};

}  // namespace

Result<ClosureAnalysis> AnalyzeClosures(const ScenarioView& view, const CapacityQuery& query,
                                        StopCheck& stop) {
  FlowWorkspace workspace;
  return AnalyzeClosures(view, query, workspace, stop);
}

Result<ClosureAnalysis> AnalyzeClosures(const ScenarioView& view, const CapacityQuery& query,
                                        FlowWorkspace& workspace, StopCheck& stop) {
  const FlowTemplate flows(view);
  return AnalyzeClosures(flows, query, workspace, stop);
}

Result<ClosureAnalysis> AnalyzeClosures(const FlowTemplate& flows, const CapacityQuery& query,
                                        FlowWorkspace& workspace, StopCheck& stop) {
  const ScenarioView& view = flows.view();
  FlowNetwork& network = workspace.network;
  if (auto error = flows.Instantiate(query.origin, query.destinations, network)) return *error;
  auto base = AugmentMaxFlow(network, workspace, stop);
  if (!base.ok()) return base.error();
  auto paths = DecomposeFlow(network, stop);
  if (!paths.ok()) return paths.error();

  ClosureAnalysis analysis;
  analysis.base_kg_per_week = *base;
  ClosureSolver solver(network, *paths, workspace);
  const Network& n = view.network();
  std::vector<bool> endpoint(n.airports().size(), false);
  endpoint[query.origin.value] = true;
  for (AirportId d : query.destinations) endpoint[d.value] = true;

  // Pairs incident to each airport that could be closed, and whether flow passes through it.
  std::vector<std::vector<std::uint32_t>> airport_pairs(n.airports().size());
  std::vector<bool> airport_has_flow(n.airports().size(), false);
  std::int64_t usable_routes = 0;
  for (std::uint32_t pair = 0; pair < network.pair_count(); ++pair) {
    const ArcLabel& label = network.label(pair);
    // Sink links, and the routes the template disabled for this request (Build leaves them out).
    if (label.kind == ArcKind::kSinkLink || network.capacity(pair) == 0) continue;
    if (label.kind == ArcKind::kThroughput) {
      airport_pairs[label.id].push_back(pair);
      if (network.flow(pair) > 0) airport_has_flow[label.id] = true;
      continue;
    }
    ++usable_routes;
    const Route& route = view.route(RouteId(label.id));
    airport_pairs[route.origin.value].push_back(pair);
    airport_pairs[route.destination.value].push_back(pair);
    if (network.flow(pair) > 0) airport_has_flow[route.destination.value] = true;
  }

  const auto add = [&](Closure closure, std::int64_t remaining) {
    closure.remaining_kg_per_week = remaining;
    closure.lost_kg_per_week = *base - remaining;
    closure.disconnects = *base > 0 && remaining == 0;
    analysis.closures.push_back(closure);
  };
  for (std::uint32_t pair = 0; pair < network.pair_count(); ++pair) {
    const ArcLabel& label = network.label(pair);
    if (label.kind != ArcKind::kRoute || network.flow(pair) <= 0) continue;
    auto remaining = solver.FlowWithout({pair}, stop);
    if (!remaining.ok()) return remaining.error();
    Closure c;
    c.kind = Closure::Kind::kRoute;
    c.route = RouteId(label.id);
    add(c, *remaining);
  }
  analysis.routes_without_flow =
      usable_routes - static_cast<std::int64_t>(analysis.closures.size());
  std::int64_t open_airports = 0;
  for (std::uint32_t a = 0; a < n.airports().size(); ++a) {
    if (endpoint[a] || !view.airport_open(AirportId(a))) continue;
    ++open_airports;
    if (!airport_has_flow[a]) continue;
    auto remaining = solver.FlowWithout(airport_pairs[a], stop);
    if (!remaining.ok()) return remaining.error();
    Closure c;
    c.kind = Closure::Kind::kAirport;
    c.airport = AirportId(a);
    add(c, *remaining);
  }
  const auto airport_closures =
      std::count_if(analysis.closures.begin(), analysis.closures.end(),
                    [](const Closure& c) { return c.kind == Closure::Kind::kAirport; });
  analysis.airports_without_flow = open_airports - airport_closures;

  std::stable_sort(
      analysis.closures.begin(), analysis.closures.end(), [](const Closure& a, const Closure& b) {
        const auto key = [](const Closure& c) {
          return std::make_tuple(-c.lost_kg_per_week, static_cast<int>(c.kind),
                                 c.kind == Closure::Kind::kRoute ? c.route.value : c.airport.value);
        };
        return key(a) < key(b);
      });
  return analysis;
}

}  // namespace aircargo::routes
