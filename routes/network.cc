#include "routes/network.h"

#include "routes/network_index.h"

namespace aircargo::routes {

std::optional<AirportId> Network::FindAirport(std::string_view iata) const {
  const auto slot = network_index::AirportCodeSlot(iata);
  if (!slot || airport_by_code_.empty() || airport_by_code_[*slot] == 0) return std::nullopt;
  return AirportId(airport_by_code_[*slot] - 1);
}

std::optional<RouteId> Network::FindRoute(std::string_view id) const {
  if (route_slots_.empty()) return std::nullopt;
  const std::size_t slot = network_index::FindRouteSlot(
      route_slots_, id,
      [this](std::uint32_t index) -> std::string_view { return routes_[index].id; });
  if (route_slots_[slot] == 0) return std::nullopt;
  return RouteId(route_slots_[slot] - 1);
}

}  // namespace aircargo::routes
