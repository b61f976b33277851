#include "server/network_service.h"

#include <algorithm>
#include <string>

#include "formats/network_proto.h"
#include "formats/scenario_proto.h"
#include "routes/ascii.h"
#include "routes/country_code.h"
#include "routes/network_summary.h"
#include "server/convert.h"
#include "server/rpc_handler.h"

namespace aircargo::server {

using routes::EqualsIgnoreCase;
grpc::Status NetworkServiceImpl::GetNetwork(grpc::ServerContext* context,
                                            const v1::GetNetworkRequest* request,
                                            v1::GetNetworkResponse* response) {
  return HandleRpc("GetNetwork", context, [&] {
    const auto network = snapshots_.Get();
    if (!v1::NetworkView_IsValid(request->view())) {
      return ToStatus(
          routes::InvalidArgument("view", "unknown value " + std::to_string(request->view())));
    }
    if (request->view() == v1::NETWORK_VIEW_FULL) {
      *response->mutable_network() = formats::ToProto(*network);
    } else {
      response->mutable_network()->set_name(network->name());
      response->mutable_network()->set_description(network->description());
      response->mutable_network()->set_version(network->version());
    }
    *response->mutable_summary() = ToProto(routes::Summarize(*network, formats::TodayUtc()));
    if (request->has_scenario()) {
      const auto today = formats::TodayUtc();
      auto resolved = ResolveScenario(scenarios_, request->scenario(), *network, today);
      if (!resolved.ok()) return ToStatus(resolved.error());
      auto view = formats::MakeScenarioView(resolved->overlay, *network, today);
      if (!view.ok()) return ToStatus(view.error());
      *response->mutable_scenario_network() = formats::ScenarioNetworkToProto(*view);
    }
    response->set_network_version(network->version());
    return grpc::Status::OK;
  });
}

grpc::Status NetworkServiceImpl::ListAirports(grpc::ServerContext* context,
                                              const v1::ListAirportsRequest* request,
                                              v1::ListAirportsResponse* response) {
  return HandleRpc("ListAirports", context, [&] {
    const auto network = snapshots_.Get();
    std::string country;  // empty: every airport
    if (!request->country().empty()) {
      auto code = routes::NormalizeCountryCode("country", request->country());
      if (!code.ok()) return ToStatus(code.error());
      country = *code;
    }
    for (const routes::Airport& a : network->airports()) {
      if (country.empty() || EqualsIgnoreCase(a.country, country)) {
        *response->add_airports() = formats::ToProto(a);
      }
    }
    response->set_network_version(network->version());
    return grpc::Status::OK;
  });
}

grpc::Status NetworkServiceImpl::GetAirport(grpc::ServerContext* context,
                                            const v1::GetAirportRequest* request,
                                            v1::GetAirportResponse* response) {
  return HandleRpc("GetAirport", context, [&] {
    const auto network = snapshots_.Get();
    const auto id = ResolveAirport(*network, "iata", request->iata());
    if (!id.ok()) return ToStatus(id.error());
    *response->mutable_airport() = formats::ToProto(network->airport(*id));
    response->set_outbound_route_count(static_cast<std::int32_t>(network->outbound(*id).size()));
    response->set_inbound_route_count(static_cast<std::int32_t>(network->inbound(*id).size()));
    std::int64_t out_kg = 0;
    std::int64_t in_kg = 0;
    for (routes::RouteId r : network->outbound(*id)) {
      const routes::Route& route = network->route(r);
      if (route.status == routes::RouteStatus::kOperating) out_kg += route.weekly_capacity_kg();
    }
    for (routes::RouteId r : network->inbound(*id)) {
      const routes::Route& route = network->route(r);
      if (route.status == routes::RouteStatus::kOperating) in_kg += route.weekly_capacity_kg();
    }
    response->set_outbound_weekly_capacity_kg(out_kg);
    response->set_inbound_weekly_capacity_kg(in_kg);
    response->set_network_version(network->version());
    return grpc::Status::OK;
  });
}

grpc::Status NetworkServiceImpl::ListRoutes(grpc::ServerContext* context,
                                            const v1::ListRoutesRequest* request,
                                            v1::ListRoutesResponse* response) {
  return HandleRpc("ListRoutes", context, [&] {
    const auto network = snapshots_.Get();
    std::optional<routes::AirportId> origin;
    std::optional<routes::AirportId> destination;
    if (!request->origin().empty()) {
      const auto id = ResolveAirport(*network, "origin", request->origin());
      if (!id.ok()) return ToStatus(id.error());
      origin = *id;
    }
    if (!request->destination().empty()) {
      const auto id = ResolveAirport(*network, "destination", request->destination());
      if (!id.ok()) return ToStatus(id.error());
      destination = *id;
    }
    std::optional<routes::RouteStatus> status;  // none: any
    if (request->status() != v1::ROUTE_STATUS_UNSPECIFIED) {
      status = formats::RouteStatusFromProto(request->status());
      if (!status) {
        return ToStatus(routes::InvalidArgument(
            "status", "unknown value " + std::to_string(request->status())));
      }
    }
    const auto matches = [&](const routes::Route& r) {
      return (!origin || r.origin == *origin) && (!destination || r.destination == *destination) &&
             (request->carrier().empty() || EqualsIgnoreCase(r.carrier, request->carrier())) &&
             (!status || r.status == *status);
    };
    // Walk the origin's own routes when it is given: O(degree), not O(routes).
    if (origin) {
      for (routes::RouteId id : network->outbound(*origin)) {
        const routes::Route& r = network->route(id);
        if (matches(r)) *response->add_routes() = formats::ToProto(*network, r);
      }
    } else {
      for (const routes::Route& r : network->routes()) {
        if (matches(r)) *response->add_routes() = formats::ToProto(*network, r);
      }
    }
    response->set_network_version(network->version());
    return grpc::Status::OK;
  });
}

}  // namespace aircargo::server
