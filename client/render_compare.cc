#include "client/render_compare.h"

#include <cstdio>
#include <string>
#include <vector>

#include "client/labels.h"
#include "client/render_capacity.h"
#include "client/table.h"
#include "client/units.h"

namespace aircargo::client {
namespace {

std::string Tonnes(const v1::PairMetrics& m) {
  return m.reachable() ? FormatTonnes(m.max_capacity_kg_per_week()) : "-";
}
std::string Transit(const v1::PairMetrics& m) {
  return m.reachable() ? FormatTransit(m.fastest_transit_minutes()) : "-";
}
std::string Cost(const v1::PairMetrics& m) {
  return m.reachable() ? FormatMoney(m.cheapest_cost_per_kg_micros()) : "-";
}
std::string Legs(const v1::PairMetrics& m) {
  return m.reachable() ? std::to_string(m.fewest_legs()) : "-";
}

std::string Change(const v1::PairComparison& p) {
  if (p.newly_reachable()) return "new";
  if (p.no_longer_reachable()) return "lost";
  const std::int64_t kg = p.capacity_change_kg_per_week();
  if (kg == 0) {
    return p.baseline().fastest_transit_minutes() != p.alternative().fastest_transit_minutes() ||
                   p.baseline().cheapest_cost_per_kg_micros() !=
                       p.alternative().cheapest_cost_per_kg_micros() ||
                   p.baseline().fewest_legs() != p.alternative().fewest_legs()
               ? "faster/cheaper"
               : "";
  }
  return (kg > 0 ? "+" : "") + FormatTonnes(kg) + " t";
}

// "The planned scenario adds 18 routes (2 ann, 2 asm, 14 cand; 14 of them candidates, no flight
// announced), 1,204.3 t/week."; empty when the list is.
std::string RouteDifferenceLine(const std::string& verb, const std::string& label,
                                const google::protobuf::RepeatedPtrField<v1::BasisTotals>& list) {
  if (list.empty()) return "";
  int routes = 0;
  int candidates = 0;
  std::int64_t kg = 0;
  std::string parts;
  for (const v1::BasisTotals& t : list) {
    routes += t.route_count();
    kg += t.weekly_capacity_kg();
    if (t.basis() == v1::EVIDENCE_BASIS_CANDIDATE) candidates += t.route_count();
    parts += (parts.empty() ? "" : ", ") + std::to_string(t.route_count()) + " " +
             std::string(BasisShortLabel(t.basis()));
  }
  return "The " + label + " scenario " + verb + " " + std::to_string(routes) +
         (routes == 1 ? " route" : " routes") + " (" + parts + "), " + FormatTonnes(kg) +
         " t/week; " + std::to_string(candidates) + " of them " +
         (candidates == 1 ? "is a candidate" : "are candidates") + " (no flight announced)\n";
}

}  // namespace

std::string FormatTransit(std::int64_t minutes) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%lldh%02lldm", static_cast<long long>(minutes / 60),
                static_cast<long long>(minutes % 60));
  return buffer;
}

std::string RenderComparison(const v1::CompareScenariosResponse& response,
                             const std::string& baseline_label,
                             const std::string& alternative_label) {
  const std::string& b = baseline_label;
  const std::string& a = alternative_label;
  Table table({{"FROM"},
               {"TO"},
               {"T/WEEK " + b, Align::kRight},
               {"T/WEEK " + a, Align::kRight},
               {"FASTEST " + b, Align::kRight},
               {"FASTEST " + a, Align::kRight},
               {"COST/KG " + b, Align::kRight},
               {"COST/KG " + a, Align::kRight},
               {"LEGS " + b, Align::kRight},
               {"LEGS " + a, Align::kRight},
               {"BASIS " + a},
               {"CHANGE"}});
  std::vector<v1::EvidenceBasis> bases;
  for (const v1::PairComparison& p : response.pairs()) {
    const bool reachable = p.alternative().reachable();
    table.AddRow({p.origin(), p.destination(), Tonnes(p.baseline()), Tonnes(p.alternative()),
                  Transit(p.baseline()), Transit(p.alternative()), Cost(p.baseline()),
                  Cost(p.alternative()), Legs(p.baseline()), Legs(p.alternative()),
                  reachable ? std::string(BasisShortLabel(p.alternative().weakest_basis())) : "-",
                  Change(p)});
    if (reachable) bases.push_back(p.alternative().weakest_basis());
  }
  std::string out = table.Render();
  const std::int64_t change = response.total_capacity_change_kg_per_week();
  out += "\nReachable: " + std::to_string(response.baseline_reachable_count()) + " " + b + ", " +
         std::to_string(response.alternative_reachable_count()) + " " + a + " (" +
         std::to_string(response.newly_reachable_count()) + " new) of " +
         std::to_string(response.pairs_size()) + " pairs; capacity change " +
         (change > 0 ? "+" : "") + FormatTonnes(change) + " t/week over all pairs\n";
  out += RouteDifferenceLine("adds", a, response.added_routes_by_basis());
  out += RouteDifferenceLine("removes", a, response.removed_routes_by_basis());
  const std::string note = BasisFootnote(bases, "reachable pairs (" + a + ", weakest leg)");
  if (!note.empty()) out += note;
  return out;
}

}  // namespace aircargo::client
