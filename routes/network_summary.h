// NetworkSummary: the totals a planner reads first (airports, routes and weekly capacity by
// status, carriers, countries), computed from one snapshot.
#pragma once

#include <cstdint>

#include "routes/network.h"

namespace aircargo::routes {

struct StatusTotals {
  std::int32_t route_count = 0;
  std::int64_t weekly_capacity_kg = 0;  // sum of payload_kg x flights_per_week
};

struct NetworkSummary {
  std::int32_t airport_count = 0;
  std::int32_t route_count = 0;
  StatusTotals operating;
  StatusTotals planned;
  StatusTotals suspended;
  std::int32_t carrier_count = 0;
  std::int32_t country_count = 0;
};

NetworkSummary Summarize(const Network& network);

}  // namespace aircargo::routes
