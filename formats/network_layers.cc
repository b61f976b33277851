#include "formats/network_layers.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <unordered_set>
#include <vector>

#include "formats/network_proto.h"
#include "routes/calendar.h"

namespace aircargo::formats {
namespace {

constexpr char kFreighterColour[] = "#c05621";
constexpr char kBellyColour[] = "#2b6cb0";
constexpr char kTruckColour[] = "#2f855a";
constexpr char kAirportColour[] = "#1a202c";
constexpr char kClosedColour[] = "#e53e3e";
constexpr double kMinWidthPx = 0.6;
constexpr double kMaxExtraWidthPx = 4.4;

const char* ModeColour(routes::Mode mode) {
  switch (mode) {
    case routes::Mode::kFreighter:
      return kFreighterColour;
    case routes::Mode::kTruck:
      return kTruckColour;
    case routes::Mode::kBelly:
      break;
  }
  return kBellyColour;
}

double WidthFor(std::int64_t capacity_kg, std::int64_t max_kg) {
  if (max_kg <= 0) return kMinWidthPx;
  return kMinWidthPx + kMaxExtraWidthPx * std::sqrt(static_cast<double>(capacity_kg) /
                                                    static_cast<double>(max_kg));
}

std::string Count(std::size_t n) {
  const std::string digits = std::to_string(n);
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out.push_back(',');
    out.push_back(digits[i]);
  }
  return out;
}

std::string Tonnes(std::int64_t kg) {
  if (kg < 100'000) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.1f t/week", static_cast<double>(kg) / 1000.0);
    return buffer;
  }
  return Count(static_cast<std::size_t>((kg + 500) / 1000)) + " t/week";
}

MapProperty Text(std::string key, std::string value) {
  return {std::move(key), std::move(value), {}};
}
MapProperty Num(std::string key, double value) { return {std::move(key), {}, value}; }

// What a network map draws, whoever applied the scenario: this process (a ScenarioView, offline)
// or the server (a ScenarioNetwork, online).
struct MapAirport {
  const std::string* iata;
  const std::string* name;
  const std::string* city;
  const std::string* country;
  double latitude_deg;
  double longitude_deg;
  bool closed;
};
struct MapRoute {
  const std::string* id;
  const std::string* origin;
  const std::string* destination;
  const std::string* carrier;
  const std::string* aircraft;
  routes::Mode mode;
  routes::RouteStatus status;
  routes::EvidenceBasis basis;
  std::int64_t weekly_kg;
  bool extra;
};

MapDocument BuildNetworkMap(const std::string& name, std::int64_t version,
                            const std::vector<MapAirport>& airport_rows,
                            const std::vector<MapRoute>& route_rows,
                            const NetworkMapOptions& options) {
  MapDocument doc;
  MapLayer airports{"airports", {}, {}, {}};
  for (const MapAirport& a : airport_rows) {
    MapPoint p;
    p.id = *a.iata;
    p.label = *a.iata + " " + *a.name;
    p.latitude_deg = a.latitude_deg;
    p.longitude_deg = a.longitude_deg;
    p.colour = a.closed ? kClosedColour : kAirportColour;
    p.emphasised = a.closed;  // a closure is the point of the picture: label it, draw it larger
    p.properties = {Text("name", *a.name), Text("city", *a.city), Text("country", *a.country)};
    if (a.closed) p.properties.push_back(Text("closed", "yes"));
    airports.points.push_back(std::move(p));
  }

  MapLayer routes_layer{"routes", {}, {}, {}};
  std::int64_t max_kg = 0;
  for (const MapRoute& r : route_rows) max_kg = std::max(max_kg, r.weekly_kg);
  int planned = 0;
  int extras = 0;
  std::int64_t total_kg = 0;
  for (const MapRoute& r : route_rows) {
    const std::int64_t kg = r.weekly_kg;
    total_kg += kg;
    MapLine line;
    line.id = *r.id;
    line.from = *r.origin;
    line.to = *r.destination;
    line.label =
        *r.id + " (" + *r.carrier + ", " + routes::ModeName(r.mode) + ", " + Tonnes(kg) + ")";
    line.width_px = WidthFor(kg, max_kg);
    line.colour = ModeColour(r.mode);
    line.dashed = r.status == routes::RouteStatus::kPlanned;
    if (line.dashed) ++planned;
    line.properties = {Text("carrier", *r.carrier),
                       Text("mode", routes::ModeName(r.mode)),
                       Text("status", routes::StatusName(r.status)),
                       Num("tonnes_per_week", static_cast<double>(kg) / 1000.0),
                       Text("aircraft", *r.aircraft),
                       Text("basis", routes::BasisName(r.basis))};
    if (r.extra) {
      line.properties.push_back(Text("extra", "yes"));
      ++extras;
    }
    routes_layer.lines.push_back(std::move(line));
  }

  doc.title = options.title.empty() ? name + ", version " + std::to_string(version) : options.title;
  doc.subtitle = Count(airport_rows.size()) + " airports, " + Count(routes_layer.lines.size()) +
                 " routes drawn (" + Count(static_cast<std::size_t>(planned)) + " planned, " +
                 Count(static_cast<std::size_t>(extras)) + " scenario), " + Tonnes(total_kg) +
                 " in total";
  if (!options.scenario_label.empty()) doc.subtitle += "; scenario: " + options.scenario_label;
  doc.layers.push_back(std::move(routes_layer));
  doc.layers.push_back(std::move(airports));
  doc.legend = {
      {"Freighter", kFreighterColour, 2.5, false, false},
      {"Belly (passenger aircraft)", kBellyColour, 2.5, false, false},
      {"Truck", kTruckColour, 2.5, false, false},
      {"Planned (dashed)", "#4a5568", 2.0, true, false},
      {"Airport (red: closed in the scenario)", kAirportColour, 0, false, true},
      {"Width: weekly capacity, " + Tonnes(max_kg) + " widest", "#4a5568",
       kMinWidthPx + kMaxExtraWidthPx, false, false},
  };
  return doc;
}

}  // namespace

MapDocument NetworkMap(const routes::ScenarioView& view, const NetworkMapOptions& options) {
  const routes::Network& network = view.network();
  std::vector<MapAirport> airports;
  for (std::uint32_t i = 0; i < network.airports().size(); ++i) {
    const routes::Airport& a = network.airports()[i];
    airports.push_back({&a.iata, &a.name, &a.city, &a.country, a.latitude_deg, a.longitude_deg,
                        !view.airport_open(routes::AirportId(i))});
  }
  std::vector<MapRoute> routes;
  for (std::uint32_t i = 0; i < view.route_count(); ++i) {
    const routes::RouteId id(i);
    if (!view.usable(id)) continue;
    const routes::Route& r = view.route(id);
    routes.push_back({&r.id, &network.airport(r.origin).iata, &network.airport(r.destination).iata,
                      &r.carrier, &r.aircraft, r.mode, r.status, r.basis,
                      view.weekly_capacity_kg(id), view.is_extra(id)});
  }
  return BuildNetworkMap(network.name(), network.version(), airports, routes, options);
}

MapDocument NetworkMap(const v1::Network& network, const v1::ScenarioNetwork& seen,
                       const NetworkMapOptions& options) {
  std::unordered_set<std::string> closed(seen.closed_airports().begin(),
                                         seen.closed_airports().end());
  std::vector<MapAirport> airports;
  for (const v1::Airport& a : network.airports()) {
    airports.push_back({&a.iata(), &a.name(), &a.city(), &a.country(), a.latitude_deg(),
                        a.longitude_deg(), closed.contains(a.iata())});
  }
  std::vector<MapRoute> routes;
  for (const v1::ScenarioRoute& sr : seen.routes()) {
    const v1::Route& r = sr.route();
    routes.push_back({&r.id(), &r.origin(), &r.destination(), &r.carrier(), &r.aircraft(),
                      ModeFromProto(r.mode()).value_or(routes::Mode::kFreighter),
                      RouteStatusFromProto(r.status()).value_or(routes::RouteStatus::kOperating),
                      BasisFromProto(r.basis()).value_or(routes::EvidenceBasis::kUnspecified),
                      sr.weekly_capacity_kg(), sr.extra()});
  }
  return BuildNetworkMap(network.name(), network.version(), airports, routes, options);
}

}  // namespace aircargo::formats
