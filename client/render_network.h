// Text for `aircargo network`: the network's name, version, description and totals. Pure.
#pragma once

#include <string>

#include "aircargo/v1/network_service.pb.h"

namespace aircargo::client {

// "key  value" lines: name, version, description, airports, routes with one indented line per
// status (count and t/week), carriers, countries and the operating capacity in t/week.
std::string RenderNetworkSummary(const v1::GetNetworkResponse& response);

}  // namespace aircargo::client
