#include "server/planner_service.h"

#include <string>

#include "server/request_log.h"

namespace aircargo::server {
namespace {

grpc::Status NotYet(const char* method) {
  return grpc::Status(grpc::StatusCode::UNIMPLEMENTED,
                      std::string("PlannerService.") + method + " is not implemented yet");
}

}  // namespace

grpc::Status PlannerServiceImpl::FindPaths(grpc::ServerContext* context,
                                           const v1::FindPathsRequest*, v1::FindPathsResponse*) {
  return LogRequest("FindPaths", context, [] { return NotYet("FindPaths"); });
}
grpc::Status PlannerServiceImpl::PlanItinerary(grpc::ServerContext* context,
                                               const v1::PlanItineraryRequest*,
                                               v1::PlanItineraryResponse*) {
  return LogRequest("PlanItinerary", context, [] { return NotYet("PlanItinerary"); });
}
grpc::Status PlannerServiceImpl::ComputeCapacity(grpc::ServerContext* context,
                                                 const v1::ComputeCapacityRequest*,
                                                 v1::ComputeCapacityResponse*) {
  return LogRequest("ComputeCapacity", context, [] { return NotYet("ComputeCapacity"); });
}
grpc::Status PlannerServiceImpl::PlanFlow(grpc::ServerContext* context,
                                          const v1::PlanFlowRequest*, v1::PlanFlowResponse*) {
  return LogRequest("PlanFlow", context, [] { return NotYet("PlanFlow"); });
}
grpc::Status PlannerServiceImpl::AnalyzeClosures(grpc::ServerContext* context,
                                                 const v1::AnalyzeClosuresRequest*,
                                                 v1::AnalyzeClosuresResponse*) {
  return LogRequest("AnalyzeClosures", context, [] { return NotYet("AnalyzeClosures"); });
}
grpc::Status PlannerServiceImpl::CompareScenarios(grpc::ServerContext* context,
                                                  const v1::CompareScenariosRequest*,
                                                  v1::CompareScenariosResponse*) {
  return LogRequest("CompareScenarios", context, [] { return NotYet("CompareScenarios"); });
}

}  // namespace aircargo::server
