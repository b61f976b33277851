// PlannerService.ComputeCapacity, PlanFlow and AnalyzeClosures.
#include "server/planner_service.h"
#include "server/request_log.h"

namespace aircargo::server {

grpc::Status PlannerServiceImpl::ComputeCapacity(grpc::ServerContext* context,
                                                 const v1::ComputeCapacityRequest*,
                                                 v1::ComputeCapacityResponse*) {
  return LogRequest("ComputeCapacity", context,
                    [] { return NotImplementedYet("ComputeCapacity"); });
}

grpc::Status PlannerServiceImpl::PlanFlow(grpc::ServerContext* context,
                                          const v1::PlanFlowRequest*, v1::PlanFlowResponse*) {
  return LogRequest("PlanFlow", context, [] { return NotImplementedYet("PlanFlow"); });
}

grpc::Status PlannerServiceImpl::AnalyzeClosures(grpc::ServerContext* context,
                                                 const v1::AnalyzeClosuresRequest*,
                                                 v1::AnalyzeClosuresResponse*) {
  return LogRequest("AnalyzeClosures", context,
                    [] { return NotImplementedYet("AnalyzeClosures"); });
}

}  // namespace aircargo::server
