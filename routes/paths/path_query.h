// PathQuery: what FindPaths is asked (origin, destination, objective, k, Pareto) and the
// constraints every returned path satisfies; Objective and PathReason, the vocabulary of the
// answer. Plain values, no validation here (FindPaths validates and names the offending field).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "routes/ids.h"
#include "routes/route.h"

namespace aircargo::routes {

// What "best" means. Units: kilometres, minutes (see TransitModel in path.h), micros per kg, legs.
enum class Objective { kDistance, kTransitTime, kCost, kLegs };

// Why a result is empty (kFound when it is not). For an empty result, the reason names the first
// constraint, in this order, that the best unconstrained candidate could not satisfy.
enum class PathReason {
  kFound,             // at least one path
  kNoConnection,      // no path in the network at all, even with every route open
  kClosedByScenario,  // paths exist, but the scenario (closures, status, dates, carriers) cuts them
  kExcludedByFilters,  // the query's avoided airports, excluded carriers or modes cut every path
  kCapacityTooLow,     // every path has a leg below min_capacity_kg_per_week
  kTooManyLegs,        // every path needs more than max_legs legs
  kViaUnreachable,     // no path passes the via airports in order
};

const char* ObjectiveName(Objective objective);  // "distance", "transit_time", "cost", "legs"
const char* PathReasonName(PathReason reason);   // "FOUND", "NO_CONNECTION", ...

// Limits, checked by FindPaths (INVALID_ARGUMENT with the field name).
inline constexpr int kMaxPathsK = 50;
inline constexpr int kMaxPathLegs = 10;
inline constexpr std::size_t kMaxViaAirports = 8;
inline constexpr std::size_t kMaxAvoidedAirports = 1000;
// The Pareto set is cut at this many paths (fastest first).
inline constexpr std::size_t kMaxParetoPaths = 50;

struct PathQuery {
  AirportId origin;
  AirportId destination;
  Objective objective = Objective::kDistance;
  // Number of loopless alternatives, in order of the objective; 1..kMaxPathsK.
  int k = 1;
  // Instead of k paths by one objective: every non-dominated path over (transit minutes, cost per
  // kg, legs), fastest first (at most kMaxParetoPaths). Ignores `objective` and `k`.
  bool pareto = false;

  // Constraints. 0 = unlimited, else 1..kMaxPathLegs.
  int max_legs = 0;
  // Every leg must carry at least this much per week (scenario capacity, after factors); >= 0.
  std::int64_t min_capacity_kg_per_week = 0;
  // Airports the path must pass through, in this order (at most kMaxViaAirports; distinct, and
  // neither the origin nor the destination).
  std::vector<AirportId> via;
  // Airports the path must not touch (at most kMaxAvoidedAirports; not origin/destination/via).
  std::vector<AirportId> avoid;
  // Carrier codes (case-insensitive) whose routes are not used, on top of the scenario's.
  std::vector<std::string> excluded_carriers;
  // Modes allowed; empty = all.
  std::vector<Mode> modes;
};

}  // namespace aircargo::routes
