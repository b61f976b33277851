// Text for `aircargo capacity FROM TO --ready ... --deadline ...` (ComputeScheduleCapacity): the
// tonnes delivered by the deadline next to the static weekly figure prorated to the window, the
// booking plan (one row per dated flight, local times at each airport), the saturated flights of
// the minimum cut, the cheapest plan for --tonnes with its shortfall, and the reason when nothing
// arrives. Tonnes with one decimal (client/units.h). Pure functions.
#pragma once

#include <string>

#include "aircargo/v1/schedule_capacity.pb.h"

namespace aircargo::client {

// "NO_DEPARTURE_IN_WINDOW" for SCHEDULE_CAPACITY_REASON_NO_DEPARTURE_IN_WINDOW; "" when unset.
std::string ScheduleReasonName(v1::ScheduleCapacityReason reason);

std::string RenderScheduleCapacity(const v1::ComputeScheduleCapacityResponse& response,
                                   const std::string& origin);

}  // namespace aircargo::client
