// The load generator's output: a table for people, or one JSON object (--json) for
// scripts/bench-report. Latencies in microseconds. Every mode carries its ratios to the empty
// baseline of the same run: p50_ratio = p50 / empty p50 (lower is better) and throughput_ratio =
// calls/s / empty calls/s (higher is better).
#pragma once

#include <cstdint>
#include <ostream>
#include <string>
#include <vector>

#include "bench/loadgen/client_loop.h"
#include "bench/loadgen/options.h"
#include "client/exit_codes.h"

namespace aircargo::loadgen {

struct RunInfo {
  std::string network_name;
  std::int64_t network_version = 0;
  int airports = 0;
  int served_airports = 0;
  std::string ready_time;  // what PlanItinerary used
};

void PrintTable(const Options& options, const RunInfo& info, const std::vector<ModeResult>& results,
                std::ostream& out);
void PrintJson(const Options& options, const RunInfo& info, const std::vector<ModeResult>& results,
               std::ostream& out);

// "RESOURCE_EXHAUSTED", ...: the CLI's names (client/exit_codes.h).
using client::StatusCodeName;

}  // namespace aircargo::loadgen
