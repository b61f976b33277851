// Deterministic stops, per planning RPC: the server's StopCheck is replaced (ServerOptions::
// stop_check) by one whose deadline has already passed, or one that cancels at an exact poll, so
// every assertion holds on any machine and under any load (no timing, no log parsing). The timed
// runs on the world network are tests/server/deadline_test.cc.
#include <grpcpp/create_channel.h>
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "aircargo/v1/planner_service.grpc.pb.h"
#include "server/server.h"
#include "tests/server/test_network.h"

namespace aircargo::server {
namespace {

using Clock = routes::StopCheck::Clock;

// One planning call of each RPC on the test network, each of which polls its StopCheck.
struct Rpc {
  std::string name;
  std::function<grpc::Status(v1::PlannerService::Stub&)> call;
};

std::vector<Rpc> EveryPlanningRpc() {
  std::vector<Rpc> rpcs;
  rpcs.push_back({"FindPaths", [](v1::PlannerService::Stub& stub) {
                    v1::FindPathsRequest request;
                    request.set_origin("SHE");
                    request.set_destination("SEA");
                    request.set_k(3);
                    grpc::ClientContext context;
                    v1::FindPathsResponse response;
                    return stub.FindPaths(&context, request, &response);
                  }});
  rpcs.push_back({"FindPaths pareto", [](v1::PlannerService::Stub& stub) {
                    v1::FindPathsRequest request;
                    request.set_origin("SHE");
                    request.set_destination("SEA");
                    request.set_pareto(true);
                    grpc::ClientContext context;
                    v1::FindPathsResponse response;
                    return stub.FindPaths(&context, request, &response);
                  }});
  rpcs.push_back({"PlanItinerary", [](v1::PlannerService::Stub& stub) {
                    v1::PlanItineraryRequest request;
                    request.set_origin("SHE");
                    request.set_destination("SEA");
                    request.set_ready_time("2025-06-01T12:00:00+08:00");
                    grpc::ClientContext context;
                    v1::PlanItineraryResponse response;
                    return stub.PlanItinerary(&context, request, &response);
                  }});
  rpcs.push_back({"ComputeCapacity", [](v1::PlannerService::Stub& stub) {
                    v1::ComputeCapacityRequest request;
                    request.set_origin("SHE");
                    request.add_destinations("SEA");
                    request.add_destinations("ICN");
                    grpc::ClientContext context;
                    v1::ComputeCapacityResponse response;
                    return stub.ComputeCapacity(&context, request, &response);
                  }});
  rpcs.push_back({"PlanFlow", [](v1::PlannerService::Stub& stub) {
                    v1::PlanFlowRequest request;
                    request.set_origin("SHE");
                    request.set_destination_country("US");
                    request.set_demand_kg_per_week(1'000'000);
                    grpc::ClientContext context;
                    v1::PlanFlowResponse response;
                    return stub.PlanFlow(&context, request, &response);
                  }});
  rpcs.push_back({"AnalyzeClosures", [](v1::PlannerService::Stub& stub) {
                    v1::AnalyzeClosuresRequest request;
                    request.set_origin("SHE");
                    request.add_destinations("SEA");
                    grpc::ClientContext context;
                    v1::AnalyzeClosuresResponse response;
                    return stub.AnalyzeClosures(&context, request, &response);
                  }});
  rpcs.push_back({"CompareScenarios", [](v1::PlannerService::Stub& stub) {
                    v1::CompareScenariosRequest request;
                    request.set_origin("SHE");
                    request.mutable_alternative()->set_include_planned(true);
                    grpc::ClientContext context;
                    v1::CompareScenariosResponse response;
                    return stub.CompareScenarios(&context, request, &response);
                  }});
  rpcs.push_back({"PlanDemand", [](v1::PlannerService::Stub& stub) {
                    v1::PlanDemandRequest request;
                    for (const char* to : {"SEA", "ICN", "YVR"}) {
                      v1::Demand* d = request.add_demands();
                      d->set_origin("SHE");
                      d->set_destination(to);
                      d->set_kg_per_week(60'000);
                    }
                    request.set_verify_upgrades(2);
                    grpc::ClientContext context;
                    v1::PlanDemandResponse response;
                    return stub.PlanDemand(&context, request, &response);
                  }});
  rpcs.push_back({"ComputeScheduleCapacity", [](v1::PlannerService::Stub& stub) {
                    v1::ComputeScheduleCapacityRequest request;
                    request.set_origin("SHE");
                    request.add_destinations("SEA");
                    request.set_ready_time("2025-06-01T12:00:00+08:00");
                    request.set_deadline_time("2025-06-04T12:00:00Z");
                    request.set_demand_kg(30'000);
                    grpc::ClientContext context;
                    v1::ComputeScheduleCapacityResponse response;
                    return stub.ComputeScheduleCapacity(&context, request, &response);
                  }});
  return rpcs;
}

// A server over the test network whose planning requests stop as `maker` says.
struct StoppingServer {
  explicit StoppingServer(StopCheckMaker maker) {
    std::string error;
    server = Server::Start(
        testing::TestNetwork(),
        ServerOptions{.listen = "", .threads = 1, .stop_check = std::move(maker)}, &error);
    if (server == nullptr) ADD_FAILURE() << error;
    stub = v1::PlannerService::NewStub(
        server->grpc_server().InProcessChannel(grpc::ChannelArguments()));
  }
  std::unique_ptr<Server> server;
  std::unique_ptr<v1::PlannerService::Stub> stub;
};

// Counts the StopCheck's looks (stride 1: every poll looks) and cancels at look `cancel_at`.
struct PollCounter {
  std::atomic<long> looks{0};
  std::atomic<long> cancel_at{0};  // 0: never

  StopCheckMaker Maker() {
    return [this](const grpc::ServerContext*, std::chrono::milliseconds) {
      looks = 0;
      return RequestStop{routes::StopCheck(
                             Clock::time_point::max(),
                             [this] {
                               const long look = ++looks;
                               return cancel_at != 0 && look >= cancel_at;
                             },
                             /*stride=*/1),
                         false};
    };
  }
};

TEST(StopTest, EveryRpcAnswersDeadlineExceededWhenTheDeadlineHasAlreadyPassed) {
  StoppingServer s([](const grpc::ServerContext*, std::chrono::milliseconds) {
    return RequestStop{routes::StopCheck(Clock::now() - std::chrono::milliseconds(1)), false};
  });
  for (const Rpc& rpc : EveryPlanningRpc()) {
    const grpc::Status status = rpc.call(*s.stub);
    EXPECT_EQ(status.error_code(), grpc::StatusCode::DEADLINE_EXCEEDED)
        << rpc.name << ": " << status.error_message();
  }
}

TEST(StopTest, EveryRpcAnswersResourceExhaustedWhenTheComputeBudgetHasRunOut) {
  StoppingServer s([](const grpc::ServerContext*, std::chrono::milliseconds) {
    return RequestStop{routes::StopCheck(Clock::now() - std::chrono::milliseconds(1)), true};
  });
  for (const Rpc& rpc : EveryPlanningRpc()) {
    const grpc::Status status = rpc.call(*s.stub);
    EXPECT_EQ(status.error_code(), grpc::StatusCode::RESOURCE_EXHAUSTED) << rpc.name;
    EXPECT_EQ(status.error_message().rfind(
                  "compute: the request needed more than the server's compute budget of", 0),
              0u)
        << rpc.name << ": " << status.error_message();
  }
}

// Each RPC runs once to count its polls (P), then again cancelled half way through (at poll
// P/2 + 1, after the handler's own look and inside the core): CANCELLED. With the cancel at P + 1,
// past the last poll, the same request answers OK.
TEST(StopTest, EveryRpcStopsWithCancelledWhenCancelledMidRun) {
  PollCounter counter;
  StoppingServer s(counter.Maker());
  for (const Rpc& rpc : EveryPlanningRpc()) {
    counter.cancel_at = 0;
    const grpc::Status full = rpc.call(*s.stub);
    ASSERT_TRUE(full.ok()) << rpc.name << ": " << full.error_message();
    const long polls = counter.looks;
    // The handler looks once before the core; the core must poll too.
    ASSERT_GE(polls, 2) << rpc.name << " never polls its StopCheck inside the core";

    counter.cancel_at = polls / 2 + 1;
    const grpc::Status cancelled = rpc.call(*s.stub);
    EXPECT_EQ(cancelled.error_code(), grpc::StatusCode::CANCELLED)
        << rpc.name << " cancelled at poll " << polls / 2 + 1 << " of " << polls << ": "
        << cancelled.error_message();
    EXPECT_EQ(counter.looks, polls / 2 + 1) << rpc.name << " went on polling after the cancel";

    counter.cancel_at = polls + 1;
    EXPECT_TRUE(rpc.call(*s.stub).ok()) << rpc.name;
  }
}

}  // namespace
}  // namespace aircargo::server
