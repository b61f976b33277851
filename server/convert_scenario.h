// The request Scenario -> core mapping for the planning handlers. The mapping itself lives in
// formats/scenario_proto.h (the CLI's export applies scenarios too); these names keep the
// handlers' spelling.
#pragma once

#include "formats/scenario_proto.h"

namespace aircargo::server {

using formats::kMaxScenarioListSize;
using formats::MakeScenarioView;
using formats::ScenarioFromProto;
using formats::TodayUtc;

}  // namespace aircargo::server
