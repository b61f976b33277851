// The demand LP's arc formulation solved in stages (docs/adr/0009-demand-lp.md): the whole
// origin-aggregated arc LP is loaded once; each stage changes the objective or bounds and
// re-solves from the last basis.
#include <algorithm>
#include <utility>

#include "routes/demand/demand_solution.h"
#include "routes/demand/lp_solver.h"

namespace aircargo::routes::internal {
namespace {

// The weighted delivery of a solution (the delivery stage's objective, positive).
double WeightedDelivery(const DemandModel& m, const std::vector<double>& columns) {
  double total = 0;
  for (std::size_t j = 0; j < columns.size(); ++j) total -= m.delivery_objective[j] * columns[j];
  return total;
}

// The fixing row: sum priority x delivered >= optimum - slack.
void FixDelivery(const DemandModel& m, LpSolver& solver, double optimum) {
  std::vector<int> columns;
  std::vector<double> values;
  for (std::size_t j = 0; j < m.delivery_objective.size(); ++j) {
    if (m.delivery_objective[j] != 0) {
      columns.push_back(static_cast<int>(j));
      values.push_back(-m.delivery_objective[j]);
    }
  }
  solver.AddRow(columns, values, optimum - LexicographicSlack(optimum), kLpInfinity);
}

}  // namespace

Result<DemandSolution> SolveArcFormulation(const ScenarioView& view, const DemandQuery& query,
                                           StopCheck& stop) {
  DemandModel m = BuildDemandModel(view, query);
  std::unique_ptr<LpSolver> solver = MakeClpSolver();
  DemandSolution out;
  out.lp_columns = m.lp.column_count();
  out.lp_rows = m.lp.row_count();
  const bool fair = query.objective == DemandObjective::kFairShare;

  // Stage 1 (fair share): the largest fraction every demand receives at once; then held.
  m.lp.objective = fair ? m.fraction_objective : m.delivery_objective;
  solver->Load(m.lp);
  if (fair) {
    auto solved = solver->Solve(stop, kMaxDemandLpIterations);
    if (!solved.ok()) return solved.error();
    out.lp_iterations += solved->iterations;
    out.fair_fraction = std::clamp(-solved->objective, 0.0, 1.0);
    solver->SetColumnBounds(
        m.fraction_column, std::max(0.0, out.fair_fraction - LexicographicSlack(out.fair_fraction)),
        1.0);
    solver->SetObjective(m.delivery_objective);
  }
  // The delivery stage: its duals are the shadow prices and price the upgrades.
  auto delivered = solver->Solve(stop, kMaxDemandLpIterations);
  if (!delivered.ok()) return delivered.error();
  out.lp_iterations += delivered->iterations;
  out.weighted_delivered = WeightedDelivery(m, delivered->columns);
  out.shadow.resize(m.arc_count());
  for (std::uint32_t a = 0; a < m.arc_count(); ++a) {
    out.shadow[a] = std::max(0.0, -delivered->row_duals[a]);
  }
  if (query.verify_upgrades > 0 || query.max_upgrades > 0) {
    // Raise the arc's capacity row (row a), re-solve from the basis, restore.
    const UpgradeResolve resolve = [&](std::uint32_t a) -> Result<double> {
      const DemandArc& arc = m.arcs[a];
      const auto row = static_cast<int>(a);
      solver->SetRowBounds(row, -kLpInfinity,
                           static_cast<double>(arc.capacity_kg + arc.upgrade_kg));
      auto solved = solver->Solve(stop, kMaxDemandLpIterations);
      solver->SetRowBounds(row, -kLpInfinity, static_cast<double>(arc.capacity_kg));
      if (!solved.ok()) return solved.error();
      out.lp_iterations += solved->iterations;
      return -solved->objective;
    };
    auto proven =
        RankUpgrades(m.arcs, query, out.shadow, out.weighted_delivered, resolve, out.upgrades);
    if (!proven.ok()) return proven.error();
    out.best_upgrade_proven = *proven;
  }
  // The cost stage: least cost among the plans delivering the optimum.
  FixDelivery(m, *solver, out.weighted_delivered);
  solver->SetObjective(m.cost_objective);
  auto cheapest = solver->Solve(stop, kMaxDemandLpIterations);
  if (!cheapest.ok()) return cheapest.error();
  out.lp_iterations += cheapest->iterations;
  out.lp_rows += 1;
  auto paths = DecomposeDemandFlow(m, cheapest->columns, stop);
  if (!paths.ok()) return paths.error();
  out.paths = std::move(paths).value();
  out.arcs = std::move(m.arcs);
  return out;
}

}  // namespace aircargo::routes::internal
