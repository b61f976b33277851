#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <string>

#include "routes/capacity/flow_network.h"
#include "routes/capacity/min_cost_flow.h"
#include "routes/demand/demand.h"
#include "routes/demand/demand_model.h"
#include "routes/demand/lp_solver.h"

namespace aircargo::routes {
namespace {

using internal::ArcPath;
using internal::DemandArc;
using internal::DemandArcKind;
using internal::DemandModel;

// Shadow prices below this are solver noise.
constexpr double kPriceEps = 1e-9;

// How far below an optimum the next stage may go (the fixed optimum is a constraint; the solver's
// tolerance must not make it infeasible).
double Slack(double optimum) { return 1e-9 * std::max(1.0, std::abs(optimum)) + 1e-7; }

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
  const std::int64_t columns = internal::DemandModelColumns(view, query);
  if (columns > kMaxDemandLpColumns) {
    return MakeError(ErrorCode::kResourceExhausted, "demands",
                     "the LP would have " + std::to_string(columns) +
                         " columns (origins x arcs), "
                         "at most " +
                         std::to_string(kMaxDemandLpColumns) + ": use fewer distinct origins");
  }
  return std::nullopt;
}

// The weighted delivery of a solution (the delivery stage's objective, positive).
double WeightedDelivery(const DemandModel& m, const std::vector<double>& columns) {
  double total = 0;
  for (std::size_t j = 0; j < columns.size(); ++j) total -= m.delivery_objective[j] * columns[j];
  return total;
}

// The fixing row: sum priority x delivered >= optimum - slack.
int FixDelivery(const DemandModel& m, LpSolver& solver, double optimum) {
  std::vector<int> columns;
  std::vector<double> values;
  for (std::size_t j = 0; j < m.delivery_objective.size(); ++j) {
    if (m.delivery_objective[j] != 0) {
      columns.push_back(static_cast<int>(j));
      values.push_back(-m.delivery_objective[j]);
    }
  }
  return solver.AddRow(columns, values, optimum - Slack(optimum), kLpInfinity);
}

Upgrade::Kind UpgradeKindOf(DemandArcKind kind) {
  switch (kind) {
    case DemandArcKind::kRoute:
      return Upgrade::Kind::kRouteFrequency;
    case DemandArcKind::kPlannedRoute:
      return Upgrade::Kind::kOpenPlannedRoute;
    case DemandArcKind::kThroughput:
      return Upgrade::Kind::kAirportLimit;
  }
  return Upgrade::Kind::kRouteFrequency;
}

// Ranks every candidate by shadow price x added kg (an upper bound by weak duality) and re-solves
// the top ones. The solver holds the delivery stage's model; bounds are restored after each try.
Result<bool> RankUpgrades(const DemandModel& m, const DemandQuery& query, LpSolver& solver,
                          const std::vector<double>& shadow, double optimum, StopCheck& stop,
                          std::int64_t& iterations, std::vector<Upgrade>& out) {
  struct Candidate {
    std::uint32_t arc;
    double predicted;
  };
  std::vector<Candidate> ranked;
  for (std::uint32_t a = 0; a < m.arc_count(); ++a) {
    const DemandArc& arc = m.arcs[a];
    if (arc.upgrade_kg <= 0) continue;
    const double predicted = shadow[a] * static_cast<double>(arc.upgrade_kg);
    if (predicted > Slack(optimum)) ranked.push_back({a, predicted});
  }
  std::stable_sort(ranked.begin(), ranked.end(), [](const Candidate& x, const Candidate& y) {
    return x.predicted > y.predicted;
  });
  const std::size_t verify = std::min<std::size_t>(ranked.size(), query.verify_upgrades);
  const std::size_t keep =
      std::min<std::size_t>(ranked.size(), std::max(query.max_upgrades, query.verify_upgrades));
  double best_verified = 0;
  for (std::size_t i = 0; i < keep; ++i) {
    const DemandArc& arc = m.arcs[ranked[i].arc];
    Upgrade u;
    u.kind = UpgradeKindOf(arc.kind);
    if (arc.kind == DemandArcKind::kThroughput) {
      u.airport = AirportId(arc.id);
    } else {
      u.route = RouteId(arc.id);
    }
    u.added_kg_per_week = arc.upgrade_kg;
    u.predicted_gain = ranked[i].predicted;
    if (i < verify) {
      const auto row = static_cast<int>(ranked[i].arc);
      solver.SetRowBounds(row, -kLpInfinity, static_cast<double>(arc.capacity_kg + arc.upgrade_kg));
      auto solved = solver.Solve(stop, kMaxDemandLpIterations);
      solver.SetRowBounds(row, -kLpInfinity, static_cast<double>(arc.capacity_kg));
      if (!solved.ok()) return solved.error();
      iterations += solved->iterations;
      u.verified_gain = std::max(0.0, -solved->objective - optimum);
      best_verified = std::max(best_verified, *u.verified_gain);
    }
    out.push_back(u);
  }
  // Proven: no candidate left unverified can beat the best verified gain.
  if (verify == ranked.size()) return true;
  return ranked[verify].predicted <= best_verified + Slack(optimum);
}

std::int64_t Saturate(Int128 value) {
  return value > std::numeric_limits<std::int64_t>::max() ? std::numeric_limits<std::int64_t>::max()
                                                          : static_cast<std::int64_t>(value);
}

// Paths, per-demand figures, route loads and shadow prices from the final stage's solution.
Result<bool> FillPlan(const ScenarioView& view, const DemandQuery& query, const DemandModel& m,
                      const std::vector<double>& columns, const std::vector<double>& shadow,
                      StopCheck& stop, DemandPlan& plan) {
  auto paths = internal::DecomposeDemandFlow(m, columns, stop);
  if (!paths.ok()) return paths.error();
  plan.allocations.resize(query.demands.size());
  std::vector<std::int64_t> arc_load(m.arc_count(), 0);
  std::vector<std::map<std::vector<RouteId>, std::int64_t>> merged(query.demands.size());
  for (const ArcPath& p : *paths) {
    const std::int64_t kg = std::llround(p.kg);
    if (kg <= 0) continue;
    std::vector<RouteId> routes;
    for (std::uint32_t a : p.arcs) {
      arc_load[a] += kg;
      if (m.arcs[a].kind != DemandArcKind::kThroughput) routes.push_back(RouteId(m.arcs[a].id));
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
  for (std::uint32_t a = 0; a < m.arc_count(); ++a) {
    const DemandArc& arc = m.arcs[a];
    if (arc.kind == DemandArcKind::kRoute && arc_load[a] > 0) {
      plan.route_loads.push_back({RouteId(arc.id), arc_load[a], arc.capacity_kg});
    }
    if (arc.kind != DemandArcKind::kPlannedRoute && shadow[a] > kPriceEps) {
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
      price.weighted_kg_per_kg = shadow[a];
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
  return true;
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

Result<DemandPlan> PlanDemand(const ScenarioView& view, const DemandQuery& query, StopCheck& stop) {
  if (auto error = Validate(view, query)) return *error;
  if (auto error = stop.Check()) return *error;
  DemandModel m = internal::BuildDemandModel(view, query);
  std::unique_ptr<LpSolver> solver = MakeClpSolver();
  DemandPlan plan;
  plan.objective = query.objective;
  plan.lp_columns = m.lp.column_count();
  plan.lp_rows = m.lp.row_count();
  plan.solver = solver->Name();
  const bool fair = query.objective == DemandObjective::kFairShare;

  // Stage 1 (fair share): the largest fraction every demand receives at once; then held.
  m.lp.objective = fair ? m.fraction_objective : m.delivery_objective;
  solver->Load(m.lp);
  if (fair) {
    auto solved = solver->Solve(stop, kMaxDemandLpIterations);
    if (!solved.ok()) return solved.error();
    plan.lp_iterations += solved->iterations;
    plan.fair_fraction = std::clamp(-solved->objective, 0.0, 1.0);
    solver->SetColumnBounds(m.fraction_column,
                            std::max(0.0, plan.fair_fraction - Slack(plan.fair_fraction)), 1.0);
    solver->SetObjective(m.delivery_objective);
  }
  // The delivery stage: its duals are the shadow prices and price the upgrades.
  auto delivered = solver->Solve(stop, kMaxDemandLpIterations);
  if (!delivered.ok()) return delivered.error();
  plan.lp_iterations += delivered->iterations;
  plan.weighted_delivered = WeightedDelivery(m, delivered->columns);
  std::vector<double> shadow(m.arc_count());
  for (std::uint32_t a = 0; a < m.arc_count(); ++a) {
    shadow[a] = std::max(0.0, -delivered->row_duals[a]);
  }
  if (query.verify_upgrades > 0 || query.max_upgrades > 0) {
    auto proven = RankUpgrades(m, query, *solver, shadow, plan.weighted_delivered, stop,
                               plan.lp_iterations, plan.upgrades);
    if (!proven.ok()) return proven.error();
    plan.best_upgrade_proven = *proven;
  }
  // The cost stage: least cost among the plans delivering the optimum.
  FixDelivery(m, *solver, plan.weighted_delivered);
  solver->SetObjective(m.cost_objective);
  auto cheapest = solver->Solve(stop, kMaxDemandLpIterations);
  if (!cheapest.ok()) return cheapest.error();
  plan.lp_iterations += cheapest->iterations;
  plan.lp_rows += 1;
  auto filled = FillPlan(view, query, m, cheapest->columns, shadow, stop, plan);
  if (!filled.ok()) return filled.error();
  return plan;
}

}  // namespace aircargo::routes
