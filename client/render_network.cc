#include "client/render_network.h"

#include <string>
#include <utility>
#include <vector>

#include "client/table.h"
#include "client/text.h"
#include "client/units.h"

namespace aircargo::client {
namespace {

std::string StatusLine(const v1::StatusTotals& totals) {
  return FormatCount(totals.route_count()) +
         (totals.route_count() == 1 ? " route, " : " routes, ") +
         FormatTonnes(totals.weekly_capacity_kg()) + " t/week";
}

}  // namespace

std::string RenderNetworkSummary(const v1::GetNetworkResponse& response) {
  const v1::Network& network = response.network();
  const v1::NetworkSummary& summary = response.summary();
  const std::vector<std::pair<std::string, std::string>> entries = {
      {"name", OneLine(network.name())},
      {"version", std::to_string(response.network_version())},
      {"description", network.description().empty() ? "-" : OneLine(network.description())},
      {"airports", FormatCount(summary.airport_count())},
      {"routes", FormatCount(summary.route_count())},
      {"  operating", StatusLine(summary.operating())},
      {"  planned", StatusLine(summary.planned())},
      {"  suspended", StatusLine(summary.suspended())},
      {"carriers", FormatCount(summary.carrier_count())},
      {"countries", FormatCount(summary.country_count())},
      {"operating capacity", FormatTonnes(summary.operating().weekly_capacity_kg()) + " t/week"},
  };
  return RenderKeyValues(entries);
}

}  // namespace aircargo::client
