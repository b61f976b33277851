#include "routes/paths/k_shortest.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <limits>
#include <set>
#include <utility>

namespace aircargo::routes {
namespace {

struct Candidate {
  double weight;
  double tie;
  std::vector<RouteId> routes;
  std::size_t deviation;  // index of the first leg that differs from its parent
};

// Orders a min-heap of candidates: weight, tie, then route ids.
struct CandidateGreater {
  bool operator()(const Candidate& a, const Candidate& b) const {
    if (a.weight != b.weight) return a.weight > b.weight;
    if (a.tie != b.tie) return a.tie > b.tie;
    return b.routes < a.routes;
  }
};

std::vector<std::uint32_t> Key(const std::vector<RouteId>& routes) {
  std::vector<std::uint32_t> key;
  key.reserve(routes.size());
  for (RouteId id : routes) key.push_back(id.value);
  return key;
}

// The reverse search for exact bounds settles airports up to this many times the best path's
// weight from the destination (measured: 1.0 beats 1.05, 1.2 and 1.5 on the world network; farther
// airports keep the radius or the geometric bound, whichever is larger).
constexpr double kExactRadius = 1.0;

// The most a spur path after `root` may weigh and still be one of the `missing` paths still to
// find: once `missing` candidates wait, a heavier path would come after all of them. Without via
// airports only (with them, accepted walks may have loops and not count towards k). Slightly
// loosened so rounding never prunes a path that ties.
double SpurLimit(const PathSearch& search, const std::vector<Candidate>& candidates, int missing,
                 std::span<const RouteId> root) {
  constexpr double kNoLimit = std::numeric_limits<double>::infinity();
  if (search.via_count() > 0 || missing <= 0 ||
      candidates.size() < static_cast<std::size_t>(missing)) {
    return kNoLimit;
  }
  // The missing-th lightest candidate weight (candidates is a heap, so scan: k <= 50).
  std::array<double, kMaxPathsK> lightest;
  std::size_t count = 0;
  for (const Candidate& c : candidates) {
    if (count < static_cast<std::size_t>(missing)) {
      lightest[count++] = c.weight;
      std::push_heap(lightest.begin(), lightest.begin() + static_cast<long>(count));
    } else if (c.weight < lightest[0]) {
      std::pop_heap(lightest.begin(), lightest.begin() + static_cast<long>(count));
      lightest[count - 1] = c.weight;
      std::push_heap(lightest.begin(), lightest.begin() + static_cast<long>(count));
    }
  }
  const double limit = lightest[0] - search.PathWeight(root);
  return limit + 1e-9 * std::max(1.0, std::abs(lightest[0]));
}

}  // namespace

Result<std::vector<std::vector<RouteId>>> KShortestPaths(PathSearch& search, int k,
                                                         StopCheck& stop) {
  std::vector<std::vector<RouteId>> found;
  const PathQuery& query = search.query();
  search.ClearBlocks();
  auto first = search.Shortest(query.origin, 0, 0);
  if (!first.ok()) return first.error();
  if (!first->has_value()) return found;
  // value() gives a mutable reference (Result's operator* is const), so the moves below move.
  std::vector<RouteId>& shortest = *first.value();
  if (k == 1 && search.Loopless(shortest)) {
    found.push_back(std::move(shortest));
    return found;
  }
  // Many spur searches follow: exact remaining weights let each of them walk straight on. (After
  // the first search, so that the best path is the very one a k = 1 query returns, ties included.)
  auto exact = search.UseExactBounds(kExactRadius * search.PathWeight(shortest));
  if (!exact.ok()) return exact.error();

  // accepted: every path taken from the candidates, loopless or not (walks that pass an airport
  // twice through via layers still seed deviations); found: the loopless ones.
  std::vector<std::vector<RouteId>> accepted;
  std::vector<std::size_t> deviations;
  std::set<std::vector<std::uint32_t>> seen;
  std::vector<Candidate> candidates;

  auto accept = [&](std::vector<RouteId> routes, std::size_t deviation) {
    if (search.Loopless(routes)) found.push_back(routes);
    accepted.push_back(std::move(routes));
    deviations.push_back(deviation);
  };
  seen.insert(Key(shortest));
  accept(std::move(shortest), 0);

  std::vector<AirportId> airports;
  while (static_cast<int>(found.size()) < k) {
    const std::vector<RouteId> previous = accepted.back();
    airports.assign(1, query.origin);
    for (RouteId id : previous) airports.push_back(search.view().route(id).destination);

    for (std::size_t i = deviations.back(); i < previous.size(); ++i) {
      if (auto error = stop.Check()) return *error;
      search.ClearBlocks();
      for (std::size_t j = 0; j < i; ++j) search.BlockAirport(airports[j]);
      for (const std::vector<RouteId>& path : accepted) {
        if (path.size() > i &&
            std::equal(path.begin(), path.begin() + static_cast<long>(i), previous.begin())) {
          search.BlockRoute(path[i]);
        }
      }
      const std::span<const RouteId> root(previous.data(), i);
      search.SetLimit(SpurLimit(search, candidates, k - static_cast<int>(found.size()), root));
      auto spur = search.Shortest(airports[i], search.ViaPassed(root), static_cast<int>(i));
      if (!spur.ok()) return spur.error();
      if (!spur->has_value()) continue;
      std::vector<RouteId> routes(root.begin(), root.end());
      routes.insert(routes.end(), (*spur)->begin(), (*spur)->end());
      if (!seen.insert(Key(routes)).second) continue;
      Candidate candidate{search.PathWeight(routes), search.PathTie(routes), std::move(routes), i};
      candidates.push_back(std::move(candidate));
      std::push_heap(candidates.begin(), candidates.end(), CandidateGreater{});
    }
    if (candidates.empty()) break;
    std::pop_heap(candidates.begin(), candidates.end(), CandidateGreater{});
    Candidate best = std::move(candidates.back());
    candidates.pop_back();
    accept(std::move(best.routes), best.deviation);
  }
  search.SetLimit(std::numeric_limits<double>::infinity());
  return found;
}

}  // namespace aircargo::routes
