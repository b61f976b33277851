#include "routes/capacity/closures.h"

#include <algorithm>
#include <tuple>

#include "routes/capacity/flow_network.h"
#include "routes/capacity/flow_paths.h"

namespace aircargo::routes {
namespace {

// The maximum flow of `base` with `closed` pairs at capacity 0, warm-started: the base flow's
// paths that avoid every closed pair stay (a feasible flow), then Dinic augments from there.
// `work` is a copy of `base` reused across calls (no per-closure copy of the arc arrays); the
// closed pairs get their capacities back before returning.
Result<std::int64_t> FlowWithout(const FlowNetwork& base, FlowNetwork& work,
                                 const std::vector<FlowPath>& paths,
                                 const std::vector<std::uint32_t>& closed, StopCheck& stop) {
  std::vector<bool> is_closed(base.pair_count(), false);
  for (std::uint32_t pair : closed) is_closed[pair] = true;
  std::vector<std::int64_t> flow(base.pair_count(), 0);
  std::int64_t kept = 0;
  for (const FlowPath& path : paths) {
    if (std::any_of(path.pairs.begin(), path.pairs.end(),
                    [&](std::uint32_t pair) { return is_closed[pair]; })) {
      continue;
    }
    for (std::uint32_t pair : path.pairs) flow[pair] += path.kg;
    kept += path.kg;
  }
  for (std::uint32_t pair : closed) work.SetCapacity(pair, 0);
  for (std::uint32_t pair = 0; pair < work.pair_count(); ++pair) work.SetFlow(pair, flow[pair]);
  auto more = AugmentMaxFlow(work, stop);
  for (std::uint32_t pair : closed) work.SetCapacity(pair, base.capacity(pair));
  if (!more.ok()) return more.error();
  return kept + *more;
}

}  // namespace

Result<ClosureAnalysis> AnalyzeClosures(const ScenarioView& view, const CapacityQuery& query,
                                        StopCheck& stop) {
  auto built = FlowNetwork::Build(view, query.origin, query.destinations);
  if (!built.ok()) return built.error();
  FlowNetwork& network = built.value();
  auto base = AugmentMaxFlow(network, stop);
  if (!base.ok()) return base.error();
  auto paths = DecomposeFlow(network, stop);
  if (!paths.ok()) return paths.error();

  ClosureAnalysis analysis;
  analysis.base_kg_per_week = *base;
  FlowNetwork work = network;  // the scratch copy every re-solve starts from
  const Network& n = view.network();
  std::vector<bool> endpoint(n.airports().size(), false);
  endpoint[query.origin.value] = true;
  for (AirportId d : query.destinations) endpoint[d.value] = true;

  // Pairs incident to each airport that could be closed, and whether flow passes through it.
  std::vector<std::vector<std::uint32_t>> airport_pairs(n.airports().size());
  std::vector<bool> airport_has_flow(n.airports().size(), false);
  std::int64_t usable_routes = 0;
  for (std::uint32_t pair = 0; pair < network.pair_count(); ++pair) {
    const ArcLabel& label = network.label(pair);
    if (label.kind == ArcKind::kSinkLink) continue;
    if (label.kind == ArcKind::kThroughput) {
      airport_pairs[label.id].push_back(pair);
      if (network.flow(pair) > 0) airport_has_flow[label.id] = true;
      continue;
    }
    ++usable_routes;
    const Route& route = view.route(RouteId(label.id));
    airport_pairs[route.origin.value].push_back(pair);
    airport_pairs[route.destination.value].push_back(pair);
    if (network.flow(pair) > 0) airport_has_flow[route.destination.value] = true;
  }

  const auto add = [&](Closure closure, std::int64_t remaining) {
    closure.remaining_kg_per_week = remaining;
    closure.lost_kg_per_week = *base - remaining;
    closure.disconnects = *base > 0 && remaining == 0;
    analysis.closures.push_back(closure);
  };
  for (std::uint32_t pair = 0; pair < network.pair_count(); ++pair) {
    const ArcLabel& label = network.label(pair);
    if (label.kind != ArcKind::kRoute || network.flow(pair) <= 0) continue;
    auto remaining = FlowWithout(network, work, *paths, {pair}, stop);
    if (!remaining.ok()) return remaining.error();
    Closure c;
    c.kind = Closure::Kind::kRoute;
    c.route = RouteId(label.id);
    add(c, *remaining);
  }
  analysis.routes_without_flow =
      usable_routes - static_cast<std::int64_t>(analysis.closures.size());
  std::int64_t open_airports = 0;
  for (std::uint32_t a = 0; a < n.airports().size(); ++a) {
    if (endpoint[a] || !view.airport_open(AirportId(a))) continue;
    ++open_airports;
    if (!airport_has_flow[a]) continue;
    auto remaining = FlowWithout(network, work, *paths, airport_pairs[a], stop);
    if (!remaining.ok()) return remaining.error();
    Closure c;
    c.kind = Closure::Kind::kAirport;
    c.airport = AirportId(a);
    add(c, *remaining);
  }
  const auto airport_closures =
      std::count_if(analysis.closures.begin(), analysis.closures.end(),
                    [](const Closure& c) { return c.kind == Closure::Kind::kAirport; });
  analysis.airports_without_flow = open_airports - airport_closures;

  std::stable_sort(
      analysis.closures.begin(), analysis.closures.end(), [](const Closure& a, const Closure& b) {
        const auto key = [](const Closure& c) {
          return std::make_tuple(-c.lost_kg_per_week, static_cast<int>(c.kind),
                                 c.kind == Closure::Kind::kRoute ? c.route.value : c.airport.value);
        };
        return key(a) < key(b);
      });
  return analysis;
}

}  // namespace aircargo::routes
