#include "client/plan_map.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <unordered_set>
#include <utility>

#include "client/labels.h"

namespace aircargo::client {
namespace {

// Distinct, colour-blind-friendly hues for up to eight paths; later paths reuse them.
constexpr const char* kPathColours[] = {"#d55e00", "#0072b2", "#009e73", "#cc79a7",
                                        "#e69f00", "#56b4e9", "#7f7f7f", "#000000"};

}  // namespace

formats::MapDocument PathsMap(const v1::FindPathsResponse& response, const std::string& title) {
  std::int64_t max_kg = 1;
  for (const v1::PathPlan& plan : response.paths()) {
    for (const v1::PathLeg& leg : plan.legs())
      max_kg = std::max(max_kg, leg.capacity_kg_per_week());
  }
  formats::MapDocument doc;
  doc.title = title;
  doc.subtitle = std::to_string(response.paths_size()) +
                 (response.paths_size() == 1 ? " path" : " paths") + ", network version " +
                 std::to_string(response.network_version()) + "; line width by weekly capacity";
  std::unordered_set<std::string> drawn;
  for (int i = 0; i < response.paths_size(); ++i) {
    const v1::PathPlan& plan = response.paths(i);
    const std::string colour = kPathColours[i % std::size(kPathColours)];
    formats::MapLayer layer;
    layer.name = "path " + std::to_string(i + 1);
    for (int l = 0; l < plan.legs_size(); ++l) {
      const v1::PathLeg& leg = plan.legs(l);
      if (!leg.has_origin_position() || !leg.has_destination_position()) continue;
      const std::pair<const std::string*, const v1::GeoPoint*> ends[] = {
          {&leg.origin(), &leg.origin_position()},
          {&leg.destination(), &leg.destination_position()}};
      for (const auto& [code, position] : ends) {
        if (!drawn.insert(*code).second) continue;
        formats::MapPoint point;
        point.id = *code;
        point.label = *code;
        point.latitude_deg = position->latitude_deg();
        point.longitude_deg = position->longitude_deg();
        const bool end = (l == 0 && code == &leg.origin()) ||
                         (l == plan.legs_size() - 1 && code == &leg.destination());
        point.emphasised = end;
        layer.points.push_back(std::move(point));
      }
      formats::MapLine line;
      line.id = layer.name + "/" + leg.route_id();
      line.from = leg.origin();
      line.to = leg.destination();
      line.label = leg.route_id();
      line.colour = colour;
      line.width_px = 1.5 + 4.5 * std::sqrt(static_cast<double>(leg.capacity_kg_per_week()) /
                                            static_cast<double>(max_kg));
      line.properties = {
          {"path", "", static_cast<double>(i + 1)},
          {"route_id", leg.route_id(), std::nullopt},
          {"carrier", leg.carrier(), std::nullopt},
          {"basis", std::string(BasisLabel(leg.basis())), std::nullopt},
          {"tonnes_per_week", "", static_cast<double>(leg.capacity_kg_per_week()) / 1000.0},
      };
      layer.lines.push_back(std::move(line));
    }
    doc.layers.push_back(std::move(layer));
    doc.legend.push_back({"Path " + std::to_string(i + 1), colour, 3, false, false});
  }
  return doc;
}

namespace {

struct RouteTotal {
  const v1::FlightBooking* first = nullptr;
  std::int64_t booked_kg = 0;
  int flights = 0;
};

std::map<std::string, RouteTotal> ByRoute(
    const google::protobuf::RepeatedPtrField<v1::FlightBooking>& bookings) {
  std::map<std::string, RouteTotal> out;
  for (const v1::FlightBooking& b : bookings) {
    if (!b.has_origin_position() || !b.has_destination_position()) continue;
    RouteTotal& total = out[b.route_id()];
    if (total.first == nullptr) total.first = &b;
    total.booked_kg += b.booked_kg();
    ++total.flights;
  }
  return out;
}

}  // namespace

formats::MapDocument ScheduleMap(const v1::ComputeScheduleCapacityResponse& response,
                                 const std::string& title) {
  formats::MapDocument doc;
  doc.title = title;
  doc.subtitle = std::to_string(response.bookings_size()) + " dated flights booked, " +
                 std::to_string(response.max_kg() / 1000) + " t by the deadline, network version " +
                 std::to_string(response.network_version()) + "; line width by tonnes booked";
  std::unordered_set<std::string> ends(response.destinations().begin(),
                                       response.destinations().end());
  if (response.has_ready()) ends.insert(response.ready().airport());
  const std::map<std::string, RouteTotal> booked = ByRoute(response.bookings());
  std::int64_t max_kg = 1;
  for (const auto& [id, total] : booked) max_kg = std::max(max_kg, total.booked_kg);
  std::unordered_set<std::string> drawn;
  const auto layer_of = [&](const std::map<std::string, RouteTotal>& routes, const char* name,
                            const char* colour) {
    formats::MapLayer layer;
    layer.name = name;
    for (const auto& [id, total] : routes) {
      const v1::FlightBooking& b = *total.first;
      const std::pair<const std::string*, const v1::GeoPoint*> points[] = {
          {&b.origin(), &b.origin_position()}, {&b.destination(), &b.destination_position()}};
      for (const auto& [code, position] : points) {
        if (!drawn.insert(*code).second) continue;
        formats::MapPoint point;
        point.id = *code;
        point.label = *code;
        point.latitude_deg = position->latitude_deg();
        point.longitude_deg = position->longitude_deg();
        point.emphasised = ends.contains(*code);
        layer.points.push_back(std::move(point));
      }
      formats::MapLine line;
      line.id = layer.name + "/" + id;
      line.from = b.origin();
      line.to = b.destination();
      line.label = id;
      line.colour = colour;
      line.width_px =
          1.5 + 4.5 * std::sqrt(static_cast<double>(total.booked_kg) / static_cast<double>(max_kg));
      line.properties = {
          {"route_id", id, std::nullopt},
          {"basis", std::string(BasisLabel(b.basis())), std::nullopt},
          {"flights", "", static_cast<double>(total.flights)},
          {"tonnes_booked", "", static_cast<double>(total.booked_kg) / 1000.0},
      };
      layer.lines.push_back(std::move(line));
    }
    doc.layers.push_back(std::move(layer));
    doc.legend.push_back({name, colour, 3, false, false});
  };
  layer_of(booked, "booked", kPathColours[1]);
  const std::map<std::string, RouteTotal> cut = ByRoute(response.min_cut());
  if (!cut.empty()) layer_of(cut, "bottleneck", kPathColours[0]);
  return doc;
}

}  // namespace aircargo::client
