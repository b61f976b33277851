// Text for `aircargo capacity`, `flow` and `closures`: the maximum weekly throughput with its
// bottleneck (min cut) and route utilisation, the minimum-cost flow plan with its shortfall and
// paths, and the ranked closure impacts. Tonnes per week (client/units.h), percentages with one
// decimal, money in currency units with two decimals. Pure functions.
#pragma once

#include <cstdint>
#include <string>

#include "aircargo/v1/capacity.pb.h"

namespace aircargo::client {

// 12.345 % style: 0.8765 -> "87.7%".
std::string FormatPercent(double fraction);
// Micros as currency units with two decimals: 2'500'000 -> "2.50"; 1234567890000 -> "1,234,567.89".
std::string FormatMoney(std::int64_t micros);

// `origin` and `destinations` label the header ("SHE -> YVR, SEA").
std::string RenderCapacity(const v1::ComputeCapacityResponse& response, const std::string& origin);
std::string RenderFlowPlan(const v1::PlanFlowResponse& response, const std::string& origin);
std::string RenderClosures(const v1::AnalyzeClosuresResponse& response, const std::string& origin);

}  // namespace aircargo::client
