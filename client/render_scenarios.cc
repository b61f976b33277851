#include "client/render_scenarios.h"

#include <google/protobuf/util/time_util.h>

#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "client/table.h"

namespace aircargo::client {
namespace {

std::string Time(const google::protobuf::Timestamp& time) {
  std::string text = google::protobuf::util::TimeUtil::ToString(time);
  const auto dot = text.find('.');
  if (dot != std::string::npos) text = text.substr(0, dot) + "Z";
  return text;
}

template <typename List>
std::string Joined(const List& list) {
  std::string out;
  for (const auto& item : list) out += (out.empty() ? "" : ",") + item;
  return out;
}

std::string Factor(double factor) {
  std::ostringstream text;
  text << factor;
  return text.str();
}

std::string Status(const v1::StoredScenario& s) {
  return s.problems().empty() ? "ok" : "STALE (" + std::to_string(s.problems_size()) + ")";
}

}  // namespace

std::string DescribeOverlay(const v1::Scenario& o) {
  std::vector<std::string> parts;
  if (o.include_planned()) parts.push_back("with planned routes");
  if (!o.as_of().empty()) parts.push_back("as of " + o.as_of());
  if (o.closed_airports_size() > 0)
    parts.push_back("closed airports " + Joined(o.closed_airports()));
  if (o.closed_routes_size() > 0) parts.push_back("closed routes " + Joined(o.closed_routes()));
  if (o.excluded_carriers_size() > 0) {
    parts.push_back("excluded carriers " + Joined(o.excluded_carriers()));
  }
  if (o.capacity_factors_size() > 0) {
    std::string factors;
    for (const auto& f : o.capacity_factors()) {
      factors += (factors.empty() ? "" : ",") + f.route_id() + "=" + Factor(f.factor());
    }
    parts.push_back("factors " + factors);
  }
  if (o.extra_routes_size() > 0) {
    std::string ids;
    for (const auto& r : o.extra_routes()) ids += (ids.empty() ? "" : ",") + r.id();
    parts.push_back("extra routes " + ids);
  }
  if (parts.empty()) return "operating routes today";
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : "; ") + p;
  return out;
}

std::string RenderScenarioWrite(const v1::StoredScenario& scenario, const std::string& done) {
  return "scenario \"" + scenario.name() + "\" " + done + ": version " +
         std::to_string(scenario.version()) + "\n";
}

std::string RenderScenarioList(const v1::ListScenariosResponse& response) {
  if (response.scenarios().empty()) {
    return "No stored scenarios (network version " + std::to_string(response.network_version()) +
           "); create one with 'aircargo scenario create NAME ...'\n";
  }
  Table table({{"NAME"}, {"VERSION", Align::kRight}, {"UPDATED"}, {"BY"}, {"STATUS"}, {"WHAT-IF"}});
  std::string problems;
  for (const auto& s : response.scenarios()) {
    table.AddRow({s.name(), std::to_string(s.version()), Time(s.updated_time()), s.updated_by(),
                  Status(s), DescribeOverlay(s.overlay())});
    for (const auto& p : s.problems()) problems += "  " + s.name() + ": " + p + "\n";
  }
  std::string out = table.Render();
  if (!problems.empty()) {
    out += "\nStale against network version " + std::to_string(response.network_version()) +
           " (planning requests naming them are refused until they are updated):\n" + problems;
  }
  return out;
}

std::string RenderScenario(const v1::GetScenarioResponse& response) {
  const v1::StoredScenario& s = response.scenario();
  std::string out = RenderKeyValues({{"Name", s.name()},
                                     {"Description", s.description()},
                                     {"Version", std::to_string(s.version())},
                                     {"Updated", Time(s.updated_time()) + " by " + s.updated_by()},
                                     {"What-if", DescribeOverlay(s.overlay())},
                                     {"Status", Status(s) + " against network version " +
                                                    std::to_string(response.network_version())}});
  for (const auto& p : s.problems()) out += "  " + p + "\n";
  return out;
}

std::string RenderScenarioChange(const v1::WatchScenariosResponse& message) {
  if (!message.has_change()) return "heartbeat\n";
  const v1::StoredScenario& s = message.change().scenario();
  switch (message.change().kind()) {
    case v1::SCENARIO_CHANGE_KIND_CREATED:
      return "created " + s.name() + " version " + std::to_string(s.version()) + " by " +
             s.updated_by() + "\n";
    case v1::SCENARIO_CHANGE_KIND_UPDATED:
      return "updated " + s.name() + " version " + std::to_string(s.version()) + " by " +
             s.updated_by() + "\n";
    case v1::SCENARIO_CHANGE_KIND_DELETED:
      return "deleted " + s.name() + " (was version " + std::to_string(s.version()) + ")\n";
    case v1::SCENARIO_CHANGE_KIND_UNSPECIFIED:
    default:
      break;
  }
  return "change of " + s.name() + "\n";
}

}  // namespace aircargo::client
