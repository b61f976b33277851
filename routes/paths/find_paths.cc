#include "routes/paths/find_paths.h"

#include <algorithm>
#include <string>
#include <tuple>
#include <utility>

#include "routes/paths/k_shortest.h"
#include "routes/paths/pareto.h"
#include "routes/paths/path_scratch.h"
#include "routes/paths/shortest_path.h"

namespace aircargo::routes {
namespace {

std::optional<Error> CheckAirport(const Network& network, AirportId id, const std::string& field) {
  if (id.value >= network.airports().size()) {
    return NotFound(field, "no airport with index " + std::to_string(id.value));
  }
  return std::nullopt;
}

std::optional<Error> Validate(const Network& network, const PathQuery& q) {
  if (auto e = CheckAirport(network, q.origin, "origin")) return e;
  if (auto e = CheckAirport(network, q.destination, "destination")) return e;
  if (q.origin == q.destination) {
    return InvalidArgument("destination",
                           "must differ from the origin (" + network.airport(q.origin).iata + ")");
  }
  switch (q.objective) {
    case Objective::kDistance:
    case Objective::kTransitTime:
    case Objective::kCost:
    case Objective::kLegs:
      break;
    default:
      return InvalidArgument("objective", "unknown objective");
  }
  if (q.k < 1 || q.k > kMaxPathsK) {
    return InvalidArgument("k", "must be between 1 and " + std::to_string(kMaxPathsK) + ", got " +
                                    std::to_string(q.k));
  }
  if (q.max_legs < 0 || q.max_legs > kMaxPathLegs) {
    return InvalidArgument("max_legs", "must be between 0 (unlimited) and " +
                                           std::to_string(kMaxPathLegs) + ", got " +
                                           std::to_string(q.max_legs));
  }
  if (q.min_capacity_kg_per_week < 0) {
    return InvalidArgument(
        "min_capacity_kg_per_week",
        "must not be negative, got " + std::to_string(q.min_capacity_kg_per_week));
  }
  if (q.via.size() > kMaxViaAirports) {
    return InvalidArgument("via", "at most " + std::to_string(kMaxViaAirports) + " airports, got " +
                                      std::to_string(q.via.size()));
  }
  for (std::size_t i = 0; i < q.via.size(); ++i) {
    const std::string field = "via[" + std::to_string(i) + "]";
    if (auto e = CheckAirport(network, q.via[i], field)) return e;
    if (q.via[i] == q.origin || q.via[i] == q.destination) {
      return InvalidArgument(field, "must be neither the origin nor the destination");
    }
    if (std::find(q.via.begin(), q.via.begin() + static_cast<long>(i), q.via[i]) !=
        q.via.begin() + static_cast<long>(i)) {
      return InvalidArgument(field, network.airport(q.via[i]).iata + " is listed twice");
    }
  }
  if (q.avoid.size() > kMaxAvoidedAirports) {
    return InvalidArgument("avoid", "at most " + std::to_string(kMaxAvoidedAirports) +
                                        " airports, got " + std::to_string(q.avoid.size()));
  }
  for (std::size_t i = 0; i < q.avoid.size(); ++i) {
    const std::string field = "avoid[" + std::to_string(i) + "]";
    if (auto e = CheckAirport(network, q.avoid[i], field)) return e;
    if (q.avoid[i] == q.origin || q.avoid[i] == q.destination ||
        std::find(q.via.begin(), q.via.end(), q.avoid[i]) != q.via.end()) {
      return InvalidArgument(field, network.airport(q.avoid[i]).iata +
                                        " is the origin, the destination or a via airport");
    }
  }
  for (std::size_t i = 0; i < q.modes.size(); ++i) {
    if (!IsKnownMode(q.modes[i])) {
      return InvalidArgument("modes[" + std::to_string(i) + "]", "unknown mode");
    }
  }
  return std::nullopt;
}

// Whether any path exists under `rules`.
Result<bool> Exists(const ScenarioView& view, const PathQuery& query,
                    PathWorkspace::Scratch& scratch, StopCheck& stop, SearchRules rules) {
  PathSearch search(view, query, scratch, stop, rules);
  auto found = search.Shortest(query.origin, 0, 0);
  if (!found.ok()) return found.error();
  return found->has_value();
}

// Why nothing qualifies: relaxes every constraint, then adds them back one by one; the first one
// that leaves no path is the reason. Stages whose constraint the query does not set are skipped
// (they cannot change the answer), so an unconstrained query costs one extra search.
Result<PathReason> Diagnose(const ScenarioView& view, const PathQuery& query,
                            PathWorkspace::Scratch& scratch, StopCheck& stop) {
  const bool filters =
      !query.avoid.empty() || !query.excluded_carriers.empty() || !query.modes.empty();
  const bool capacity = query.min_capacity_kg_per_week > 0;
  const bool legs = query.max_legs > 0;
  const bool via = !query.via.empty();
  SearchRules rules{true, false, false, false, false};
  bool open = false;  // the full query already found nothing, so with no constraint: none
  if (filters || capacity || legs || via) {
    auto found = Exists(view, query, scratch, stop, rules);
    if (!found.ok()) return found.error();
    open = *found;
  }
  if (!open) {
    rules.scenario = false;
    auto any = Exists(view, query, scratch, stop, rules);
    if (!any.ok()) return any.error();
    return *any ? PathReason::kClosedByScenario : PathReason::kNoConnection;
  }
  const std::tuple<bool, bool SearchRules::*, PathReason> steps[] = {
      {filters, &SearchRules::filters, PathReason::kExcludedByFilters},
      {capacity, &SearchRules::capacity, PathReason::kCapacityTooLow},
      {legs, &SearchRules::legs, PathReason::kTooManyLegs},
  };
  for (const auto& [active, member, reason] : steps) {
    if (!active) continue;
    rules.*member = true;
    auto found = Exists(view, query, scratch, stop, rules);
    if (!found.ok()) return found.error();
    if (!*found) return reason;
  }
  return PathReason::kViaUnreachable;
}

}  // namespace

const char* ObjectiveName(Objective objective) {
  switch (objective) {
    case Objective::kDistance:
      return "distance";
    case Objective::kTransitTime:
      return "transit_time";
    case Objective::kCost:
      return "cost";
    case Objective::kLegs:
      return "legs";
  }
  return "unknown";
}

const char* PathReasonName(PathReason reason) {
  switch (reason) {
    case PathReason::kFound:
      return "FOUND";
    case PathReason::kNoConnection:
      return "NO_CONNECTION";
    case PathReason::kClosedByScenario:
      return "CLOSED_BY_SCENARIO";
    case PathReason::kExcludedByFilters:
      return "EXCLUDED_BY_FILTERS";
    case PathReason::kCapacityTooLow:
      return "CAPACITY_TOO_LOW";
    case PathReason::kTooManyLegs:
      return "TOO_MANY_LEGS";
    case PathReason::kViaUnreachable:
      return "VIA_UNREACHABLE";
  }
  return "UNKNOWN";
}

Result<PathsResult> FindPaths(const ScenarioView& view, const PathQuery& query,
                              PathWorkspace& workspace, StopCheck& stop) {
  if (auto error = Validate(view.network(), query)) return *error;
  PathWorkspace::Scratch& scratch = workspace.scratch();
  scratch.settled_count = 0;

  PathSearch search(view, query, scratch, stop);
  auto routes = query.pareto ? ParetoPaths(search, kMaxParetoPaths, stop)
                             : KShortestPaths(search, query.k, stop);
  if (!routes.ok()) return routes.error();

  PathsResult result;
  result.paths.reserve(routes->size());
  for (std::vector<RouteId>& sequence : routes.value()) {
    result.paths.push_back(MakePath(view, std::move(sequence)));
  }
  if (result.paths.empty()) {
    auto reason = Diagnose(view, query, scratch, stop);
    if (!reason.ok()) return reason.error();
    result.reason = *reason;
  }
  return result;
}

bool HierarchyAnswers(const PathQuery& query) {
  return query.k == 1 && !query.pareto && query.max_legs == 0 &&
         query.min_capacity_kg_per_week == 0 && query.via.empty() && query.avoid.empty() &&
         query.excluded_carriers.empty() && query.modes.empty();
}

Result<PathsResult> FindPaths(const ScenarioView& view, const PathQuery& query,
                              PathWorkspace& workspace, StopCheck& stop,
                              const ContractionHierarchy* hierarchy) {
  if (hierarchy == nullptr) return FindPaths(view, query, workspace, stop);
  if (&hierarchy->view() != &view) {
    return MakeError(ErrorCode::kInternal, "hierarchy", "the hierarchy is another view's");
  }
  if (!HierarchyAnswers(query) || query.objective != hierarchy->objective()) {
    return FindPaths(view, query, workspace, stop);
  }
  if (auto error = Validate(view.network(), query)) return *error;
  if (auto error = stop.Check()) return *error;
  PathWorkspace::Scratch& scratch = workspace.scratch();
  auto routes = hierarchy->Query(query.origin, query.destination, scratch.hierarchy);
  scratch.settled_count = scratch.hierarchy.settled;
  if (!routes) return FindPaths(view, query, workspace, stop);  // the search gives the reason
  PathsResult result;
  result.paths.push_back(MakePath(view, std::move(*routes)));
  return result;
}

}  // namespace aircargo::routes
