#include "routes/paths/pareto.h"

#include <algorithm>
#include <cstdint>
#include <queue>
#include <tuple>

#include "routes/paths/path.h"

namespace aircargo::routes {
namespace {

constexpr std::uint32_t kNoLabel = 0xffffffffu;

struct Label {
  std::int64_t minutes;
  std::int64_t cost;
  int legs;
  std::uint32_t airport;
  int via;
  std::uint32_t parent;
  std::uint32_t route;
};

bool Dominates(const Label& a, const Label& b) {
  return a.minutes <= b.minutes && a.cost <= b.cost && a.legs <= b.legs;
}

}  // namespace

Result<std::vector<std::vector<RouteId>>> ParetoPaths(PathSearch& search, std::size_t max_paths,
                                                      StopCheck& stop) {
  const ScenarioView& view = search.view();
  const PathQuery& query = search.query();
  const Network& network = view.network();
  search.ClearBlocks();

  std::vector<Label> labels;
  // Final labels per (airport, via layer).
  std::vector<std::vector<std::uint32_t>> final_labels(
      network.airports().size() * static_cast<std::size_t>(search.via_layers()));
  auto slot = [&](std::uint32_t airport, int via) {
    return static_cast<std::size_t>(airport) * static_cast<std::size_t>(search.via_layers()) +
           static_cast<std::size_t>(via);
  };
  auto dominated = [&](const Label& label) {
    for (std::uint32_t other : final_labels[slot(label.airport, label.via)]) {
      if (Dominates(labels[other], label)) return true;
    }
    return false;
  };
  using Key = std::tuple<std::int64_t, std::int64_t, int, std::uint32_t>;
  std::priority_queue<Key, std::vector<Key>, std::greater<>> heap;

  labels.push_back({network.airport(query.origin).export_clearance_minutes, 0, 0,
                    query.origin.value, 0, kNoLabel, 0});
  heap.emplace(labels[0].minutes, 0, 0, 0);

  std::vector<std::vector<RouteId>> paths;
  while (!heap.empty() && paths.size() < max_paths) {
    if (auto error = stop.Poll()) return *error;
    const std::uint32_t index = std::get<3>(heap.top());
    heap.pop();
    const Label label = labels[index];
    if (dominated(label)) continue;
    final_labels[slot(label.airport, label.via)].push_back(index);
    if (label.airport == query.destination.value) {
      std::vector<RouteId> routes;
      for (std::uint32_t i = index; labels[i].parent != kNoLabel; i = labels[i].parent) {
        routes.push_back(RouteId(labels[i].route));
      }
      std::reverse(routes.begin(), routes.end());
      paths.push_back(std::move(routes));
      continue;
    }
    Result<bool> failure = true;
    search.ForEachNext(
        AirportId(label.airport), label.via, label.legs,
        [&](RouteId id, std::uint32_t next, int next_via) {
          if (!failure.ok()) return;
          for (std::uint32_t i = index; i != kNoLabel; i = labels[i].parent) {
            if (labels[i].airport == next) return;  // loop
          }
          const Route& route = view.route(id);
          Label child = label;
          child.minutes += route.block_minutes + ExpectedWaitMinutes(route);
          if (label.airport != query.origin.value) {
            child.minutes += network.airport(route.origin).min_connection_minutes;
          }
          if (next == query.destination.value) {
            child.minutes += network.airport(query.destination).import_clearance_minutes;
          }
          child.cost += route.cost_per_kg_micros;
          child.legs += 1;
          child.airport = next;
          child.via = next_via;
          child.parent = index;
          child.route = id.value;
          if (dominated(child)) return;
          if (labels.size() >= kMaxParetoLabels) {
            failure = MakeError(ErrorCode::kResourceExhausted, "pareto",
                                "the Pareto search grew beyond its label budget; add constraints");
            return;
          }
          labels.push_back(child);
          heap.emplace(child.minutes, child.cost, child.legs,
                       static_cast<std::uint32_t>(labels.size() - 1));
        });
    if (!failure.ok()) return failure.error();
  }
  return paths;
}

}  // namespace aircargo::routes
