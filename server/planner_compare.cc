// PlannerService.CompareScenarios.
#include "server/planner_service.h"
#include "server/request_log.h"

namespace aircargo::server {

grpc::Status PlannerServiceImpl::CompareScenarios(grpc::ServerContext* context,
                                                  const v1::CompareScenariosRequest*,
                                                  v1::CompareScenariosResponse*) {
  return LogRequest("CompareScenarios", context,
                    [] { return NotImplementedYet("CompareScenarios"); });
}

}  // namespace aircargo::server
