// RunMode: the closed loop. `clients` threads, each with its own Caller on its own channel, start
// together; each sends a call, waits for the answer and sends the next until the time is up.
// Calls that start during the warm-up are not recorded; calls that start in the measured window
// are, including the last ones that finish after it (the window is stretched to the last answer).
// Latency is recorded for successful calls; failed calls are counted by status code.
#pragma once

#include <grpcpp/channel.h>
#include <grpcpp/support/status_code_enum.h>

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "bench/loadgen/histogram.h"
#include "bench/loadgen/options.h"
#include "bench/loadgen/rpcs.h"

namespace aircargo::loadgen {

struct ModeResult {
  Mode mode = Mode::kEmpty;
  std::uint64_t calls = 0;   // successful + failed, in the measured window
  double seconds = 0;        // the measured window, to the last answer
  LatencyHistogram latency;  // successful calls only
  std::map<grpc::StatusCode, std::uint64_t> errors;

  std::uint64_t error_count() const;
  std::uint64_t ok_count() const { return calls - error_count(); }
  // Throughput counts successful calls only: a server that rejects calls fast is not faster.
  double ok_per_second() const { return seconds > 0 ? ok_count() / seconds : 0; }
  double calls_per_second() const { return seconds > 0 ? calls / seconds : 0; }
};

// `channels` holds one channel per client (options.clients of them).
ModeResult RunMode(Mode mode, const Options& options,
                   const std::vector<std::shared_ptr<grpc::Channel>>& channels,
                   const std::vector<std::string>& airports);

}  // namespace aircargo::loadgen
