// AirportZones: the time zones of a network's airports, each resolved on first use (an IANA
// lookup), for turning UTC instants into local times at airports and for expanding routes into
// dated flights. Used by PlanItinerary and ComputeScheduleCapacity. Errors: INVALID_ARGUMENT naming
// "airports[IATA].time_zone" for a zone the tz database does not know. Not thread-safe: one per
// call; the network must outlive it.
#pragma once

#include <chrono>
#include <optional>
#include <vector>

#include "routes/ids.h"
#include "routes/itinerary/itinerary.h"
#include "routes/itinerary/local_time.h"
#include "routes/network.h"
#include "routes/result.h"

namespace aircargo::routes {

class AirportZones {
 public:
  explicit AirportZones(const Network& network)
      : network_(network), zones_(network.airports().size()) {}

  // The time zone of `airport` (valid as long as this object).
  Result<const TimeZone*> Of(AirportId airport) {
    std::optional<TimeZone>& zone = zones_[airport.value];
    if (!zone) {
      const Airport& a = network_.airport(airport);
      auto found = TimeZone::Find(a.time_zone, "airports[" + a.iata + "].time_zone");
      if (!found.ok()) return found.error();
      zone = *found;
    }
    return &*zone;
  }

  // `instant` with the UTC offset in force at `airport` then.
  Result<AirportTime> At(AirportId airport, std::chrono::sys_seconds instant) {
    auto zone = Of(airport);
    if (!zone.ok()) return zone.error();
    return AirportTime{instant, (*zone)->OffsetAt(instant)};
  }

 private:
  const Network& network_;
  std::vector<std::optional<TimeZone>> zones_;
};

}  // namespace aircargo::routes
