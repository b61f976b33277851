#include "server/convert_paths.h"

#include <string>

#include "formats/network_proto.h"
#include "server/convert.h"

namespace aircargo::server {
namespace {

routes::Result<routes::Objective> ObjectiveFromProto(int objective) {
  switch (objective) {
    case v1::PATH_OBJECTIVE_UNSPECIFIED:
    case v1::PATH_OBJECTIVE_DISTANCE:
      return routes::Objective::kDistance;
    case v1::PATH_OBJECTIVE_TRANSIT_TIME:
      return routes::Objective::kTransitTime;
    case v1::PATH_OBJECTIVE_COST:
      return routes::Objective::kCost;
    case v1::PATH_OBJECTIVE_LEGS:
      return routes::Objective::kLegs;
    default:
      return routes::InvalidArgument("objective", "unknown objective " + std::to_string(objective));
  }
}

// The mode filter: the one Mode switch is formats::ModeFromProto; here only the field's error.
routes::Result<routes::Mode> RequiredMode(const std::string& field, int mode) {
  const auto known = formats::ModeFromProto(mode);
  if (!known) return routes::InvalidArgument(field, "unknown mode " + std::to_string(mode));
  return *known;
}

// Resolves a repeated list of airport codes, naming "<field>[i]" on error.
template <typename Codes>
std::optional<routes::Error> ResolveAll(const routes::Network& network, const char* field,
                                        const Codes& codes, std::size_t limit,
                                        std::vector<routes::AirportId>& out) {
  if (static_cast<std::size_t>(codes.size()) > limit) {
    return routes::InvalidArgument(field, "at most " + std::to_string(limit) + " airports, got " +
                                              std::to_string(codes.size()));
  }
  for (int i = 0; i < codes.size(); ++i) {
    auto id = ResolveAirport(network, std::string(field) + "[" + std::to_string(i) + "]", codes[i]);
    if (!id.ok()) return id.error();
    out.push_back(*id);
  }
  return std::nullopt;
}

}  // namespace

routes::Result<routes::PathQuery> PathQueryFromProto(const v1::FindPathsRequest& request,
                                                     const routes::Network& network) {
  routes::PathQuery query;
  auto origin = ResolveAirport(network, "origin", request.origin());
  if (!origin.ok()) return origin.error();
  auto destination = ResolveAirport(network, "destination", request.destination());
  if (!destination.ok()) return destination.error();
  query.origin = *origin;
  query.destination = *destination;
  auto objective = ObjectiveFromProto(request.objective());
  if (!objective.ok()) return objective.error();
  query.objective = *objective;
  query.pareto = request.pareto();
  // A Pareto request need not say k.
  query.k = query.pareto && request.k() == 0 ? 1 : request.k();
  query.max_legs = request.max_legs();
  query.min_capacity_kg_per_week = request.min_capacity_kg_per_week();
  if (auto e = ResolveAll(network, "via", request.via(), routes::kMaxViaAirports, query.via)) {
    return *e;
  }
  if (auto e =
          ResolveAll(network, "avoid", request.avoid(), routes::kMaxAvoidedAirports, query.avoid)) {
    return *e;
  }
  if (request.excluded_carriers_size() > kMaxPathExcludedCarriers) {
    return routes::InvalidArgument("excluded_carriers",
                                   "at most " + std::to_string(kMaxPathExcludedCarriers) +
                                       " carriers, got " +
                                       std::to_string(request.excluded_carriers_size()));
  }
  if (request.modes_size() > kMaxPathModes) {
    return routes::InvalidArgument("modes", "at most " + std::to_string(kMaxPathModes) +
                                                " entries, got " +
                                                std::to_string(request.modes_size()));
  }
  for (const std::string& carrier : request.excluded_carriers()) {
    query.excluded_carriers.push_back(carrier);
  }
  for (int i = 0; i < request.modes_size(); ++i) {
    auto mode = RequiredMode("modes[" + std::to_string(i) + "]", request.modes(i));
    if (!mode.ok()) return mode.error();
    query.modes.push_back(*mode);
  }
  return query;
}

v1::PathReason ToProto(routes::PathReason reason) {
  switch (reason) {
    case routes::PathReason::kFound:
      return v1::PATH_REASON_FOUND;
    case routes::PathReason::kNoConnection:
      return v1::PATH_REASON_NO_CONNECTION;
    case routes::PathReason::kClosedByScenario:
      return v1::PATH_REASON_CLOSED_BY_SCENARIO;
    case routes::PathReason::kExcludedByFilters:
      return v1::PATH_REASON_EXCLUDED_BY_FILTERS;
    case routes::PathReason::kCapacityTooLow:
      return v1::PATH_REASON_CAPACITY_TOO_LOW;
    case routes::PathReason::kTooManyLegs:
      return v1::PATH_REASON_TOO_MANY_LEGS;
    case routes::PathReason::kViaUnreachable:
      return v1::PATH_REASON_VIA_UNREACHABLE;
  }
  return v1::PATH_REASON_UNSPECIFIED;
}

v1::PathObjective ToProto(routes::Objective objective) {
  switch (objective) {
    case routes::Objective::kDistance:
      return v1::PATH_OBJECTIVE_DISTANCE;
    case routes::Objective::kTransitTime:
      return v1::PATH_OBJECTIVE_TRANSIT_TIME;
    case routes::Objective::kCost:
      return v1::PATH_OBJECTIVE_COST;
    case routes::Objective::kLegs:
      return v1::PATH_OBJECTIVE_LEGS;
  }
  return v1::PATH_OBJECTIVE_UNSPECIFIED;
}

void ToProto(const routes::ScenarioView& view, const routes::PathQuery& query,
             const routes::PathsResult& result, v1::FindPathsResponse* response) {
  const routes::Network& network = view.network();
  for (const routes::Path& path : result.paths) {
    v1::PathPlan* plan = response->add_paths();
    for (const routes::PathLeg& leg : routes::MakeLegs(view, path)) {
      v1::PathLeg* out = plan->add_legs();
      out->set_route_id(leg.route_id);
      out->set_origin(network.airport(leg.origin).iata);
      out->set_destination(network.airport(leg.destination).iata);
      out->set_carrier(leg.carrier);
      out->set_mode(formats::ToProto(leg.mode));
      out->set_aircraft(leg.aircraft);
      out->set_distance_km(leg.distance_km);
      out->set_block_minutes(leg.block_minutes);
      out->set_capacity_kg_per_week(leg.capacity_kg_per_week);
      out->set_basis(formats::ToProto(view.route(leg.route).basis));
      *out->mutable_origin_position() = formats::PositionOf(network.airport(leg.origin));
      *out->mutable_destination_position() = formats::PositionOf(network.airport(leg.destination));
    }
    plan->set_distance_km(path.distance_km);
    plan->set_transit_minutes(path.transit_minutes);
    plan->set_cost_per_kg_micros(path.cost_per_kg_micros);
    plan->set_leg_count(static_cast<std::int32_t>(path.legs()));
    plan->set_bottleneck_kg_per_week(path.bottleneck_kg_per_week);
  }
  response->set_reason(ToProto(result.reason));
  response->set_pareto(query.pareto);
  if (!query.pareto) response->set_objective(ToProto(query.objective));
}

}  // namespace aircargo::server
