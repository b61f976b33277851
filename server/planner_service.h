// PlannerServiceImpl: aircargo.v1.PlannerService. One file per method group defines its handlers
// (planner_paths.cc, planner_itinerary.cc, planner_capacity.cc, planner_compare.cc,
// planner_demand.cc, planner_schedule_capacity.cc) as the steps of
// the one planning skeleton, PlannerCall (server/rpc_handler.h): validate the request
// (server/convert_*.h), the ScenarioView (server/scenario_views.h), the core call, the mapping of
// its result. Core computations stop at the caller's deadline, on cancellation, or after
// `compute_budget`; at most `compute_slots` of them run at once (0: one per hardware thread), the
// others wait in line. `stop_check` (tests only) replaces StopCheckFor.
#pragma once

#include <chrono>
#include <memory>
#include <utility>

#include "aircargo/v1/planner_service.grpc.pb.h"
#include "server/compute_slots.h"
#include "server/request_context.h"
#include "server/rpc_handler.h"
#include "server/scenario_book.h"
#include "server/scenario_views.h"
#include "server/snapshot_holder.h"

namespace aircargo::server {

class PlannerServiceImpl final : public v1::PlannerService::Service {
 public:
  explicit PlannerServiceImpl(const SnapshotHolder& snapshots,
                              std::chrono::milliseconds compute_budget = kDefaultComputeBudget,
                              int compute_slots = 0, StopCheckMaker stop_check = {})
      : snapshots_(snapshots),
        compute_budget_(compute_budget),
        stop_check_(std::move(stop_check)),
        slots_(compute_slots) {}

  grpc::Status FindPaths(grpc::ServerContext* context, const v1::FindPathsRequest* request,
                         v1::FindPathsResponse* response) override;
  grpc::Status PlanItinerary(grpc::ServerContext* context, const v1::PlanItineraryRequest* request,
                             v1::PlanItineraryResponse* response) override;
  grpc::Status ComputeCapacity(grpc::ServerContext* context,
                               const v1::ComputeCapacityRequest* request,
                               v1::ComputeCapacityResponse* response) override;
  grpc::Status PlanFlow(grpc::ServerContext* context, const v1::PlanFlowRequest* request,
                        v1::PlanFlowResponse* response) override;
  grpc::Status AnalyzeClosures(grpc::ServerContext* context,
                               const v1::AnalyzeClosuresRequest* request,
                               v1::AnalyzeClosuresResponse* response) override;
  grpc::Status CompareScenarios(grpc::ServerContext* context,
                                const v1::CompareScenariosRequest* request,
                                v1::CompareScenariosResponse* response) override;
  grpc::Status PlanDemand(grpc::ServerContext* context, const v1::PlanDemandRequest* request,
                          v1::PlanDemandResponse* response) override;
  grpc::Status ComputeScheduleCapacity(grpc::ServerContext* context,
                                       const v1::ComputeScheduleCapacityRequest* request,
                                       v1::ComputeScheduleCapacityResponse* response) override;

  // Where requests' scenario names are resolved (server/scenario_book.h); set before serving.
  // Without one only the built-in names are known.
  void UseScenarios(const ScenarioBook* book) { scenarios_ = book; }

 private:
  PlannerEnv env() { return PlannerEnv{snapshots_, slots_, compute_budget_, stop_check_}; }
  // The make_view step for a request with one scenario: its name resolved (a stored scenario with
  // the inline overlay on top, named with its version in response->stored_scenario()), then the
  // shared operating-today view or its own.
  template <typename Response>
  auto SharedView(const v1::Scenario& scenario, Response* response) {
    return [this, &scenario, response](
               const std::shared_ptr<const routes::Network>& network,
               std::chrono::year_month_day today) -> routes::Result<ScenarioViews::ViewPtr> {
      auto resolved = ResolveScenario(scenarios_, scenario, *network, today);
      if (!resolved.ok()) return resolved.error();
      if (resolved->ref) *response->mutable_stored_scenario() = *resolved->ref;
      return views_.For(resolved->overlay, network, today);
    };
  }

  const SnapshotHolder& snapshots_;
  const std::chrono::milliseconds compute_budget_;
  const StopCheckMaker stop_check_;
  ComputeSlots slots_;
  ScenarioViews views_;  // the shared operating-today view per snapshot, and its flow template
  const ScenarioBook* scenarios_ = nullptr;
};

}  // namespace aircargo::server
