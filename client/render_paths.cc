#include "client/render_paths.h"

#include <cstdio>
#include <string>
#include <utility>
#include <vector>

#include "client/labels.h"
#include "client/table.h"
#include "client/units.h"

namespace aircargo::client {
namespace {

std::string Kilometres(double km) {
  return FormatCount(static_cast<std::int64_t>(km < 0 ? km - 0.5 : km + 0.5));
}

std::string ObjectiveWords(const v1::FindPathsResponse& response) {
  if (response.pareto()) return "Pareto set over transit time, cost and legs";
  switch (response.objective()) {
    case v1::PATH_OBJECTIVE_TRANSIT_TIME:
      return "by transit time";
    case v1::PATH_OBJECTIVE_COST:
      return "by cost per kg";
    case v1::PATH_OBJECTIVE_LEGS:
      return "by legs";
    default:
      return "by distance";
  }
}

std::string RenderPath(const v1::PathPlan& plan, int index, int count, const std::string& order) {
  std::string airports;
  for (int i = 0; i < plan.legs_size(); ++i) {
    if (i == 0) airports = plan.legs(i).origin();
    airports += " - " + plan.legs(i).destination();
  }
  std::string text = "Path " + std::to_string(index) + " of " + std::to_string(count) + " (" +
                     order + "): " + airports + "\n";
  Table table({{"leg", Align::kRight},
               {"route id"},
               {"from"},
               {"to"},
               {"carrier"},
               {"mode"},
               {"aircraft"},
               {"basis"},
               {"km", Align::kRight},
               {"block", Align::kRight},
               {"t/week", Align::kRight}});
  for (int i = 0; i < plan.legs_size(); ++i) {
    const v1::PathLeg& leg = plan.legs(i);
    table.AddRow({std::to_string(i + 1), leg.route_id(), leg.origin(), leg.destination(),
                  leg.carrier(), std::string(ModeLabel(leg.mode())), leg.aircraft(),
                  std::string(BasisShortLabel(leg.basis())), Kilometres(leg.distance_km()),
                  FormatDuration(leg.block_minutes()), FormatTonnes(leg.capacity_kg_per_week())});
  }
  text += table.Render();
  text += RenderKeyValues({
      {"distance", Kilometres(plan.distance_km()) + " km"},
      {"transit time", FormatDuration(plan.transit_minutes())},
      {"cost per kg", FormatCostPerKg(plan.cost_per_kg_micros())},
      {"legs", std::to_string(plan.leg_count())},
      {"bottleneck", FormatTonnes(plan.bottleneck_kg_per_week()) + " t/week"},
  });
  return text;
}

}  // namespace

std::string FormatDuration(std::int64_t minutes) {
  if (minutes < 0) minutes = 0;
  const std::int64_t days = minutes / 1440;
  const std::int64_t hours = minutes % 1440 / 60;
  const std::int64_t mins = minutes % 60;
  char buffer[48];
  if (days > 0) {
    std::snprintf(buffer, sizeof buffer, "%lldd %02lldh %02lldm", static_cast<long long>(days),
                  static_cast<long long>(hours), static_cast<long long>(mins));
  } else {
    std::snprintf(buffer, sizeof buffer, "%02lldh %02lldm", static_cast<long long>(hours),
                  static_cast<long long>(mins));
  }
  return buffer;
}

std::string FormatCostPerKg(std::int64_t micros) {
  const bool negative = micros < 0;
  const std::int64_t magnitude = negative ? -micros : micros;
  const std::int64_t cents = (magnitude + 5'000) / 10'000;
  char buffer[48];
  std::snprintf(buffer, sizeof buffer, "%s%lld.%02lld", negative ? "-" : "",
                static_cast<long long>(cents / 100), static_cast<long long>(cents % 100));
  return buffer;
}

std::string DescribePathReason(v1::PathReason reason) {
  switch (reason) {
    case v1::PATH_REASON_NO_CONNECTION:
      return "no connection in the network (NO_CONNECTION)";
    case v1::PATH_REASON_CLOSED_BY_SCENARIO:
      return "the scenario closes every path (CLOSED_BY_SCENARIO); try --with-planned or fewer "
             "closures";
    case v1::PATH_REASON_EXCLUDED_BY_FILTERS:
      return "--avoid, --mode or excluded carriers cut every path (EXCLUDED_BY_FILTERS)";
    case v1::PATH_REASON_CAPACITY_TOO_LOW:
      return "every path has a leg below --min-capacity (CAPACITY_TOO_LOW)";
    case v1::PATH_REASON_TOO_MANY_LEGS:
      return "every path needs more than --max-legs legs (TOO_MANY_LEGS)";
    case v1::PATH_REASON_VIA_UNREACHABLE:
      return "no path passes the --via airports in order (VIA_UNREACHABLE)";
    default:
      return "no path";
  }
}

std::string RenderPaths(const v1::FindPathsResponse& response, const std::string& origin,
                        const std::string& destination) {
  if (response.paths_size() == 0) {
    return "No path from " + origin + " to " + destination + ": " +
           DescribePathReason(response.reason()) + "\n";
  }
  const std::string order = ObjectiveWords(response);
  std::string text;
  std::vector<v1::EvidenceBasis> bases;
  for (int i = 0; i < response.paths_size(); ++i) {
    if (i > 0) text += "\n";
    text += RenderPath(response.paths(i), i + 1, response.paths_size(), order);
    for (const v1::PathLeg& leg : response.paths(i).legs()) bases.push_back(leg.basis());
  }
  const std::string note = BasisFootnote(bases, "legs");
  return note.empty() ? text : text + "\n" + note;
}

}  // namespace aircargo::client
