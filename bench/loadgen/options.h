// Options of aircargo-loadgen: which server, which RPCs, how many closed-loop clients for how long.
// ParseOptions turns argv into Options or a one-line usage error; it never touches the network.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "bench/loadgen/rpcs.h"

namespace aircargo::loadgen {

struct Options {
  std::string server;
  // The modes to measure, in order; always starts with Mode::kEmpty (the same-run baseline).
  std::vector<Mode> modes;
  int clients = 4;
  double seconds = 10;
  double warmup_seconds = 1;
  std::uint64_t seed = 1;
  bool json = false;
  // Request parameters (see rpcs.h for the defaults' rationale).
  RequestSettings request;
  // Per-call deadline; a call that takes longer counts as a DEADLINE_EXCEEDED error.
  int deadline_ms = 10000;
};

struct ParseOutcome {
  std::optional<Options> options;  // set when the run should go ahead
  int exit_code = 0;               // when not: 0 after --help, 2 on a usage error
  std::string message;             // help text, or the one-line usage error
};

ParseOutcome ParseOptions(int argc, const char* const* argv);

}  // namespace aircargo::loadgen
