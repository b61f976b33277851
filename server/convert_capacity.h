// ComputeCapacity / PlanFlow / AnalyzeClosures requests -> core queries (routes/capacity/), and
// core results -> response messages. Validation names the field: "origin" and "destinations[i]"
// (INVALID_ARGUMENT when malformed or equal to the origin, NOT_FOUND when unknown),
// "destination_country" (INVALID_ARGUMENT when malformed or combined with destinations, NOT_FOUND
// when the network has no other airport there), "destinations" (INVALID_ARGUMENT when neither is
// given), "demand_kg_per_week" (INVALID_ARGUMENT outside 0..1e12), "limit".
#pragma once

#include <google/protobuf/repeated_field.h>

#include <string>
#include <vector>

#include "aircargo/v1/capacity.pb.h"
#include "routes/capacity/closures.h"
#include "routes/capacity/max_flow.h"
#include "routes/capacity/min_cost_flow.h"
#include "routes/network.h"
#include "routes/result.h"
#include "routes/scenario_view.h"

namespace aircargo::server {

// Destinations one request may list.
inline constexpr int kMaxCapacityDestinations = 10'000;
// Closures one response may list.
inline constexpr int kMaxClosuresLimit = 10'000;

// The origin and the destinations (explicit codes, or every airport of `country` but the origin).
routes::Result<routes::CapacityQuery> ResolveCapacityEndpoints(
    const routes::Network& network, const std::string& origin,
    const google::protobuf::RepeatedPtrField<std::string>& destinations,
    const std::string& country);

routes::Result<routes::CapacityQuery> CapacityQueryFromProto(
    const v1::ComputeCapacityRequest& request, const routes::Network& network);
routes::Result<routes::FlowPlanQuery> FlowPlanQueryFromProto(const v1::PlanFlowRequest& request,
                                                             const routes::Network& network);
routes::Result<routes::CapacityQuery> ClosureQueryFromProto(
    const v1::AnalyzeClosuresRequest& request, const routes::Network& network);

void ToProto(const routes::ScenarioView& view, const routes::CapacityQuery& query,
             const routes::CapacityResult& result, v1::ComputeCapacityResponse* response);
void ToProto(const routes::ScenarioView& view, const routes::FlowPlanQuery& query,
             const routes::FlowPlan& plan, v1::PlanFlowResponse* response);
// Keeps the first `limit` closures (0: all).
void ToProto(const routes::ScenarioView& view, const routes::CapacityQuery& query,
             const routes::ClosureAnalysis& analysis, int limit,
             v1::AnalyzeClosuresResponse* response);

}  // namespace aircargo::server
