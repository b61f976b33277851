// Test support for replicas: one replica's (or the balancer's) gRPC stubs with the calls the
// scale-out tests make, the gRPC health check, and waiting for a version to arrive.
#pragma once

#include <grpcpp/create_channel.h>
#include <grpcpp/generic/generic_stub.h>

#include <chrono>
#include <future>
#include <memory>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "aircargo/v1/network_edit_service.grpc.pb.h"
#include "aircargo/v1/network_service.grpc.pb.h"
#include "aircargo/v1/planner_service.grpc.pb.h"
#include "aircargo/v1/scenario_service.grpc.pb.h"

namespace aircargo::testing {

using Clock = std::chrono::steady_clock;
inline constexpr char kRoute[] = "SHE-LAX-CA";  // the route the tests edit

// One replica's stubs.
struct Replica {
  explicit Replica(const std::string& address)
      : channel(grpc::CreateChannel(address, grpc::InsecureChannelCredentials())),
        network(v1::NetworkService::NewStub(channel)),
        edits(v1::NetworkEditService::NewStub(channel)),
        planner(v1::PlannerService::NewStub(channel)),
        scenarios(v1::ScenarioService::NewStub(channel)) {}

  // The served version; -1 when the call fails.
  std::int64_t Version() const {
    grpc::ClientContext context;
    context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(5));
    v1::GetNetworkResponse response;
    if (!network->GetNetwork(&context, v1::GetNetworkRequest(), &response).ok()) return -1;
    return response.network_version();
  }

  // Sets kRoute's payload against `expected`; `*version` gets the version made.
  grpc::Status SetPayload(std::int64_t kg, std::int64_t expected, const std::string& request_id,
                          std::int64_t* version = nullptr) const {
    v1::UpdateRouteRequest request;
    request.mutable_write()->set_expected_version(expected);
    request.mutable_write()->set_request_id(request_id);
    request.mutable_edit()->mutable_route()->set_id(kRoute);
    request.mutable_edit()->mutable_route()->set_payload_kg(kg);
    request.mutable_edit()->mutable_update_mask()->add_paths("payload_kg");
    grpc::ClientContext context;
    context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(10));
    v1::EditResponse response;
    grpc::Status status = edits->UpdateRoute(&context, request, &response);
    if (version != nullptr) *version = response.network_version();
    return status;
  }

  // kRoute's payload as this replica serves it.
  std::int64_t Payload() const {
    v1::GetNetworkRequest request;
    request.set_view(v1::NETWORK_VIEW_FULL);
    grpc::ClientContext context;
    v1::GetNetworkResponse response;
    if (!network->GetNetwork(&context, request, &response).ok()) return -1;
    for (const auto& r : response.network().routes()) {
      if (r.id() == kRoute) return r.payload_kg();
    }
    return -1;
  }

  std::shared_ptr<grpc::Channel> channel;
  std::unique_ptr<v1::NetworkService::Stub> network;
  std::unique_ptr<v1::NetworkEditService::Stub> edits;
  std::unique_ptr<v1::PlannerService::Stub> planner;
  std::unique_ptr<v1::ScenarioService::Stub> scenarios;
};

// grpc.health.v1.Health/Check for `service` through a generic stub: 1 SERVING, 2 NOT_SERVING, -1
// when the call fails. The request is field 1 (service, a string); the answer field 1 (status).
inline int Health(const std::shared_ptr<grpc::Channel>& channel, const std::string& service) {
  grpc::GenericStub generic(channel);
  grpc::ClientContext context;
  context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(5));
  std::string bytes = "\x0a" + std::string(1, static_cast<char>(service.size())) + service;
  grpc::Slice slice(bytes);
  grpc::ByteBuffer request(&slice, 1);
  grpc::ByteBuffer response;
  std::promise<grpc::Status> done;
  generic.UnaryCall(&context, "/grpc.health.v1.Health/Check", grpc::StubOptions(), &request,
                    &response, [&done](grpc::Status s) { done.set_value(s); });
  if (!done.get_future().get().ok()) return -1;
  std::vector<grpc::Slice> slices;
  if (!response.Dump(&slices).ok()) return -1;
  std::string answer;
  for (const auto& s : slices) answer.append(reinterpret_cast<const char*>(s.begin()), s.size());
  return answer.size() == 2 && answer[0] == 0x08 ? answer[1] : 0;
}

// Waits up to `limit` for `replica` to serve `version`; how long it took, or nullopt.
inline std::optional<std::chrono::microseconds> WaitForVersion(
    const Replica& replica, std::int64_t version, Clock::duration limit,
    Clock::time_point since = Clock::now()) {
  while (Clock::now() - since < limit) {
    if (replica.Version() >= version) {
      return std::chrono::duration_cast<std::chrono::microseconds>(Clock::now() - since);
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  return std::nullopt;
}

}  // namespace aircargo::testing
