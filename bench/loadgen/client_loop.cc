#include "bench/loadgen/client_loop.h"

#include <algorithm>
#include <chrono>
#include <latch>
#include <thread>

#include "bench/loadgen/pairs.h"

namespace aircargo::loadgen {
namespace {

using Clock = std::chrono::steady_clock;

struct ClientResult {
  std::uint64_t calls = 0;
  LatencyHistogram latency;
  std::map<grpc::StatusCode, std::uint64_t> errors;
  Clock::time_point last_answer;
};

Clock::duration Seconds(double s) {
  return std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(s));
}

}  // namespace

std::uint64_t ModeResult::error_count() const {
  std::uint64_t n = 0;
  for (const auto& [code, count] : errors) n += count;
  return n;
}

ModeResult RunMode(Mode mode, const Options& options,
                   const std::vector<std::shared_ptr<grpc::Channel>>& channels,
                   const std::vector<std::string>& airports) {
  const int clients = options.clients;
  std::vector<std::unique_ptr<Caller>> callers;
  for (int c = 0; c < clients; ++c) {
    callers.push_back(MakeCaller(mode, options.request, channels[c]));
  }
  std::vector<ClientResult> results(clients);
  std::latch ready(clients);
  std::latch go(1);
  Clock::time_point start;  // written before `go` opens, read after

  std::vector<std::thread> threads;
  for (int c = 0; c < clients; ++c) {
    threads.emplace_back([&, c] {
      PairSampler pairs(airports, options.seed, c);
      ClientResult& result = results[c];
      ready.count_down();
      go.wait();
      const Clock::time_point measure_from = start + Seconds(options.warmup_seconds);
      const Clock::time_point end = measure_from + Seconds(options.seconds);
      result.last_answer = measure_from;
      for (;;) {
        const Clock::time_point sent = Clock::now();
        if (sent >= end) break;
        const grpc::Status status = callers[c]->Call(pairs.Next(), options.deadline_ms);
        const Clock::time_point answered = Clock::now();
        if (sent < measure_from) continue;
        ++result.calls;
        result.last_answer = answered;
        if (status.ok()) {
          result.latency.Record(static_cast<std::uint64_t>(
              std::chrono::duration_cast<std::chrono::nanoseconds>(answered - sent).count()));
        } else {
          ++result.errors[status.error_code()];
        }
      }
    });
  }
  ready.wait();
  start = Clock::now();
  go.count_down();
  for (std::thread& t : threads) t.join();

  ModeResult total;
  total.mode = mode;
  Clock::time_point last = start + Seconds(options.warmup_seconds);
  const Clock::time_point measure_from = last;
  for (const ClientResult& r : results) {
    total.calls += r.calls;
    total.latency.Merge(r.latency);
    for (const auto& [code, count] : r.errors) total.errors[code] += count;
    last = std::max(last, r.last_answer);
  }
  total.seconds = std::chrono::duration<double>(last - measure_from).count();
  return total;
}

}  // namespace aircargo::loadgen
