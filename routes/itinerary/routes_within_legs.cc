#include "routes/itinerary/routes_within_legs.h"

#include <algorithm>
#include <cstdint>
#include <limits>
#include <vector>

#include "routes/graph.h"

namespace aircargo::routes {
namespace {

constexpr int kFar = std::numeric_limits<int>::max();

// Which way a hop count runs: from the origin along routes (kForward), or to the destination
// against them (kBackward).
enum class Direction { kForward, kBackward };

class Hops {
 public:
  Hops(const ScenarioView& view, Direction direction)
      : view_(view), g_(view.network().graph()), forward_(direction == Direction::kForward) {}

  // Calls f(route, next airport) for every usable route leaving `a` in this direction (out of `a`
  // forward, into `a` backward), network routes first, then the scenario's extra routes.
  template <typename F>
  void ForEachStep(std::uint32_t a, F&& f) const {
    if (forward_) {
      for (auto [it, end] = boost::out_edges(a, g_); it != end; ++it) {
        const RouteId id = g_[*it].route;
        if (view_.usable(id)) f(id, static_cast<std::uint32_t>(boost::target(*it, g_)));
      }
      for (RouteId id : view_.extra_out_routes(AirportId{a})) {
        if (view_.usable(id)) f(id, view_.route(id).destination.value);
      }
    } else {
      for (auto [it, end] = boost::in_edges(a, g_); it != end; ++it) {
        const RouteId id = g_[*it].route;
        if (view_.usable(id)) f(id, static_cast<std::uint32_t>(boost::source(*it, g_)));
      }
      for (RouteId id : view_.extra_in_routes(AirportId{a})) {
        if (view_.usable(id)) f(id, view_.route(id).origin.value);
      }
    }
  }

  // The edges ForEachStep reads at `a`, usable or not (the work of walking them).
  std::uint64_t Degree(std::uint32_t a) const {
    return forward_ ? boost::out_degree(a, g_) + view_.extra_out_routes(AirportId{a}).size()
                    : boost::in_degree(a, g_) + view_.extra_in_routes(AirportId{a}).size();
  }

  // Hop counts from `start` that are at most `depth` (levels 0 .. depth - 1 expanded); kFar for
  // the airports farther away.
  std::vector<int> Bfs(AirportId start, int depth) const {
    std::vector<int> dist(view_.network().airports().size(), kFar);
    std::vector<std::uint32_t> frontier{start.value};
    std::vector<std::uint32_t> next;
    dist[start.value] = 0;
    for (int level = 0; level < depth && !frontier.empty(); ++level) {
      next.clear();
      for (std::uint32_t a : frontier) {
        ForEachStep(a, [&](RouteId, std::uint32_t b) {
          if (dist[b] == kFar) {
            dist[b] = level + 1;
            next.push_back(b);
          }
        });
      }
      std::swap(frontier, next);
    }
    return dist;
  }

  // True when some usable step from `a` reaches an airport at most `depth` away by `dist`.
  bool StepsWithin(std::uint32_t a, const std::vector<int>& dist, int depth) const {
    bool found = false;
    ForEachStep(a, [&](RouteId, std::uint32_t b) { found = found || dist[b] <= depth; });
    return found;
  }

 private:
  const ScenarioView& view_;
  const Graph& g_;
  const bool forward_;
};

}  // namespace

// With M = max_legs - 1, a kept route a -> b has before(a) + after(b) <= M (before: hops from the
// origin, after: hops to the destination). Both counts are computed exactly up to D = M - 1 only
// (the last level, the widest, is not expanded). For any t in [0, D], a kept route has before(a)
// <= t, or else after(b) <= M - 1 - t: so it is found among the out-edges of the airports at most
// t hops after the origin, or among the in-edges of those at most M - 1 - t hops before the
// destination, and the walk takes the t that reads the fewest edges. The count on the other end
// may be beyond D only when it is exactly M = D + 1 and the known end is the origin (before = 0)
// or the destination (after = 0): then one look at that airport's edges for a neighbour at most D
// away decides it.
RouteSet RoutesWithinLegs(const ScenarioView& view, AirportId origin, AirportId destination,
                          int max_legs) {
  RouteSet keep(view.route_count());
  if (max_legs < 1) return keep;
  const int most = max_legs - 1;            // M
  const int known = std::max(most - 1, 0);  // D
  const Hops forward(view, Direction::kForward);
  const Hops backward(view, Direction::kBackward);
  const std::vector<int> before = forward.Bfs(origin, known);
  const std::vector<int> after = backward.Bfs(destination, known);
  const std::size_t n = before.size();

  // Whether before(a) + after(b) <= M, one of the two known (<= D). The one look per airport
  // beyond D is remembered (-1: not looked at yet): the origin and destination have parallel
  // routes.
  std::vector<std::int8_t> after_next(n, -1);
  std::vector<std::int8_t> before_next(n, -1);
  const auto within = [&](std::uint32_t a, std::uint32_t b) {
    if (before[a] != kFar && after[b] != kFar) return before[a] + after[b] <= most;
    // after(b) <= D + 1: a route out of b to an airport at most D before the destination;
    // before(a) <= D + 1: a route into a from an airport at most D after the origin.
    if (before[a] == 0 && known < most) {
      if (after_next[b] < 0) after_next[b] = forward.StepsWithin(b, after, known) ? 1 : 0;
      return after_next[b] == 1;
    }
    if (after[b] == 0 && known < most) {
      if (before_next[a] < 0) before_next[a] = backward.StepsWithin(a, before, known) ? 1 : 0;
      return before_next[a] == 1;
    }
    return false;
  };
  const auto consider = [&](RouteId id, std::uint32_t a, std::uint32_t b) {
    if (b == origin.value || a == destination.value) return;
    if (within(a, b)) keep.Insert(id);
  };

  std::vector<std::uint64_t> out_work(static_cast<std::size_t>(known) + 1, 0);
  std::vector<std::uint64_t> in_work(static_cast<std::size_t>(known) + 1, 0);
  for (std::uint32_t a = 0; a < n; ++a) {
    if (before[a] <= known) out_work[static_cast<std::size_t>(before[a])] += forward.Degree(a);
    if (after[a] <= known) in_work[static_cast<std::size_t>(after[a])] += backward.Degree(a);
  }
  int best_t = 0;
  std::uint64_t best_work = std::numeric_limits<std::uint64_t>::max();
  for (int t = 0; t <= known; ++t) {
    std::uint64_t work = 0;
    for (int i = 0; i <= t; ++i) work += out_work[static_cast<std::size_t>(i)];
    for (int j = 0; j <= most - 1 - t; ++j) work += in_work[static_cast<std::size_t>(j)];
    if (work < best_work) {
      best_work = work;
      best_t = t;
    }
  }
  for (std::uint32_t a = 0; a < n; ++a) {
    if (before[a] <= best_t) {
      forward.ForEachStep(a, [&](RouteId id, std::uint32_t b) { consider(id, a, b); });
    }
    if (after[a] <= most - 1 - best_t) {
      backward.ForEachStep(a, [&](RouteId id, std::uint32_t from) { consider(id, from, a); });
    }
  }
  return keep;
}

}  // namespace aircargo::routes
