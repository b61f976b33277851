// The request Scenario (aircargo.v1.Scenario) -> the core's routes::Scenario, validated against the
// snapshot: unknown closed airports / routes -> NOT_FOUND, malformed codes and dates, NaN or
// negative factors, bad extra routes -> INVALID_ARGUMENT; every message names the field
// ("scenario.as_of"). The one mapping, shared by every planning RPC (server/convert_scenario.h),
// GetNetwork with a scenario, and the CLI's one offline command that applies a scenario itself
// (export --network FILE).
#pragma once

#include <chrono>

#include "aircargo/v1/network.pb.h"
#include "aircargo/v1/network_service.pb.h"
#include "routes/network.h"
#include "routes/result.h"
#include "routes/scenario.h"
#include "routes/scenario_view.h"

namespace aircargo::formats {

// Limits on what one request's scenario may list.
inline constexpr int kMaxScenarioListSize = 10'000;

// `today` fills an empty as_of. A named scenario (scenario.name) must have been resolved by the
// server first (server/scenario_book.h): kInvalidArgument otherwise. A long excluded_carriers list
// (more than 16) is reduced to the carriers that fly a route of the network or of the scenario,
// once each: same routes excluded.
routes::Result<routes::Scenario> ScenarioFromProto(const v1::Scenario& scenario,
                                                   const routes::Network& network,
                                                   std::chrono::year_month_day today);

// ScenarioFromProto, then ScenarioView::Make over it.
routes::Result<routes::ScenarioView> MakeScenarioView(const v1::Scenario& scenario,
                                                      const routes::Network& network,
                                                      std::chrono::year_month_day today);

// The network as `view` sees it (GetNetworkResponse.scenario_network): the usable routes with their
// capacity after factors (network routes in snapshot order, then extras), the closed airports and
// the as_of date applied.
v1::ScenarioNetwork ScenarioNetworkToProto(const routes::ScenarioView& view);

// Today's date in UTC.
std::chrono::year_month_day TodayUtc();

}  // namespace aircargo::formats
