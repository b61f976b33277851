// Stored scenario commands (aircargo.v1.ScenarioService):
//
//   aircargo scenario create NAME [scenario flags] [--description TEXT]      CreateScenario
//   aircargo scenario update NAME [scenario flags] [--description TEXT] [--add]
//                            [--expected-version N]                          UpdateScenario
//   aircargo scenario list | show NAME | delete NAME [--expected-version N]
//   aircargo scenario watch [--count N]                                      WatchScenarios
//
// The scenario flags are the planning commands' (--with-planned, --close, --drop, --factor, ...).
// `update` replaces the overlay by the flags given, or with --add adds them to the stored one (the
// merge rule of requests, formats/stored_scenario.h); a description not given is kept;
// --expected-version defaults to the version read just before. A conflict (ABORTED) exits 6,
// ALREADY_EXISTS and NOT_FOUND exit 3 (client/exit_codes.h). Every planning command takes
// --scenario NAME, and `compare` takes --base NAME --with NAME (commands_capacity.cc).
#pragma once

#include "client/command.h"

namespace aircargo::client {

void AddScenarioCommands(CLI::App& app, CommandRegistry& registry);

}  // namespace aircargo::client
