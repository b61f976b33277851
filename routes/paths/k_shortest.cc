#include "routes/paths/k_shortest.h"

#include <algorithm>
#include <cstddef>
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

}  // namespace

Result<std::vector<std::vector<RouteId>>> KShortestPaths(PathSearch& search, int k,
                                                         StopCheck& stop) {
  std::vector<std::vector<RouteId>> found;
  const PathQuery& query = search.query();
  search.ClearBlocks();
  auto first = search.Shortest(query.origin, 0, 0);
  if (!first.ok()) return first.error();
  if (!first->has_value()) return found;

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
  seen.insert(Key(**first));
  accept(std::move(**first), 0);

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
  return found;
}

}  // namespace aircargo::routes
