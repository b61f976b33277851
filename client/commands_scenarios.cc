#include "client/commands_scenarios.h"

#include <CLI/CLI.hpp>
#include <memory>
#include <string>

#include "client/render_scenarios.h"
#include "client/scenario_flags.h"
#include "client/watch_stream.h"
#include "formats/stored_scenario.h"

namespace aircargo::client {
namespace {

struct WriteOptions {
  std::string name;
  std::string description;
  bool description_given = false;
  bool add = false;
  std::int64_t expected_version = 0;
  ScenarioFlags scenario;
};

Outcome Get(Session& session, const std::string& name, v1::GetScenarioResponse* response) {
  v1::GetScenarioRequest request;
  request.set_name(name);
  auto& stub = session.ScenarioStub();
  return session.Call(
      [&](grpc::ClientContext* context) { return stub.GetScenario(context, request, response); });
}

Outcome RunCreate(Session& session, const WriteOptions& options) {
  v1::CreateScenarioRequest request;
  request.mutable_scenario()->set_name(options.name);
  request.mutable_scenario()->set_description(options.description);
  *request.mutable_scenario()->mutable_overlay() = ToScenario(options.scenario);
  v1::StoredScenario response;
  auto& stub = session.ScenarioStub();
  Outcome outcome = session.Call([&](grpc::ClientContext* context) {
    return stub.CreateScenario(context, request, &response);
  });
  if (!outcome.ok()) return outcome;
  return session.Print(response, [&] { return RenderScenarioWrite(response, "created"); });
}

Outcome RunUpdate(Session& session, const WriteOptions& options) {
  v1::GetScenarioResponse current;
  Outcome outcome = Get(session, options.name, &current);
  if (!outcome.ok()) return outcome;
  v1::UpdateScenarioRequest request;
  v1::StoredScenario* scenario = request.mutable_scenario();
  scenario->set_name(options.name);
  scenario->set_description(options.description_given ? options.description
                                                      : current.scenario().description());
  const v1::Scenario flags = ToScenario(options.scenario);
  *scenario->mutable_overlay() =
      options.add ? formats::MergeScenarios(current.scenario().overlay(), flags) : flags;
  request.set_expected_version(options.expected_version > 0 ? options.expected_version
                                                            : current.scenario().version());
  v1::StoredScenario response;
  auto& stub = session.ScenarioStub();
  outcome = session.Call([&](grpc::ClientContext* context) {
    return stub.UpdateScenario(context, request, &response);
  });
  if (!outcome.ok()) return outcome;
  return session.Print(response, [&] { return RenderScenarioWrite(response, "updated"); });
}

Outcome RunList(Session& session) {
  v1::ListScenariosRequest request;
  v1::ListScenariosResponse response;
  auto& stub = session.ScenarioStub();
  Outcome outcome = session.Call([&](grpc::ClientContext* context) {
    return stub.ListScenarios(context, request, &response);
  });
  if (!outcome.ok()) return outcome;
  return session.Print(response, [&] { return RenderScenarioList(response); });
}

Outcome RunShow(Session& session, const std::string& name) {
  v1::GetScenarioResponse response;
  Outcome outcome = Get(session, name, &response);
  if (!outcome.ok()) return outcome;
  return session.Print(response, [&] { return RenderScenario(response); });
}

struct DeleteOptions {
  std::string name;
  std::int64_t expected_version = 0;
};

Outcome RunDelete(Session& session, const DeleteOptions& options) {
  v1::DeleteScenarioRequest request;
  request.set_name(options.name);
  request.set_expected_version(options.expected_version);
  v1::DeleteScenarioResponse response;
  auto& stub = session.ScenarioStub();
  Outcome outcome = session.Call([&](grpc::ClientContext* context) {
    return stub.DeleteScenario(context, request, &response);
  });
  if (!outcome.ok()) return outcome;
  return session.Print(response, [&] {
    return "scenario \"" + options.name + "\" deleted (was version " +
           std::to_string(response.version()) + ")\n";
  });
}

Outcome RunWatch(Session& session, int count) {
  v1::WatchScenariosRequest request;
  grpc::ClientContext context;
  session.Authorize(context);
  auto& stub = session.ScenarioStub();
  auto reader = stub.WatchScenarios(&context, request);
  return FollowWatch<v1::WatchScenariosResponse>(
      session, context, *reader, count, [&](const v1::WatchScenariosResponse& message) {
        if (!message.has_change()) return Outcome::Ok();
        Outcome printed = session.Print(message, [&] { return RenderScenarioChange(message); });
        session.out().flush();
        return printed;
      });
}

void AddWriteOptions(CLI::App& command, WriteOptions& options) {
  command.add_option("NAME", options.name, "The scenario's name ([A-Za-z0-9._-], 1 to 64)")
      ->required();
  command.add_option("--description", options.description, "What the scenario is for")
      ->each([&options](const std::string&) { options.description_given = true; });
  AddScenarioFlags(command, options.scenario, false);
}

}  // namespace

void AddScenarioCommands(CLI::App& app, CommandRegistry& registry) {
  CLI::App* scenario =
      app.add_subcommand("scenario", "Stored what-if scenarios, used by name with --scenario");
  scenario->require_subcommand(1);

  auto create = std::make_shared<WriteOptions>();
  CLI::App* create_command =
      registry.Add(*scenario, "create", "Store a scenario under a new name (CreateScenario)",
                   [create](Session& session) { return RunCreate(session, *create); });
  AddWriteOptions(*create_command, *create);

  auto update = std::make_shared<WriteOptions>();
  CLI::App* update_command = registry.Add(
      *scenario, "update",
      "Replace a stored scenario's what-if by the flags given, or --add them (UpdateScenario)",
      [update](Session& session) { return RunUpdate(session, *update); });
  AddWriteOptions(*update_command, *update);
  update_command->add_flag("--add", update->add,
                           "Add the flags to the stored what-if instead of replacing it");
  update_command
      ->add_option("--expected-version", update->expected_version,
                   "The scenario version this update was made against (default: read it first)")
      ->check(CLI::PositiveNumber);

  registry.Add(*scenario, "list", "Every stored scenario; stale ones with their problems",
               [](Session& session) { return RunList(session); });

  auto show_name = std::make_shared<std::string>();
  CLI::App* show_command =
      registry.Add(*scenario, "show", "One stored scenario in detail",
                   [show_name](Session& session) { return RunShow(session, *show_name); });
  show_command->add_option("NAME", *show_name, "The scenario's name")->required();

  auto del = std::make_shared<DeleteOptions>();
  CLI::App* delete_command =
      registry.Add(*scenario, "delete", "Delete a stored scenario",
                   [del](Session& session) { return RunDelete(session, *del); });
  delete_command->add_option("NAME", del->name, "The scenario's name")->required();
  delete_command
      ->add_option("--expected-version", del->expected_version,
                   "Delete only if the scenario is still at this version")
      ->check(CLI::PositiveNumber);

  auto count = std::make_shared<int>(0);
  CLI::App* watch_command =
      registry.Add(*scenario, "watch", "Print every scenario change as it happens",
                   [count](Session& session) { return RunWatch(session, *count); });
  watch_command->add_option("--count", *count, "Stop after this many changes")
      ->check(CLI::PositiveNumber);
}

}  // namespace aircargo::client
