#include "formats/network_proto.h"

#include <string>
#include <utility>

namespace aircargo::formats {
namespace {

// A string field's value moved out of the message; an unset field is left alone (mutable_*()
// would allocate an empty string for it).
template <typename Message>
std::string Take(Message& message, const std::string& (Message::*get)() const,
                 std::string* (Message::*mutate)()) {
  return (message.*get)().empty() ? std::string() : std::move(*(message.*mutate)());
}

}  // namespace

v1::EvidenceBasis ToProto(routes::EvidenceBasis basis) {
  switch (basis) {
    case routes::EvidenceBasis::kUnspecified:
      return v1::EVIDENCE_BASIS_UNSPECIFIED;
    case routes::EvidenceBasis::kSourced:
      return v1::EVIDENCE_BASIS_SOURCED;
    case routes::EvidenceBasis::kAnnounced:
      return v1::EVIDENCE_BASIS_ANNOUNCED;
    case routes::EvidenceBasis::kInferred:
      return v1::EVIDENCE_BASIS_INFERRED;
    case routes::EvidenceBasis::kAssumed:
      return v1::EVIDENCE_BASIS_ASSUMED;
    case routes::EvidenceBasis::kCandidate:
      return v1::EVIDENCE_BASIS_CANDIDATE;
    case routes::EvidenceBasis::kIllustrative:
      return v1::EVIDENCE_BASIS_ILLUSTRATIVE;
  }
  return v1::EVIDENCE_BASIS_UNSPECIFIED;
}

std::optional<routes::EvidenceBasis> BasisFromProto(int basis) {
  switch (basis) {
    case v1::EVIDENCE_BASIS_UNSPECIFIED:
      return routes::EvidenceBasis::kUnspecified;
    case v1::EVIDENCE_BASIS_SOURCED:
      return routes::EvidenceBasis::kSourced;
    case v1::EVIDENCE_BASIS_ANNOUNCED:
      return routes::EvidenceBasis::kAnnounced;
    case v1::EVIDENCE_BASIS_INFERRED:
      return routes::EvidenceBasis::kInferred;
    case v1::EVIDENCE_BASIS_ASSUMED:
      return routes::EvidenceBasis::kAssumed;
    case v1::EVIDENCE_BASIS_CANDIDATE:
      return routes::EvidenceBasis::kCandidate;
    case v1::EVIDENCE_BASIS_ILLUSTRATIVE:
      return routes::EvidenceBasis::kIllustrative;
    default:
      return std::nullopt;
  }
}

int BasisInputFromProto(v1::EvidenceBasis basis) {
  if (const auto core = BasisFromProto(basis)) return static_cast<int>(*core);
  // An unknown wire value (a newer client) is out of the core's range: the builder reports it.
  return static_cast<int>(basis);
}

std::optional<routes::Mode> ModeFromProto(int mode) {
  switch (mode) {
    case v1::MODE_FREIGHTER:
      return routes::Mode::kFreighter;
    case v1::MODE_BELLY:
      return routes::Mode::kBelly;
    case v1::MODE_TRUCK:
      return routes::Mode::kTruck;
    default:  // MODE_UNSPECIFIED, or a value this build does not know
      return std::nullopt;
  }
}

std::optional<routes::RouteStatus> RouteStatusFromProto(int status) {
  switch (status) {
    case v1::ROUTE_STATUS_OPERATING:
      return routes::RouteStatus::kOperating;
    case v1::ROUTE_STATUS_PLANNED:
      return routes::RouteStatus::kPlanned;
    case v1::ROUTE_STATUS_SUSPENDED:
      return routes::RouteStatus::kSuspended;
    default:  // ROUTE_STATUS_UNSPECIFIED, or a value this build does not know
      return std::nullopt;
  }
}

std::optional<routes::Weekday> WeekdayFromProto(int weekday) {
  switch (weekday) {
    case v1::MONDAY:
      return routes::Weekday::kMonday;
    case v1::TUESDAY:
      return routes::Weekday::kTuesday;
    case v1::WEDNESDAY:
      return routes::Weekday::kWednesday;
    case v1::THURSDAY:
      return routes::Weekday::kThursday;
    case v1::FRIDAY:
      return routes::Weekday::kFriday;
    case v1::SATURDAY:
      return routes::Weekday::kSaturday;
    case v1::SUNDAY:
      return routes::Weekday::kSunday;
    default:  // WEEKDAY_UNSPECIFIED, or a value this build does not know
      return std::nullopt;
  }
}

v1::Mode ToProto(routes::Mode mode) {
  switch (mode) {
    case routes::Mode::kFreighter:
      return v1::MODE_FREIGHTER;
    case routes::Mode::kBelly:
      return v1::MODE_BELLY;
    case routes::Mode::kTruck:
      return v1::MODE_TRUCK;
  }
  return v1::MODE_UNSPECIFIED;
}

v1::RouteStatus ToProto(routes::RouteStatus status) {
  switch (status) {
    case routes::RouteStatus::kOperating:
      return v1::ROUTE_STATUS_OPERATING;
    case routes::RouteStatus::kPlanned:
      return v1::ROUTE_STATUS_PLANNED;
    case routes::RouteStatus::kSuspended:
      return v1::ROUTE_STATUS_SUSPENDED;
  }
  return v1::ROUTE_STATUS_UNSPECIFIED;
}

v1::Weekday ToProto(routes::Weekday weekday) {
  switch (weekday) {
    case routes::Weekday::kMonday:
      return v1::MONDAY;
    case routes::Weekday::kTuesday:
      return v1::TUESDAY;
    case routes::Weekday::kWednesday:
      return v1::WEDNESDAY;
    case routes::Weekday::kThursday:
      return v1::THURSDAY;
    case routes::Weekday::kFriday:
      return v1::FRIDAY;
    case routes::Weekday::kSaturday:
      return v1::SATURDAY;
    case routes::Weekday::kSunday:
      return v1::SUNDAY;
  }
  return v1::WEEKDAY_UNSPECIFIED;
}

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
  out.mode = ModeFromProto(r.mode());
  out.aircraft = r.aircraft();
  out.payload_kg = r.payload_kg();
  out.flights_per_week = r.flights_per_week();
  for (const v1::Departure& d : r.departures()) {
    out.departures.push_back({WeekdayFromProto(d.weekday()), d.local_time()});
  }
  out.block_minutes = r.block_minutes();
  out.distance_km = r.distance_km();
  out.cost_per_kg_micros = r.cost_per_kg_micros();
  out.status = RouteStatusFromProto(r.status());
  out.effective_from = r.effective_from();
  out.effective_to = r.effective_to();
  out.basis = BasisInputFromProto(r.basis());
  out.source = r.source();
  out.tags.assign(r.tags().begin(), r.tags().end());
  return out;
}

routes::Airport AirportFromProto(v1::Airport&& a) {
  using A = v1::Airport;
  routes::Airport out;
  out.iata = Take(a, &A::iata, &A::mutable_iata);
  out.icao = Take(a, &A::icao, &A::mutable_icao);
  out.name = Take(a, &A::name, &A::mutable_name);
  out.city = Take(a, &A::city, &A::mutable_city);
  out.country = Take(a, &A::country, &A::mutable_country);
  out.latitude_deg = a.latitude_deg();
  out.longitude_deg = a.longitude_deg();
  out.time_zone = Take(a, &A::time_zone, &A::mutable_time_zone);
  out.min_connection_minutes = a.min_connection_minutes();
  out.export_clearance_minutes = a.export_clearance_minutes();
  out.import_clearance_minutes = a.import_clearance_minutes();
  out.throughput_kg_per_week = a.throughput_kg_per_week();
  return out;
}

routes::RouteInput RouteInputFromProto(v1::Route&& r) {
  using R = v1::Route;
  routes::RouteInput out;
  out.id = Take(r, &R::id, &R::mutable_id);
  out.origin = Take(r, &R::origin, &R::mutable_origin);
  out.destination = Take(r, &R::destination, &R::mutable_destination);
  out.carrier = Take(r, &R::carrier, &R::mutable_carrier);
  out.mode = ModeFromProto(r.mode());
  out.aircraft = Take(r, &R::aircraft, &R::mutable_aircraft);
  out.payload_kg = r.payload_kg();
  out.flights_per_week = r.flights_per_week();
  out.departures.reserve(static_cast<std::size_t>(r.departures_size()));
  for (v1::Departure& d : *r.mutable_departures()) {
    out.departures.push_back(
        {WeekdayFromProto(d.weekday()),
         Take(d, &v1::Departure::local_time, &v1::Departure::mutable_local_time)});
  }
  out.block_minutes = r.block_minutes();
  out.distance_km = r.distance_km();
  out.cost_per_kg_micros = r.cost_per_kg_micros();
  out.status = RouteStatusFromProto(r.status());
  out.effective_from = Take(r, &R::effective_from, &R::mutable_effective_from);
  out.effective_to = Take(r, &R::effective_to, &R::mutable_effective_to);
  out.basis = BasisInputFromProto(r.basis());
  out.source = Take(r, &R::source, &R::mutable_source);
  out.tags.reserve(static_cast<std::size_t>(r.tags_size()));
  for (std::string& t : *r.mutable_tags()) out.tags.push_back(std::move(t));
  return out;
}

routes::Result<std::shared_ptr<const routes::Network>> BuildNetwork(const v1::Network& network) {
  routes::NetworkBuilder builder;
  builder.SetName(network.name())
      .SetDescription(network.description())
      .SetVersion(network.version())
      .Reserve(static_cast<std::size_t>(network.airports_size()),
               static_cast<std::size_t>(network.routes_size()));
  for (const v1::Airport& a : network.airports()) builder.AddAirport(AirportFromProto(a));
  for (const v1::Route& r : network.routes()) builder.AddRoute(RouteInputFromProto(r));
  return builder.Build();
}

routes::Result<std::shared_ptr<const routes::Network>> BuildNetwork(v1::Network&& network) {
  using N = v1::Network;
  routes::NetworkBuilder builder;
  builder.SetName(Take(network, &N::name, &N::mutable_name))
      .SetDescription(Take(network, &N::description, &N::mutable_description))
      .SetVersion(network.version())
      .Reserve(static_cast<std::size_t>(network.airports_size()),
               static_cast<std::size_t>(network.routes_size()));
  for (v1::Airport& a : *network.mutable_airports())
    builder.AddAirport(AirportFromProto(std::move(a)));
  for (v1::Route& r : *network.mutable_routes())
    builder.AddRoute(RouteInputFromProto(std::move(r)));
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

v1::GeoPoint PositionOf(const routes::Airport& airport) {
  v1::GeoPoint out;
  out.set_latitude_deg(airport.latitude_deg);
  out.set_longitude_deg(airport.longitude_deg);
  return out;
}

v1::Route ToProto(const routes::Network& network, const routes::Route& r) {
  v1::Route out;
  out.set_id(r.id);
  out.set_origin(network.airport(r.origin).iata);
  out.set_destination(network.airport(r.destination).iata);
  out.set_carrier(r.carrier);
  out.set_mode(ToProto(r.mode));
  out.set_aircraft(r.aircraft);
  out.set_payload_kg(r.payload_kg);
  out.set_flights_per_week(r.flights_per_week);
  for (const routes::Departure& d : r.departures) {
    v1::Departure* pd = out.add_departures();
    pd->set_weekday(ToProto(d.weekday));
    pd->set_local_time(routes::FormatLocalTime(d.minute_of_day));
  }
  out.set_block_minutes(r.block_minutes);
  out.set_distance_km(r.distance_km);
  out.set_cost_per_kg_micros(r.cost_per_kg_micros);
  out.set_status(ToProto(r.status));
  if (r.effective_from) out.set_effective_from(routes::FormatIsoDate(*r.effective_from));
  if (r.effective_to) out.set_effective_to(routes::FormatIsoDate(*r.effective_to));
  out.set_basis(ToProto(r.basis));
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
