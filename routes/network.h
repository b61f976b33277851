// Network: an immutable, versioned snapshot of the route network (airports, routes and the Boost
// graph over them, routes/graph.h). Made only by NetworkBuilder, shared as std::shared_ptr<const
// Network>, never changed afterwards: any number of threads may read one snapshot at once without
// locking.
//
// Lookups are flat arrays, not node-based maps, so a world-sized snapshot (3,000+ airports,
// 60,000+ routes) builds quickly and holds little besides the airports and routes themselves:
// airports by IATA code in a 26^3 table, routes by id in an open-addressing hash of indices, and
// outbound/inbound route lists as compressed rows.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "routes/airport.h"
#include "routes/ids.h"
#include "routes/route.h"

namespace aircargo::routes {

// The Boost.Graph view of the snapshot, defined in routes/graph.h: only the code that walks it
// includes Boost.Graph (parsing it cost every translation unit ~3 s of CPU).
struct RouteGraph;
class PathArcs;

class Network {
 public:
  const std::string& name() const { return name_; }
  const std::string& description() const { return description_; }
  // Increases with every snapshot the server makes; 0 for a network not yet served.
  std::int64_t version() const { return version_; }

  std::span<const Airport> airports() const { return airports_; }
  std::span<const Route> routes() const { return routes_; }
  const Airport& airport(AirportId id) const { return airports_[id.value]; }
  const Route& route(RouteId id) const { return routes_[id.value]; }

  // Exact (uppercase) IATA code; callers normalise case first.
  std::optional<AirportId> FindAirport(std::string_view iata) const;
  std::optional<RouteId> FindRoute(std::string_view id) const;

  // Routes leaving / reaching an airport, in file order.
  std::span<const RouteId> outbound(AirportId id) const { return Row(out_routes_, out_begin_, id); }
  std::span<const RouteId> inbound(AirportId id) const { return Row(in_routes_, in_begin_, id); }

  // Never null once NetworkBuilder made the snapshot; include routes/graph.h to walk it.
  const RouteGraph& graph() const { return *graph_; }
  // The compact arcs every path search walks, laid out once with the snapshot (never null once
  // NetworkBuilder made it); include routes/paths/path_arcs.h to read them.
  const PathArcs& path_arcs() const { return *path_arcs_; }

 private:
  friend class NetworkBuilder;
  Network() = default;

  static std::span<const RouteId> Row(const std::vector<RouteId>& routes,
                                      const std::vector<std::uint32_t>& begin, AirportId id) {
    return std::span<const RouteId>(routes).subspan(begin[id.value],
                                                    begin[id.value + 1] - begin[id.value]);
  }

  std::string name_;
  std::string description_;
  std::int64_t version_ = 0;
  std::vector<Airport> airports_;
  std::vector<Route> routes_;
  // AirportId + 1 by IATA code slot (routes/network_index.h); 0 = no such airport.
  std::vector<std::uint32_t> airport_by_code_;
  // RouteId + 1 by hash of the route id (open addressing, linear probing); 0 = free slot.
  std::vector<std::uint32_t> route_slots_;
  // outbound(a) = out_routes_[out_begin_[a] .. out_begin_[a + 1]); inbound likewise.
  std::vector<std::uint32_t> out_begin_;
  std::vector<RouteId> out_routes_;
  std::vector<std::uint32_t> in_begin_;
  std::vector<RouteId> in_routes_;
  std::shared_ptr<const RouteGraph> graph_;
  std::shared_ptr<const PathArcs> path_arcs_;
};

}  // namespace aircargo::routes
