// The scenario flags every planning command shares (--scenario NAME, --with-planned, --as-of,
// --close, --drop, --exclude-carrier, --factor), and their mapping to aircargo.v1.Scenario.
// Malformed values are usage errors (exit 2) caught while parsing; unknown airports or routes are
// the server's to judge.
#pragma once

#include <string>
#include <vector>

#include "aircargo/v1/network.pb.h"

namespace CLI {
class App;
}  // namespace CLI

namespace aircargo::client {

struct ScenarioFlags {
  std::string name;  // a stored scenario (or built-in) to start from; the other flags add to it
  bool with_planned = false;
  std::string as_of;               // "YYYY-MM-DD" or empty (the server's today)
  std::vector<std::string> close;  // airports, uppercased
  std::vector<std::string> drop;   // route ids
  std::vector<std::string> exclude_carriers;
  std::vector<std::string> factors;  // "ROUTE=FACTOR", validated
};

// Adds the flags to `command`; values land in `flags`, which must outlive the parse. Without
// `with_name` there is no --scenario (commands that store a scenario or name it otherwise).
void AddScenarioFlags(CLI::App& command, ScenarioFlags& flags, bool with_name = true);

// The Scenario message for validated flags.
v1::Scenario ToScenario(const ScenarioFlags& flags);

}  // namespace aircargo::client
