// Readers during a stream of edits: while a writer sends acknowledged UpdateRoute edits through
// NetworkEditService (each a new version), reader threads call the planning and network RPCs.
// Every answer names a version; it must equal the answer computed afresh on the network as it was
// at that version, rebuilt here from the base network and the documented edit sequence (not from
// the server's snapshots). Runs in server_edit_test, so the TSan preset covers it too.
#include <grpcpp/create_channel.h>
#include <grpcpp/security/credentials.h>
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <functional>
#include <map>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "aircargo/v1/network_edit_service.grpc.pb.h"
#include "aircargo/v1/network_service.grpc.pb.h"
#include "aircargo/v1/planner_service.grpc.pb.h"
#include "formats/network_proto.h"
#include "server/default_network.h"
#include "server/server.h"
#include "server/store/sqlite_store.h"
#include "tests/recorded_call.h"

namespace aircargo::server {
namespace {

constexpr int kEdits = 24;
constexpr int kReaders = 3;
constexpr char kRoute[] = "SHE-YVR-W8";

// The documented edit sequence: edit i (1-based) sets the route's payload and cost to these.
std::int64_t PayloadAfter(int edits) { return 40'000 + 500LL * edits; }
std::int64_t CostAfter(int edits) { return 2'000'000 + 10'000LL * edits; }

using Answer = testing::Recorded;
using testing::RecordedCall;

struct Stubs {
  explicit Stubs(const std::shared_ptr<grpc::Channel>& channel)
      : planner(v1::PlannerService::NewStub(channel)),
        network(v1::NetworkService::NewStub(channel)) {}
  std::unique_ptr<v1::PlannerService::Stub> planner;
  std::unique_ptr<v1::NetworkService::Stub> network;
};

struct Read {
  const char* name;
  std::function<Answer(Stubs&)> run;
};

std::vector<Read> Reads() {
  using P = v1::PlannerService::Stub;
  using N = v1::NetworkService::Stub;
  std::vector<Read> reads;
  v1::ComputeCapacityRequest capacity;
  capacity.set_origin("SHE");
  capacity.add_destinations("YVR");
  reads.push_back({"ComputeCapacity", [capacity](Stubs& s) {
                     return RecordedCall(*s.planner, &P::ComputeCapacity, capacity);
                   }});
  v1::FindPathsRequest paths;
  paths.set_origin("SHE");
  paths.set_destination("YVR");
  paths.set_k(3);
  paths.set_objective(v1::PATH_OBJECTIVE_COST);
  reads.push_back(
      {"FindPaths", [paths](Stubs& s) { return RecordedCall(*s.planner, &P::FindPaths, paths); }});
  v1::PlanFlowRequest flow;
  flow.set_origin("SHE");
  flow.add_destinations("YVR");
  flow.set_demand_kg_per_week(30'000);
  reads.push_back(
      {"PlanFlow", [flow](Stubs& s) { return RecordedCall(*s.planner, &P::PlanFlow, flow); }});
  v1::ListRoutesRequest routes;
  routes.set_origin("SHE");
  reads.push_back({"ListRoutes", [routes](Stubs& s) {
                     return RecordedCall(*s.network, &N::ListRoutes, routes);
                   }});
  return reads;
}

// The network at `base_version + edits`, rebuilt from the base's message.
std::shared_ptr<const routes::Network> NetworkAfter(const v1::Network& base, int edits) {
  v1::Network proto = base;
  proto.set_version(base.version() + edits);
  if (edits > 0) {
    for (v1::Route& route : *proto.mutable_routes()) {
      if (route.id() != kRoute) continue;
      route.set_payload_kg(PayloadAfter(edits));
      route.set_cost_per_kg_micros(CostAfter(edits));
    }
  }
  auto built = formats::BuildNetwork(proto);
  if (!built.ok()) ADD_FAILURE() << built.error().ToString();
  return built.ok() ? *built : nullptr;
}

TEST(EditReaders, EveryAnswerDuringAStreamOfEditsIsTheAnswerAtTheVersionItNames) {
  auto base = LoadDefaultNetwork();
  ASSERT_TRUE(base.ok()) << base.error().ToString();
  const v1::Network base_proto = formats::ToProto(**base);

  ServerState state;
  state.store = std::move(store::SqliteStore::Open(":memory:", {})).value();
  auto restored = RestoreNetwork(*state.store, *base, false);
  ASSERT_TRUE(restored.ok()) << restored.error().ToString();
  state.restored = std::move(restored).value();
  const std::int64_t first = state.restored.network->version();
  std::string error;
  // Loopback TCP, as in concurrency_test.cc (TSan cannot see the in-process transport's ordering).
  auto server = Server::Start(std::move(state), ServerOptions{.listen = "127.0.0.1:0"}, &error);
  ASSERT_NE(server, nullptr) << error;
  auto channel = grpc::CreateChannel("127.0.0.1:" + std::to_string(server->port()),
                                     grpc::InsecureChannelCredentials());
  const std::vector<Read> reads = Reads();

  std::atomic<bool> done{false};
  std::atomic<int> acknowledged{0};
  std::thread writer([&] {
    auto edits = v1::NetworkEditService::NewStub(channel);
    for (int i = 1; i <= kEdits; ++i) {
      v1::UpdateRouteRequest request;
      request.mutable_write()->set_expected_version(first + i - 1);
      auto* route = request.mutable_edit()->mutable_route();
      route->set_id(kRoute);
      route->set_payload_kg(PayloadAfter(i));
      route->set_cost_per_kg_micros(CostAfter(i));
      request.mutable_edit()->mutable_update_mask()->add_paths("payload_kg");
      request.mutable_edit()->mutable_update_mask()->add_paths("cost_per_kg_micros");
      grpc::ClientContext context;
      v1::EditResponse response;
      const grpc::Status status = edits->UpdateRoute(&context, request, &response);
      if (!status.ok() || response.network_version() != first + i) {
        ADD_FAILURE() << "edit " << i << ": " << status.error_message() << " version "
                      << response.network_version();
        break;
      }
      acknowledged = i;
      std::this_thread::sleep_for(std::chrono::milliseconds(3));
    }
    done = true;
  });

  struct Seen {
    std::size_t read;
    std::int64_t version;
    std::string answer;
  };
  std::mutex seen_mutex;
  std::vector<Seen> seen;
  std::vector<std::string> failures;
  std::vector<std::thread> readers;
  for (int t = 0; t < kReaders; ++t) {
    readers.emplace_back([&, t] {
      Stubs stubs(channel);
      // Bounded: at most 2,000 calls a reader, and it stops once the writer is done.
      for (std::size_t i = 0; i < 2000 && !done.load(); ++i) {
        const std::size_t k = (i + static_cast<std::size_t>(t)) % reads.size();
        Answer answer = reads[k].run(stubs);
        std::lock_guard<std::mutex> lock(seen_mutex);
        if (!answer.status.ok()) {
          failures.push_back(std::string(reads[k].name) + ": " + answer.status.error_message());
        } else {
          seen.push_back({k, answer.version, std::move(answer.answer)});
        }
      }
    });
  }
  writer.join();
  for (std::thread& reader : readers) reader.join();
  ASSERT_TRUE(failures.empty()) << failures.size() << " failed reads, first: " << failures[0];
  ASSERT_EQ(acknowledged.load(), kEdits);
  EXPECT_EQ(server->snapshots().Get()->version(), first + kEdits);

  // Recompute each (read, version) seen on a reference server holding the rebuilt network.
  auto reference =
      Server::Start(NetworkAfter(base_proto, 0), ServerOptions{.listen = "127.0.0.1:0"}, &error);
  ASSERT_NE(reference, nullptr) << error;
  Stubs stubs(grpc::CreateChannel("127.0.0.1:" + std::to_string(reference->port()),
                                  grpc::InsecureChannelCredentials()));
  std::map<std::pair<std::size_t, std::int64_t>, std::string> expected;
  std::set<std::int64_t> versions;
  int mismatches = 0;
  for (const Seen& s : seen) {
    ASSERT_GE(s.version, first);
    ASSERT_LE(s.version, first + kEdits);
    versions.insert(s.version);
    const auto key = std::make_pair(s.read, s.version);
    if (!expected.contains(key)) {
      reference->snapshots().Replace(NetworkAfter(base_proto, static_cast<int>(s.version - first)));
      const Answer fresh = reads[s.read].run(stubs);
      ASSERT_TRUE(fresh.status.ok()) << fresh.status.error_message();
      expected[key] = fresh.answer;
    }
    if (s.answer != expected[key]) {
      ADD_FAILURE_AT(__FILE__, __LINE__)
          << reads[s.read].name << " at version " << s.version << " differs from a recomputation";
      if (++mismatches > 5) break;
    }
  }
  EXPECT_GE(versions.size(), 3U) << "the readers must overlap several versions";
  // The edits change the answers: capacity before and after the stream differ.
  reference->snapshots().Replace(NetworkAfter(base_proto, 0));
  const Answer before = reads[0].run(stubs);
  reference->snapshots().Replace(NetworkAfter(base_proto, kEdits));
  EXPECT_NE(before.answer, reads[0].run(stubs).answer);
}

}  // namespace
}  // namespace aircargo::server
