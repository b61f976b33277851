#include "routes/network.h"

namespace aircargo::routes {

std::optional<AirportId> Network::FindAirport(std::string_view iata) const {
  const auto it = airport_index_.find(std::string(iata));
  if (it == airport_index_.end()) return std::nullopt;
  return it->second;
}

std::optional<RouteId> Network::FindRoute(std::string_view id) const {
  const auto it = route_index_.find(std::string(id));
  if (it == route_index_.end()) return std::nullopt;
  return it->second;
}

}  // namespace aircargo::routes
