// Concurrency stress: 16 client threads mix every RPC (the six planning RPCs and the four
// NetworkService reads, plus requests that must fail with a given code: bad arguments, unknown
// airports, an oversized message, a tiny deadline, a cancelled call) against one real aircargod
// for a bounded time (AIRCARGO_STRESS_SECONDS, default 10). Asserts: no error but the requested
// ones; every answer equals the one-at-a-time answer to the same request and carries the one
// network version the server serves (NetworkService has no write RPC, so there is exactly one);
// the server's resident memory (VmRSS, sampled each second) shows no growth trend after warm-up.
#include <dirent.h>
#include <grpcpp/create_channel.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <limits>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "aircargo/v1/network_service.grpc.pb.h"
#include "aircargo/v1/planner_service.grpc.pb.h"
#include "tests/integration/process.h"
#include "tests/recorded_call.h"
#include "tests/sanitized_build.h"

namespace aircargo::testing {
namespace {

using Clock = std::chrono::steady_clock;
constexpr int kThreads = 16;
constexpr int kChannels = 4;
constexpr std::size_t kOversizedBytes = 5 * 1024 * 1024;  // above the server's 4 MiB limit

int StressSeconds() {
  const char* env = std::getenv("AIRCARGO_STRESS_SECONDS");
  const int seconds = env != nullptr ? std::atoi(env) : 0;
  return seconds > 0 ? seconds : 10;
}

// The aircargod child of this process (ServerProcess forks it), found through /proc.
pid_t ServerPid() {
  DIR* proc = opendir("/proc");
  if (proc == nullptr) return -1;
  pid_t found = -1;
  while (dirent* entry = readdir(proc)) {
    const pid_t pid = std::atoi(entry->d_name);
    if (pid <= 0) continue;
    std::ifstream stat("/proc/" + std::to_string(pid) + "/stat");
    std::string line;
    std::getline(stat, line);
    const auto close = line.rfind(')');
    if (close == std::string::npos || line.find("(aircargod)") == std::string::npos) continue;
    char state = 0;
    int ppid = 0;
    if (std::sscanf(line.c_str() + close + 1, " %c %d", &state, &ppid) == 2 && ppid == getpid()) {
      found = pid;
    }
  }
  closedir(proc);
  return found;
}

// VmRSS in kB, or -1.
long ResidentKb(pid_t pid) {
  std::ifstream status("/proc/" + std::to_string(pid) + "/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.rfind("VmRSS:", 0) == 0) return std::atol(line.c_str() + 6);
  }
  return -1;
}

struct Stubs {
  std::unique_ptr<v1::PlannerService::Stub> planner;
  std::unique_ptr<v1::NetworkService::Stub> network;
};

// One kind of request: runs it on `stubs`, returning the status, the answer's bytes (version
// cleared) and its network version.
using Outcome = Recorded;

struct Case {
  std::string name;
  grpc::StatusCode expected;
  std::function<Outcome(Stubs&)> run;
  // A tiny deadline may also let a fast answer through: OK is then accepted too.
  bool ok_also_accepted = false;
};

std::vector<Case> Cases() {
  using P = v1::PlannerService::Stub;
  using N = v1::NetworkService::Stub;
  using grpc::StatusCode;
  std::vector<Case> cases;
  const auto add = [&cases](std::string name, StatusCode code, std::function<Outcome(Stubs&)> run,
                            bool ok_too = false) {
    cases.push_back({std::move(name), code, std::move(run), ok_too});
  };
  v1::FindPathsRequest paths;
  paths.set_origin("SHE");
  paths.set_destination("JFK");
  paths.set_k(5);
  paths.mutable_scenario()->set_as_of("2025-06-01");
  add("FindPaths k=5", StatusCode::OK,
      [paths](Stubs& s) { return RecordedCall(*s.planner, &P::FindPaths, paths); });
  v1::FindPathsRequest pareto = paths;
  pareto.set_pareto(true);
  pareto.mutable_scenario()->add_closed_airports("PEK");
  add("FindPaths pareto", StatusCode::OK,
      [pareto](Stubs& s) { return RecordedCall(*s.planner, &P::FindPaths, pareto); });
  v1::PlanItineraryRequest itinerary;
  itinerary.set_origin("SHE");
  itinerary.set_destination("YVR");
  itinerary.set_ready_time("2025-06-02T01:00:00Z");
  itinerary.set_k(3);
  itinerary.mutable_scenario()->set_as_of("2025-06-01");
  add("PlanItinerary", StatusCode::OK,
      [itinerary](Stubs& s) { return RecordedCall(*s.planner, &P::PlanItinerary, itinerary); });
  v1::ComputeCapacityRequest capacity;
  capacity.set_origin("SHE");
  capacity.set_destination_country("US");
  capacity.mutable_scenario()->set_include_planned(true);
  add("ComputeCapacity", StatusCode::OK,
      [capacity](Stubs& s) { return RecordedCall(*s.planner, &P::ComputeCapacity, capacity); });
  v1::PlanFlowRequest flow;
  flow.set_origin("SHE");
  flow.add_destinations("FRA");
  flow.add_destinations("AMS");
  flow.set_demand_kg_per_week(5'000'000);
  add("PlanFlow", StatusCode::OK,
      [flow](Stubs& s) { return RecordedCall(*s.planner, &P::PlanFlow, flow); });
  v1::AnalyzeClosuresRequest closures;
  closures.set_origin("SHE");
  closures.set_destination_country("US");
  add("AnalyzeClosures", StatusCode::OK,
      [closures](Stubs& s) { return RecordedCall(*s.planner, &P::AnalyzeClosures, closures); });
  v1::CompareScenariosRequest compare;
  compare.mutable_baseline()->set_as_of("2025-06-01");
  compare.mutable_alternative()->set_as_of("2026-06-01");
  compare.mutable_alternative()->set_include_planned(true);
  add("CompareScenarios", StatusCode::OK,
      [compare](Stubs& s) { return RecordedCall(*s.planner, &P::CompareScenarios, compare); });
  v1::GetNetworkRequest summary;
  summary.set_view(v1::NETWORK_VIEW_SUMMARY);
  add("GetNetwork summary", StatusCode::OK,
      [summary](Stubs& s) { return RecordedCall(*s.network, &N::GetNetwork, summary); });
  v1::GetNetworkRequest full;
  full.set_view(v1::NETWORK_VIEW_FULL);
  add("GetNetwork full", StatusCode::OK,
      [full](Stubs& s) { return RecordedCall(*s.network, &N::GetNetwork, full); });
  v1::ListAirportsRequest airports;
  airports.set_country("us");
  add("ListAirports", StatusCode::OK,
      [airports](Stubs& s) { return RecordedCall(*s.network, &N::ListAirports, airports); });
  v1::GetAirportRequest airport;
  airport.set_iata("she");
  add("GetAirport", StatusCode::OK,
      [airport](Stubs& s) { return RecordedCall(*s.network, &N::GetAirport, airport); });
  v1::ListRoutesRequest routes;
  routes.set_origin("SHE");
  add("ListRoutes", StatusCode::OK,
      [routes](Stubs& s) { return RecordedCall(*s.network, &N::ListRoutes, routes); });

  // Requested errors.
  v1::FindPathsRequest bad_k = paths;
  bad_k.set_k(0);
  add("FindPaths k=0", StatusCode::INVALID_ARGUMENT,
      [bad_k](Stubs& s) { return RecordedCall(*s.planner, &P::FindPaths, bad_k); });
  v1::PlanItineraryRequest unknown = itinerary;
  unknown.set_destination("QQQ");
  add("PlanItinerary unknown airport", StatusCode::NOT_FOUND,
      [unknown](Stubs& s) { return RecordedCall(*s.planner, &P::PlanItinerary, unknown); });
  v1::PlanFlowRequest nan_factor = flow;
  auto* factor = nan_factor.mutable_scenario()->add_capacity_factors();
  factor->set_route_id("SHE-LAX-CA");
  factor->set_factor(std::numeric_limits<double>::quiet_NaN());
  add("PlanFlow NaN factor", StatusCode::INVALID_ARGUMENT,
      [nan_factor](Stubs& s) { return RecordedCall(*s.planner, &P::PlanFlow, nan_factor); });
  v1::ComputeCapacityRequest oversized = capacity;
  oversized.mutable_scenario()->add_excluded_carriers(std::string(kOversizedBytes, 'Z'));
  add("ComputeCapacity oversized", StatusCode::RESOURCE_EXHAUSTED,
      [oversized](Stubs& s) { return RecordedCall(*s.planner, &P::ComputeCapacity, oversized); });
  add(
      "CompareScenarios 1 ms deadline", StatusCode::DEADLINE_EXCEEDED,
      [compare](Stubs& s) {
        return RecordedCall(*s.planner, &P::CompareScenarios, compare,
                            std::chrono::milliseconds(1));
      },
      /*ok_too=*/true);
  add("AnalyzeClosures cancelled", StatusCode::CANCELLED, [closures](Stubs& s) {
    return RecordedCall(*s.planner, &P::AnalyzeClosures, closures, std::chrono::seconds(30), true);
  });
  return cases;
}

TEST(Stress, SixteenClientsMixingEveryRpcGetConsistentAnswersAndServerMemoryStaysFlat) {
  ServerProcess server(AIRCARGOD_PATH);
  ASSERT_TRUE(server.started()) << server.startup_line();
  const pid_t pid = ServerPid();
  ASSERT_GT(pid, 0) << "cannot find the aircargod child in /proc";

  std::vector<std::shared_ptr<grpc::Channel>> channels;
  grpc::ChannelArguments args;
  args.SetMaxSendMessageSize(-1);
  for (int i = 0; i < kChannels; ++i) {
    // Distinct channel arguments keep the channels from sharing one connection.
    args.SetInt("aircargo.stress.channel", i);
    channels.push_back(
        grpc::CreateCustomChannel(server.address(), grpc::InsecureChannelCredentials(), args));
  }
  const auto stubs_for = [&channels](int i) {
    return Stubs{v1::PlannerService::NewStub(channels[static_cast<std::size_t>(i) % kChannels]),
                 v1::NetworkService::NewStub(channels[static_cast<std::size_t>(i) % kChannels])};
  };

  // One-at-a-time answers: the reference for every concurrent one.
  const std::vector<Case> cases = Cases();
  Stubs reference_stubs = stubs_for(0);
  v1::GetNetworkResponse network;
  {
    grpc::ClientContext context;
    ASSERT_TRUE(
        reference_stubs.network->GetNetwork(&context, v1::GetNetworkRequest(), &network).ok());
  }
  const std::int64_t version = network.network_version();
  ASSERT_GT(version, 0);
  std::vector<std::string> reference;
  for (const Case& c : cases) {
    const Outcome out = c.run(reference_stubs);
    if (c.expected == grpc::StatusCode::OK) {
      ASSERT_TRUE(out.status.ok()) << c.name << ": " << out.status.error_message();
      ASSERT_EQ(out.version, version) << c.name;
    }
    reference.push_back(out.answer);
  }

  const int seconds = StressSeconds();
  std::atomic<bool> stop{false};
  std::vector<long> rss_kb;
  std::thread sampler([&] {
    while (!stop.load()) {
      rss_kb.push_back(ResidentKb(pid));
      std::this_thread::sleep_for(std::chrono::seconds(1));
    }
  });

  std::mutex failures_mutex;
  std::vector<std::string> failures;
  std::vector<std::atomic<long>> calls(cases.size());
  std::atomic<long> ok_under_tiny_deadline{0};
  const auto until = Clock::now() + std::chrono::seconds(seconds);
  std::vector<std::thread> clients;
  for (int t = 0; t < kThreads; ++t) {
    clients.emplace_back([&, t] {
      Stubs stubs = stubs_for(t);
      for (std::size_t i = static_cast<std::size_t>(t); Clock::now() < until; ++i) {
        const std::size_t k = i % cases.size();
        const Case& c = cases[k];
        const Outcome out = c.run(stubs);
        calls[k].fetch_add(1);
        std::string problem;
        if (out.status.error_code() == c.expected || (c.ok_also_accepted && out.status.ok())) {
          if (out.status.ok() && out.version != version) {
            problem = "network_version " + std::to_string(out.version);
          } else if (out.status.ok() && c.expected == grpc::StatusCode::OK &&
                     out.answer != reference[k]) {
            problem = "answer differs from the one-at-a-time answer";
          }
          if (out.status.ok() && c.ok_also_accepted) ok_under_tiny_deadline.fetch_add(1);
        } else {
          problem = "status " + std::to_string(out.status.error_code()) + " " +
                    out.status.error_message();
        }
        if (!problem.empty()) {
          std::lock_guard<std::mutex> lock(failures_mutex);
          if (failures.size() < 20) failures.push_back(c.name + ": " + problem);
        }
      }
    });
  }
  for (std::thread& client : clients) client.join();
  stop = true;
  sampler.join();
  rss_kb.push_back(ResidentKb(pid));

  long total = 0;
  for (std::size_t k = 0; k < cases.size(); ++k) {
    total += calls[k].load();
    EXPECT_GT(calls[k].load(), 0) << cases[k].name << " never ran";
  }
  std::printf(
      "[ stress ] %d s, %d threads: %ld calls (%.0f/s); %ld tiny-deadline calls answered "
      "in time\n",
      seconds, kThreads, total, static_cast<double>(total) / seconds,
      ok_under_tiny_deadline.load());
  std::string series;
  for (long kb : rss_kb) series += std::to_string(kb / 1024) + " ";
  std::printf("[ stress ] server VmRSS MB each second: %s\n", series.c_str());
  EXPECT_TRUE(failures.empty()) << failures.size() << " failures, first: " << failures.front();

  // No growth trend: after a warm-up (the first third: thread pools, allocator arenas and
  // per-thread workspaces reach their size), the last third may not rise above the middle
  // third's peak by more than 10% + 8 MB. A leak of a few kB per request (about 1,000 calls/s)
  // exceeds that within a 10 s run; allocator noise does not.
  // Sanitizer builds (the asan/tsan presets build aircargod the same way as this test) grow the
  // server's memory by design (ASan's quarantine, TSan's shadow and history): the RSS trend is
  // then printed but not asserted.
  if (kSanitizedBuild) {
    std::printf("[ stress ] sanitizer build: RSS trend not asserted\n");
    EXPECT_EQ(server.Stop(), 0) << "aircargod did not shut down cleanly after the stress";
    return;
  }
  ASSERT_GE(rss_kb.size(), 6U);
  for (long kb : rss_kb) ASSERT_GT(kb, 0);
  const std::size_t third = rss_kb.size() / 3;
  const long middle_peak = *std::max_element(rss_kb.begin() + static_cast<long>(third),
                                             rss_kb.begin() + static_cast<long>(2 * third));
  const long last_peak =
      *std::max_element(rss_kb.begin() + static_cast<long>(2 * third), rss_kb.end());
  EXPECT_LE(last_peak, middle_peak + middle_peak / 10 + 8 * 1024)
      << "server RSS grew from " << middle_peak / 1024 << " MB to " << last_peak / 1024 << " MB";

  EXPECT_EQ(server.Stop(), 0) << "aircargod did not shut down cleanly after the stress";
}

}  // namespace
}  // namespace aircargo::testing
