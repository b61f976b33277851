#include "client/render_demand.h"

#include <cstdio>
#include <string>

#include "client/render_capacity.h"
#include "client/table.h"
#include "client/units.h"

namespace aircargo::client {
namespace {

// Weighted kilograms as tonnes with one decimal ("12.5").
std::string WeightedTonnes(double kilograms) {
  char buffer[48];
  std::snprintf(buffer, sizeof buffer, "%.1f", kilograms / 1000.0);
  return buffer;
}

std::string Price(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.3f", value);
  return buffer;
}

std::string MainPath(const v1::DemandAllocation& a) {
  if (a.paths().empty()) return "-";
  std::string out;
  for (const std::string& airport : a.paths(0).airports())
    out += (out.empty() ? "" : "-") + airport;
  if (a.paths_size() > 1) out += " (+" + std::to_string(a.paths_size() - 1) + " more)";
  return out;
}

std::string ObjectiveLine(const v1::PlanDemandResponse& r) {
  if (r.objective() == v1::DEMAND_OBJECTIVE_FAIR_SHARE) {
    return "fair share: every demand gets " + FormatPercent(r.fair_fraction()) +
           " at once, then the most delivered, then the least cost";
  }
  return "most delivered (weighted by priority), then the least cost";
}

std::string Summary(const v1::PlanDemandResponse& r) {
  const double share = r.demand_kg_per_week() > 0 ? static_cast<double>(r.delivered_kg_per_week()) /
                                                        static_cast<double>(r.demand_kg_per_week())
                                                  : 0.0;
  return "Demand plan, " + ObjectiveLine(r) + ":\n" + FormatTonnes(r.delivered_kg_per_week()) +
         " of " + FormatTonnes(r.demand_kg_per_week()) + " t/week delivered (" +
         FormatPercent(share) + "), cost " + FormatMoney(r.total_cost_micros()) + "/week\n";
}

std::string LpLine(const v1::PlanDemandResponse& r) {
  return "LP: " + FormatCount(r.lp_columns()) + " columns, " + FormatCount(r.lp_rows()) +
         " rows, " + FormatCount(r.lp_iterations()) + " simplex iterations (" + r.solver() + ")\n";
}

}  // namespace

std::string RenderDemandPlan(const v1::PlanDemandResponse& r) {
  std::string out = Summary(r) + "\n";
  Table demands({{"FROM"},
                 {"TO"},
                 {"PRIORITY", Align::kRight},
                 {"DEMAND T/WK", Align::kRight},
                 {"DELIVERED", Align::kRight},
                 {"SHORTFALL", Align::kRight},
                 {"COST/KG", Align::kRight},
                 {"MAIN PATH"}});
  for (const v1::DemandAllocation& a : r.allocations()) {
    char priority[32];
    std::snprintf(priority, sizeof priority, "%g", a.priority());
    demands.AddRow({a.origin(), a.destination(), priority, FormatTonnes(a.demand_kg_per_week()),
                    FormatTonnes(a.delivered_kg_per_week()),
                    FormatTonnes(a.shortfall_kg_per_week()), FormatMoney(a.cost_per_kg_micros()),
                    MainPath(a)});
  }
  out += demands.Render();
  if (!r.route_loads().empty()) {
    out += "\nRoutes carrying the plan:\n";
    Table routes({{"ROUTE"},
                  {"FROM"},
                  {"TO"},
                  {"LOAD T/WK", Align::kRight},
                  {"CAPACITY T/WK", Align::kRight},
                  {"UTILISATION", Align::kRight}});
    for (const v1::RouteFlow& f : r.route_loads()) {
      routes.AddRow({f.route_id(), f.origin(), f.destination(), FormatTonnes(f.flow_kg_per_week()),
                     FormatTonnes(f.capacity_kg_per_week()), FormatPercent(f.utilisation())});
    }
    out += routes.Render();
  }
  if (!r.shadow_prices().empty()) {
    out +=
        "\nSaturated limits (shadow price: weighted t delivered per extra t/week; valid for small "
        "changes):\n";
    Table prices({{"LIMIT"},
                  {"CAPACITY T/WK", Align::kRight},
                  {"LOAD T/WK", Align::kRight},
                  {"SHADOW PRICE", Align::kRight}});
    for (const v1::ShadowPrice& p : r.shadow_prices()) {
      prices.AddRow({p.kind() == v1::CAPACITY_ELEMENT_KIND_AIRPORT ? p.airport() + " (terminal)"
                                                                   : p.route_id(),
                     FormatTonnes(p.capacity_kg_per_week()), FormatTonnes(p.load_kg_per_week()),
                     Price(p.weighted_kg_per_kg())});
    }
    out += prices.Render();
  }
  return out + "\n" + LpLine(r);
}

std::string RenderDemandUpgrades(const v1::PlanDemandResponse& r) {
  std::string out = Summary(r);
  if (r.upgrades().empty()) {
    return out +
           "\nNo candidate upgrade delivers more: no saturated limit stands in the way of the "
           "demands.\n\n" +
           LpLine(r);
  }
  out +=
      "\nUpgrades ranked by predicted gain (shadow price x added capacity: an upper bound), the "
      "top ones verified by re-solving; gains in weighted t/week:\n";
  Table table({{"#", Align::kRight},
               {"UPGRADE"},
               {"ELEMENT"},
               {"ADDS T/WK", Align::kRight},
               {"PREDICTED", Align::kRight},
               {"VERIFIED", Align::kRight}});
  int rank = 0;
  for (const v1::Upgrade& u : r.upgrades()) {
    std::string kind;
    switch (u.kind()) {
      case v1::UPGRADE_KIND_ROUTE_FREQUENCY:
        kind = "+1 weekly flight";
        break;
      case v1::UPGRADE_KIND_OPEN_PLANNED_ROUTE:
        kind = "open planned route";
        break;
      case v1::UPGRADE_KIND_AIRPORT_LIMIT:
        kind = "airport limit +10%";
        break;
      default:
        kind = "?";
        break;
    }
    table.AddRow({std::to_string(++rank), kind,
                  u.kind() == v1::UPGRADE_KIND_AIRPORT_LIMIT
                      ? u.airport()
                      : u.route_id() + " (" + u.origin() + "-" + u.destination() + ")",
                  FormatTonnes(u.added_kg_per_week()), WeightedTonnes(u.predicted_gain()),
                  u.verified() ? WeightedTonnes(u.verified_gain()) : "-"});
  }
  out += table.Render();
  out += r.best_upgrade_proven()
             ? "\nThe best verified upgrade is the best single candidate: no unverified "
               "candidate's bound exceeds it.\n"
             : "\nNot proven best: an unverified candidate's bound exceeds the best verified gain "
               "(raise --top).\n";
  return out + "\n" + LpLine(r);
}

}  // namespace aircargo::client
