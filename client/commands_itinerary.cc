#include "client/commands_itinerary.h"

#include <CLI/CLI.hpp>
#include <charconv>
#include <cmath>
#include <memory>

#include "aircargo/v1/itinerary.pb.h"
#include "client/render_itinerary.h"
#include "client/scenario_flags.h"
#include "client/text.h"

namespace aircargo::client {
namespace {

constexpr std::int64_t kMaxHorizonMinutes = 60 * 24 * 60;

struct ItineraryOptions {
  std::string origin;
  std::string destination;
  std::string ready;
  std::string arrive_by;
  double tonnes = 0;
  int k = 1;
  std::string horizon = "14d";
  int max_legs = 0;
  ScenarioFlags scenario;
};

Outcome RunItinerary(Session& session, const ItineraryOptions& options) {
  v1::PlanItineraryRequest request;
  request.set_origin(ToUpperAscii(options.origin));
  request.set_destination(ToUpperAscii(options.destination));
  *request.mutable_scenario() = ToScenario(options.scenario);
  if (IsRfc3339(options.ready)) {
    request.set_ready_time(options.ready);
  } else {
    request.set_ready_local(options.ready);
  }
  if (!options.arrive_by.empty()) {
    if (IsRfc3339(options.arrive_by)) {
      request.set_arrive_by_time(options.arrive_by);
    } else {
      request.set_arrive_by_local(options.arrive_by);
    }
  }
  request.set_shipment_kg(static_cast<std::int64_t>(std::llround(options.tonnes * 1000)));
  request.set_k(options.k);
  // The validator let only well-formed horizons through.
  request.set_horizon_minutes(
      static_cast<std::int32_t>(ParseHorizonMinutes(options.horizon).value_or(0)));
  request.set_max_legs(options.max_legs);

  v1::PlanItineraryResponse response;
  auto& stub = session.PlannerStub();
  Outcome outcome = session.Call([&](grpc::ClientContext* context) {
    return stub.PlanItinerary(context, request, &response);
  });
  if (!outcome.ok()) return outcome;
  return session.Print(response, [&] { return RenderItineraries(request, response); });
}

}  // namespace

// An RFC 3339 instant carries a 'T' and a zone ("Z" or "+08:00"); local times carry neither.
bool IsRfc3339(const std::string& text) {
  if (text.size() < 17 || (text[10] != 'T' && text[10] != 't')) return false;
  const char last = text.back();
  if (last == 'Z' || last == 'z') return true;
  const std::size_t sign = text.size() - 6;
  return text.size() > 16 + 6 && (text[sign] == '+' || text[sign] == '-') && text[sign + 3] == ':';
}

CLI::Validator TimeValidator(const char* what) {
  return CLI::Validator(
      [what](std::string& value) -> std::string {
        const bool local_shape = value.size() == 16 && value[4] == '-' && value[7] == '-' &&
                                 (value[10] == ' ' || value[10] == 'T') && value[13] == ':';
        if (local_shape || IsRfc3339(value)) return {};
        return std::string("must be a local time at the ") + what +
               " \"YYYY-MM-DD HH:MM\" or an RFC 3339 instant, not \"" + value + "\"";
      },
      "TIME", "Time");
}

std::optional<std::int64_t> ParseHorizonMinutes(const std::string& text) {
  if (text.empty()) return std::nullopt;
  std::int64_t unit = 24 * 60;  // plain numbers are days
  std::string_view digits = text;
  switch (text.back()) {
    case 'd':
      digits.remove_suffix(1);
      break;
    case 'h':
      unit = 60;
      digits.remove_suffix(1);
      break;
    case 'm':
      unit = 1;
      digits.remove_suffix(1);
      break;
    default:
      break;
  }
  std::int64_t value = 0;
  const auto [ptr, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
  if (digits.empty() || ec != std::errc() || ptr != digits.data() + digits.size() || value <= 0 ||
      value > kMaxHorizonMinutes || value * unit > kMaxHorizonMinutes) {
    return std::nullopt;
  }
  return value * unit;
}

void AddItineraryCommands(CLI::App& app, CommandRegistry& registry) {
  auto options = std::make_shared<ItineraryOptions>();
  CLI::App* command = registry.Add(
      app, "itinerary",
      "Dated flights to book from a ready time: earliest arrivals, waits, latest hand-over",
      [options](Session& session) { return RunItinerary(session, *options); });
  command->add_option("ORIGIN", options->origin, "Origin airport (IATA)")->required();
  command->add_option("DEST", options->destination, "Destination airport (IATA)")->required();
  command
      ->add_option("--ready", options->ready,
                   "When the cargo is ready, local time at the origin \"YYYY-MM-DD HH:MM\" "
                   "(or an RFC 3339 instant)")
      ->required()
      ->check(TimeValidator("origin"));
  command
      ->add_option("--arrive-by", options->arrive_by,
                   "Deliver by this local time at the destination \"YYYY-MM-DD HH:MM\": also "
                   "prints the latest hand-over time that makes it")
      ->check(TimeValidator("destination"));
  command->add_option("--tonnes", options->tonnes, "Shipment weight; smaller flights are skipped")
      ->check(CLI::Range(0.0, 1.0e7));
  command->add_option("-k", options->k, "How many itineraries, earliest delivery first")
      ->check(CLI::Range(1, 20))
      ->capture_default_str();
  command
      ->add_option("--horizon", options->horizon,
                   "How far ahead to look for flights: 14d, 36h, 90m (at most 60d)")
      ->check(CLI::Validator(
          [](std::string& value) -> std::string {
            return ParseHorizonMinutes(value)
                       ? ""
                       : "must be a duration like 14d, 36h or 90m, more than 0 and at most 60d, "
                         "not \"" +
                             value + "\"";
          },
          "DURATION", "Horizon"))
      ->capture_default_str();
  command->add_option("--max-legs", options->max_legs, "Most legs per itinerary (default 4)")
      ->check(CLI::Range(1, 6));
  AddScenarioFlags(*command, options->scenario);
}

}  // namespace aircargo::client
