#include "client/commands_paths.h"

#include <CLI/CLI.hpp>
#include <charconv>
#include <cmath>
#include <memory>
#include <string>
#include <vector>

#include "aircargo/v1/planner_service.grpc.pb.h"
#include "client/command.h"
#include "client/plan_map.h"
#include "client/render_paths.h"
#include "client/scenario_flags.h"
#include "client/text.h"

namespace aircargo::client {
namespace {

struct PathOptions {
  std::string origin;
  std::string destination;
  std::string by = "distance";
  int k = 1;
  bool pareto = false;
  int max_legs = 0;
  std::string min_capacity;  // normalised to kilograms by the validator
  std::vector<std::string> via;
  std::vector<std::string> avoid;
  std::vector<std::string> modes;
  ScenarioFlags scenario;
  std::string svg;      // --svg FILE: draw the paths as an SVG map
  std::string geojson;  // --geojson FILE: the paths as GeoJSON
};

// Draws the answer into each map file asked for, at the positions its legs carry.
Outcome WritePathMaps(const PathOptions& options, const v1::FindPathsResponse& response) {
  if (options.svg.empty() && options.geojson.empty()) return Outcome::Ok();
  const formats::MapDocument doc =
      PathsMap(response, ToUpperAscii(options.origin) + " to " + ToUpperAscii(options.destination));
  for (const std::string* file : {&options.svg, &options.geojson}) {
    if (file->empty()) continue;
    const auto written = formats::WriteMapFile(doc, *file);
    if (!written.ok()) return Outcome::Fail(ExitCode::kUsage, written.error().ToString());
  }
  return Outcome::Ok();
}

v1::PathObjective ObjectiveFor(const std::string& by) {
  if (by == "time") return v1::PATH_OBJECTIVE_TRANSIT_TIME;
  if (by == "cost") return v1::PATH_OBJECTIVE_COST;
  if (by == "legs") return v1::PATH_OBJECTIVE_LEGS;
  return v1::PATH_OBJECTIVE_DISTANCE;
}

v1::Mode ModeFor(const std::string& mode) {
  if (mode == "freighter") return v1::MODE_FREIGHTER;
  if (mode == "belly") return v1::MODE_BELLY;
  if (mode == "truck") return v1::MODE_TRUCK;
  return v1::MODE_UNSPECIFIED;
}

CLI::Validator CapacityValidator() {
  return CLI::Validator(
      [](std::string& value) -> std::string {
        const auto kg = ParseCapacityKg(value);
        if (!kg) {
          return "must be a weekly capacity like 40t, 40000kg or 40000, not \"" + value + "\"";
        }
        value = std::to_string(*kg);
        return {};
      },
      "CAPACITY", "Capacity");
}

Outcome RunPath(Session& session, const PathOptions& options) {
  v1::FindPathsRequest request;
  request.set_origin(ToUpperAscii(options.origin));
  request.set_destination(ToUpperAscii(options.destination));
  *request.mutable_scenario() = ToScenario(options.scenario);
  request.set_objective(ObjectiveFor(options.by));
  request.set_k(options.k);
  request.set_pareto(options.pareto);
  request.set_max_legs(options.max_legs);
  if (!options.min_capacity.empty()) {
    request.set_min_capacity_kg_per_week(ParseCapacityKg(options.min_capacity).value_or(0));
  }
  for (const std::string& code : options.via) request.add_via(ToUpperAscii(code));
  for (const std::string& code : options.avoid) request.add_avoid(ToUpperAscii(code));
  for (const std::string& mode : options.modes) request.add_modes(ModeFor(ToLowerAscii(mode)));

  v1::FindPathsResponse response;
  auto& stub = session.PlannerStub();
  Outcome outcome = session.Call(
      [&](grpc::ClientContext* context) { return stub.FindPaths(context, request, &response); });
  if (!outcome.ok()) return outcome;
  outcome = session.Print(
      response, [&] { return RenderPaths(response, request.origin(), request.destination()); });
  if (!outcome.ok()) return outcome;
  return WritePathMaps(options, response);
}

}  // namespace

std::optional<std::int64_t> ParseCapacityKg(std::string_view text) {
  std::string value = ToLowerAscii(text);
  double scale = 1;
  if (value.size() > 2 && value.ends_with("kg")) {
    value.resize(value.size() - 2);
  } else if (value.size() > 1 && value.ends_with("t")) {
    value.resize(value.size() - 1);
    scale = 1000;
  }
  if (value.empty()) return std::nullopt;
  double number = 0;
  const char* end = value.data() + value.size();
  const auto [ptr, ec] = std::from_chars(value.data(), end, number);
  if (ec != std::errc() || ptr != end || !std::isfinite(number) || number < 0) {
    return std::nullopt;
  }
  const double kg = number * scale;
  if (kg > 1e15) return std::nullopt;
  if (scale == 1 && kg != std::floor(kg)) return std::nullopt;  // whole kilograms only
  return static_cast<std::int64_t>(std::llround(kg));
}

void AddPathCommands(CLI::App& app, CommandRegistry& registry) {
  auto options = std::make_shared<PathOptions>();
  CLI::App* command = registry.Add(
      app, "path", "Find the best routings between two airports (k alternatives or Pareto set)",
      [options](Session& session) { return RunPath(session, *options); });
  command->add_option("FROM", options->origin, "Origin airport (IATA)")->required();
  command->add_option("TO", options->destination, "Destination airport (IATA)")->required();
  command->add_option("--by", options->by, "Objective: time, distance, cost or legs")
      ->check(CLI::IsMember({"time", "distance", "cost", "legs"}, CLI::ignore_case))
      ->capture_default_str();
  command->add_option("-k", options->k, "Number of alternatives, 1..50")
      ->check(CLI::Range(1, 50))
      ->capture_default_str();
  command->add_flag("--pareto", options->pareto,
                    "Every non-dominated path over transit time, cost and legs");
  command->add_option("--max-legs", options->max_legs, "At most this many legs (0 = unlimited)")
      ->check(CLI::Range(0, 10));
  command
      ->add_option("--min-capacity", options->min_capacity,
                   "Every leg carries at least this per week (40t, 40000kg or 40000)")
      ->check(CapacityValidator());
  command->add_option("--svg", options->svg, "Also draw the paths as an SVG map into FILE");
  command->add_option("--geojson", options->geojson, "Also write the paths as GeoJSON into FILE");
  command->add_option("--via", options->via, "Pass these airports in order (IATA, comma-separated)")
      ->delimiter(',');
  command->add_option("--avoid", options->avoid, "Never touch these airports (comma-separated)")
      ->delimiter(',');
  command->add_option("--mode", options->modes, "Allowed modes: freighter, belly, truck")
      ->delimiter(',')
      ->check(CLI::IsMember({"freighter", "belly", "truck"}, CLI::ignore_case));
  AddScenarioFlags(*command, options->scenario);
}

}  // namespace aircargo::client
