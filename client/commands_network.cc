#include "client/commands_network.h"

#include <CLI/CLI.hpp>
#include <memory>
#include <string>

#include "client/labels.h"
#include "client/render_airports.h"
#include "client/render_network.h"
#include "client/render_routes.h"
#include "client/text.h"

namespace aircargo::client {
namespace {

struct AirportsOptions {
  std::string country;
};

struct AirportOptions {
  std::string iata;
};

struct RoutesOptions {
  std::string origin;
  std::string destination;
  std::string carrier;
  std::string status;  // validated by StatusValidator
};

// Accepts a route status in any case and normalises it to lower case.
CLI::Validator StatusValidator() {
  return CLI::Validator(
      [](std::string& value) -> std::string {
        if (!ParseRouteStatus(value)) {
          return "must be operating, planned or suspended, not \"" + value + "\"";
        }
        value = ToLowerAscii(value);
        return {};
      },
      "operating|planned|suspended", "RouteStatus");
}

Outcome RunNetwork(Session& session) {
  v1::GetNetworkRequest request;
  request.set_view(v1::NETWORK_VIEW_SUMMARY);
  v1::GetNetworkResponse response;
  auto& stub = session.NetworkStub();
  Outcome outcome = session.Call(
      [&](grpc::ClientContext* context) { return stub.GetNetwork(context, request, &response); });
  if (!outcome.ok()) return outcome;
  return session.Print(response, [&] { return RenderNetworkSummary(response); });
}

Outcome RunAirports(Session& session, const AirportsOptions& options) {
  v1::ListAirportsRequest request;
  request.set_country(ToUpperAscii(options.country));
  v1::ListAirportsResponse response;
  auto& stub = session.NetworkStub();
  Outcome outcome = session.Call(
      [&](grpc::ClientContext* context) { return stub.ListAirports(context, request, &response); });
  if (!outcome.ok()) return outcome;
  return session.Print(response, [&] { return RenderAirports(response); });
}

Outcome RunAirport(Session& session, const AirportOptions& options) {
  if (options.iata.empty()) {
    return Outcome::Fail(ExitCode::kUsage, "IATA is required (see 'aircargo airport --help')");
  }
  v1::GetAirportRequest request;
  request.set_iata(ToUpperAscii(options.iata));
  v1::GetAirportResponse response;
  auto& stub = session.NetworkStub();
  Outcome outcome = session.Call(
      [&](grpc::ClientContext* context) { return stub.GetAirport(context, request, &response); });
  if (!outcome.ok()) return outcome;
  return session.Print(response, [&] { return RenderAirport(response); });
}

Outcome RunRoutes(Session& session, const RoutesOptions& options) {
  v1::ListRoutesRequest request;
  request.set_origin(ToUpperAscii(options.origin));
  request.set_destination(ToUpperAscii(options.destination));
  request.set_carrier(options.carrier);  // the server matches carriers case-insensitively
  if (!options.status.empty()) {
    // The validator let only known statuses through.
    request.set_status(ParseRouteStatus(options.status).value_or(v1::ROUTE_STATUS_UNSPECIFIED));
  }
  v1::ListRoutesResponse response;
  auto& stub = session.NetworkStub();
  Outcome outcome = session.Call(
      [&](grpc::ClientContext* context) { return stub.ListRoutes(context, request, &response); });
  if (!outcome.ok()) return outcome;
  return session.Print(response, [&] { return RenderRoutes(response); });
}

}  // namespace

CLI::App& AddNetworkCommands(CLI::App& app, CommandRegistry& registry) {
  registry.Add(app, "network", "Show the network's name, version and totals", RunNetwork);

  auto airports = std::make_shared<AirportsOptions>();
  CLI::App* airports_command =
      registry.Add(app, "airports", "List the airports",
                   [airports](Session& session) { return RunAirports(session, *airports); });
  airports_command->add_option("--country", airports->country,
                               "Only airports in this country (ISO 3166-1 alpha-2, e.g. CN)");

  auto airport = std::make_shared<AirportOptions>();
  CLI::App* airport_command =
      registry.Add(app, "airport", "Show one airport and its route totals",
                   [airport](Session& session) { return RunAirport(session, *airport); });
  // Not ->required(): `airport set IATA` is a subcommand; RunAirport checks for the code.
  airport_command->add_option("IATA", airport->iata, "The airport's IATA code (e.g. SHE)");

  auto routes = std::make_shared<RoutesOptions>();
  CLI::App* routes_command =
      registry.Add(app, "routes", "List the routes matching every filter given",
                   [routes](Session& session) { return RunRoutes(session, *routes); });
  routes_command->add_option("--from", routes->origin, "Origin airport (IATA)");
  routes_command->add_option("--to", routes->destination, "Destination airport (IATA)");
  routes_command->add_option("--carrier", routes->carrier, "Operating carrier");
  routes_command->add_option("--status", routes->status, "Route status")->check(StatusValidator());
  return *airport_command;
}

}  // namespace aircargo::client
