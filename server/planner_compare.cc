// PlannerService.CompareScenarios.
#include <string>
#include <utility>
#include <vector>

#include "routes/capacity/compare.h"
#include "server/convert_compare.h"
#include "server/convert_scenario.h"
#include "server/planner_service.h"

namespace aircargo::server {
namespace {

// "scenario.as_of" -> "alternative.as_of": the request has two scenarios.
routes::Error Renamed(routes::Error error, const std::string& which) {
  if (error.field.rfind("scenario", 0) == 0) error.field = which + error.field.substr(8);
  for (routes::FieldViolation& v : error.violations) {
    if (v.field.rfind("scenario", 0) == 0) v.field = which + v.field.substr(8);
  }
  return error;
}

// The request's two views of one snapshot.
struct ComparedViews {
  routes::ScenarioView baseline;
  routes::ScenarioView alternative;
};

}  // namespace

grpc::Status PlannerServiceImpl::CompareScenarios(grpc::ServerContext* context,
                                                  const v1::CompareScenariosRequest* request,
                                                  v1::CompareScenariosResponse* response) {
  return PlannerCall(
      "CompareScenarios", env(), context, response,
      [&](const routes::Network& network) { return ComparePairsFromProto(*request, network); },
      [&](const std::shared_ptr<const routes::Network>& network,
          std::chrono::year_month_day today) -> routes::Result<ComparedViews> {
        auto baseline = MakeScenarioView(BaselineScenario(*request), *network, today);
        if (!baseline.ok()) return Renamed(baseline.error(), "baseline");
        auto alternative = MakeScenarioView(AlternativeScenario(*request), *network, today);
        if (!alternative.ok()) return Renamed(alternative.error(), "alternative");
        return ComparedViews{std::move(baseline).value(), std::move(alternative).value()};
      },
      [](const ComparedViews& views, const std::vector<routes::OdPair>& pairs,
         ComputeSlots::Lease& slot, routes::StopCheck& stop) {
        return routes::CompareScenarios(views.baseline, views.alternative, pairs,
                                        slot.workspaces().paths, slot.workspaces().flows, stop);
      },
      [&](const ComparedViews& views, const std::vector<routes::OdPair>&, const auto& comparison) {
        ToProto(views.baseline, views.alternative, comparison, response);
      });
}

}  // namespace aircargo::server
