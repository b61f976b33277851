// The RPCs aircargo-loadgen calls, one Caller per client thread: the empty baseline
// (grpc.health.v1.Health/Check, the cheapest round trip the server answers) and the four planning
// RPCs with realistic default requests, plus the two world-scale reports (CompareScenarios of the
// pair's origin against every airport, today vs with planned; AnalyzeClosures of the pair). A
// Caller is used by one thread only.
#pragma once

#include <grpcpp/channel.h>
#include <grpcpp/support/status.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace aircargo::loadgen {

enum class Mode {
  kEmpty,
  kFindPaths,
  kPlanItinerary,
  kComputeCapacity,
  kPlanFlow,
  kCompare,
  kClosures,
  kScheduleCapacity
};

// Every mode, in the order `--rpc all` runs them (the baseline first; the two reports, which take
// far longer per call, and schedule-capacity only when named).
const std::vector<Mode>& AllModes();
// The --rpc name ("empty", "find-paths", ...) and the gRPC method it calls.
std::string_view ModeName(Mode mode);
std::string_view ModeMethod(Mode mode);
std::optional<Mode> ModeFromName(std::string_view name);

struct RequestSettings {
  // FindPaths: k paths by distance.
  int k = 1;
  // PlanItinerary: ready time, RFC 3339 UTC (empty: the time the run starts).
  std::string ready_time;
  // ComputeScheduleCapacity: ready_time (as above) to this many days later, 20 t demand.
  int schedule_window_days = 7;
  // ComputeCapacity is unparameterised; PlanFlow ships this much per week (20 t).
  std::int64_t demand_kg_per_week = 20'000;
};

struct Pair {
  std::string origin;
  std::string destination;
};

class Caller {
 public:
  virtual ~Caller() = default;
  // One blocking call for the pair (ignored by the empty mode), with the given deadline.
  virtual grpc::Status Call(const Pair& pair, int deadline_ms) = 0;
};

std::unique_ptr<Caller> MakeCaller(Mode mode, const RequestSettings& settings,
                                   std::shared_ptr<grpc::Channel> channel);

// The current time as RFC 3339 UTC to the second ("2026-11-28T18:00:00Z").
std::string NowRfc3339();
// An RFC 3339 UTC instant "YYYY-MM-DDTHH:MM:SSZ" plus `days`; the text unchanged when malformed.
std::string AddDaysRfc3339(const std::string& utc, int days);

}  // namespace aircargo::loadgen
