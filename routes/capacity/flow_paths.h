// DecomposeFlow: splits the current flow of a FlowNetwork into source -> sink paths (as arc
// pairs, with the kilograms on each). Flow cycles, if any (zero-cost cycles of a min-cost flow,
// circulations left by a max flow), are cancelled on the way: they carry nothing from source to
// sink, so the paths still add up to the flow value. O(paths x path length + arcs).
// Errors: DEADLINE_EXCEEDED / CANCELLED from the StopCheck. Internal to routes/capacity.
#pragma once

#include <cstdint>
#include <vector>

#include "routes/capacity/flow_network.h"
#include "routes/result.h"
#include "routes/stop_check.h"

namespace aircargo::routes {

struct FlowPath {
  std::vector<std::uint32_t> pairs;  // forward arc pairs from the source to the sink
  std::int64_t kg = 0;
};

Result<std::vector<FlowPath>> DecomposeFlow(const FlowNetwork& network, StopCheck& stop);

}  // namespace aircargo::routes
