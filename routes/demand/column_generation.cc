#include "routes/demand/column_generation.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <memory>
#include <optional>
#include <queue>
#include <set>
#include <string>
#include <utility>

#include "routes/demand/lp_solver.h"

namespace aircargo::routes::internal {
namespace {

enum class Stage { kFraction, kDelivery, kCost };

constexpr double kInfinity = std::numeric_limits<double>::infinity();
// Path columns carrying less than this (kg) are solver noise.
constexpr double kFlowEps = 1e-9;

class ColumnGeneration {
 public:
  ColumnGeneration(const ScenarioView& view, const DemandQuery& query, StopCheck& stop,
                   const ColumnGenerationLimits& limits)
      : query_(query),
        stop_(stop),
        limits_(limits),
        graph_(BuildDemandGraph(view)),
        solver_(MakeClpSolver()) {}

  Result<DemandSolution> Run();

 private:
  struct Candidate {
    std::size_t demand = 0;
    std::vector<std::uint32_t> arcs;
  };
  struct PathColumn {
    std::size_t demand = 0;
    std::vector<std::uint32_t> arcs;
    int column = 0;
  };

  bool fair() const { return query_.objective == DemandObjective::kFairShare; }
  std::size_t demand_count() const { return query_.demands.size(); }
  void BuildAdjacency();
  void LoadMaster();
  // Dijkstra from `source` on `length`, ties broken by cost; stops once every node marked in
  // sink_mark_ with `generation` is settled. `usable_only`: skip arcs of capacity 0.
  std::optional<Error> ShortestPaths(std::uint32_t source, const std::vector<double>& length,
                                     bool usable_only, std::uint32_t sinks);
  std::vector<std::uint32_t> PathTo(std::uint32_t node) const;
  // Adds the candidates not in the master yet (and the capacity rows they need); returns how
  // many were added.
  Result<int> AddPaths(std::vector<Candidate> candidates);
  Result<std::vector<Candidate>> CheapestPaths();
  Result<int> Price(const std::vector<double>& duals);
  // Solves the master and prices until no column enters (the stage's objective must be set).
  Result<LpSolution> SolveStage();
  double WeightedDelivery(const std::vector<double>& columns) const;
  std::uint32_t MarkSinks(std::uint32_t commodity);

  const DemandQuery& query_;
  StopCheck& stop_;
  ColumnGenerationLimits limits_;
  DemandGraph graph_;
  std::unique_ptr<LpSolver> solver_;
  Stage stage_ = Stage::kDelivery;

  // Adjacency: arcs by tail.
  std::vector<std::uint32_t> first_;
  std::vector<std::uint32_t> by_tail_;
  // Commodities (distinct origins) and their demands.
  std::vector<AirportId> origins_;
  std::vector<std::uint32_t> commodity_;
  std::vector<std::vector<std::size_t>> demands_of_;

  // Master: delivered column d is column d, link row d is row d; fair rows follow; the fraction
  // column follows the delivered ones; capacity rows are added with the first path through them.
  std::vector<int> arc_row_;
  int fraction_column_ = -1;
  int row_count_ = 0;
  std::vector<double> fraction_objective_;
  std::vector<double> delivery_objective_;
  std::vector<double> cost_objective_;
  std::vector<PathColumn> paths_;
  std::vector<std::set<std::vector<std::uint32_t>>> known_;  // per demand

  // Dijkstra state.
  std::vector<double> dist_;
  std::vector<double> tie_;
  std::vector<std::int64_t> pred_;
  std::vector<char> settled_;
  std::vector<std::uint32_t> sink_mark_;
  std::uint32_t generation_ = 0;

  std::int64_t iterations_ = 0;
  std::int64_t rounds_ = 0;
};

void ColumnGeneration::BuildAdjacency() {
  const std::uint32_t nodes = graph_.node_count;
  first_.assign(nodes + 1, 0);
  for (const DemandArc& arc : graph_.arcs) ++first_[arc.tail + 1];
  for (std::uint32_t v = 0; v < nodes; ++v) first_[v + 1] += first_[v];
  by_tail_.resize(graph_.arcs.size());
  std::vector<std::uint32_t> slot(first_.begin(), first_.end() - 1);
  for (std::uint32_t a = 0; a < graph_.arcs.size(); ++a) by_tail_[slot[graph_.arcs[a].tail]++] = a;
  dist_.resize(nodes);
  tie_.resize(nodes);
  pred_.resize(nodes);
  settled_.resize(nodes);
  sink_mark_.assign(nodes, 0);
}

void ColumnGeneration::LoadMaster() {
  const std::size_t n = demand_count();
  LpModel lp;
  for (std::size_t d = 0; d < n; ++d) lp.AddRow(0, 0);  // link rows
  if (fair()) {
    for (std::size_t d = 0; d < n; ++d) lp.AddRow(0, kLpInfinity);  // delivered >= kg x fraction
  }
  double total_kg = 0;
  for (std::size_t d = 0; d < n; ++d) {
    const Demand& demand = query_.demands[d];
    const int column = lp.AddColumn(0, 0, static_cast<double>(demand.kg_per_week));
    lp.entries.push_back({static_cast<int>(d), column, -1.0});
    if (fair()) lp.entries.push_back({static_cast<int>(n + d), column, 1.0});
    total_kg += static_cast<double>(demand.kg_per_week);
  }
  if (fair()) {
    fraction_column_ = lp.AddColumn(0, 0, 1.0);
    for (std::size_t d = 0; d < n; ++d) {
      lp.entries.push_back({static_cast<int>(n + d), fraction_column_,
                            -static_cast<double>(query_.demands[d].kg_per_week)});
    }
  }
  const auto columns = static_cast<std::size_t>(lp.column_count());
  fraction_objective_.assign(columns, 0.0);
  delivery_objective_.assign(columns, 0.0);
  cost_objective_.assign(columns, 0.0);
  for (std::size_t d = 0; d < n; ++d) delivery_objective_[d] = -query_.demands[d].priority;
  // The fraction scaled by the total demand: its duals are per kg, as the other stages' are, so
  // one pricing tolerance fits every stage.
  if (fair()) fraction_objective_[fraction_column_] = -std::max(1.0, total_kg);
  lp.objective = fair() ? fraction_objective_ : delivery_objective_;
  row_count_ = lp.row_count();
  solver_->Load(lp);
}

std::uint32_t ColumnGeneration::MarkSinks(std::uint32_t commodity) {
  ++generation_;
  std::uint32_t distinct = 0;
  for (std::size_t d : demands_of_[commodity]) {
    const std::uint32_t sink = graph_.out_node[query_.demands[d].destination.value];
    if (sink_mark_[sink] != generation_) {
      sink_mark_[sink] = generation_;
      ++distinct;
    }
  }
  return distinct;
}

std::optional<Error> ColumnGeneration::ShortestPaths(std::uint32_t source,
                                                     const std::vector<double>& length,
                                                     bool usable_only, std::uint32_t sinks) {
  struct Entry {
    double dist;
    double tie;
    std::uint32_t node;
    bool operator>(const Entry& o) const { return dist != o.dist ? dist > o.dist : tie > o.tie; }
  };
  std::fill(dist_.begin(), dist_.end(), kInfinity);
  std::fill(tie_.begin(), tie_.end(), kInfinity);
  std::fill(pred_.begin(), pred_.end(), -1);
  std::fill(settled_.begin(), settled_.end(), 0);
  std::priority_queue<Entry, std::vector<Entry>, std::greater<>> heap;
  dist_[source] = 0;
  tie_[source] = 0;
  heap.push({0, 0, source});
  while (!heap.empty() && sinks > 0) {
    const Entry e = heap.top();
    heap.pop();
    if (settled_[e.node] != 0) continue;
    settled_[e.node] = 1;
    if (sink_mark_[e.node] == generation_) --sinks;
    if (auto error = stop_.Poll()) return error;
    for (std::uint32_t i = first_[e.node]; i < first_[e.node + 1]; ++i) {
      const std::uint32_t a = by_tail_[i];
      const DemandArc& arc = graph_.arcs[a];
      if (usable_only && arc.capacity_kg <= 0) continue;
      const double d = e.dist + length[a];
      const double t = e.tie + static_cast<double>(arc.cost_per_kg_micros);
      if (d < dist_[arc.head] || (d == dist_[arc.head] && t < tie_[arc.head])) {
        dist_[arc.head] = d;
        tie_[arc.head] = t;
        pred_[arc.head] = a;
        heap.push({d, t, arc.head});
      }
    }
  }
  return std::nullopt;
}

std::vector<std::uint32_t> ColumnGeneration::PathTo(std::uint32_t node) const {
  std::vector<std::uint32_t> arcs;
  while (pred_[node] >= 0) {
    const auto a = static_cast<std::uint32_t>(pred_[node]);
    arcs.push_back(a);
    node = graph_.arcs[a].tail;
  }
  std::reverse(arcs.begin(), arcs.end());
  return arcs;
}

Result<int> ColumnGeneration::AddPaths(std::vector<Candidate> candidates) {
  std::vector<double> row_lower;
  std::vector<double> row_upper;
  LpColumnBatch batch;
  std::vector<int> rows;
  std::vector<double> ones;
  const int first_column = static_cast<int>(delivery_objective_.size());
  for (Candidate& c : candidates) {
    if (c.arcs.empty() || !known_[c.demand].insert(c.arcs).second) continue;
    rows.assign(1, static_cast<int>(c.demand));  // the link row
    double cost_micros = 0;
    for (std::uint32_t a : c.arcs) {
      if (arc_row_[a] < 0) {
        arc_row_[a] = row_count_++;
        row_lower.push_back(-kLpInfinity);
        row_upper.push_back(static_cast<double>(graph_.arcs[a].capacity_kg));
      }
      rows.push_back(arc_row_[a]);
      cost_micros += static_cast<double>(graph_.arcs[a].cost_per_kg_micros);
    }
    ones.assign(rows.size(), 1.0);
    batch.Add(stage_ == Stage::kCost ? cost_micros : 0.0, 0.0, kLpInfinity, rows, ones);
    fraction_objective_.push_back(0);
    delivery_objective_.push_back(0);
    cost_objective_.push_back(cost_micros);
    paths_.push_back({c.demand, std::move(c.arcs), first_column + batch.size() - 1});
  }
  if (static_cast<std::int64_t>(paths_.size()) > limits_.max_path_columns) {
    return MakeError(ErrorCode::kResourceExhausted, "lp",
                     "column generation needed more than " +
                         std::to_string(limits_.max_path_columns) +
                         " path columns: use fewer demands or origins");
  }
  if (!row_lower.empty()) solver_->AddEmptyRows(row_lower, row_upper);
  if (batch.size() > 0) solver_->AddColumns(batch);
  return batch.size();
}

Result<std::vector<ColumnGeneration::Candidate>> ColumnGeneration::CheapestPaths() {
  std::vector<double> length(graph_.arcs.size());
  for (std::size_t a = 0; a < length.size(); ++a) {
    length[a] = static_cast<double>(graph_.arcs[a].cost_per_kg_micros);
  }
  std::vector<Candidate> seeds;
  for (std::uint32_t c = 0; c < origins_.size(); ++c) {
    const std::uint32_t sinks = MarkSinks(c);
    if (auto error = ShortestPaths(graph_.in_node[origins_[c].value], length, true, sinks)) {
      return *error;
    }
    for (std::size_t d : demands_of_[c]) {
      const std::uint32_t sink = graph_.out_node[query_.demands[d].destination.value];
      if (dist_[sink] < kInfinity) seeds.push_back({d, PathTo(sink)});
    }
  }
  return seeds;
}

Result<int> ColumnGeneration::Price(const std::vector<double>& duals) {
  std::vector<double> length(graph_.arcs.size());
  for (std::size_t a = 0; a < length.size(); ++a) {
    // A capacity row's dual is <= 0 (a minimised objective, a <= row); a positive one is within
    // the solver's tolerance and counts as 0, which keeps the lengths nonnegative for Dijkstra.
    const double dual = arc_row_[a] >= 0 ? std::min(0.0, duals[arc_row_[a]]) : 0.0;
    const double cost =
        stage_ == Stage::kCost ? static_cast<double>(graph_.arcs[a].cost_per_kg_micros) : 0.0;
    length[a] = cost - dual;
  }
  std::vector<Candidate> entering;
  for (std::uint32_t c = 0; c < origins_.size(); ++c) {
    const std::uint32_t sinks = MarkSinks(c);
    if (auto error = ShortestPaths(graph_.in_node[origins_[c].value], length, false, sinks)) {
      return *error;
    }
    for (std::size_t d : demands_of_[c]) {
      const std::uint32_t sink = graph_.out_node[query_.demands[d].destination.value];
      if (dist_[sink] == kInfinity) continue;
      const double link_dual = duals[d];
      const double reduced_cost = dist_[sink] - link_dual;
      if (reduced_cost < -kPricingTolerance * std::max(1.0, std::abs(link_dual))) {
        entering.push_back({d, PathTo(sink)});
      }
    }
  }
  return AddPaths(std::move(entering));
}

Result<LpSolution> ColumnGeneration::SolveStage() {
  for (int round = 1;; ++round) {
    if (auto error = stop_.Check()) return *error;
    auto solved = solver_->Solve(stop_, kMaxDemandLpIterations);
    if (!solved.ok()) return solved.error();
    iterations_ += solved->iterations;
    ++rounds_;
    auto added = Price(solved->row_duals);
    if (!added.ok()) return added.error();
    if (*added == 0) return solved;
    if (round >= limits_.max_pricing_rounds) {
      return MakeError(ErrorCode::kResourceExhausted, "lp",
                       "column generation did not converge in " +
                           std::to_string(limits_.max_pricing_rounds) + " pricing rounds");
    }
  }
}

double ColumnGeneration::WeightedDelivery(const std::vector<double>& columns) const {
  double total = 0;
  for (std::size_t d = 0; d < demand_count(); ++d) {
    total += query_.demands[d].priority * columns[d];
  }
  return total;
}

Result<DemandSolution> ColumnGeneration::Run() {
  BuildAdjacency();
  origins_ = DemandOrigins(query_, &commodity_);
  demands_of_.resize(origins_.size());
  for (std::size_t d = 0; d < demand_count(); ++d) demands_of_[commodity_[d]].push_back(d);
  arc_row_.assign(graph_.arcs.size(), -1);
  known_.resize(demand_count());

  stage_ = fair() ? Stage::kFraction : Stage::kDelivery;
  LoadMaster();
  auto seeds = CheapestPaths();
  if (!seeds.ok()) return seeds.error();
  auto seeded = AddPaths(std::move(seeds).value());
  if (!seeded.ok()) return seeded.error();

  DemandSolution out;
  if (fair()) {
    auto solved = SolveStage();
    if (!solved.ok()) return solved.error();
    out.fair_fraction = std::clamp(solved->columns[fraction_column_], 0.0, 1.0);
    solver_->SetColumnBounds(
        fraction_column_, std::max(0.0, out.fair_fraction - LexicographicSlack(out.fair_fraction)),
        1.0);
    stage_ = Stage::kDelivery;
    solver_->SetObjective(delivery_objective_);
  }
  auto delivered = SolveStage();
  if (!delivered.ok()) return delivered.error();
  out.weighted_delivered = WeightedDelivery(delivered->columns);
  out.shadow.assign(graph_.arcs.size(), 0.0);
  for (std::size_t a = 0; a < graph_.arcs.size(); ++a) {
    if (arc_row_[a] >= 0) out.shadow[a] = std::max(0.0, -delivered->row_duals[arc_row_[a]]);
  }
  if (query_.verify_upgrades > 0 || query_.max_upgrades > 0) {
    // Raise the arc's capacity row, re-solve and price with the delivery objective, restore. The
    // columns found stay in the master (they are columns of the full LP).
    const UpgradeResolve resolve = [&](std::uint32_t a) -> Result<double> {
      const DemandArc& arc = graph_.arcs[a];
      const int row = arc_row_[a];
      if (row < 0) return out.weighted_delivered;  // no path uses it: dual 0, nothing to gain
      solver_->SetRowBounds(row, -kLpInfinity,
                            static_cast<double>(arc.capacity_kg + arc.upgrade_kg));
      auto solved = SolveStage();
      solver_->SetRowBounds(row, -kLpInfinity, static_cast<double>(arc.capacity_kg));
      if (!solved.ok()) return solved.error();
      return WeightedDelivery(solved->columns);
    };
    auto proven = RankUpgrades(graph_.arcs, query_, out.shadow, out.weighted_delivered, resolve,
                               out.upgrades);
    if (!proven.ok()) return proven.error();
    out.best_upgrade_proven = *proven;
  }
  // The cost stage: hold the weighted delivery, minimise cost (micros), price with arc costs.
  {
    std::vector<int> columns;
    std::vector<double> values;
    for (std::size_t d = 0; d < demand_count(); ++d) {
      columns.push_back(static_cast<int>(d));
      values.push_back(query_.demands[d].priority);
    }
    solver_->AddRow(columns, values,
                    out.weighted_delivered - LexicographicSlack(out.weighted_delivered),
                    kLpInfinity);
    ++row_count_;
  }
  stage_ = Stage::kCost;
  solver_->SetObjective(cost_objective_);
  auto cheapest = SolveStage();
  if (!cheapest.ok()) return cheapest.error();
  for (const PathColumn& p : paths_) {
    const double kg = cheapest->columns[p.column];
    if (kg > kFlowEps) out.paths.push_back({p.demand, p.arcs, kg});
  }
  out.lp_columns = static_cast<std::int64_t>(delivery_objective_.size());
  out.lp_rows = row_count_;
  out.lp_iterations = iterations_;
  out.pricing_rounds = rounds_;
  out.arcs = std::move(graph_.arcs);
  return out;
}

}  // namespace

Result<DemandSolution> SolveByColumnGeneration(const ScenarioView& view, const DemandQuery& query,
                                               StopCheck& stop,
                                               const ColumnGenerationLimits& limits) {
  ColumnGeneration cg(view, query, stop, limits);
  return cg.Run();
}

}  // namespace aircargo::routes::internal
