#include "client/commands_demand.h"

#include <CLI/CLI.hpp>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>

#include "client/demand_csv.h"
#include "client/render_demand.h"
#include "client/scenario_flags.h"

namespace aircargo::client {
namespace {

struct DemandOptions {
  std::string file;
  bool fair = false;
  int top = 10;
  ScenarioFlags scenario;
};

Outcome Run(Session& session, const DemandOptions& options, bool upgrades) {
  std::ifstream in(options.file, std::ios::binary);
  if (!in) return Outcome::Fail(ExitCode::kUsage, "cannot read " + options.file);
  std::ostringstream text;
  text << in.rdbuf();
  v1::PlanDemandRequest request;
  std::string error;
  if (!ParseDemandCsv(text.str(), &request, &error)) {
    return Outcome::Fail(ExitCode::kUsage, options.file + ":" + error);
  }
  *request.mutable_scenario() = ToScenario(options.scenario);
  request.set_objective(options.fair ? v1::DEMAND_OBJECTIVE_FAIR_SHARE
                                     : v1::DEMAND_OBJECTIVE_MAX_DELIVERED);
  if (upgrades) {
    request.set_verify_upgrades(options.top);
    request.set_max_upgrades(options.top);
  }
  v1::PlanDemandResponse response;
  auto& stub = session.PlannerStub();
  Outcome outcome = session.Call(
      [&](grpc::ClientContext* context) { return stub.PlanDemand(context, request, &response); });
  if (!outcome.ok()) return outcome;
  return session.Print(response, [&] {
    return upgrades ? RenderDemandUpgrades(response) : RenderDemandPlan(response);
  });
}

void AddCommon(CLI::App& command, DemandOptions& options) {
  command
      .add_option("FILE", options.file,
                  "CSV lines origin,destination,tonnes_per_week[,priority] (priority default 1)")
      ->required();
  command.add_flag("--fair", options.fair,
                   "Fair share: the largest fraction every demand gets at once, then the most "
                   "delivered, then the least cost (default: the most delivered, then the least "
                   "cost)");
  AddScenarioFlags(command, options.scenario);
}

}  // namespace

void AddDemandCommands(CLI::App& app, CommandRegistry& registry) {
  CLI::App* demand = app.add_subcommand(
      "demand", "Many origin-destination demands sharing capacity (an LP): allocation, upgrades");
  demand->require_subcommand(1);

  auto plan = std::make_shared<DemandOptions>();
  CLI::App* plan_command = registry.Add(
      *demand, "plan",
      "Allocate the demands of FILE: delivered, shortfall, cost, route loads, shadow prices",
      [plan](Session& session) { return Run(session, *plan, false); });
  AddCommon(*plan_command, *plan);

  auto upgrades = std::make_shared<DemandOptions>();
  CLI::App* upgrades_command = registry.Add(
      *demand, "upgrades",
      "Rank single upgrades (+1 weekly flight, open a planned route, airport limit +10%) by "
      "predicted gain and verify the top N by re-solving",
      [upgrades](Session& session) { return Run(session, *upgrades, true); });
  AddCommon(*upgrades_command, *upgrades);
  upgrades_command->add_option("--top", upgrades->top, "Verify and show the N best (1..50)")
      ->check(CLI::Range(1, 50))
      ->capture_default_str();
}

}  // namespace aircargo::client
