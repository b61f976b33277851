// Text for `aircargo routes`: a table of routes and their total weekly capacity. Pure.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

#include "aircargo/v1/network_service.pb.h"

namespace aircargo::client {

// payload_kg x flights_per_week.
std::int64_t WeeklyCapacityKg(const v1::Route& route);

// A table (id, from, to, carrier, mode, aircraft, flights/week, t/week, status, effective =
// "FROM", "FROM to TO" or "to TO", basis = the evidence level), then "N routes, T t/week" where T
// sums the listed routes whatever their status, the footnote when some rest on evidence weaker
// than announced, and "Sources:" with each route's full source on one line (nothing cut off).
std::string RenderRoutes(const v1::ListRoutesResponse& response);

}  // namespace aircargo::client
