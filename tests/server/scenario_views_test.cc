// ScenarioViews (server/scenario_views.h): the operating-today view and the view with the planned
// routes are built once per snapshot and day and shared (with their weekly timetables); a request
// with another what-if scenario gets its own view (a delta over the shared one of its
// include_planned when its as_of is today); errors pass through. A shared view's flow template is
// built once, on first use (also when several threads ask at once), and replaced with the view; a
// what-if view's template is derived from it when it can be (its layout shared).
#include "server/scenario_views.h"

#include <gtest/gtest.h>

#include <algorithm>
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

// A scenario closing YVR, with and without the planned routes.
v1::Scenario ClosingYvr(bool include_planned) {
  v1::Scenario s;
  s.add_closed_airports("YVR");
  s.set_include_planned(include_planned);
  return s;
}

TEST(ScenarioViews, AWhatIfScenarioGetsItsOwnViewAndLeavesTheSharedOneAlone) {
  ScenarioViews views;
  const auto network = testing::TestNetwork();
  auto shared = views.For(v1::Scenario(), network, kToday);
  auto what_if = views.For(ClosingYvr(false), network, kToday);
  auto again = views.For(ClosingYvr(false), network, kToday);
  auto shared_again = views.For(v1::Scenario(), network, kToday);
  ASSERT_TRUE(shared.ok() && what_if.ok() && again.ok() && shared_again.ok());
  EXPECT_NE(what_if.value().get(), shared.value().get());
  EXPECT_NE(what_if.value().get(), again.value().get());
  EXPECT_EQ(shared_again.value().get(), shared.value().get());
  EXPECT_FALSE(what_if.value()->airport_open(*network->FindAirport("YVR")));
  EXPECT_FALSE(what_if.value()->usable(*network->FindRoute("SHE-YVR-W8")));
  EXPECT_TRUE(shared.value()->usable(*network->FindRoute("SHE-YVR-W8")));
}

// Only the planned routes: a second shared view, not the operating one; a what-if over it (closing
// YVR) keeps the planned route usable.
TEST(ScenarioViews, SharesTheViewWithThePlannedRoutesToo) {
  ScenarioViews views;
  const auto network = testing::TestNetwork();
  v1::Scenario with_planned;
  with_planned.set_include_planned(true);
  auto planned = views.For(with_planned, network, kToday);
  auto planned_again = views.For(with_planned, network, kToday);
  auto operating = views.For(v1::Scenario(), network, kToday);
  ASSERT_TRUE(planned.ok() && planned_again.ok() && operating.ok());
  EXPECT_EQ(planned.value().get(), planned_again.value().get());
  EXPECT_NE(planned.value().get(), operating.value().get());
  const routes::RouteId mia = *network->FindRoute("SHE-MIA-CA");
  EXPECT_TRUE(planned.value()->usable(mia));
  EXPECT_FALSE(operating.value()->usable(mia));
  auto what_if = views.For(ClosingYvr(true), network, kToday);
  ASSERT_TRUE(what_if.ok());
  EXPECT_TRUE(what_if.value()->usable(mia));
  EXPECT_FALSE(what_if.value()->usable(*network->FindRoute("SHE-YVR-W8")));
  // Another day is no shared view's: a view of its own.
  v1::Scenario later = with_planned;
  later.set_as_of("2027-01-15");
  auto other_day = views.For(later, network, kToday);
  ASSERT_TRUE(other_day.ok());
  EXPECT_NE(other_day.value().get(), planned.value().get());
  EXPECT_EQ(views.For(with_planned, network, kToday).value().get(), planned.value().get());
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
  // A what-if view's template: derived from the shared one (its layout), its own capacities.
  auto what_if = views.For(ClosingYvr(false), network, kToday);
  ASSERT_TRUE(what_if.ok());
  const auto own = views.FlowTemplateFor(*what_if);
  EXPECT_NE(own.get(), seen.front().get());
  EXPECT_EQ(&own->view(), what_if.value().get());
  EXPECT_TRUE(own->SharesLayoutWith(*seen.front()));
  EXPECT_NE(views.FlowTemplateFor(*what_if).get(), own.get());  // per call
  // With the planned routes: derived from the with-planned shared view's template, built first.
  auto planned_what_if = views.For(ClosingYvr(true), network, kToday);
  ASSERT_TRUE(planned_what_if.ok());
  const auto planned_own = views.FlowTemplateFor(*planned_what_if);
  EXPECT_FALSE(planned_own->SharesLayoutWith(*seen.front()));
  v1::Scenario with_planned;
  with_planned.set_include_planned(true);
  const auto planned_shared = views.FlowTemplateFor(*views.For(with_planned, network, kToday));
  EXPECT_TRUE(planned_own->SharesLayoutWith(*planned_shared));
  // An extra route the shared view does not have: a template of its own.
  v1::Scenario extra = ClosingYvr(false);
  v1::Route* route = extra.add_extra_routes();
  route->set_id("SHE-SEA-XX");
  route->set_origin("SHE");
  route->set_destination("SEA");
  route->set_carrier("XX");
  route->set_mode(v1::MODE_FREIGHTER);
  route->set_payload_kg(50'000);
  route->set_flights_per_week(2);
  route->set_block_minutes(600);
  auto extra_view = views.For(extra, network, kToday);
  ASSERT_TRUE(extra_view.ok()) << extra_view.error().ToString();
  EXPECT_FALSE(views.FlowTemplateFor(*extra_view)->SharesLayoutWith(*seen.front()));
  // A new snapshot replaces the shared view and its template; a holder keeps the old one usable.
  auto next = views.For(v1::Scenario(), testing::TestNetwork(), kToday);
  ASSERT_TRUE(next.ok());
  const auto next_flows = views.FlowTemplateFor(*next);
  EXPECT_NE(next_flows.get(), seen.front().get());
  EXPECT_EQ(&seen.front()->view(), shared.value().get());
}

// A new snapshot (or day) builds the weeks the replaced shared view held, in the background, most
// recently used first; the next request for one of them is a hit, not a build. A view whose cache
// held nothing starts nothing.
TEST(ScenarioViews, BuildsTheReplacedViewsWeeksAheadForTheNextSnapshot) {
  using std::chrono::sys_days;
  ScenarioViews views;
  auto first = views.For(v1::Scenario(), testing::TestNetwork(), kToday);
  ASSERT_TRUE(first.ok());
  const auto timetables = views.TimetablesOf(first.value());
  ASSERT_NE(timetables, nullptr);
  const std::chrono::sys_seconds june{sys_days{year_month_day{year(2026), month(6), day(3)}}};
  const std::chrono::sys_seconds december{sys_days{kToday}};
  routes::StopCheck stop;
  ASSERT_TRUE(timetables->Weeks(june, june, stop).ok());
  ASSERT_TRUE(timetables->Weeks(december, december, stop).ok());
  const std::vector<std::chrono::sys_seconds> held = timetables->HeldWeeks();
  ASSERT_EQ(held.size(), 2U);
  EXPECT_EQ(held[0], routes::Timetable::WeekStart(december));  // most recently used first
  EXPECT_EQ(held[1], routes::Timetable::WeekStart(june));

  auto next = views.For(v1::Scenario(), testing::TestNetwork(), kToday);
  ASSERT_TRUE(next.ok());
  views.WaitForBuilds();
  const auto next_timetables = views.TimetablesOf(next.value());
  ASSERT_NE(next_timetables, nullptr);
  EXPECT_EQ(next_timetables->stats().builds, 2);
  auto next_held = next_timetables->HeldWeeks();  // the same weeks (built in `held`'s order)
  std::sort(next_held.begin(), next_held.end());
  EXPECT_EQ(next_held, (std::vector<std::chrono::sys_seconds>{held[1], held[0]}));
  ASSERT_TRUE(next_timetables->Weeks(june, june, stop).ok());
  EXPECT_EQ(next_timetables->stats().builds, 2);
  EXPECT_EQ(next_timetables->stats().hits, 1);

  ScenarioViews fresh;
  const auto network = testing::TestNetwork();
  ASSERT_TRUE(fresh.For(v1::Scenario(), network, kToday).ok());
  auto tomorrow =
      fresh.For(v1::Scenario(), network, year_month_day{year(2026), month(11), day(29)});
  ASSERT_TRUE(tomorrow.ok());
  fresh.WaitForBuilds();
  EXPECT_EQ(fresh.TimetablesOf(tomorrow.value())->stats().builds, 0);
}

TEST(ScenarioViews, PassesScenarioErrorsThrough) {
  ScenarioViews views;
  v1::Scenario bad;
  bad.add_closed_airports("ZZZ");
  auto view = views.For(bad, testing::TestNetwork(), kToday);
  ASSERT_FALSE(view.ok());
  EXPECT_EQ(view.error().code, routes::ErrorCode::kNotFound);
}

TEST(ScenarioViews, OnlyTheSharedViewsHaveSharedTimetablesAndTheyGoWithThem) {
  ScenarioViews views;
  const auto network = testing::TestNetwork();
  auto shared = views.For(v1::Scenario(), network, kToday);
  v1::Scenario with_planned = ClosingYvr(true);
  auto what_if = views.For(ClosingYvr(false), network, kToday);
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
  // A what-if with the planned routes reads the operating weeks until the with-planned shared view
  // exists, then that view's own.
  auto planned_what_if = views.For(ClosingYvr(true), network, kToday);
  ASSERT_TRUE(planned_what_if.ok());
  v1::Scenario only_planned;
  only_planned.set_include_planned(true);
  auto planned = views.For(only_planned, network, kToday);
  ASSERT_TRUE(planned.ok());
  const auto planned_timetables = views.TimetablesOf(planned.value());
  ASSERT_NE(planned_timetables, nullptr);
  EXPECT_NE(planned_timetables, timetables);
  EXPECT_EQ(&planned_timetables->view(), planned.value().get());
  EXPECT_EQ(views.SnapshotTimetablesFor(planned_what_if.value()), planned_timetables);
  EXPECT_EQ(views.SnapshotTimetablesFor(what_if.value()), timetables);
  const auto other_snapshot = testing::TestNetwork();
  auto what_if_elsewhere = views.For(with_planned, other_snapshot, kToday);
  ASSERT_TRUE(what_if_elsewhere.ok());
  // Never another snapshot's weeks: that snapshot's with-planned shared view's (the what-if there
  // made it).
  const auto elsewhere = views.SnapshotTimetablesFor(what_if_elsewhere.value());
  ASSERT_NE(elsewhere, nullptr);
  EXPECT_EQ(&elsewhere->view().network(), other_snapshot.get());
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
  views.WaitForBuilds();
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
  views.WaitForBuilds();
  const auto cost = views.OracleFor(*shared, routes::Objective::kCost);
  ASSERT_NE(cost, nullptr);
  EXPECT_EQ(cost->objective(), routes::Objective::kCost);

  auto what_if = views.For(ClosingYvr(false), network, kToday);
  ASSERT_TRUE(what_if.ok());
  EXPECT_EQ(views.OracleFor(*what_if, routes::Objective::kDistance), nullptr);
  views.WaitForBuilds();
  EXPECT_EQ(views.OracleFor(*what_if, routes::Objective::kDistance), nullptr);
  // The with-planned shared view gets its own.
  v1::Scenario with_planned;
  with_planned.set_include_planned(true);
  auto planned = views.For(with_planned, network, kToday);
  ASSERT_TRUE(planned.ok());
  EXPECT_EQ(views.OracleFor(*planned, routes::Objective::kDistance), nullptr);
  views.WaitForBuilds();
  const auto planned_oracle = views.OracleFor(*planned, routes::Objective::kDistance);
  ASSERT_NE(planned_oracle, nullptr);
  EXPECT_EQ(&planned_oracle->view(), planned.value().get());
  EXPECT_NE(planned_oracle.get(), oracle.get());

  // The next snapshot's shared view starts without one; the old oracle stays valid while held.
  const auto next_snapshot = testing::TestNetwork();
  auto next = views.For(v1::Scenario(), next_snapshot, kToday);
  ASSERT_TRUE(next.ok());
  EXPECT_EQ(views.OracleFor(*next, routes::Objective::kDistance), nullptr);
  views.WaitForBuilds();
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
