#include "routes/capacity/compare.h"

#include <algorithm>
#include <iterator>
#include <string>
#include <utility>

#include "routes/capacity/flow_network.h"
#include "routes/capacity/flow_template.h"
#include "routes/capacity/max_flow.h"
#include "routes/paths/find_paths.h"
#include "routes/paths/path_scratch.h"
#include "routes/paths/shortest_path.h"

namespace aircargo::routes {
namespace {

// An origin with at least this many destinations gets one one-to-all search per objective; fewer
// get one point-to-point search per destination (cheaper there; the answers are the same).
constexpr std::size_t kTreeMinDestinations = 4;

Result<std::optional<Path>> Best(const ScenarioView& view, AirportId origin, AirportId destination,
                                 Objective objective, PathWorkspace& workspace, StopCheck& stop) {
  PathQuery query;
  query.origin = origin;
  query.destination = destination;
  query.objective = objective;
  query.k = 1;
  auto found = FindPaths(view, query, workspace, stop);
  if (!found.ok()) return found.error();
  if (found->paths.empty()) return std::optional<Path>();
  return std::optional<Path>(found->paths.front());
}

constexpr std::pair<Objective, std::optional<Path> PairMetrics::*> kObjectives[] = {
    {Objective::kTransitTime, &PairMetrics::fastest},
    {Objective::kCost, &PairMetrics::cheapest},
    {Objective::kLegs, &PairMetrics::fewest_legs}};

// The maximum flow from `origin` to each destination of `rows` (by index), on one flow network
// instantiated once for the origin from the scenario's template: per destination only the sink
// moves and the flow is reset (by the network's journal: what the previous solve touched).
// Destinations the origin cannot reach over arcs of positive capacity get 0 without solving.
std::optional<Error> MeasureCapacities(const FlowTemplate& layout, AirportId origin,
                                       std::span<const OdPair> pairs,
                                       std::span<const std::size_t> indices,
                                       std::vector<PairMetrics*>& metrics, FlowWorkspace& flows,
                                       StopCheck& stop) {
  FlowNetwork& network = flows.network;
  if (auto error = layout.InstantiateForOrigin(origin, network)) return error;
  std::vector<bool> reached(network.node_count(), false);
  std::vector<std::uint32_t> queue{network.source()};
  reached[network.source()] = true;
  for (std::size_t i = 0; i < queue.size(); ++i) {
    for (std::uint32_t arc : network.OutArcs(queue[i])) {
      const std::uint32_t head = network.Head(arc);
      if (!reached[head] && network.Residual(arc) > 0) {
        reached[head] = true;
        queue.push_back(head);
      }
    }
  }
  bool dirty = false;
  for (std::size_t n = 0; n < indices.size(); ++n) {
    if (auto stopped = stop.Check()) return *stopped;
    const AirportId destination = pairs[indices[n]].destination;
    PairMetrics& m = *metrics[n];
    m.max_capacity_kg_per_week = 0;
    if (reached[network.OutNode(destination)]) {
      if (dirty) network.ResetFlow();
      network.SetSink(destination);
      auto flow = AugmentMaxFlow(network, flows, stop);
      if (!flow.ok()) return flow.error();
      dirty = true;
      m.max_capacity_kg_per_week = *flow;
    }
    m.reachable = m.max_capacity_kg_per_week > 0;
  }
  return std::nullopt;
}

// The fastest, cheapest and fewest-leg paths from `origin` to every reachable destination: one
// one-to-all search per objective, or the point-to-point search where that one could answer
// differently (see PathSearch::SearchAll) or for few destinations.
std::optional<Error> MeasurePaths(const ScenarioView& view, AirportId origin,
                                  std::span<const OdPair> pairs,
                                  std::span<const std::size_t> indices,
                                  std::vector<PairMetrics*>& metrics, PathWorkspace& workspace,
                                  StopCheck& stop) {
  const bool tree = indices.size() >= kTreeMinDestinations;
  std::vector<std::pair<std::size_t, std::size_t>> fallback;  // (n, objective)
  for (std::size_t o = 0; o < std::size(kObjectives); ++o) {
    const auto [objective, member] = kObjectives[o];
    if (!tree) {
      for (std::size_t n = 0; n < indices.size(); ++n) {
        if (metrics[n]->reachable) fallback.emplace_back(n, o);
      }
      continue;
    }
    PathQuery query;
    query.origin = origin;
    query.destination = pairs[indices.front()].destination;
    query.objective = objective;
    PathWorkspace::Scratch& scratch = workspace.scratch();
    PathSearch search(view, query, scratch, stop);
    auto searched = search.SearchAll();
    if (!searched.ok()) return searched.error();
    // A* (FindPaths' search for these objectives) may break an exact tie the other way.
    const bool bounded = objective == Objective::kTransitTime || objective == Objective::kDistance;
    for (std::size_t n = 0; n < indices.size(); ++n) {
      if (!metrics[n]->reachable) continue;
      const AirportId destination = pairs[indices[n]].destination;
      auto routes = search.TreePath(destination);
      if (!routes || (bounded && search.TreeTied(destination)) || !search.Loopless(*routes)) {
        fallback.emplace_back(n, o);
        continue;
      }
      metrics[n]->*member = MakePath(view, std::move(*routes));
    }
  }
  for (const auto& [n, o] : fallback) {
    auto best =
        Best(view, origin, pairs[indices[n]].destination, kObjectives[o].first, workspace, stop);
    if (!best.ok()) return best.error();
    metrics[n]->*kObjectives[o].second = std::move(best).value();
  }
  return std::nullopt;
}

std::optional<Error> MeasureFromOrigin(const FlowTemplate& layout, AirportId origin,
                                       std::span<const OdPair> pairs,
                                       std::span<const std::size_t> indices,
                                       std::vector<PairMetrics*>& metrics, PathWorkspace& workspace,
                                       FlowWorkspace& flows, StopCheck& stop) {
  if (auto error = MeasureCapacities(layout, origin, pairs, indices, metrics, flows, stop)) {
    return error;
  }
  return MeasurePaths(layout.view(), origin, pairs, indices, metrics, workspace, stop);
}

}  // namespace

std::vector<OdPair> PairsFromOrigin(const Network& network, AirportId origin) {
  std::vector<OdPair> pairs;
  for (std::uint32_t a = 0; a < network.airports().size(); ++a) {
    if (AirportId(a) != origin) pairs.push_back({origin, AirportId(a)});
  }
  return pairs;
}

Result<ScenarioComparison> CompareScenarios(const ScenarioView& baseline,
                                            const ScenarioView& alternative,
                                            std::span<const OdPair> pairs, StopCheck& stop) {
  PathWorkspace paths;
  FlowWorkspace flows;
  return CompareScenarios(baseline, alternative, pairs, paths, flows, stop);
}

Result<ScenarioComparison> CompareScenarios(const ScenarioView& baseline,
                                            const ScenarioView& alternative,
                                            std::span<const OdPair> pairs, PathWorkspace& workspace,
                                            FlowWorkspace& flows, StopCheck& stop) {
  if (pairs.empty()) return InvalidArgument("pairs", "must list at least one pair");
  if (pairs.size() > kMaxComparePairs) {
    return InvalidArgument("pairs", "must list at most " + std::to_string(kMaxComparePairs) +
                                        " pairs, got " + std::to_string(pairs.size()));
  }
  const std::size_t airports = baseline.network().airports().size();
  for (std::size_t i = 0; i < pairs.size(); ++i) {
    const std::string at = "pairs[" + std::to_string(i) + "]";
    if (pairs[i].origin.value >= airports || pairs[i].destination.value >= airports) {
      return NotFound(at, "airport index out of range");
    }
    if (pairs[i].origin == pairs[i].destination) {
      return InvalidArgument(at, "origin and destination must differ");
    }
  }
  ScenarioComparison comparison;
  comparison.pairs.resize(pairs.size());
  for (std::size_t i = 0; i < pairs.size(); ++i) comparison.pairs[i].pair = pairs[i];
  // Pairs grouped by origin, in order of first appearance.
  std::vector<std::size_t> order(pairs.size());
  for (std::size_t i = 0; i < pairs.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return pairs[a].origin.value < pairs[b].origin.value;
  });
  // One flow template per scenario, instantiated per origin.
  const FlowTemplate baseline_flows(baseline);
  const FlowTemplate alternative_flows(alternative);
  std::vector<PairMetrics*> metrics;
  for (std::size_t begin = 0; begin < order.size();) {
    std::size_t end = begin;
    while (end < order.size() && pairs[order[end]].origin == pairs[order[begin]].origin) ++end;
    const std::span<const std::size_t> group(order.data() + begin, end - begin);
    const AirportId origin = pairs[order[begin]].origin;
    for (PairMetrics PairComparison::*side :
         {&PairComparison::baseline, &PairComparison::alternative}) {
      const FlowTemplate& layout =
          side == &PairComparison::baseline ? baseline_flows : alternative_flows;
      metrics.clear();
      for (std::size_t i : group) metrics.push_back(&(comparison.pairs[i].*side));
      if (auto error =
              MeasureFromOrigin(layout, origin, pairs, group, metrics, workspace, flows, stop)) {
        return *error;
      }
    }
    begin = end;
  }
  return comparison;
}

}  // namespace aircargo::routes
