// PlannerService.FindPaths: k alternative routings or the Pareto set between two airports.
#include "routes/paths/find_paths.h"
#include "server/convert.h"
#include "server/convert_paths.h"
#include "server/convert_scenario.h"
#include "server/planner_service.h"
#include "server/request_context.h"
#include "server/request_log.h"

namespace aircargo::server {

grpc::Status PlannerServiceImpl::FindPaths(grpc::ServerContext* context,
                                           const v1::FindPathsRequest* request,
                                           v1::FindPathsResponse* response) {
  return LogRequest("FindPaths", context, [&] {
    const auto network = snapshots_.Get();
    auto query = PathQueryFromProto(*request, *network);
    if (!query.ok()) return ToStatus(query.error());
    auto view = views_.For(request->scenario(), network, TodayUtc());
    if (!view.ok()) return ToStatus(view.error());
    routes::StopCheck stop = StopCheckFor(context, compute_budget_);
    // Waits for one of the server's compute slots (aircargod --threads).
    auto slot = slots_.Acquire(stop);
    if (!slot.ok()) return CoreErrorStatus(context, slot.error(), compute_budget_);
    // The slot's workspace, reused across requests (it grows to the largest network).
    auto result = routes::FindPaths(**view, *query, slot.value().workspaces().paths, stop);
    if (!result.ok()) return CoreErrorStatus(context, result.error(), compute_budget_);
    ToProto(**view, *query, *result, response);
    response->set_network_version(network->version());
    return grpc::Status::OK;
  });
}

}  // namespace aircargo::server
