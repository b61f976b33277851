#include "server/planner_service.h"

#include <string>

namespace aircargo::server {

grpc::Status NotImplementedYet(const char* method) {
  return grpc::Status(grpc::StatusCode::UNIMPLEMENTED,
                      std::string("PlannerService.") + method + " is not implemented yet");
}

}  // namespace aircargo::server
