// PlannerService.FindPaths.
#include "server/planner_service.h"
#include "server/request_log.h"

namespace aircargo::server {

grpc::Status PlannerServiceImpl::FindPaths(grpc::ServerContext* context,
                                           const v1::FindPathsRequest*, v1::FindPathsResponse*) {
  return LogRequest("FindPaths", context, [] { return NotImplementedYet("FindPaths"); });
}

}  // namespace aircargo::server
