// Many threads calling every RPC of PlannerServiceImpl and NetworkServiceImpl at once on shared
// snapshots (server and clients in one process, so ThreadSanitizer sees all of our code), while a
// writer swaps the snapshot between two versions of the Shenyang network. Every answer must equal
// the one-at-a-time answer for the network version it reports: no torn snapshot, no shared mutable
// state between requests (thread_local workspaces, shared ScenarioView inputs). Label concurrency.
#include <grpcpp/create_channel.h>
#include <grpcpp/security/credentials.h>
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "aircargo/v1/network_service.grpc.pb.h"
#include "aircargo/v1/planner_service.grpc.pb.h"
#include "formats/network_proto.h"
#include "server/default_network.h"
#include "server/server.h"
#include "tests/recorded_call.h"

namespace aircargo::server {
namespace {

constexpr int kThreads = 8;
constexpr int kRoundsPerThread = 6;

struct Stubs {
  std::unique_ptr<v1::PlannerService::Stub> planner;
  std::unique_ptr<v1::NetworkService::Stub> network;
};

using Outcome = testing::Recorded;
using testing::RecordedCall;

struct Case {
  const char* name;
  grpc::StatusCode expected;
  std::function<Outcome(Stubs&)> run;
};

std::vector<Case> Cases() {
  using P = v1::PlannerService::Stub;
  using N = v1::NetworkService::Stub;
  using grpc::StatusCode;
  std::vector<Case> cases;
  v1::FindPathsRequest paths;
  paths.set_origin("SHE");
  paths.set_destination("JFK");
  paths.set_k(4);
  paths.set_objective(v1::PATH_OBJECTIVE_COST);
  paths.mutable_scenario()->set_as_of("2025-06-01");
  cases.push_back({"FindPaths", StatusCode::OK,
                   [paths](Stubs& s) { return RecordedCall(*s.planner, &P::FindPaths, paths); }});
  v1::FindPathsRequest pareto = paths;
  pareto.set_pareto(true);
  cases.push_back({"FindPaths pareto", StatusCode::OK,
                   [pareto](Stubs& s) { return RecordedCall(*s.planner, &P::FindPaths, pareto); }});
  v1::PlanItineraryRequest itinerary;
  itinerary.set_origin("SHE");
  itinerary.set_destination("YVR");
  itinerary.set_ready_time("2025-06-02T01:00:00Z");
  itinerary.set_k(3);
  itinerary.mutable_scenario()->set_as_of("2025-06-01");
  cases.push_back({"PlanItinerary", StatusCode::OK, [itinerary](Stubs& s) {
                     return RecordedCall(*s.planner, &P::PlanItinerary, itinerary);
                   }});
  v1::ComputeCapacityRequest capacity;
  capacity.set_origin("SHE");
  capacity.set_destination_country("US");
  cases.push_back({"ComputeCapacity", StatusCode::OK, [capacity](Stubs& s) {
                     return RecordedCall(*s.planner, &P::ComputeCapacity, capacity);
                   }});
  v1::PlanFlowRequest flow;
  flow.set_origin("SHE");
  flow.add_destinations("FRA");
  flow.set_demand_kg_per_week(2'000'000);
  cases.push_back({"PlanFlow", StatusCode::OK,
                   [flow](Stubs& s) { return RecordedCall(*s.planner, &P::PlanFlow, flow); }});
  v1::AnalyzeClosuresRequest closures;
  closures.set_origin("SHE");
  closures.set_destination_country("US");
  cases.push_back({"AnalyzeClosures", StatusCode::OK, [closures](Stubs& s) {
                     return RecordedCall(*s.planner, &P::AnalyzeClosures, closures);
                   }});
  v1::CompareScenariosRequest compare;
  compare.mutable_baseline()->set_as_of("2025-06-01");
  compare.mutable_alternative()->set_as_of("2026-06-01");
  compare.mutable_alternative()->set_include_planned(true);
  cases.push_back({"CompareScenarios", StatusCode::OK, [compare](Stubs& s) {
                     return RecordedCall(*s.planner, &P::CompareScenarios, compare);
                   }});
  v1::ComputeScheduleCapacityRequest schedule;
  schedule.set_origin("SHE");
  schedule.add_destinations("ORD");
  schedule.set_ready_time("2025-06-02T01:00:00Z");
  schedule.set_deadline_time("2025-06-06T23:00:00Z");
  schedule.set_demand_kg(300'000);
  schedule.mutable_scenario()->set_as_of("2025-06-01");
  cases.push_back({"ComputeScheduleCapacity", StatusCode::OK, [schedule](Stubs& s) {
                     return RecordedCall(*s.planner, &P::ComputeScheduleCapacity, schedule);
                   }});
  v1::GetNetworkRequest full;
  full.set_view(v1::NETWORK_VIEW_FULL);
  cases.push_back({"GetNetwork", StatusCode::OK,
                   [full](Stubs& s) { return RecordedCall(*s.network, &N::GetNetwork, full); }});
  v1::GetAirportRequest airport;
  airport.set_iata("SHE");
  cases.push_back({"GetAirport", StatusCode::OK, [airport](Stubs& s) {
                     return RecordedCall(*s.network, &N::GetAirport, airport);
                   }});
  v1::FindPathsRequest bad = paths;
  bad.set_k(51);
  cases.push_back({"FindPaths k=51", StatusCode::INVALID_ARGUMENT,
                   [bad](Stubs& s) { return RecordedCall(*s.planner, &P::FindPaths, bad); }});
  // Plain queries on the shared view: the first starts the distance oracle's build in the
  // background, later ones read it (the same answers: Shenyang has no exact ties).
  for (const auto objective : {v1::PATH_OBJECTIVE_DISTANCE, v1::PATH_OBJECTIVE_TRANSIT_TIME}) {
    v1::FindPathsRequest plain;
    plain.set_origin("SHE");
    plain.set_destination("ORD");
    plain.set_objective(objective);
    plain.set_k(1);
    cases.push_back({"FindPaths plain", StatusCode::OK,
                     [plain](Stubs& s) { return RecordedCall(*s.planner, &P::FindPaths, plain); }});
  }
  return cases;
}

// The Shenyang network as version 1, and as version 2 with every payload and cost doubled (so
// capacity, flow, cost and closure answers all differ between the versions).
std::vector<std::shared_ptr<const routes::Network>> TwoVersions() {
  auto base = LoadDefaultNetwork();
  if (!base.ok()) return {};
  v1::Network proto = formats::ToProto(**base);
  proto.set_version(1);
  auto first = formats::BuildNetwork(proto);
  proto.set_version(2);
  for (v1::Route& route : *proto.mutable_routes()) {
    route.set_payload_kg(route.payload_kg() * 2);
    route.set_cost_per_kg_micros(route.cost_per_kg_micros() * 2);
  }
  auto second = formats::BuildNetwork(proto);
  if (!first.ok() || !second.ok()) return {};
  return {*first, *second};
}

TEST(Concurrency, EveryRpcFromManyThreadsWhileSnapshotsSwapAnswersAsForItsVersion) {
  const auto versions = TwoVersions();
  ASSERT_EQ(versions.size(), 2U);
  std::string error;
  // Loopback TCP rather than the in-process channel: with the in-process transport the client
  // parses the very bytes the server thread serialised, handed over inside (uninstrumented) gRPC,
  // which TSan reports as a race in the generated code.
  auto server =
      Server::Start(versions[0], ServerOptions{.listen = "127.0.0.1:0", .threads = 0}, &error);
  ASSERT_NE(server, nullptr) << error;
  auto channel = grpc::CreateChannel("127.0.0.1:" + std::to_string(server->port()),
                                     grpc::InsecureChannelCredentials());
  const std::vector<Case> cases = Cases();

  // One-at-a-time answers per version.
  std::map<std::int64_t, std::vector<std::string>> reference;
  Stubs stubs{v1::PlannerService::NewStub(channel), v1::NetworkService::NewStub(channel)};
  for (const auto& network : versions) {
    server->snapshots().Replace(network);
    for (const Case& c : cases) {
      const Outcome out = c.run(stubs);
      ASSERT_EQ(out.status.error_code(), c.expected)
          << c.name << ": " << out.status.error_message();
      if (out.status.ok()) {
        ASSERT_EQ(out.version, network->version()) << c.name;
      }
      reference[network->version()].push_back(out.answer);
    }
  }
  ASSERT_NE(reference[1][3], reference[2][3]) << "the versions must answer differently";

  const std::map<std::int64_t, std::vector<std::string>>& expected = reference;
  std::atomic<bool> done{false};
  std::atomic<long> swaps{0};
  std::thread writer([&] {
    for (std::size_t i = 0; !done.load(); ++i) {
      server->snapshots().Replace(versions[i % 2]);
      swaps.fetch_add(1);
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
  });
  std::mutex failures_mutex;
  std::vector<std::string> failures;
  std::atomic<long> seen_version[3] = {0, 0, 0};
  std::vector<std::thread> clients;
  for (int t = 0; t < kThreads; ++t) {
    clients.emplace_back([&, t] {
      Stubs own{v1::PlannerService::NewStub(channel), v1::NetworkService::NewStub(channel)};
      for (std::size_t i = 0; i < cases.size() * kRoundsPerThread; ++i) {
        const std::size_t k = (i + static_cast<std::size_t>(t)) % cases.size();
        const Outcome out = cases[k].run(own);
        std::string problem;
        if (out.status.error_code() != cases[k].expected) {
          problem = "status " + out.status.error_message();
        } else if (out.status.ok()) {
          if (out.version != 1 && out.version != 2) {
            problem = "version " + std::to_string(out.version);
          } else {
            seen_version[out.version].fetch_add(1);
            if (out.answer != expected.at(out.version)[k]) {
              problem = "answer differs from version " + std::to_string(out.version) + "'s";
            }
          }
        }
        if (!problem.empty()) {
          std::lock_guard<std::mutex> lock(failures_mutex);
          failures.push_back(std::string(cases[k].name) + ": " + problem);
        }
      }
    });
  }
  for (std::thread& client : clients) client.join();
  done = true;
  writer.join();
  EXPECT_TRUE(failures.empty()) << failures.size() << " failures, first: " << failures.front();
  EXPECT_GT(swaps.load(), 1);
  EXPECT_GT(seen_version[1].load(), 0);
  EXPECT_GT(seen_version[2].load(), 0);
}

}  // namespace
}  // namespace aircargo::server
