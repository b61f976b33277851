#include "routes/capacity/compare.h"

#include <string>

#include "routes/capacity/max_flow.h"
#include "routes/paths/find_paths.h"

namespace aircargo::routes {
namespace {

Result<std::optional<Path>> Best(const ScenarioView& view, const OdPair& pair, Objective objective,
                                 PathWorkspace& workspace, StopCheck& stop) {
  PathQuery query;
  query.origin = pair.origin;
  query.destination = pair.destination;
  query.objective = objective;
  query.k = 1;
  auto found = FindPaths(view, query, workspace, stop);
  if (!found.ok()) return found.error();
  if (found->paths.empty()) return std::optional<Path>();
  return std::optional<Path>(found->paths.front());
}

Result<PairMetrics> Measure(const ScenarioView& view, const OdPair& pair, PathWorkspace& workspace,
                            StopCheck& stop) {
  PairMetrics metrics;
  auto capacity = ComputeCapacity(view, {pair.origin, {pair.destination}}, stop);
  if (!capacity.ok()) return capacity.error();
  metrics.max_capacity_kg_per_week = capacity->max_flow_kg_per_week;
  metrics.reachable = capacity->max_flow_kg_per_week > 0;
  if (!metrics.reachable) return metrics;
  const std::pair<Objective, std::optional<Path> PairMetrics::*> objectives[] = {
      {Objective::kTransitTime, &PairMetrics::fastest},
      {Objective::kCost, &PairMetrics::cheapest},
      {Objective::kLegs, &PairMetrics::fewest_legs}};
  for (const auto& [objective, member] : objectives) {
    auto best = Best(view, pair, objective, workspace, stop);
    if (!best.ok()) return best.error();
    metrics.*member = std::move(best).value();
  }
  return metrics;
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
  PathWorkspace workspace;
  for (const OdPair& pair : pairs) {
    // Each pair builds whole flow networks: look at the deadline between pairs too.
    if (auto stopped = stop.Check()) return *stopped;
    PairComparison row;
    row.pair = pair;
    auto base = Measure(baseline, pair, workspace, stop);
    if (!base.ok()) return base.error();
    auto alt = Measure(alternative, pair, workspace, stop);
    if (!alt.ok()) return alt.error();
    row.baseline = std::move(base).value();
    row.alternative = std::move(alt).value();
    comparison.pairs.push_back(std::move(row));
  }
  return comparison;
}

}  // namespace aircargo::routes
