// Shared pieces of the itinerary tests: UTC instants written as text, a route with given weekly
// departures and block time, and the operating view of a network.
#pragma once

#include <gtest/gtest.h>

#include <chrono>
#include <string>
#include <utility>
#include <vector>

#include "routes/itinerary/local_time.h"
#include "routes/route.h"
#include "routes/scenario_view.h"
#include "tests/routes/test_parts.h"

namespace aircargo::routes::test {

// "2025-06-02T01:00:00Z" -> the instant; fails the test when malformed.
inline std::chrono::sys_seconds Utc(const std::string& text) {
  auto parsed = ParseRfc3339(text);
  EXPECT_TRUE(parsed.has_value()) << text;
  return parsed.value_or(std::chrono::sys_seconds{});
}

// A freighter with the given departures ({weekday 1..7, "HH:MM"}) and block time.
inline RouteInput Flight(std::string id, std::string origin, std::string destination,
                         std::vector<DepartureInput> departures, int block_minutes,
                         std::int64_t payload_kg = 40'000) {
  RouteInput r = MakeRoute(std::move(id), std::move(origin), std::move(destination));
  r.flights_per_week = static_cast<std::int32_t>(departures.size());
  r.departures = std::move(departures);
  r.block_minutes = block_minutes;
  r.payload_kg = payload_kg;
  return r;
}

inline Airport WithTimes(Airport a, int connection, int export_clearance, int import_clearance) {
  a.min_connection_minutes = connection;
  a.export_clearance_minutes = export_clearance;
  a.import_clearance_minutes = import_clearance;
  return a;
}

inline Airport Chicago() {
  return MakeAirport("ORD", "KORD", "US", 41.9786, -87.9048, "America/Chicago");
}
inline Airport Anchorage() {
  return MakeAirport("ANC", "PANC", "US", 61.1743, -149.9982, "America/Anchorage");
}

inline ScenarioView OperatingView(const Network& network) {
  return ScenarioView::Operating(
      network, std::chrono::year_month_day{std::chrono::year{2030}, std::chrono::January,
                                           std::chrono::day{1}});
}

}  // namespace aircargo::routes::test
