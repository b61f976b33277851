#include "client/render_network.h"

#include <cstdio>
#include <string>
#include <utility>
#include <vector>

#include "client/labels.h"
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

// "src 24 routes 761.5 t/week (8.5 %), ..." over the levels the split lists.
std::string BasisSplit(const google::protobuf::RepeatedPtrField<v1::BasisTotals>& split,
                       std::int64_t total_kg) {
  if (split.empty()) return "-";
  std::string out;
  for (const v1::BasisTotals& t : split) {
    char share[32] = "";
    if (total_kg > 0) {
      std::snprintf(
          share, sizeof share, " (%.1f %%)",
          100.0 * static_cast<double>(t.weekly_capacity_kg()) / static_cast<double>(total_kg));
    }
    out += (out.empty() ? "" : "; ") + std::string(BasisShortLabel(t.basis())) + " " +
           FormatCount(t.route_count()) + " " + FormatTonnes(t.weekly_capacity_kg()) + " t" + share;
  }
  return out;
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
      {"  ended",
       StatusLine(summary.ended()) +
           (summary.as_of().empty() ? "" : " (last flown before " + summary.as_of() + ")")},
      {"carriers", FormatCount(summary.carrier_count())},
      {"countries", FormatCount(summary.country_count())},
      {"operating capacity", FormatTonnes(summary.operating().weekly_capacity_kg()) + " t/week"},
      {"  by basis",
       BasisSplit(summary.operating_by_basis(), summary.operating().weekly_capacity_kg())},
      {"planned capacity", FormatTonnes(summary.planned().weekly_capacity_kg()) + " t/week"},
      {"  by basis",
       BasisSplit(summary.planned_by_basis(), summary.planned().weekly_capacity_kg())},
  };
  std::string out = RenderKeyValues(entries);
  std::vector<v1::EvidenceBasis> bases;
  for (const v1::BasisTotals& t : summary.operating_by_basis()) {
    for (int i = 0; i < t.route_count(); ++i) bases.push_back(t.basis());
  }
  const std::string note = BasisFootnote(bases, "operating routes");
  return note.empty() ? out : out + note;
}

}  // namespace aircargo::client
