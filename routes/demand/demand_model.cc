#include "routes/demand/demand_model.h"

#include <algorithm>
#include <cmath>
#include <map>

namespace aircargo::routes::internal {
namespace {

// The factor the scenario applies to a route (1 unless named in capacity_factors).
double FactorOf(const ScenarioView& view, RouteId route) {
  double factor = 1.0;
  for (const CapacityFactor& f : view.scenario().capacity_factors) {
    if (f.route == route) factor = f.factor;
  }
  return factor;
}

}  // namespace

std::vector<AirportId> DemandOrigins(const DemandQuery& query,
                                     std::vector<std::uint32_t>* commodity) {
  std::map<std::uint32_t, std::uint32_t> index;
  std::vector<AirportId> origins;
  for (const Demand& d : query.demands) {
    auto [it, added] = index.emplace(d.origin.value, static_cast<std::uint32_t>(origins.size()));
    if (added) origins.push_back(d.origin);
    if (commodity != nullptr) commodity->push_back(it->second);
  }
  return origins;
}

namespace {

std::vector<DemandArc> Arcs(const ScenarioView& view, const std::vector<std::uint32_t>& in_node,
                            const std::vector<std::uint32_t>& out_node) {
  const Network& network = view.network();
  std::vector<DemandArc> arcs;
  for (std::uint32_t a = 0; a < network.airports().size(); ++a) {
    const std::int64_t limit = network.airports()[a].throughput_kg_per_week;
    if (limit > 0) {
      const auto step = std::max(
          kMinAirportStepKg, static_cast<std::int64_t>(
                                 std::llround(static_cast<double>(limit) * kAirportStepFraction)));
      arcs.push_back({in_node[a], out_node[a], DemandArcKind::kThroughput, a, limit, 0, step});
    }
  }
  for (std::uint32_t r = 0; r < view.route_count(); ++r) {
    const RouteId id(r);
    const Route& route = view.route(id);
    const std::uint32_t tail = out_node[route.origin.value];
    const std::uint32_t head = in_node[route.destination.value];
    if (tail == head) continue;
    if (view.usable(id)) {
      const double factor =
          static_cast<double>(view.weekly_capacity_kg(id)) /
          static_cast<double>(std::max<std::int64_t>(1, route.weekly_capacity_kg()));
      const auto one_flight =
          static_cast<std::int64_t>(std::llround(static_cast<double>(route.payload_kg) * factor));
      arcs.push_back({tail, head, DemandArcKind::kRoute, r, view.weekly_capacity_kg(id),
                      route.cost_per_kg_micros, one_flight});
    } else if (view.exclusion(id) == RouteExclusion::kPlannedNotIncluded) {
      const auto opened = static_cast<std::int64_t>(
          std::llround(static_cast<double>(route.weekly_capacity_kg()) * FactorOf(view, id)));
      if (opened > 0) {
        arcs.push_back(
            {tail, head, DemandArcKind::kPlannedRoute, r, 0, route.cost_per_kg_micros, opened});
      }
    }
  }
  return arcs;
}

}  // namespace

std::int64_t DemandArcCount(const ScenarioView& view) {
  const Network& network = view.network();
  std::int64_t arcs = 0;
  for (const Airport& a : network.airports()) arcs += a.throughput_kg_per_week > 0 ? 1 : 0;
  for (std::uint32_t r = 0; r < view.route_count(); ++r) {
    const RouteId id(r);
    arcs += view.usable(id) || view.exclusion(id) == RouteExclusion::kPlannedNotIncluded ? 1 : 0;
  }
  return arcs;
}

std::int64_t DemandModelColumns(const ScenarioView& view, const DemandQuery& query) {
  const auto origins = static_cast<std::int64_t>(DemandOrigins(query, nullptr).size());
  return origins * DemandArcCount(view) + static_cast<std::int64_t>(query.demands.size()) + 1;
}

DemandGraph BuildDemandGraph(const ScenarioView& view) {
  const Network& network = view.network();
  const auto airport_count = static_cast<std::uint32_t>(network.airports().size());
  DemandGraph g;
  g.in_node.resize(airport_count);
  g.out_node.resize(airport_count);
  std::uint32_t nodes = airport_count;
  for (std::uint32_t a = 0; a < airport_count; ++a) {
    g.in_node[a] = a;
    g.out_node[a] = network.airports()[a].throughput_kg_per_week > 0 ? nodes++ : a;
  }
  g.node_count = nodes;
  g.arcs = Arcs(view, g.in_node, g.out_node);
  return g;
}

DemandModel BuildDemandModel(const ScenarioView& view, const DemandQuery& query) {
  DemandModel m;
  DemandGraph g = BuildDemandGraph(view);
  m.node_count = g.node_count;
  m.in_node = std::move(g.in_node);
  m.out_node = std::move(g.out_node);
  m.arcs = std::move(g.arcs);
  const std::uint32_t nodes = m.node_count;
  m.origins = DemandOrigins(query, &m.commodity);
  const auto commodities = static_cast<std::uint32_t>(m.origins.size());
  const std::uint32_t arc_count = m.arc_count();
  const bool fair = query.objective == DemandObjective::kFairShare;

  LpModel& lp = m.lp;
  // Capacity rows (row a for arc a), then conservation rows.
  for (const DemandArc& arc : m.arcs) {
    lp.AddRow(-kLpInfinity, static_cast<double>(arc.capacity_kg));
  }
  const int first_conservation = lp.row_count();
  const auto conservation_row = [&](std::uint32_t c, std::uint32_t node) {
    return first_conservation + static_cast<int>(c * nodes + node);
  };
  for (std::uint32_t i = 0; i < commodities * nodes; ++i) lp.AddRow(0, 0);

  for (std::uint32_t c = 0; c < commodities; ++c) {
    const std::uint32_t source = m.in_node[m.origins[c].value];
    for (std::uint32_t a = 0; a < arc_count; ++a) {
      const DemandArc& arc = m.arcs[a];
      // Flow back into the origin never helps: those columns are fixed at 0.
      const double upper = arc.head == source ? 0.0 : kLpInfinity;
      const int column = lp.AddColumn(0, 0, upper);
      lp.entries.push_back({static_cast<int>(a), column, 1.0});
      lp.entries.push_back({conservation_row(c, arc.tail), column, 1.0});
      lp.entries.push_back({conservation_row(c, arc.head), column, -1.0});
    }
  }
  m.first_delivered_column = lp.column_count();
  for (std::size_t d = 0; d < query.demands.size(); ++d) {
    const Demand& demand = query.demands[d];
    const int column = lp.AddColumn(0, 0, static_cast<double>(demand.kg_per_week));
    const std::uint32_t c = m.commodity[d];
    // out - in = delivered at the source, out - in = -delivered at the destination.
    lp.entries.push_back({conservation_row(c, m.in_node[demand.origin.value]), column, -1.0});
    lp.entries.push_back({conservation_row(c, m.out_node[demand.destination.value]), column, 1.0});
    m.sink.push_back(m.out_node[demand.destination.value]);
  }
  if (fair) {
    m.fraction_column = lp.AddColumn(0, 0, 1.0);
    for (std::size_t d = 0; d < query.demands.size(); ++d) {
      const int row = lp.AddRow(0, kLpInfinity);
      lp.entries.push_back({row, m.first_delivered_column + static_cast<int>(d), 1.0});
      lp.entries.push_back(
          {row, m.fraction_column, -static_cast<double>(query.demands[d].kg_per_week)});
    }
  }

  const auto columns = static_cast<std::size_t>(lp.column_count());
  m.delivery_objective.assign(columns, 0.0);
  m.cost_objective.assign(columns, 0.0);
  m.fraction_objective.assign(columns, 0.0);
  for (std::size_t d = 0; d < query.demands.size(); ++d) {
    m.delivery_objective[m.first_delivered_column + d] = -query.demands[d].priority;
  }
  for (std::uint32_t c = 0; c < commodities; ++c) {
    for (std::uint32_t a = 0; a < arc_count; ++a) {
      m.cost_objective[m.FlowColumn(c, a)] =
          static_cast<double>(m.arcs[a].cost_per_kg_micros) / 1e6;
    }
  }
  if (fair) m.fraction_objective[m.fraction_column] = -1.0;
  return m;
}

Result<std::vector<ArcPath>> DecomposeDemandFlow(const DemandModel& model,
                                                 const std::vector<double>& columns,
                                                 StopCheck& stop) {
  // LP values below this (kg) are solver noise.
  constexpr double kEps = 1e-6;
  const std::uint32_t arc_count = model.arc_count();
  // Arcs grouped by tail.
  std::vector<std::uint32_t> first(model.node_count + 1, 0);
  for (const DemandArc& arc : model.arcs) ++first[arc.tail + 1];
  for (std::uint32_t v = 0; v < model.node_count; ++v) first[v + 1] += first[v];
  std::vector<std::uint32_t> by_tail(arc_count);
  {
    std::vector<std::uint32_t> slot(first.begin(), first.end() - 1);
    for (std::uint32_t a = 0; a < arc_count; ++a) by_tail[slot[model.arcs[a].tail]++] = a;
  }

  std::vector<ArcPath> paths;
  std::vector<double> flow(arc_count);
  std::vector<std::uint32_t> next(model.node_count);
  std::vector<int> on_path(model.node_count, -1);
  std::vector<double> remaining(model.commodity.size(), 0.0);
  std::vector<std::vector<std::size_t>> ends(model.node_count);  // demands ending at a node
  std::vector<std::uint32_t> arcs;
  std::vector<std::uint32_t> nodes;
  for (std::uint32_t c = 0; c < model.origins.size(); ++c) {
    for (auto& e : ends) e.clear();
    for (std::size_t d = 0; d < model.commodity.size(); ++d) {
      if (model.commodity[d] != c) continue;
      remaining[d] = columns[model.first_delivered_column + d];
      if (remaining[d] > kEps) ends[model.sink[d]].push_back(d);
    }
    for (std::uint32_t a = 0; a < arc_count; ++a) flow[a] = columns[model.FlowColumn(c, a)];
    std::copy(first.begin(), first.end() - 1, next.begin());
    const std::uint32_t source = model.in_node[model.origins[c].value];
    const auto ending_demand = [&](std::uint32_t v) -> std::int64_t {
      for (std::size_t d : ends[v]) {
        if (remaining[d] > kEps) return static_cast<std::int64_t>(d);
      }
      return -1;
    };
    for (;;) {
      arcs.clear();
      for (std::uint32_t v : nodes) on_path[v] = -1;
      nodes.assign(1, source);
      on_path[source] = 0;
      std::uint32_t v = source;
      std::int64_t demand = -1;
      bool dead_end = false;
      while ((demand = ending_demand(v)) < 0 || arcs.empty()) {
        if (auto error = stop.Poll()) return *error;
        std::int64_t arc = -1;
        for (std::uint32_t& i = next[v]; i < first[v + 1]; ++i) {
          if (flow[by_tail[i]] > kEps) {
            arc = by_tail[i];
            break;
          }
        }
        if (arc < 0) {
          // A dead end holds only LP noise (conservation holds up to the tolerance): drop the arc
          // into it and walk again; at the source, the commodity is done.
          if (!arcs.empty()) flow[arcs.back()] = 0;
          dead_end = true;
          break;
        }
        const std::uint32_t w = model.arcs[arc].head;
        arcs.push_back(static_cast<std::uint32_t>(arc));
        if (on_path[w] >= 0) {  // a cycle: cancel it and go on from w
          const auto from = static_cast<std::size_t>(on_path[w]);
          double delta = flow[arc];
          for (std::size_t i = from; i < arcs.size(); ++i) delta = std::min(delta, flow[arcs[i]]);
          for (std::size_t i = from; i < arcs.size(); ++i) flow[arcs[i]] -= delta;
          for (std::size_t i = from + 1; i < nodes.size(); ++i) on_path[nodes[i]] = -1;
          nodes.resize(from + 1);
          arcs.resize(from);
          v = w;
          continue;
        }
        on_path[w] = static_cast<int>(nodes.size());
        nodes.push_back(w);
        v = w;
      }
      if (dead_end && !arcs.empty()) continue;
      if (demand < 0 || arcs.empty()) break;
      const auto d = static_cast<std::size_t>(demand);
      double delta = remaining[d];
      for (std::uint32_t a : arcs) delta = std::min(delta, flow[a]);
      for (std::uint32_t a : arcs) flow[a] -= delta;
      remaining[d] -= delta;
      paths.push_back({d, arcs, delta});
    }
  }
  return paths;
}

}  // namespace aircargo::routes::internal
