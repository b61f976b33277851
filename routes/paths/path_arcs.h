// PathArcs: a compact copy of a Network's routes laid out for path searches (routes/paths
// internals). For every airport its outbound and inbound routes as contiguous Arc records in the
// CSR graph's edge order (other airport, route id, km, minutes, cost), so a search's inner loop
// reads one 32-byte record per route instead of the Route itself; per airport its minimum
// connection time and a unit vector for great-circle bounds; and the network-wide A* constants.
//
// Part of the snapshot: NetworkBuilder::Build lays it out once (O(airports + routes); 32 bytes per
// route each way, about 2 MB per direction for the world network) and every search reads the same
// arrays through Network::path_arcs(), for as long as the snapshot lives (docs/adr/0007). Units:
// km, minutes (block + expected wait, see path.h), micros per kg. Immutable: thread-safe.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "routes/network.h"

namespace aircargo::routes {

struct PathArc {
  std::uint32_t other;  // the route's destination (outbound arcs) or origin (inbound arcs)
  std::uint32_t route;  // RouteId value
  double km;            // Route::distance_km
  double minutes;       // block_minutes + ExpectedWaitMinutes
  double cost;          // cost_per_kg_micros
};

class PathArcs {
 public:
  // Lays out `network`'s arcs; reads its airports, routes and graph (NetworkBuilder calls it last).
  explicit PathArcs(const Network& network);
  PathArcs(const PathArcs&) = delete;
  PathArcs& operator=(const PathArcs&) = delete;

  std::span<const PathArc> Out(std::uint32_t airport) const {
    return {out_.data() + out_begin_[airport], out_.data() + out_begin_[airport + 1]};
  }
  std::span<const PathArc> In(std::uint32_t airport) const {
    return {in_.data() + in_begin_[airport], in_.data() + in_begin_[airport + 1]};
  }
  double min_connection_minutes(std::uint32_t airport) const { return connection_[airport]; }

  // Great-circle km between two airports (the chord of their unit vectors; equals GreatCircleKm
  // up to rounding).
  double Km(std::uint32_t a, std::uint32_t b) const;
  // Great-circle km between two airports of the network given by coordinates.
  static double KmBetween(double lat1_deg, double lon1_deg, double lat2_deg, double lon2_deg);

  // A* constants over the network's routes: km >= km_ratio() x Km(origin, destination), and
  // Km(origin, destination) / (block + expected wait minutes) <= max_km_per_minute().
  double km_ratio() const { return km_ratio_; }
  double max_km_per_minute() const { return max_km_per_minute_; }

  std::size_t airport_count() const { return connection_.size(); }

 private:
  struct Unit {
    double x, y, z;
  };
  static PathArc MakeArc(const Network& network, std::uint32_t other, RouteId id);
  static Unit UnitOf(double lat_deg, double lon_deg);
  static double ChordKm(const Unit& a, const Unit& b);

  std::vector<std::uint32_t> out_begin_;
  std::vector<PathArc> out_;
  std::vector<std::uint32_t> in_begin_;
  std::vector<PathArc> in_;
  std::vector<double> connection_;
  std::vector<Unit> unit_;
  double km_ratio_ = 1.0;
  double max_km_per_minute_ = 0.0;
};

}  // namespace aircargo::routes
