// PlannerService.ComputeCapacity, PlanFlow and AnalyzeClosures.
#include "routes/capacity/closures.h"
#include "routes/capacity/max_flow.h"
#include "routes/capacity/min_cost_flow.h"
#include "server/convert.h"
#include "server/convert_capacity.h"
#include "server/convert_scenario.h"
#include "server/planner_service.h"
#include "server/request_context.h"
#include "server/request_log.h"

namespace aircargo::server {

grpc::Status PlannerServiceImpl::ComputeCapacity(grpc::ServerContext* context,
                                                 const v1::ComputeCapacityRequest* request,
                                                 v1::ComputeCapacityResponse* response) {
  return LogRequest("ComputeCapacity", context, [&] {
    const auto network = snapshots_.Get();
    auto query = CapacityQueryFromProto(*request, *network);
    if (!query.ok()) return ToStatus(query.error());
    auto view = views_.For(request->scenario(), network, TodayUtc());
    if (!view.ok()) return ToStatus(view.error());
    routes::StopCheck stop = StopCheckFor(context, compute_budget_);
    // Waits for one of the server's compute slots (aircargod --threads).
    auto slot = slots_.Acquire(stop);
    if (!slot.ok()) return CoreErrorStatus(context, slot.error(), compute_budget_);
    auto result = routes::ComputeCapacity(**view, *query, stop);
    if (!result.ok()) return CoreErrorStatus(context, result.error(), compute_budget_);
    ToProto(**view, *query, *result, response);
    response->set_network_version(network->version());
    return grpc::Status::OK;
  });
}

grpc::Status PlannerServiceImpl::PlanFlow(grpc::ServerContext* context,
                                          const v1::PlanFlowRequest* request,
                                          v1::PlanFlowResponse* response) {
  return LogRequest("PlanFlow", context, [&] {
    const auto network = snapshots_.Get();
    auto query = FlowPlanQueryFromProto(*request, *network);
    if (!query.ok()) return ToStatus(query.error());
    auto view = views_.For(request->scenario(), network, TodayUtc());
    if (!view.ok()) return ToStatus(view.error());
    routes::StopCheck stop = StopCheckFor(context, compute_budget_);
    // Waits for one of the server's compute slots (aircargod --threads).
    auto slot = slots_.Acquire(stop);
    if (!slot.ok()) return CoreErrorStatus(context, slot.error(), compute_budget_);
    auto plan = routes::PlanFlow(**view, *query, stop);
    if (!plan.ok()) return CoreErrorStatus(context, plan.error(), compute_budget_);
    ToProto(**view, *query, *plan, response);
    response->set_network_version(network->version());
    return grpc::Status::OK;
  });
}

grpc::Status PlannerServiceImpl::AnalyzeClosures(grpc::ServerContext* context,
                                                 const v1::AnalyzeClosuresRequest* request,
                                                 v1::AnalyzeClosuresResponse* response) {
  return LogRequest("AnalyzeClosures", context, [&] {
    const auto network = snapshots_.Get();
    auto query = ClosureQueryFromProto(*request, *network);
    if (!query.ok()) return ToStatus(query.error());
    auto view = views_.For(request->scenario(), network, TodayUtc());
    if (!view.ok()) return ToStatus(view.error());
    routes::StopCheck stop = StopCheckFor(context, compute_budget_);
    // Waits for one of the server's compute slots (aircargod --threads).
    auto slot = slots_.Acquire(stop);
    if (!slot.ok()) return CoreErrorStatus(context, slot.error(), compute_budget_);
    auto analysis = routes::AnalyzeClosures(**view, *query, stop);
    if (!analysis.ok()) return CoreErrorStatus(context, analysis.error(), compute_budget_);
    ToProto(**view, *query, *analysis, request->limit(), response);
    response->set_network_version(network->version());
    return grpc::Status::OK;
  });
}

}  // namespace aircargo::server
