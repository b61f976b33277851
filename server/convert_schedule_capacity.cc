#include "server/convert_schedule_capacity.h"

#include <cmath>
#include <string>

#include "formats/network_proto.h"
#include "routes/calendar.h"
#include "routes/itinerary/local_time.h"
#include "routes/scenario.h"
#include "server/convert_capacity.h"
#include "server/convert_itinerary.h"

namespace aircargo::server {
namespace {

using routes::InvalidArgument;
// The exported overloads (ItineraryTime), next to this file's own.
using server::ToProto;

void ToProto(const routes::ScenarioView& view, const routes::FlightBooking& booking,
             v1::FlightBooking* out) {
  const routes::Network& network = view.network();
  const routes::DatedFlight& f = booking.flight;
  const routes::Route& route = view.route(f.route);
  out->set_route_id(route.id);
  out->set_origin(network.airport(f.origin).iata);
  out->set_destination(network.airport(f.destination).iata);
  out->set_carrier(route.carrier);
  out->set_flight_date(routes::FormatIsoDate(f.date));
  *out->mutable_departure() = ToProto(network, f.origin, booking.departure);
  *out->mutable_arrival() = ToProto(network, f.destination, booking.arrival);
  out->set_booked_kg(booking.booked_kg);
  out->set_payload_kg(f.payload_kg);
  out->set_utilisation(booking.utilisation());
  out->set_basis(formats::ToProto(route.basis));
  *out->mutable_origin_position() = formats::PositionOf(network.airport(f.origin));
  *out->mutable_destination_position() = formats::PositionOf(network.airport(f.destination));
}

}  // namespace

v1::ScheduleCapacityReason ToProto(routes::NoScheduleReason reason) {
  switch (reason) {
    case routes::NoScheduleReason::kNone:
      return v1::SCHEDULE_CAPACITY_REASON_UNSPECIFIED;
    case routes::NoScheduleReason::kNoRoute:
      return v1::SCHEDULE_CAPACITY_REASON_NO_ROUTE;
    case routes::NoScheduleReason::kNoDepartureInWindow:
      return v1::SCHEDULE_CAPACITY_REASON_NO_DEPARTURE_IN_WINDOW;
    case routes::NoScheduleReason::kConnectionTooShort:
      return v1::SCHEDULE_CAPACITY_REASON_CONNECTION_TOO_SHORT;
    case routes::NoScheduleReason::kNoConnection:
      return v1::SCHEDULE_CAPACITY_REASON_NO_CONNECTION;
  }
  return v1::SCHEDULE_CAPACITY_REASON_UNSPECIFIED;
}

routes::Result<ScheduleCapacityRequest> ScheduleCapacityRequestFromProto(
    const v1::ComputeScheduleCapacityRequest& request, const routes::Network& network) {
  auto endpoints = ResolveCapacityEndpoints(network, request.origin(), request.destinations(),
                                            request.destination_country());
  if (!endpoints.ok()) return endpoints.error();
  ScheduleCapacityRequest out;
  out.query.origin = endpoints->origin;
  out.query.destinations = std::move(endpoints->destinations);

  auto ready = ParseInstant(request.ready_time(), "ready_time", request.ready_local(),
                            "ready_local", network.airport(out.query.origin), true);
  if (!ready.ok()) return ready.error();
  auto deadline =
      ParseInstant(request.deadline_time(), "deadline_time", request.deadline_local(),
                   "deadline_local", network.airport(out.query.destinations.front()), true);
  if (!deadline.ok()) return deadline.error();
  out.ready = **ready;
  out.deadline = **deadline;
  out.query.ready = out.ready.utc;
  out.query.deadline = out.deadline.utc;
  const char* deadline_field = request.deadline_time().empty() ? "deadline_local" : "deadline_time";
  if (out.query.deadline <= out.query.ready) {
    return InvalidArgument(deadline_field, "must be after the ready time " +
                                               routes::FormatUtc(out.query.ready) + ", got " +
                                               routes::FormatUtc(out.query.deadline));
  }
  if (out.query.deadline - out.query.ready > routes::kMaxScheduleWindow) {
    return InvalidArgument(deadline_field,
                           "must be at most " + std::to_string(routes::kMaxScheduleWindow.count()) +
                               " days after the ready time " + routes::FormatUtc(out.query.ready) +
                               ", got " + routes::FormatUtc(out.query.deadline));
  }
  if (request.demand_kg() < 0 || request.demand_kg() > routes::kMaxScheduleDemandKg) {
    return InvalidArgument("demand_kg", "must be between 0 and " +
                                            std::to_string(routes::kMaxScheduleDemandKg) +
                                            " kg, got " + std::to_string(request.demand_kg()));
  }
  if (request.demand_kg() > 0) out.query.demand_kg = request.demand_kg();
  const double factor = request.flight_capacity_factor();
  if (std::isnan(factor) || factor < 0 || factor > routes::kMaxCapacityFactor) {
    return InvalidArgument(
        "flight_capacity_factor",
        "must be more than 0 and at most 1000 (0 means 1), got " + std::to_string(factor));
  }
  out.query.flight_capacity_factor = factor == 0 ? 1.0 : factor;
  return out;
}

void ToProto(const routes::ScenarioView& view, const ScheduleCapacityRequest& request,
             const routes::ScheduleCapacityResult& result,
             v1::ComputeScheduleCapacityResponse* response) {
  const routes::Network& network = view.network();
  response->set_max_kg(result.max_kg);
  for (const routes::FlightBooking& b : result.bookings) ToProto(view, b, response->add_bookings());
  for (const routes::FlightBooking& b : result.min_cut) ToProto(view, b, response->add_min_cut());
  response->set_static_weekly_kg(result.static_weekly_kg);
  response->set_static_window_kg(result.static_window_kg);
  if (result.plan) {
    v1::ScheduleBookingPlan* plan = response->mutable_plan();
    plan->set_demand_kg(result.plan->demand_kg);
    plan->set_shipped_kg(result.plan->shipped_kg);
    plan->set_shortfall_kg(result.plan->shortfall_kg);
    plan->set_total_cost_micros(result.plan->total_cost_micros);
    plan->set_cost_saturated(result.plan->cost_saturated);
    for (const routes::FlightBooking& b : result.plan->bookings) {
      ToProto(view, b, plan->add_bookings());
    }
  }
  response->set_reason(ToProto(result.reason));
  response->set_reason_detail(result.reason_detail);
  *response->mutable_ready() = ToProto(network, request.query.origin, request.ready);
  *response->mutable_deadline() =
      ToProto(network, request.query.destinations.front(), request.deadline);
  for (routes::AirportId d : request.query.destinations) {
    response->add_destinations(network.airport(d).iata);
  }
  response->set_flights_in_window(result.flights_in_window);
  response->set_flights_in_network(result.flights_in_network);
  response->set_events(result.events);
}

}  // namespace aircargo::server
