// ComputeSlots (server/compute_slots.h): at most N computations at once, the rest wait in line
// until a slot frees or their StopCheck fires; and a server with one slot answers many concurrent
// callers instead of turning them away.
#include "server/compute_slots.h"

#include <grpcpp/create_channel.h>
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <future>
#include <thread>
#include <vector>

#include "aircargo/v1/planner_service.grpc.pb.h"
#include "server/server.h"
#include "tests/server/test_network.h"

namespace aircargo::server {
namespace {

using namespace std::chrono_literals;

TEST(ComputeSlots, HandsOutDistinctWorkspacesUpToItsSize) {
  ComputeSlots slots(2);
  ASSERT_EQ(slots.size(), 2u);
  routes::StopCheck never;
  auto a = slots.Acquire(never);
  auto b = slots.Acquire(never);
  ASSERT_TRUE(a.ok());
  ASSERT_TRUE(b.ok());
  EXPECT_NE(&a.value().workspaces(), &b.value().workspaces());
}

TEST(ComputeSlots, AFullPoolMakesTheNextCallerWaitUntilASlotIsReturned) {
  ComputeSlots slots(1);
  routes::StopCheck never;
  std::optional<routes::Result<ComputeSlots::Lease>> held(slots.Acquire(never));
  ASSERT_TRUE(held->ok());
  ComputeSlots::Workspaces* first = &held->value().workspaces();

  std::atomic<bool> acquired{false};
  auto waiter = std::async(std::launch::async, [&] {
    auto lease = slots.Acquire(never);
    acquired = true;
    return lease.ok() && &lease.value().workspaces() == first;
  });
  EXPECT_EQ(waiter.wait_for(50ms), std::future_status::timeout);
  EXPECT_FALSE(acquired);
  held.reset();  // returns the slot
  EXPECT_TRUE(waiter.get());
  EXPECT_TRUE(acquired);
}

TEST(ComputeSlots, AWaitingCallerGivesUpWithTheStopChecksError) {
  ComputeSlots slots(1);
  routes::StopCheck never;
  auto held = slots.Acquire(never);
  ASSERT_TRUE(held.ok());
  auto expired = routes::StopCheck::After(-1ms);
  auto lease = slots.Acquire(expired);
  ASSERT_FALSE(lease.ok());
  EXPECT_EQ(lease.error().code, routes::ErrorCode::kDeadlineExceeded);
}

TEST(ComputeSlots, ZeroMeansOneSlotPerHardwareThread) {
  ComputeSlots slots(0);
  EXPECT_EQ(slots.size(), std::max(1u, std::thread::hardware_concurrency()));
}

TEST(ComputeSlotsServer, OneSlotAnswersEveryConcurrentCallerInsteadOfTurningThemAway) {
  std::string error;
  auto server =
      Server::Start(testing::TestNetwork(), ServerOptions{.listen = "", .threads = 1}, &error);
  ASSERT_NE(server, nullptr) << error;
  auto channel = server->grpc_server().InProcessChannel(grpc::ChannelArguments());
  constexpr int kCallers = 8;
  constexpr int kCallsEach = 25;
  std::atomic<int> ok{0};
  std::vector<std::thread> callers;
  for (int c = 0; c < kCallers; ++c) {
    callers.emplace_back([&] {
      auto stub = v1::PlannerService::NewStub(channel);
      for (int i = 0; i < kCallsEach; ++i) {
        v1::FindPathsRequest request;
        request.set_origin("SHE");
        request.set_destination("SEA");
        request.set_k(3);
        v1::FindPathsResponse response;
        grpc::ClientContext context;
        context.set_deadline(std::chrono::system_clock::now() + 30s);
        auto status = stub->FindPaths(&context, request, &response);
        if (status.ok() && response.paths_size() > 0) ++ok;
      }
    });
  }
  for (auto& t : callers) t.join();
  EXPECT_EQ(ok.load(), kCallers * kCallsEach);
}

}  // namespace
}  // namespace aircargo::server
