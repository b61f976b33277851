#include "routes/capacity/flow_network.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>
#include <utility>

#include "routes/geo.h"

namespace aircargo::routes {

std::optional<Error> FlowNetwork::CheckEndpoints(const Network& network, AirportId origin,
                                                 std::span<const AirportId> destinations) {
  const auto airport_count = static_cast<std::uint32_t>(network.airports().size());
  if (origin.value >= airport_count) return NotFound("origin", "airport index out of range");
  if (destinations.empty())
    return InvalidArgument("destinations", "must name at least one airport");
  for (std::size_t i = 0; i < destinations.size(); ++i) {
    const AirportId d = destinations[i];
    if (d.value >= airport_count) {
      return NotFound("destinations[" + std::to_string(i) + "]", "airport index out of range");
    }
    if (d == origin) {
      return InvalidArgument("destinations[" + std::to_string(i) + "]",
                             "must differ from the origin " + network.airport(origin).iata);
    }
  }
  return std::nullopt;
}

Result<FlowNetwork> FlowNetwork::Build(const ScenarioView& view, AirportId origin,
                                       std::span<const AirportId> destinations) {
  const Network& network = view.network();
  if (auto error = CheckEndpoints(network, origin, destinations)) return *error;
  std::vector<bool> is_destination(network.airports().size(), false);
  std::vector<AirportId> targets;
  for (AirportId d : destinations) {
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
  auto layout = std::make_shared<Layout>();
  Layout& l = *layout;
  FlowNetwork f;
  l.in_node.resize(airport_count);
  l.out_node.resize(airport_count);
  std::uint32_t nodes = airport_count;
  for (std::uint32_t a = 0; a < airport_count; ++a) {
    l.in_node[a] = a;
    l.out_node[a] = network.airports()[a].throughput_kg_per_week > 0 ? nodes++ : a;
  }
  f.source_ = l.in_node[origin.value];
  // Without a sink yet: a node number no arc has, so no route is left out as leaving the sink.
  constexpr std::uint32_t kNoSink = 0xffffffffu;
  f.sink_ = !with_sink            ? kNoSink
            : targets.size() == 1 ? l.out_node[targets.front().value]
                                  : nodes++;

  // Upper bound on the pairs: every route, every throughput limit, every sink link.
  const std::size_t max_pairs = view.route_count() + airport_count + targets.size();
  l.head.reserve(2 * max_pairs);
  f.residual_.reserve(2 * max_pairs);
  f.capacity_.reserve(max_pairs);
  l.cost.reserve(max_pairs);
  l.labels.reserve(max_pairs);
  std::vector<std::uint32_t> tails;
  tails.reserve(2 * max_pairs);
  const auto add_pair = [&](std::uint32_t tail, std::uint32_t head, std::int64_t capacity,
                            std::int64_t cost, ArcLabel label) {
    l.head.push_back(head);
    l.head.push_back(tail);
    f.residual_.push_back(capacity);
    f.residual_.push_back(0);
    f.capacity_.push_back(capacity);
    l.cost.push_back(cost);
    l.labels.push_back(label);
    tails.push_back(tail);
    tails.push_back(head);
  };
  for (std::uint32_t a = 0; a < airport_count; ++a) {
    if (l.in_node[a] != l.out_node[a]) {
      add_pair(l.in_node[a], l.out_node[a], network.airports()[a].throughput_kg_per_week, 0,
               {ArcKind::kThroughput, a});
    }
  }
  l.route_pair.assign(view.route_count(), -1);
  for (std::uint32_t r = 0; r < view.route_count(); ++r) {
    const RouteId id(r);
    if (!view.usable(id)) continue;
    const Route& route = view.route(id);
    const std::uint32_t tail = l.out_node[route.origin.value];
    const std::uint32_t head = l.in_node[route.destination.value];
    if (head == f.source_ || tail == f.sink_ || tail == head) continue;
    l.route_pair[r] = static_cast<std::int64_t>(l.labels.size());
    add_pair(tail, head, view.weekly_capacity_kg(id), route.cost_per_kg_micros,
             {ArcKind::kRoute, r});
  }
  if (targets.size() > 1) {
    for (AirportId d : targets) {
      add_pair(l.out_node[d.value], f.sink_, kUnlimitedKg, 0, {ArcKind::kSinkLink, d.value});
    }
  }

  if (!with_sink) f.sink_ = f.source_;  // until SetSink

  // Group arcs by tail (CSR).
  l.first.assign(nodes + 1, 0);
  for (std::uint32_t tail : tails) ++l.first[tail + 1];
  for (std::uint32_t v = 0; v < nodes; ++v) l.first[v + 1] += l.first[v];
  l.adjacency.resize(tails.size());
  std::vector<std::uint32_t> next(l.first.begin(), l.first.end() - 1);
  for (std::uint32_t arc = 0; arc < tails.size(); ++arc) l.adjacency[next[tails[arc]]++] = arc;
  LayOutForwardArcs(l, nodes);
  SetCostBound(network, l, nodes);
  f.owned_ = std::move(layout);
  f.Point(*f.owned_, nodes);
  return f;
}

void FlowNetwork::LayOutForwardArcs(Layout& l, std::uint32_t node_count) {
  l.leaving_first.assign(node_count + 1, 0);
  l.entering_first.assign(node_count + 1, 0);
  l.leaving.clear();
  l.entering.clear();
  l.leaving.reserve(l.cost.size());
  l.entering.reserve(l.cost.size());
  for (std::uint32_t v = 0; v < node_count; ++v) {
    for (std::uint32_t i = l.first[v]; i < l.first[v + 1]; ++i) {
      const std::uint32_t arc = l.adjacency[i];
      const std::int64_t cost = l.cost[arc >> 1];
      if (IsForward(arc)) {
        l.leaving.push_back({arc, l.head[arc], cost});
      } else {
        l.entering.push_back({arc ^ 1U, l.head[arc], cost});
      }
    }
    l.leaving_first[v + 1] = static_cast<std::uint32_t>(l.leaving.size());
    l.entering_first[v + 1] = static_cast<std::uint32_t>(l.entering.size());
  }
}

void FlowNetwork::SetCostBound(const Network& network, Layout& l, std::uint32_t node_count) {
  constexpr double kNone = std::numeric_limits<double>::quiet_NaN();
  l.position.assign(node_count, {kNone, kNone, kNone});
  constexpr double kRadians = 3.14159265358979323846 / 180.0;
  for (std::uint32_t a = 0; a < l.in_node.size(); ++a) {
    const Airport& airport = network.airports()[a];
    const double lat = airport.latitude_deg * kRadians;
    const double lon = airport.longitude_deg * kRadians;
    const std::array<double, 3> p{kEarthRadiusKm * std::cos(lat) * std::cos(lon),
                                  kEarthRadiusKm * std::cos(lat) * std::sin(lon),
                                  kEarthRadiusKm * std::sin(lat)};
    l.position[l.in_node[a]] = p;
    l.position[l.out_node[a]] = p;
  }
  double rate = std::numeric_limits<double>::infinity();
  for (std::uint32_t pair = 0; pair < l.cost.size() && rate > 0; ++pair) {
    rate = std::min(rate, CostRate(l, pair));
  }
  l.cost_per_km = std::isinf(rate) ? 0.0 : rate;
}

double FlowNetwork::CostRate(const Layout& l, std::uint32_t pair) {
  constexpr double kNone = std::numeric_limits<double>::infinity();
  const auto& tail = l.position[l.head[2 * pair + 1]];
  const auto& head = l.position[l.head[2 * pair]];
  if (std::isnan(head[0])) return kNone;  // into the super-sink: the bound there is 0
  if (std::isnan(tail[0])) return 0;  // out of a node without a bound (not in networks built here)
  const double chord = std::sqrt((head[0] - tail[0]) * (head[0] - tail[0]) +
                                 (head[1] - tail[1]) * (head[1] - tail[1]) +
                                 (head[2] - tail[2]) * (head[2] - tail[2]));
  // Every arc across a distance keeps a slack of at least rate x 1 mm below its cost, far above
  // the rounding of any chord up to the Earth's diameter (~1e-11 km), so the floored bound stays
  // consistent (arcs between one position have equal bounds at both ends, bit for bit).
  return chord > 0 ? static_cast<double>(l.cost[pair]) / (chord + 1e-6) : kNone;
}

std::int64_t FlowNetwork::CostBound(std::uint32_t from, std::uint32_t to) const {
  if (layout_ == nullptr || cost_per_km_ <= 0 || layout_->position.empty()) return 0;
  const auto& a = layout_->position[from];
  const auto& b = layout_->position[to];
  if (std::isnan(a[0]) || std::isnan(b[0])) return 0;
  const double chord = std::sqrt((b[0] - a[0]) * (b[0] - a[0]) + (b[1] - a[1]) * (b[1] - a[1]) +
                                 (b[2] - a[2]) * (b[2] - a[2]));
  return static_cast<std::int64_t>(std::floor(cost_per_km_ * chord));
}

FlowNetwork FlowNetwork::FromArcs(std::uint32_t node_count, std::uint32_t source,
                                  std::uint32_t sink, std::span<const FlowArcSpec> arcs) {
  auto layout = std::make_shared<Layout>();
  Layout& l = *layout;
  FlowNetwork f;
  f.source_ = source;
  f.sink_ = sink;
  const std::size_t m = arcs.size();
  l.head.resize(2 * m);
  f.residual_.resize(2 * m);
  f.capacity_.resize(m);
  l.cost.resize(m);
  l.labels.resize(m);
  l.first.assign(node_count + 1, 0);
  for (std::size_t k = 0; k < m; ++k) {
    const FlowArcSpec& a = arcs[k];
    l.head[2 * k] = a.head;
    l.head[2 * k + 1] = a.tail;
    f.residual_[2 * k] = a.capacity;
    f.residual_[2 * k + 1] = 0;
    f.capacity_[k] = a.capacity;
    l.cost[k] = a.cost;
    l.labels[k] = a.label;
    ++l.first[a.tail + 1];
    ++l.first[a.head + 1];
  }
  for (std::uint32_t v = 0; v < node_count; ++v) l.first[v + 1] += l.first[v];
  l.adjacency.resize(2 * m);
  std::vector<std::uint32_t> next(l.first.begin(), l.first.end() - 1);
  for (std::size_t k = 0; k < m; ++k) {  // grouped by tail, each pair's forward arc first
    l.adjacency[next[arcs[k].tail]++] = static_cast<std::uint32_t>(2 * k);
    l.adjacency[next[arcs[k].head]++] = static_cast<std::uint32_t>(2 * k + 1);
  }
  f.owned_ = std::move(layout);
  f.Point(*f.owned_, node_count);
  return f;
}

void FlowNetwork::Point(const Layout& layout, std::uint32_t node_count) {
  layout_ = &layout;
  cost_per_km_ = layout.cost_per_km;
  first_ = layout.first.data();
  adjacency_ = layout.adjacency.data();
  has_arc_ends_ = !layout.leaving_first.empty();
  leaving_first_ = layout.leaving_first.data();
  leaving_ = layout.leaving.data();
  entering_first_ = layout.entering_first.data();
  entering_ = layout.entering.data();
  head_ = layout.head.data();
  cost_ = layout.cost.data();
  labels_ = layout.labels.data();
  in_node_ = layout.in_node.data();
  out_node_ = layout.out_node.data();
  node_count_ = node_count;
  pair_count_ = static_cast<std::uint32_t>(layout.labels.size());
}

std::int64_t FlowNetwork::RoutePair(RouteId route) const {
  return layout_ != nullptr && route.value < layout_->route_pair.size()
             ? layout_->route_pair[route.value]
             : -1;
}

std::int64_t FlowNetwork::ThroughputPair(AirportId airport) const {
  if (layout_ == nullptr || airport.value >= layout_->in_node.size() ||
      in_node_[airport.value] == out_node_[airport.value]) {
    return -1;
  }
  // Throughput pairs come first, in airport order.
  const auto it = std::lower_bound(labels_, labels_ + pair_count_, airport.value,
                                   [](const ArcLabel& l, std::uint32_t a) {
                                     return l.kind == ArcKind::kThroughput && l.id < a;
                                   });
  return static_cast<std::int64_t>(it - labels_);
}

void FlowNetwork::ResetFlow() {
  if (tracking_) {
    // Only touched pairs can carry flow; keep noting those whose capacity differs from the
    // template's (the next Instantiate restores them).
    std::size_t kept = 0;
    for (std::uint32_t pair : touched_) {
      residual_[2 * pair] = capacity_[pair];
      residual_[2 * pair + 1] = 0;
      if (capacity_[pair] != base_capacity_[pair]) touched_[kept++] = pair;
    }
    touched_.resize(kept);
    return;
  }
  for (std::uint32_t k = 0; k < pair_count_; ++k) {
    residual_[2 * k] = capacity_[k];
    residual_[2 * k + 1] = 0;
  }
  if (template_id_ != 0) {
    // Tracking again from here: the pairs whose capacity differs from the template's.
    touched_.clear();
    tracking_ = true;
    for (std::uint32_t k = 0; k < pair_count_ && tracking_; ++k) {
      if (capacity_[k] != base_capacity_[k]) Touch(k);
    }
  }
}

void FlowNetwork::SetCapacity(std::uint32_t pair, std::int64_t capacity) {
  capacity_[pair] = capacity;
  residual_[2 * pair] = capacity;
  residual_[2 * pair + 1] = 0;
  if (tracking_) Touch(pair);
}

void FlowNetwork::PairsWithFlow(std::vector<std::uint32_t>& pairs) const {
  pairs.clear();
  if (tracking_) {
    for (std::uint32_t pair : touched_) {
      if (flow(pair) > 0) pairs.push_back(pair);
    }
    std::sort(pairs.begin(), pairs.end());
    pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
    return;
  }
  for (std::uint32_t pair = 0; pair < pair_count_; ++pair) {
    if (flow(pair) > 0) pairs.push_back(pair);
  }
}

}  // namespace aircargo::routes
