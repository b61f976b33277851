// Route: one directed edge of the route network (a carrier's service between two airports), as
// held by a validated Network, and RouteInput, the same facts as a file or request states them.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "routes/calendar.h"
#include "routes/ids.h"

namespace aircargo::routes {

// Numbered for the core (from 0, no "unset" value); the proto's numbers map in one exhaustive
// switch per enum (formats/network_proto.h).
enum class Mode { kFreighter, kBelly, kTruck };
enum class RouteStatus { kOperating, kPlanned, kSuspended };

// Whether `mode` is one of the enumerators (a value cast from an integer may not be).
bool IsKnownMode(Mode mode);
// What a route's facts rest on, strongest first (docs/data.md defines each level). kUnspecified:
// the network does not say.
enum class EvidenceBasis {
  kUnspecified = 0,
  kSourced,
  kAnnounced,
  kInferred,
  kAssumed,
  kCandidate,
  kIllustrative,
};
inline constexpr int kEvidenceBasisCount = 7;

const char* ModeName(Mode mode);             // "freighter", "belly", "truck"
const char* StatusName(RouteStatus status);  // "operating", "planned", "suspended"
// "unspecified", "sourced", "announced", "inferred", "assumed", "candidate", "illustrative".
const char* BasisName(EvidenceBasis basis);
// Short column label: "-", "src", "ann", "inf", "asm", "cand", "illus".
const char* BasisShortName(EvidenceBasis basis);
// True for the levels weaker than announced (inferred, assumed, candidate, illustrative) and for
// an unstated basis: an answer resting on such a route says so.
bool WeakerThanAnnounced(EvidenceBasis basis);

// One weekly departure, in the origin airport's local time.
struct Departure {
  Weekday weekday = Weekday::kMonday;
  int minute_of_day = 0;  // 0..1439
};

// A route as validated and held by a Network.
struct Route {
  std::string id;  // unique in the network ("SHE-YVR-W8")
  AirportId origin;
  AirportId destination;
  std::string carrier;
  Mode mode = Mode::kFreighter;
  std::string aircraft;
  std::int64_t payload_kg = 0;          // planning payload per flight, > 0
  std::int32_t flights_per_week = 0;    // 1..70
  std::vector<Departure> departures;    // empty, or exactly flights_per_week entries
  std::int32_t block_minutes = 0;       // > 0
  double distance_km = 0;               // given, or the great-circle distance
  std::int64_t cost_per_kg_micros = 0;  // >= 0
  RouteStatus status = RouteStatus::kOperating;
  std::optional<std::chrono::year_month_day> effective_from;  // none: always
  std::optional<std::chrono::year_month_day> effective_to;    // last day flown; none: open-ended
  EvidenceBasis basis = EvidenceBasis::kUnspecified;
  std::string source;
  std::vector<std::string> tags;

  // payload_kg x flights_per_week.
  std::int64_t weekly_capacity_kg() const { return payload_kg * flights_per_week; }
};

// Unvalidated text values, for the ones a file states as text.
struct DepartureInput {
  std::optional<Weekday> weekday;  // none: unset (or a value the proto mapping did not know)
  std::string local_time;          // "HH:MM"
};

// A route as stated in a file or request, before NetworkBuilder validates and resolves it.
// Enums are empty when unset (the proto's *_UNSPECIFIED) or unknown to the proto mapping.
struct RouteInput {
  std::string id;
  std::string origin;       // IATA code
  std::string destination;  // IATA code
  std::string carrier;
  std::optional<Mode> mode;
  std::string aircraft;
  std::int64_t payload_kg = 0;
  std::int32_t flights_per_week = 0;
  std::vector<DepartureInput> departures;
  std::int32_t block_minutes = 0;
  double distance_km = 0;  // 0 = derive from the airports' coordinates
  std::int64_t cost_per_kg_micros = 0;
  std::optional<RouteStatus> status;
  std::string effective_from;  // "YYYY-MM-DD" or empty
  std::string effective_to;    // "YYYY-MM-DD" or empty; not before effective_from
  int basis = 0;               // EvidenceBasis value, 0 = unstated (allowed)
  std::string source;
  std::vector<std::string> tags;
};

}  // namespace aircargo::routes
