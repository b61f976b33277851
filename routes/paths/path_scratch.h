// The inside of PathWorkspace (routes/paths internals only): arrays indexed by search state,
// airport and route, reset lazily with stamps so a query costs what it touches, not the network's
// size; and the per-network A* constants, recomputed when the workspace meets another network.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "routes/network.h"
#include "routes/paths/path_workspace.h"

namespace aircargo::routes {

// A vector of stamps: Mark(i) sets entry i for the current generation; Reset() starts a new one in
// O(1) (O(n) once every 2^32 resets).
class StampSet {
 public:
  void Resize(std::size_t n) {
    if (stamps_.size() < n) stamps_.resize(n, 0);
  }
  void Reset() {
    if (++current_ == 0) {
      std::fill(stamps_.begin(), stamps_.end(), 0);
      current_ = 1;
    }
  }
  void Mark(std::size_t i) { stamps_[i] = current_; }
  bool Has(std::size_t i) const { return stamps_[i] == current_; }

 private:
  std::vector<std::uint32_t> stamps_;
  std::uint32_t current_ = 1;
};

struct PathWorkspace::Scratch {
  static constexpr std::uint32_t kNone = 0xffffffffu;

  struct HeapItem {
    double f;    // distance so far + bound
    double tie;  // secondary key
    std::uint32_t state;
  };

  // Per search state.
  std::vector<double> dist;
  std::vector<double> tie;
  std::vector<std::uint32_t> pred_state;
  std::vector<std::uint32_t> pred_route;
  StampSet reached;
  StampSet settled;
  std::vector<HeapItem> heap;

  // Per airport: blocked for this search (Yen's root path), avoided / via position for this query.
  StampSet blocked_airport;
  StampSet avoided_airport;
  StampSet via_airport;
  std::vector<int> via_position;
  // Per (airport, via layer): great-circle km to the layer's next target, cached for this query.
  std::vector<double> bound_km;
  StampSet bound_known;

  // Per route: blocked for this search (Yen's deviations).
  StampSet blocked_route;

  // Per-network A* constants: route km >= km_ratio x great-circle km; great-circle km per minute of
  // block + expected wait <= max_km_per_minute. Keyed by the network's identity.
  const Network* network = nullptr;
  std::int64_t network_version = -1;
  const void* airports_data = nullptr;
  const void* routes_data = nullptr;
  std::size_t airport_count = 0;
  std::size_t route_count = 0;
  double km_ratio = 1.0;
  double max_km_per_minute = 0.0;

  bool use_bounds = true;
  std::size_t settled_count = 0;
};

}  // namespace aircargo::routes
