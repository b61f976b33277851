#include "bench/loadgen/options.h"

#include <CLI/CLI.hpp>
#include <algorithm>
#include <sstream>

namespace aircargo::loadgen {
namespace {

// The first line of a CLI11 message (some span several lines).
std::string FirstLine(const std::string& text) { return text.substr(0, text.find('\n')); }

}  // namespace

ParseOutcome ParseOptions(int argc, const char* const* argv) {
  CLI::App app{
      "aircargo-loadgen: closed-loop gRPC load on aircargod. Each client thread sends one call, "
      "waits for the answer and sends the next, over its own channel (own TCP connection), with "
      "seeded random origin/destination pairs of served airports. The empty baseline "
      "(grpc.health.v1.Health/Check) always runs first, with the same clients and duration, and "
      "every mode is reported as a ratio to it."};
  app.option_defaults()->always_capture_default();
  Options options;
  std::vector<std::string> rpcs = {"all"};
  app.add_option("--server", options.server, "aircargod address, host:port")->required();
  app.add_option(
         "--rpc", rpcs,
         "find-paths, plan-itinerary, compute-capacity, plan-flow, compare (origin "
         "against every airport), closures, schedule-capacity (7 days from the ready time), "
         "empty or all (every mode but compare, closures and schedule-capacity; "
         "comma-separated list allowed)")
      ->delimiter(',')
      ->check(CLI::IsMember({"find-paths", "plan-itinerary", "compute-capacity", "plan-flow",
                             "compare", "closures", "schedule-capacity", "empty", "all"}));
  app.add_option("--clients", options.clients, "concurrent closed-loop clients")
      ->check(CLI::Range(1, 256));
  app.add_option("--seconds", options.seconds, "measured seconds per mode")
      ->check(CLI::Range(0.01, 3600.0));
  app.add_option("--warmup-seconds", options.warmup_seconds,
                 "unmeasured seconds per mode before the measurement")
      ->check(CLI::Range(0.0, 600.0));
  app.add_option("--seed", options.seed, "seed of the origin/destination pairs");
  app.add_flag("--json", options.json, "print one JSON object instead of the table");
  app.add_option("-k", options.request.k, "FindPaths: paths per query (distance objective)")
      ->check(CLI::Range(1, 50));
  app.add_option("--ready", options.request.ready_time,
                 "PlanItinerary: ready time, RFC 3339 (default: when the run starts)");
  app.add_option("--demand-kg", options.request.demand_kg_per_week,
                 "PlanFlow: kilograms per week to ship")
      ->check(CLI::Range(std::int64_t{1}, std::int64_t{1'000'000'000'000}));
  app.add_option("--deadline-ms", options.deadline_ms, "per-call deadline")
      ->check(CLI::Range(1, 600'000));

  ParseOutcome outcome;
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp&) {
    outcome.message = app.help();
    return outcome;
  } catch (const CLI::ParseError& e) {
    outcome.exit_code = 2;
    outcome.message = "aircargo-loadgen: " + FirstLine(e.what()) + " (see --help)";
    return outcome;
  }

  options.modes = {Mode::kEmpty};
  for (const std::string& name : rpcs) {
    if (name == "all") {
      options.modes = AllModes();
      break;
    }
    const Mode mode = *ModeFromName(name);
    if (std::find(options.modes.begin(), options.modes.end(), mode) == options.modes.end()) {
      options.modes.push_back(mode);
    }
  }
  outcome.options = std::move(options);
  return outcome;
}

}  // namespace aircargo::loadgen
