// PlannerService.PlanItinerary.
#include "server/planner_service.h"
#include "server/request_log.h"

namespace aircargo::server {

grpc::Status PlannerServiceImpl::PlanItinerary(grpc::ServerContext* context,
                                               const v1::PlanItineraryRequest*,
                                               v1::PlanItineraryResponse*) {
  return LogRequest("PlanItinerary", context, [] { return NotImplementedYet("PlanItinerary"); });
}

}  // namespace aircargo::server
