// ComputeScheduleCapacity's mapping: the request (codes or a country, RFC 3339 or local times,
// demand, capacity factor) -> the core's ScheduleCapacityQuery, and the core's result -> the
// response. Validation names the request field: "origin", "destinations[i]", "destination_country",
// "destinations" as ComputeCapacity (server/convert_capacity.h); "ready_time" / "ready_local"
// (local at the origin), "deadline_time" / "deadline_local" (local at the first destination):
// INVALID_ARGUMENT when malformed, missing, both given, not after the ready time or more than 31
// days after it; "demand_kg" (0..1e12), "flight_capacity_factor" ((0, 1000], NaN rejected).
#pragma once

#include "aircargo/v1/schedule_capacity.pb.h"
#include "routes/capacity/schedule_capacity.h"
#include "routes/itinerary/itinerary.h"
#include "routes/network.h"
#include "routes/result.h"
#include "routes/scenario_view.h"

namespace aircargo::server {

struct ScheduleCapacityRequest {
  routes::ScheduleCapacityQuery query;
  routes::AirportTime ready;     // at the origin
  routes::AirportTime deadline;  // at the first destination
};

routes::Result<ScheduleCapacityRequest> ScheduleCapacityRequestFromProto(
    const v1::ComputeScheduleCapacityRequest& request, const routes::Network& network);

// Fills everything but network_version and stored_scenario. `view` names routes (extras too).
void ToProto(const routes::ScenarioView& view, const ScheduleCapacityRequest& request,
             const routes::ScheduleCapacityResult& result,
             v1::ComputeScheduleCapacityResponse* response);

v1::ScheduleCapacityReason ToProto(routes::NoScheduleReason reason);

}  // namespace aircargo::server
