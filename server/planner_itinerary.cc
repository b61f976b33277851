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
    auto view = views_.For(request->scenario(), network, TodayUtc());
    if (!view.ok()) return ToStatus(view.error());
    routes::StopCheck stop = StopCheckFor(context, compute_budget_);
    // Waits for one of the server's compute slots (aircargod --threads).
    auto slot = slots_.Acquire(stop);
    if (!slot.ok()) return CoreErrorStatus(context, slot.error(), compute_budget_);
    auto plan = routes::PlanItinerary(**view, parsed->query, stop);
    if (!plan.ok()) return CoreErrorStatus(context, plan.error(), compute_budget_);
    ToProto(**view, *parsed, *plan, response);
    response->set_network_version(network->version());
    return grpc::Status::OK;
  });
}

}  // namespace aircargo::server
