#include "formats/network_layers.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

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

}  // namespace

MapDocument NetworkMap(const routes::ScenarioView& view, const NetworkMapOptions& options) {
  const routes::Network& network = view.network();
  MapDocument doc;
  MapLayer airports{"airports", {}, {}, {}};
  for (std::uint32_t i = 0; i < network.airports().size(); ++i) {
    const routes::Airport& a = network.airports()[i];
    const bool open = view.airport_open(routes::AirportId(i));
    MapPoint p;
    p.id = a.iata;
    p.label = a.iata + " " + a.name;
    p.latitude_deg = a.latitude_deg;
    p.longitude_deg = a.longitude_deg;
    p.colour = open ? kAirportColour : kClosedColour;
    p.emphasised = !open;  // a closure is the point of the picture: label it, draw it larger
    p.properties = {Text("name", a.name), Text("city", a.city), Text("country", a.country)};
    if (!open) p.properties.push_back(Text("closed", "yes"));
    airports.points.push_back(std::move(p));
  }

  MapLayer routes_layer{"routes", {}, {}, {}};
  std::int64_t max_kg = 0;
  for (std::uint32_t i = 0; i < view.route_count(); ++i) {
    if (view.usable(routes::RouteId(i)))
      max_kg = std::max(max_kg, view.weekly_capacity_kg(routes::RouteId(i)));
  }
  int planned = 0;
  int extras = 0;
  std::int64_t total_kg = 0;
  for (std::uint32_t i = 0; i < view.route_count(); ++i) {
    const routes::RouteId id(i);
    if (!view.usable(id)) continue;
    const routes::Route& r = view.route(id);
    const std::int64_t kg = view.weekly_capacity_kg(id);
    total_kg += kg;
    MapLine line;
    line.id = r.id;
    line.from = network.airport(r.origin).iata;
    line.to = network.airport(r.destination).iata;
    line.label =
        r.id + " (" + r.carrier + ", " + routes::ModeName(r.mode) + ", " + Tonnes(kg) + ")";
    line.width_px = WidthFor(kg, max_kg);
    line.colour = ModeColour(r.mode);
    line.dashed = r.status == routes::RouteStatus::kPlanned;
    if (line.dashed) ++planned;
    line.properties = {Text("carrier", r.carrier),
                       Text("mode", routes::ModeName(r.mode)),
                       Text("status", routes::StatusName(r.status)),
                       Num("tonnes_per_week", static_cast<double>(kg) / 1000.0),
                       Text("aircraft", r.aircraft),
                       Text("basis", routes::BasisName(r.basis))};
    if (view.is_extra(id)) {
      line.properties.push_back(Text("extra", "yes"));
      ++extras;
    }
    routes_layer.lines.push_back(std::move(line));
  }

  doc.title = options.title.empty()
                  ? network.name() + ", version " + std::to_string(network.version())
                  : options.title;
  doc.subtitle =
      Count(network.airports().size()) + " airports, " + Count(routes_layer.lines.size()) +
      " routes drawn (" + Count(static_cast<std::size_t>(planned)) + " planned, " +
      Count(static_cast<std::size_t>(extras)) + " scenario), " + Tonnes(total_kg) + " in total";
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

}  // namespace aircargo::formats
