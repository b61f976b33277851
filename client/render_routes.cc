#include "client/render_routes.h"

#include <string>
#include <vector>

#include "client/labels.h"
#include "client/table.h"
#include "client/text.h"
#include "client/units.h"

namespace aircargo::client {

std::int64_t WeeklyCapacityKg(const v1::Route& route) {
  return route.payload_kg() * route.flights_per_week();
}

namespace {

std::string Effective(const v1::Route& route) {
  const std::string& from = route.effective_from();
  const std::string& to = route.effective_to();
  if (from.empty() && to.empty()) return "-";
  if (to.empty()) return from;
  return from.empty() ? "to " + to : from + " to " + to;
}

}  // namespace

std::string RenderRoutes(const v1::ListRoutesResponse& response) {
  Table table({{"ID"},
               {"FROM"},
               {"TO"},
               {"CARRIER"},
               {"MODE"},
               {"AIRCRAFT"},
               {"FLIGHTS/WK", Align::kRight},
               {"T/WEEK", Align::kRight},
               {"STATUS"},
               {"EFFECTIVE"},
               {"BASIS"}});
  std::int64_t total_kg = 0;
  std::vector<v1::EvidenceBasis> bases;
  for (const v1::Route& route : response.routes()) {
    const std::int64_t weekly_kg = WeeklyCapacityKg(route);
    total_kg += weekly_kg;
    table.AddRow({route.id(), route.origin(), route.destination(), route.carrier(),
                  std::string(ModeLabel(route.mode())),
                  route.aircraft().empty() ? "-" : route.aircraft(),
                  FormatCount(route.flights_per_week()), FormatTonnes(weekly_kg),
                  std::string(RouteStatusLabel(route.status())), Effective(route),
                  std::string(BasisLabel(route.basis()))});
    bases.push_back(route.basis());
  }
  const int count = response.routes_size();
  std::string out = table.row_count() > 0 ? table.Render() : "";
  out += FormatCount(count) + (count == 1 ? " route, " : " routes, ") + FormatTonnes(total_kg) +
         " t/week\n";
  out += BasisFootnote(bases, "routes");
  if (count == 0) return out;
  out += "\nSources:\n";
  for (const v1::Route& route : response.routes()) {
    out +=
        "  " + route.id() + "  " + (route.source().empty() ? "-" : OneLine(route.source())) + "\n";
  }
  return out;
}

}  // namespace aircargo::client
