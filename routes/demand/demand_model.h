// The demand LP (internal to routes/demand): columns, rows and objectives of the origin-aggregated
// arc formulation described in demand.h, plus the flow arcs they stand for.
//
// Nodes are FlowNetwork's: an airport with a terminal limit is split into in -> out joined by a
// throughput arc. Arcs: throughput arcs, usable routes out(origin) -> in(destination), and planned
// routes the scenario leaves out for being planned (capacity row bound 0: their duals price the
// "open this route" upgrade). Columns: flow of commodity c on arc a at c * arc_count + a, then one
// delivered column per demand, then (fair share) the fraction column. Rows: one capacity row per
// arc (sum over commodities <= capacity), one conservation row per commodity and node, then (fair
// share) delivered_d - demand_d x fraction >= 0 per demand. Not thread-safe; built once per call.
#pragma once

#include <cstdint>
#include <vector>

#include "routes/demand/demand.h"
#include "routes/demand/lp_solver.h"
#include "routes/scenario_view.h"

namespace aircargo::routes::internal {

enum class DemandArcKind : std::uint8_t { kRoute, kThroughput, kPlannedRoute };

struct DemandArc {
  std::uint32_t tail = 0;
  std::uint32_t head = 0;
  DemandArcKind kind = DemandArcKind::kRoute;
  std::uint32_t id = 0;          // RouteId (routes) or AirportId (throughput)
  std::int64_t capacity_kg = 0;  // the row's bound (0 for a planned route)
  std::int64_t cost_per_kg_micros = 0;
  std::int64_t upgrade_kg = 0;  // what the candidate upgrade on this arc adds (0: none)
};

// The flow graph both formulations share (the arc LP here, column generation in
// routes/demand/column_generation.h).
struct DemandGraph {
  std::uint32_t node_count = 0;
  std::vector<std::uint32_t> in_node;   // per airport
  std::vector<std::uint32_t> out_node;  // per airport
  std::vector<DemandArc> arcs;
};

DemandGraph BuildDemandGraph(const ScenarioView& view);

// The distinct origins in first-seen order; `commodity` (if given) receives each demand's index
// into them.
std::vector<AirportId> DemandOrigins(const DemandQuery& query,
                                     std::vector<std::uint32_t>* commodity);

struct DemandModel {
  LpModel lp;
  std::uint32_t node_count = 0;
  std::vector<std::uint32_t> in_node;      // per airport
  std::vector<std::uint32_t> out_node;     // per airport
  std::vector<DemandArc> arcs;             // arc a's capacity row is row a
  std::vector<AirportId> origins;          // commodity -> origin
  std::vector<std::uint32_t> commodity;    // per demand
  std::vector<std::uint32_t> sink;         // per demand: the destination's out node
  int first_delivered_column = 0;          // + demand index
  int fraction_column = -1;                // fair share only
  std::vector<double> delivery_objective;  // minimise -sum priority x delivered
  std::vector<double> cost_objective;      // minimise cost (currency units, micros / 1e6)
  std::vector<double> fraction_objective;  // minimise -fraction

  std::uint32_t arc_count() const { return static_cast<std::uint32_t>(arcs.size()); }
  int FlowColumn(std::uint32_t c, std::uint32_t a) const {
    return static_cast<int>(c * arcs.size() + a);
  }
};

// The number of flow arcs (usable and planned routes, airport limits): the arc LP has origins x
// arcs flow columns.
std::int64_t DemandArcCount(const ScenarioView& view);

// The number of LP columns BuildDemandModel would make (checked against kMaxDemandLpColumns before
// anything is allocated).
std::int64_t DemandModelColumns(const ScenarioView& view, const DemandQuery& query);

// The query must be validated (airports in range, origin != destination).
DemandModel BuildDemandModel(const ScenarioView& view, const DemandQuery& query);

// One path of a decomposed commodity flow: its arcs (any kind) and its kg (not rounded yet).
struct ArcPath {
  std::size_t demand = 0;
  std::vector<std::uint32_t> arcs;
  double kg = 0;
};

// Splits the LP's flow of every commodity into origin -> destination paths (cycles cancelled),
// each ending at a demand's destination; paths carry the LP's kilograms. Polls `stop`.
Result<std::vector<ArcPath>> DecomposeDemandFlow(const DemandModel& model,
                                                 const std::vector<double>& columns,
                                                 StopCheck& stop);

}  // namespace aircargo::routes::internal
