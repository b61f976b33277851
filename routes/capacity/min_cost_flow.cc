#include "routes/capacity/min_cost_flow.h"

#include <algorithm>
#include <limits>
#include <string>
#include <utility>

#include "routes/capacity/blocking_flow.h"
#include "routes/capacity/flow_paths.h"

namespace aircargo::routes {
namespace {

constexpr std::int64_t kInfinity = std::numeric_limits<std::int64_t>::max();

// Dijkstra over residual arcs with reduced costs; stops once the sink is settled. Then every
// potential rises by min(distance, distance to sink), which keeps reduced costs >= 0 and makes the
// arcs of shortest paths exactly the residual arcs of reduced cost 0. False when the sink is
// unreachable.
class Potentials {
 public:
  Potentials(const FlowNetwork& network, FlowWorkspace& workspace)
      : n_(network),
        potential_(workspace.potential),
        distance_(workspace.distance),
        heap_(workspace.heap) {
    potential_.assign(network.node_count(), 0);
    distance_.resize(network.node_count());
  }

  std::int64_t ReducedCost(std::uint32_t arc) const {
    return n_.Cost(arc) + potential_[n_.Tail(arc)] - potential_[n_.Head(arc)];
  }

  Result<bool> Update(StopCheck& stop) {
    std::fill(distance_.begin(), distance_.end(), kInfinity);
    // A binary min-heap of (distance, node) in the workspace's vector (no allocation per call).
    const auto later = [](const Entry& a, const Entry& b) { return a > b; };
    heap_.clear();
    distance_[n_.source()] = 0;
    heap_.emplace_back(0, n_.source());
    while (!heap_.empty()) {
      if (auto error = stop.Poll()) return *error;
      std::pop_heap(heap_.begin(), heap_.end(), later);
      const auto [d, v] = heap_.back();
      heap_.pop_back();
      if (d != distance_[v]) continue;
      if (v == n_.sink()) break;
      for (std::uint32_t arc : n_.OutArcs(v)) {
        if (n_.Residual(arc) <= 0) continue;
        const std::uint32_t w = n_.Head(arc);
        const std::int64_t candidate = d + ReducedCost(arc);
        if (candidate < distance_[w]) {
          distance_[w] = candidate;
          heap_.emplace_back(candidate, w);
          std::push_heap(heap_.begin(), heap_.end(), later);
        }
      }
    }
    const std::int64_t to_sink = distance_[n_.sink()];
    if (to_sink == kInfinity) return false;
    for (std::uint32_t v = 0; v < n_.node_count(); ++v) {
      potential_[v] += std::min(distance_[v], to_sink);
    }
    return true;
  }

 private:
  using Entry = std::pair<std::int64_t, std::uint32_t>;
  const FlowNetwork& n_;
  std::vector<std::int64_t>& potential_;
  std::vector<std::int64_t>& distance_;
  std::vector<Entry>& heap_;
};

std::int64_t Saturate(Int128 value) {
  return value > std::numeric_limits<std::int64_t>::max() ? std::numeric_limits<std::int64_t>::max()
                                                          : static_cast<std::int64_t>(value);
}

}  // namespace

Result<std::int64_t> SolveMinCostFlow(FlowNetwork& network, std::int64_t demand, StopCheck& stop) {
  FlowWorkspace workspace;
  return SolveMinCostFlow(network, demand, workspace, stop);
}

Result<std::int64_t> SolveMinCostFlow(FlowNetwork& network, std::int64_t demand,
                                      FlowWorkspace& workspace, StopCheck& stop) {
  Potentials potentials(network, workspace);
  std::int64_t sent = 0;
  while (sent < demand) {
    auto reachable = potentials.Update(stop);
    if (!reachable.ok()) return reachable.error();
    if (!*reachable) break;
    const auto zero_reduced_cost = [&potentials](std::uint32_t arc) {
      return potentials.ReducedCost(arc) == 0;
    };
    auto pushed =
        internal::BlockingFlows(network, stop, zero_reduced_cost, workspace).Run(demand - sent);
    if (!pushed.ok()) return pushed.error();
    if (*pushed == 0) return MakeError(ErrorCode::kInternal, "", "no flow on a shortest path");
    sent += *pushed;
  }
  return sent;
}

Int128 FlowCostMicros(const FlowNetwork& network) {
  Int128 total = 0;
  for (std::uint32_t pair = 0; pair < network.pair_count(); ++pair) {
    total += static_cast<Int128>(network.flow(pair)) * network.Cost(2 * pair);
  }
  return total;
}

Result<FlowPlan> PlanFlow(const ScenarioView& view, const FlowPlanQuery& query, StopCheck& stop) {
  FlowWorkspace workspace;
  return PlanFlow(view, query, workspace, stop);
}

Result<FlowPlan> PlanFlow(const ScenarioView& view, const FlowPlanQuery& query,
                          FlowWorkspace& workspace, StopCheck& stop) {
  const FlowTemplate flows(view);
  return PlanFlow(flows, query, workspace, stop);
}

Result<FlowPlan> PlanFlow(const FlowTemplate& flows, const FlowPlanQuery& query,
                          FlowWorkspace& workspace, StopCheck& stop) {
  const ScenarioView& view = flows.view();
  if (query.demand_kg_per_week < 0 || query.demand_kg_per_week > kMaxDemandKgPerWeek) {
    return InvalidArgument("demand_kg_per_week",
                           "must be between 0 and " + std::to_string(kMaxDemandKgPerWeek) +
                               " kg, got " + std::to_string(query.demand_kg_per_week));
  }
  FlowNetwork& network = workspace.network;
  if (auto error = flows.Instantiate(query.origin, query.destinations, network)) return *error;
  auto sent = SolveMinCostFlow(network, query.demand_kg_per_week, workspace, stop);
  if (!sent.ok()) return sent.error();

  FlowPlan plan;
  plan.demand_kg_per_week = query.demand_kg_per_week;
  plan.shipped_kg_per_week = *sent;
  plan.shortfall_kg_per_week = query.demand_kg_per_week - *sent;

  auto flow_paths = DecomposeFlow(network, stop);
  if (!flow_paths.ok()) return flow_paths.error();
  for (const FlowPath& fp : *flow_paths) {
    PlannedPath path;
    path.kg_per_week = fp.kg;
    for (std::uint32_t pair : fp.pairs) {
      const ArcLabel& label = network.label(pair);
      if (label.kind != ArcKind::kRoute) continue;
      path.routes.push_back(RouteId(label.id));
      path.cost_per_kg_micros += network.Cost(2 * pair);
    }
    plan.paths.push_back(std::move(path));
  }
  std::stable_sort(plan.paths.begin(), plan.paths.end(),
                   [](const PlannedPath& a, const PlannedPath& b) {
                     return a.cost_per_kg_micros != b.cost_per_kg_micros
                                ? a.cost_per_kg_micros < b.cost_per_kg_micros
                                : a.kg_per_week > b.kg_per_week;
                   });

  // Route flows and cost from the paths (identical to the solver's flow up to zero-cost cycles),
  // summed per route in route id order without a pass over every route.
  std::vector<std::pair<std::uint32_t, std::int64_t>> route_kg;
  Int128 cost = 0;
  for (const PlannedPath& path : plan.paths) {
    cost += static_cast<Int128>(path.kg_per_week) * path.cost_per_kg_micros;
    for (RouteId r : path.routes) route_kg.emplace_back(r.value, path.kg_per_week);
  }
  plan.total_cost_micros = Saturate(cost);
  plan.cost_saturated = cost > std::numeric_limits<std::int64_t>::max();
  std::sort(route_kg.begin(), route_kg.end());
  for (std::size_t i = 0; i < route_kg.size();) {
    const std::uint32_t r = route_kg[i].first;
    std::int64_t kg = 0;
    for (; i < route_kg.size() && route_kg[i].first == r; ++i) kg += route_kg[i].second;
    if (kg > 0) plan.route_flows.push_back({RouteId(r), kg, view.weekly_capacity_kg(RouteId(r))});
  }
  std::stable_sort(plan.route_flows.begin(), plan.route_flows.end(),
                   [](const RouteFlow& a, const RouteFlow& b) {
                     return a.flow_kg_per_week > b.flow_kg_per_week;
                   });
  return plan;
}

}  // namespace aircargo::routes
