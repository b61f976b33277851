// PlannerService.CompareScenarios.
#include <string>

#include "routes/capacity/compare.h"
#include "server/convert.h"
#include "server/convert_compare.h"
#include "server/convert_scenario.h"
#include "server/planner_service.h"
#include "server/request_context.h"
#include "server/request_log.h"

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

}  // namespace

grpc::Status PlannerServiceImpl::CompareScenarios(grpc::ServerContext* context,
                                                  const v1::CompareScenariosRequest* request,
                                                  v1::CompareScenariosResponse* response) {
  return LogRequest("CompareScenarios", context, [&] {
    const auto network = snapshots_.Get();
    auto pairs = ComparePairsFromProto(*request, *network);
    if (!pairs.ok()) return ToStatus(pairs.error());
    const auto today = TodayUtc();
    auto baseline = MakeScenarioView(BaselineScenario(*request), *network, today);
    if (!baseline.ok()) return ToStatus(Renamed(baseline.error(), "baseline"));
    auto alternative = MakeScenarioView(AlternativeScenario(*request), *network, today);
    if (!alternative.ok()) return ToStatus(Renamed(alternative.error(), "alternative"));
    routes::StopCheck stop = StopCheckFor(context, compute_budget_);
    // Waits for one of the server's compute slots (aircargod --threads).
    auto slot = slots_.Acquire(stop);
    if (!slot.ok()) return CoreErrorStatus(context, slot.error(), compute_budget_);
    auto comparison = routes::CompareScenarios(*baseline, *alternative, *pairs, stop);
    if (!comparison.ok()) return CoreErrorStatus(context, comparison.error(), compute_budget_);
    ToProto(*baseline, *alternative, *comparison, response);
    response->set_network_version(network->version());
    return grpc::Status::OK;
  });
}

}  // namespace aircargo::server
