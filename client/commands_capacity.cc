#include "client/commands_capacity.h"

#include <CLI/CLI.hpp>
#include <charconv>
#include <cmath>
#include <memory>
#include <string>
#include <vector>

#include "client/commands_itinerary.h"
#include "client/plan_map.h"
#include "client/render_capacity.h"
#include "client/render_compare.h"
#include "client/render_schedule_capacity.h"
#include "client/scenario_flags.h"
#include "client/text.h"
#include "formats/map_layer.h"

namespace aircargo::client {
namespace {

// The largest demand the server accepts, 1e12 kg, in tonnes.
constexpr double kMaxTonnes = 1e9;

struct EndpointOptions {
  std::string origin;
  std::vector<std::string> destinations;  // uppercased, comma-separated on the command line
  std::string country;
  ScenarioFlags scenario;
};

// `capacity` with --ready and --deadline asks ComputeScheduleCapacity instead.
struct CapacityOptions {
  EndpointOptions endpoints;
  std::string ready;       // local at the origin, or RFC 3339
  std::string deadline;    // local at the (first) destination, or RFC 3339
  double tonnes = 0;       // with --ready: the demand for the cheapest plan
  double load_factor = 0;  // with --ready: every flight's payload x this (0: 1)
  std::string svg;         // with --ready: draw the booked flights
  std::string geojson;
};

struct FlowOptions {
  EndpointOptions endpoints;
  double tonnes = 0;
};

struct ClosuresOptions {
  EndpointOptions endpoints;
  int top = 10;
};

struct CompareOptions {
  std::vector<std::string> pairs;  // "SHE:YVR", as typed
  std::string origin;
  std::string base_as_of;
  std::string base;       // --base NAME
  std::string with_name;  // --with NAME
  ScenarioFlags scenario;
};

std::string Upper(std::string value) { return ToUpperAscii(value); }

// Adds FROM, TO[,TO2] and --country; the server checks the codes themselves.
void AddEndpointOptions(CLI::App& command, EndpointOptions& options) {
  command.add_option("FROM", options.origin, "Origin airport (IATA)")->required()->transform(Upper);
  command
      .add_option("TO", options.destinations,
                  "Destination airport(s), comma-separated (IATA); capacity to all of them "
                  "together")
      ->delimiter(',')
      ->transform(Upper);
  command
      .add_option("--country", options.country,
                  "Every airport of this country (ISO 3166-1 alpha-2) is a destination")
      ->transform(Upper);
  AddScenarioFlags(command, options.scenario);
}

// A usage error unless exactly one of TO and --country is given.
Outcome CheckEndpoints(const EndpointOptions& options, const std::string& command) {
  if (options.destinations.empty() == options.country.empty()) {
    return Outcome::Fail(ExitCode::kUsage,
                         "give destination airports or --country, not " +
                             std::string(options.country.empty() ? "neither" : "both") +
                             " (see 'aircargo " + command + " --help')");
  }
  return Outcome::Ok();
}

template <typename Request>
void FillEndpoints(const EndpointOptions& options, Request& request) {
  request.set_origin(options.origin);
  for (const std::string& d : options.destinations) request.add_destinations(d);
  request.set_destination_country(options.country);
  *request.mutable_scenario() = ToScenario(options.scenario);
}

Outcome RunScheduleCapacity(Session& session, const CapacityOptions& options) {
  v1::ComputeScheduleCapacityRequest request;
  FillEndpoints(options.endpoints, request);
  if (IsRfc3339(options.ready)) {
    request.set_ready_time(options.ready);
  } else {
    request.set_ready_local(options.ready);
  }
  if (IsRfc3339(options.deadline)) {
    request.set_deadline_time(options.deadline);
  } else {
    request.set_deadline_local(options.deadline);
  }
  request.set_demand_kg(std::llround(options.tonnes * 1000.0));
  request.set_flight_capacity_factor(options.load_factor);
  v1::ComputeScheduleCapacityResponse response;
  auto& stub = session.PlannerStub();
  Outcome outcome = session.Call([&](grpc::ClientContext* context) {
    return stub.ComputeScheduleCapacity(context, request, &response);
  });
  if (!outcome.ok()) return outcome;
  if (!options.svg.empty() || !options.geojson.empty()) {
    std::string title = options.endpoints.origin + " ->";
    for (const std::string& d : response.destinations()) title += " " + d;
    const formats::MapDocument doc =
        ScheduleMap(response, title + " by " + response.deadline().local());
    for (const std::string* file : {&options.svg, &options.geojson}) {
      if (file->empty()) continue;
      const auto written = formats::WriteMapFile(doc, *file);
      if (!written.ok()) return Outcome::Fail(ExitCode::kUsage, written.error().ToString());
    }
  }
  return session.Print(response,
                       [&] { return RenderScheduleCapacity(response, options.endpoints.origin); });
}

Outcome RunCapacity(Session& session, const CapacityOptions& options) {
  if (Outcome usage = CheckEndpoints(options.endpoints, "capacity"); !usage.ok()) return usage;
  const bool scheduled = !options.ready.empty() || !options.deadline.empty();
  if (scheduled && (options.ready.empty() || options.deadline.empty())) {
    return Outcome::Fail(ExitCode::kUsage,
                         "give both --ready and --deadline for the capacity on dated flights "
                         "(see 'aircargo capacity --help')");
  }
  if (!scheduled && (options.tonnes > 0 || options.load_factor > 0 || !options.svg.empty() ||
                     !options.geojson.empty())) {
    return Outcome::Fail(ExitCode::kUsage,
                         "--tonnes, --load-factor, --svg and --geojson need --ready and "
                         "--deadline (for a weekly plan use 'aircargo flow')");
  }
  if (scheduled) return RunScheduleCapacity(session, options);
  v1::ComputeCapacityRequest request;
  FillEndpoints(options.endpoints, request);
  v1::ComputeCapacityResponse response;
  auto& stub = session.PlannerStub();
  Outcome outcome = session.Call([&](grpc::ClientContext* context) {
    return stub.ComputeCapacity(context, request, &response);
  });
  if (!outcome.ok()) return outcome;
  return session.Print(response,
                       [&] { return RenderCapacity(response, options.endpoints.origin); });
}

Outcome RunFlow(Session& session, const FlowOptions& options) {
  if (Outcome usage = CheckEndpoints(options.endpoints, "flow"); !usage.ok()) return usage;
  v1::PlanFlowRequest request;
  FillEndpoints(options.endpoints, request);
  request.set_demand_kg_per_week(std::llround(options.tonnes * 1000.0));
  v1::PlanFlowResponse response;
  auto& stub = session.PlannerStub();
  Outcome outcome = session.Call(
      [&](grpc::ClientContext* context) { return stub.PlanFlow(context, request, &response); });
  if (!outcome.ok()) return outcome;
  return session.Print(response,
                       [&] { return RenderFlowPlan(response, options.endpoints.origin); });
}

Outcome RunClosures(Session& session, const ClosuresOptions& options) {
  if (Outcome usage = CheckEndpoints(options.endpoints, "closures"); !usage.ok()) return usage;
  v1::AnalyzeClosuresRequest request;
  FillEndpoints(options.endpoints, request);
  request.set_limit(options.top);
  v1::AnalyzeClosuresResponse response;
  auto& stub = session.PlannerStub();
  Outcome outcome = session.Call([&](grpc::ClientContext* context) {
    return stub.AnalyzeClosures(context, request, &response);
  });
  if (!outcome.ok()) return outcome;
  return session.Print(response,
                       [&] { return RenderClosures(response, options.endpoints.origin); });
}

// "\"plan-2025\" (stored scenario, version 2)", "\"today\" (built-in)".
std::string DescribeSide(const std::string& label, const v1::ScenarioRef& ref) {
  if (ref.name().empty()) return "\"" + label + "\" (the routes operating today)";
  if (ref.version() == 0) return "\"" + label + "\" (built-in)";
  return "\"" + label + "\" (stored scenario, version " + std::to_string(ref.version()) + ")";
}

bool IsPlainPlanned(const ScenarioFlags& flags) {
  return flags.as_of.empty() && flags.close.empty() && flags.drop.empty() &&
         flags.exclude_carriers.empty() && flags.factors.empty();
}

Outcome RunCompare(Session& session, const CompareOptions& options) {
  v1::CompareScenariosRequest request;
  request.mutable_baseline()->set_as_of(options.base_as_of);
  request.mutable_baseline()->set_name(options.base);
  v1::Scenario alternative = ToScenario(options.scenario);
  // Without --with: the planned routes (under the flags given); with it: that scenario as stored.
  if (options.with_name.empty()) alternative.set_include_planned(true);
  alternative.set_name(options.with_name);
  *request.mutable_alternative() = alternative;
  for (const std::string& typed : options.pairs) {
    const std::string pair = ToUpperAscii(typed);
    const auto colon = pair.find(':');
    v1::OriginDestination* od = request.add_pairs();
    od->set_origin(pair.substr(0, colon));
    od->set_destination(pair.substr(colon + 1));
  }
  request.set_origin(options.origin);
  v1::CompareScenariosResponse response;
  auto& stub = session.PlannerStub();
  Outcome outcome = session.Call([&](grpc::ClientContext* context) {
    return stub.CompareScenarios(context, request, &response);
  });
  if (!outcome.ok()) return outcome;
  if (!options.base.empty() || !options.with_name.empty()) {
    const std::string base_label = options.base.empty() ? "today" : options.base;
    const std::string alt_label = options.with_name.empty() ? "+planned" : options.with_name;
    const std::string what =
        "Compares " + DescribeSide(base_label, response.baseline_stored_scenario()) + " with " +
        DescribeSide(alt_label, response.alternative_stored_scenario()) +
        "; planned routes include candidates with no flight announced "
        "(docs/data.md)\n\n";
    return session.Print(response,
                         [&] { return what + RenderComparison(response, base_label, alt_label); });
  }
  const std::string base_label = options.base_as_of.empty() ? "today" : options.base_as_of;
  const bool plain = IsPlainPlanned(options.scenario);
  const std::string alt_label = plain ? "+planned" : "alt";
  const std::string what =
      "Compares \"" + base_label + "\" (the routes operating " +
      (options.base_as_of.empty() ? "today" : "on " + options.base_as_of) + ") with \"" +
      alt_label + "\" (" +
      (plain ? "the same plus every planned route" : "the planned routes under your scenario") +
      "); planned routes include candidates with no flight announced (docs/data.md)\n\n";
  return session.Print(response,
                       [&] { return what + RenderComparison(response, base_label, alt_label); });
}

CLI::Validator TonnesValidator() {
  return CLI::Validator(
      [](std::string& value) -> std::string {
        double tonnes = 0;
        const char* end = value.data() + value.size();
        const auto [ptr, ec] = std::from_chars(value.data(), end, tonnes);
        if (ec != std::errc() || ptr != end || !std::isfinite(tonnes) || tonnes < 0 ||
            tonnes > kMaxTonnes) {
          return "must be a number of tonnes between 0 and 1e9, not \"" + value + "\"";
        }
        return {};
      },
      "TONNES", "Tonnes");
}

CLI::Validator PairValidator() {
  return CLI::Validator(
      [](std::string& value) -> std::string {
        const auto colon = value.find(':');
        if (colon == std::string::npos || colon == 0 || colon + 1 == value.size() ||
            value.find(':', colon + 1) != std::string::npos) {
          return "must be ORIGIN:DESTINATION (e.g. SHE:YVR), not \"" + value + "\"";
        }
        return {};
      },
      "FROM:TO", "Pair");
}

}  // namespace

void AddCapacityCommands(CLI::App& app, CommandRegistry& registry) {
  auto capacity = std::make_shared<CapacityOptions>();
  CLI::App* capacity_command = registry.Add(
      app, "capacity",
      "Maximum weekly capacity to the destinations, and the bottleneck; with --ready and "
      "--deadline: the tonnes that arrive in time on the dated flights, and which to book",
      [capacity](Session& session) { return RunCapacity(session, *capacity); });
  AddEndpointOptions(*capacity_command, capacity->endpoints);
  capacity_command
      ->add_option("--ready", capacity->ready,
                   "Cargo ready at the origin, local time \"YYYY-MM-DD HH:MM\" (or RFC 3339): "
                   "answer on the dated flights")
      ->check(TimeValidator("origin"));
  capacity_command
      ->add_option("--deadline", capacity->deadline,
                   "Delivered (import clearance done) by this local time at the destination "
                   "\"YYYY-MM-DD HH:MM\" (or RFC 3339); at most 31 days after --ready")
      ->check(TimeValidator("destination"));
  capacity_command
      ->add_option("--tonnes", capacity->tonnes,
                   "With --ready: also the cheapest booking plan for this many tonnes")
      ->check(TonnesValidator());
  capacity_command
      ->add_option("--load-factor", capacity->load_factor,
                   "With --ready: plan on this share of every flight's payload (0..1000]")
      ->check(CLI::Range(0.0, 1000.0));
  capacity_command->add_option("--svg", capacity->svg,
                               "With --ready: also draw the booked flights (and the saturated "
                               "ones) as an SVG map into FILE");
  capacity_command->add_option("--geojson", capacity->geojson,
                               "With --ready: also write the booked flights as GeoJSON into FILE");

  auto flow = std::make_shared<FlowOptions>();
  CLI::App* flow_command = registry.Add(
      app, "flow", "Cheapest weekly plan for a demand, with the shortfall if it does not fit",
      [flow](Session& session) { return RunFlow(session, *flow); });
  AddEndpointOptions(*flow_command, flow->endpoints);
  flow_command->add_option("--tonnes", flow->tonnes, "Weekly demand in tonnes")
      ->required()
      ->check(TonnesValidator());

  auto closures = std::make_shared<ClosuresOptions>();
  CLI::App* closures_command =
      registry.Add(app, "closures", "Capacity lost if each route or airport alone were closed",
                   [closures](Session& session) { return RunClosures(session, *closures); });
  AddEndpointOptions(*closures_command, closures->endpoints);
  closures_command->add_option("--top", closures->top, "Show the N largest losses (0: all)")
      ->check(CLI::Range(0, 10'000))
      ->capture_default_str();

  auto compare = std::make_shared<CompareOptions>();
  CLI::App* compare_command = registry.Add(
      app, "compare",
      "Today vs. with the planned routes (candidates included): capacity, transit, cost, legs and "
      "evidence per destination",
      [compare](Session& session) { return RunCompare(session, *compare); });
  compare_command
      ->add_option("--pairs", compare->pairs,
                   "Origin-destination pairs, comma-separated FROM:TO (default: --origin to "
                   "every other airport)")
      ->delimiter(',')
      ->check(PairValidator());
  compare_command
      ->add_option(
          "--origin", compare->origin,
          "Origin of the default pairs (default: the network's hub, the airport most routes leave)")
      ->transform(Upper);
  compare_command
      ->add_option("--base-as-of", compare->base_as_of,
                   "Date of the baseline (operating routes), YYYY-MM-DD (default: today)")
      ->check(CLI::Validator(
          [](std::string& v) -> std::string {
            const bool ok = v.size() == 10 && v[4] == '-' && v[7] == '-';
            return ok ? "" : "must be a date YYYY-MM-DD, not \"" + v + "\"";
          },
          "DATE", "IsoDate"));
  compare_command->add_option(
      "--base", compare->base,
      "Baseline: a stored scenario or built-in (today, today-with-planned) (default: today)");
  compare_command->add_option("--with", compare->with_name,
                              "Alternative: a stored scenario or built-in, the scenario flags "
                              "added to it (default: today with the planned routes)");
  AddScenarioFlags(*compare_command, compare->scenario, false);
}

}  // namespace aircargo::client
