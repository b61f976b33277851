// NetworkSummary: the totals a planner reads first (airports, routes and weekly capacity by
// status and, for operating and planned routes, by evidence basis; carriers, countries), computed
// from one snapshot. Given a day, operating and planned routes whose last day flown
// (effective_to) is before it are counted as ended instead (VVO flew Aug-Oct 2025: not today's
// capacity). Pure function of its arguments; thread-safe.
#pragma once

#include <array>
#include <chrono>
#include <cstdint>
#include <optional>

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
  // Operating or planned routes whose effective_to is before `as_of` (only with a day given).
  StatusTotals ended;
  std::optional<std::chrono::year_month_day> as_of;
  // The operating and planned totals split by evidence level, indexed by the EvidenceBasis value.
  std::array<StatusTotals, kEvidenceBasisCount> operating_by_basis{};
  std::array<StatusTotals, kEvidenceBasisCount> planned_by_basis{};
  std::int32_t carrier_count = 0;
  std::int32_t country_count = 0;
};

NetworkSummary Summarize(const Network& network,
                         std::optional<std::chrono::year_month_day> as_of = std::nullopt);

// The network's hub: the airport most routes leave (any status: the network's shape, whatever the
// day); ties go to more outbound weekly capacity, then to the smaller IATA code. None when the
// network has no routes. CompareScenarios' default origin.
std::optional<AirportId> HubAirport(const Network& network);

}  // namespace aircargo::routes
