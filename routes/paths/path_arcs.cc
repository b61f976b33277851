#include "routes/paths/path_arcs.h"

#include <algorithm>
#include <cmath>
#include <numbers>

#include "routes/geo.h"
#include "routes/graph.h"
#include "routes/paths/path.h"

namespace aircargo::routes {

PathArcs::Unit PathArcs::UnitOf(double lat_deg, double lon_deg) {
  constexpr double kRad = std::numbers::pi / 180.0;
  const double lat = lat_deg * kRad;
  const double lon = lon_deg * kRad;
  return {std::cos(lat) * std::cos(lon), std::cos(lat) * std::sin(lon), std::sin(lat)};
}

double PathArcs::ChordKm(const Unit& a, const Unit& b) {
  const double dx = a.x - b.x;
  const double dy = a.y - b.y;
  const double dz = a.z - b.z;
  const double half_chord = std::sqrt(dx * dx + dy * dy + dz * dz) / 2;
  return 2 * kEarthRadiusKm * std::asin(std::min(1.0, half_chord));
}

double PathArcs::Km(std::uint32_t a, std::uint32_t b) const {
  if (a == b) return 0.0;
  return ChordKm(unit_[a], unit_[b]);
}

double PathArcs::KmBetween(double lat1_deg, double lon1_deg, double lat2_deg, double lon2_deg) {
  return ChordKm(UnitOf(lat1_deg, lon1_deg), UnitOf(lat2_deg, lon2_deg));
}

PathArc PathArcs::MakeArc(const Network& network, std::uint32_t other, RouteId id) {
  const Route& route = network.route(id);
  return PathArc{other, id.value, route.distance_km,
                 static_cast<double>(route.block_minutes + ExpectedWaitMinutes(route)),
                 static_cast<double>(route.cost_per_kg_micros)};
}

PathArcs::PathArcs(const Network& network) {
  const std::size_t airports = network.airports().size();
  const Graph& g = network.graph();
  out_begin_.assign(airports + 1, 0);
  out_.reserve(network.routes().size());
  in_begin_.assign(airports + 1, 0);
  in_.reserve(network.routes().size());
  for (std::uint32_t a = 0; a < airports; ++a) {
    out_begin_[a] = static_cast<std::uint32_t>(out_.size());
    for (auto [it, end] = boost::out_edges(a, g); it != end; ++it) {
      out_.push_back(
          MakeArc(network, static_cast<std::uint32_t>(boost::target(*it, g)), g[*it].route));
    }
    in_begin_[a] = static_cast<std::uint32_t>(in_.size());
    for (auto [it, end] = boost::in_edges(a, g); it != end; ++it) {
      in_.push_back(
          MakeArc(network, static_cast<std::uint32_t>(boost::source(*it, g)), g[*it].route));
    }
  }
  out_begin_[airports] = static_cast<std::uint32_t>(out_.size());
  in_begin_[airports] = static_cast<std::uint32_t>(in_.size());

  connection_.resize(airports);
  unit_.resize(airports);
  for (std::uint32_t a = 0; a < airports; ++a) {
    const Airport& airport = network.airport(AirportId(a));
    connection_[a] = static_cast<double>(airport.min_connection_minutes);
    unit_[a] = UnitOf(airport.latitude_deg, airport.longitude_deg);
  }

  double ratio = 1.0;
  double speed = 0.0;
  for (const PathArc& a : out_) {
    const Route& route = network.route(RouteId(a.route));
    const double gc = Km(route.origin.value, route.destination.value);
    if (gc > 1e-6) ratio = std::min(ratio, a.km / gc);
    if (a.minutes > 0) speed = std::max(speed, gc / a.minutes);
  }
  km_ratio_ = ratio;
  max_km_per_minute_ = speed;
}

}  // namespace aircargo::routes
