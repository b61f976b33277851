// LpSolver: the small linear-programming interface the demand planner (routes/demand/) solves its
// models through, so the solver can be swapped and no solver header leaks into the core. The one
// implementation is COIN-OR CLP (routes/demand/clp_solver.cc, the only file that includes a CLP
// header; docs/adr/0009-demand-lp.md says why CLP and not GLPK).
//
// A model: minimise c.x subject to row_lower <= A x <= row_upper and column_lower <= x <=
// column_upper, A given as (row, column, value) triplets. Bounds beyond +-kLpInfinity are
// infinite. After Load, a session is changed in place (objective, bounds, extra rows and columns)
// and solved again from the last basis (warm start), which is what makes lexicographic objectives,
// the upgrade re-solves and column generation (routes/demand/column_generation.h) cheap.
//
// Solve polls the StopCheck at every simplex iteration and stops at `max_iterations`; errors:
// DEADLINE_EXCEEDED / CANCELLED from the StopCheck, RESOURCE_EXHAUSTED "lp" at the iteration
// limit, INTERNAL "lp" when the solver reports anything but an optimum (the demand models are
// feasible and bounded by construction, so that would be a bug). Not thread-safe: one session per
// thread; sessions are independent.
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "routes/result.h"
#include "routes/stop_check.h"

namespace aircargo::routes {

inline constexpr double kLpInfinity = 1e30;

struct LpEntry {
  int row = 0;
  int column = 0;
  double value = 0;
};

struct LpModel {
  std::vector<double> objective;  // per column (minimised)
  std::vector<double> column_lower;
  std::vector<double> column_upper;
  std::vector<double> row_lower;
  std::vector<double> row_upper;
  std::vector<LpEntry> entries;

  int AddColumn(double cost, double lower, double upper) {
    objective.push_back(cost);
    column_lower.push_back(lower);
    column_upper.push_back(upper);
    return static_cast<int>(objective.size()) - 1;
  }
  int AddRow(double lower, double upper) {
    row_lower.push_back(lower);
    row_upper.push_back(upper);
    return static_cast<int>(row_lower.size()) - 1;
  }
  int column_count() const { return static_cast<int>(objective.size()); }
  int row_count() const { return static_cast<int>(row_lower.size()); }
};

// Columns to append to a loaded session, in compressed-column form: column k has the entries
// rows/values[starts[k] .. starts[k+1]).
struct LpColumnBatch {
  std::vector<double> objective;
  std::vector<double> lower;
  std::vector<double> upper;
  std::vector<int> starts{0};
  std::vector<int> rows;
  std::vector<double> values;

  void Add(double cost, double lo, double up, std::span<const int> column_rows,
           std::span<const double> column_values) {
    objective.push_back(cost);
    lower.push_back(lo);
    upper.push_back(up);
    rows.insert(rows.end(), column_rows.begin(), column_rows.end());
    values.insert(values.end(), column_values.begin(), column_values.end());
    starts.push_back(static_cast<int>(rows.size()));
  }
  int size() const { return static_cast<int>(objective.size()); }
};

struct LpSolution {
  double objective = 0;
  std::vector<double> columns;  // x
  // Row duals: d(objective)/d(row bound) for the minimised objective (<= 0 on a binding upper
  // bound of a maximisation written as minimising its negative).
  std::vector<double> row_duals;
  std::int64_t iterations = 0;
};

class LpSolver {
 public:
  virtual ~LpSolver() = default;
  // Replaces the model.
  virtual void Load(const LpModel& model) = 0;
  virtual void SetObjective(std::span<const double> objective) = 0;
  virtual void SetColumnBounds(int column, double lower, double upper) = 0;
  virtual void SetRowBounds(int row, double lower, double upper) = 0;
  // Appends a row; returns its index.
  virtual int AddRow(std::span<const int> columns, std::span<const double> values, double lower,
                     double upper) = 0;
  // Appends rows without entries (later columns fill them); returns the first new row's index.
  virtual int AddEmptyRows(std::span<const double> lower, std::span<const double> upper) = 0;
  // Appends columns (their objective coefficients are the current objective's); returns the first
  // new column's index. The next Solve starts from the last basis with the primal simplex.
  virtual int AddColumns(const LpColumnBatch& batch) = 0;
  virtual Result<LpSolution> Solve(StopCheck& stop, std::int64_t max_iterations) = 0;
  // Writes the loaded model as a fixed-format MPS file (for the benchmark's solver baseline);
  // INTERNAL "lp" when the file cannot be written.
  virtual Result<bool> WriteMps(const std::string& path) = 0;
  // "CLP 1.17.6" (for answers and logs).
  virtual const char* Name() const = 0;
};

// The COIN-OR CLP session (dual simplex for a new model or changed bounds, primal simplex after an
// objective change).
std::unique_ptr<LpSolver> MakeClpSolver();

}  // namespace aircargo::routes
