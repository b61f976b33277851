// ScenarioViews (server/scenario_views.h): the operating-today view is built once per snapshot and
// day and shared (with its weekly timetables); a request with a what-if scenario gets its own view;
// errors pass through. The shared view's flow template is built once, on first use (also when
// several threads ask at once), and replaced with the view.
#include "server/scenario_views.h"

#include <gtest/gtest.h>

#include <thread>
#include <vector>

#include "tests/server/test_network.h"

namespace aircargo::server {
namespace {

using std::chrono::day;
using std::chrono::month;
using std::chrono::year;
using std::chrono::year_month_day;

const year_month_day kToday{year(2026), month(11), day(28)};

TEST(ScenarioViews, SharesTheOperatingTodayViewForTheSameSnapshotAndDay) {
  ScenarioViews views;
  const auto network = testing::TestNetwork();
  auto first = views.For(v1::Scenario(), network, kToday);
  auto second = views.For(v1::Scenario(), network, kToday);
  ASSERT_TRUE(first.ok());
  ASSERT_TRUE(second.ok());
  EXPECT_EQ(first.value().get(), second.value().get());
  EXPECT_EQ(&first.value()->network(), network.get());
}

TEST(ScenarioViews, BuildsAFreshViewForANewSnapshotOrANewDay) {
  ScenarioViews views;
  const auto network = testing::TestNetwork();
  auto today = views.For(v1::Scenario(), network, kToday);
  auto tomorrow =
      views.For(v1::Scenario(), network, year_month_day{year(2026), month(11), day(29)});
  const auto next_snapshot = testing::TestNetwork();
  auto next =
      views.For(v1::Scenario(), next_snapshot, year_month_day{year(2026), month(11), day(29)});
  ASSERT_TRUE(today.ok() && tomorrow.ok() && next.ok());
  EXPECT_NE(today.value().get(), tomorrow.value().get());
  EXPECT_NE(tomorrow.value().get(), next.value().get());
  EXPECT_EQ(&next.value()->network(), next_snapshot.get());
}

TEST(ScenarioViews, AWhatIfScenarioGetsItsOwnViewAndLeavesTheSharedOneAlone) {
  ScenarioViews views;
  const auto network = testing::TestNetwork();
  auto shared = views.For(v1::Scenario(), network, kToday);
  v1::Scenario with_planned;
  with_planned.set_include_planned(true);
  auto what_if = views.For(with_planned, network, kToday);
  auto shared_again = views.For(v1::Scenario(), network, kToday);
  ASSERT_TRUE(shared.ok() && what_if.ok() && shared_again.ok());
  EXPECT_NE(what_if.value().get(), shared.value().get());
  EXPECT_EQ(shared_again.value().get(), shared.value().get());
}

TEST(ScenarioViews, SharesTheSharedViewsFlowTemplateAndBuildsOthersPerCall) {
  ScenarioViews views;
  const auto network = testing::TestNetwork();
  auto shared = views.For(v1::Scenario(), network, kToday);
  ASSERT_TRUE(shared.ok());
  std::vector<ScenarioViews::FlowTemplatePtr> seen(4);
  std::vector<std::thread> threads;
  for (auto& slot : seen) {
    threads.emplace_back([&views, &shared, &slot] { slot = views.FlowTemplateFor(*shared); });
  }
  for (std::thread& t : threads) t.join();
  for (const auto& flows : seen) {
    ASSERT_NE(flows, nullptr);
    EXPECT_EQ(flows.get(), seen.front().get());
    EXPECT_EQ(&flows->view(), shared.value().get());
  }
  v1::Scenario with_planned;
  with_planned.set_include_planned(true);
  auto what_if = views.For(with_planned, network, kToday);
  ASSERT_TRUE(what_if.ok());
  const auto own = views.FlowTemplateFor(*what_if);
  EXPECT_NE(own.get(), seen.front().get());
  EXPECT_EQ(&own->view(), what_if.value().get());
  // A new snapshot replaces the shared view and its template; a holder keeps the old one usable.
  auto next = views.For(v1::Scenario(), testing::TestNetwork(), kToday);
  ASSERT_TRUE(next.ok());
  const auto next_flows = views.FlowTemplateFor(*next);
  EXPECT_NE(next_flows.get(), seen.front().get());
  EXPECT_EQ(&seen.front()->view(), shared.value().get());
}

TEST(ScenarioViews, PassesScenarioErrorsThrough) {
  ScenarioViews views;
  v1::Scenario bad;
  bad.add_closed_airports("ZZZ");
  auto view = views.For(bad, testing::TestNetwork(), kToday);
  ASSERT_FALSE(view.ok());
  EXPECT_EQ(view.error().code, routes::ErrorCode::kNotFound);
}

TEST(ScenarioViews, OnlyTheSharedViewHasSharedTimetablesAndTheyGoWithIt) {
  ScenarioViews views;
  const auto network = testing::TestNetwork();
  auto shared = views.For(v1::Scenario(), network, kToday);
  v1::Scenario with_planned;
  with_planned.set_include_planned(true);
  auto what_if = views.For(with_planned, network, kToday);
  ASSERT_TRUE(shared.ok() && what_if.ok());
  const auto timetables = views.TimetablesOf(shared.value());
  ASSERT_NE(timetables, nullptr);
  EXPECT_EQ(&timetables->view(), shared.value().get());
  EXPECT_EQ(views.TimetablesOf(shared.value()), timetables);  // one cache per shared view
  EXPECT_EQ(views.TimetablesOf(what_if.value()), nullptr);    // a what-if expands its own
  // ... except that ComputeScheduleCapacity may read the weeks of the shared view of its snapshot
  // (when they hold every route it can use), but not another snapshot's.
  EXPECT_EQ(views.SnapshotTimetablesFor(shared.value()), timetables);
  EXPECT_EQ(views.SnapshotTimetablesFor(what_if.value()), timetables);
  const auto other_snapshot = testing::TestNetwork();
  auto what_if_elsewhere = views.For(with_planned, other_snapshot, kToday);
  ASSERT_TRUE(what_if_elsewhere.ok());
  EXPECT_EQ(views.SnapshotTimetablesFor(what_if_elsewhere.value()), nullptr);
  auto tomorrow =
      views.For(v1::Scenario(), network, year_month_day{year(2026), month(11), day(29)});
  ASSERT_TRUE(tomorrow.ok());
  EXPECT_EQ(views.TimetablesOf(shared.value()), nullptr);  // replaced with its view
  const auto next = views.TimetablesOf(tomorrow.value());
  ASSERT_NE(next, nullptr);
  EXPECT_NE(next, timetables);
}

}  // namespace
}  // namespace aircargo::server

namespace aircargo::server {
namespace {

// The distance oracle: the first ask starts its build and gets null (the caller searches); once
// built, the shared view's own oracle for that objective; never one for a what-if view; several
// threads asking at once start one build; a new snapshot starts afresh.
TEST(ScenarioViews, BuildsTheSharedViewsDistanceOracleInTheBackgroundOncePerObjective) {
  ScenarioViews views;
  const auto network = testing::TestNetwork();
  auto shared = views.For(v1::Scenario(), network, kToday);
  ASSERT_TRUE(shared.ok());
  // The first ask starts the build and is told to search.
  EXPECT_EQ(views.OracleFor(*shared, routes::Objective::kDistance), nullptr);
  // Threads asking meanwhile get nothing or the one oracle (the test network builds fast).
  std::vector<std::thread> threads;
  std::vector<ScenarioViews::OraclePtr> meanwhile(4);
  for (auto& slot : meanwhile) {
    threads.emplace_back([&views, &shared, &slot] {
      slot = views.OracleFor(*shared, routes::Objective::kDistance);
    });
  }
  for (auto& t : threads) t.join();
  views.WaitForOracles();
  const auto oracle = views.OracleFor(*shared, routes::Objective::kDistance);
  ASSERT_NE(oracle, nullptr);
  for (const auto& got : meanwhile) {
    if (got != nullptr) {
      EXPECT_EQ(got.get(), oracle.get());
    }
  }
  EXPECT_EQ(&oracle->view(), shared.value().get());
  EXPECT_EQ(oracle->objective(), routes::Objective::kDistance);
  EXPECT_EQ(views.OracleFor(*shared, routes::Objective::kDistance).get(), oracle.get());
  // Another objective is another build.
  EXPECT_EQ(views.OracleFor(*shared, routes::Objective::kCost), nullptr);
  views.WaitForOracles();
  const auto cost = views.OracleFor(*shared, routes::Objective::kCost);
  ASSERT_NE(cost, nullptr);
  EXPECT_EQ(cost->objective(), routes::Objective::kCost);

  v1::Scenario with_planned;
  with_planned.set_include_planned(true);
  auto what_if = views.For(with_planned, network, kToday);
  ASSERT_TRUE(what_if.ok());
  EXPECT_EQ(views.OracleFor(*what_if, routes::Objective::kDistance), nullptr);
  views.WaitForOracles();
  EXPECT_EQ(views.OracleFor(*what_if, routes::Objective::kDistance), nullptr);

  // The next snapshot's shared view starts without one; the old oracle stays valid while held.
  const auto next_snapshot = testing::TestNetwork();
  auto next = views.For(v1::Scenario(), next_snapshot, kToday);
  ASSERT_TRUE(next.ok());
  EXPECT_EQ(views.OracleFor(*next, routes::Objective::kDistance), nullptr);
  views.WaitForOracles();
  const auto next_oracle = views.OracleFor(*next, routes::Objective::kDistance);
  ASSERT_NE(next_oracle, nullptr);
  EXPECT_EQ(&next_oracle->view(), next.value().get());
  EXPECT_EQ(&oracle->view(), shared.value().get());
}

// Destroying ScenarioViews while a build runs cancels and joins it.
TEST(ScenarioViews, DestroyingTheCacheWhileAnOracleBuildsIsSafe) {
  const auto network = testing::TestNetwork();
  for (int i = 0; i < 5; ++i) {
    ScenarioViews views;
    auto shared = views.For(v1::Scenario(), network, kToday);
    ASSERT_TRUE(shared.ok());
    EXPECT_EQ(views.OracleFor(*shared, routes::Objective::kTransitTime), nullptr);
  }
}

}  // namespace
}  // namespace aircargo::server
