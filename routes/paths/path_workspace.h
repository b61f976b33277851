// PathWorkspace: per-thread scratch for FindPaths (distances, predecessors, the heap, visited and
// blocked stamps, per-query A* bounds). Reused across queries so a query allocates nothing once
// the workspace has grown to the network's size; never stored in the network, and holding nothing
// of one (the arcs searches walk are the snapshot's, Network::path_arcs()), so one workspace serves
// any snapshot. Not thread safe: one workspace per thread. Default-constructible and movable.
#pragma once

#include <cstddef>
#include <memory>

namespace aircargo::routes {

class PathWorkspace {
 public:
  PathWorkspace();
  ~PathWorkspace();
  PathWorkspace(PathWorkspace&&) noexcept;
  PathWorkspace& operator=(PathWorkspace&&) noexcept;
  PathWorkspace(const PathWorkspace&) = delete;
  PathWorkspace& operator=(const PathWorkspace&) = delete;

  // Search states settled by the last FindPaths call (all its searches); for tests and benchmarks.
  std::size_t settled_states() const;
  // A* bounds on (default) or off (plain Dijkstra with early exit); for tests and benchmarks.
  void set_use_bounds(bool use_bounds);

  // The scratch itself; routes/paths internals only (defined in routes/paths/path_scratch.h).
  struct Scratch;
  Scratch& scratch() { return *scratch_; }

 private:
  std::unique_ptr<Scratch> scratch_;
};

}  // namespace aircargo::routes
