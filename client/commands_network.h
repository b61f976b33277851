// The NetworkService commands: `network`, `airports [--country CC]`, `airport IATA` and
// `routes [--from X] [--to Y] [--carrier C] [--status S]`. Airport and country codes are sent in
// upper case, so users may type them in any case.
#pragma once

#include "client/command.h"

namespace aircargo::client {

// Returns the `airport` command, to which the edit commands add `airport set`.
CLI::App& AddNetworkCommands(CLI::App& app, CommandRegistry& registry);

}  // namespace aircargo::client
