#include "routes/paths/path.h"

#include <algorithm>
#include <limits>
#include <utility>

namespace aircargo::routes {

std::int64_t ExpectedWaitMinutes(const Route& route) {
  if (route.flights_per_week <= 0) return 0;
  return 10080 / route.flights_per_week / 2;
}

Path MakePath(const ScenarioView& view, std::vector<RouteId> routes) {
  const Network& network = view.network();
  Path path;
  path.routes = std::move(routes);
  if (path.routes.empty()) return path;
  path.bottleneck_kg_per_week = std::numeric_limits<std::int64_t>::max();
  path.transit_minutes =
      network.airport(view.route(path.routes.front()).origin).export_clearance_minutes;
  for (std::size_t i = 0; i < path.routes.size(); ++i) {
    const Route& route = view.route(path.routes[i]);
    path.distance_km += route.distance_km;
    path.cost_per_kg_micros += route.cost_per_kg_micros;
    path.transit_minutes += route.block_minutes + ExpectedWaitMinutes(route);
    if (i > 0) path.transit_minutes += network.airport(route.origin).min_connection_minutes;
    path.bottleneck_kg_per_week =
        std::min(path.bottleneck_kg_per_week, view.weekly_capacity_kg(path.routes[i]));
  }
  path.transit_minutes +=
      network.airport(view.route(path.routes.back()).destination).import_clearance_minutes;
  return path;
}

std::vector<PathLeg> MakeLegs(const ScenarioView& view, const Path& path) {
  std::vector<PathLeg> legs;
  legs.reserve(path.routes.size());
  for (RouteId id : path.routes) {
    const Route& route = view.route(id);
    PathLeg leg;
    leg.route = id;
    leg.route_id = route.id;
    leg.origin = route.origin;
    leg.destination = route.destination;
    leg.carrier = route.carrier;
    leg.mode = route.mode;
    leg.aircraft = route.aircraft;
    leg.distance_km = route.distance_km;
    leg.block_minutes = route.block_minutes;
    leg.capacity_kg_per_week = view.weekly_capacity_kg(id);
    legs.push_back(std::move(leg));
  }
  return legs;
}

}  // namespace aircargo::routes
