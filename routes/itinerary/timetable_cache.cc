#include "routes/itinerary/timetable_cache.h"

#include <algorithm>
#include <functional>
#include <utility>

namespace aircargo::routes {

using std::chrono::sys_seconds;

namespace {
constexpr std::chrono::milliseconds kWaitPoll{5};
}  // namespace

int TimetableCache::WeekCount(sys_seconds from, sys_seconds to) {
  if (to < from) return 1;
  return static_cast<int>((Timetable::WeekStart(to) - Timetable::WeekStart(from)) /
                          Timetable::kWeek) +
         1;
}

Result<TimetableWeeks> TimetableCache::Weeks(sys_seconds from, sys_seconds to, StopCheck& stop) {
  const sys_seconds first = Timetable::WeekStart(from);
  const sys_seconds last = to < from ? first : Timetable::WeekStart(to);
  TimetableWeeks weeks;
  for (sys_seconds week = first; week <= last; week += Timetable::kWeek) {
    auto table = Week(week, first, last, stop);
    if (!table.ok()) return table.error();
    weeks.push_back(std::move(table).value());
  }
  return weeks;
}

Result<std::shared_ptr<const Timetable>> TimetableCache::Week(sys_seconds week_start,
                                                              sys_seconds keep_from,
                                                              sys_seconds keep_to,
                                                              StopCheck& stop) {
  std::unique_lock lock(mutex_);
  for (;;) {
    const auto it = entries_.find(week_start);
    if (it == entries_.end()) break;  // nobody has it: build it
    if (it->second.table != nullptr) {
      it->second.last_used = ++clock_;
      ++stats_.hits;
      return it->second.table;
    }
    // Another caller is building it.
    built_.wait_for(lock, kWaitPoll);
    if (auto error = stop.Check()) return *error;
  }
  entries_.emplace(week_start, Entry{});
  lock.unlock();
  StopCheck never;  // others may wait for this build: the caller's deadline does not stop it
  auto build = [&]() -> Result<std::shared_ptr<const Timetable>> {
    try {
      return Timetable::Build(*view_, week_start, never);
    } catch (...) {  // out of memory: let the waiters try again rather than wait forever
      lock.lock();
      entries_.erase(week_start);
      built_.notify_all();
      throw;
    }
  };
  auto built = build();
  lock.lock();
  if (!built.ok()) {
    entries_.erase(week_start);
    built_.notify_all();
    return built.error();
  }
  Entry& entry = entries_[week_start];
  entry.table = *built;
  entry.last_used = ++clock_;
  ++stats_.builds;
  ++stats_.weeks;
  stats_.bytes += entry.table->bytes();
  EvictLocked(keep_from, keep_to);
  built_.notify_all();
  return entry.table;
}

void TimetableCache::EvictLocked(sys_seconds keep_from, sys_seconds keep_to) {
  while (stats_.bytes > max_bytes_) {
    auto victim = entries_.end();
    for (auto it = entries_.begin(); it != entries_.end(); ++it) {
      if (it->second.table == nullptr) continue;  // being built
      if (it->first >= keep_from && it->first <= keep_to) continue;
      if (victim == entries_.end() || it->second.last_used < victim->second.last_used) victim = it;
    }
    if (victim == entries_.end()) return;  // only weeks this call needs: over budget until later
    stats_.bytes -= victim->second.table->bytes();
    --stats_.weeks;
    ++stats_.evictions;
    entries_.erase(victim);
  }
}

std::vector<sys_seconds> TimetableCache::HeldWeeks() const {
  std::vector<std::pair<std::uint64_t, sys_seconds>> held;
  {
    std::lock_guard lock(mutex_);
    for (const auto& [week, entry] : entries_) {
      if (entry.table != nullptr) held.emplace_back(entry.last_used, week);
    }
  }
  std::sort(held.begin(), held.end(), std::greater<>());
  std::vector<sys_seconds> weeks;
  for (const auto& [used, week] : held) weeks.push_back(week);
  return weeks;
}

TimetableCache::Stats TimetableCache::stats() const {
  std::lock_guard lock(mutex_);
  return stats_;
}

bool TimetableCache::Serves(const ScenarioView& view) const {
  return view.UsesOnlyRoutesOf(*view_);
}

}  // namespace aircargo::routes
