// The OpenFlights import's model of what the database does not state: payload by equipment type,
// frequency, block time and cost per kg (the decisions are documented in formats/openflights.h).
#include <algorithm>
#include <cmath>
#include <sstream>

#include "formats/openflights_internal.h"
#include "routes/geo.h"

namespace aircargo::formats {
namespace {

struct Model {
  std::int64_t payload_kg = 0;
  bool freighter = false;
  bool from_table = false;
};

Model ModelEquipment(const std::string& equipment, const OpenFlightsOptions& options) {
  Model model;
  std::istringstream in(equipment);
  std::string code;
  std::int64_t sum = 0;
  int known = 0;
  int types = 0;
  int freighters = 0;
  while (in >> code) {
    ++types;
    const EquipmentModel m = LookupEquipment(code);
    if (m.payload_kg > 0) {
      sum += m.payload_kg;
      ++known;
      if (m.freighter) ++freighters;
    }
  }
  model.freighter = types > 0 && freighters == types;
  model.from_table = known > 0;
  model.payload_kg = known > 0 ? sum / known : options.default_payload_kg;
  if (options.payload_override_kg > 0) model.payload_kg = options.payload_override_kg;
  return model;
}

}  // namespace

std::string ModelDescription(const OpenFlightsOptions& options) {
  std::ostringstream out;
  out << options.flights_per_week << " flights/week, payload by equipment type (default "
      << options.default_payload_kg << " kg), cost " << options.cost_base_micros_per_kg << " + "
      << options.cost_per_1000_km_micros_per_kg << " micros/kg per 1000 km, block "
      << options.taxi_minutes << " min + distance at " << options.cruise_speed_kmh << " km/h";
  return out.str();
}

v1::Route ModelRoute(const v1::Airport& a, const v1::Airport& b, const std::string& carrier,
                     const std::string& equipment, const std::string& aircraft, std::int64_t line,
                     const OpenFlightsOptions& options, bool* freighter) {
  const Model model = ModelEquipment(equipment, options);
  *freighter = model.freighter;
  const double km = std::max(1.0, routes::GreatCircleKm(a.latitude_deg(), a.longitude_deg(),
                                                        b.latitude_deg(), b.longitude_deg()));
  v1::Route r;
  r.set_origin(a.iata());
  r.set_destination(b.iata());
  r.set_carrier(carrier);
  r.set_mode(model.freighter ? v1::MODE_FREIGHTER : v1::MODE_BELLY);
  r.set_aircraft(aircraft);
  r.set_payload_kg(model.payload_kg);
  r.set_flights_per_week(options.flights_per_week);
  r.set_block_minutes(std::max<std::int32_t>(
      1, options.taxi_minutes +
             static_cast<std::int32_t>(std::ceil(km / options.cruise_speed_kmh * 60.0))));
  r.set_distance_km(std::round(km * 10) / 10);
  r.set_cost_per_kg_micros(
      options.cost_base_micros_per_kg +
      static_cast<std::int64_t>(
          std::llround(km / 1000.0 * static_cast<double>(options.cost_per_1000_km_micros_per_kg))));
  r.set_status(v1::ROUTE_STATUS_OPERATING);
  r.set_source("imported: OpenFlights routes.dat line " + std::to_string(line) +
               "; payload/frequency/cost modelled: " +
               (model.from_table || options.payload_override_kg > 0 ? "equipment table"
                                                                    : "default payload") +
               ", see network description");
  return r;
}

}  // namespace aircargo::formats
