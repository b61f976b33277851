// Connection scan over dated flights (sorted by departure): the k earliest itineraries from a
// ready time (forward, k-best labels per airport) and the latest departure that still delivers by
// a deadline (backward). Why a connection scan and not a time-dependent Dijkstra:
// docs/adr/0002-itinerary-search.md.
//
// Itineraries are chains of flights: the first leaves the origin at or after ready + export
// clearance; each next leaves the previous arrival airport at or after arrival + that airport's
// minimum connection; the last reaches the destination, where import clearance follows. Chains
// never pass through the origin or destination again nor visit an airport twice, and have at most
// max_legs legs. Ranking (a total order): delivered time, then fewer legs, then later first
// departure (cargo waits at the shipper, not at a hub), then the flights' positions in the
// timetable, lexicographically. Work: O(F x C log C) for F flights and C = k + 2 labels kept per
// airport. Pure functions; thread-safe on distinct arguments.
#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

#include "routes/ids.h"
#include "routes/itinerary/dated_flights.h"
#include "routes/result.h"
#include "routes/stop_check.h"

namespace aircargo::routes {

struct ScanRules {
  AirportId origin;
  AirportId destination;
  std::chrono::minutes export_clearance{0};      // at the origin
  std::chrono::minutes import_clearance{0};      // at the destination
  std::vector<std::chrono::minutes> connection;  // minimum connection, by AirportId
  int max_legs = 4;
};

// One itinerary as positions in the flight vector, first leg first.
struct FlightChain {
  std::vector<std::size_t> flights;
  std::chrono::sys_seconds delivered;  // last arrival + import clearance
};

// The k best chains (ranking above) for cargo ready at `ready`; fewer when fewer exist.
Result<std::vector<FlightChain>> ScanEarliest(const std::vector<DatedFlight>& flights,
                                              const ScanRules& rules,
                                              std::chrono::sys_seconds ready, int k,
                                              StopCheck& stop);

// ScanEarliest in slices, for a caller that reads a window's flights a few days at a time
// (PlanItinerary on the shared timetables): Resume scans the flights appended to `flights` since
// the last call (they must leave no earlier than those already scanned, as slices of one sorted
// list do), and Chains() is what ScanEarliest answers over the flights appended so far. stopped():
// the scan met a departure after the k-th best delivery, so no later flight can change the answer.
// `flights` and `rules` must outlive the scan; `flights` may grow (and reallocate) between calls.
// Not thread safe.
class EarliestScan {
 public:
  EarliestScan(const std::vector<DatedFlight>& flights, const ScanRules& rules,
               std::chrono::sys_seconds ready, int k);
  ~EarliestScan();
  EarliestScan(const EarliestScan&) = delete;
  EarliestScan& operator=(const EarliestScan&) = delete;

  // DEADLINE_EXCEEDED / CANCELLED from `stop`; a later Resume goes on where this one stopped.
  std::optional<Error> Resume(StopCheck& stop);
  bool stopped() const;
  std::vector<FlightChain> Chains() const;

 private:
  struct State;
  std::unique_ptr<State> s_;
};

// The latest departure of a first leg whose chain delivers by `deliver_by`, among first legs
// leaving at or after `earliest_departure`; nullopt when none does.
Result<std::optional<std::chrono::sys_seconds>> ScanLatestDeparture(
    const std::vector<DatedFlight>& flights, const ScanRules& rules,
    std::chrono::sys_seconds earliest_departure, std::chrono::sys_seconds deliver_by,
    StopCheck& stop);

}  // namespace aircargo::routes
