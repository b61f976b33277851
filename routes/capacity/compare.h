// CompareScenarios: the planner's headline report. For a list of origin-destination pairs, two
// scenario views side by side (typically operating routes today vs. with the planned routes):
// maximum weekly capacity (kg/week, ComputeCapacity), fastest transit (minutes), cheapest cost per
// kg (micros) and fewest legs (each by FindPaths with k = 1 under that objective), and whether the
// destination is reachable at all, so callers can list what the alternative adds.
//
// Work is shared per origin: pairs are grouped by origin, and per origin and scenario one flow
// network is built and re-solved per destination (only the sink moves), and for an origin with
// several destinations one one-to-all search per objective answers every destination (see
// PathSearch::SearchAll; where an A* search could break an exact tie the other way, that pair
// gets its own FindPaths). The answers equal one ComputeCapacity and one FindPaths k = 1 per pair
// and objective (tests/routes/capacity/compare_oracle_test.cc).
//
// Both views must be over the same network. Errors: INVALID_ARGUMENT "pairs[i]" (origin equal to
// destination, or no pairs), NOT_FOUND for ids out of range, DEADLINE_EXCEEDED / CANCELLED.
// Thread safety: the views may be shared; one PathWorkspace, one FlowWorkspace and one StopCheck
// per call at a time (the overload without workspaces uses fresh ones).
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "routes/capacity/flow_workspace.h"
#include "routes/ids.h"
#include "routes/network.h"
#include "routes/paths/path.h"
#include "routes/paths/path_workspace.h"
#include "routes/result.h"
#include "routes/scenario_view.h"
#include "routes/stop_check.h"

namespace aircargo::routes {

// Pairs a single comparison may list.
inline constexpr std::size_t kMaxComparePairs = 10'000;

struct OdPair {
  AirportId origin;
  AirportId destination;
};

// One pair under one scenario. Paths are empty when the destination is unreachable.
struct PairMetrics {
  bool reachable = false;
  std::int64_t max_capacity_kg_per_week = 0;
  std::optional<Path> fastest;      // least transit minutes
  std::optional<Path> cheapest;     // least cost per kg
  std::optional<Path> fewest_legs;  // fewest legs
};

struct PairComparison {
  OdPair pair;
  PairMetrics baseline;
  PairMetrics alternative;

  bool newly_reachable() const { return !baseline.reachable && alternative.reachable; }
  bool no_longer_reachable() const { return baseline.reachable && !alternative.reachable; }
  std::int64_t capacity_change_kg_per_week() const {
    return alternative.max_capacity_kg_per_week - baseline.max_capacity_kg_per_week;
  }
};

struct ScenarioComparison {
  std::vector<PairComparison> pairs;  // in request order
};

// `origin` to every other airport of the network, in network order.
std::vector<OdPair> PairsFromOrigin(const Network& network, AirportId origin);

Result<ScenarioComparison> CompareScenarios(const ScenarioView& baseline,
                                            const ScenarioView& alternative,
                                            std::span<const OdPair> pairs, PathWorkspace& paths,
                                            FlowWorkspace& flows, StopCheck& stop);
Result<ScenarioComparison> CompareScenarios(const ScenarioView& baseline,
                                            const ScenarioView& alternative,
                                            std::span<const OdPair> pairs, StopCheck& stop);

}  // namespace aircargo::routes
