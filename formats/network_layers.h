// The network as map layers: airports as points and the routes a scenario view lets through as
// great-circle lines (colour by mode, width by weekly capacity after factors, PLANNED routes
// dashed, scenario extra routes included), with a legend. Feeds ToGeoJson / ToDot / ToSvgMap.
// Pure functions; the view's network must outlive the call only.
#pragma once

#include <chrono>
#include <string>

#include "aircargo/v1/network.pb.h"
#include "aircargo/v1/network_service.pb.h"
#include "formats/map_layer.h"
#include "routes/network.h"
#include "routes/result.h"
#include "routes/scenario.h"
#include "routes/scenario_view.h"

namespace aircargo::formats {

struct NetworkMapOptions {
  std::string title;           // default: "NAME, version N"
  std::string scenario_label;  // shown in the subtitle ("as of 2026-11-28, with planned")
};

// Properties of each route line: id, carrier, mode, status, tonnes_per_week (after factors),
// aircraft, and "extra" = "yes" for scenario routes. Airports: name, city, country, and "closed".
// Offline (the CLI's export --network FILE): a view this process made.
MapDocument NetworkMap(const routes::ScenarioView& view, const NetworkMapOptions& options = {});
// Online (export against aircargod): the FULL network and the server's view of it under the
// request's scenario (GetNetworkResponse.scenario_network); the same map, no core computation.
MapDocument NetworkMap(const v1::Network& network, const v1::ScenarioNetwork& seen,
                       const NetworkMapOptions& options = {});

}  // namespace aircargo::formats
