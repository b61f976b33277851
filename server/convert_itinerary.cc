#include "server/convert_itinerary.h"

#include <string>

#include "formats/network_proto.h"
#include "routes/calendar.h"
#include "routes/itinerary/local_time.h"
#include "server/convert.h"

namespace aircargo::server {
namespace {

using routes::AirportTime;
using routes::InvalidArgument;
using std::chrono::minutes;
using std::chrono::sys_seconds;
// The exported overloads (ItineraryTime), next to this file's own.
using server::ToProto;

v1::ItineraryClearance ToProto(const routes::Network& network, const routes::ClearanceStep& step) {
  v1::ItineraryClearance out;
  out.set_kind(step.kind == routes::ClearanceKind::kExport ? v1::CLEARANCE_KIND_EXPORT
                                                           : v1::CLEARANCE_KIND_IMPORT);
  out.set_airport(network.airport(step.airport).iata);
  *out.mutable_start() = ToProto(network, step.airport, step.start);
  *out.mutable_end() = ToProto(network, step.airport, step.end);
  out.set_duration_minutes(static_cast<std::int32_t>(
      std::chrono::duration_cast<minutes>(step.end.utc - step.start.utc).count()));
  return out;
}

v1::Itinerary ToProto(const routes::ScenarioView& view, const routes::Itinerary& itinerary) {
  const routes::Network& network = view.network();
  v1::Itinerary out;
  std::int64_t total_wait = 0;
  for (const routes::ItineraryLeg& leg : itinerary.legs) {
    const routes::Route& route = view.route(leg.route);
    v1::ItineraryLeg* l = out.add_legs();
    l->set_route_id(route.id);
    l->set_origin(network.airport(leg.origin).iata);
    l->set_destination(network.airport(leg.destination).iata);
    l->set_carrier(route.carrier);
    l->set_aircraft(route.aircraft);
    l->set_flight_date(routes::FormatIsoDate(leg.flight_date));
    *l->mutable_departure() = ToProto(network, leg.origin, leg.departure);
    *l->mutable_arrival() = ToProto(network, leg.destination, leg.arrival);
    l->set_wait_minutes(leg.wait.count());
    l->set_connection_minutes(static_cast<std::int32_t>(leg.connection.count()));
    l->set_block_minutes(route.block_minutes);
    l->set_payload_kg(route.payload_kg);
    l->set_mode(formats::ToProto(route.mode));
    l->set_basis(formats::ToProto(route.basis));
    *l->mutable_origin_position() = formats::PositionOf(network.airport(leg.origin));
    *l->mutable_destination_position() = formats::PositionOf(network.airport(leg.destination));
    total_wait += leg.wait.count();
  }
  *out.mutable_export_clearance() = ToProto(network, itinerary.export_clearance);
  *out.mutable_import_clearance() = ToProto(network, itinerary.import_clearance);
  *out.mutable_ready() = ToProto(network, itinerary.export_clearance.airport, itinerary.ready);
  *out.mutable_delivered() =
      ToProto(network, itinerary.import_clearance.airport, itinerary.delivered);
  out.set_door_to_door_minutes(itinerary.door_to_door.count());
  out.set_total_wait_minutes(total_wait);
  out.set_meets_arrive_by(itinerary.meets_arrive_by);
  return out;
}

}  // namespace

routes::Result<std::optional<AirportTime>> ParseInstant(
    const std::string& utc_text, const char* utc_field, const std::string& local_text,
    const char* local_field, const routes::Airport& airport, bool required) {
  if (!utc_text.empty() && !local_text.empty()) {
    return InvalidArgument(
        utc_field, std::string("give either ") + utc_field + " or " + local_field + ", not both");
  }
  auto zone = routes::TimeZone::Find(airport.time_zone, "airports[" + airport.iata + "].time_zone");
  if (!zone.ok()) return zone.error();
  if (!utc_text.empty()) {
    const auto instant = routes::ParseRfc3339(utc_text);
    if (!instant) {
      return InvalidArgument(utc_field,
                             "must be an RFC 3339 instant like "
                             "\"2025-06-02T01:00:00Z\", got \"" +
                                 utc_text + "\"");
    }
    return std::optional<AirportTime>(AirportTime{*instant, zone->OffsetAt(*instant)});
  }
  if (!local_text.empty()) {
    const auto local = routes::ParseLocalDateTime(local_text);
    if (!local) {
      return InvalidArgument(local_field, "must be a local time \"YYYY-MM-DD HH:MM\" at " +
                                              airport.iata + ", got \"" + local_text + "\"");
    }
    const sys_seconds instant = zone->ToUtc(*local);
    return std::optional<AirportTime>(AirportTime{instant, zone->OffsetAt(instant)});
  }
  if (required) {
    return InvalidArgument(utc_field, std::string("is required (or ") + local_field + ")");
  }
  return std::optional<AirportTime>();
}

v1::ItineraryTime ToProto(const routes::Network& network, routes::AirportId airport,
                          const AirportTime& time) {
  v1::ItineraryTime out;
  out.set_utc(routes::FormatUtc(time.utc));
  out.set_local(routes::FormatLocal(time.utc, time.utc_offset));
  out.set_utc_offset_minutes(static_cast<std::int32_t>(time.utc_offset.count()));
  out.set_airport(network.airport(airport).iata);
  return out;
}

v1::ItineraryReason ToProto(routes::NoItineraryReason reason) {
  switch (reason) {
    case routes::NoItineraryReason::kNone:
      return v1::ITINERARY_REASON_UNSPECIFIED;
    case routes::NoItineraryReason::kNoDepartureInHorizon:
      return v1::ITINERARY_REASON_NO_DEPARTURE_IN_HORIZON;
    case routes::NoItineraryReason::kConnectionTooShort:
      return v1::ITINERARY_REASON_CONNECTION_TOO_SHORT;
    case routes::NoItineraryReason::kPayloadTooSmall:
      return v1::ITINERARY_REASON_PAYLOAD_TOO_SMALL;
    case routes::NoItineraryReason::kNoConnection:
      return v1::ITINERARY_REASON_NO_CONNECTION;
    case routes::NoItineraryReason::kArriveByTooEarly:
      return v1::ITINERARY_REASON_ARRIVE_BY_TOO_EARLY;
  }
  return v1::ITINERARY_REASON_UNSPECIFIED;
}

routes::Result<ItineraryRequest> ItineraryRequestFromProto(const v1::PlanItineraryRequest& request,
                                                           const routes::Network& network) {
  auto origin = ResolveAirport(network, "origin", request.origin());
  if (!origin.ok()) return origin.error();
  auto destination = ResolveAirport(network, "destination", request.destination());
  if (!destination.ok()) return destination.error();
  if (*origin == *destination) {
    return InvalidArgument("destination",
                           "must differ from the origin (" + network.airport(*origin).iata + ")");
  }
  ItineraryRequest out;
  routes::ItineraryQuery& q = out.query;
  q.origin = *origin;
  q.destination = *destination;

  auto ready = ParseInstant(request.ready_time(), "ready_time", request.ready_local(),
                            "ready_local", network.airport(*origin), /*required=*/true);
  if (!ready.ok()) return ready.error();
  out.ready = **ready;
  q.ready = out.ready.utc;

  auto arrive_by =
      ParseInstant(request.arrive_by_time(), "arrive_by_time", request.arrive_by_local(),
                   "arrive_by_local", network.airport(*destination), /*required=*/false);
  if (!arrive_by.ok()) return arrive_by.error();
  out.arrive_by = *arrive_by;
  if (out.arrive_by) {
    const char* field = request.arrive_by_time().empty() ? "arrive_by_local" : "arrive_by_time";
    if (out.arrive_by->utc < q.ready) {
      return InvalidArgument(field, "must not be before the ready time " +
                                        routes::FormatUtc(q.ready) + ", got " +
                                        routes::FormatUtc(out.arrive_by->utc));
    }
    if (out.arrive_by->utc - q.ready > routes::kMaxItineraryHorizon) {
      return InvalidArgument(field, "must be at most 60 days after the ready time");
    }
    q.arrive_by = out.arrive_by->utc;
  }

  if (request.shipment_kg() < 0) {
    return InvalidArgument("shipment_kg",
                           "must be >= 0, got " + std::to_string(request.shipment_kg()));
  }
  q.shipment_kg = request.shipment_kg();
  if (request.k() < 0 || request.k() > routes::kMaxItineraries) {
    return InvalidArgument("k", "must be between 1 and " + std::to_string(routes::kMaxItineraries) +
                                    ", got " + std::to_string(request.k()));
  }
  q.k = request.k() == 0 ? 1 : request.k();
  const auto max_horizon = std::chrono::duration_cast<minutes>(routes::kMaxItineraryHorizon);
  if (request.horizon_minutes() < 0 || request.horizon_minutes() > max_horizon.count()) {
    return InvalidArgument("horizon_minutes",
                           "must be between 1 and " + std::to_string(max_horizon.count()) +
                               " (60 days), got " + std::to_string(request.horizon_minutes()));
  }
  q.horizon = request.horizon_minutes() == 0 ? minutes{routes::kDefaultItineraryHorizon}
                                             : minutes{request.horizon_minutes()};
  if (request.max_legs() < 0 || request.max_legs() > routes::kMaxItineraryLegs) {
    return InvalidArgument("max_legs", "must be between 1 and " +
                                           std::to_string(routes::kMaxItineraryLegs) + ", got " +
                                           std::to_string(request.max_legs()));
  }
  if (request.max_legs() != 0) q.max_legs = request.max_legs();
  return out;
}

void ToProto(const routes::ScenarioView& view, const ItineraryRequest& request,
             const routes::ItineraryPlan& plan, v1::PlanItineraryResponse* response) {
  const routes::Network& network = view.network();
  for (const routes::Itinerary& itinerary : plan.itineraries) {
    *response->add_itineraries() = ToProto(view, itinerary);
  }
  response->set_reason(ToProto(plan.reason));
  response->set_reason_detail(plan.reason_detail);
  if (plan.latest_ready) {
    v1::ItineraryLatestReady* latest = response->mutable_latest_ready();
    *latest->mutable_ready() = ToProto(network, request.query.origin, plan.latest_ready->ready);
    *latest->mutable_itinerary() = ToProto(view, plan.latest_ready->itinerary);
  }
  response->set_latest_ready_reason(ToProto(plan.latest_ready_reason));
  for (routes::RouteId id : plan.payload_too_small) {
    v1::ItinerarySkippedRoute* skipped = response->add_skipped_routes();
    skipped->set_route_id(view.route(id).id);
    skipped->set_payload_kg(view.route(id).payload_kg);
    skipped->set_reason("PAYLOAD_TOO_SMALL");
  }
  *response->mutable_ready() = ToProto(network, request.query.origin, request.ready);
  if (request.arrive_by) {
    *response->mutable_arrive_by() =
        ToProto(network, request.query.destination, *request.arrive_by);
  }
  response->set_horizon_minutes(static_cast<std::int32_t>(request.query.horizon.count()));
  response->set_flights_considered(plan.flights_considered);
}

}  // namespace aircargo::server
