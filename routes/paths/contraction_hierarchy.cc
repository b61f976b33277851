#include "routes/paths/contraction_hierarchy.h"

#include <algorithm>
#include <functional>
#include <limits>
#include <utility>

#include "routes/graph.h"
#include "routes/paths/path.h"

namespace aircargo::routes {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr HierarchyCost kUnreached{kInf, kInf};
// Witness searches while only estimating a priority settle fewer airports than real contractions:
// a missed witness there only makes the estimate pessimistic.
constexpr std::size_t kSimulationSettleLimit = 40;

using HeapItem = HierarchyWorkspace::HeapItem;
struct HeapGreater {
  bool operator()(const HeapItem& a, const HeapItem& b) const { return b.key < a.key; }
};

// FindPaths' weight and tie of one route (shortest_path.h), with the minimum connection time of
// the airport it leaves added for transit time (the query takes the origin's back).
HierarchyCost ArcCost(const Network& network, const Route& route, Objective objective) {
  switch (objective) {
    case Objective::kDistance:
      return {route.distance_km, 1.0};
    case Objective::kTransitTime:
      return {static_cast<double>(route.block_minutes + ExpectedWaitMinutes(route)) +
                  static_cast<double>(network.airport(route.origin).min_connection_minutes),
              1.0};
    case Objective::kCost:
      return {static_cast<double>(route.cost_per_kg_micros), 1.0};
    case Objective::kLegs:
      return {1.0, route.distance_km};
  }
  return kUnreached;
}

}  // namespace

// Contracts the view's graph into a ContractionHierarchy (see the header for the method).
class HierarchyBuilder {
 public:
  HierarchyBuilder(const ScenarioView& view, Objective objective, StopCheck& stop,
                   ContractionHierarchy& ch)
      : view_(view), objective_(objective), stop_(stop), ch_(ch) {}

  std::optional<Error> Run() {
    const std::size_t n = view_.network().airports().size();
    out_.assign(n, {});
    in_.assign(n, {});
    contracted_.assign(n, 0);
    deleted_.assign(n, 0);
    level_.assign(n, 0);
    priority_.assign(n, 0);
    witness_dist_.assign(n, kUnreached);
    witness_reached_.Resize(n);
    target_.Resize(n);
    AddRoutes();
    ch_.arc_count_ = ch_.edges_.size();

    std::vector<std::pair<long, std::uint32_t>> queue;  // (priority, airport), min-heap
    queue.reserve(n);
    for (std::uint32_t v = 0; v < n; ++v) {
      if (auto error = stop_.Poll()) return error;
      priority_[v] = Priority(v);
      queue.emplace_back(priority_[v], v);
    }
    const auto greater = std::greater<std::pair<long, std::uint32_t>>();
    std::make_heap(queue.begin(), queue.end(), greater);

    ch_.rank_.assign(n, 0);
    std::vector<std::vector<ContractionHierarchy::Link>> up(n), down(n);
    std::uint32_t next_rank = 0;
    while (!queue.empty()) {
      if (auto error = stop_.Poll()) return error;
      std::pop_heap(queue.begin(), queue.end(), greater);
      const auto [old_priority, v] = queue.back();
      queue.pop_back();
      if (contracted_[v] || old_priority != priority_[v]) continue;
      const long now = Priority(v);
      if (!queue.empty() && now > queue.front().first) {  // lazy update: not the minimum any more
        priority_[v] = now;
        queue.emplace_back(now, v);
        std::push_heap(queue.begin(), queue.end(), greater);
        continue;
      }
      Contract(v, false);
      ch_.rank_[v] = next_rank++;
      for (const Link& link : out_[v]) up[v].push_back({link.other, link.edge, link.cost});
      for (const Link& link : in_[v]) down[v].push_back({link.other, link.edge, link.cost});
      Remove(v);
    }

    ch_.up_begin_.assign(n + 1, 0);
    ch_.down_begin_.assign(n + 1, 0);
    for (std::uint32_t v = 0; v < n; ++v) {
      ch_.up_begin_[v + 1] = ch_.up_begin_[v] + static_cast<std::uint32_t>(up[v].size());
      ch_.down_begin_[v + 1] = ch_.down_begin_[v] + static_cast<std::uint32_t>(down[v].size());
    }
    ch_.up_.reserve(ch_.up_begin_[n]);
    ch_.down_.reserve(ch_.down_begin_[n]);
    for (std::uint32_t v = 0; v < n; ++v) {
      ch_.up_.insert(ch_.up_.end(), up[v].begin(), up[v].end());
      ch_.down_.insert(ch_.down_.end(), down[v].begin(), down[v].end());
    }
    ch_.shortcut_count_ = 0;
    for (const auto& link : ch_.up_) {
      if (ch_.edges_[link.edge].second != ContractionHierarchy::kOriginal) ++ch_.shortcut_count_;
    }
    for (const auto& link : ch_.down_) {
      if (ch_.edges_[link.edge].second != ContractionHierarchy::kOriginal) ++ch_.shortcut_count_;
    }
    ch_.edges_.shrink_to_fit();
    return std::nullopt;
  }

 private:
  // An arc of the remaining graph: to (out_) or from (in_) `other`.
  struct Link {
    std::uint32_t other;
    std::uint32_t edge;
    HierarchyCost cost;
  };

  // One arc per airport pair: the first usable route with the least cost in the search's order
  // (the CSR graph's out-edges, then the view's extras).
  void AddRoutes() {
    const Network& network = view_.network();
    const Graph& g = network.graph();
    const std::size_t n = network.airports().size();
    std::vector<std::uint32_t> slot(n, ContractionHierarchy::kOriginal);
    for (std::uint32_t a = 0; a < n; ++a) {
      auto offer = [&](RouteId id) {
        if (!view_.usable(id)) return;
        const Route& route = view_.route(id);
        const std::uint32_t b = route.destination.value;
        if (b == a) return;
        const HierarchyCost cost = ArcCost(network, route, objective_);
        if (slot[b] != ContractionHierarchy::kOriginal) {
          Link& link = out_[a][slot[b]];
          if (cost < link.cost) {
            link.cost = cost;
            ch_.edges_[link.edge].first = id.value;
          }
          return;
        }
        slot[b] = static_cast<std::uint32_t>(out_[a].size());
        const auto edge = static_cast<std::uint32_t>(ch_.edges_.size());
        ch_.edges_.push_back({a, b, id.value, ContractionHierarchy::kOriginal});
        out_[a].push_back({b, edge, cost});
      };
      for (auto [it, end] = boost::out_edges(a, g); it != end; ++it) offer(g[*it].route);
      for (RouteId id : view_.extra_out_routes(AirportId(a))) offer(id);
      for (const Link& link : out_[a]) {
        slot[link.other] = ContractionHierarchy::kOriginal;
        in_[link.other].push_back({a, link.edge, link.cost});
      }
    }
  }

  // Dijkstra from `from` over the remaining graph without `skip`, up to `limit` and `settle_limit`
  // settled airports; witness_dist_ holds what it reached.
  void Witness(std::uint32_t from, std::uint32_t skip, HierarchyCost limit,
               std::size_t settle_limit, std::size_t targets) {
    witness_reached_.Reset();
    heap_.clear();
    witness_dist_[from] = {0, 0};
    witness_reached_.Mark(from);
    heap_.push_back({{0, 0}, from});
    std::size_t settled = 0;
    while (!heap_.empty()) {
      std::pop_heap(heap_.begin(), heap_.end(), HeapGreater{});
      const HeapItem item = heap_.back();
      heap_.pop_back();
      if (witness_dist_[item.airport] < item.key) continue;
      if (limit < item.key || ++settled > settle_limit) break;
      // Settled: its distance is final, so once every target is, nothing is left to learn.
      if (target_.Has(item.airport) && --targets == 0) break;
      for (const Link& link : out_[item.airport]) {
        if (link.other == skip) continue;
        const HierarchyCost d = item.key + link.cost;
        if (witness_reached_.Has(link.other) && !(d < witness_dist_[link.other])) continue;
        witness_reached_.Mark(link.other);
        witness_dist_[link.other] = d;
        heap_.push_back({d, link.other});
        std::push_heap(heap_.begin(), heap_.end(), HeapGreater{});
      }
    }
  }

  // The shortcuts contracting `v` needs: counted (simulate) or added.
  long Contract(std::uint32_t v, bool simulate) {
    long shortcuts = 0;
    const std::size_t settle_limit =
        simulate ? kSimulationSettleLimit : ContractionHierarchy::kWitnessSettleLimit;
    for (std::size_t i = 0; i < in_[v].size(); ++i) {
      const Link into = in_[v][i];
      HierarchyCost limit{-kInf, -kInf};
      for (const Link& onward : out_[v]) {
        if (onward.other == into.other) continue;
        const HierarchyCost c = into.cost + onward.cost;
        if (limit < c) limit = c;
      }
      if (limit.weight == -kInf) continue;
      target_.Reset();
      std::size_t targets = 0;
      for (const Link& onward : out_[v]) {
        if (onward.other != into.other && !target_.Has(onward.other)) {
          target_.Mark(onward.other);
          ++targets;
        }
      }
      Witness(into.other, v, limit, settle_limit, targets);
      for (std::size_t j = 0; j < out_[v].size(); ++j) {
        const Link onward = out_[v][j];
        if (onward.other == into.other) continue;
        const HierarchyCost c = into.cost + onward.cost;
        if (witness_reached_.Has(onward.other) && !(c < witness_dist_[onward.other])) continue;
        ++shortcuts;
        if (!simulate) AddShortcut(into.other, onward.other, c, into.edge, onward.edge);
      }
    }
    return shortcuts;
  }

  void AddShortcut(std::uint32_t from, std::uint32_t to, HierarchyCost cost, std::uint32_t first,
                   std::uint32_t second) {
    const auto edge = static_cast<std::uint32_t>(ch_.edges_.size());
    for (Link& link : out_[from]) {
      if (link.other != to) continue;
      if (!(cost < link.cost)) return;
      ch_.edges_.push_back({from, to, first, second});
      link.edge = edge;
      link.cost = cost;
      for (Link& back : in_[to]) {
        if (back.other == from) {
          back.edge = edge;
          back.cost = cost;
        }
      }
      return;
    }
    ch_.edges_.push_back({from, to, first, second});
    out_[from].push_back({to, edge, cost});
    in_[to].push_back({from, edge, cost});
  }

  // Edge difference + contracted neighbours + level: small first.
  long Priority(std::uint32_t v) {
    const long shortcuts = Contract(v, true);
    const auto degree = static_cast<long>(in_[v].size() + out_[v].size());
    return 2 * shortcuts - degree + deleted_[v] + level_[v];
  }

  // Takes contracted `v` out of its neighbours' lists.
  void Remove(std::uint32_t v) {
    contracted_[v] = 1;
    auto drop = [v](std::vector<Link>& links) {
      links.erase(std::remove_if(links.begin(), links.end(),
                                 [v](const Link& link) { return link.other == v; }),
                  links.end());
    };
    auto touch = [&](std::uint32_t w) {
      ++deleted_[w];
      level_[w] = std::max(level_[w], level_[v] + 1);
    };
    for (const Link& link : in_[v]) {
      drop(out_[link.other]);
      touch(link.other);
    }
    for (const Link& link : out_[v]) {
      drop(in_[link.other]);
      touch(link.other);
    }
    std::vector<Link>().swap(out_[v]);
    std::vector<Link>().swap(in_[v]);
  }

  const ScenarioView& view_;
  const Objective objective_;
  StopCheck& stop_;
  ContractionHierarchy& ch_;
  std::vector<std::vector<Link>> out_, in_;  // the remaining graph
  std::vector<std::uint8_t> contracted_;
  std::vector<long> deleted_, level_, priority_;
  std::vector<HierarchyCost> witness_dist_;
  StampSet witness_reached_;
  StampSet target_;  // the out-neighbours a witness search must settle
  std::vector<HeapItem> heap_;
};

Result<ContractionHierarchy> ContractionHierarchy::Build(const ScenarioView& view,
                                                         Objective objective, StopCheck& stop) {
  ContractionHierarchy ch;
  ch.view_ = &view;
  ch.objective_ = objective;
  if (objective == Objective::kTransitTime) {
    const auto& airports = view.network().airports();
    ch.start_offset_.resize(airports.size());
    for (std::size_t a = 0; a < airports.size(); ++a) {
      ch.start_offset_[a] = -static_cast<double>(airports[a].min_connection_minutes);
    }
  }
  HierarchyBuilder builder(view, objective, stop, ch);
  if (auto error = builder.Run()) return *error;
  HierarchyWorkspace::Side scratch;
  ch.BuildLabels(scratch);
  return ch;
}

bool ContractionHierarchy::Stalled(std::uint32_t airport, HierarchyCost dist, bool forward,
                                   const HierarchyWorkspace::Side& side) const {
  // Stall on demand: a higher airport this side reached already reaches `airport` more cheaply
  // over an arc the other way in the hierarchy, so no best path leaves `airport` on this side.
  const std::uint32_t begin = forward ? down_begin_[airport] : up_begin_[airport];
  const std::uint32_t end = forward ? down_begin_[airport + 1] : up_begin_[airport + 1];
  const Link* links = forward ? down_.data() : up_.data();
  for (std::uint32_t i = begin; i < end; ++i) {
    const Link& link = links[i];
    if (side.reached.Has(link.other) && side.dist[link.other] + link.cost < dist) return true;
  }
  return false;
}

void ContractionHierarchy::BuildLabels(HierarchyWorkspace::Side& side) {
  const std::size_t n = rank_.size();
  side.dist.resize(n);
  side.pred_edge.resize(n);
  side.reached.Resize(n);
  std::vector<std::uint32_t> found;
  for (int d = 0; d < 2; ++d) {
    const bool forward = d == 0;
    Labels& labels = labels_[d];
    labels.begin.assign(n + 1, 0);
    for (std::uint32_t v = 0; v < n; ++v) {
      // The upward search space of v: every airport it settles and does not stall, with the
      // search tree's edge into it.
      side.reached.Reset();
      side.heap.clear();
      found.clear();
      side.dist[v] = {0.0, 0.0};
      side.pred_edge[v] = kOriginal;
      side.reached.Mark(v);
      side.heap.push_back({{0.0, 0.0}, v});
      while (!side.heap.empty()) {
        std::pop_heap(side.heap.begin(), side.heap.end(), HeapGreater{});
        const HeapItem item = side.heap.back();
        side.heap.pop_back();
        if (side.dist[item.airport] < item.key) continue;  // stale
        if (Stalled(item.airport, item.key, forward, side)) continue;
        found.push_back(item.airport);
        const std::uint32_t begin = forward ? up_begin_[item.airport] : down_begin_[item.airport];
        const std::uint32_t end =
            forward ? up_begin_[item.airport + 1] : down_begin_[item.airport + 1];
        const Link* links = forward ? up_.data() : down_.data();
        for (std::uint32_t i = begin; i < end; ++i) {
          const Link& link = links[i];
          const HierarchyCost c = item.key + link.cost;
          if (side.reached.Has(link.other) && !(c < side.dist[link.other])) continue;
          side.reached.Mark(link.other);
          side.dist[link.other] = c;
          side.pred_edge[link.other] = link.edge;
          side.heap.push_back({c, link.other});
          std::push_heap(side.heap.begin(), side.heap.end(), HeapGreater{});
        }
      }
      std::sort(found.begin(), found.end());
      for (std::uint32_t hub : found) {
        labels.hub.push_back(hub);
        labels.cost.push_back(side.dist[hub]);
        labels.pred_edge.push_back(side.pred_edge[hub]);
      }
      labels.begin[v + 1] = static_cast<std::uint32_t>(labels.hub.size());
    }
    labels.hub.shrink_to_fit();
    labels.cost.shrink_to_fit();
    labels.pred_edge.shrink_to_fit();
  }
}

ContractionHierarchy::Meeting ContractionHierarchy::Search(AirportId origin,
                                                           AirportId destination) const {
  const Labels& out = labels_[0];
  const Labels& in = labels_[1];
  std::uint32_t i = out.begin[origin.value];
  const std::uint32_t i_end = out.begin[origin.value + 1];
  std::uint32_t j = in.begin[destination.value];
  const std::uint32_t j_end = in.begin[destination.value + 1];
  Meeting best{kOriginal, kUnreached};
  while (i < i_end && j < j_end) {
    const std::uint32_t a = out.hub[i];
    const std::uint32_t b = in.hub[j];
    if (a < b) {
      ++i;
    } else if (b < a) {
      ++j;
    } else {
      const HierarchyCost c = out.cost[i] + in.cost[j];
      if (c < best.cost) best = {a, c};
      ++i;
      ++j;
    }
  }
  if (best.airport != kOriginal && !start_offset_.empty()) {
    best.cost.weight += start_offset_[origin.value];
  }
  return best;
}

std::optional<HierarchyCost> ContractionHierarchy::QueryCost(AirportId origin,
                                                             AirportId destination) const {
  const Meeting meeting = Search(origin, destination);
  if (meeting.airport == kOriginal) return std::nullopt;
  return meeting.cost;
}

std::uint32_t ContractionHierarchy::PredEdge(const Labels& labels, std::uint32_t airport,
                                             std::uint32_t hub) const {
  const auto first = labels.hub.begin() + labels.begin[airport];
  const auto last = labels.hub.begin() + labels.begin[airport + 1];
  const auto it = std::lower_bound(first, last, hub);
  return labels.pred_edge[static_cast<std::size_t>(it - labels.hub.begin())];
}

std::optional<std::vector<RouteId>> ContractionHierarchy::Query(
    AirportId origin, AirportId destination, HierarchyWorkspace& workspace) const {
  const Meeting meeting = Search(origin, destination);
  workspace.settled = 0;
  if (meeting.airport == kOriginal) return std::nullopt;
  // The hierarchy's edges origin -> meeting -> destination (each label's search tree), then each
  // unpacked into routes.
  std::vector<std::uint32_t>& stack = workspace.unpack;
  stack.clear();
  for (std::uint32_t a = meeting.airport; a != destination.value;) {
    const std::uint32_t edge = PredEdge(labels_[1], destination.value, a);
    stack.push_back(edge);
    a = edges_[edge].to;
  }
  std::reverse(stack.begin(), stack.end());
  for (std::uint32_t a = meeting.airport; a != origin.value;) {
    const std::uint32_t edge = PredEdge(labels_[0], origin.value, a);
    stack.push_back(edge);
    a = edges_[edge].from;
  }
  workspace.settled = stack.size();
  // The stack now holds the edges last-first: popping yields them in flying order.
  std::vector<RouteId> routes;
  while (!stack.empty()) {
    const Edge edge = edges_[stack.back()];
    stack.pop_back();
    if (edge.second == kOriginal) {
      routes.push_back(RouteId(edge.first));
    } else {
      stack.push_back(edge.second);
      stack.push_back(edge.first);
    }
  }
  return routes;
}

std::size_t ContractionHierarchy::LabelBytes(const Labels& labels) {
  return (labels.begin.capacity() + labels.hub.capacity() + labels.pred_edge.capacity()) *
             sizeof(std::uint32_t) +
         labels.cost.capacity() * sizeof(HierarchyCost);
}

std::size_t ContractionHierarchy::memory_bytes() const {
  return rank_.capacity() * sizeof(std::uint32_t) + start_offset_.capacity() * sizeof(double) +
         (up_begin_.capacity() + down_begin_.capacity()) * sizeof(std::uint32_t) +
         (up_.capacity() + down_.capacity()) * sizeof(Link) + edges_.capacity() * sizeof(Edge) +
         LabelBytes(labels_[0]) + LabelBytes(labels_[1]);
}

}  // namespace aircargo::routes
