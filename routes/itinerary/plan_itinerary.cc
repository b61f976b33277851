#include "routes/itinerary/plan_itinerary.h"

#include <algorithm>
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "routes/itinerary/airport_zones.h"
#include "routes/itinerary/connection_scan.h"
#include "routes/itinerary/dated_flights.h"
#include "routes/itinerary/local_time.h"
#include "routes/itinerary/routes_within_legs.h"
#include "routes/itinerary/timetable.h"
#include "routes/itinerary/timetable_cache.h"
#include "routes/route_set.h"

namespace aircargo::routes {
namespace {

using std::chrono::minutes;
using std::chrono::sys_seconds;

std::optional<Error> Validate(const Network& network, const ItineraryQuery& q) {
  const auto airports = network.airports().size();
  if (q.origin.value >= airports) return InvalidArgument("origin", "unknown airport id");
  if (q.destination.value >= airports) return InvalidArgument("destination", "unknown airport id");
  if (q.origin == q.destination) {
    return InvalidArgument("destination",
                           "must differ from the origin (" + network.airport(q.origin).iata + ")");
  }
  if (q.k < 1 || q.k > kMaxItineraries) {
    return InvalidArgument("k", "must be between 1 and " + std::to_string(kMaxItineraries) +
                                    ", got " + std::to_string(q.k));
  }
  if (q.shipment_kg < 0) {
    return InvalidArgument("shipment_kg", "must be >= 0, got " + std::to_string(q.shipment_kg));
  }
  if (q.horizon <= minutes{0} || q.horizon > kMaxItineraryHorizon) {
    return InvalidArgument("horizon", "must be more than 0 and at most " +
                                          std::to_string(kMaxItineraryHorizon.count()) +
                                          " days, got " + std::to_string(q.horizon.count()) +
                                          " minutes");
  }
  if (q.max_legs < 1 || q.max_legs > kMaxItineraryLegs) {
    return InvalidArgument("max_legs", "must be between 1 and " +
                                           std::to_string(kMaxItineraryLegs) + ", got " +
                                           std::to_string(q.max_legs));
  }
  if (q.arrive_by && *q.arrive_by < q.ready) {
    return InvalidArgument("arrive_by", "must not be before the ready time " + FormatUtc(q.ready));
  }
  if (q.arrive_by && *q.arrive_by - q.ready > kMaxItineraryHorizon) {
    return InvalidArgument("arrive_by", "must be at most " +
                                            std::to_string(kMaxItineraryHorizon.count()) +
                                            " days after the ready time");
  }
  return std::nullopt;
}

ScanRules MakeRules(const Network& network, const ItineraryQuery& q) {
  ScanRules rules;
  rules.origin = q.origin;
  rules.destination = q.destination;
  rules.export_clearance = minutes{network.airport(q.origin).export_clearance_minutes};
  rules.import_clearance = minutes{network.airport(q.destination).import_clearance_minutes};
  for (const Airport& a : network.airports()) {
    rules.connection.push_back(minutes{a.min_connection_minutes});
  }
  rules.max_legs = q.max_legs;
  return rules;
}

Result<Itinerary> BuildItinerary(const std::vector<DatedFlight>& flights, const FlightChain& chain,
                                 const ScanRules& rules, sys_seconds ready,
                                 const std::optional<sys_seconds>& arrive_by, AirportZones& zones) {
  Itinerary it;
  auto at = [&](AirportId airport, sys_seconds instant) { return zones.At(airport, instant); };
  auto ready_at = at(rules.origin, ready);
  auto export_end = at(rules.origin, ready + rules.export_clearance);
  if (!ready_at.ok()) return ready_at.error();
  if (!export_end.ok()) return export_end.error();
  it.ready = *ready_at;
  it.export_clearance = {ClearanceKind::kExport, rules.origin, *ready_at, *export_end};
  sys_seconds available = export_end->utc;
  minutes connection{0};
  for (std::size_t position : chain.flights) {
    const DatedFlight& f = flights[position];
    auto departure = at(f.origin, f.departure);
    auto arrival = at(f.destination, f.arrival);
    if (!departure.ok()) return departure.error();
    if (!arrival.ok()) return arrival.error();
    ItineraryLeg leg;
    leg.route = f.route;
    leg.origin = f.origin;
    leg.destination = f.destination;
    leg.flight_date = f.date;
    leg.departure = *departure;
    leg.arrival = *arrival;
    leg.wait = std::chrono::duration_cast<minutes>(f.departure - available);
    leg.connection = connection;
    it.legs.push_back(leg);
    connection = rules.connection[f.destination.value];
    available = f.arrival + connection;
  }
  const ItineraryLeg& last = it.legs.back();
  auto import_end = at(rules.destination, last.arrival.utc + rules.import_clearance);
  if (!import_end.ok()) return import_end.error();
  it.import_clearance = {ClearanceKind::kImport, rules.destination, last.arrival, *import_end};
  it.delivered = *import_end;
  it.door_to_door = std::chrono::duration_cast<minutes>(it.delivered.utc - ready);
  it.meets_arrive_by = !arrive_by || it.delivered.utc <= *arrive_by;
  return it;
}

// Usable routes leaving the origin.
RouteSet RoutesFromOrigin(const ScenarioView& view, AirportId origin) {
  RouteSet keep(view.route_count());
  view.ForEachOutRoute(origin, [&](RouteId id) { keep.Insert(id); });
  return keep;
}

struct Diagnosis {
  NoItineraryReason reason = NoItineraryReason::kNoConnection;
  std::string detail;
};

// The dated flights of the request's view leaving in [from, to] that pass a filter: ExpandView's
// contract, answered by expanding per request or from shared timetables. The shared timetables
// copy only those leaving in (copy_after, copy_until] and count the rest in window_flights
// (SelectFlights), or leave window_flights 0 with WindowCount::kSkip; the expansion returns them
// all.
using FlightsIn = std::function<Result<DatedTimetable>(
    sys_seconds from, sys_seconds to, const FlightFilter& filter, sys_seconds copy_after,
    sys_seconds copy_until, WindowCount count)>;
constexpr sys_seconds kWholeWindow = sys_seconds::max();
constexpr sys_seconds kFromTheStart = sys_seconds::min();

Result<Diagnosis> Diagnose(const ScenarioView& view, const ItineraryQuery& q,
                           const DatedTimetable& table, const RouteSet& within_legs,
                           const ScanRules& rules, const FlightsIn& flights_in, StopCheck& stop) {
  const Network& network = view.network();
  const std::string& origin = network.airport(q.origin).iata;
  const std::string& destination = network.airport(q.destination).iata;
  const sys_seconds first_possible = q.ready + rules.export_clearance;
  const sys_seconds window_end = q.ready + q.horizon;
  auto leaves_origin = [&](const std::vector<DatedFlight>& flights) {
    return std::any_of(flights.begin(), flights.end(), [&](const DatedFlight& f) {
      return f.origin == q.origin && f.departure >= first_possible;
    });
  };
  const sys_seconds expand_end = std::max(window_end, q.arrive_by.value_or(window_end));
  std::optional<DatedTimetable> any_payload;
  if (!table.payload_too_small.empty()) {
    auto all = flights_in(q.ready, expand_end, {0, &within_legs}, kFromTheStart, kWholeWindow,
                          WindowCount::kSkip);
    if (!all.ok()) return all.error();
    any_payload = std::move(all).value();
  }
  // Departures from the origin, wherever they lead, with and without the payload filter.
  const RouteSet from_origin = RoutesFromOrigin(view, q.origin);
  auto origin_fitting = flights_in(q.ready, window_end, {q.shipment_kg, &from_origin},
                                   kFromTheStart, kWholeWindow, WindowCount::kSkip);
  if (!origin_fitting.ok()) return origin_fitting.error();
  auto origin_any = flights_in(q.ready, window_end, {0, &from_origin}, kFromTheStart, kWholeWindow,
                               WindowCount::kSkip);
  if (!origin_any.ok()) return origin_any.error();
  const auto plural = [](long n, const char* unit) {
    return std::to_string(n) + " " + unit + (n == 1 ? "" : "s");
  };
  const long horizon_minutes = static_cast<long>(q.horizon.count());
  const std::string horizon = horizon_minutes % (24 * 60) == 0
                                  ? plural(horizon_minutes / (24 * 60), "day")
                                  : plural(horizon_minutes, "minute");
  if (!leaves_origin(origin_fitting->flights)) {
    if (leaves_origin(origin_any->flights)) {
      return Diagnosis{NoItineraryReason::kPayloadTooSmall,
                       "every flight leaving " + origin + " in the next " + horizon +
                           " carries less than " + std::to_string(q.shipment_kg) + " kg"};
    }
    return Diagnosis{NoItineraryReason::kNoDepartureInHorizon,
                     "no usable flight leaves " + origin + " between export clearance (" +
                         FormatUtc(first_possible) + ") and the end of the " + horizon +
                         " horizon"};
  }
  if (any_payload) {
    auto found = ScanEarliest(any_payload->flights, rules, q.ready, 1, stop);
    if (!found.ok()) return found.error();
    if (!found->empty()) {
      return Diagnosis{NoItineraryReason::kPayloadTooSmall,
                       "itineraries to " + destination +
                           " exist only on flights carrying less than " +
                           std::to_string(q.shipment_kg) + " kg"};
    }
  }
  ScanRules relaxed = rules;
  relaxed.export_clearance = minutes{0};
  std::fill(relaxed.connection.begin(), relaxed.connection.end(), minutes{0});
  auto relaxed_found = ScanEarliest(table.flights, relaxed, q.ready, 1, stop);
  if (!relaxed_found.ok()) return relaxed_found.error();
  if (!relaxed_found->empty()) {
    return Diagnosis{NoItineraryReason::kConnectionTooShort,
                     "flights to " + destination +
                         " exist, but every chain misses the export clearance or a minimum "
                         "connection time"};
  }
  return Diagnosis{NoItineraryReason::kNoConnection,
                   "no chain of at most " + std::to_string(q.max_legs) + " flights in the next " +
                       horizon + " connects " + origin + " to " + destination};
}

// The window PlanItinerary reads flights from: [ready, ready + horizon], extended to arrive_by.
sys_seconds WindowEnd(const ItineraryQuery& query) {
  return std::max(query.ready + query.horizon, query.arrive_by.value_or(query.ready));
}

Result<ItineraryPlan> Plan(const ScenarioView& view, const ItineraryQuery& query,
                           const FlightsIn& flights_in, StopCheck& stop);

}  // namespace

const char* NoItineraryReasonName(NoItineraryReason reason) {
  switch (reason) {
    case NoItineraryReason::kNone:
      return "";
    case NoItineraryReason::kNoDepartureInHorizon:
      return "NO_DEPARTURE_IN_HORIZON";
    case NoItineraryReason::kConnectionTooShort:
      return "CONNECTION_TOO_SHORT";
    case NoItineraryReason::kPayloadTooSmall:
      return "PAYLOAD_TOO_SMALL";
    case NoItineraryReason::kNoConnection:
      return "NO_CONNECTION";
    case NoItineraryReason::kArriveByTooEarly:
      return "ARRIVE_BY_TOO_EARLY";
  }
  return "";
}

Result<ItineraryPlan> PlanItinerary(const ScenarioView& view, const ItineraryQuery& query,
                                    StopCheck& stop) {
  if (auto error = Validate(view.network(), query)) return *error;
  return Plan(
      view, query,
      [&](sys_seconds from, sys_seconds to, const FlightFilter& filter, sys_seconds, sys_seconds,
          WindowCount) { return ExpandView(view, from, to, filter, stop); },
      stop);
}

Result<ItineraryPlan> PlanItinerary(const ScenarioView& view, const ItineraryQuery& query,
                                    TimetableCache& timetables, StopCheck& stop) {
  if (!timetables.Serves(view)) {
    return MakeError(ErrorCode::kInternal, "timetables",
                     "the timetables do not hold every flight of this view");
  }
  if (auto error = Validate(view.network(), query)) return *error;
  if (TimetableCache::WeekCount(query.ready, WindowEnd(query)) >
      TimetableCache::kMaxWeeksPerRequest) {
    return PlanItinerary(view, query, stop);  // a long window: its own flights, as before
  }
  auto weeks = timetables.Weeks(query.ready, WindowEnd(query), stop);
  if (!weeks.ok()) return weeks.error();
  return Plan(
      view, query,
      [&](sys_seconds from, sys_seconds to, const FlightFilter& filter, sys_seconds copy_after,
          sys_seconds copy_until, WindowCount count) {
        return SelectFlights(*weeks, from, to, filter, stop, copy_until, copy_after, count);
      },
      stop);
}

namespace {

Result<ItineraryPlan> Plan(const ScenarioView& view, const ItineraryQuery& query,
                           const FlightsIn& flights_in, StopCheck& stop) {
  const Network& network = view.network();
  const sys_seconds window_end = WindowEnd(query);
  const RouteSet within_legs =
      RoutesWithinLegs(view, query.origin, query.destination, query.max_legs);
  const ScanRules rules = MakeRules(network, query);
  const FlightFilter filter{query.shipment_kg, &within_legs};

  // The earliest itineraries usually leave and arrive in the first days of the horizon, and the
  // scan stops at the first departure after the k-th best delivery. So read the flights leaving in
  // the first two days (after export clearance) and read more only while the scan could still use
  // later flights: it has not stopped and has not found k itineraries delivered by the end of what
  // was read. The later days are appended (they leave after everything read) and the scan goes on
  // where it was, so it is the scan over the whole window up to its stop. What to read next: with
  // k itineraries found, up to the k-th one's delivery (the scan over the whole window finds those
  // chains too, so its k-th best delivers no later), at least a quarter more than before (few
  // rounds whatever the scan finds); otherwise twice as far. With arrive_by the backward scan needs
  // the whole window.
  sys_seconds copy_until = kWholeWindow;
  if (!query.arrive_by) copy_until = query.ready + rules.export_clearance + std::chrono::days{2};
  auto first =
      flights_in(query.ready, window_end, filter, kFromTheStart, copy_until, WindowCount::kCount);
  if (!first.ok()) return first.error();
  DatedTimetable table = std::move(first).value();
  EarliestScan scan(table.flights, rules, query.ready, query.k);
  if (auto error = scan.Resume(stop)) return *error;
  std::vector<FlightChain> chains = scan.Chains();
  while (table.truncated() && !scan.stopped() &&
         !(static_cast<int>(chains.size()) == query.k && chains.back().delivered <= copy_until)) {
    const sys_seconds wider = copy_until + (copy_until - query.ready) / 4;
    const sys_seconds copied = copy_until;
    copy_until = static_cast<int>(chains.size()) == query.k
                     ? std::max(chains.back().delivered, wider)
                     : query.ready + (copy_until - query.ready) * 2;
    auto more = flights_in(query.ready, window_end, filter, copied, copy_until, WindowCount::kSkip);
    if (!more.ok()) return more.error();
    table.flights.insert(table.flights.end(), more->flights.begin(), more->flights.end());
    if (auto error = scan.Resume(stop)) return *error;
    chains = scan.Chains();
  }
  const std::vector<DatedFlight>& flights = table.flights;
  AirportZones zones(network);

  ItineraryPlan plan;
  plan.payload_too_small = table.payload_too_small;
  plan.flights_considered = static_cast<std::int64_t>(table.window_flights);

  for (const FlightChain& chain : chains) {
    auto itinerary = BuildItinerary(flights, chain, rules, query.ready, query.arrive_by, zones);
    if (!itinerary.ok()) return itinerary.error();
    plan.itineraries.push_back(std::move(itinerary).value());
  }
  if (plan.itineraries.empty()) {
    auto diagnosis = Diagnose(view, query, table, within_legs, rules, flights_in, stop);
    if (!diagnosis.ok()) return diagnosis.error();
    plan.reason = diagnosis->reason;
    plan.reason_detail = diagnosis->detail;
  }

  if (query.arrive_by) {
    auto latest = ScanLatestDeparture(flights, rules, query.ready + rules.export_clearance,
                                      *query.arrive_by, stop);
    if (!latest.ok()) return latest.error();
    if (latest->has_value()) {
      const sys_seconds ready = **latest - rules.export_clearance;
      auto best = ScanEarliest(flights, rules, ready, 1, stop);
      if (!best.ok()) return best.error();
      if (best->empty()) {
        return MakeError(ErrorCode::kInternal, "arrive_by",
                         "the backward scan found a departure the forward scan cannot use");
      }
      auto itinerary = BuildItinerary(flights, best->front(), rules, ready, query.arrive_by, zones);
      auto ready_at = zones.At(query.origin, ready);
      if (!itinerary.ok()) return itinerary.error();
      if (!ready_at.ok()) return ready_at.error();
      plan.latest_ready = LatestReady{*ready_at, std::move(itinerary).value()};
    } else {
      plan.latest_ready_reason =
          plan.itineraries.empty() ? plan.reason : NoItineraryReason::kArriveByTooEarly;
    }
  }
  return plan;
}

}  // namespace
}  // namespace aircargo::routes
