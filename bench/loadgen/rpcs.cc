#include "bench/loadgen/rpcs.h"

#include <grpcpp/client_context.h>
#include <grpcpp/impl/client_unary_call.h>
#include <grpcpp/impl/rpc_method.h>
#include <grpcpp/support/byte_buffer.h>
#include <grpcpp/support/slice.h>

#include <array>
#include <chrono>
#include <ctime>
#include <iomanip>
#include <sstream>
#include <string>
#include <utility>

#include "aircargo/v1/planner_service.grpc.pb.h"

namespace aircargo::loadgen {
namespace {

struct ModeInfo {
  Mode mode;
  std::string_view name;
  std::string_view method;
};

constexpr std::array<ModeInfo, 8> kModes = {{
    {Mode::kEmpty, "empty", "/grpc.health.v1.Health/Check"},
    {Mode::kFindPaths, "find-paths", "/aircargo.v1.PlannerService/FindPaths"},
    {Mode::kPlanItinerary, "plan-itinerary", "/aircargo.v1.PlannerService/PlanItinerary"},
    {Mode::kComputeCapacity, "compute-capacity", "/aircargo.v1.PlannerService/ComputeCapacity"},
    {Mode::kPlanFlow, "plan-flow", "/aircargo.v1.PlannerService/PlanFlow"},
    {Mode::kCompare, "compare", "/aircargo.v1.PlannerService/CompareScenarios"},
    {Mode::kClosures, "closures", "/aircargo.v1.PlannerService/AnalyzeClosures"},
    {Mode::kScheduleCapacity, "schedule-capacity",
     "/aircargo.v1.PlannerService/ComputeScheduleCapacity"},
}};

void SetDeadline(grpc::ClientContext& context, int deadline_ms) {
  context.set_deadline(std::chrono::system_clock::now() + std::chrono::milliseconds(deadline_ms));
}

// grpc.health.v1.Health/Check with an empty HealthCheckRequest (service ""), through the same
// blocking unary path the generated stubs use; the response must be status SERVING. The health
// messages are encoded by hand (the request is zero bytes, SERVING is field 1 = 1) because no
// health.proto ships with the system gRPC.
class HealthCaller : public Caller {
 public:
  explicit HealthCaller(std::shared_ptr<grpc::Channel> channel)
      : channel_(std::move(channel)),
        method_(ModeMethod(Mode::kEmpty).data(), grpc::internal::RpcMethod::NORMAL_RPC, channel_) {}

  grpc::Status Call(const Pair& /*pair*/, int deadline_ms) override {
    grpc::ClientContext context;
    SetDeadline(context, deadline_ms);
    grpc::Slice empty("", 0);
    grpc::ByteBuffer request(&empty, 1);
    grpc::ByteBuffer response;
    grpc::Status status = grpc::internal::BlockingUnaryCall<grpc::ByteBuffer, grpc::ByteBuffer>(
        channel_.get(), method_, &context, request, &response);
    if (!status.ok()) return status;
    std::vector<grpc::Slice> slices;
    if (!response.Dump(&slices).ok()) return {grpc::StatusCode::INTERNAL, "unreadable response"};
    std::string bytes;
    for (const grpc::Slice& s : slices) {
      bytes.append(reinterpret_cast<const char*>(s.begin()), s.size());
    }
    if (bytes != std::string("\x08\x01", 2)) {
      return {grpc::StatusCode::UNAVAILABLE, "health check: not SERVING"};
    }
    return status;
  }

 private:
  std::shared_ptr<grpc::Channel> channel_;
  grpc::internal::RpcMethod method_;
};

// A planner RPC: the request is built once and only its endpoints change per call.
template <typename Request, typename Response>
class PlannerCaller : public Caller {
 public:
  using Method = grpc::Status (v1::PlannerService::Stub::*)(grpc::ClientContext*, const Request&,
                                                            Response*);
  using SetPair = void (*)(Request&, const Pair&);

  PlannerCaller(std::shared_ptr<grpc::Channel> channel, Request request, Method method,
                SetPair set_pair)
      : stub_(v1::PlannerService::NewStub(std::move(channel))),
        request_(std::move(request)),
        method_(method),
        set_pair_(set_pair) {}

  grpc::Status Call(const Pair& pair, int deadline_ms) override {
    grpc::ClientContext context;
    SetDeadline(context, deadline_ms);
    set_pair_(request_, pair);
    Response response;
    return ((*stub_).*method_)(&context, request_, &response);
  }

 private:
  std::unique_ptr<v1::PlannerService::Stub> stub_;
  Request request_;
  Method method_;
  SetPair set_pair_;
};

template <typename Request>
void SetOriginDestination(Request& request, const Pair& pair) {
  request.set_origin(pair.origin);
  request.set_destination(pair.destination);
}

template <typename Request>
void SetOriginDestinations(Request& request, const Pair& pair) {
  request.set_origin(pair.origin);
  request.clear_destinations();
  request.add_destinations(pair.destination);
}

// CompareScenarios' default pairs: the origin against every other airport.
void SetCompareOrigin(v1::CompareScenariosRequest& request, const Pair& pair) {
  request.set_origin(pair.origin);
}

}  // namespace

const std::vector<Mode>& AllModes() {
  static const std::vector<Mode> modes = [] {
    std::vector<Mode> all;
    for (const ModeInfo& info : kModes) {
      if (info.mode != Mode::kCompare && info.mode != Mode::kClosures &&
          info.mode != Mode::kScheduleCapacity) {
        all.push_back(info.mode);
      }
    }
    return all;
  }();
  return modes;
}

std::string_view ModeName(Mode mode) { return kModes[static_cast<int>(mode)].name; }
std::string_view ModeMethod(Mode mode) { return kModes[static_cast<int>(mode)].method; }

std::optional<Mode> ModeFromName(std::string_view name) {
  for (const ModeInfo& info : kModes) {
    if (info.name == name) return info.mode;
  }
  return std::nullopt;
}

std::unique_ptr<Caller> MakeCaller(Mode mode, const RequestSettings& settings,
                                   std::shared_ptr<grpc::Channel> channel) {
  using v1::PlannerService;
  switch (mode) {
    case Mode::kEmpty:
      return std::make_unique<HealthCaller>(std::move(channel));
    case Mode::kFindPaths: {
      v1::FindPathsRequest request;
      request.set_objective(v1::PATH_OBJECTIVE_DISTANCE);
      request.set_k(settings.k);
      return std::make_unique<PlannerCaller<v1::FindPathsRequest, v1::FindPathsResponse>>(
          std::move(channel), std::move(request), &PlannerService::Stub::FindPaths,
          &SetOriginDestination<v1::FindPathsRequest>);
    }
    case Mode::kPlanItinerary: {
      v1::PlanItineraryRequest request;
      request.set_ready_time(settings.ready_time.empty() ? NowRfc3339() : settings.ready_time);
      request.set_k(1);
      return std::make_unique<PlannerCaller<v1::PlanItineraryRequest, v1::PlanItineraryResponse>>(
          std::move(channel), std::move(request), &PlannerService::Stub::PlanItinerary,
          &SetOriginDestination<v1::PlanItineraryRequest>);
    }
    case Mode::kComputeCapacity:
      return std::make_unique<
          PlannerCaller<v1::ComputeCapacityRequest, v1::ComputeCapacityResponse>>(
          std::move(channel), v1::ComputeCapacityRequest(), &PlannerService::Stub::ComputeCapacity,
          &SetOriginDestinations<v1::ComputeCapacityRequest>);
    case Mode::kPlanFlow: {
      v1::PlanFlowRequest request;
      request.set_demand_kg_per_week(settings.demand_kg_per_week);
      return std::make_unique<PlannerCaller<v1::PlanFlowRequest, v1::PlanFlowResponse>>(
          std::move(channel), std::move(request), &PlannerService::Stub::PlanFlow,
          &SetOriginDestinations<v1::PlanFlowRequest>);
    }
    case Mode::kCompare:
      return std::make_unique<
          PlannerCaller<v1::CompareScenariosRequest, v1::CompareScenariosResponse>>(
          std::move(channel), v1::CompareScenariosRequest(),
          &PlannerService::Stub::CompareScenarios, &SetCompareOrigin);
    case Mode::kClosures:
      return std::make_unique<
          PlannerCaller<v1::AnalyzeClosuresRequest, v1::AnalyzeClosuresResponse>>(
          std::move(channel), v1::AnalyzeClosuresRequest(), &PlannerService::Stub::AnalyzeClosures,
          &SetOriginDestinations<v1::AnalyzeClosuresRequest>);
    case Mode::kScheduleCapacity: {
      v1::ComputeScheduleCapacityRequest request;
      const std::string ready = settings.ready_time.empty() ? NowRfc3339() : settings.ready_time;
      request.set_ready_time(ready);
      request.set_deadline_time(AddDaysRfc3339(ready, settings.schedule_window_days));
      request.set_demand_kg(20'000);
      return std::make_unique<
          PlannerCaller<v1::ComputeScheduleCapacityRequest, v1::ComputeScheduleCapacityResponse>>(
          std::move(channel), std::move(request), &PlannerService::Stub::ComputeScheduleCapacity,
          &SetOriginDestinations<v1::ComputeScheduleCapacityRequest>);
    }
  }
  return nullptr;
}

std::string AddDaysRfc3339(const std::string& utc, int days) {
  std::tm parsed{};
  std::istringstream in(utc);
  in >> std::get_time(&parsed, "%Y-%m-%dT%H:%M:%S");
  if (in.fail()) return utc;  // the server then names the field
  const std::time_t later = timegm(&parsed) + static_cast<std::time_t>(days) * 86'400;
  std::tm out{};
  gmtime_r(&later, &out);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &out);
  return text;
}

std::string NowRfc3339() {
  const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm utc{};
  gmtime_r(&now, &utc);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return text;
}

}  // namespace aircargo::loadgen
