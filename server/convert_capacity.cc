#include "server/convert_capacity.h"

#include <algorithm>
#include <utility>

#include "formats/network_proto.h"
#include "routes/country_code.h"
#include "server/convert.h"

namespace aircargo::server {
namespace {

void FillRouteFlow(const routes::ScenarioView& view, const routes::RouteFlow& flow,
                   v1::RouteFlow* out) {
  const routes::Route& route = view.route(flow.route);
  out->set_route_id(route.id);
  out->set_origin(view.network().airport(route.origin).iata);
  out->set_destination(view.network().airport(route.destination).iata);
  out->set_carrier(route.carrier);
  out->set_flow_kg_per_week(flow.flow_kg_per_week);
  out->set_capacity_kg_per_week(flow.capacity_kg_per_week);
  out->set_utilisation(flow.utilisation());
  out->set_basis(formats::ToProto(route.basis));
}

void FillDestinations(const routes::Network& network, const routes::CapacityQuery& query,
                      google::protobuf::RepeatedPtrField<std::string>* out) {
  for (routes::AirportId d : query.destinations) *out->Add() = network.airport(d).iata;
}

template <typename Message>
void FillElement(const routes::ScenarioView& view, bool is_route, routes::RouteId route,
                 routes::AirportId airport, Message* out) {
  if (is_route) {
    const routes::Route& r = view.route(route);
    out->set_kind(v1::CAPACITY_ELEMENT_KIND_ROUTE);
    out->set_route_id(r.id);
    out->set_origin(view.network().airport(r.origin).iata);
    out->set_destination(view.network().airport(r.destination).iata);
  } else {
    out->set_kind(v1::CAPACITY_ELEMENT_KIND_AIRPORT);
    out->set_airport(view.network().airport(airport).iata);
  }
}

}  // namespace

routes::Result<routes::CapacityQuery> ResolveCapacityEndpoints(
    const routes::Network& network, const std::string& origin,
    const google::protobuf::RepeatedPtrField<std::string>& destinations,
    const std::string& country) {
  routes::CapacityQuery query;
  auto from = ResolveAirport(network, "origin", origin);
  if (!from.ok()) return from.error();
  query.origin = *from;
  if (!country.empty() && !destinations.empty()) {
    return routes::InvalidArgument("destination_country",
                                   "set either destinations or destination_country, not both");
  }
  if (destinations.size() > kMaxCapacityDestinations) {
    return routes::InvalidArgument("destinations",
                                   "must list at most " + std::to_string(kMaxCapacityDestinations) +
                                       " airports, got " + std::to_string(destinations.size()));
  }
  if (!country.empty()) {
    auto airports =
        routes::AirportsInCountry(network, "destination_country", country, query.origin);
    if (!airports.ok()) return airports.error();
    query.destinations = std::move(airports).value();
    return query;
  }
  if (destinations.empty()) {
    return routes::InvalidArgument("destinations",
                                   "must name at least one airport (or set destination_country)");
  }
  for (int i = 0; i < destinations.size(); ++i) {
    const std::string field = "destinations[" + std::to_string(i) + "]";
    auto to = ResolveAirport(network, field, destinations[i]);
    if (!to.ok()) return to.error();
    if (*to == query.origin) {
      return routes::InvalidArgument(field, "must differ from the origin " + origin);
    }
    if (std::find(query.destinations.begin(), query.destinations.end(), *to) ==
        query.destinations.end()) {
      query.destinations.push_back(*to);
    }
  }
  return query;
}

routes::Result<routes::CapacityQuery> CapacityQueryFromProto(
    const v1::ComputeCapacityRequest& request, const routes::Network& network) {
  return ResolveCapacityEndpoints(network, request.origin(), request.destinations(),
                                  request.destination_country());
}

routes::Result<routes::FlowPlanQuery> FlowPlanQueryFromProto(const v1::PlanFlowRequest& request,
                                                             const routes::Network& network) {
  if (request.demand_kg_per_week() < 0 ||
      request.demand_kg_per_week() > routes::kMaxDemandKgPerWeek) {
    return routes::InvalidArgument("demand_kg_per_week",
                                   "must be between 0 and " +
                                       std::to_string(routes::kMaxDemandKgPerWeek) + " kg, got " +
                                       std::to_string(request.demand_kg_per_week()));
  }
  auto endpoints = ResolveCapacityEndpoints(network, request.origin(), request.destinations(),
                                            request.destination_country());
  if (!endpoints.ok()) return endpoints.error();
  routes::FlowPlanQuery query;
  query.origin = endpoints->origin;
  query.destinations = endpoints->destinations;
  query.demand_kg_per_week = request.demand_kg_per_week();
  return query;
}

routes::Result<routes::CapacityQuery> ClosureQueryFromProto(
    const v1::AnalyzeClosuresRequest& request, const routes::Network& network) {
  if (request.limit() < 0 || request.limit() > kMaxClosuresLimit) {
    return routes::InvalidArgument("limit", "must be between 0 (all) and " +
                                                std::to_string(kMaxClosuresLimit) + ", got " +
                                                std::to_string(request.limit()));
  }
  return ResolveCapacityEndpoints(network, request.origin(), request.destinations(),
                                  request.destination_country());
}

void ToProto(const routes::ScenarioView& view, const routes::CapacityQuery& query,
             const routes::CapacityResult& result, v1::ComputeCapacityResponse* response) {
  response->set_max_flow_kg_per_week(result.max_flow_kg_per_week);
  for (const routes::Bottleneck& b : result.min_cut) {
    v1::Bottleneck* out = response->add_min_cut();
    FillElement(view, b.kind == routes::Bottleneck::Kind::kRoute, b.route, b.airport, out);
    out->set_capacity_kg_per_week(b.capacity_kg_per_week);
    if (b.kind == routes::Bottleneck::Kind::kRoute) {
      out->set_basis(formats::ToProto(view.route(b.route).basis));
    }
  }
  for (const routes::RouteFlow& f : result.route_flows) {
    FillRouteFlow(view, f, response->add_route_flows());
  }
  FillDestinations(view.network(), query, response->mutable_destinations());
}

void ToProto(const routes::ScenarioView& view, const routes::FlowPlanQuery& query,
             const routes::FlowPlan& plan, v1::PlanFlowResponse* response) {
  response->set_demand_kg_per_week(plan.demand_kg_per_week);
  response->set_shipped_kg_per_week(plan.shipped_kg_per_week);
  response->set_shortfall_kg_per_week(plan.shortfall_kg_per_week);
  response->set_total_cost_micros(plan.total_cost_micros);
  response->set_cost_saturated(plan.cost_saturated);
  for (const routes::RouteFlow& f : plan.route_flows) {
    FillRouteFlow(view, f, response->add_route_flows());
  }
  const routes::Network& network = view.network();
  for (const routes::PlannedPath& path : plan.paths) {
    v1::PlannedPath* out = response->add_paths();
    for (std::size_t i = 0; i < path.routes.size(); ++i) {
      const routes::Route& r = view.route(path.routes[i]);
      if (i == 0) out->add_airports(network.airport(r.origin).iata);
      out->add_route_ids(r.id);
      out->add_bases(formats::ToProto(r.basis));
      out->add_airports(network.airport(r.destination).iata);
    }
    out->set_kg_per_week(path.kg_per_week);
    out->set_cost_per_kg_micros(path.cost_per_kg_micros);
  }
  for (routes::AirportId d : query.destinations)
    response->add_destinations(network.airport(d).iata);
}

void ToProto(const routes::ScenarioView& view, const routes::CapacityQuery& query,
             const routes::ClosureAnalysis& analysis, int limit,
             v1::AnalyzeClosuresResponse* response) {
  response->set_base_kg_per_week(analysis.base_kg_per_week);
  response->set_total_closures(static_cast<std::int32_t>(analysis.closures.size()));
  const std::size_t count =
      limit > 0 ? std::min<std::size_t>(static_cast<std::size_t>(limit), analysis.closures.size())
                : analysis.closures.size();
  for (std::size_t i = 0; i < count; ++i) {
    const routes::Closure& c = analysis.closures[i];
    v1::ClosureImpact* out = response->add_closures();
    FillElement(view, c.kind == routes::Closure::Kind::kRoute, c.route, c.airport, out);
    out->set_remaining_kg_per_week(c.remaining_kg_per_week);
    out->set_lost_kg_per_week(c.lost_kg_per_week);
    out->set_lost_fraction(analysis.base_kg_per_week > 0
                               ? static_cast<double>(c.lost_kg_per_week) /
                                     static_cast<double>(analysis.base_kg_per_week)
                               : 0.0);
    out->set_disconnects(c.disconnects);
  }
  response->set_routes_without_flow(analysis.routes_without_flow);
  response->set_airports_without_flow(analysis.airports_without_flow);
  FillDestinations(view.network(), query, response->mutable_destinations());
}

}  // namespace aircargo::server
