// PlannerService.ComputeScheduleCapacity: kilograms that reach a destination by a deadline on the
// dated flights, the booking plan and the minimum cut (routes/capacity/schedule_capacity.h). On the
// shared view it reads the view's weekly timetables and flow template (server/scenario_views.h)
// instead of expanding the flights and laying out the static network per request.
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
      [this](const ScenarioViews::ViewPtr& view, const ScheduleCapacityRequest& parsed,
             ComputeSlots::Lease& slot, routes::StopCheck& stop) {
        const auto timetables = views_.TimetablesOf(view);  // null for a view of its own
        const auto flows = views_.FlowTemplateFor(view);
        return routes::ComputeScheduleCapacity(*view, parsed.query, {flows.get(), timetables.get()},
                                               slot.workspaces().flows, stop);
      },
      [&](const ScenarioViews::ViewPtr& view, const ScheduleCapacityRequest& parsed,
          const auto& result) { ToProto(*view, parsed, result, response); });
}

}  // namespace aircargo::server
