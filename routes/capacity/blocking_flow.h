// BlockingFlows: Dinic's phases (BFS levels, then blocking flows by an iterative DFS with
// current-arc pointers) over the arcs of a FlowNetwork that an `Admissible(arc)` predicate allows.
// Max flow allows every arc with residual capacity; min-cost flow (primal-dual) allows only the
// arcs of zero reduced cost. Internal to routes/capacity; polls the StopCheck in every loop.
#pragma once

#include <algorithm>
#include <cstdint>
#include <optional>
#include <vector>

#include "routes/capacity/flow_network.h"
#include "routes/result.h"
#include "routes/stop_check.h"

namespace aircargo::routes::internal {

template <typename Admissible>
class BlockingFlows {
 public:
  BlockingFlows(FlowNetwork& network, StopCheck& stop, Admissible admissible)
      : n_(network),
        stop_(stop),
        admissible_(admissible),
        level_(network.node_count()),
        current_(network.node_count()) {}

  // Pushes up to `limit` kg until the sink is unreachable over admissible arcs; returns the kg.
  Result<std::int64_t> Run(std::int64_t limit) {
    std::int64_t total = 0;
    while (total < limit) {
      if (auto error = BuildLevels()) return *error;
      if (level_[n_.sink()] < 0) break;
      std::fill(current_.begin(), current_.end(), 0);
      for (;;) {
        if (auto error = stop_.Poll()) return *error;
        const std::int64_t pushed = Augment(limit - total);
        if (pushed == 0) break;
        total += pushed;
        if (total >= limit) break;
      }
    }
    return total;
  }

 private:
  bool Usable(std::uint32_t arc) const { return n_.Residual(arc) > 0 && admissible_(arc); }

  std::optional<Error> BuildLevels() {
    std::fill(level_.begin(), level_.end(), -1);
    queue_.clear();
    level_[n_.source()] = 0;
    queue_.push_back(n_.source());
    for (std::size_t i = 0; i < queue_.size(); ++i) {
      if (auto error = stop_.Poll()) return error;
      const std::uint32_t v = queue_[i];
      if (v == n_.sink()) continue;
      for (std::uint32_t arc : n_.OutArcs(v)) {
        const std::uint32_t w = n_.Head(arc);
        if (level_[w] < 0 && Usable(arc)) {
          level_[w] = level_[v] + 1;
          queue_.push_back(w);
        }
      }
    }
    return std::nullopt;
  }

  // One augmenting path in the level graph (advance / retreat); 0 when the phase is blocked.
  std::int64_t Augment(std::int64_t limit) {
    path_.clear();
    std::uint32_t v = n_.source();
    for (;;) {
      if (v == n_.sink()) {
        std::int64_t delta = limit;
        for (std::uint32_t arc : path_) delta = std::min(delta, n_.Residual(arc));
        for (std::uint32_t arc : path_) n_.Push(arc, delta);
        return delta;
      }
      const auto arcs = n_.OutArcs(v);
      bool advanced = false;
      for (std::uint32_t& i = current_[v]; i < arcs.size(); ++i) {
        const std::uint32_t arc = arcs[i];
        const std::uint32_t w = n_.Head(arc);
        if (level_[w] == level_[v] + 1 && Usable(arc)) {
          path_.push_back(arc);
          v = w;
          advanced = true;
          break;
        }
      }
      if (advanced) continue;
      level_[v] = -1;  // a dead end for the rest of this phase
      if (path_.empty()) return 0;
      v = n_.Tail(path_.back());
      path_.pop_back();
      ++current_[v];
    }
  }

  FlowNetwork& n_;
  StopCheck& stop_;
  Admissible admissible_;
  std::vector<int> level_;
  std::vector<std::uint32_t> current_;
  std::vector<std::uint32_t> queue_;
  std::vector<std::uint32_t> path_;
};

}  // namespace aircargo::routes::internal
