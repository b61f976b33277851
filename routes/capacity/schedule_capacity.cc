#include "routes/capacity/schedule_capacity.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <tuple>
#include <utility>

#include "routes/capacity/flow_network.h"
#include "routes/capacity/max_flow.h"
#include "routes/capacity/min_cost_flow.h"
#include "routes/capacity/schedule_network.h"
#include "routes/capacity/shortest_augmenting_path.h"
#include "routes/itinerary/airport_zones.h"
#include "routes/itinerary/local_time.h"
#include "routes/route_set.h"
#include "routes/scenario.h"

namespace aircargo::routes {
namespace {

using std::chrono::minutes;
using std::chrono::sys_seconds;

constexpr std::chrono::seconds kWeek = std::chrono::days{7};

std::optional<Error> Validate(const Network& network, const ScheduleCapacityQuery& q,
                              std::vector<bool>& is_destination) {
  const auto airports = network.airports().size();
  if (q.origin.value >= airports) return NotFound("origin", "airport index out of range");
  if (q.destinations.empty()) {
    return InvalidArgument("destinations", "must name at least one airport");
  }
  is_destination.assign(airports, false);
  for (std::size_t i = 0; i < q.destinations.size(); ++i) {
    const AirportId d = q.destinations[i];
    const std::string field = "destinations[" + std::to_string(i) + "]";
    if (d.value >= airports) return NotFound(field, "airport index out of range");
    if (d == q.origin) {
      return InvalidArgument(field, "must differ from the origin " + network.airport(d).iata);
    }
    is_destination[d.value] = true;
  }
  if (q.deadline <= q.ready) {
    return InvalidArgument("deadline", "must be after the ready time " + FormatUtc(q.ready) +
                                           ", got " + FormatUtc(q.deadline));
  }
  if (q.deadline - q.ready > kMaxScheduleWindow) {
    return InvalidArgument("deadline", "must be at most " +
                                           std::to_string(kMaxScheduleWindow.count()) +
                                           " days after the ready time " + FormatUtc(q.ready) +
                                           ", got " + FormatUtc(q.deadline));
  }
  if (q.demand_kg && (*q.demand_kg < 0 || *q.demand_kg > kMaxScheduleDemandKg)) {
    return InvalidArgument("demand_kg", "must be between 0 and " +
                                            std::to_string(kMaxScheduleDemandKg) + " kg, got " +
                                            std::to_string(*q.demand_kg));
  }
  if (!(q.flight_capacity_factor > 0 && q.flight_capacity_factor <= kMaxCapacityFactor)) {
    return InvalidArgument("flight_capacity_factor",
                           "must be more than 0 and at most " +
                               std::to_string(static_cast<int>(kMaxCapacityFactor)) + ", got " +
                               std::to_string(q.flight_capacity_factor));
  }
  return std::nullopt;
}

// Usable routes on some static origin -> destination chain that neither re-enters the origin nor
// leaves a destination (the only ones whose flights can carry anything).
RouteSet UsefulRoutes(const ScenarioView& view, AirportId origin,
                      const std::vector<bool>& is_destination) {
  const std::size_t n = view.network().airports().size();
  std::vector<bool> from_origin(n, false);
  std::vector<bool> to_destination(n, false);
  std::vector<AirportId> stack{origin};
  from_origin[origin.value] = true;
  while (!stack.empty()) {
    const AirportId a = stack.back();
    stack.pop_back();
    if (is_destination[a.value]) continue;
    view.ForEachOutRoute(a, [&](RouteId id) {
      const AirportId b = view.route(id).destination;
      if (!from_origin[b.value]) {
        from_origin[b.value] = true;
        stack.push_back(b);
      }
    });
  }
  for (std::size_t a = 0; a < n; ++a) {
    if (is_destination[a]) {
      to_destination[a] = true;
      stack.push_back(AirportId(static_cast<std::uint32_t>(a)));
    }
  }
  while (!stack.empty()) {
    const AirportId a = stack.back();
    stack.pop_back();
    if (a == origin) continue;
    view.ForEachInRoute(a, [&](RouteId id) {
      const AirportId b = view.route(id).origin;
      if (!to_destination[b.value] && !is_destination[b.value]) {
        to_destination[b.value] = true;
        stack.push_back(b);
      }
    });
  }
  RouteSet useful(view.route_count());
  for (std::uint32_t i = 0; i < view.route_count(); ++i) {
    const RouteId id(i);
    if (!view.usable(id)) continue;
    const Route& r = view.route(id);
    if (r.destination != origin && !is_destination[r.origin.value] && from_origin[r.origin.value] &&
        to_destination[r.destination.value]) {
      useful.Insert(id);
    }
  }
  return useful;
}

// The flights of `network` carrying flow (or, with `cut`, those pairs), by departure.
Result<std::vector<FlightBooking>> Bookings(const ScheduleNetwork& s, const FlowNetwork& network,
                                            const std::vector<std::uint32_t>* cut,
                                            AirportZones& zones) {
  std::vector<FlightBooking> out;
  const auto add = [&](std::uint32_t pair) -> std::optional<Error> {
    const ArcLabel& label = network.label(pair);
    if (label.kind != ArcKind::kFlight) return std::nullopt;
    const DatedFlight& f = s.flights[label.id];
    auto departure = zones.At(f.origin, f.departure);
    if (!departure.ok()) return departure.error();
    auto arrival = zones.At(f.destination, f.arrival);
    if (!arrival.ok()) return arrival.error();
    out.push_back({f, *departure, *arrival, network.flow(pair)});
    return std::nullopt;
  };
  if (cut != nullptr) {
    for (std::uint32_t pair : *cut) {
      if (auto error = add(pair)) return *error;
    }
  } else {
    for (std::uint32_t pair = 0; pair < network.pair_count(); ++pair) {
      if (network.flow(pair) <= 0) continue;
      if (auto error = add(pair)) return *error;
    }
  }
  std::sort(out.begin(), out.end(), [](const FlightBooking& a, const FlightBooking& b) {
    return std::tie(a.flight.departure, a.flight.route.value, a.flight.arrival) <
           std::tie(b.flight.departure, b.flight.route.value, b.flight.arrival);
  });
  return out;
}

ScheduleRules MakeRules(const ScenarioView& view, const ScheduleCapacityQuery& q,
                        const std::vector<bool>& is_destination) {
  const Network& network = view.network();
  ScheduleRules rules;
  rules.origin = q.origin;
  rules.is_destination = is_destination;
  rules.ready = q.ready;
  rules.deadline = q.deadline;
  rules.export_clearance = minutes{network.airport(q.origin).export_clearance_minutes};
  for (const Airport& a : network.airports()) {
    rules.connection.push_back(minutes{a.min_connection_minutes});
    rules.import_clearance.push_back(minutes{a.import_clearance_minutes});
  }
  rules.cost_per_kg_micros.resize(view.route_count());
  for (std::uint32_t i = 0; i < view.route_count(); ++i) {
    rules.cost_per_kg_micros[i] = view.route(RouteId(i)).cost_per_kg_micros;
  }
  return rules;
}

std::string DestinationNames(const Network& network, const ScheduleCapacityQuery& q) {
  std::string names;
  for (std::size_t i = 0; i < q.destinations.size(); ++i) {
    names += (i == 0 ? "" : ", ") + network.airport(q.destinations[i]).iata;
  }
  return names;
}

std::string Describe(const Network& network, const ScheduleCapacityQuery& q) {
  return network.airport(q.origin).iata + " to " + DestinationNames(network, q);
}

// Why nothing arrives: see NoScheduleReason.
Result<std::pair<NoScheduleReason, std::string>> Diagnose(const Network& network,
                                                          const ScheduleCapacityQuery& q,
                                                          const std::vector<DatedFlight>& flights,
                                                          const ScheduleRules& rules,
                                                          StopCheck& stop) {
  const sys_seconds first_possible = q.ready + rules.export_clearance;
  const bool leaves = std::any_of(flights.begin(), flights.end(), [&](const DatedFlight& f) {
    return f.origin == q.origin && f.departure >= first_possible && f.departure <= q.deadline;
  });
  if (!leaves) {
    return std::pair{NoScheduleReason::kNoDepartureInWindow,
                     "no usable flight towards " + DestinationNames(network, q) + " leaves " +
                         network.airport(q.origin).iata + " between export clearance (" +
                         FormatUtc(first_possible) + ") and the deadline (" +
                         FormatUtc(q.deadline) + ")"};
  }
  ScheduleRules relaxed = rules;
  relaxed.export_clearance = minutes{0};
  std::fill(relaxed.connection.begin(), relaxed.connection.end(), minutes{0});
  std::fill(relaxed.import_clearance.begin(), relaxed.import_clearance.end(), minutes{0});
  auto built = BuildScheduleNetwork(flights, relaxed, stop);
  if (!built.ok()) return built.error();
  if (!built->flights.empty()) {
    return std::pair{NoScheduleReason::kConnectionTooShort,
                     "flights from " + Describe(network, q) +
                         " exist in the window, but every chain misses the export clearance, a "
                         "minimum connection time or the import clearance before the deadline"};
  }
  return std::pair{NoScheduleReason::kNoConnection, "the flights between " + FormatUtc(q.ready) +
                                                        " and " + FormatUtc(q.deadline) +
                                                        " do not connect " + Describe(network, q)};
}

std::int64_t Saturate(Int128 value) {
  return value > std::numeric_limits<std::int64_t>::max() ? std::numeric_limits<std::int64_t>::max()
                                                          : static_cast<std::int64_t>(value);
}

}  // namespace

const char* NoScheduleReasonName(NoScheduleReason reason) {
  switch (reason) {
    case NoScheduleReason::kNone:
      return "";
    case NoScheduleReason::kNoRoute:
      return "NO_ROUTE";
    case NoScheduleReason::kNoDepartureInWindow:
      return "NO_DEPARTURE_IN_WINDOW";
    case NoScheduleReason::kConnectionTooShort:
      return "CONNECTION_TOO_SHORT";
    case NoScheduleReason::kNoConnection:
      return "NO_CONNECTION";
  }
  return "";
}

Result<ScheduleExpansion> ExpandScheduleNetwork(const ScenarioView& view,
                                                const ScheduleCapacityQuery& query,
                                                StopCheck& stop) {
  return ExpandScheduleNetwork(view, query, nullptr, stop);
}

Result<ScheduleExpansion> ExpandScheduleNetwork(const ScenarioView& view,
                                                const ScheduleCapacityQuery& query,
                                                TimetableCache* timetables, StopCheck& stop) {
  if (timetables != nullptr && &timetables->view().network() != &view.network()) {
    return MakeError(ErrorCode::kInternal, "timetables", "the timetables are another network's");
  }
  const Network& network = view.network();
  std::vector<bool> is_destination;
  if (auto error = Validate(network, query, is_destination)) return *error;
  ScheduleExpansion out;
  const RouteSet useful = UsefulRoutes(view, query.origin, is_destination);
  out.any_route = !useful.empty();
  out.rules = MakeRules(view, query, is_destination);
  if (!out.any_route) return out;
  // The size limit, before expanding: a weekly schedule of n departures has at most
  // n x (floor(window / week) + 1) departures in the window, DST shifts included.
  const std::int64_t weeks = (query.deadline - query.ready) / kWeek + 1;
  std::int64_t bound = 0;
  useful.ForEach([&](RouteId id) {
    bound += static_cast<std::int64_t>(WeeklyDepartures(view.route(id)).size()) * weeks;
  });
  if (bound > kMaxScheduleFlights) {
    return MakeError(ErrorCode::kResourceExhausted, "deadline",
                     "the window may hold up to " + std::to_string(bound) +
                         " dated flights on routes between " + Describe(network, query) +
                         "; at most " + std::to_string(kMaxScheduleFlights) +
                         " are expanded: narrow the window");
  }

  // The timetables hold the flights of their own view's usable routes only: usable when that
  // covers every useful route of this view (the same network, so the same route records).
  const auto covered = [&](const ScenarioView& base) {
    bool all = true;
    useful.ForEach(
        [&](RouteId id) { all = all && id.value < base.route_count() && base.usable(id); });
    return all;
  };
  if (timetables != nullptr &&
      TimetableCache::WeekCount(query.ready, query.deadline) <=
          TimetableCache::kMaxWeeksPerRequest &&
      (&timetables->view() == &view || covered(timetables->view()))) {
    // The shared weeks: the same flights as ExpandRoute's (timetable.h), sorted by departure, with
    // no time zone conversion here.
    auto shared_weeks = timetables->Weeks(query.ready, query.deadline, stop);
    if (!shared_weeks.ok()) return shared_weeks.error();
    auto selected = SelectFlights(*shared_weeks, query.ready, query.deadline, {0, &useful}, stop);
    if (!selected.ok()) return selected.error();
    out.window = std::move(selected->flights);
  } else {
    // The useful routes' flights, route by route (ExpandRoute, the expansion PlanItinerary uses).
    AirportZones zones(network);
    for (std::uint32_t r = 0; r < view.route_count(); ++r) {
      if (!useful.Contains(RouteId(r))) continue;
      if (auto error = stop.Poll()) return *error;
      const Route& route = view.route(RouteId(r));
      auto zone = zones.Of(route.origin);
      if (!zone.ok()) return zone.error();
      const std::vector<DatedFlight> flights =
          ExpandRoute(RouteId(r), route, **zone, query.ready, query.deadline);
      out.window.insert(out.window.end(), flights.begin(), flights.end());
    }
  }
  if (query.flight_capacity_factor != 1.0 || !view.scenario().capacity_factors.empty()) {
    std::vector<double> factor(view.route_count(), query.flight_capacity_factor);
    for (const CapacityFactor& f : view.scenario().capacity_factors) {
      factor[f.route.value] = f.factor * query.flight_capacity_factor;
    }
    for (DatedFlight& f : out.window) {
      f.payload_kg = static_cast<std::int64_t>(
          std::llround(static_cast<double>(f.payload_kg) * factor[f.route.value]));
    }
  }
  auto built = BuildScheduleNetwork(out.window, out.rules, stop);
  if (!built.ok()) return built.error();
  out.schedule = std::move(built).value();
  return out;
}

Result<ScheduleCapacityResult> ComputeScheduleCapacity(const ScenarioView& view,
                                                       const ScheduleCapacityQuery& query,
                                                       FlowWorkspace& workspace, StopCheck& stop) {
  return ComputeScheduleCapacity(view, query, ScheduleShared{}, workspace, stop);
}

Result<ScheduleCapacityResult> ComputeScheduleCapacity(const ScenarioView& view,
                                                       const ScheduleCapacityQuery& query,
                                                       const ScheduleShared& shared,
                                                       FlowWorkspace& workspace, StopCheck& stop) {
  const Network& network = view.network();
  std::vector<bool> is_destination;
  if (auto error = Validate(network, query, is_destination)) return *error;
  if (shared.flows != nullptr && &shared.flows->view() != &view) {
    return MakeError(ErrorCode::kInternal, "flows", "the flow template is another view's");
  }

  ScheduleCapacityResult result;
  auto weekly =
      shared.flows != nullptr
          ? ComputeCapacity(*shared.flows, {query.origin, query.destinations}, workspace, stop)
          : ComputeCapacity(view, {query.origin, query.destinations}, workspace, stop);
  if (!weekly.ok()) return weekly.error();
  result.static_weekly_kg = weekly->max_flow_kg_per_week;
  result.static_window_kg = Saturate(static_cast<Int128>(result.static_weekly_kg) *
                                     (query.deadline - query.ready).count() / kWeek.count());

  auto expansion = ExpandScheduleNetwork(view, query, shared.timetables, stop);
  if (!expansion.ok()) return expansion.error();
  if (!expansion->any_route) {
    result.reason = NoScheduleReason::kNoRoute;
    result.reason_detail = "no chain of usable routes connects " + Describe(network, query);
    if (query.demand_kg) {
      result.plan = ScheduleBookingPlan{*query.demand_kg, 0, *query.demand_kg, 0, false, {}};
    }
    return result;
  }
  const std::vector<DatedFlight>& flights = expansion->window;
  const ScheduleRules& rules = expansion->rules;
  result.flights_in_window = static_cast<std::int64_t>(flights.size());
  ScheduleNetwork& schedule = expansion.value().schedule;
  result.flights_in_network = static_cast<std::int64_t>(schedule.flights.size());
  result.events = schedule.events;
  std::optional<FlowNetwork> for_plan;
  if (query.demand_kg) for_plan = schedule.network;

  auto flow = ShortestAugmentingPathMaxFlow(schedule.network, workspace, stop);
  if (!flow.ok()) return flow.error();
  result.max_kg = *flow;
  AirportZones zones(network);
  auto bookings = Bookings(schedule, schedule.network, nullptr, zones);
  if (!bookings.ok()) return bookings.error();
  result.bookings = std::move(bookings).value();
  if (result.max_kg > 0) {
    const std::vector<std::uint32_t> cut = MinCutPairs(schedule.network, workspace);
    auto cut_bookings = Bookings(schedule, schedule.network, &cut, zones);
    if (!cut_bookings.ok()) return cut_bookings.error();
    result.min_cut = std::move(cut_bookings).value();
  } else {
    auto why = Diagnose(network, query, flights, rules, stop);
    if (!why.ok()) return why.error();
    result.reason = why->first;
    result.reason_detail = std::move(why->second);
  }

  if (for_plan) {
    ScheduleBookingPlan plan;
    plan.demand_kg = *query.demand_kg;
    auto sent = SolveMinCostFlow(*for_plan, plan.demand_kg, workspace, stop);
    if (!sent.ok()) return sent.error();
    plan.shipped_kg = *sent;
    plan.shortfall_kg = plan.demand_kg - plan.shipped_kg;
    const Int128 cost = FlowCostMicros(*for_plan);
    plan.total_cost_micros = Saturate(cost);
    plan.cost_saturated = cost > std::numeric_limits<std::int64_t>::max();
    auto planned = Bookings(schedule, *for_plan, nullptr, zones);
    if (!planned.ok()) return planned.error();
    plan.bookings = std::move(planned).value();
    result.plan = std::move(plan);
  }
  return result;
}

}  // namespace aircargo::routes
