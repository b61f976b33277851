// Crash safety (issue 16): aircargod with a durable store takes acknowledged writes from several
// clients and is killed with SIGKILL at a random moment, then restarted on the same store, again
// and again. After every restart: every acknowledged write is present (its version holds its
// request id in the edit log, and the client's routes hold its value), no write is half-applied
// (each write sets two routes to one value in one batch: they always agree), and the version is
// the last acknowledged one, or one of the writes in flight at the kill that had become durable
// (never anything else).
//
// AIRCARGO_CRASH_ITERATIONS sets the number of kills (default 50; the `stress` label runs 500).
// The figures are printed at the end (docs/robustness.md quotes them).
#include <grpcpp/create_channel.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <mutex>
#include <random>
#include <thread>
#include <vector>

#include "aircargo/v1/network_edit_service.grpc.pb.h"
#include "aircargo/v1/network_service.grpc.pb.h"
#include "tests/integration/process.h"

namespace aircargo::testing {
namespace {

namespace fs = std::filesystem;

constexpr char kServer[] = AIRCARGOD_PATH;
constexpr int kClients = 3;
// Each client owns two routes and sets both payloads to one value per write.
const char* const kRoutes[kClients][2] = {
    {"SHE-LAX-CA", "LAX-SHE-CA"}, {"SHE-ORD-CA", "ORD-SHE-CA"}, {"SHE-FRA-CZ", "FRA-SHE-CZ"}};

struct ClientLog {
  std::int64_t last_acked_value = 0;  // 0: none acknowledged yet
  std::int64_t last_acked_version = 0;
  std::int64_t in_flight_value = 0;           // the write that got no answer (killed), if any
  std::map<std::int64_t, std::string> acked;  // version -> request id (this iteration)
  int acknowledged = 0;
};

int Iterations() {
  const char* text = std::getenv("AIRCARGO_CRASH_ITERATIONS");
  const int n = text == nullptr ? 50 : std::atoi(text);
  return n > 0 ? n : 50;
}

TEST(CrashSafety, EveryAcknowledgedWriteSurvivesSigkillAndNothingIsHalfApplied) {
  const fs::path dir = fs::temp_directory_path() / ("aircargo_crash_" + std::to_string(getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  const std::string store = (dir / "crash.sqlite").string();
  const int iterations = Iterations();
  std::mt19937 random(20261201);
  std::int64_t value_counter = 1000;
  std::vector<ClientLog> logs(kClients);
  int total_acked = 0;
  int in_flight_durable = 0;
  int in_flight_lost = 0;
  int lost = 0;
  int checked_versions = 0;
  std::int64_t restored_version = 1;  // the embedded network's version

  for (int iteration = 0; iteration < iterations; ++iteration) {
    ServerProcess server(kServer, {"--store", store, "--log-level", "warn"});
    ASSERT_TRUE(server.started()) << "iteration " << iteration << ": " << server.startup_line();
    auto channel = grpc::CreateChannel(server.address(), grpc::InsecureChannelCredentials());
    auto network = v1::NetworkService::NewStub(channel);
    auto edits = v1::NetworkEditService::NewStub(channel);

    // Check what the restart restored against what was acknowledged before the kill.
    if (iteration > 0) {
      v1::GetNetworkRequest get;
      get.set_view(v1::NETWORK_VIEW_FULL);
      v1::GetNetworkResponse current;
      grpc::ClientContext context;
      ASSERT_TRUE(network->GetNetwork(&context, get, &current).ok());
      std::map<std::string, std::int64_t> payload;
      for (const auto& r : current.network().routes()) payload[r.id()] = r.payload_kg();
      // The log from the oldest version acknowledged since the last restart (at most ~100 a run).
      std::int64_t min_acked = current.network_version();
      for (const auto& l : logs) {
        if (!l.acked.empty()) min_acked = std::min(min_acked, l.acked.begin()->first);
      }
      v1::ListEditsRequest list;
      list.set_since_version(min_acked - 1);
      list.set_limit(1000);
      v1::ListEditsResponse log;
      grpc::ClientContext list_context;
      ASSERT_TRUE(edits->ListEdits(&list_context, list, &log).ok());
      std::map<std::int64_t, std::string> request_ids;
      for (const auto& record : log.edits()) request_ids[record.version()] = record.request_id();
      // The version restored last time counts as acknowledged (a run may ack nothing).
      std::int64_t max_acked = restored_version;
      for (int c = 0; c < kClients; ++c) {
        ClientLog& l = logs[c];
        const std::int64_t a = payload[kRoutes[c][0]];
        const std::int64_t b = payload[kRoutes[c][1]];
        ASSERT_EQ(a, b) << "iteration " << iteration << ": client " << c << " half-applied";
        if (l.last_acked_value != 0) {
          if (a == l.last_acked_value) {
            // The acknowledged value stands.
          } else if (l.in_flight_value != 0 && a == l.in_flight_value) {
            ++in_flight_durable;  // durable before the kill, its answer never arrived
          } else {
            ++lost;
            ADD_FAILURE() << "iteration " << iteration << ": client " << c << " acknowledged "
                          << l.last_acked_value << " but the route holds " << a;
          }
        }
        if (l.in_flight_value != 0 && a != l.in_flight_value) ++in_flight_lost;
        for (const auto& [version, id] : l.acked) {
          ++checked_versions;
          const auto it = request_ids.find(version);
          if (it == request_ids.end() || it->second != id) {
            ++lost;
            ADD_FAILURE() << "iteration " << iteration << ": acknowledged version " << version
                          << " (" << id << ") missing from the log";
          }
          max_acked = std::max(max_acked, version);
        }
        l.acked.clear();
        l.in_flight_value = 0;
        l.last_acked_value = a;  // the state now (acknowledged, or durable in flight)
      }
      // The version is the last acknowledged one, or a durable in-flight write after it.
      EXPECT_GE(current.network_version(), max_acked) << "iteration " << iteration;
      EXPECT_LE(current.network_version(), max_acked + kClients) << "iteration " << iteration;
      restored_version = current.network_version();
    }

    // Writers until the kill.
    std::atomic<bool> stop{false};
    std::mutex mutex;
    std::vector<std::thread> writers;
    for (int c = 0; c < kClients; ++c) {
      writers.emplace_back([&, c] {
        ClientLog& l = logs[c];
        for (int seq = 0; !stop; ++seq) {
          std::int64_t value = 0;
          {
            std::lock_guard lock(mutex);
            value = ++value_counter;
          }
          v1::ApplyEditsRequest request;
          const std::string id =
              std::to_string(iteration) + "-" + std::to_string(c) + "-" + std::to_string(seq);
          request.mutable_write()->set_request_id(id);
          for (const char* route : kRoutes[c]) {
            auto* update = request.add_edits()->mutable_update_route();
            update->mutable_route()->set_id(route);
            update->mutable_route()->set_payload_kg(value);
            update->mutable_update_mask()->add_paths("payload_kg");
          }
          for (int attempt = 0; attempt < 50 && !stop; ++attempt) {
            grpc::ClientContext get_context;
            get_context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(5));
            v1::GetNetworkResponse current;
            if (!network->GetNetwork(&get_context, v1::GetNetworkRequest(), &current).ok()) {
              return;  // the server is gone
            }
            request.mutable_write()->set_expected_version(current.network_version());
            grpc::ClientContext context;
            context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(5));
            v1::EditResponse response;
            l.in_flight_value = value;
            const grpc::Status status = edits->ApplyEdits(&context, request, &response);
            if (status.ok()) {
              l.in_flight_value = 0;
              l.last_acked_value = value;
              l.last_acked_version = response.network_version();
              l.acked[response.network_version()] = id;
              ++l.acknowledged;
              break;
            }
            if (status.error_code() != grpc::StatusCode::ABORTED) return;  // killed mid-call
            l.in_flight_value = 0;  // refused: not applied; re-read and retry
          }
        }
      });
    }
    std::uniform_int_distribution<int> delay_ms(30, 400);
    std::this_thread::sleep_for(std::chrono::milliseconds(delay_ms(random)));
    server.Kill();
    stop = true;
    for (auto& t : writers) t.join();
  }
  for (const auto& l : logs) total_acked += l.acknowledged;
  // The last kill's writes are checked by one more start.
  ServerProcess final_server(kServer, {"--store", store, "--log-level", "warn"});
  ASSERT_TRUE(final_server.started()) << final_server.startup_line();
  auto channel = grpc::CreateChannel(final_server.address(), grpc::InsecureChannelCredentials());
  auto network = v1::NetworkService::NewStub(channel);
  v1::GetNetworkRequest get;
  get.set_view(v1::NETWORK_VIEW_FULL);
  v1::GetNetworkResponse current;
  grpc::ClientContext context;
  ASSERT_TRUE(network->GetNetwork(&context, get, &current).ok());
  for (int c = 0; c < kClients; ++c) {
    std::int64_t a = 0;
    std::int64_t b = 0;
    for (const auto& r : current.network().routes()) {
      if (r.id() == kRoutes[c][0]) a = r.payload_kg();
      if (r.id() == kRoutes[c][1]) b = r.payload_kg();
    }
    EXPECT_EQ(a, b);
    if (logs[c].last_acked_value != 0 && a != logs[c].last_acked_value &&
        a != logs[c].in_flight_value) {
      ++lost;
    }
  }
  EXPECT_EQ(final_server.Stop(), 0);
  const auto check = RunProcess({kServer, "--check-store", store});
  EXPECT_EQ(check.exit_code, 0) << check.err;
  std::printf(
      "crash loop: %d SIGKILLs, %d writes acknowledged, %d acknowledged versions checked in the "
      "log, %d in-flight writes found durable, %d in-flight writes not applied, %d lost; final "
      "version %lld\n%s",
      iterations, total_acked, checked_versions, in_flight_durable, in_flight_lost, lost,
      static_cast<long long>(current.network_version()), check.out.c_str());
  EXPECT_EQ(lost, 0);
  EXPECT_GT(total_acked, iterations) << "the loop must actually write";
  fs::remove_all(dir);
}

}  // namespace
}  // namespace aircargo::testing
