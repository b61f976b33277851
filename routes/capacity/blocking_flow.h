// BlockingFlows: Dinic's phases over the arcs of a FlowNetwork that an `Admissible(arc)` predicate
// allows. Max flow allows every arc with residual capacity; min-cost flow (primal-dual) allows
// only the arcs of zero reduced cost. Internal to routes/capacity; polls the StopCheck in every
// loop.
//
// Each phase labels the nodes of the shortest augmenting paths by a bidirectional breadth-first
// search (forward over residual arcs from the source, backward from the sink, always growing the
// side whose next level has fewer arcs to scan) that stops as soon as the two meet. On a world
// route network the source and the sink are usually hubs two or three hops apart, and a
// one-sided search must label nearly every airport before it reaches the other end; meeting in
// the middle scans a small fraction of that. Then an iterative DFS with current-arc pointers
// follows arcs one level up; after each augmentation it retreats only to the tail of the first
// saturated arc instead of restarting at the source.
//
// The scratch arrays live in a FlowWorkspace the caller owns (routes/capacity/flow_workspace.h),
// so a solve allocates nothing once the workspace has grown to the network's size.
#pragma once

#include <algorithm>
#include <cstdint>
#include <optional>
#include <utility>
#include <vector>

#include "routes/capacity/augment_path.h"
#include "routes/capacity/flow_network.h"
#include "routes/capacity/flow_workspace.h"
#include "routes/result.h"
#include "routes/stop_check.h"

namespace aircargo::routes::internal {

using routes::FlowWorkspace;

template <typename Admissible>
class BlockingFlows {
 public:
  BlockingFlows(FlowNetwork& network, StopCheck& stop, Admissible admissible,
                FlowWorkspace& workspace)
      : n_(network), stop_(stop), admissible_(admissible), w_(workspace) {
    w_.level.resize(network.node_count());
    w_.back.resize(network.node_count());
    w_.current.resize(network.node_count());
  }

  // Pushes up to `limit` kg until the sink is unreachable over admissible arcs; returns the kg.
  Result<std::int64_t> Run(std::int64_t limit) {
    std::int64_t total = 0;
    while (total < limit) {
      auto reached = BuildLevels();
      if (!reached.ok()) return reached.error();
      if (!*reached) break;
      std::fill(w_.current.begin(), w_.current.end(), 0U);
      auto pushed = Phase(limit - total);
      if (!pushed.ok()) return pushed.error();
      // Unreachable: the labels hold a shortest path, so a phase always pushes something.
      if (*pushed == 0) return MakeError(ErrorCode::kInternal, "", "blocking flow pushed nothing");
      total += *pushed;
    }
    return total;
  }

 private:
  bool Usable(std::uint32_t arc) const { return n_.Residual(arc) > 0 && admissible_(arc); }

  // Labels level[v] = the position v would have on a shortest source -> sink path over usable
  // arcs (source 0, sink L), by a bidirectional BFS that grows the cheaper side one level at a
  // time and stops at the first node labelled from both sides; false when the sink is cut off.
  // Every node of every shortest path is labelled consistently: one at position i <= a (the
  // forward radius when the searches met) carries its forward distance, one further on is within
  // the complete backward levels and carries L minus its distance to the sink. So the arcs from
  // level k to level k + 1 hold every shortest path and no other path.
  Result<bool> BuildLevels() {
    std::vector<std::int32_t>& forward = w_.level;  // distance from the source, -1 unlabelled
    std::vector<std::int32_t>& backward = w_.back;  // distance to the sink, -1 unlabelled
    std::fill(forward.begin(), forward.end(), -1);
    std::fill(backward.begin(), backward.end(), -1);
    w_.queue.assign(1, n_.source());
    w_.back_queue.assign(1, n_.sink());
    forward[n_.source()] = 0;
    backward[n_.sink()] = 0;
    std::size_t forward_begin = 0;
    std::size_t backward_begin = 0;
    std::uint64_t forward_work = n_.OutArcs(n_.source()).size();
    std::uint64_t backward_work = n_.OutArcs(n_.sink()).size();
    std::int32_t a = 0;  // complete forward levels 0..a
    std::int32_t b = 0;  // complete backward levels 0..b
    std::int32_t length = -1;
    while (length < 0) {
      const bool grow_forward = forward_work <= backward_work;
      std::vector<std::uint32_t>& queue = grow_forward ? w_.queue : w_.back_queue;
      std::vector<std::int32_t>& mine = grow_forward ? forward : backward;
      const std::vector<std::int32_t>& theirs = grow_forward ? backward : forward;
      std::size_t& begin = grow_forward ? forward_begin : backward_begin;
      const std::int32_t next = (grow_forward ? a : b) + 1;
      const std::size_t end = queue.size();
      if (begin == end) return false;  // this side's reachable set is exhausted
      std::uint64_t work = 0;
      for (std::size_t i = begin; i < end && length < 0; ++i) {
        if (auto error = stop_.Poll()) return *error;
        for (std::uint32_t arc : n_.OutArcs(queue[i])) {
          const std::uint32_t u = n_.Head(arc);
          if (mine[u] >= 0) continue;
          if (!Usable(grow_forward ? arc : FlowNetwork::Reverse(arc))) continue;
          mine[u] = next;
          queue.push_back(u);
          work += n_.OutArcs(u).size();
          if (theirs[u] >= 0) {
            length = next + (grow_forward ? b : a);
            break;
          }
        }
      }
      begin = end;
      (grow_forward ? a : b) = next;
      (grow_forward ? forward_work : backward_work) = work;
    }
    // Positions: forward distance where known, else length - distance to the sink.
    for (std::uint32_t v : w_.back_queue) {
      if (forward[v] < 0) forward[v] = length - backward[v];
    }
    return true;
  }

  // One blocking flow over the arcs that lead one level closer to the sink (advance / retreat).
  Result<std::int64_t> Phase(std::int64_t limit) {
    std::vector<std::uint32_t>& path = w_.path;
    path.clear();
    const std::uint32_t source = n_.source();
    const std::uint32_t sink = n_.sink();
    std::int64_t total = 0;
    std::uint32_t v = source;
    while (total < limit) {
      if (auto error = stop_.Poll()) return *error;
      if (v == sink) {
        if (w_.journal) w_.pushed.insert(w_.pushed.end(), path.begin(), path.end());
        const Augmented pushed = AugmentAlongPath(n_, path, limit - total);
        total += pushed.kg;
        v = n_.Tail(pushed.saturated_arc);
        continue;
      }
      const auto arcs = n_.OutArcs(v);
      const std::int32_t want = w_.level[v] + 1;
      std::uint32_t& i = w_.current[v];
      while (i < arcs.size() && !(w_.level[n_.Head(arcs[i])] == want && Usable(arcs[i]))) ++i;
      if (i < arcs.size()) {
        path.push_back(arcs[i]);
        v = n_.Head(arcs[i]);
        continue;
      }
      w_.level[v] = -1;  // a dead end for the rest of this phase
      if (path.empty()) break;
      v = n_.Tail(path.back());
      path.pop_back();
      ++w_.current[v];
    }
    return total;
  }

  FlowNetwork& n_;
  StopCheck& stop_;
  Admissible admissible_;
  FlowWorkspace& w_;
};

}  // namespace aircargo::routes::internal
