// PlanDemand requests -> the core's DemandQuery (routes/demand/demand.h), and DemandPlan ->
// PlanDemandResponse. Validation names the field: "demands[i].origin" / "demands[i].destination"
// (INVALID_ARGUMENT when malformed or equal, NOT_FOUND when unknown), "demands[i].kg_per_week",
// "demands[i].priority" (INVALID_ARGUMENT), "demands" (INVALID_ARGUMENT when empty,
// RESOURCE_EXHAUSTED above routes::kMaxDemands), "objective", "verify_upgrades", "max_upgrades";
// the core checks the rest (LP size). Objectives and upgrade kinds cross the seam in exhaustive
// switches here.
#pragma once

#include "aircargo/v1/demand.pb.h"
#include "routes/demand/demand.h"
#include "routes/network.h"
#include "routes/result.h"
#include "routes/scenario_view.h"

namespace aircargo::server {

routes::Result<routes::DemandQuery> DemandQueryFromProto(const v1::PlanDemandRequest& request,
                                                         const routes::Network& network);

void ToProto(const routes::ScenarioView& view, const routes::DemandQuery& query,
             const routes::DemandPlan& plan, v1::PlanDemandResponse* response);

}  // namespace aircargo::server
