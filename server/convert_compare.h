// CompareScenarios request -> the two scenarios and the pair list, and the core comparison ->
// response. Defaults: baseline unset = operating routes today; alternative unset = the baseline
// with include_planned; pairs empty = `origin` to every other airport, and origin empty = the
// network's hub (routes::HubAirport: the airport most routes leave; FAILED_PRECONDITION "origin"
// when the network has no routes). Validation
// names the field: "pairs[i].origin" / "pairs[i].destination" (INVALID_ARGUMENT when malformed or
// equal, NOT_FOUND when unknown), "origin", "pairs" (too many), "baseline.*" / "alternative.*".
#pragma once

#include <vector>

#include "aircargo/v1/compare.pb.h"
#include "routes/capacity/compare.h"
#include "routes/network.h"
#include "routes/result.h"
#include "routes/scenario_view.h"

namespace aircargo::server {

routes::Result<std::vector<routes::OdPair>> ComparePairsFromProto(
    const v1::CompareScenariosRequest& request, const routes::Network& network);

// The baseline and alternative Scenario messages after defaults.
v1::Scenario BaselineScenario(const v1::CompareScenariosRequest& request);
v1::Scenario AlternativeScenario(const v1::CompareScenariosRequest& request);

void ToProto(const routes::ScenarioView& baseline, const routes::ScenarioView& alternative,
             const routes::ScenarioComparison& comparison, v1::CompareScenariosResponse* response);

}  // namespace aircargo::server
