// PlannerService.FindPaths: k alternative routings or the Pareto set between two airports.
#include "routes/paths/find_paths.h"
#include "server/convert_paths.h"
#include "server/planner_service.h"

namespace aircargo::server {

grpc::Status PlannerServiceImpl::FindPaths(grpc::ServerContext* context,
                                           const v1::FindPathsRequest* request,
                                           v1::FindPathsResponse* response) {
  return PlannerCall(
      "FindPaths", env(), context, response,
      [&](const routes::Network& network) { return PathQueryFromProto(*request, network); },
      SharedView(request->scenario(), response),
      [](const ScenarioViews::ViewPtr& view, const routes::PathQuery& query,
         ComputeSlots::Lease& slot, routes::StopCheck& stop) {
        // The slot's workspace, reused across requests (it grows to the largest network).
        return routes::FindPaths(*view, query, slot.workspaces().paths, stop);
      },
      [&](const ScenarioViews::ViewPtr& view, const routes::PathQuery& query, const auto& paths) {
        ToProto(*view, query, paths, response);
      });
}

}  // namespace aircargo::server
