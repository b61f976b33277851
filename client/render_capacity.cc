#include "client/render_capacity.h"

#include <cstdio>
#include <string>
#include <vector>

#include "client/labels.h"
#include "client/table.h"
#include "client/units.h"

namespace aircargo::client {
namespace {

std::string Header(const std::string& origin,
                   const google::protobuf::RepeatedPtrField<std::string>& destinations) {
  std::string out = origin + " -> ";
  constexpr int kShown = 8;
  for (int i = 0; i < destinations.size() && i < kShown; ++i) {
    if (i > 0) out += ", ";
    out += destinations[i];
  }
  if (destinations.size() > kShown) {
    out += " and " + std::to_string(destinations.size() - kShown) + " more";
  }
  return out;
}

std::string ElementName(v1::CapacityElementKind kind, const std::string& route_id,
                        const std::string& airport) {
  return kind == v1::CAPACITY_ELEMENT_KIND_AIRPORT ? airport + " (terminal)" : route_id;
}

std::string RouteFlowTable(const google::protobuf::RepeatedPtrField<v1::RouteFlow>& flows) {
  Table table({{"ROUTE"},
               {"FROM"},
               {"TO"},
               {"CARRIER"},
               {"BASIS"},
               {"T/WEEK", Align::kRight},
               {"CAPACITY T/WEEK", Align::kRight},
               {"UTILISATION", Align::kRight}});
  std::vector<v1::EvidenceBasis> bases;
  for (const v1::RouteFlow& f : flows) {
    table.AddRow({f.route_id(), f.origin(), f.destination(), f.carrier(),
                  std::string(BasisShortLabel(f.basis())), FormatTonnes(f.flow_kg_per_week()),
                  FormatTonnes(f.capacity_kg_per_week()), FormatPercent(f.utilisation())});
    if (f.flow_kg_per_week() > 0) bases.push_back(f.basis());
  }
  const std::string note = BasisFootnote(bases, "routes carrying flow");
  return table.Render() + (note.empty() ? "" : "\n" + note);
}

}  // namespace

std::string FormatPercent(double fraction) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.1f%%", fraction * 100.0);
  return buffer;
}

std::string FormatMoney(std::int64_t micros) {
  const bool negative = micros < 0;
  const std::uint64_t magnitude =
      negative ? 0 - static_cast<std::uint64_t>(micros) : static_cast<std::uint64_t>(micros);
  const std::uint64_t cents = (magnitude + 5'000) / 10'000;
  std::string out = negative && cents > 0 ? "-" : "";
  out += FormatCount(static_cast<std::int64_t>(cents / 100));
  char fraction[8];
  std::snprintf(fraction, sizeof fraction, ".%02u", static_cast<unsigned>(cents % 100));
  return out + fraction;
}

std::string RenderCapacity(const v1::ComputeCapacityResponse& response, const std::string& origin) {
  std::string out = Header(origin, response.destinations()) + ": " +
                    FormatTonnes(response.max_flow_kg_per_week()) + " t/week maximum\n";
  if (response.max_flow_kg_per_week() == 0) {
    return out + "No destination is reachable under this scenario.\n";
  }
  out += "\nBottleneck (minimum cut):\n";
  Table cut({{"ELEMENT"},
             {"FROM"},
             {"TO"},
             {"BASIS"},
             {"T/WEEK", Align::kRight},
             {"SHARE", Align::kRight}});
  for (const v1::Bottleneck& b : response.min_cut()) {
    const bool route = b.kind() == v1::CAPACITY_ELEMENT_KIND_ROUTE;
    cut.AddRow({ElementName(b.kind(), b.route_id(), b.airport()), route ? b.origin() : "-",
                route ? b.destination() : "-",
                route ? std::string(BasisShortLabel(b.basis())) : std::string("-"),
                FormatTonnes(b.capacity_kg_per_week()),
                FormatPercent(static_cast<double>(b.capacity_kg_per_week()) /
                              static_cast<double>(response.max_flow_kg_per_week()))});
  }
  out += cut.Render();
  out += "\nRoute flows:\n" + RouteFlowTable(response.route_flows());
  return out;
}

std::string RenderFlowPlan(const v1::PlanFlowResponse& response, const std::string& origin) {
  std::string out = Header(origin, response.destinations()) + ": demand " +
                    FormatTonnes(response.demand_kg_per_week()) + " t/week, shipped " +
                    FormatTonnes(response.shipped_kg_per_week()) + " t/week";
  if (response.shortfall_kg_per_week() > 0) {
    out += ", SHORTFALL " + FormatTonnes(response.shortfall_kg_per_week()) + " t/week";
  }
  out += "\nTotal cost: " + FormatMoney(response.total_cost_micros()) + " per week" +
         (response.cost_saturated() ? " (at least; the sum overflowed)" : "");
  if (response.shipped_kg_per_week() > 0) {
    const double per_kg = static_cast<double>(response.total_cost_micros()) /
                          static_cast<double>(response.shipped_kg_per_week());
    out += ", " + FormatMoney(static_cast<std::int64_t>(per_kg + 0.5)) + " per kg on average";
  }
  out += "\n";
  if (response.paths().empty()) return out;
  out += "\nPaths (cheapest first):\n";
  Table paths(
      {{"PATH"}, {"ROUTES"}, {"BASIS"}, {"T/WEEK", Align::kRight}, {"COST/KG", Align::kRight}});
  for (const v1::PlannedPath& p : response.paths()) {
    std::string airports;
    for (const std::string& a : p.airports()) airports += (airports.empty() ? "" : " > ") + a;
    std::string routes;
    for (const std::string& r : p.route_ids()) routes += (routes.empty() ? "" : ", ") + r;
    std::string bases;
    for (int b : p.bases()) {
      bases += (bases.empty() ? "" : ",") +
               std::string(BasisShortLabel(static_cast<v1::EvidenceBasis>(b)));
    }
    paths.AddRow({airports, routes, bases.empty() ? "-" : bases, FormatTonnes(p.kg_per_week()),
                  FormatMoney(p.cost_per_kg_micros())});
  }
  out += paths.Render();
  out += "\nRoute flows:\n" + RouteFlowTable(response.route_flows());
  return out;
}

std::string RenderClosures(const v1::AnalyzeClosuresResponse& response, const std::string& origin) {
  std::string out = Header(origin, response.destinations()) + ": " +
                    FormatTonnes(response.base_kg_per_week()) + " t/week with everything open\n";
  if (response.closures().empty()) {
    return out + "No single closure reduces it.\n";
  }
  Table table({{"RANK", Align::kRight},
               {"CLOSE"},
               {"KIND"},
               {"LOST T/WEEK", Align::kRight},
               {"LOST", Align::kRight},
               {"REMAINING T/WEEK", Align::kRight},
               {"NOTE"}});
  int rank = 0;
  for (const v1::ClosureImpact& c : response.closures()) {
    const bool route = c.kind() == v1::CAPACITY_ELEMENT_KIND_ROUTE;
    table.AddRow({std::to_string(++rank), route ? c.route_id() : c.airport(),
                  route ? "route" : "airport", FormatTonnes(c.lost_kg_per_week()),
                  FormatPercent(c.lost_fraction()), FormatTonnes(c.remaining_kg_per_week()),
                  c.disconnects() ? "disconnects" : ""});
  }
  out += table.Render();
  if (response.total_closures() > response.closures_size()) {
    out += "(top " + std::to_string(response.closures_size()) + " of " +
           std::to_string(response.total_closures()) + ")\n";
  }
  out += FormatCount(response.routes_without_flow()) + " other routes and " +
         FormatCount(response.airports_without_flow()) +
         " other airports carry no flow: closing one alone loses nothing.\n";
  return out;
}

}  // namespace aircargo::client
