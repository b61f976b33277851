// Text for `aircargo routes`: a table of routes and their total weekly capacity. Pure.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

#include "aircargo/v1/network_service.pb.h"

namespace aircargo::client {

// Width of the BASIS column (the route's source), in code points, ellipsis included.
inline constexpr std::size_t kBasisWidth = 60;

// payload_kg x flights_per_week.
std::int64_t WeeklyCapacityKg(const v1::Route& route);

// A table (id, from, to, carrier, mode, aircraft, flights/week, t/week, status, effective from,
// basis = the source on one line, cut to kBasisWidth with "…"), then "N routes, T t/week" where T
// sums the listed routes whatever their status.
std::string RenderRoutes(const v1::ListRoutesResponse& response);

}  // namespace aircargo::client
