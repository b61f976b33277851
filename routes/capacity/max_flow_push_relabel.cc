#include "routes/capacity/max_flow_push_relabel.h"

#include <algorithm>
#include <limits>
#include <optional>
#include <vector>

#include "routes/capacity/max_flow.h"

namespace aircargo::routes {
namespace {

constexpr std::uint32_t kNone = std::numeric_limits<std::uint32_t>::max();

class PushRelabel {
 public:
  // Copies the residual graph; false when the preconditions fail (then use Dinic).
  bool Load(const FlowNetwork& network) {
    n_ = network.node_count();
    source_ = network.source();
    sink_ = network.sink();
    Int128 finite = 0;
    bool any_unlimited = false;
    for (std::uint32_t pair = 0; pair < network.pair_count(); ++pair) {
      if (network.flow(pair) != 0) return false;
      const std::int64_t c = network.capacity(pair);
      if (c >= kUnlimitedKg) {
        any_unlimited = true;
      } else {
        finite += c;
      }
    }
    const Int128 clamp = finite + 1;
    const Int128 total =
        finite + (any_unlimited ? clamp * static_cast<Int128>(network.pair_count()) : 0);
    if (total >= (Int128{1} << 62)) return false;
    clamp_ = any_unlimited ? static_cast<std::int64_t>(clamp) : kUnlimitedKg;

    first_.assign(n_ + 1, 0);
    for (std::uint32_t v = 0; v < n_; ++v) {
      first_[v + 1] = first_[v] + static_cast<std::uint32_t>(network.OutArcs(v).size());
    }
    const std::uint32_t arcs = first_[n_];
    head_.resize(arcs);
    res_.resize(arcs);
    rev_.resize(arcs);
    position_.resize(network.arc_count());
    for (std::uint32_t v = 0; v < n_; ++v) {
      std::uint32_t p = first_[v];
      for (std::uint32_t arc : network.OutArcs(v)) {
        position_[arc] = p;
        head_[p] = network.Head(arc);
        res_[p] = FlowNetwork::IsForward(arc) ? std::min(network.capacity(arc >> 1), clamp_) : 0;
        ++p;
      }
    }
    for (std::uint32_t arc = 0; arc < network.arc_count(); ++arc) {
      rev_[position_[arc]] = position_[FlowNetwork::Reverse(arc)];
    }
    excess_.assign(n_, 0);
    label_.assign(n_, n_);
    current_.assign(n_, 0);
    active_head_.assign(n_ + 1, kNone);
    active_next_.assign(n_, kNone);
    all_head_.assign(n_ + 1, kNone);
    all_next_.assign(n_, kNone);
    all_prev_.assign(n_, kNone);
    return true;
  }

  // Both phases; returns the flow value, or nullopt when the clamp was reached (use Dinic).
  Result<std::optional<std::int64_t>> Run(StopCheck& stop) {
    if (source_ == sink_) return std::optional<std::int64_t>(0);
    for (std::uint32_t p = first_[source_]; p < first_[source_ + 1]; ++p) {
      if (res_[p] > 0) Push(p, source_, res_[p]);
    }
    if (auto error = Discharge(sink_, source_, stop)) return *error;
    const std::int64_t value = excess_[sink_];
    if (clamp_ < kUnlimitedKg && value >= clamp_) return std::optional<std::int64_t>();
    // Return the stranded excess to the source.
    if (auto error = Discharge(source_, sink_, stop)) return *error;
    for (std::uint32_t v = 0; v < n_; ++v) {
      if (v != source_ && v != sink_ && excess_[v] != 0) {
        return MakeError(ErrorCode::kInternal, "", "push-relabel left excess at a node");
      }
    }
    return std::optional<std::int64_t>(value);
  }

  void Store(FlowNetwork& network) const {
    for (std::uint32_t pair = 0; pair < network.pair_count(); ++pair) {
      const std::uint32_t p = position_[2 * pair];
      network.SetFlow(pair, res_[rev_[p]]);
    }
  }

 private:
  void Push(std::uint32_t p, std::uint32_t from, std::int64_t delta) {
    res_[p] -= delta;
    res_[rev_[p]] += delta;
    excess_[from] -= delta;
    excess_[head_[p]] += delta;
  }

  void AddAll(std::uint32_t v) {
    const std::uint32_t d = label_[v];
    all_prev_[v] = kNone;
    all_next_[v] = all_head_[d];
    if (all_head_[d] != kNone) all_prev_[all_head_[d]] = v;
    all_head_[d] = v;
    max_label_ = std::max(max_label_, d);
  }
  void RemoveAll(std::uint32_t v) {
    if (all_prev_[v] != kNone) {
      all_next_[all_prev_[v]] = all_next_[v];
    } else {
      all_head_[label_[v]] = all_next_[v];
    }
    if (all_next_[v] != kNone) all_prev_[all_next_[v]] = all_prev_[v];
  }
  void AddActive(std::uint32_t v) {
    const std::uint32_t d = label_[v];
    active_next_[v] = active_head_[d];
    active_head_[d] = v;
    if (max_active_ == kNone || d > max_active_) max_active_ = d;
  }

  // Exact distances to `target` over residual arcs (never through `skip`); n for the rest. Rebuilds
  // the buckets.
  void GlobalRelabel(std::uint32_t target, std::uint32_t skip) {
    std::fill(label_.begin(), label_.end(), n_);
    std::fill(active_head_.begin(), active_head_.end(), kNone);
    std::fill(all_head_.begin(), all_head_.end(), kNone);
    max_active_ = kNone;
    max_label_ = 0;
    queue_.assign(1, target);
    label_[target] = 0;
    for (std::size_t i = 0; i < queue_.size(); ++i) {
      const std::uint32_t u = queue_[i];
      const std::uint32_t next = label_[u] + 1;
      for (std::uint32_t p = first_[u]; p < first_[u + 1]; ++p) {
        const std::uint32_t w = head_[p];
        if (label_[w] != n_ || w == skip || w == target || res_[rev_[p]] <= 0) continue;
        label_[w] = next;
        current_[w] = first_[w];
        queue_.push_back(w);
        AddAll(w);
        if (excess_[w] > 0) AddActive(w);
      }
    }
  }

  // Highest-label push-relabel towards `target`: every node with excess that can reach it over
  // residual arcs (not through `skip`) is drained; the rest keep their excess.
  std::optional<Error> Discharge(std::uint32_t target, std::uint32_t skip, StopCheck& stop) {
    const std::uint64_t period = 6ULL * n_ + first_[n_];
    std::uint64_t work = 0;
    GlobalRelabel(target, skip);
    while (max_active_ != kNone) {
      const std::uint32_t v = active_head_[max_active_];
      if (v == kNone) {
        max_active_ = max_active_ == 0 ? kNone : max_active_ - 1;
        continue;
      }
      if (auto error = stop.Poll()) return *error;
      active_head_[max_active_] = active_next_[v];
      work += DischargeNode(v, target);
      if (work > period) {
        GlobalRelabel(target, skip);
        work = 0;
      }
    }
    return std::nullopt;
  }

  // Pushes v's excess down admissible arcs, relabelling as needed, until it is gone or v is cut
  // off from the target (label n). Returns the relabelling work.
  std::uint64_t DischargeNode(std::uint32_t v, std::uint32_t target) {
    std::uint64_t work = 0;
    std::uint32_t d = label_[v];
    const std::uint32_t end = first_[v + 1];
    while (true) {
      for (std::uint32_t p = current_[v]; p < end; ++p) {
        if (res_[p] <= 0) continue;
        const std::uint32_t w = head_[p];
        if (label_[w] + 1 != d) continue;
        const std::int64_t delta = std::min(excess_[v], res_[p]);
        if (excess_[w] == 0 && w != target) AddActive(w);
        Push(p, v, delta);
        if (excess_[v] == 0) {
          current_[v] = p;
          return work;
        }
      }
      // Relabel.
      work += end - first_[v] + 12;
      std::uint32_t lowest = n_;
      std::uint32_t best = first_[v];
      for (std::uint32_t p = first_[v]; p < end; ++p) {
        if (res_[p] > 0 && label_[head_[p]] < lowest) {
          lowest = label_[head_[p]];
          best = p;
        }
      }
      RemoveAll(v);
      if (all_head_[d] == kNone) {
        // Gap: no node is left at label d, so nothing above it reaches the target.
        for (std::uint32_t l = d + 1; l <= max_label_; ++l) {
          for (std::uint32_t u = all_head_[l]; u != kNone; u = all_next_[u]) label_[u] = n_;
          all_head_[l] = kNone;
        }
        max_label_ = d == 0 ? 0 : d - 1;
        label_[v] = n_;
        return work;
      }
      if (lowest + 1 >= n_) {
        label_[v] = n_;
        return work;
      }
      d = lowest + 1;
      label_[v] = d;
      current_[v] = best;
      AddAll(v);
    }
  }

  std::uint32_t n_ = 0;
  std::uint32_t source_ = 0;
  std::uint32_t sink_ = 0;
  std::int64_t clamp_ = kUnlimitedKg;
  std::vector<std::uint32_t> first_;     // node -> first arc position (n + 1)
  std::vector<std::uint32_t> head_;      // per position
  std::vector<std::int64_t> res_;        // per position
  std::vector<std::uint32_t> rev_;       // per position: the reverse arc's position
  std::vector<std::uint32_t> position_;  // FlowNetwork arc -> position
  std::vector<std::int64_t> excess_;
  std::vector<std::uint32_t> label_;    // n = cut off from the target
  std::vector<std::uint32_t> current_;  // current arc position
  std::vector<std::uint32_t> active_head_;
  std::vector<std::uint32_t> active_next_;
  std::vector<std::uint32_t> all_head_;
  std::vector<std::uint32_t> all_next_;
  std::vector<std::uint32_t> all_prev_;
  std::vector<std::uint32_t> queue_;
  std::uint32_t max_active_ = kNone;
  std::uint32_t max_label_ = 0;
};

}  // namespace

Result<std::int64_t> PushRelabelMaxFlow(FlowNetwork& network, FlowWorkspace& workspace,
                                        StopCheck& stop) {
  PushRelabel solver;
  if (solver.Load(network)) {
    auto value = solver.Run(stop);
    if (!value.ok()) return value.error();
    if (value->has_value()) {
      solver.Store(network);
      return **value;
    }
  }
  return AugmentMaxFlow(network, workspace, stop);
}

}  // namespace aircargo::routes
