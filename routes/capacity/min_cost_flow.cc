#include "routes/capacity/min_cost_flow.h"

#include <algorithm>
#include <limits>
#include <span>
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
//
// The potentials start goal-directed (SeedTowardSink): minus the cost to the sink around the
// cheapest path, a straight-line bound elsewhere. Then a phase's Dijkstra settles only the
// airports whose detour (cost from the source through them to the sink, minus the cheapest) looks
// below the rise of the cheapest cost since the last phase, instead of every airport cheaper to
// reach than the sink: on the world network each phase settled about half the airports before.
class Potentials {
 public:
  Potentials(const FlowNetwork& network, FlowWorkspace& workspace)
      : n_(network),
        potential_(workspace.potential),
        distance_(workspace.distance),
        heap_(workspace.heap),
        bound_(workspace.bound),
        entered_(workspace.entered) {
    potential_.assign(network.node_count(), 0);
    distance_.resize(network.node_count());
    entered_.assign(network.node_count(), 0);
  }

  // Flow was pushed along `arcs`: the heads of forward ones now have a usable reverse arc.
  void NoteFlow(std::span<const std::uint32_t> arcs) {
    for (std::uint32_t arc : arcs) {
      if (FlowNetwork::IsForward(arc)) entered_[n_.Head(arc)] = 1;
    }
  }

  std::int64_t ReducedCost(std::uint32_t arc) const {
    return n_.Cost(arc) + potential_[n_.Tail(arc)] - potential_[n_.Head(arc)];
  }

  // An A* search backwards from the sink over the residual arcs of the zero flow (costs >= 0),
  // guided by FlowNetwork::CostBound from the source, that stops once the source is settled at
  // cost D. Then potential = -min(cost to the sink, D - bound from the source): both are
  // feasible (the bound is consistent), so their minimum is; it is the exact cost to the sink on
  // every airport the search settled, since those have cost + bound <= D. False when the sink
  // cannot be reached from the source.
  Result<bool> SeedTowardSink(StopCheck& stop) {
    const std::uint32_t source = n_.source();
    bound_.resize(n_.node_count());
    for (std::uint32_t v = 0; v < n_.node_count(); ++v) bound_[v] = n_.CostBound(source, v);
    std::fill(distance_.begin(), distance_.end(), kInfinity);
    heap_.clear();
    distance_[n_.sink()] = 0;
    heap_.emplace_back(bound_[n_.sink()], n_.sink());
    while (!heap_.empty()) {
      if (auto error = stop.Poll()) return *error;
      std::pop_heap(heap_.begin(), heap_.end(), Later{});
      const auto [key, v] = heap_.back();
      heap_.pop_back();
      const std::int64_t d = distance_[v];
      if (key != d + bound_[v]) continue;  // a stale entry
      if (v == source) break;
      const auto relax = [&](std::uint32_t u, std::int64_t candidate) {
        if (candidate < distance_[u]) {
          distance_[u] = candidate;
          heap_.emplace_back(candidate + bound_[u], u);
          std::push_heap(heap_.begin(), heap_.end(), Later{});
        }
      };
      // At zero flow only forward arcs have residual capacity.
      if (n_.has_arc_ends()) {
        for (const FlowNetwork::ArcEnd& a : n_.EnteringArcs(v)) {
          if (n_.Residual(a.arc) > 0) relax(a.node, d + a.cost);
        }
        continue;
      }
      for (std::uint32_t out : n_.OutArcs(v)) {
        const std::uint32_t arc = FlowNetwork::Reverse(out);  // into v
        if (!FlowNetwork::IsForward(out) && n_.Residual(arc) > 0)
          relax(n_.Head(out), d + n_.Cost(arc));
      }
    }
    const std::int64_t from_source = distance_[source];
    if (from_source == kInfinity) return false;
    for (std::uint32_t v = 0; v < n_.node_count(); ++v) {
      potential_[v] = -std::min(distance_[v], from_source - bound_[v]);
    }
    return true;
  }

  Result<bool> Update(StopCheck& stop) {
    std::fill(distance_.begin(), distance_.end(), kInfinity);
    // A binary min-heap of (distance, node) in the workspace's vector (no allocation per call).
    heap_.clear();
    distance_[n_.source()] = 0;
    heap_.emplace_back(0, n_.source());
    while (!heap_.empty()) {
      if (auto error = stop.Poll()) return *error;
      std::pop_heap(heap_.begin(), heap_.end(), Later{});
      const auto [d, v] = heap_.back();
      heap_.pop_back();
      if (d != distance_[v]) continue;
      if (v == n_.sink()) break;
      const auto relax = [&](std::uint32_t w, std::int64_t candidate) {
        if (candidate < distance_[w]) {
          distance_[w] = candidate;
          heap_.emplace_back(candidate, w);
          std::push_heap(heap_.begin(), heap_.end(), Later{});
        }
      };
      if (entered_[v] != 0 || !n_.has_arc_ends()) {
        for (std::uint32_t arc : n_.OutArcs(v)) {
          if (n_.Residual(arc) > 0) relax(n_.Head(arc), d + ReducedCost(arc));
        }
        continue;
      }
      // No flow enters v, so none of its reverse arcs has residual capacity: read only the
      // forward ones, laid out with their heads and costs.
      const std::int64_t base = d + potential_[v];
      for (const FlowNetwork::ArcEnd& a : n_.ForwardArcs(v)) {
        if (n_.Residual(a.arc) > 0) relax(a.node, base + a.cost - potential_[a.node]);
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
  struct Later {
    bool operator()(const Entry& a, const Entry& b) const { return a > b; }
  };

  const FlowNetwork& n_;
  std::vector<std::int64_t>& potential_;
  std::vector<std::int64_t>& distance_;
  std::vector<Entry>& heap_;
  std::vector<std::int64_t>& bound_;
  std::vector<std::uint8_t>& entered_;
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
  if (demand <= 0) return sent;
  auto connected = potentials.SeedTowardSink(stop);
  if (!connected.ok()) return connected.error();
  if (!*connected) return sent;
  // The blocking flows journal the arcs they push on (NoteFlow); they stay in the journal only
  // when the caller keeps one.
  const bool journal = workspace.journal;
  workspace.journal = true;
  struct RestoreJournal {
    FlowWorkspace& w;
    bool was;
    ~RestoreJournal() { w.journal = was; }
  } restore{workspace, journal};
  while (sent < demand) {
    auto reachable = potentials.Update(stop);
    if (!reachable.ok()) return reachable.error();
    if (!*reachable) break;
    const auto zero_reduced_cost = [&potentials](std::uint32_t arc) {
      return potentials.ReducedCost(arc) == 0;
    };
    const std::size_t journal_begin = workspace.pushed.size();
    auto pushed =
        internal::BlockingFlows(network, stop, zero_reduced_cost, workspace).Run(demand - sent);
    potentials.NoteFlow(std::span(workspace.pushed).subspan(journal_begin));
    if (!restore.was) workspace.pushed.resize(journal_begin);
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
