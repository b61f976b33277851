#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <string>

#include "routes/capacity/flow_network.h"
#include "routes/capacity/min_cost_flow.h"
#include "routes/demand/column_generation.h"
#include "routes/demand/demand.h"
#include "routes/demand/demand_model.h"
#include "routes/demand/demand_solution.h"
#include "routes/demand/lp_solver.h"

namespace aircargo::routes {
namespace {

using internal::ArcPath;
using internal::DemandArc;
using internal::DemandArcKind;
using internal::DemandSolution;

// Shadow prices below this are solver noise.
constexpr double kPriceEps = 1e-9;

// The formulation a query is solved with (demand.h: DemandMethod).
DemandMethod ChooseMethod(const DemandQuery& query) {
  return query.method == DemandMethod::kAuto ? DemandMethod::kColumnGeneration : query.method;
}

std::optional<Error> Validate(const ScenarioView& view, const DemandQuery& query) {
  const std::size_t airports = view.network().airports().size();
  if (query.demands.empty()) return InvalidArgument("demands", "must hold at least one demand");
  if (query.demands.size() > kMaxDemands) {
    return MakeError(
        ErrorCode::kResourceExhausted, "demands",
        std::to_string(query.demands.size()) + " demands, at most " + std::to_string(kMaxDemands));
  }
  for (std::size_t i = 0; i < query.demands.size(); ++i) {
    const Demand& d = query.demands[i];
    const std::string at = "demands[" + std::to_string(i) + "]";
    if (d.origin.value >= airports) return NotFound(at + ".origin", "airport index out of range");
    if (d.destination.value >= airports) {
      return NotFound(at + ".destination", "airport index out of range");
    }
    if (d.origin == d.destination) {
      return InvalidArgument(at + ".destination", "must differ from the origin " +
                                                      view.network().airport(d.origin).iata);
    }
    if (d.kg_per_week < 0 || d.kg_per_week > kMaxDemandKgPerWeek) {
      return InvalidArgument(at + ".kg_per_week", "must be between 0 and " +
                                                      std::to_string(kMaxDemandKgPerWeek) +
                                                      " kg, got " + std::to_string(d.kg_per_week));
    }
    if (!std::isfinite(d.priority) || d.priority <= 0 || d.priority > kMaxDemandPriority) {
      return InvalidArgument(
          at + ".priority",
          "must be above 0 and at most " + std::to_string(static_cast<int>(kMaxDemandPriority)));
    }
  }
  if (query.verify_upgrades < 0 || query.verify_upgrades > kMaxUpgradeChecks) {
    return InvalidArgument("verify_upgrades",
                           "must be between 0 and " + std::to_string(kMaxUpgradeChecks));
  }
  if (query.max_upgrades < 0 || query.max_upgrades > 1000) {
    return InvalidArgument("max_upgrades", "must be between 0 and 1000");
  }
  if (ChooseMethod(query) != DemandMethod::kArcFormulation) return std::nullopt;
  const std::int64_t columns = internal::DemandModelColumns(view, query);
  if (columns > kMaxDemandLpColumns) {
    return MakeError(ErrorCode::kResourceExhausted, "demands",
                     "the LP would have " + std::to_string(columns) +
                         " columns (origins x arcs), "
                         "at most " +
                         std::to_string(kMaxDemandLpColumns) +
                         ": use fewer distinct origins or column generation");
  }
  return std::nullopt;
}

std::int64_t Saturate(Int128 value) {
  return value > std::numeric_limits<std::int64_t>::max() ? std::numeric_limits<std::int64_t>::max()
                                                          : static_cast<std::int64_t>(value);
}

// Paths, per-demand figures, route loads and shadow prices from the final stage's solution.
void FillPlan(const ScenarioView& view, const DemandQuery& query, const DemandSolution& s,
              DemandPlan& plan) {
  const std::vector<DemandArc>& arcs = s.arcs;
  plan.allocations.resize(query.demands.size());
  std::vector<std::int64_t> arc_load(arcs.size(), 0);
  std::vector<std::map<std::vector<RouteId>, std::int64_t>> merged(query.demands.size());
  for (const ArcPath& p : s.paths) {
    const std::int64_t kg = std::llround(p.kg);
    if (kg <= 0) continue;
    std::vector<RouteId> routes;
    for (std::uint32_t a : p.arcs) {
      arc_load[a] += kg;
      if (arcs[a].kind != DemandArcKind::kThroughput) routes.push_back(RouteId(arcs[a].id));
    }
    merged[p.demand][routes] += kg;
  }
  Int128 total_cost = 0;
  for (std::size_t d = 0; d < query.demands.size(); ++d) {
    DemandAllocation& alloc = plan.allocations[d];
    alloc.demand_kg_per_week = query.demands[d].kg_per_week;
    Int128 cost = 0;
    for (const auto& [routes, kg] : merged[d]) {
      DemandPath path;
      path.routes = routes;
      path.kg_per_week = kg;
      for (RouteId r : routes) path.cost_per_kg_micros += view.route(r).cost_per_kg_micros;
      cost += static_cast<Int128>(kg) * path.cost_per_kg_micros;
      alloc.delivered_kg_per_week += kg;
      alloc.paths.push_back(std::move(path));
    }
    std::stable_sort(
        alloc.paths.begin(), alloc.paths.end(),
        [](const DemandPath& a, const DemandPath& b) { return a.kg_per_week > b.kg_per_week; });
    // Rounding per path may pass the demand by a kilogram or two: never report more than asked.
    alloc.delivered_kg_per_week = std::min(alloc.delivered_kg_per_week, alloc.demand_kg_per_week);
    alloc.shortfall_kg_per_week = alloc.demand_kg_per_week - alloc.delivered_kg_per_week;
    if (alloc.delivered_kg_per_week > 0) {
      alloc.cost_per_kg_micros = Saturate(
          cost / static_cast<Int128>(std::max<std::int64_t>(1, alloc.delivered_kg_per_week)));
    }
    total_cost += cost;
    plan.demand_kg_per_week += alloc.demand_kg_per_week;
    plan.delivered_kg_per_week += alloc.delivered_kg_per_week;
  }
  plan.total_cost_micros = Saturate(total_cost);
  for (std::size_t a = 0; a < arcs.size(); ++a) {
    const DemandArc& arc = arcs[a];
    if (arc.kind == DemandArcKind::kRoute && arc_load[a] > 0) {
      plan.route_loads.push_back({RouteId(arc.id), arc_load[a], arc.capacity_kg});
    }
    if (arc.kind != DemandArcKind::kPlannedRoute && s.shadow[a] > kPriceEps) {
      ShadowPrice price;
      price.kind = arc.kind == DemandArcKind::kRoute ? ShadowPrice::Kind::kRoute
                                                     : ShadowPrice::Kind::kAirport;
      if (price.kind == ShadowPrice::Kind::kRoute) {
        price.route = RouteId(arc.id);
      } else {
        price.airport = AirportId(arc.id);
      }
      price.capacity_kg_per_week = arc.capacity_kg;
      price.load_kg_per_week = arc_load[a];
      price.weighted_kg_per_kg = s.shadow[a];
      plan.shadow_prices.push_back(price);
    }
  }
  std::stable_sort(
      plan.route_loads.begin(), plan.route_loads.end(), [](const RouteLoad& a, const RouteLoad& b) {
        return a.utilisation() != b.utilisation() ? a.utilisation() > b.utilisation()
                                                  : a.load_kg_per_week > b.load_kg_per_week;
      });
  std::stable_sort(plan.shadow_prices.begin(), plan.shadow_prices.end(),
                   [](const ShadowPrice& a, const ShadowPrice& b) {
                     return a.weighted_kg_per_kg > b.weighted_kg_per_kg;
                   });
}

}  // namespace

const char* UpgradeKindName(Upgrade::Kind kind) {
  switch (kind) {
    case Upgrade::Kind::kRouteFrequency:
      return "route +1 weekly flight";
    case Upgrade::Kind::kOpenPlannedRoute:
      return "open planned route";
    case Upgrade::Kind::kAirportLimit:
      return "airport limit +10%";
  }
  return "?";
}

const char* DemandMethodName(DemandMethod method) {
  switch (method) {
    case DemandMethod::kAuto:
      return "auto";
    case DemandMethod::kArcFormulation:
      return "arc formulation";
    case DemandMethod::kColumnGeneration:
      return "column generation";
  }
  return "?";
}

Result<DemandPlan> PlanDemand(const ScenarioView& view, const DemandQuery& query, StopCheck& stop) {
  if (auto error = Validate(view, query)) return *error;
  if (auto error = stop.Check()) return *error;
  DemandPlan plan;
  plan.objective = query.objective;
  plan.method = ChooseMethod(query);
  auto solved = plan.method == DemandMethod::kColumnGeneration
                    ? internal::SolveByColumnGeneration(view, query, stop)
                    : internal::SolveArcFormulation(view, query, stop);
  if (!solved.ok()) return solved.error();
  const DemandSolution& s = *solved;
  plan.weighted_delivered = s.weighted_delivered;
  plan.fair_fraction = s.fair_fraction;
  plan.upgrades = s.upgrades;
  plan.best_upgrade_proven = s.best_upgrade_proven;
  plan.lp_columns = s.lp_columns;
  plan.lp_rows = s.lp_rows;
  plan.lp_iterations = s.lp_iterations;
  plan.pricing_rounds = s.pricing_rounds;
  plan.solver = std::string(MakeClpSolver()->Name()) + ", " + DemandMethodName(plan.method);
  FillPlan(view, query, s, plan);
  return plan;
}

}  // namespace aircargo::routes
