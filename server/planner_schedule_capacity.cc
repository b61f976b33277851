// PlannerService.ComputeScheduleCapacity: kilograms that reach a destination by a deadline on the
// dated flights, the booking plan and the minimum cut (routes/capacity/schedule_capacity.h). It
// reads the shared view's weekly timetables (server/scenario_views.h) instead of expanding the
// flights per request, on the shared view and on a scenario that only closes or scales routes, and
// the shared view's flow template for the static figure.
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
        // The shared view's weeks, also for a request's own scenario on the same snapshot (read
        // when they hold every route it can use); null when the shared view is another snapshot's.
        const auto timetables = views_.SnapshotTimetablesFor(view);
        const auto flows = views_.FlowTemplateFor(view);
        return routes::ComputeScheduleCapacity(*view, parsed.query, {flows.get(), timetables.get()},
                                               slot.workspaces().flows, stop);
      },
      [&](const ScenarioViews::ViewPtr& view, const ScheduleCapacityRequest& parsed,
          const auto& result) { ToProto(*view, parsed, result, response); });
}

}  // namespace aircargo::server
