// TimetableCache: the weekly Timetables (timetable.h) of one shared ScenarioView, built on first
// use and handed to every request that plans on that view. The server keeps one next to its shared
// operating-today view (server/scenario_views.h), so its key is (snapshot, shared view, week): the
// snapshot and the view are the cache's, the week is the entry's.
//
// Build once under contention: the first caller to want a week builds it; concurrent callers
// wanting the same week wait for that build (polling their own StopCheck every few milliseconds)
// instead of building it again. The build itself is not stopped by its caller's deadline (others
// may be waiting for it); on the world network it takes ~0.2-0.3 s CPU per week.
//
// Eviction: least recently used weeks go first once the built weeks together exceed `max_bytes`
// (Timetable::bytes()); the week just built, and weeks a caller of Weeks() still needs for the
// current call, are never evicted by that call. Evicting drops the cache's reference only: a
// request still holding a week keeps it alive until it finishes, so memory is at most the budget
// plus the weeks in-flight requests hold. The whole cache goes when its owner replaces the shared
// view (a new snapshot or a new day).
//
// Thread safe: any number of threads may call Weeks() at once.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <vector>

#include "routes/itinerary/timetable.h"
#include "routes/result.h"
#include "routes/scenario_view.h"
#include "routes/stop_check.h"

namespace aircargo::routes {

class TimetableCache {
 public:
  // Three world-network weeks (~10 MB each): a 14-day horizon spans at most three weeks.
  static constexpr std::size_t kDefaultMaxBytes = std::size_t{32} << 20;
  // PlanItinerary reads shared weeks only for windows spanning at most this many weeks (a 14-day
  // horizon spans three, a 21-day one four); longer windows (up to 60 days) expand their own
  // flights as before, so one request never pins ten weeks of a large network.
  static constexpr int kMaxWeeksPerRequest = 4;

  explicit TimetableCache(std::shared_ptr<const ScenarioView> view,
                          std::size_t max_bytes = kDefaultMaxBytes)
      : view_(std::move(view)), max_bytes_(max_bytes) {}

  const ScenarioView& view() const { return *view_; }

  // True when these weeks hold every flight `view` can use: `view` is the cache's view, or a view
  // of the same network (no extra routes) whose usable routes the cache's view can use too, e.g. a
  // what-if that only closes, excludes carriers or scales capacities (flights carry the route's
  // payload, which factors do not change). Its readers filter by their own routes
  // (FlightFilter::only_routes). One pass over the route ids.
  bool Serves(const ScenarioView& view) const;

  // How many weeks Weeks(from, to) returns.
  static int WeekCount(std::chrono::sys_seconds from, std::chrono::sys_seconds to);

  // The consecutive weeks whose span holds [from, to] (one week when to < from), building the
  // missing ones. Errors: Timetable::Build's; the StopCheck's while waiting for another caller's
  // build.
  Result<TimetableWeeks> Weeks(std::chrono::sys_seconds from, std::chrono::sys_seconds to,
                               StopCheck& stop);

  // The first instants of the weeks built and held now, most recently used first (what a cache
  // replacing this one may build ahead, server/scenario_views.h).
  std::vector<std::chrono::sys_seconds> HeldWeeks() const;

  struct Stats {
    std::int64_t builds = 0;  // weeks built
    std::int64_t hits = 0;    // weeks handed out without a build (waiting for one included)
    std::int64_t evictions = 0;
    std::size_t weeks = 0;  // built weeks held now
    std::size_t bytes = 0;  // their Timetable::bytes()
  };
  Stats stats() const;

 private:
  struct Entry {
    std::shared_ptr<const Timetable> table;  // null while building
    std::uint64_t last_used = 0;
  };

  // The week starting at `week_start`; `keep` weeks (the caller's current call) are not evicted.
  Result<std::shared_ptr<const Timetable>> Week(std::chrono::sys_seconds week_start,
                                                std::chrono::sys_seconds keep_from,
                                                std::chrono::sys_seconds keep_to, StopCheck& stop);
  void EvictLocked(std::chrono::sys_seconds keep_from, std::chrono::sys_seconds keep_to);

  const std::shared_ptr<const ScenarioView> view_;
  const std::size_t max_bytes_;
  mutable std::mutex mutex_;
  std::condition_variable built_;
  std::map<std::chrono::sys_seconds, Entry> entries_;
  std::uint64_t clock_ = 0;
  Stats stats_;
};

}  // namespace aircargo::routes
