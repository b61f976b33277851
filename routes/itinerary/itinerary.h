// Itinerary results: the dated flights to book, with every wait and clearance step, in UTC and in
// each airport's local time (UTC offsets in minutes, as they apply at that instant).
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "routes/ids.h"

namespace aircargo::routes {

// Why no itinerary was found (kNone when some were).
enum class NoItineraryReason {
  kNone = 0,
  kNoDepartureInHorizon,  // no usable flight leaves the origin in the horizon after clearance
  kConnectionTooShort,    // itineraries exist only with connection/clearance times ignored
  kPayloadTooSmall,       // itineraries exist only on flights smaller than the shipment
  kNoConnection,          // the flights in the horizon do not connect origin and destination
  kArriveByTooEarly,      // itineraries exist, but none delivers by arrive_by
};
// "NO_DEPARTURE_IN_HORIZON", ...; "" for kNone.
const char* NoItineraryReasonName(NoItineraryReason reason);

// An instant with the local UTC offset of the airport it happens at.
struct AirportTime {
  std::chrono::sys_seconds utc;
  std::chrono::minutes utc_offset{0};  // local = utc + utc_offset
};

enum class ClearanceKind { kExport = 1, kImport };

struct ClearanceStep {
  ClearanceKind kind = ClearanceKind::kExport;
  AirportId airport;
  AirportTime start;
  AirportTime end;  // start + the airport's export / import clearance minutes
};

struct ItineraryLeg {
  RouteId route;
  AirportId origin;
  AirportId destination;
  std::chrono::year_month_day flight_date;  // local date of departure at the origin
  AirportTime departure;                    // offset of the origin airport
  AirportTime arrival;                      // offset of the destination airport
  // Time at the leg's origin between cargo being available to load (ready + export clearance at
  // the origin, or arrival + minimum connection at a transfer) and departure; >= 0.
  std::chrono::minutes wait{0};
  // The minimum connection time applied before this leg (0 on the first leg).
  std::chrono::minutes connection{0};
};

struct Itinerary {
  std::vector<ItineraryLeg> legs;
  ClearanceStep export_clearance;
  ClearanceStep import_clearance;
  AirportTime ready;                     // at the origin
  AirportTime delivered;                 // import clearance done at the destination
  std::chrono::minutes door_to_door{0};  // delivered - ready
  bool meets_arrive_by = true;           // delivered <= arrive_by (true without arrive_by)
};

// Answer to arrive_by: the latest ready time at the origin that still delivers by arrive_by, and
// the itinerary that does it (one minute later, none does within the flights considered).
struct LatestReady {
  AirportTime ready;
  Itinerary itinerary;
};

struct ItineraryPlan {
  std::vector<Itinerary> itineraries;  // earliest delivered first; at most k
  NoItineraryReason reason = NoItineraryReason::kNone;
  std::string reason_detail;  // a sentence for people, when reason != kNone
  // With arrive_by: the latest hand-over, or none (latest_ready_reason says why).
  std::optional<LatestReady> latest_ready;
  NoItineraryReason latest_ready_reason = NoItineraryReason::kNone;
  // Usable routes skipped because their per-flight payload is below the shipment.
  std::vector<RouteId> payload_too_small;
  std::int64_t flights_considered = 0;  // dated flights in the window
};

}  // namespace aircargo::routes
