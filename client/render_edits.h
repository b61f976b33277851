// Text for the edit commands: the new version after a write, the edit log (`aircargo history`)
// and watch events. Pure functions.
#pragma once

#include <string>

#include "aircargo/v1/edits.pb.h"
#include "aircargo/v1/network_edit_service.pb.h"

namespace aircargo::client {

// "SHE-YVR-W8 updated (flights_per_week): network version 43\n".
std::string RenderEditResponse(const v1::EditResponse& response, const std::string& what);
// One edit in words: "update_route SHE-YVR-W8 (flights_per_week)".
std::string DescribeEdit(const v1::NetworkEdit& edit);
// "version  time (UTC)  author  edits" lines, one per edit of each record.
std::string RenderHistory(const v1::ListEditsResponse& response);
// "version 43  2026-12-01T22:50:00Z  planner  update_route ..." or "heartbeat: head version 43".
std::string RenderWatchEvent(const v1::WatchNetworkResponse& event);

}  // namespace aircargo::client
