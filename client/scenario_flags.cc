#include "client/scenario_flags.h"

#include <CLI/CLI.hpp>
#include <charconv>
#include <cmath>

#include "client/text.h"

namespace aircargo::client {
namespace {

bool IsIsoDate(const std::string& s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (s[i] < '0' || s[i] > '9') return false;
  }
  const int month = (s[5] - '0') * 10 + (s[6] - '0');
  const int day = (s[8] - '0') * 10 + (s[9] - '0');
  return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

// "ROUTE=FACTOR" with a finite factor >= 0; returns the error text, empty when fine.
std::string CheckFactor(const std::string& value) {
  const auto eq = value.rfind('=');
  if (eq == std::string::npos || eq == 0) return "must be ROUTE=FACTOR, not \"" + value + "\"";
  double factor = 0;
  const char* begin = value.data() + eq + 1;
  const char* end = value.data() + value.size();
  const auto [ptr, ec] = std::from_chars(begin, end, factor);
  if (ec != std::errc() || ptr != end || !std::isfinite(factor) || factor < 0) {
    return "factor must be a number >= 0, not \"" + value.substr(eq + 1) + "\"";
  }
  return {};
}

}  // namespace

void AddScenarioFlags(CLI::App& command, ScenarioFlags& flags, bool with_name) {
  const std::string group = "Scenario";
  if (with_name) {
    command
        .add_option("--scenario", flags.name,
                    "Start from this stored scenario (aircargo scenario list) or built-in "
                    "(today, today-with-planned); the other scenario flags add to it")
        ->group(group);
  }
  command
      .add_flag("--with-planned", flags.with_planned,
                "Include PLANNED routes (from their effective date)")
      ->group(group);
  command
      .add_option("--as-of", flags.as_of,
                  "Date the network is seen at, YYYY-MM-DD (default: today, UTC)")
      ->check(CLI::Validator(
          [](std::string& v) -> std::string {
            return IsIsoDate(v) ? "" : "must be a date YYYY-MM-DD, not \"" + v + "\"";
          },
          "DATE", "IsoDate"))
      ->group(group);
  command
      .add_option("--close", flags.close, "Treat these airports as closed (IATA, comma-separated)")
      ->delimiter(',')
      ->transform([](std::string v) { return ToUpperAscii(v); })
      ->group(group);
  command.add_option("--drop", flags.drop, "Treat these routes as closed (route ids)")
      ->delimiter(',')
      ->group(group);
  command
      .add_option("--exclude-carrier", flags.exclude_carriers, "Leave out these carriers' routes")
      ->delimiter(',')
      ->group(group);
  command
      .add_option("--factor", flags.factors,
                  "Scale a route's weekly capacity, ROUTE=FACTOR (e.g. SHE-YVR-W8=3)")
      ->delimiter(',')
      ->check(CLI::Validator([](std::string& v) { return CheckFactor(v); }, "ROUTE=FACTOR",
                             "CapacityFactor"))
      ->group(group);
}

v1::Scenario ToScenario(const ScenarioFlags& flags) {
  v1::Scenario scenario;
  scenario.set_name(flags.name);
  scenario.set_include_planned(flags.with_planned);
  scenario.set_as_of(flags.as_of);
  for (const auto& a : flags.close) scenario.add_closed_airports(a);
  for (const auto& r : flags.drop) scenario.add_closed_routes(r);
  for (const auto& c : flags.exclude_carriers) scenario.add_excluded_carriers(c);
  for (const auto& f : flags.factors) {
    const auto eq = f.rfind('=');
    v1::CapacityFactor* factor = scenario.add_capacity_factors();
    factor->set_route_id(f.substr(0, eq));
    factor->set_factor(std::stod(f.substr(eq + 1)));
  }
  return scenario;
}

}  // namespace aircargo::client
