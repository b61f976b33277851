#include "server/convert_demand.h"

#include <string>

#include "formats/network_proto.h"
#include "server/convert.h"

namespace aircargo::server {
namespace {

routes::Result<routes::DemandObjective> ObjectiveFromProto(v1::DemandObjective objective) {
  switch (objective) {
    case v1::DEMAND_OBJECTIVE_UNSPECIFIED:
    case v1::DEMAND_OBJECTIVE_MAX_DELIVERED:
      return routes::DemandObjective::kMaxDelivered;
    case v1::DEMAND_OBJECTIVE_FAIR_SHARE:
      return routes::DemandObjective::kFairShare;
    case v1::DemandObjective_INT_MIN_SENTINEL_DO_NOT_USE_:
    case v1::DemandObjective_INT_MAX_SENTINEL_DO_NOT_USE_:
      break;
  }
  return routes::InvalidArgument(
      "objective", "unknown objective " + std::to_string(static_cast<int>(objective)));
}

v1::DemandObjective ObjectiveToProto(routes::DemandObjective objective) {
  switch (objective) {
    case routes::DemandObjective::kMaxDelivered:
      return v1::DEMAND_OBJECTIVE_MAX_DELIVERED;
    case routes::DemandObjective::kFairShare:
      return v1::DEMAND_OBJECTIVE_FAIR_SHARE;
  }
  return v1::DEMAND_OBJECTIVE_UNSPECIFIED;
}

v1::UpgradeKind UpgradeKindToProto(routes::Upgrade::Kind kind) {
  switch (kind) {
    case routes::Upgrade::Kind::kRouteFrequency:
      return v1::UPGRADE_KIND_ROUTE_FREQUENCY;
    case routes::Upgrade::Kind::kOpenPlannedRoute:
      return v1::UPGRADE_KIND_OPEN_PLANNED_ROUTE;
    case routes::Upgrade::Kind::kAirportLimit:
      return v1::UPGRADE_KIND_AIRPORT_LIMIT;
  }
  return v1::UPGRADE_KIND_UNSPECIFIED;
}

template <typename Message>
void FillRoute(const routes::ScenarioView& view, routes::RouteId id, Message* out) {
  const routes::Route& r = view.route(id);
  out->set_route_id(r.id);
  out->set_origin(view.network().airport(r.origin).iata);
  out->set_destination(view.network().airport(r.destination).iata);
}

}  // namespace

routes::Result<routes::DemandQuery> DemandQueryFromProto(const v1::PlanDemandRequest& request,
                                                         const routes::Network& network) {
  routes::DemandQuery query;
  if (request.demands().empty()) {
    return routes::InvalidArgument("demands", "must hold at least one demand");
  }
  if (static_cast<std::size_t>(request.demands_size()) > routes::kMaxDemands) {
    return routes::MakeError(routes::ErrorCode::kResourceExhausted, "demands",
                             std::to_string(request.demands_size()) + " demands, at most " +
                                 std::to_string(routes::kMaxDemands));
  }
  for (int i = 0; i < request.demands_size(); ++i) {
    const v1::Demand& d = request.demands(i);
    const std::string at = "demands[" + std::to_string(i) + "]";
    auto origin = ResolveAirport(network, at + ".origin", d.origin());
    if (!origin.ok()) return origin.error();
    auto destination = ResolveAirport(network, at + ".destination", d.destination());
    if (!destination.ok()) return destination.error();
    // 0 (unset) means 1; the core checks the range (a negative value names the field there).
    query.demands.push_back(
        {*origin, *destination, d.kg_per_week(), d.priority() == 0 ? 1.0 : d.priority()});
  }
  auto objective = ObjectiveFromProto(request.objective());
  if (!objective.ok()) return objective.error();
  query.objective = *objective;
  query.verify_upgrades = request.verify_upgrades();
  query.max_upgrades = request.max_upgrades();
  return query;
}

void ToProto(const routes::ScenarioView& view, const routes::DemandQuery& query,
             const routes::DemandPlan& plan, v1::PlanDemandResponse* response) {
  const routes::Network& network = view.network();
  response->set_objective(ObjectiveToProto(plan.objective));
  for (std::size_t i = 0; i < plan.allocations.size(); ++i) {
    const routes::DemandAllocation& a = plan.allocations[i];
    v1::DemandAllocation* out = response->add_allocations();
    out->set_origin(network.airport(query.demands[i].origin).iata);
    out->set_destination(network.airport(query.demands[i].destination).iata);
    out->set_priority(query.demands[i].priority);
    out->set_demand_kg_per_week(a.demand_kg_per_week);
    out->set_delivered_kg_per_week(a.delivered_kg_per_week);
    out->set_shortfall_kg_per_week(a.shortfall_kg_per_week);
    out->set_cost_per_kg_micros(a.cost_per_kg_micros);
    for (const routes::DemandPath& p : a.paths) {
      v1::DemandPath* path = out->add_paths();
      path->set_kg_per_week(p.kg_per_week);
      path->set_cost_per_kg_micros(p.cost_per_kg_micros);
      for (routes::RouteId r : p.routes) {
        const routes::Route& route = view.route(r);
        if (path->airports().empty()) *path->add_airports() = network.airport(route.origin).iata;
        *path->add_airports() = network.airport(route.destination).iata;
        *path->add_route_ids() = route.id;
      }
    }
  }
  response->set_demand_kg_per_week(plan.demand_kg_per_week);
  response->set_delivered_kg_per_week(plan.delivered_kg_per_week);
  response->set_weighted_delivered(plan.weighted_delivered);
  response->set_fair_fraction(plan.fair_fraction);
  response->set_total_cost_micros(plan.total_cost_micros);
  for (const routes::RouteLoad& load : plan.route_loads) {
    v1::RouteFlow* out = response->add_route_loads();
    FillRoute(view, load.route, out);
    out->set_carrier(view.route(load.route).carrier);
    out->set_flow_kg_per_week(load.load_kg_per_week);
    out->set_capacity_kg_per_week(load.capacity_kg_per_week);
    out->set_utilisation(load.utilisation());
    out->set_basis(formats::ToProto(view.route(load.route).basis));
  }
  for (const routes::ShadowPrice& price : plan.shadow_prices) {
    v1::ShadowPrice* out = response->add_shadow_prices();
    if (price.kind == routes::ShadowPrice::Kind::kRoute) {
      out->set_kind(v1::CAPACITY_ELEMENT_KIND_ROUTE);
      FillRoute(view, price.route, out);
    } else {
      out->set_kind(v1::CAPACITY_ELEMENT_KIND_AIRPORT);
      out->set_airport(network.airport(price.airport).iata);
    }
    out->set_capacity_kg_per_week(price.capacity_kg_per_week);
    out->set_load_kg_per_week(price.load_kg_per_week);
    out->set_weighted_kg_per_kg(price.weighted_kg_per_kg);
  }
  for (const routes::Upgrade& u : plan.upgrades) {
    v1::Upgrade* out = response->add_upgrades();
    out->set_kind(UpgradeKindToProto(u.kind));
    if (u.kind == routes::Upgrade::Kind::kAirportLimit) {
      out->set_airport(network.airport(u.airport).iata);
    } else {
      FillRoute(view, u.route, out);
    }
    out->set_added_kg_per_week(u.added_kg_per_week);
    out->set_predicted_gain(u.predicted_gain);
    out->set_verified(u.verified_gain.has_value());
    out->set_verified_gain(u.verified_gain.value_or(0));
  }
  response->set_best_upgrade_proven(plan.best_upgrade_proven);
  response->set_lp_columns(plan.lp_columns);
  response->set_lp_rows(plan.lp_rows);
  response->set_lp_iterations(plan.lp_iterations);
  response->set_solver(plan.solver);
}

}  // namespace aircargo::server
