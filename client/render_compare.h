// Text for `aircargo compare`: per origin-destination pair, the baseline and alternative
// scenarios side by side (maximum t/week, fastest transit, cheapest cost per kg, fewest legs) and
// what the alternative changes ("new" for destinations it makes reachable). Pure function.
#pragma once

#include <cstdint>
#include <string>

#include "aircargo/v1/compare.pb.h"

namespace aircargo::client {

// Minutes as hours and minutes: 1690 -> "28h10m"; 45 -> "0h45m".
std::string FormatTransit(std::int64_t minutes);

// `baseline_label` / `alternative_label` head the columns ("today", "planned").
std::string RenderComparison(const v1::CompareScenariosResponse& response,
                             const std::string& baseline_label,
                             const std::string& alternative_label);

}  // namespace aircargo::client
