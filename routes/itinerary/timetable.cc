#include "routes/itinerary/timetable.h"

#include <algorithm>
#include <bit>
#include <limits>
#include <optional>
#include <string>

#include "routes/itinerary/local_time.h"

namespace aircargo::routes {

using std::chrono::days;
using std::chrono::minutes;
using std::chrono::seconds;
using std::chrono::sys_days;
using std::chrono::sys_seconds;

sys_seconds Timetable::WeekStart(sys_seconds instant) {
  const sys_days day = std::chrono::floor<days>(instant);
  const std::chrono::weekday wd{day};
  return day - days{(wd.c_encoding() + 6) % 7};
}

Result<std::shared_ptr<const Timetable>> Timetable::Build(const ScenarioView& view,
                                                          sys_seconds week_start, StopCheck& stop) {
  if (WeekStart(week_start) != week_start) {
    return InvalidArgument("week_start",
                           "must be a Monday 00:00 UTC, got " + FormatUtc(week_start));
  }
  const Network& network = view.network();
  std::shared_ptr<Timetable> table(new Timetable);
  table->week_start_ = week_start;
  table->routes_.resize(view.route_count());
  constexpr std::int32_t kUnresolved = -2;
  constexpr std::int32_t kKnown = -1;
  std::vector<std::optional<TimeZone>> zones(network.airports().size());
  std::vector<std::int32_t> zone_error(network.airports().size(), kUnresolved);
  const sys_seconds last = week_start + kWeek - seconds{1};
  for (std::uint32_t r = 0; r < view.route_count(); ++r) {
    if (auto error = stop.Poll()) return *error;
    const RouteId id{r};
    const Route& route = view.route(id);
    RouteInfo& info = table->routes_[r];
    info.origin = route.origin;
    info.destination = route.destination;
    info.block_minutes = route.block_minutes;
    info.payload_kg = route.payload_kg;
    info.usable = view.usable(id);
    if (!info.usable) continue;
    std::int32_t& known = zone_error[route.origin.value];
    if (known == kUnresolved) {
      const Airport& airport = network.airport(route.origin);
      auto found = TimeZone::Find(airport.time_zone, "airports[" + airport.iata + "].time_zone");
      if (found.ok()) {
        zones[route.origin.value] = *found;
        known = kKnown;
      } else {
        known = static_cast<std::int32_t>(table->zone_errors_.size());
        table->zone_errors_.push_back(found.error());
      }
    }
    if (known != kKnown) {
      info.zone_error = known;
      continue;
    }
    for (const DatedFlight& f :
         ExpandRoute(id, route, *zones[route.origin.value], week_start, last)) {
      table->flights_.push_back(
          {r, static_cast<std::int32_t>((f.departure - week_start).count()), f.date});
    }
  }
  // ExpandView's order: departure, arrival (= departure + block), route id.
  const std::vector<RouteInfo>& routes = table->routes_;
  table->flights_.shrink_to_fit();
  std::sort(table->flights_.begin(), table->flights_.end(),
            [&](const CompactFlight& a, const CompactFlight& b) {
              if (a.departure != b.departure) return a.departure < b.departure;
              const std::int64_t arrival_a =
                  a.departure + std::int64_t{routes[a.route].block_minutes} * 60;
              const std::int64_t arrival_b =
                  b.departure + std::int64_t{routes[b.route].block_minutes} * 60;
              if (arrival_a != arrival_b) return arrival_a < arrival_b;
              return a.route < b.route;
            });
  // Per-route positions, by a counting pass (ascending within each route).
  table->first_.assign(routes.size() + 1, 0);
  for (const CompactFlight& f : table->flights_) ++table->first_[f.route + 1];
  for (std::size_t r = 0; r < routes.size(); ++r) table->first_[r + 1] += table->first_[r];
  table->positions_.resize(table->flights_.size());
  std::vector<std::uint32_t> next(table->first_.begin(), table->first_.end() - 1);
  for (std::uint32_t p = 0; p < table->flights_.size(); ++p) {
    table->positions_[next[table->flights_[p].route]++] = p;
  }
  return std::shared_ptr<const Timetable>(std::move(table));
}

std::size_t Timetable::bytes() const {
  return sizeof(Timetable) + flights_.capacity() * sizeof(CompactFlight) +
         routes_.capacity() * sizeof(RouteInfo) + first_.capacity() * sizeof(std::uint32_t) +
         positions_.capacity() * sizeof(std::uint32_t);
}

DatedFlight Timetable::flight(std::size_t position) const {
  const CompactFlight& c = flights_[position];
  const RouteInfo& info = routes_[c.route];
  const sys_seconds departure = week_start_ + seconds{c.departure};
  return {RouteId{c.route},
          info.origin,
          info.destination,
          departure,
          departure + minutes{info.block_minutes},
          c.date,
          info.payload_kg};
}

Result<DatedTimetable> SelectFlights(const TimetableWeeks& weeks, sys_seconds from, sys_seconds to,
                                     const FlightFilter& filter, StopCheck& stop,
                                     sys_seconds copy_until, sys_seconds copy_after,
                                     WindowCount count) {
  if (weeks.empty() || weeks.front() == nullptr) {
    return MakeError(ErrorCode::kInternal, "timetable", "no week to select flights from");
  }
  for (std::size_t w = 1; w < weeks.size(); ++w) {
    if (weeks[w] == nullptr || weeks[w]->week_start() != weeks[w - 1]->week_end() ||
        weeks[w]->route_count() != weeks.front()->route_count()) {
      return MakeError(ErrorCode::kInternal, "timetable", "weeks are not consecutive");
    }
  }
  if (from <= to && (from < weeks.front()->week_start() || to >= weeks.back()->week_end())) {
    return MakeError(ErrorCode::kInternal, "timetable",
                     "the weeks do not cover " + FormatUtc(from) + " .. " + FormatUtc(to));
  }

  // Per week, the positions of the flights leaving in [from, to]: [lo, hi); of those leaving after
  // copy_after and up to copy_until, [copy_lo, copy_hi), which the filter selects (one bit each).
  struct Window {
    const Timetable* table = nullptr;
    std::uint32_t lo = 0;
    std::uint32_t hi = 0;
    std::uint32_t copy_lo = 0;
    std::uint32_t copy_hi = 0;
    std::vector<std::uint64_t> selected;
  };
  // Positions in [lo, hi) of the flights leaving up to `limit` (relative to the week).
  const auto up_to = [](const Timetable& week, std::uint32_t lo, std::uint32_t hi,
                        sys_seconds limit) {
    const std::int64_t last = std::clamp<std::int64_t>(
        (limit - week.week_start()).count(), -1, std::chrono::seconds{Timetable::kWeek}.count());
    return static_cast<std::uint32_t>(
        std::partition_point(week.flights_.begin() + lo, week.flights_.begin() + hi,
                             [&](const auto& f) { return f.departure <= last; }) -
        week.flights_.begin());
  };
  std::vector<Window> windows;
  for (const auto& week : weeks) {
    Window window;
    window.table = week.get();
    if (from <= to) {
      const auto& flights = week->flights_;
      const std::int64_t start = (from - week->week_start()).count();
      const std::int64_t end = (to - week->week_start()).count();
      window.lo = static_cast<std::uint32_t>(
          std::partition_point(flights.begin(), flights.end(),
                               [&](const auto& f) { return f.departure < start; }) -
          flights.begin());
      window.hi = static_cast<std::uint32_t>(
          std::partition_point(flights.begin(), flights.end(),
                               [&](const auto& f) { return f.departure <= end; }) -
          flights.begin());
      window.hi = std::max(window.hi, window.lo);
      window.copy_lo =
          copy_after < from ? window.lo : up_to(*week, window.lo, window.hi, copy_after);
      window.copy_hi =
          copy_until < to ? up_to(*week, window.copy_lo, window.hi, copy_until) : window.hi;
    }
    window.copy_lo = std::max(window.copy_lo, window.lo);
    window.copy_hi = std::max(window.copy_hi, window.copy_lo);
    window.selected.assign((window.copy_hi - window.copy_lo + 63) / 64, 0);
    windows.push_back(std::move(window));
  }

  DatedTimetable table;
  const Timetable& first = *weeks.front();
  std::size_t selected = 0;
  std::optional<Error> failure;
  const auto visit = [&](std::uint32_t r) {
    if (failure || r >= first.routes_.size()) return;
    // ExpandView's filters.
    const Timetable::RouteInfo& info = first.routes_[r];
    if (!info.usable) return;
    if (auto error = stop.Poll()) {
      failure = *error;
      return;
    }
    if (info.payload_kg < filter.min_payload_kg) {
      table.payload_too_small.push_back(RouteId{r});
      return;
    }
    if (info.zone_error >= 0) {
      failure = first.zone_errors_[static_cast<std::size_t>(info.zone_error)];
      return;
    }
    for (Window& window : windows) {
      const Timetable& week = *window.table;
      const auto begin = week.positions_.begin() + week.first_[r];
      const auto end = week.positions_.begin() + week.first_[r + 1];
      if (window.copy_hi == window.copy_lo) {
        // Nothing to copy: a whole week is counted without a search.
        if (count == WindowCount::kSkip) continue;
        if (window.lo == 0 && window.hi == week.flights_.size()) {
          table.window_flights += static_cast<std::size_t>(end - begin);
          continue;
        }
      }
      // A window that starts with the week or ends with it needs no search at that end.
      const std::uint32_t start = count == WindowCount::kCount ? window.lo : window.copy_lo;
      const auto in_window = start == 0 ? begin : std::lower_bound(begin, end, start);
      auto p = window.copy_lo == window.lo || count == WindowCount::kSkip
                   ? in_window
                   : std::lower_bound(in_window, end, window.copy_lo);
      for (; p != end && *p < window.copy_hi; ++p) {
        const std::uint32_t bit = *p - window.copy_lo;
        window.selected[bit / 64] |= std::uint64_t{1} << (bit % 64);
        ++selected;
      }
      // The whole window is counted, copied or not (unless the caller skips the count).
      if (count == WindowCount::kCount) {
        const auto past =
            window.hi == week.flights_.size() ? end : std::lower_bound(p, end, window.hi);
        table.window_flights += static_cast<std::size_t>(past - in_window);
      }
    }
  };
  if (filter.only_routes != nullptr) {
    filter.only_routes->ForEach([&](RouteId id) { visit(id.value); });
  } else {
    for (std::uint32_t r = 0; r < first.routes_.size(); ++r) visit(r);
  }
  if (failure) return *failure;
  table.flights.reserve(selected);
  for (const Window& window : windows) {
    for (std::size_t word = 0; word < window.selected.size(); ++word) {
      for (std::uint64_t bits = window.selected[word]; bits != 0; bits &= bits - 1) {
        const std::size_t position =
            window.copy_lo + word * 64 + static_cast<std::size_t>(std::countr_zero(bits));
        table.flights.push_back(window.table->flight(position));
      }
    }
  }
  return table;
}

}  // namespace aircargo::routes
