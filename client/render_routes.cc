#include "client/render_routes.h"

#include <string>

#include "client/labels.h"
#include "client/table.h"
#include "client/text.h"
#include "client/units.h"

namespace aircargo::client {

std::int64_t WeeklyCapacityKg(const v1::Route& route) {
  return route.payload_kg() * route.flights_per_week();
}

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
               {"EFFECTIVE FROM"},
               {"BASIS"}});
  std::int64_t total_kg = 0;
  for (const v1::Route& route : response.routes()) {
    const std::int64_t weekly_kg = WeeklyCapacityKg(route);
    total_kg += weekly_kg;
    table.AddRow({route.id(), route.origin(), route.destination(), route.carrier(),
                  std::string(ModeLabel(route.mode())),
                  route.aircraft().empty() ? "-" : route.aircraft(),
                  FormatCount(route.flights_per_week()), FormatTonnes(weekly_kg),
                  std::string(RouteStatusLabel(route.status())),
                  route.effective_from().empty() ? "-" : route.effective_from(),
                  Ellipsize(OneLine(route.source()), kBasisWidth)});
  }
  const int count = response.routes_size();
  std::string out = table.row_count() > 0 ? table.Render() : "";
  out += FormatCount(count) + (count == 1 ? " route, " : " routes, ") + FormatTonnes(total_kg) +
         " t/week\n";
  return out;
}

}  // namespace aircargo::client
