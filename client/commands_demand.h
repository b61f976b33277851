// The demand allocation commands (PlannerService.PlanDemand):
//   aircargo demand plan FILE.csv [--fair] [scenario flags]
//       per-demand delivered / shortfall / cost, per-route loads, saturated limits' shadow prices
//   aircargo demand upgrades FILE.csv [--top N] [--fair] [scenario flags]
//       candidate upgrades ranked by predicted gain, the top N (1..50) verified by re-solving
// FILE is CSV origin,destination,tonnes_per_week[,priority] (client/demand_csv.h); a file that
// cannot be read or parsed is a usage error (exit 2) naming the line.
#pragma once

#include "client/command.h"

namespace aircargo::client {

void AddDemandCommands(CLI::App& app, CommandRegistry& registry);

}  // namespace aircargo::client
