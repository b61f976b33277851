// The CLP session behind LpSolver: a textbook LP with known optimum and duals, warm re-solves after
// bound and objective changes, and stopping from the StopCheck during the simplex.
#include "routes/demand/lp_solver.h"

#include <gtest/gtest.h>

namespace aircargo::routes {
namespace {

// max x + y  s.t.  x + 2y <= 4,  3x + y <= 6,  x, y >= 0:  x = 1.6, y = 1.2, optimum 2.8, duals
// 0.4 and 0.2 (as minimising -x - y: -0.4 and -0.2).
LpModel Textbook() {
  LpModel m;
  const int x = m.AddColumn(-1, 0, kLpInfinity);
  const int y = m.AddColumn(-1, 0, kLpInfinity);
  const int r0 = m.AddRow(-kLpInfinity, 4);
  const int r1 = m.AddRow(-kLpInfinity, 6);
  m.entries = {{r0, x, 1}, {r0, y, 2}, {r1, x, 3}, {r1, y, 1}};
  return m;
}

TEST(ClpSolver, SolvesATextbookLpWithItsDuals) {
  auto solver = MakeClpSolver();
  solver->Load(Textbook());
  StopCheck stop;
  auto s = solver->Solve(stop, 1000);
  ASSERT_TRUE(s.ok()) << s.error().ToString();
  EXPECT_NEAR(s->objective, -2.8, 1e-9);
  EXPECT_NEAR(s->columns[0], 1.6, 1e-9);
  EXPECT_NEAR(s->columns[1], 1.2, 1e-9);
  EXPECT_NEAR(s->row_duals[0], -0.4, 1e-9);
  EXPECT_NEAR(s->row_duals[1], -0.2, 1e-9);
  EXPECT_NE(std::string(solver->Name()).find("CLP"), std::string::npos);
}

TEST(ClpSolver, ReSolvesAfterChangesLikeAFreshSolve) {
  auto solver = MakeClpSolver();
  solver->Load(Textbook());
  StopCheck stop;
  ASSERT_TRUE(solver->Solve(stop, 1000).ok());
  // A small change stays within the basis: the dual predicts it exactly (+0.1 x 0.4).
  solver->SetRowBounds(0, -kLpInfinity, 4.1);
  auto s = solver->Solve(stop, 1000);
  ASSERT_TRUE(s.ok());
  EXPECT_NEAR(s->objective, -2.84, 1e-9);
  // max y alone, with x <= 1: y = 2 (row 0 binds at x = 0).
  const std::vector<double> objective = {0, -1};
  solver->SetObjective(objective);
  solver->SetColumnBounds(0, 0, 1);
  s = solver->Solve(stop, 1000);
  ASSERT_TRUE(s.ok());
  EXPECT_NEAR(s->objective, -2.05, 1e-9);
  // An added row: y <= 1.
  const std::vector<int> columns = {1};
  const std::vector<double> values = {1};
  EXPECT_EQ(solver->AddRow(columns, values, -kLpInfinity, 1), 2);
  s = solver->Solve(stop, 1000);
  ASSERT_TRUE(s.ok());
  EXPECT_NEAR(s->objective, -1, 1e-9);
}

// A transportation-like LP big enough to need many iterations.
LpModel Assignment(int n) {
  LpModel m;
  for (int i = 0; i < n; ++i) {
    for (int j = 0; j < n; ++j) m.AddColumn(-static_cast<double>((i * 7 + j * 13) % 17 + 1), 0, 1);
  }
  for (int i = 0; i < n; ++i) {
    const int row = m.AddRow(-kLpInfinity, 1);
    const int col_row = m.AddRow(-kLpInfinity, 1);
    for (int j = 0; j < n; ++j) {
      m.entries.push_back({row, i * n + j, 1});
      m.entries.push_back({col_row, j * n + i, 1});
    }
  }
  return m;
}

TEST(ClpSolver, StopsDuringTheSimplexWhenCancelled) {
  auto solver = MakeClpSolver();
  solver->Load(Assignment(40));
  int polls = 0;
  StopCheck stop(
      StopCheck::Clock::now() + std::chrono::hours(1), [&polls] { return ++polls > 3; }, 1);
  auto s = solver->Solve(stop, 1'000'000);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().code, ErrorCode::kCancelled);
  EXPECT_GT(polls, 3);
}

TEST(ClpSolver, ReportsTheIterationLimit) {
  auto solver = MakeClpSolver();
  solver->Load(Assignment(40));
  StopCheck stop;
  auto s = solver->Solve(stop, 3);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().code, ErrorCode::kResourceExhausted);
  EXPECT_EQ(s.error().field, "lp");
}

}  // namespace
}  // namespace aircargo::routes
