// PlannerService.ComputeScheduleCapacity: kilograms that reach a destination by a deadline on the
// dated flights, the booking plan and the minimum cut (routes/capacity/schedule_capacity.h).
#include "routes/capacity/schedule_capacity.h"
#include "server/convert_schedule_capacity.h"
#include "server/planner_service.h"

namespace aircargo::server {

grpc::Status PlannerServiceImpl::ComputeScheduleCapacity(
    grpc::ServerContext* context, const v1::ComputeScheduleCapacityRequest* request,
    v1::ComputeScheduleCapacityResponse* response) {
  return PlannerCall(
      "ComputeScheduleCapacity", env(), context, response,
      [&](const routes::Network& network) {
        return ScheduleCapacityRequestFromProto(*request, network);
      },
      SharedView(request->scenario(), response),
      [](const ScenarioViews::ViewPtr& view, const ScheduleCapacityRequest& parsed,
         ComputeSlots::Lease& slot, routes::StopCheck& stop) {
        return routes::ComputeScheduleCapacity(*view, parsed.query, slot.workspaces().flows, stop);
      },
      [&](const ScenarioViews::ViewPtr& view, const ScheduleCapacityRequest& parsed,
          const auto& result) { ToProto(*view, parsed, result, response); });
}

}  // namespace aircargo::server
