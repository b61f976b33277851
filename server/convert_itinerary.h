// PlanItinerary's mapping: the request (codes, RFC 3339 or local times, limits) -> the core's
// ItineraryQuery, and the core's ItineraryPlan -> the response. Validation errors are
// INVALID_ARGUMENT naming the request field ("ready_time: ..."), unknown airports NOT_FOUND.
// Local times ("YYYY-MM-DD HH:MM") convert with the origin's (ready) or destination's (arrive_by)
// IANA zone.
#pragma once

#include <optional>
#include <string>

#include "aircargo/v1/itinerary.pb.h"
#include "routes/itinerary/itinerary.h"
#include "routes/itinerary/itinerary_query.h"
#include "routes/network.h"
#include "routes/result.h"
#include "routes/scenario_view.h"

namespace aircargo::server {

struct ItineraryRequest {
  routes::ItineraryQuery query;
  routes::AirportTime ready;                     // at the origin
  std::optional<routes::AirportTime> arrive_by;  // at the destination
};

routes::Result<ItineraryRequest> ItineraryRequestFromProto(const v1::PlanItineraryRequest& request,
                                                           const routes::Network& network);

// Fills everything but network_version. `view` names routes (extras included).
void ToProto(const routes::ScenarioView& view, const ItineraryRequest& request,
             const routes::ItineraryPlan& plan, v1::PlanItineraryResponse* response);

v1::ItineraryReason ToProto(routes::NoItineraryReason reason);

// Shared with ComputeScheduleCapacity (server/convert_schedule_capacity.cc):
// One instant given either as RFC 3339 (`utc_field`) or as a local time "YYYY-MM-DD HH:MM" at
// `airport` (INVALID_ARGUMENT naming the field when malformed, both given, or, if `required`,
// neither); nullopt when neither is given and it is optional.
routes::Result<std::optional<routes::AirportTime>> ParseInstant(
    const std::string& utc_text, const char* utc_field, const std::string& local_text,
    const char* local_field, const routes::Airport& airport, bool required);
// An instant at an airport in UTC and local time.
v1::ItineraryTime ToProto(const routes::Network& network, routes::AirportId airport,
                          const routes::AirportTime& time);

}  // namespace aircargo::server
