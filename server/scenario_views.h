// ScenarioViews: the ScenarioView each planning request runs on. A view costs a pass over every
// route (usability, capacities after factors): about a millisecond on the world network, several
// times a plain FindPaths. Most requests ask about the network as it operates today (no what-if
// scenario), so that view is built once per (snapshot, day) and shared by every request; so is the
// view with the planned routes (a scenario that only includes them). These are the two shared
// views. A request with any other scenario gets its own view, made as a delta over the shared view
// with its as_of and include_planned when its as_of is today (ScenarioView::Make(base, scenario):
// a copy and the scenario's changes), else from the route records.
//
// When a new snapshot or day replaces a shared view whose timetables held weeks, the same weeks
// are built for the new view on a background thread (most recently used first), so the first
// itineraries after a write or at midnight UTC do not each pay a week's build (~0.3 s CPU on the
// world network); a request wanting a week meanwhile waits for that build rather than starting
// its own. A warm-up still running when its view is replaced stops after the week it is on.
//
// Each shared view comes with its weekly dated-flight timetables
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
// and dropped with it. A request's own view whose usable routes the shared view of its
// include_planned can use too (closures, exclusions, factors: no extra routes, as_of today) gets a
// template derived from that one (FlowTemplate::Over: the shared layout with its own capacities);
// any other its own. It lives here rather than in ScenarioView so the view stays free of
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
#include <functional>
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

  // The shared timetables of `view` when it is a shared view (as For returned it), else null.
  std::shared_ptr<routes::TimetableCache> TimetablesOf(const ViewPtr& view);
  // A shared view's timetables when `view` (a shared view or a request's own) is on the same
  // snapshot (the shared view of its include_planned when there is one), else null:
  // ComputeScheduleCapacity reads them for a scenario whose usable routes they hold
  // (routes/capacity/schedule_capacity.h, ScheduleShared).
  std::shared_ptr<routes::TimetableCache> SnapshotTimetablesFor(const ViewPtr& view);

  using FlowTemplatePtr = std::shared_ptr<const routes::FlowTemplate>;
  // The flow template of `view`: the shared one when `view` is a shared view (built once, on
  // first use); for a request's own view, one derived from the shared template of its
  // include_planned when FlowTemplate::Over can (the shared one built first if need be),
  // otherwise one built now for this call only (what the core's view overloads do).
  FlowTemplatePtr FlowTemplateFor(const ViewPtr& view);

  using OraclePtr = std::shared_ptr<const routes::ContractionHierarchy>;
  // The distance oracle of `view` for `objective` when `view` is a shared view and its oracle is
  // built; otherwise null (the caller searches). The first call for a shared view and objective
  // starts the build in the background.
  OraclePtr OracleFor(const ViewPtr& view, routes::Objective objective);
  // Waits until the background builds started so far (oracles and week warm-ups) have finished
  // (tests and benchmarks).
  void WaitForBuilds();

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

  // A shared view: [0] operating today, [1] with the planned routes.
  struct Shared {
    std::shared_ptr<const routes::Network> network;  // the view's snapshot
    std::chrono::year_month_day day{};
    ViewPtr view;
    std::shared_ptr<routes::TimetableCache> timetables;  // view's
    std::shared_ptr<Derived> derived;                    // of view
  };

  // The shared view of (network, today, include_planned), made now if the one held is not it.
  routes::Result<ViewPtr> SharedFor(const std::shared_ptr<const routes::Network>& network,
                                    std::chrono::year_month_day today, bool include_planned);
  // The Derived of `view` when it is a shared view, else null (under mutex_).
  std::shared_ptr<Derived> DerivedOfLocked(const ViewPtr& view) const;
  // The shared template of `derived`, built on first use.
  static const routes::FlowTemplate& SharedFlows(Derived& derived);
  // Starts a background thread running `build(stop)`; stop is requested at destruction.
  void StartBuilder(std::function<void(std::stop_token)> build);
  // Builds `weeks` into `timetables` in the background until `derived` retires.
  void WarmUp(std::shared_ptr<routes::TimetableCache> timetables, std::shared_ptr<Derived> derived,
              std::vector<std::chrono::sys_seconds> weeks);

  const std::size_t timetable_max_bytes_;
  std::mutex mutex_;
  Shared shared_[2];
  std::mutex builders_mutex_;
  struct Builder {
    std::shared_ptr<std::atomic<bool>> done;
    std::jthread thread;
  };
  std::vector<Builder> builders_;  // oracle builds and warm-ups, joined when done or at the end
};

}  // namespace aircargo::server
