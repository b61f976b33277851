#include "routes/capacity/flow_template.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <limits>

namespace aircargo::routes {
namespace {

std::uint64_t NextTemplateId() {
  static std::atomic<std::uint64_t> next{1};
  return next.fetch_add(1, std::memory_order_relaxed);
}

}  // namespace

FlowTemplate::FlowTemplate(const ScenarioView& view) : view_(&view), id_(NextTemplateId()) {
  const Network& network = view.network();
  const auto airport_count = static_cast<std::uint32_t>(network.airports().size());
  auto layout = std::make_shared<FlowNetwork::Layout>();
  FlowNetwork::Layout& l = *layout;
  l.in_node.resize(airport_count);
  l.out_node.resize(airport_count);
  std::uint32_t nodes = airport_count;
  for (std::uint32_t a = 0; a < airport_count; ++a) {
    l.in_node[a] = a;
    l.out_node[a] = network.airports()[a].throughput_kg_per_week > 0 ? nodes++ : a;
  }
  super_sink_ = nodes++;
  node_count_ = nodes;

  // The same pair order as FlowNetwork::Assemble: throughput limits, routes, sink links.
  const std::size_t max_pairs = view.route_count() + 2 * static_cast<std::size_t>(airport_count);
  l.head.reserve(2 * max_pairs);
  l.cost.reserve(max_pairs);
  l.labels.reserve(max_pairs);
  capacity_.reserve(max_pairs);
  const auto add_pair = [&](std::uint32_t tail, std::uint32_t head, std::int64_t capacity,
                            std::int64_t cost, ArcLabel label) {
    l.head.push_back(head);
    l.head.push_back(tail);
    capacity_.push_back(capacity);
    l.cost.push_back(cost);
    l.labels.push_back(label);
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
    if (tail == head) continue;
    l.route_pair[r] = static_cast<std::int64_t>(l.labels.size());
    add_pair(tail, head, view.weekly_capacity_kg(id), route.cost_per_kg_micros,
             {ArcKind::kRoute, r});
  }
  first_sink_link_ = static_cast<std::uint32_t>(l.labels.size());
  for (std::uint32_t a = 0; a < airport_count; ++a) {
    add_pair(l.out_node[a], super_sink_, 0, 0, {ArcKind::kSinkLink, a});
  }

  // Group arcs by tail (CSR); the tail of arc a is the head of a ^ 1.
  l.first.assign(nodes + 1, 0);
  for (std::uint32_t arc = 0; arc < l.head.size(); ++arc) ++l.first[l.head[arc ^ 1U] + 1];
  for (std::uint32_t v = 0; v < nodes; ++v) l.first[v + 1] += l.first[v];
  l.adjacency.resize(l.head.size());
  std::vector<std::uint32_t> next(l.first.begin(), l.first.end() - 1);
  for (std::uint32_t arc = 0; arc < l.head.size(); ++arc) {
    l.adjacency[next[l.head[arc ^ 1U]]++] = arc;
  }
  FlowNetwork::LayOutForwardArcs(l, nodes);
  FlowNetwork::SetCostBound(network, l, nodes);
  cost_per_km_ = l.cost_per_km;
  for (std::uint32_t pair = 0; pair < capacity_.size(); ++pair) {
    if (FlowNetwork::CostRate(l, pair) == cost_per_km_) {  // the arc that sets the rate (or none)
      rate_pair_ = pair;
      break;
    }
  }
  layout_ = std::move(layout);
  // A journal as long as the pair count costs 4 bytes per pair and restores in a fraction of a
  // full copy; a request that pushes more than that falls back to the full copy.
  journal_limit_ = std::max<std::uint32_t>(1024, pair_count());
}

std::unique_ptr<const FlowTemplate> FlowTemplate::Over(const FlowTemplate& base,
                                                       const ScenarioView& view) {
  if (!view.UsesOnlyRoutesOf(*base.view_)) return nullptr;
  return std::unique_ptr<const FlowTemplate>(new FlowTemplate(base, view));
}

FlowTemplate::FlowTemplate(const FlowTemplate& base, const ScenarioView& view)
    : view_(&view),
      id_(NextTemplateId()),
      layout_(base.layout_),
      capacity_(base.capacity_),
      node_count_(base.node_count_),
      super_sink_(base.super_sink_),
      first_sink_link_(base.first_sink_link_),
      journal_limit_(base.journal_limit_) {
  const FlowNetwork::Layout& l = *layout_;
  bool rate_kept = base.rate_pair_ < 0;  // no arc with a chord: the rate stays 0
  for (std::uint32_t r = 0; r < view.route_count(); ++r) {
    const std::int64_t pair = l.route_pair[r];
    if (pair < 0) continue;
    const RouteId id(r);
    const std::int64_t capacity = view.usable(id) ? view.weekly_capacity_kg(id) : 0;
    capacity_[static_cast<std::size_t>(pair)] = capacity;
    rate_kept |= pair == base.rate_pair_ && capacity > 0;
  }
  // CostBound's rate over the view's own arcs: a minimum over fewer arcs, so the base's when the
  // arc that sets it is still there, else computed as SetCostBound computes it (the same
  // expression per arc) over the route arcs with capacity (throughput pairs have no chord).
  rate_pair_ = base.rate_pair_;
  cost_per_km_ = base.cost_per_km_;
  if (rate_kept) return;
  double rate = std::numeric_limits<double>::infinity();
  rate_pair_ = -1;
  for (std::uint32_t pair = 0; pair < capacity_.size() && rate > 0; ++pair) {
    if (capacity_[pair] == 0 || l.labels[pair].kind != ArcKind::kRoute) continue;
    const double r = FlowNetwork::CostRate(l, pair);
    if (r < rate) {
      rate = r;
      rate_pair_ = pair;
    }
  }
  cost_per_km_ = std::isinf(rate) ? 0.0 : rate;
}

void FlowTemplate::Reset(FlowNetwork& n) const {
  n.trimmed_.clear();
  n.trimmed_node_[0] = n.trimmed_node_[1] = FlowNetwork::kNoNode;
  n.trimmed_begin_[0] = n.trimmed_begin_[1] = n.trimmed_begin_[2] = 0;
  if (n.template_id_ == id_ && n.tracking_) {
    for (std::uint32_t pair : n.touched_) {
      n.capacity_[pair] = capacity_[pair];
      n.residual_[2 * pair] = capacity_[pair];
      n.residual_[2 * pair + 1] = 0;
    }
    n.touched_.clear();
    return;
  }
  n.owned_.reset();
  n.Point(*layout_, node_count_);
  n.cost_per_km_ = cost_per_km_;
  n.capacity_.assign(capacity_.begin(), capacity_.end());
  n.residual_.resize(2 * capacity_.size());
  for (std::size_t k = 0; k < capacity_.size(); ++k) {
    n.residual_[2 * k] = capacity_[k];
    n.residual_[2 * k + 1] = 0;
  }
  n.template_id_ = id_;
  n.base_capacity_ = capacity_.data();
  n.touched_.clear();
  if (n.touched_.capacity() < journal_limit_) n.touched_.reserve(journal_limit_);
  n.tracking_ = true;
}

void FlowTemplate::DisableRoutes(FlowNetwork& n, std::uint32_t node, bool into,
                                 std::size_t k) const {
  const FlowNetwork::Layout& l = *layout_;
  for (std::uint32_t i = l.first[node]; i < l.first[node + 1]; ++i) {
    const std::uint32_t arc = l.adjacency[i];
    const std::uint32_t pair = arc >> 1;
    const ArcKind kind = l.labels[pair].kind;
    if (kind == ArcKind::kRoute && FlowNetwork::IsForward(arc) != into) {
      if (n.capacity(pair) != 0) n.SetCapacity(pair, 0);
      continue;
    }
    if (kind == ArcKind::kSinkLink && n.capacity(pair) == 0) continue;
    n.trimmed_.push_back(arc);
  }
  n.trimmed_node_[k] = node;
  n.trimmed_begin_[k + 1] = static_cast<std::uint32_t>(n.trimmed_.size());
}

std::optional<Error> FlowTemplate::Instantiate(AirportId origin,
                                               std::span<const AirportId> destinations,
                                               FlowNetwork& network) const {
  if (auto error = FlowNetwork::CheckEndpoints(view_->network(), origin, destinations)) {
    return error;
  }
  Reset(network);
  const bool one_destination = std::all_of(destinations.begin(), destinations.end(),
                                           [&](AirportId d) { return d == destinations.front(); });
  network.source_ = layout_->in_node[origin.value];
  network.sink_ = one_destination ? layout_->out_node[destinations.front().value] : super_sink_;
  // The arcs Build leaves out: into the source, and out of the sink when it is an airport; the
  // source's and the sink's own lists skip them (and the disabled sink links), as Build's do.
  DisableRoutes(network, network.source_, /*into=*/true, 0);
  if (!one_destination) {
    for (AirportId d : destinations) {
      const std::uint32_t link = first_sink_link_ + d.value;
      if (network.capacity(link) == 0) network.SetCapacity(link, kUnlimitedKg);
    }
  }
  DisableRoutes(network, network.sink_, /*into=*/false, 1);
  return std::nullopt;
}

std::optional<Error> FlowTemplate::InstantiateForOrigin(AirportId origin,
                                                        FlowNetwork& network) const {
  if (origin.value >= view_->network().airports().size()) {
    return NotFound("origin", "airport index out of range");
  }
  Reset(network);
  network.source_ = layout_->in_node[origin.value];
  network.sink_ = network.source_;  // until SetSink
  DisableRoutes(network, network.source_, /*into=*/true, 0);
  return std::nullopt;
}

}  // namespace aircargo::routes
