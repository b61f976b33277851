// Text renderings of stored scenarios (aircargo scenario ...): one-line results of writes, the
// list table (stale scenarios flagged with their problems), one scenario in detail, one line per
// watched change. Pure functions.
#pragma once

#include <string>

#include "aircargo/v1/scenario_service.pb.h"

namespace aircargo::client {

// "with planned routes; closed airports PEK; factors SHE-YVR-W8=3" ("operating routes today" when
// the overlay is empty).
std::string DescribeOverlay(const v1::Scenario& overlay);

// "scenario \"plan-2025\" created: version 1\n".
std::string RenderScenarioWrite(const v1::StoredScenario& scenario, const std::string& done);

std::string RenderScenarioList(const v1::ListScenariosResponse& response);
std::string RenderScenario(const v1::GetScenarioResponse& response);
std::string RenderScenarioChange(const v1::WatchScenariosResponse& message);

}  // namespace aircargo::client
