// PlannerService.PlanDemand: demand allocation LP (routes/demand/demand.h).
#include "routes/demand/demand.h"
#include "server/convert_demand.h"
#include "server/planner_service.h"

namespace aircargo::server {

using ViewPtr = ScenarioViews::ViewPtr;

grpc::Status PlannerServiceImpl::PlanDemand(grpc::ServerContext* context,
                                            const v1::PlanDemandRequest* request,
                                            v1::PlanDemandResponse* response) {
  return PlannerCall(
      "PlanDemand", env(), context, response,
      [&](const routes::Network& network) { return DemandQueryFromProto(*request, network); },
      SharedView(request->scenario(), response),
      [](const ViewPtr& view, const routes::DemandQuery& query, ComputeSlots::Lease&,
         routes::StopCheck& stop) { return routes::PlanDemand(*view, query, stop); },
      [&](const ViewPtr& view, const routes::DemandQuery& query, const routes::DemandPlan& plan) {
        ToProto(*view, query, plan, response);
      });
}

}  // namespace aircargo::server
