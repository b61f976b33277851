// ComputeScheduleCapacity (issue 18): how many kg can leave an origin after a ready time and reach
// a destination (or any of several), import clearance done, by a deadline, on the dated flights of
// a ScenarioView, and on which flights. ComputeCapacity answers in weekly averages; this answers on
// the flights that actually connect.
//
// Steps: the usable routes that lie on some static origin -> destination chain are expanded into
// dated flights departing in [ready, deadline] (ExpandRoute of routes/itinerary/dated_flights.h,
// route by route: time zones and DST exactly as PlanItinerary; or, given the view's shared weekly
// timetables, selected from them: the same flights without a time zone conversion per request),
// each flight's payload scaled by the scenario's capacity factor of its route and the query's
// flight_capacity_factor (rounded to the nearest kg); the time-expanded network
// (routes/capacity/schedule_network.h: minimum connection, export and import clearance as in the
// connection scan, pruned to useful events, ground chains contracted, ground shortcuts) gets a
// maximum flow (shortest augmenting paths, routes/capacity/shortest_augmenting_path.h; on these
// networks far faster than push-relabel, and than Dinic on the slow pairs, docs/performance.md);
// the minimum cut is read off the residual graph (saturated flight instances: ground arcs are
// unlimited, so they never bound the answer). With a demand, a minimum-cost flow
// (routes/capacity/min_cost_flow.h, cost = kg x cost_per_kg_micros of each flight's route) ships
// min(demand, maximum) on a separate copy: the cheapest booking plan and its shortfall. Next to
// the answer: ComputeCapacity's static weekly figure for the same pair and that figure prorated to
// the window (x window / 7 days).
//
// When nothing can be delivered the result is OK with max_kg 0 and a reason (NoScheduleReason).
// Units: kg (integers), instants UTC (sys_seconds), offsets minutes, money micros.
// Errors: INVALID_ARGUMENT naming the query field ("origin", "destinations[i]", "deadline",
// "demand_kg", "flight_capacity_factor"); RESOURCE_EXHAUSTED "deadline" when the window holds more
// than kMaxScheduleFlights dated flights on useful routes; INVALID_ARGUMENT for an airport with an
// unknown time zone; DEADLINE_EXCEEDED / CANCELLED from `stop` (polled while expanding, building
// and solving). Thread safety: the view may be shared; one workspace and StopCheck per call.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "routes/capacity/flow_template.h"
#include "routes/capacity/flow_workspace.h"
#include "routes/capacity/schedule_network.h"
#include "routes/ids.h"
#include "routes/itinerary/dated_flights.h"
#include "routes/itinerary/itinerary.h"
#include "routes/itinerary/timetable_cache.h"
#include "routes/result.h"
#include "routes/scenario_view.h"
#include "routes/stop_check.h"

namespace aircargo::routes {

// The longest window between ready and deadline.
inline constexpr std::chrono::days kMaxScheduleWindow{31};
// The most dated flights (on routes that lie on some origin -> destination chain) in one window;
// the expanded network has at most 2 x this + 2 events.
inline constexpr std::int64_t kMaxScheduleFlights = 1'000'000;
// A demand above this (a million tonnes) is rejected as absurd.
inline constexpr std::int64_t kMaxScheduleDemandKg = 1'000'000'000'000;

struct ScheduleCapacityQuery {
  AirportId origin;
  std::vector<AirportId> destinations;    // one or more; duplicates count once
  std::chrono::sys_seconds ready;         // cargo at the origin, before export clearance
  std::chrono::sys_seconds deadline;      // import clearance done; (ready, ready + 31 days]
  std::optional<std::int64_t> demand_kg;  // 0..kMaxScheduleDemandKg: also the cheapest plan
  double flight_capacity_factor = 1.0;    // every flight's payload x this; (0, kMaxCapacityFactor]
};

// Why nothing can be delivered (kNone when something can).
enum class NoScheduleReason {
  kNone = 0,
  kNoRoute,              // no chain of usable routes connects origin and destination at all
  kNoDepartureInWindow,  // no useful flight leaves the origin between export clearance and deadline
  kConnectionTooShort,   // flights connect only if clearance and connection times were ignored
  kNoConnection,         // the flights in the window do not connect origin and destination
};
// "NO_ROUTE", "NO_DEPARTURE_IN_WINDOW", ...; "" for kNone.
const char* NoScheduleReasonName(NoScheduleReason reason);

// One dated flight of a plan or of the min cut.
struct FlightBooking {
  DatedFlight flight;  // payload_kg after factors
  AirportTime departure;
  AirportTime arrival;
  std::int64_t booked_kg = 0;
  double utilisation() const {
    return flight.payload_kg > 0
               ? static_cast<double>(booked_kg) / static_cast<double>(flight.payload_kg)
               : 0.0;
  }
};

struct ScheduleBookingPlan {
  std::int64_t demand_kg = 0;
  std::int64_t shipped_kg = 0;
  std::int64_t shortfall_kg = 0;       // demand - shipped
  std::int64_t total_cost_micros = 0;  // saturates at INT64_MAX
  bool cost_saturated = false;
  std::vector<FlightBooking> bookings;  // by departure
};

struct ScheduleCapacityResult {
  std::int64_t max_kg = 0;  // delivered by the deadline
  // The flights of one maximum flow carrying cargo, by departure (then route id).
  std::vector<FlightBooking> bookings;
  // Saturated flight instances from the source side to the sink side of the residual graph; their
  // payloads add up to max_kg. By departure. Empty when max_kg is 0.
  std::vector<FlightBooking> min_cut;
  // ComputeCapacity for the same origin and destinations (kg/week, terminal limits applied), and
  // that x (deadline - ready) / 7 days, rounded down.
  std::int64_t static_weekly_kg = 0;
  std::int64_t static_window_kg = 0;
  std::optional<ScheduleBookingPlan> plan;  // with a demand
  NoScheduleReason reason = NoScheduleReason::kNone;
  std::string reason_detail;  // a sentence for people, when reason != kNone
  // Sizes: dated flights expanded (on useful routes), flights left after pruning, and nodes of the
  // network other than the sink (events after the contraction of ground chains).
  std::int64_t flights_in_window = 0;
  std::int64_t flights_in_network = 0;
  std::int64_t events = 0;
};

// The time-expanded network of a query, exactly as ComputeScheduleCapacity builds it before
// solving (validation, useful routes, the size limit, expansion, factors, pruning), with zero flow:
// for ComputeScheduleCapacity and for benchmarks that compare max-flow solvers on it. Errors: those
// of ComputeScheduleCapacity except the solve's. Pure; thread-safe on distinct StopChecks.
struct ScheduleExpansion {
  bool any_route = false;           // false: no useful route (kNoRoute), nothing was expanded
  std::vector<DatedFlight> window;  // dated flights on useful routes, payloads after factors
  ScheduleRules rules;
  ScheduleNetwork schedule;  // the pruned network (empty when !any_route)
};
// What a caller may share between requests (the server's shared operating-today view has both,
// built once per snapshot and day: server/scenario_views.h); null members are built for the call.
// The answer is the same either way (tests/routes/capacity/schedule_shared_test.cc).
struct ScheduleShared {
  // The request view's own flow template, for the static weekly figure next to the answer
  // (INTERNAL "flows" when it is another view's).
  const FlowTemplate* flows = nullptr;
  // Weekly timetables of a view of the same network (INTERNAL "timetables" for another network's):
  // the request view's own, or a base view's whose usable routes include every route the request
  // can use (a scenario that only closes routes or airports, excludes carriers or scales
  // capacities: its factors are applied to the selected flights). The dated flights are selected
  // from them; otherwise (a route the base view cannot use, such as a planned or an extra route,
  // or a window spanning more than TimetableCache::kMaxWeeksPerRequest weeks) the request expands
  // its own flights.
  TimetableCache* timetables = nullptr;
};

Result<ScheduleExpansion> ExpandScheduleNetwork(const ScenarioView& view,
                                                const ScheduleCapacityQuery& query,
                                                StopCheck& stop);
Result<ScheduleExpansion> ExpandScheduleNetwork(const ScenarioView& view,
                                                const ScheduleCapacityQuery& query,
                                                TimetableCache* timetables, StopCheck& stop);

Result<ScheduleCapacityResult> ComputeScheduleCapacity(const ScenarioView& view,
                                                       const ScheduleCapacityQuery& query,
                                                       FlowWorkspace& workspace, StopCheck& stop);
Result<ScheduleCapacityResult> ComputeScheduleCapacity(const ScenarioView& view,
                                                       const ScheduleCapacityQuery& query,
                                                       const ScheduleShared& shared,
                                                       FlowWorkspace& workspace, StopCheck& stop);

}  // namespace aircargo::routes
