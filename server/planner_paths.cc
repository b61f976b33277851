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
      [this](const ScenarioViews::ViewPtr& view, const routes::PathQuery& query,
             ComputeSlots::Lease& slot, routes::StopCheck& stop) {
        // The shared view's distance oracle answers plain queries once built (the first plain
        // query by an objective starts its build); the slot's workspace is reused across requests.
        const auto oracle = routes::HierarchyAnswers(query)
                                ? views_.OracleFor(view, query.objective)
                                : ScenarioViews::OraclePtr();
        return routes::FindPaths(*view, query, slot.workspaces().paths, stop, oracle.get());
      },
      [&](const ScenarioViews::ViewPtr& view, const routes::PathQuery& query, const auto& paths) {
        ToProto(*view, query, paths, response);
      });
}

}  // namespace aircargo::server
