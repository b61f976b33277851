// Text rendering of FindPaths answers: one block per path (a legs table, then the totals) or one
// line saying why there is none. Pure functions over the response message.
#pragma once

#include <cstdint>
#include <string>

#include "aircargo/v1/paths.pb.h"

namespace aircargo::client {

// Minutes as "2d 03h 10m"; under a day "03h 10m"; negative values clamp to "00h 00m".
std::string FormatDuration(std::int64_t minutes);
// Micros per kilogram as currency units with two decimals: 3300000 -> "3.30".
std::string FormatCostPerKg(std::int64_t micros);
// What a PathReason means, for the "no path" line.
std::string DescribePathReason(v1::PathReason reason);

// Every path of `response` as a block, blank lines between blocks.
std::string RenderPaths(const v1::FindPathsResponse& response, const std::string& origin,
                        const std::string& destination);

}  // namespace aircargo::client
