// PlanFlow: ship a weekly demand (kg/week) from an origin to one or several destinations (any
// split among them) at minimum total cost, cost = sum over routes of kg x cost_per_kg_micros.
// When the demand exceeds the maximum flow, the plan ships the maximum flow at minimum cost and
// reports the shortfall (not an error). The plan is also decomposed into origin-destination paths
// with the kilograms on each.
//
// Algorithm: primal-dual successive shortest paths: Dijkstra with potentials (reduced costs stay
// non-negative since route costs are >= 0), then blocking flows over the zero-reduced-cost arcs,
// on the FlowNetwork residual graph. The first potentials are goal-directed: an A* search backwards
// from the sink, guided by FlowNetwork::CostBound (cost per km x straight line), gives the cost to
// the sink near the cheapest path and a consistent lower bound elsewhere, so each phase's
// Dijkstra settles only the airports of cheap detours; while no flow enters an airport, the
// search reads only its forward arcs (FlowNetwork::ForwardArcs). On the world network this took a
// 20 t/week plan from 3.1 ms to 1.2-1.4 ms (docs/performance.md, "PlanFlow and PlanItinerary after
// the flow template"). Costs are summed in
// __int128; the total saturates at INT64_MAX (cost_saturated says so). Errors:
// FlowNetwork::Build's, INVALID_ARGUMENT "demand_kg_per_week" (negative or above
// kMaxDemandKgPerWeek), DEADLINE_EXCEEDED / CANCELLED. The request's network is instantiated from a
// FlowTemplate (routes/capacity/flow_template.h) into the caller's FlowWorkspace. Thread safety:
// the view and the template may be shared; one FlowWorkspace (routes/capacity/flow_workspace.h) and
// one StopCheck per call at a time; the overloads taking a view build a template for the call,
// those without a workspace use a fresh one.
#pragma once

#include <cstdint>
#include <vector>

#include "routes/capacity/flow_network.h"
#include "routes/capacity/flow_template.h"
#include "routes/capacity/max_flow.h"
#include "routes/ids.h"
#include "routes/result.h"
#include "routes/scenario_view.h"
#include "routes/stop_check.h"

namespace aircargo::routes {

// Demands above this (a million tonnes a week) are rejected as absurd.
inline constexpr std::int64_t kMaxDemandKgPerWeek = 1'000'000'000'000;

struct FlowPlanQuery {
  AirportId origin;
  std::vector<AirportId> destinations;  // one or more; duplicates count once
  std::int64_t demand_kg_per_week = 0;
};

// One origin -> destination path of the plan.
struct PlannedPath {
  std::vector<RouteId> routes;  // in flight order
  std::int64_t kg_per_week = 0;
  std::int64_t cost_per_kg_micros = 0;  // sum over the routes
};

struct FlowPlan {
  std::int64_t demand_kg_per_week = 0;
  std::int64_t shipped_kg_per_week = 0;
  std::int64_t shortfall_kg_per_week = 0;  // demand - shipped
  std::int64_t total_cost_micros = 0;      // saturates at INT64_MAX
  bool cost_saturated = false;
  std::vector<RouteFlow> route_flows;  // routes carrying flow, largest first
  std::vector<PlannedPath> paths;      // cheapest per kg first; kg add up to shipped
};

Result<FlowPlan> PlanFlow(const FlowTemplate& flows, const FlowPlanQuery& query,
                          FlowWorkspace& workspace, StopCheck& stop);
Result<FlowPlan> PlanFlow(const ScenarioView& view, const FlowPlanQuery& query,
                          FlowWorkspace& workspace, StopCheck& stop);
Result<FlowPlan> PlanFlow(const ScenarioView& view, const FlowPlanQuery& query, StopCheck& stop);

// Sends up to `demand` kg from a zero flow at minimum cost over `network`; returns the kg sent.
Result<std::int64_t> SolveMinCostFlow(FlowNetwork& network, std::int64_t demand,
                                      FlowWorkspace& workspace, StopCheck& stop);
Result<std::int64_t> SolveMinCostFlow(FlowNetwork& network, std::int64_t demand, StopCheck& stop);

// Sum over pairs of flow x cost, exact.
Int128 FlowCostMicros(const FlowNetwork& network);

}  // namespace aircargo::routes
