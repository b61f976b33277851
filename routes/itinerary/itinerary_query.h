// ItineraryQuery: what PlanItinerary is asked. Instants are UTC (std::chrono::sys_seconds); the
// server converts local times at the origin / destination before filling it.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>

#include "routes/ids.h"

namespace aircargo::routes {

inline constexpr int kMaxItineraries = 20;
inline constexpr std::chrono::days kDefaultItineraryHorizon{14};
inline constexpr std::chrono::days kMaxItineraryHorizon{60};
inline constexpr int kMaxItineraryLegs = 6;

struct ItineraryQuery {
  AirportId origin;
  AirportId destination;
  // When the cargo is ready at the origin (before export clearance).
  std::chrono::sys_seconds ready;
  // Legs whose per-flight payload is below this are skipped; 0 = any flight. >= 0.
  std::int64_t shipment_kg = 0;
  // The earliest k distinct itineraries (distinct dated flight sequences), 1..kMaxItineraries.
  int k = 1;
  // Also find the latest ready time that still arrives (import clearance done) by this instant.
  std::optional<std::chrono::sys_seconds> arrive_by;
  // Flights departing in [ready, ready + horizon] are considered; (0, kMaxItineraryHorizon].
  std::chrono::minutes horizon = kDefaultItineraryHorizon;
  // At most this many legs per itinerary, 1..kMaxItineraryLegs.
  int max_legs = 4;
};

}  // namespace aircargo::routes
