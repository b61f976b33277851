// The capacity-plan commands (PlannerService ComputeCapacity, PlanFlow, AnalyzeClosures,
// CompareScenarios):
//   aircargo capacity FROM TO[,TO2...] | --country CC      maximum t/week and the bottleneck
//   aircargo capacity FROM TO --ready T --deadline T [--tonnes N] [--load-factor F]
//                                                          on the dated flights (ComputeSchedule-
//                                                          Capacity): booking plan and cut
//   aircargo flow FROM TO[,TO2...] --tonnes T             minimum-cost weekly plan, shortfall
//   aircargo closures FROM TO[,TO2...] [--top N]           capacity lost per single closure
//   aircargo compare [--pairs SHE:YVR,...] [--origin SHE] [--base-as-of DATE]
//                                                          today vs. with planned routes
// Each takes the shared scenario flags (client/scenario_flags.h); for `compare` they describe the
// alternative, which includes planned routes (--with-planned is implied), while the baseline is
// the operating network as of --base-as-of (default today). Codes are sent in upper case.
#pragma once

#include "client/command.h"

namespace aircargo::client {

void AddCapacityCommands(CLI::App& app, CommandRegistry& registry);

}  // namespace aircargo::client
