// Network: an immutable, versioned snapshot of the route network (airports, routes and the Boost
// graph over them). Made only by NetworkBuilder, shared as std::shared_ptr<const Network>, never
// changed afterwards: any number of threads may read one snapshot at once without locking.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "routes/airport.h"
#include "routes/graph.h"
#include "routes/ids.h"
#include "routes/route.h"

namespace aircargo::routes {

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
  std::span<const RouteId> outbound(AirportId id) const { return outbound_[id.value]; }
  std::span<const RouteId> inbound(AirportId id) const { return inbound_[id.value]; }

  const Graph& graph() const { return graph_; }

 private:
  friend class NetworkBuilder;
  Network() = default;

  std::string name_;
  std::string description_;
  std::int64_t version_ = 0;
  std::vector<Airport> airports_;
  std::vector<Route> routes_;
  std::unordered_map<std::string, AirportId> airport_index_;
  std::unordered_map<std::string, RouteId> route_index_;
  std::vector<std::vector<RouteId>> outbound_;
  std::vector<std::vector<RouteId>> inbound_;
  Graph graph_;
};

}  // namespace aircargo::routes
