// Text for `aircargo demand plan` and `aircargo demand upgrades`: the per-demand table (delivered,
// shortfall, cost per kg, main path), the per-route loads, the saturated limits with their shadow
// prices, and the ranked upgrades (predicted bound vs verified gain). Tonnes per week
// (client/units.h), money in currency units. Pure functions.
#pragma once

#include <string>

#include "aircargo/v1/demand.pb.h"

namespace aircargo::client {

std::string RenderDemandPlan(const v1::PlanDemandResponse& response);
std::string RenderDemandUpgrades(const v1::PlanDemandResponse& response);

}  // namespace aircargo::client
