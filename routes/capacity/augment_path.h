// AugmentAlongPath: the augmenting step of the path-based maximum-flow solvers (Dinic's blocking
// flows in routes/capacity/blocking_flow.h, shortest augmenting paths in
// shortest_augmenting_path.cc). It pushes the path's bottleneck, at most `limit` kg, along every
// arc, then cuts the path back to just before its first saturated arc, where the search resumes
// (from that arc's tail). `network` is anything with Residual(arc) and Push(arc, kg): the
// FlowNetwork itself or a reversed view of it. Internal to routes/capacity.
#pragma once

#include <cstdint>
#include <vector>

namespace aircargo::routes::internal {

struct Augmented {
  std::int64_t kg = 0;
  std::uint32_t saturated_arc = 0;  // the first arc the push saturated (or the limit stopped at)
};

template <typename Network>
Augmented AugmentAlongPath(Network& network, std::vector<std::uint32_t>& path, std::int64_t limit) {
  Augmented out{limit, 0};
  std::size_t first_saturated = 0;
  for (std::size_t i = 0; i < path.size(); ++i) {
    if (network.Residual(path[i]) < out.kg) {
      out.kg = network.Residual(path[i]);
      first_saturated = i;
    }
  }
  for (std::uint32_t arc : path) network.Push(arc, out.kg);
  out.saturated_arc = path[first_saturated];
  path.resize(first_saturated);
  return out;
}

}  // namespace aircargo::routes::internal
