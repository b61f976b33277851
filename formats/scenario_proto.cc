#include "formats/scenario_proto.h"

#include <string>
#include <vector>

#include "formats/network_proto.h"
#include "routes/airport_code.h"
#include "routes/ascii.h"
#include "routes/calendar.h"

namespace aircargo::formats {
namespace {

routes::Result<bool> CheckListSize(const std::string& field, int size) {
  if (size > kMaxScenarioListSize) {
    return routes::InvalidArgument(field, "lists " + std::to_string(size) + " entries; at most " +
                                              std::to_string(kMaxScenarioListSize) + " allowed");
  }
  return true;
}

}  // namespace

std::chrono::year_month_day TodayUtc() {
  return std::chrono::year_month_day{
      std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now())};
}

routes::Result<routes::Scenario> ScenarioFromProto(const v1::Scenario& in,
                                                   const routes::Network& network,
                                                   std::chrono::year_month_day today) {
  if (!in.name().empty()) {
    return routes::InvalidArgument("scenario.name", "names the stored scenario \"" + in.name() +
                                                        "\", which only the server can apply");
  }
  routes::Scenario out;
  out.as_of = today;
  if (!in.as_of().empty()) {
    const auto date = routes::ParseIsoDate(in.as_of());
    if (!date) {
      return routes::InvalidArgument("scenario.as_of",
                                     "must be a date \"YYYY-MM-DD\", got \"" + in.as_of() + "\"");
    }
    out.as_of = *date;
  }
  out.include_planned = in.include_planned();
  for (const auto& [field, size] :
       {std::pair<const char*, int>{"scenario.closed_airports", in.closed_airports_size()},
        {"scenario.closed_routes", in.closed_routes_size()},
        {"scenario.excluded_carriers", in.excluded_carriers_size()},
        {"scenario.capacity_factors", in.capacity_factors_size()},
        {"scenario.extra_routes", in.extra_routes_size()}}) {
    if (auto ok = CheckListSize(field, size); !ok.ok()) return ok.error();
  }
  for (int i = 0; i < in.closed_airports_size(); ++i) {
    const auto id = routes::ResolveAirport(
        network, "scenario.closed_airports[" + std::to_string(i) + "]", in.closed_airports(i));
    if (!id.ok()) return id.error();
    out.closed_airports.push_back(*id);
  }
  for (int i = 0; i < in.closed_routes_size(); ++i) {
    const auto id = network.FindRoute(in.closed_routes(i));
    if (!id) {
      return routes::NotFound("scenario.closed_routes[" + std::to_string(i) + "]",
                              "route \"" + in.closed_routes(i) + "\" not found");
    }
    out.closed_routes.push_back(*id);
  }
  for (int i = 0; i < in.excluded_carriers_size(); ++i) {
    if (in.excluded_carriers(i).empty()) {
      return routes::InvalidArgument("scenario.excluded_carriers[" + std::to_string(i) + "]",
                                     "must not be empty");
    }
  }
  out.excluded_carriers.assign(in.excluded_carriers().begin(), in.excluded_carriers().end());
  for (const v1::CapacityFactor& f : in.capacity_factors()) {
    routes::CapacityFactor factor;
    factor.route_id = f.route_id();
    factor.factor = f.factor();
    out.capacity_factors.push_back(std::move(factor));
  }
  for (const v1::Route& r : in.extra_routes()) {
    routes::RouteInput route = formats::RouteInputFromProto(r);
    // Codes in requests are case-insensitive, like everywhere else in the API.
    route.origin = routes::ToUpperAscii(route.origin);
    route.destination = routes::ToUpperAscii(route.destination);
    out.extra_routes.push_back(std::move(route));
  }
  return out;
}

routes::Result<routes::ScenarioView> MakeScenarioView(const v1::Scenario& scenario,
                                                      const routes::Network& network,
                                                      std::chrono::year_month_day today) {
  auto core = ScenarioFromProto(scenario, network, today);
  if (!core.ok()) return core.error();
  return routes::ScenarioView::Make(network, *core);
}

v1::ScenarioNetwork ScenarioNetworkToProto(const routes::ScenarioView& view) {
  const routes::Network& network = view.network();
  v1::ScenarioNetwork out;
  out.set_as_of(routes::FormatIsoDate(view.scenario().as_of));
  for (std::uint32_t i = 0; i < view.route_count(); ++i) {
    const routes::RouteId id(i);
    if (!view.usable(id)) continue;
    v1::ScenarioRoute* route = out.add_routes();
    *route->mutable_route() = ToProto(network, view.route(id));
    route->set_weekly_capacity_kg(view.weekly_capacity_kg(id));
    route->set_extra(view.is_extra(id));
  }
  for (std::uint32_t a = 0; a < network.airports().size(); ++a) {
    if (!view.airport_open(routes::AirportId(a)))
      out.add_closed_airports(network.airports()[a].iata);
  }
  return out;
}

}  // namespace aircargo::formats
