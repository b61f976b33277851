// Interchange commands:
//   aircargo import openflights --airports F --routes F [--planes F] [--airlines F]
//       [--countries F] -o FILE [--flights-per-week N] [--payload-kg N] [--default-payload-kg N]
//       [--skip-codeshares] [--skip-unknown-tz] [--strict] [--name NAME]
//     Offline (no server): imports the OpenFlights database (formats/openflights.h), validates
//     the result like aircargod would and writes FILE (.pb binary, text otherwise). Prints one
//     summary line; shows progress on stderr when stderr is a terminal and routes.dat is large.
//     Exit 3 when an input file is unreadable, a row is skipped under --strict, or the result
//     does not validate; 1 when FILE cannot be written.
//   aircargo export --format geojson|dot|svg [-o FILE] [--title T] [scenario flags]
//     Fetches the server's network (GetNetwork, FULL), applies the scenario flags client-side
//     (formats::ScenarioFromProto + routes::ScenarioView) and writes the map to FILE or stdout.
//     Unknown airports / routes in the flags: exit 3.
#pragma once

#include "client/command.h"

namespace aircargo::client {

void AddInterchangeCommands(CLI::App& app, CommandRegistry& registry);

}  // namespace aircargo::client
