#include "routes/capacity/shortest_augmenting_path.h"

#include <algorithm>
#include <limits>
#include <vector>

#include "routes/capacity/augment_path.h"

namespace aircargo::routes {
namespace {

// The network as it is (Forward) or with every arc turned around (Reversed): arc a of the reversed
// view runs like arc a of the network but has the residual of a's partner, so a flow from the sink
// to the source in the view is a flow from the source to the sink in the network.
struct Forward {
  FlowNetwork& n;
  std::uint32_t start() const { return n.source(); }
  std::uint32_t target() const { return n.sink(); }
  std::int64_t Residual(std::uint32_t arc) const { return n.Residual(arc); }
  void Push(std::uint32_t arc, std::int64_t kg) { n.Push(arc, kg); }
};
struct Reversed {
  FlowNetwork& n;
  std::uint32_t start() const { return n.sink(); }
  std::uint32_t target() const { return n.source(); }
  std::int64_t Residual(std::uint32_t arc) const { return n.Residual(FlowNetwork::Reverse(arc)); }
  void Push(std::uint32_t arc, std::int64_t kg) { n.Push(FlowNetwork::Reverse(arc), kg); }
};

template <typename View>
class Isap {
 public:
  Isap(View view, FlowWorkspace& w, StopCheck& stop)
      : v_(view), n_(view.n), w_(w), stop_(stop), nodes_(view.n.node_count()) {
    w_.label.assign(nodes_, nodes_);
    w_.label_count.assign(nodes_ + 1, 0);
    w_.current.assign(nodes_, 0);
    relabel_budget_ = std::uint64_t{8} * nodes_;
  }

  Result<std::int64_t> Run(std::int64_t limit) {
    const std::uint32_t start = v_.start();
    const std::uint32_t target = v_.target();
    std::vector<std::uint32_t>& label = w_.label;
    std::vector<std::uint32_t>& path = w_.path;
    if (auto error = GlobalRelabel()) return *error;
    std::uint64_t work = 0;  // arcs scanned by relabels since the last global relabel
    std::int64_t total = 0;
    std::uint32_t v = start;
    path.clear();
    while (label[start] < nodes_ && total < limit) {
      if (auto error = stop_.Poll()) return *error;
      if (v == target) {  // augment along the path, retreat to the first saturated arc
        const internal::Augmented pushed = internal::AugmentAlongPath(v_, path, limit - total);
        total += pushed.kg;
        v = n_.Tail(pushed.saturated_arc);
        continue;
      }
      const auto arcs = n_.OutArcs(v);
      const auto size = static_cast<std::uint32_t>(arcs.size());
      const std::uint32_t want = label[v] - 1;
      std::uint32_t& i = w_.current[v];
      while (i < size && !(label[n_.Head(arcs[i])] == want && v_.Residual(arcs[i]) > 0)) ++i;
      if (i < size) {  // advance
        path.push_back(arcs[i]);
        v = n_.Head(arcs[i]);
        continue;
      }
      // Relabel v to 1 + its lowest residual neighbour; its current arc restarts at that arc (the
      // arcs before it lead higher, and stay inadmissible until v is relabelled again).
      std::uint32_t lowest = nodes_ - 1;
      std::uint32_t lowest_index = 0;
      for (std::uint32_t k = 0; k < size; ++k) {
        if (v_.Residual(arcs[k]) > 0 && label[n_.Head(arcs[k])] < lowest) {
          lowest = label[n_.Head(arcs[k])];
          lowest_index = k;
        }
      }
      work += size + 8;
      const std::uint32_t old = label[v];
      if (--w_.label_count[old] == 0) break;  // gap: the start (above `old`) is cut off
      label[v] = lowest + 1;
      i = lowest_index;
      if (label[v] < nodes_) ++w_.label_count[label[v]];
      if (v != start) {  // retreat
        v = n_.Tail(path.back());
        path.pop_back();
      }
      if (work > relabel_budget_) {  // exact labels again; the path restarts at the start
        work = 0;
        if (auto error = GlobalRelabel()) return *error;
        path.clear();
        v = start;
      }
    }
    return total;
  }

 private:
  // label = exact residual distance to the target (nodes_ when unreachable), by a backward BFS.
  std::optional<Error> GlobalRelabel() {
    std::vector<std::uint32_t>& label = w_.label;
    std::fill(label.begin(), label.end(), nodes_);
    std::fill(w_.label_count.begin(), w_.label_count.end(), 0U);
    std::fill(w_.current.begin(), w_.current.end(), 0U);
    w_.queue.assign(1, v_.target());
    label[v_.target()] = 0;
    for (std::size_t q = 0; q < w_.queue.size(); ++q) {
      if (auto error = stop_.Poll()) return error;
      const std::uint32_t v = w_.queue[q];
      ++w_.label_count[label[v]];
      for (std::uint32_t arc : n_.OutArcs(v)) {
        const std::uint32_t u = n_.Head(arc);
        if (label[u] == nodes_ && v_.Residual(FlowNetwork::Reverse(arc)) > 0) {
          label[u] = label[v] + 1;
          w_.queue.push_back(u);
        }
      }
    }
    return std::nullopt;
  }

  View v_;
  FlowNetwork& n_;
  FlowWorkspace& w_;
  StopCheck& stop_;
  const std::uint32_t nodes_;
  std::uint64_t relabel_budget_ = 0;
};

}  // namespace

Result<std::int64_t> ShortestAugmentingPathMaxFlow(FlowNetwork& network, FlowWorkspace& workspace,
                                                   StopCheck& stop, std::int64_t limit) {
  if (network.node_count() == 0 || network.source() == network.sink()) return std::int64_t{0};
  // Which end is tighter (sums saturate: ground arcs are "unlimited").
  constexpr std::int64_t kCap = std::numeric_limits<std::int64_t>::max() / 2;
  std::int64_t out_of_source = 0;
  std::int64_t into_sink = 0;
  for (std::uint32_t arc : network.OutArcs(network.source())) {
    out_of_source = std::min(kCap, out_of_source + network.Residual(arc));
  }
  for (std::uint32_t arc : network.OutArcs(network.sink())) {
    into_sink = std::min(kCap, into_sink + network.Residual(FlowNetwork::Reverse(arc)));
  }
  if (into_sink < out_of_source) return Isap<Reversed>({network}, workspace, stop).Run(limit);
  return Isap<Forward>({network}, workspace, stop).Run(limit);
}

}  // namespace aircargo::routes
