// The COIN-OR CLP implementation of LpSolver: the only file of the core that includes a solver
// header (scripts/check-core-includes enforces it).
#include <ClpConfig.h>

#include <ClpEventHandler.hpp>
#include <ClpSimplex.hpp>
#include <CoinPackedMatrix.hpp>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "routes/demand/lp_solver.h"

namespace aircargo::routes {
namespace {

// Polls the StopCheck at the end of every iteration; returning 0 makes CLP stop with status 5.
class StopHandler : public ClpEventHandler {
 public:
  explicit StopHandler(StopCheck* stop) : stop_(stop) {}
  int event(Event which) override {
    if (error_) return 0;  // stopped already: never poll again
    if (which != endOfIteration || stop_ == nullptr) return -1;
    if (auto error = stop_->Poll()) {
      error_ = std::move(error);
      return 0;
    }
    return -1;
  }
  ClpEventHandler* clone() const override { return new StopHandler(*this); }
  std::optional<Error> error_;

 private:
  StopCheck* stop_;
};

class ClpSolver final : public LpSolver {
 public:
  ClpSolver() { model_.setLogLevel(0); }

  void Load(const LpModel& m) override {
    std::vector<int> rows;
    std::vector<int> columns;
    std::vector<double> values;
    rows.reserve(m.entries.size());
    columns.reserve(m.entries.size());
    values.reserve(m.entries.size());
    for (const LpEntry& e : m.entries) {
      rows.push_back(e.row);
      columns.push_back(e.column);
      values.push_back(e.value);
    }
    CoinPackedMatrix matrix(true, rows.data(), columns.data(), values.data(),
                            static_cast<CoinBigIndex>(values.size()));
    // Columns or rows without entries still count.
    matrix.setDimensions(m.row_count(), m.column_count());
    model_.loadProblem(matrix, m.column_lower.data(), m.column_upper.data(), m.objective.data(),
                       m.row_lower.data(), m.row_upper.data());
    use_primal_ = false;
  }
  void SetObjective(std::span<const double> objective) override {
    for (std::size_t j = 0; j < objective.size(); ++j) {
      model_.setObjectiveCoefficient(static_cast<int>(j), objective[j]);
    }
    use_primal_ = true;
  }
  void SetColumnBounds(int column, double lower, double upper) override {
    model_.setColumnBounds(column, lower, upper);
  }
  void SetRowBounds(int row, double lower, double upper) override {
    model_.setRowBounds(row, lower, upper);
  }
  int AddRow(std::span<const int> columns, std::span<const double> values, double lower,
             double upper) override {
    model_.addRow(static_cast<int>(columns.size()), columns.data(), values.data(), lower, upper);
    return model_.numberRows() - 1;
  }

  int AddEmptyRows(std::span<const double> lower, std::span<const double> upper) override {
    const int first = model_.numberRows();
    const std::vector<CoinBigIndex> starts(lower.size() + 1, 0);
    const int no_column = 0;
    const double no_value = 0;
    model_.addRows(static_cast<int>(lower.size()), lower.data(), upper.data(), starts.data(),
                   &no_column, &no_value);
    return first;
  }
  int AddColumns(const LpColumnBatch& batch) override {
    const int first = model_.numberColumns();
    const std::vector<CoinBigIndex> starts(batch.starts.begin(), batch.starts.end());
    model_.addColumns(batch.size(), batch.lower.data(), batch.upper.data(), batch.objective.data(),
                      starts.data(), batch.rows.data(), batch.values.data());
    use_primal_ = true;
    return first;
  }

  Result<LpSolution> Solve(StopCheck& stop, std::int64_t max_iterations) override {
    StopHandler handler(&stop);
    model_.passInEventHandler(&handler);  // CLP keeps a clone
    model_.setMaximumIterations(static_cast<int>(max_iterations));
    if (use_primal_) {
      model_.primal();
    } else {
      model_.dual();
    }
    use_primal_ = false;
    const auto* stopped = dynamic_cast<const StopHandler*>(model_.eventHandler());
    const std::optional<Error> stop_error = stopped != nullptr ? stopped->error_ : std::nullopt;
    const int status = model_.status();
    const StopHandler idle(nullptr);
    model_.passInEventHandler(&idle);  // the clone of `handler` points at `stop`: drop it
    if (status == 5) {
      if (stop_error) return *stop_error;
      if (auto error = stop.Check()) return *error;
      return MakeError(ErrorCode::kInternal, "lp", "CLP stopped by an event nobody raised");
    }
    if (status == 3) {
      return MakeError(
          ErrorCode::kResourceExhausted, "lp",
          "the LP solver reached its iteration limit of " + std::to_string(max_iterations));
    }
    if (status != 0) {
      return MakeError(ErrorCode::kInternal, "lp",
                       "CLP ended with status " + std::to_string(status) + " (secondary " +
                           std::to_string(model_.secondaryStatus()) +
                           "); the model is feasible and bounded by construction");
    }
    LpSolution solution;
    solution.objective = model_.objectiveValue();
    const double* x = model_.primalColumnSolution();
    solution.columns.assign(x, x + model_.numberColumns());
    const double* y = model_.dualRowSolution();
    solution.row_duals.assign(y, y + model_.numberRows());
    solution.iterations = model_.numberIterations();
    return solution;
  }

  Result<bool> WriteMps(const std::string& path) override {
    if (model_.writeMps(path.c_str()) != 0) {
      return MakeError(ErrorCode::kInternal, "lp", "cannot write the MPS file " + path);
    }
    return true;
  }

  const char* Name() const override { return "CLP " CLP_VERSION; }

 private:
  ClpSimplex model_;
  bool use_primal_ = false;
};

}  // namespace

std::unique_ptr<LpSolver> MakeClpSolver() { return std::make_unique<ClpSolver>(); }

}  // namespace aircargo::routes
