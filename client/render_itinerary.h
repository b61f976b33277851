// Text for `aircargo itinerary`: each itinerary as its steps (ready, export clearance, waits,
// legs with local and UTC times, import clearance, delivery), waits marked ">> wait 6d 22h at
// SHE", the latest hand-over for --arrive-by, and the reason when nothing was found. Pure.
#pragma once

#include <cstdint>
#include <string>

#include "aircargo/v1/itinerary.pb.h"

namespace aircargo::client {

// 9960 -> "6d 22h", 20160 -> "14d", 9965 -> "6d 22h 05m", 185 -> "3h 05m", 45 -> "45m", 0 -> "0m";
// days drop zero minutes.
std::string FormatWait(std::int64_t minutes);

// "NO_CONNECTION" for ITINERARY_REASON_NO_CONNECTION; "" for UNSPECIFIED.
std::string ItineraryReasonName(v1::ItineraryReason reason);

std::string RenderItineraries(const v1::PlanItineraryRequest& request,
                              const v1::PlanItineraryResponse& response);

}  // namespace aircargo::client
