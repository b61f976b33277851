// PlannerServiceImpl: aircargo.v1.PlannerService. One file per method group defines its handlers
// (planner_paths.cc, planner_itinerary.cc, planner_capacity.cc, planner_compare.cc); each takes the
// snapshot once, builds the ScenarioView (server/convert_scenario.h) and a StopCheck
// (server/request_context.h), calls the core and maps the result (server/convert_*.h). Core
// computations stop at the caller's deadline, on cancellation, or after `compute_budget`; at
// most `compute_slots` of them run at once (0: one per hardware thread), the others wait in line.
#pragma once

#include <chrono>

#include "aircargo/v1/planner_service.grpc.pb.h"
#include "server/compute_slots.h"
#include "server/request_context.h"
#include "server/scenario_views.h"
#include "server/snapshot_holder.h"

namespace aircargo::server {

class PlannerServiceImpl final : public v1::PlannerService::Service {
 public:
  explicit PlannerServiceImpl(const SnapshotHolder& snapshots,
                              std::chrono::milliseconds compute_budget = kDefaultComputeBudget,
                              int compute_slots = 0)
      : snapshots_(snapshots), compute_budget_(compute_budget), slots_(compute_slots) {}

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

 private:
  const SnapshotHolder& snapshots_;
  const std::chrono::milliseconds compute_budget_;
  ComputeSlots slots_;
  ScenarioViews views_;  // the shared operating-today view per snapshot
};

}  // namespace aircargo::server
