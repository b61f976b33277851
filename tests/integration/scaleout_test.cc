// Replicas on one PostgreSQL store (issue 20; label scaleout): a PostgreSQL server started by the
// test (tests/integration/postgres_server.h), real aircargod replicas with --store postgresql://,
// driven over gRPC. Edits made through one replica are read and watched through the others, the
// same expected_version sent to two replicas at once succeeds exactly once, a replica started
// late reaches the same version and answers, and while PostgreSQL is down reads go on, writes fail
// with UNAVAILABLE, and nothing acknowledged is lost when it comes back.
#include <grpcpp/create_channel.h>
#include <grpcpp/generic/generic_stub.h>
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <future>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "aircargo/v1/network_edit_service.grpc.pb.h"
#include "aircargo/v1/network_service.grpc.pb.h"
#include "aircargo/v1/planner_service.grpc.pb.h"
#include "aircargo/v1/scenario_service.grpc.pb.h"
#include "tests/integration/postgres_server.h"
#include "tests/integration/process.h"
#include "tests/integration/replica_client.h"

namespace aircargo::testing {
namespace {

constexpr char kServer[] = AIRCARGOD_PATH;

class Scaleout : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_TRUE(pg_.started()) << pg_.error(); }

  std::unique_ptr<ServerProcess> Start() {
    auto server = std::make_unique<ServerProcess>(
        kServer, std::vector<std::string>{"--store", pg_.url(), "--log-level", "warn"});
    EXPECT_TRUE(server->started()) << server->startup_line();
    return server;
  }

  PostgresServer pg_;
};

TEST_F(Scaleout, AnEditThroughOneReplicaIsReadAndWatchedThroughTheOther) {
  auto a_server = Start();
  auto b_server = Start();
  ASSERT_TRUE(a_server->started() && b_server->started());
  Replica a(a_server->address());
  Replica b(b_server->address());
  const std::int64_t start = a.Version();
  ASSERT_EQ(b.Version(), start);

  // A watcher on B from the current version.
  constexpr int kEdits = 20;
  std::vector<v1::EditRecord> watched;
  grpc::ClientContext watch_context;
  watch_context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(60));
  v1::WatchNetworkRequest watch_request;
  watch_request.set_from_version(start);
  auto stream = b.edits->WatchNetwork(&watch_context, watch_request);
  std::thread watcher([&] {
    v1::WatchNetworkResponse event;
    while (static_cast<int>(watched.size()) < kEdits && stream->Read(&event)) {
      if (event.has_change()) watched.push_back(event.change());
    }
  });

  std::chrono::microseconds worst{0};
  std::chrono::microseconds total{0};
  for (int i = 1; i <= kEdits; ++i) {
    std::int64_t version = 0;
    const auto status = a.SetPayload(50'000 + i, start + i - 1, "", &version);
    ASSERT_TRUE(status.ok()) << status.error_message();
    const auto written = Clock::now();
    ASSERT_EQ(version, start + i);
    const auto delay = WaitForVersion(b, version, std::chrono::seconds(10), written);
    ASSERT_TRUE(delay.has_value()) << "B never served version " << version;
    worst = std::max(worst, *delay);
    total += *delay;
    EXPECT_EQ(b.Payload(), 50'000 + i);
  }
  watcher.join();
  watch_context.TryCancel();
  ASSERT_EQ(watched.size(), static_cast<std::size_t>(kEdits));
  for (int i = 0; i < kEdits; ++i) {
    EXPECT_EQ(watched[i].version(), start + i + 1);
    EXPECT_EQ(watched[i].edits(0).update_route().route().payload_kg(), 50'001 + i);
  }
  std::printf("propagation A -> B over %d edits: mean %.2f ms, worst %.2f ms\n", kEdits,
              total.count() / 1000.0 / kEdits, worst.count() / 1000.0);
}

TEST_F(Scaleout, TheSameExpectedVersionAtTwoReplicasSucceedsExactlyOnce) {
  auto a_server = Start();
  auto b_server = Start();
  ASSERT_TRUE(a_server->started() && b_server->started());
  std::vector<Replica> replicas;
  replicas.emplace_back(a_server->address());
  replicas.emplace_back(b_server->address());
  constexpr int kRounds = 15;
  std::int64_t version = replicas[0].Version();
  for (int round = 0; round < kRounds; ++round) {
    // Alternate: both replicas current, or B not yet caught up with A's last write.
    if (round % 2 == 0) {
      ASSERT_TRUE(WaitForVersion(replicas[1], version, std::chrono::seconds(10)));
    }
    std::atomic<int> ready{0};
    grpc::Status statuses[2];
    std::int64_t made[2] = {0, 0};
    std::vector<std::thread> writers;
    for (int r = 0; r < 2; ++r) {
      writers.emplace_back([&, r] {
        ++ready;
        while (ready.load() < 2) {
        }
        statuses[r] = replicas[r].SetPayload(60'000 + round * 10 + r, version, "", &made[r]);
      });
    }
    for (auto& w : writers) w.join();
    int ok = 0;
    for (int r = 0; r < 2; ++r) {
      if (statuses[r].ok()) {
        ++ok;
        EXPECT_EQ(made[r], version + 1);
      } else {
        EXPECT_EQ(statuses[r].error_code(), grpc::StatusCode::ABORTED)
            << "round " << round << ": " << statuses[r].error_message();
      }
    }
    ASSERT_EQ(ok, 1) << "round " << round << ": " << statuses[0].error_message() << " | "
                     << statuses[1].error_message();
    const std::int64_t winner = statuses[0].ok() ? 0 : 1;
    ++version;
    for (const Replica& replica : replicas) {
      ASSERT_TRUE(WaitForVersion(replica, version, std::chrono::seconds(10)));
      EXPECT_EQ(replica.Payload(), 60'000 + round * 10 + winner);
    }
  }
}

TEST_F(Scaleout, AReplicaStartedAfterAThousandEditsServesTheSameVersionAndAnswers) {
  auto a_server = Start();
  auto b_server = Start();
  ASSERT_TRUE(a_server->started() && b_server->started());
  Replica a(a_server->address());
  Replica b(b_server->address());
  std::int64_t version = a.Version();
  constexpr int kEdits = 1000;
  for (int i = 0; i < kEdits; ++i) {
    const Replica& through = i % 2 == 0 ? a : b;  // both replicas write
    if (i % 2 == 1) {
      ASSERT_TRUE(WaitForVersion(b, version, std::chrono::seconds(10)));
    }
    const auto status = through.SetPayload(40'000 + i, version, "late-" + std::to_string(i));
    ASSERT_TRUE(status.ok()) << "edit " << i << ": " << status.error_message();
    ++version;
  }
  auto c_server = Start();
  ASSERT_TRUE(c_server->started());
  Replica c(c_server->address());
  v1::ComputeCapacityRequest request;
  request.set_origin("SHE");
  request.add_destinations("LAX");
  std::string answers[3];
  const Replica* all[3] = {&a, &b, &c};
  for (int r = 0; r < 3; ++r) {
    ASSERT_TRUE(WaitForVersion(*all[r], version, std::chrono::seconds(10))) << "replica " << r;
    EXPECT_EQ(all[r]->Payload(), 40'000 + kEdits - 1);
    grpc::ClientContext context;
    v1::ComputeCapacityResponse response;
    ASSERT_TRUE(all[r]->planner->ComputeCapacity(&context, request, &response).ok());
    EXPECT_EQ(response.network_version(), version);
    answers[r] = response.SerializeAsString();
  }
  EXPECT_EQ(answers[0], answers[1]);
  EXPECT_EQ(answers[0], answers[2]);
}

TEST_F(Scaleout, WhilePostgresIsDownReadsGoOnWritesFailAndNothingAcknowledgedIsLost) {
  auto a_server = Start();
  auto b_server = Start();
  ASSERT_TRUE(a_server->started() && b_server->started());
  std::vector<Replica> replicas;
  replicas.emplace_back(a_server->address());
  replicas.emplace_back(b_server->address());
  // A writer through both replicas, retrying, across a PostgreSQL restart.
  std::atomic<bool> stop{false};
  std::map<std::string, std::int64_t> acknowledged;  // request id -> version
  std::set<grpc::StatusCode> failures;
  std::string unavailable_message;
  std::thread writer([&] {
    for (int i = 0; !stop; ++i) {
      const Replica& through = replicas[i % 2];
      const std::int64_t version = through.Version();
      if (version < 0) continue;
      const std::string id = "restart-" + std::to_string(i);
      std::int64_t made = 0;
      const auto status = through.SetPayload(70'000 + i, version, id, &made);
      if (status.ok()) {
        acknowledged[id] = made;
        // Paced, so that every acknowledged write stays in the kept log (1,000 edits).
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
      } else {
        failures.insert(status.error_code());
        if (status.error_code() == grpc::StatusCode::UNAVAILABLE) {
          unavailable_message = status.error_message();
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
      }
    }
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(500));
  ASSERT_TRUE(pg_.Stop("immediate")) << pg_.error();
  std::this_thread::sleep_for(std::chrono::milliseconds(800));
  // Reads keep answering from the last snapshot; the server is SERVING, its store link is not.
  for (const Replica& replica : replicas) {
    EXPECT_GT(replica.Version(), 0);
    EXPECT_EQ(Health(replica.channel, ""), 1);
    EXPECT_EQ(Health(replica.channel, "aircargo.store"), 2);
  }
  // A write fails clearly.
  const auto down = replicas[0].SetPayload(1, replicas[0].Version(), "");
  EXPECT_EQ(down.error_code(), grpc::StatusCode::UNAVAILABLE) << down.error_message();
  EXPECT_NE(down.error_message().find("PostgreSQL is unreachable"), std::string::npos)
      << down.error_message();
  ASSERT_TRUE(pg_.Start()) << pg_.error();
  std::this_thread::sleep_for(std::chrono::milliseconds(1500));
  stop = true;
  writer.join();
  ASSERT_FALSE(acknowledged.empty());
  EXPECT_TRUE(failures.count(grpc::StatusCode::UNAVAILABLE)) << "no write failed while down";
  for (const Replica& replica : replicas) {
    int health = 0;
    for (const auto since = Clock::now(); Clock::now() - since < std::chrono::seconds(10);) {
      if ((health = Health(replica.channel, "aircargo.store")) == 1) break;
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    EXPECT_EQ(health, 1) << "the store link is not reported SERVING again";
  }

  // Both replicas reach the newest acknowledged version, and every acknowledged write is in the
  // log under its version.
  std::int64_t newest = 0;
  for (const auto& [id, version] : acknowledged) newest = std::max(newest, version);
  for (const Replica& replica : replicas) {
    ASSERT_TRUE(WaitForVersion(replica, newest, std::chrono::seconds(15)));
    v1::ListEditsRequest list;
    list.set_since_version(0);
    list.set_limit(1000);
    grpc::ClientContext context;
    v1::ListEditsResponse log;
    ASSERT_TRUE(replica.edits->ListEdits(&context, list, &log).ok());
    std::map<std::string, std::int64_t> logged;
    for (const auto& record : log.edits()) logged[record.request_id()] = record.version();
    for (const auto& [id, version] : acknowledged) {
      ASSERT_TRUE(logged.count(id)) << id << " acknowledged as version " << version << " is lost";
      EXPECT_EQ(logged[id], version) << id;
    }
  }
  std::printf("%zu writes acknowledged across the restart; while down: %s\n", acknowledged.size(),
              unavailable_message.c_str());
}

TEST_F(Scaleout, AMinimumVersionMakesAReplicaWaitForAWriteMadeElsewhere) {
  auto a_server = Start();
  auto b_server = Start();
  ASSERT_TRUE(a_server->started() && b_server->started());
  Replica a(a_server->address());
  Replica b(b_server->address());
  const auto read_at_least = [&](const std::string& min_version, int deadline_ms,
                                 v1::GetNetworkResponse* response) {
    grpc::ClientContext context;
    context.AddMetadata("x-aircargo-min-version", min_version);
    context.set_deadline(std::chrono::system_clock::now() + std::chrono::milliseconds(deadline_ms));
    return b.network->GetNetwork(&context, v1::GetNetworkRequest(), response);
  };
  for (int i = 0; i < 10; ++i) {
    std::int64_t made = 0;
    ASSERT_TRUE(a.SetPayload(80'000 + i, a.Version(), "", &made).ok());
    // At once through B: it answers from the version written through A, never an older one.
    v1::GetNetworkResponse response;
    const auto status = read_at_least(std::to_string(made), 5000, &response);
    ASSERT_TRUE(status.ok()) << status.error_message();
    EXPECT_GE(response.network_version(), made);
  }
  // A version no replica has: UNAVAILABLE at the deadline, naming both versions.
  v1::GetNetworkResponse response;
  const auto behind = read_at_least("1000000", 1000, &response);
  EXPECT_EQ(behind.error_code(), grpc::StatusCode::UNAVAILABLE);
  EXPECT_NE(behind.error_message().find("behind the requested 1000000"), std::string::npos)
      << behind.error_message();
  const auto malformed = read_at_least("latest", 1000, &response);
  EXPECT_EQ(malformed.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_NE(malformed.error_message().find("x-aircargo-min-version"), std::string::npos);
}

TEST_F(Scaleout, AScenarioSavedThroughOneReplicaIsListedByTheOther) {
  auto a_server = Start();
  auto b_server = Start();
  ASSERT_TRUE(a_server->started() && b_server->started());
  Replica a(a_server->address());
  Replica b(b_server->address());
  v1::CreateScenarioRequest create;
  create.mutable_scenario()->set_name("lax-closed");
  create.mutable_scenario()->mutable_overlay()->add_closed_routes(kRoute);
  {
    grpc::ClientContext context;
    v1::StoredScenario stored;
    const auto status = a.scenarios->CreateScenario(&context, create, &stored);
    ASSERT_TRUE(status.ok()) << status.error_message();
  }
  bool seen = false;
  for (const auto since = Clock::now(); !seen && Clock::now() - since < std::chrono::seconds(10);) {
    grpc::ClientContext context;
    v1::ListScenariosResponse list;
    ASSERT_TRUE(b.scenarios->ListScenarios(&context, v1::ListScenariosRequest(), &list).ok());
    for (const auto& s : list.scenarios()) seen |= s.name() == "lax-closed";
    if (!seen) std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  ASSERT_TRUE(seen) << "B never listed the scenario A stored";
  // The same name created through B now: ALREADY_EXISTS, as on one server.
  grpc::ClientContext context;
  v1::StoredScenario again;
  EXPECT_EQ(b.scenarios->CreateScenario(&context, create, &again).error_code(),
            grpc::StatusCode::ALREADY_EXISTS);
}

}  // namespace
}  // namespace aircargo::testing
