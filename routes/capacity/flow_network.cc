#include "routes/capacity/flow_network.h"

#include <algorithm>
#include <string>

namespace aircargo::routes {

Result<FlowNetwork> FlowNetwork::Build(const ScenarioView& view, AirportId origin,
                                       std::span<const AirportId> destinations) {
  const Network& network = view.network();
  const auto airport_count = static_cast<std::uint32_t>(network.airports().size());
  if (origin.value >= airport_count) return NotFound("origin", "airport index out of range");
  if (destinations.empty())
    return InvalidArgument("destinations", "must name at least one airport");
  std::vector<bool> is_destination(airport_count, false);
  std::vector<AirportId> targets;
  for (std::size_t i = 0; i < destinations.size(); ++i) {
    const AirportId d = destinations[i];
    if (d.value >= airport_count) {
      return NotFound("destinations[" + std::to_string(i) + "]", "airport index out of range");
    }
    if (d == origin) {
      return InvalidArgument("destinations[" + std::to_string(i) + "]",
                             "must differ from the origin " + network.airport(origin).iata);
    }
    if (!is_destination[d.value]) targets.push_back(d);
    is_destination[d.value] = true;
  }
  return Assemble(view, origin, targets, true);
}

Result<FlowNetwork> FlowNetwork::BuildForOrigin(const ScenarioView& view, AirportId origin) {
  if (origin.value >= view.network().airports().size()) {
    return NotFound("origin", "airport index out of range");
  }
  return Assemble(view, origin, {}, false);
}

FlowNetwork FlowNetwork::Assemble(const ScenarioView& view, AirportId origin,
                                  const std::vector<AirportId>& targets, bool with_sink) {
  const Network& network = view.network();
  const auto airport_count = static_cast<std::uint32_t>(network.airports().size());
  FlowNetwork f;
  f.in_node_.resize(airport_count);
  f.out_node_.resize(airport_count);
  std::uint32_t nodes = airport_count;
  for (std::uint32_t a = 0; a < airport_count; ++a) {
    f.in_node_[a] = a;
    f.out_node_[a] = network.airports()[a].throughput_kg_per_week > 0 ? nodes++ : a;
  }
  f.source_ = f.in_node_[origin.value];
  // Without a sink yet: a node number no arc has, so no route is left out as leaving the sink.
  constexpr std::uint32_t kNoSink = 0xffffffffu;
  f.sink_ = !with_sink            ? kNoSink
            : targets.size() == 1 ? f.out_node_[targets.front().value]
                                  : nodes++;

  // Upper bound on the pairs: every route, every throughput limit, every sink link.
  const std::size_t max_pairs = view.route_count() + airport_count + targets.size();
  f.head_.reserve(2 * max_pairs);
  f.residual_.reserve(2 * max_pairs);
  f.capacity_.reserve(max_pairs);
  f.cost_.reserve(max_pairs);
  f.labels_.reserve(max_pairs);
  std::vector<std::uint32_t> tails;
  tails.reserve(2 * max_pairs);
  const auto add_pair = [&](std::uint32_t tail, std::uint32_t head, std::int64_t capacity,
                            std::int64_t cost, ArcLabel label) {
    f.head_.push_back(head);
    f.head_.push_back(tail);
    f.residual_.push_back(capacity);
    f.residual_.push_back(0);
    f.capacity_.push_back(capacity);
    f.cost_.push_back(cost);
    f.labels_.push_back(label);
    tails.push_back(tail);
    tails.push_back(head);
  };
  for (std::uint32_t a = 0; a < airport_count; ++a) {
    if (f.in_node_[a] != f.out_node_[a]) {
      add_pair(f.in_node_[a], f.out_node_[a], network.airports()[a].throughput_kg_per_week, 0,
               {ArcKind::kThroughput, a});
    }
  }
  f.route_pair_.assign(view.route_count(), -1);
  for (std::uint32_t r = 0; r < view.route_count(); ++r) {
    const RouteId id(r);
    if (!view.usable(id)) continue;
    const Route& route = view.route(id);
    const std::uint32_t tail = f.out_node_[route.origin.value];
    const std::uint32_t head = f.in_node_[route.destination.value];
    if (head == f.source_ || tail == f.sink_ || tail == head) continue;
    f.route_pair_[r] = static_cast<std::int64_t>(f.labels_.size());
    add_pair(tail, head, view.weekly_capacity_kg(id), route.cost_per_kg_micros,
             {ArcKind::kRoute, r});
  }
  if (targets.size() > 1) {
    for (AirportId d : targets) {
      add_pair(f.out_node_[d.value], f.sink_, kUnlimitedKg, 0, {ArcKind::kSinkLink, d.value});
    }
  }

  if (!with_sink) f.sink_ = f.source_;  // until SetSink

  // Group arcs by tail (CSR).
  f.first_.assign(nodes + 1, 0);
  for (std::uint32_t tail : tails) ++f.first_[tail + 1];
  for (std::uint32_t v = 0; v < nodes; ++v) f.first_[v + 1] += f.first_[v];
  f.adjacency_.resize(tails.size());
  std::vector<std::uint32_t> next(f.first_.begin(), f.first_.end() - 1);
  for (std::uint32_t arc = 0; arc < tails.size(); ++arc) f.adjacency_[next[tails[arc]]++] = arc;
  return f;
}

FlowNetwork FlowNetwork::FromArcs(std::uint32_t node_count, std::uint32_t source,
                                  std::uint32_t sink, std::span<const FlowArcSpec> arcs) {
  FlowNetwork f;
  f.source_ = source;
  f.sink_ = sink;
  f.head_.reserve(2 * arcs.size());
  f.residual_.reserve(2 * arcs.size());
  f.capacity_.reserve(arcs.size());
  f.cost_.reserve(arcs.size());
  f.labels_.reserve(arcs.size());
  f.first_.assign(node_count + 1, 0);
  for (const FlowArcSpec& a : arcs) {
    f.head_.push_back(a.head);
    f.head_.push_back(a.tail);
    f.residual_.push_back(a.capacity);
    f.residual_.push_back(0);
    f.capacity_.push_back(a.capacity);
    f.cost_.push_back(a.cost);
    f.labels_.push_back(a.label);
    ++f.first_[a.tail + 1];
    ++f.first_[a.head + 1];
  }
  for (std::uint32_t v = 0; v < node_count; ++v) f.first_[v + 1] += f.first_[v];
  f.adjacency_.resize(f.head_.size());
  std::vector<std::uint32_t> next(f.first_.begin(), f.first_.end() - 1);
  for (std::uint32_t arc = 0; arc < f.head_.size(); ++arc) {
    f.adjacency_[next[f.head_[arc ^ 1U]]++] = arc;  // grouped by tail = head of the reverse arc
  }
  return f;
}

std::int64_t FlowNetwork::RoutePair(RouteId route) const {
  return route.value < route_pair_.size() ? route_pair_[route.value] : -1;
}

std::int64_t FlowNetwork::ThroughputPair(AirportId airport) const {
  if (airport.value >= in_node_.size() || in_node_[airport.value] == out_node_[airport.value]) {
    return -1;
  }
  // Throughput pairs come first, in airport order.
  const auto it = std::lower_bound(labels_.begin(), labels_.end(), airport.value,
                                   [](const ArcLabel& l, std::uint32_t a) {
                                     return l.kind == ArcKind::kThroughput && l.id < a;
                                   });
  return static_cast<std::int64_t>(it - labels_.begin());
}

void FlowNetwork::ResetFlow() {
  for (std::uint32_t k = 0; k < capacity_.size(); ++k) {
    residual_[2 * k] = capacity_[k];
    residual_[2 * k + 1] = 0;
  }
}

void FlowNetwork::SetCapacity(std::uint32_t pair, std::int64_t capacity) {
  capacity_[pair] = capacity;
  residual_[2 * pair] = capacity;
  residual_[2 * pair + 1] = 0;
}

}  // namespace aircargo::routes
