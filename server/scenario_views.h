// ScenarioViews: the ScenarioView each planning request runs on. A view costs a pass over every
// route (usability, capacities after factors): about a millisecond on the world network, several
// times a plain FindPaths. Most requests ask about the network as it operates today (no what-if
// scenario), so that view is built once per (snapshot, day) and shared by every request; a request
// with a scenario gets its own view.
//
// The shared view comes with its weekly dated-flight timetables
// (routes/itinerary/timetable_cache.h: built once per week on first use, least recently used weeks
// evicted beyond `timetable_max_bytes`); they go with the view when the next snapshot or day
// replaces it. A request with its own scenario gets no shared timetables for PlanItinerary (it
// expands its flights); ComputeScheduleCapacity reads them when they hold every route its
// scenario can use (closures, exclusions and factors only).
//
// It also comes with the flow template of the capacity RPCs (routes/capacity/flow_template.h), so a
// ComputeCapacity, PlanFlow or AnalyzeClosures on the shared view instantiates its residual network
// from arrays laid out once instead of reading every route record. It is built by the first
// request that asks for it (the others asking meanwhile wait for it), kept beside the shared view
// and dropped with it. It lives here rather than in ScenarioView so the view stays free of
// routes/capacity (capacity depends on the view, not the reverse).
//
// And with the distance oracles of FindPaths (routes/paths/contraction_hierarchy.h), one per
// objective: the first plain query by an objective (k = 1, no constraints) on the shared view
// starts its build on a background thread (about a second of CPU on the world network) and is
// answered by the search, like every query until the oracle is ready; then the oracle answers.
// A build still running when its view is replaced stops (so a stream of writes does not pile up
// builds); the destructor cancels and joins the builds.
//
// Thread safe. The shared view keeps its snapshot alive until the next snapshot or day replaces it;
// a flow template handed out keeps its view (and so its snapshot) alive while the caller holds it.
#pragma once

#include <atomic>
#include <chrono>
#include <memory>
#include <mutex>
#include <thread>
#include <utility>
#include <vector>

#include "aircargo/v1/network.pb.h"
#include "routes/capacity/flow_template.h"
#include "routes/itinerary/timetable_cache.h"
#include "routes/network.h"
#include "routes/paths/contraction_hierarchy.h"
#include "routes/paths/path_query.h"
#include "routes/result.h"
#include "routes/scenario_view.h"

namespace aircargo::server {

class ScenarioViews {
 public:
  using ViewPtr = std::shared_ptr<const routes::ScenarioView>;

  explicit ScenarioViews(std::size_t timetable_max_bytes = routes::TimetableCache::kDefaultMaxBytes)
      : timetable_max_bytes_(timetable_max_bytes) {}
  ~ScenarioViews();
  ScenarioViews(const ScenarioViews&) = delete;
  ScenarioViews& operator=(const ScenarioViews&) = delete;

  // The view of `network` under `scenario` on `today` (formats::MakeScenarioView's errors).
  routes::Result<ViewPtr> For(const v1::Scenario& scenario,
                              const std::shared_ptr<const routes::Network>& network,
                              std::chrono::year_month_day today);

  // The shared timetables of `view` when it is the shared view (as For returned it), else null.
  std::shared_ptr<routes::TimetableCache> TimetablesOf(const ViewPtr& view);
  // The shared view's timetables when `view` (the shared view or a request's own) is on the same
  // snapshot, else null: ComputeScheduleCapacity reads them for a scenario whose usable routes
  // they hold (routes/capacity/schedule_capacity.h, ScheduleShared).
  std::shared_ptr<routes::TimetableCache> SnapshotTimetablesFor(const ViewPtr& view);

  using FlowTemplatePtr = std::shared_ptr<const routes::FlowTemplate>;
  // The flow template of `view`: the shared one when `view` is the shared view (built once, on
  // first use), otherwise one built now for this call only (what the core's view overloads do).
  FlowTemplatePtr FlowTemplateFor(const ViewPtr& view);

  using OraclePtr = std::shared_ptr<const routes::ContractionHierarchy>;
  // The distance oracle of `view` for `objective` when `view` is the shared view and its oracle is
  // built; otherwise null (the caller searches). The first call for a shared view and objective
  // starts the build in the background.
  OraclePtr OracleFor(const ViewPtr& view, routes::Objective objective);
  // Waits until the builds started so far have finished (tests and benchmarks).
  void WaitForOracles();

 private:
  // What is derived from the shared view, built once on first use.
  struct Derived {
    explicit Derived(ViewPtr v) : view(std::move(v)) {}
    ViewPtr view;  // keeps the view alive while a template is held
    std::once_flag flows_once;
    std::unique_ptr<const routes::FlowTemplate> flows;
    // Per objective (routes::Objective's value): started once, set when built (under mutex).
    std::mutex oracle_mutex;
    bool oracle_started[4] = {};
    // Set when another view replaces this one: its oracle builds stop at their next poll.
    std::atomic<bool> retired{false};
    std::unique_ptr<const routes::ContractionHierarchy> oracles[4];
  };

  const std::size_t timetable_max_bytes_;
  std::mutex mutex_;
  std::shared_ptr<const routes::Network> network_;  // the cached view's snapshot
  std::chrono::year_month_day day_{};
  ViewPtr view_;
  std::shared_ptr<routes::TimetableCache> timetables_;  // view_'s
  std::shared_ptr<Derived> derived_;                    // of view_
  std::mutex builders_mutex_;
  struct Builder {
    std::shared_ptr<std::atomic<bool>> done;
    std::jthread thread;
  };
  std::vector<Builder>
      builders_;  // oracle builds, joined when done, by WaitForOracles or at the end
};

}  // namespace aircargo::server
