// PlannerService.ComputeCapacity, PlanFlow and AnalyzeClosures. Each solves on a residual network
// instantiated in the slot's FlowWorkspace from the view's flow template (ScenarioViews::
// FlowTemplateFor: shared for the shared view, built per request for a request's own scenario).
#include "routes/capacity/closures.h"
#include "routes/capacity/max_flow.h"
#include "routes/capacity/min_cost_flow.h"
#include "server/convert_capacity.h"
#include "server/planner_service.h"

namespace aircargo::server {

using ViewPtr = ScenarioViews::ViewPtr;

grpc::Status PlannerServiceImpl::ComputeCapacity(grpc::ServerContext* context,
                                                 const v1::ComputeCapacityRequest* request,
                                                 v1::ComputeCapacityResponse* response) {
  return PlannerCall(
      "ComputeCapacity", env(), context, response,
      [&](const routes::Network& network) { return CapacityQueryFromProto(*request, network); },
      SharedView(request->scenario(), response),
      [this](const ViewPtr& view, const routes::CapacityQuery& query, ComputeSlots::Lease& slot,
             routes::StopCheck& stop) {
        return routes::ComputeCapacity(*views_.FlowTemplateFor(view), query,
                                       slot.workspaces().flows, stop);
      },
      [&](const ViewPtr& view, const routes::CapacityQuery& query, const auto& result) {
        ToProto(*view, query, result, response);
      });
}

grpc::Status PlannerServiceImpl::PlanFlow(grpc::ServerContext* context,
                                          const v1::PlanFlowRequest* request,
                                          v1::PlanFlowResponse* response) {
  return PlannerCall(
      "PlanFlow", env(), context, response,
      [&](const routes::Network& network) { return FlowPlanQueryFromProto(*request, network); },
      SharedView(request->scenario(), response),
      [this](const ViewPtr& view, const routes::FlowPlanQuery& query, ComputeSlots::Lease& slot,
             routes::StopCheck& stop) {
        return routes::PlanFlow(*views_.FlowTemplateFor(view), query, slot.workspaces().flows,
                                stop);
      },
      [&](const ViewPtr& view, const routes::FlowPlanQuery& query, const auto& plan) {
        ToProto(*view, query, plan, response);
      });
}

grpc::Status PlannerServiceImpl::AnalyzeClosures(grpc::ServerContext* context,
                                                 const v1::AnalyzeClosuresRequest* request,
                                                 v1::AnalyzeClosuresResponse* response) {
  return PlannerCall(
      "AnalyzeClosures", env(), context, response,
      [&](const routes::Network& network) { return ClosureQueryFromProto(*request, network); },
      SharedView(request->scenario(), response),
      [this](const ViewPtr& view, const routes::CapacityQuery& query, ComputeSlots::Lease& slot,
             routes::StopCheck& stop) {
        return routes::AnalyzeClosures(*views_.FlowTemplateFor(view), query,
                                       slot.workspaces().flows, stop);
      },
      [&](const ViewPtr& view, const routes::CapacityQuery& query, const auto& analysis) {
        ToProto(*view, query, analysis, request->limit(), response);
      });
}

}  // namespace aircargo::server
