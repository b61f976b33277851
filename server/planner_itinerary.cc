// PlannerService.PlanItinerary: the dated flights to book from a ready time. On a shared view it
// reads the view's shared weekly timetables (server/scenario_views.h); so does a request whose own
// scenario only closes, excludes or scales (the shared weeks of its snapshot hold its flights,
// TimetableCache::Serves); any other expands its flights.
#include "routes/itinerary/plan_itinerary.h"
#include "server/convert_itinerary.h"
#include "server/planner_service.h"

namespace aircargo::server {

grpc::Status PlannerServiceImpl::PlanItinerary(grpc::ServerContext* context,
                                               const v1::PlanItineraryRequest* request,
                                               v1::PlanItineraryResponse* response) {
  return PlannerCall(
      "PlanItinerary", env(), context, response,
      [&](const routes::Network& network) { return ItineraryRequestFromProto(*request, network); },
      SharedView(request->scenario(), response),
      [this](const ScenarioViews::ViewPtr& view, const ItineraryRequest& parsed,
             ComputeSlots::Lease&, routes::StopCheck& stop) {
        // A shared view's own weeks, or (a what-if) those of the shared view of its snapshot.
        if (auto timetables = views_.SnapshotTimetablesFor(view);
            timetables != nullptr && timetables->Serves(*view)) {
          return routes::PlanItinerary(*view, parsed.query, *timetables, stop);
        }
        return routes::PlanItinerary(*view, parsed.query, stop);
      },
      [&](const ScenarioViews::ViewPtr& view, const ItineraryRequest& parsed, const auto& plan) {
        ToProto(*view, parsed, plan, response);
      });
}

}  // namespace aircargo::server
