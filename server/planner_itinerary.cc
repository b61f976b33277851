// PlannerService.PlanItinerary: the dated flights to book from a ready time.
#include "routes/itinerary/plan_itinerary.h"
#include "server/convert.h"
#include "server/convert_itinerary.h"
#include "server/convert_scenario.h"
#include "server/planner_service.h"
#include "server/request_context.h"
#include "server/request_log.h"

namespace aircargo::server {

grpc::Status PlannerServiceImpl::PlanItinerary(grpc::ServerContext* context,
                                               const v1::PlanItineraryRequest* request,
                                               v1::PlanItineraryResponse* response) {
  return LogRequest("PlanItinerary", context, [&] {
    const auto network = snapshots_.Get();
    auto parsed = ItineraryRequestFromProto(*request, *network);
    if (!parsed.ok()) return ToStatus(parsed.error());
    auto view = MakeScenarioView(request->scenario(), *network, TodayUtc());
    if (!view.ok()) return ToStatus(view.error());
    routes::StopCheck stop = StopCheckFor(context);
    auto plan = routes::PlanItinerary(*view, parsed->query, stop);
    if (!plan.ok()) return ToStatus(plan.error());
    ToProto(*view, *parsed, *plan, response);
    response->set_network_version(network->version());
    return grpc::Status::OK;
  });
}

}  // namespace aircargo::server
