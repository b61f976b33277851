// Maps of plan results, for the planning commands' --svg / --geojson: the path plans of a
// FindPaths answer, one colour per path, at the positions its legs carry (one call, one network
// version). Pure functions; writing goes through formats::WriteMapFile (format chosen by the
// file's extension).
#pragma once

#include <string>

#include "aircargo/v1/paths.pb.h"
#include "aircargo/v1/schedule_capacity.pb.h"
#include "formats/map_layer.h"

namespace aircargo::client {

// One layer per path ("path 1", ...): its legs as great-circle lines (label = route id, width by
// weekly capacity), and the airports it touches (origin and destination emphasised). Legs without
// positions (a server older than the fields) are left out.
formats::MapDocument PathsMap(const v1::FindPathsResponse& response, const std::string& title);

// The flights a ComputeScheduleCapacity answer books, one line per route (label = route id, width
// by the tonnes booked on its flights together, property "flights" = how many dated flights), in
// layer "booked"; routes with a saturated flight of the minimum cut drawn again in layer
// "bottleneck". Airports touched, origin and destinations emphasised.
formats::MapDocument ScheduleMap(const v1::ComputeScheduleCapacityResponse& response,
                                 const std::string& title);

}  // namespace aircargo::client
