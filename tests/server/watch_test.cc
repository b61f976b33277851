// WatchNetwork and the ChangeFeed: resume from a version, OUT_OF_RANGE for compacted versions,
// heartbeats carrying the head version, a slow watcher closed with a resume status while writers
// carry on, and many watchers seeing the same changes in order.
#include <grpcpp/create_channel.h>
#include <gtest/gtest.h>

#include <atomic>
#include <thread>
#include <vector>

#include "aircargo/v1/network_edit_service.grpc.pb.h"
#include "server/change_feed.h"
#include "server/server.h"
#include "tests/server/test_network.h"

namespace aircargo::server {
namespace {

v1::EditRecord Record(std::int64_t version) {
  v1::EditRecord record;
  record.set_version(version);
  record.add_edits()->mutable_delete_route()->set_route_id("R" + std::to_string(version));
  return record;
}

TEST(ChangeFeed, ResumesFromAKeptVersionAndRefusesACompactedOne) {
  ChangeFeed feed(3, 1, {});
  for (int v = 2; v <= 6; ++v) feed.Publish(Record(v));
  EXPECT_EQ(feed.head(), 6);
  EXPECT_EQ(feed.oldest(), 4);
  auto kept = feed.Since(3, 100);
  ASSERT_TRUE(kept.ok());
  ASSERT_EQ(kept->size(), 3u);
  EXPECT_EQ((*kept)[0].version(), 4);
  EXPECT_EQ(feed.Since(2, 100).error().code, routes::ErrorCode::kOutOfRange);
  EXPECT_EQ(feed.Since(7, 100).error().code, routes::ErrorCode::kOutOfRange);
  EXPECT_TRUE(feed.Since(6, 100).ok());
}

TEST(ChangeFeed, ASlowWatcherIsClosedAndNeverBlocksTheWriter) {
  ChangeFeed feed(10'000, 1, {});
  auto slow = feed.Subscribe(1);
  ASSERT_TRUE(slow.ok());
  auto keeping_up = feed.Subscribe(1);
  ASSERT_TRUE(keeping_up.ok());
  std::int64_t seen = 1;
  const int writes = static_cast<int>(kWatchQueueLimit) * 3;
  for (int v = 2; v <= writes + 1; ++v) {
    feed.Publish(Record(v));  // returns at once whatever the watchers do
    v1::EditRecord record;
    ASSERT_TRUE((*keeping_up)->Next(std::chrono::milliseconds(0), &record));
    EXPECT_EQ(record.version(), ++seen);
  }
  EXPECT_TRUE((*slow)->overflowed());
  v1::EditRecord record;
  EXPECT_FALSE((*slow)->Next(std::chrono::milliseconds(0), &record));
  EXPECT_EQ(feed.watchers(), 1u) << "the overflowed watcher left the feed";
}

class WatchTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ServerOptions options{.listen = "", .threads = 1};
    options.watch_heartbeat = std::chrono::milliseconds(100);
    options.keep_edits = 5;
    std::string error;
    server_ = Server::Start(testing::TestNetwork(), options, &error);
    ASSERT_NE(server_, nullptr) << error;
    channel_ = server_->grpc_server().InProcessChannel(grpc::ChannelArguments());
    stub_ = v1::NetworkEditService::NewStub(channel_);
  }

  void Write(int flights) {
    v1::UpdateRouteRequest request;
    request.mutable_write()->set_expected_version(server_->snapshots().Get()->version());
    request.mutable_edit()->mutable_route()->set_id("YVR-SEA-TRUCK");
    request.mutable_edit()->mutable_route()->set_flights_per_week(flights);
    request.mutable_edit()->mutable_update_mask()->add_paths("flights_per_week");
    grpc::ClientContext context;
    v1::EditResponse response;
    ASSERT_TRUE(stub_->UpdateRoute(&context, request, &response).ok());
  }

  std::unique_ptr<Server> server_;
  std::shared_ptr<grpc::Channel> channel_;
  std::unique_ptr<v1::NetworkEditService::Stub> stub_;
};

TEST_F(WatchTest, SendsTheChangesAfterAVersionThenNewOnesThenHeartbeats) {
  Write(2);
  Write(3);  // versions 2 and 3
  grpc::ClientContext context;
  v1::WatchNetworkRequest request;
  request.set_from_version(2);
  auto reader = stub_->WatchNetwork(&context, request);
  v1::WatchNetworkResponse message;
  ASSERT_TRUE(reader->Read(&message));
  EXPECT_EQ(message.change().version(), 3);
  Write(4);
  ASSERT_TRUE(reader->Read(&message));
  EXPECT_EQ(message.change().version(), 4);
  EXPECT_EQ(message.change().edits(0).update_route().route().flights_per_week(), 4);
  ASSERT_TRUE(reader->Read(&message));
  EXPECT_TRUE(message.has_heartbeat());
  EXPECT_EQ(message.head_version(), 4);
  context.TryCancel();
  reader->Finish();
}

TEST_F(WatchTest, ACompactedVersionIsOutOfRange) {
  for (int f = 1; f <= 8; ++f) Write(f);  // versions 2..9; five kept: 5..9
  grpc::ClientContext context;
  v1::WatchNetworkRequest request;
  request.set_from_version(2);
  auto reader = stub_->WatchNetwork(&context, request);
  v1::WatchNetworkResponse message;
  EXPECT_FALSE(reader->Read(&message));
  const grpc::Status status = reader->Finish();
  EXPECT_EQ(status.error_code(), grpc::StatusCode::OUT_OF_RANGE);
  EXPECT_NE(status.error_message().find("re-read"), std::string::npos);
}

TEST_F(WatchTest, ManyWatchersSeeEveryChangeInOrder) {
  constexpr int kWatchers = 8;
  constexpr int kWrites = 10;
  std::vector<std::thread> threads;
  std::vector<std::vector<std::int64_t>> seen(kWatchers);
  std::atomic<int> subscribed{0};
  for (int w = 0; w < kWatchers; ++w) {
    threads.emplace_back([&, w] {
      grpc::ClientContext context;
      v1::WatchNetworkRequest request;
      request.set_from_version(1);
      auto reader = stub_->WatchNetwork(&context, request);
      ++subscribed;
      v1::WatchNetworkResponse message;
      while (seen[w].size() < kWrites && reader->Read(&message)) {
        if (message.has_change()) seen[w].push_back(message.change().version());
      }
      context.TryCancel();
      reader->Finish();
    });
  }
  while (subscribed < kWatchers) std::this_thread::yield();
  for (int f = 1; f <= kWrites; ++f) Write(f);
  for (auto& t : threads) t.join();
  for (const auto& versions : seen) {
    ASSERT_EQ(versions.size(), static_cast<std::size_t>(kWrites));
    for (int i = 0; i < kWrites; ++i) EXPECT_EQ(versions[i], i + 2);
  }
}

}  // namespace
}  // namespace aircargo::server
