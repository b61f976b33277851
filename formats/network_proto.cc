#include "formats/network_proto.h"

namespace aircargo::formats {

// The proto enums and the core enums share their numeric values (0 = unset in the proto).
static_assert(static_cast<int>(routes::Mode::kFreighter) == v1::MODE_FREIGHTER);
static_assert(static_cast<int>(routes::Mode::kBelly) == v1::MODE_BELLY);
static_assert(static_cast<int>(routes::Mode::kTruck) == v1::MODE_TRUCK);
static_assert(static_cast<int>(routes::RouteStatus::kOperating) == v1::ROUTE_STATUS_OPERATING);
static_assert(static_cast<int>(routes::RouteStatus::kPlanned) == v1::ROUTE_STATUS_PLANNED);
static_assert(static_cast<int>(routes::RouteStatus::kSuspended) == v1::ROUTE_STATUS_SUSPENDED);
static_assert(static_cast<int>(routes::Weekday::kMonday) == v1::MONDAY);
static_assert(static_cast<int>(routes::Weekday::kSunday) == v1::SUNDAY);

routes::Airport AirportFromProto(const v1::Airport& a) {
  routes::Airport out;
  out.iata = a.iata();
  out.icao = a.icao();
  out.name = a.name();
  out.city = a.city();
  out.country = a.country();
  out.latitude_deg = a.latitude_deg();
  out.longitude_deg = a.longitude_deg();
  out.time_zone = a.time_zone();
  out.min_connection_minutes = a.min_connection_minutes();
  out.export_clearance_minutes = a.export_clearance_minutes();
  out.import_clearance_minutes = a.import_clearance_minutes();
  out.throughput_kg_per_week = a.throughput_kg_per_week();
  return out;
}

routes::RouteInput RouteInputFromProto(const v1::Route& r) {
  routes::RouteInput out;
  out.id = r.id();
  out.origin = r.origin();
  out.destination = r.destination();
  out.carrier = r.carrier();
  out.mode = r.mode();  // proto and core enums share their values; the builder range-checks
  out.aircraft = r.aircraft();
  out.payload_kg = r.payload_kg();
  out.flights_per_week = r.flights_per_week();
  for (const v1::Departure& d : r.departures()) {
    out.departures.push_back({d.weekday(), d.local_time()});
  }
  out.block_minutes = r.block_minutes();
  out.distance_km = r.distance_km();
  out.cost_per_kg_micros = r.cost_per_kg_micros();
  out.status = r.status();
  out.effective_from = r.effective_from();
  out.source = r.source();
  out.tags.assign(r.tags().begin(), r.tags().end());
  return out;
}

routes::Result<std::shared_ptr<const routes::Network>> BuildNetwork(const v1::Network& network) {
  routes::NetworkBuilder builder;
  builder.SetName(network.name())
      .SetDescription(network.description())
      .SetVersion(network.version());
  for (const v1::Airport& a : network.airports()) builder.AddAirport(AirportFromProto(a));
  for (const v1::Route& r : network.routes()) builder.AddRoute(RouteInputFromProto(r));
  return builder.Build();
}

v1::Airport ToProto(const routes::Airport& a) {
  v1::Airport out;
  out.set_iata(a.iata);
  out.set_icao(a.icao);
  out.set_name(a.name);
  out.set_city(a.city);
  out.set_country(a.country);
  out.set_latitude_deg(a.latitude_deg);
  out.set_longitude_deg(a.longitude_deg);
  out.set_time_zone(a.time_zone);
  out.set_min_connection_minutes(a.min_connection_minutes);
  out.set_export_clearance_minutes(a.export_clearance_minutes);
  out.set_import_clearance_minutes(a.import_clearance_minutes);
  out.set_throughput_kg_per_week(a.throughput_kg_per_week);
  return out;
}

v1::Route ToProto(const routes::Network& network, const routes::Route& r) {
  v1::Route out;
  out.set_id(r.id);
  out.set_origin(network.airport(r.origin).iata);
  out.set_destination(network.airport(r.destination).iata);
  out.set_carrier(r.carrier);
  out.set_mode(static_cast<v1::Mode>(r.mode));
  out.set_aircraft(r.aircraft);
  out.set_payload_kg(r.payload_kg);
  out.set_flights_per_week(r.flights_per_week);
  for (const routes::Departure& d : r.departures) {
    v1::Departure* pd = out.add_departures();
    pd->set_weekday(static_cast<v1::Weekday>(d.weekday));
    pd->set_local_time(routes::FormatLocalTime(d.minute_of_day));
  }
  out.set_block_minutes(r.block_minutes);
  out.set_distance_km(r.distance_km);
  out.set_cost_per_kg_micros(r.cost_per_kg_micros);
  out.set_status(static_cast<v1::RouteStatus>(r.status));
  if (r.effective_from) out.set_effective_from(routes::FormatIsoDate(*r.effective_from));
  out.set_source(r.source);
  for (const std::string& t : r.tags) out.add_tags(t);
  return out;
}

v1::Network ToProto(const routes::Network& network) {
  v1::Network out;
  out.set_name(network.name());
  out.set_description(network.description());
  out.set_version(network.version());
  for (const routes::Airport& a : network.airports()) *out.add_airports() = ToProto(a);
  for (const routes::Route& r : network.routes()) *out.add_routes() = ToProto(network, r);
  return out;
}

}  // namespace aircargo::formats
