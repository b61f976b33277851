// The replicas behind a real balancer (issue 20; label scaleout): PostgreSQL, three aircargod
// replicas and HAProxy 2.6 with the repository's deploy/haproxy.cfg, all on loopback. Calls
// through the balancer reach every replica; killing one replica fails no call beyond those in
// flight on it (each retried once, as a client would); a write through the balancer is read
// through it at once with the min-version header.
#include <gtest/gtest.h>
#include <signal.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "tests/integration/postgres_server.h"
#include "tests/integration/process.h"
#include "tests/integration/replica_client.h"

namespace aircargo::testing {
namespace {

constexpr char kServer[] = AIRCARGOD_PATH;
constexpr char kConfig[] = AIRCARGO_SOURCE_DIR "/deploy/haproxy.cfg";

// HAProxy started in the background with deploy/haproxy.cfg; killed on destruction.
class Balancer {
 public:
  Balancer(const std::vector<std::string>& replicas, int port) : port_(port) {
    pid_file_ = "/tmp/aircargo_haproxy_" + std::to_string(getpid()) + ".pid";
    std::string command = "env AIRCARGO_LB_BIND=127.0.0.1:" + std::to_string(port);
    for (std::size_t i = 0; i < replicas.size(); ++i) {
      command += " AIRCARGO_REPLICA_" + std::to_string(i + 1) + "=" + replicas[i];
    }
    command += std::string(" haproxy -D -p ") + pid_file_ + " -f " + kConfig +
               " > /tmp/aircargo_haproxy.log 2>&1 < /dev/null";
    started_ = std::system(command.c_str()) == 0;
  }
  ~Balancer() {
    std::ifstream pid(pid_file_);
    long long id = 0;
    if (pid >> id && id > 0) ::kill(static_cast<pid_t>(id), SIGTERM);
    std::remove(pid_file_.c_str());
  }
  bool started() const { return started_; }
  std::string address() const { return "127.0.0.1:" + std::to_string(port_); }

 private:
  int port_;
  bool started_ = false;
  std::string pid_file_;
};

class BalancerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(pg_.started()) << pg_.error();
    for (int i = 0; i < 3; ++i) {
      replicas_.push_back(std::make_unique<ServerProcess>(
          kServer, std::vector<std::string>{"--store", pg_.url(), "--log-level", "warn"}));
      ASSERT_TRUE(replicas_.back()->started()) << replicas_.back()->startup_line();
      addresses_.push_back(replicas_.back()->address());
    }
    balancer_ = std::make_unique<Balancer>(addresses_, FreeLoopbackPort());
    ASSERT_TRUE(balancer_->started()) << "haproxy did not start (see /tmp/aircargo_haproxy.log)";
    // Every replica healthy first (directly), then the balancer answering.
    for (const std::string& address : addresses_) {
      Replica replica(address);
      ASSERT_EQ(Health(replica.channel, ""), 1) << address;
    }
    lb_ = std::make_unique<Replica>(balancer_->address());
    bool up = false;
    for (const auto since = Clock::now(); !up && Clock::now() - since < std::chrono::seconds(10);) {
      up = lb_->Version() > 0;
      if (!up) std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    ASSERT_TRUE(up) << "no answer through the balancer";
  }

  PostgresServer pg_;
  std::vector<std::unique_ptr<ServerProcess>> replicas_;
  std::vector<std::string> addresses_;
  std::unique_ptr<Balancer> balancer_;
  std::unique_ptr<Replica> lb_;
};

TEST_F(BalancerTest, KillingAReplicaFailsNoCallBeyondThoseInFlight) {
  int failed_before = 0;
  for (int i = 0; i < 60; ++i) failed_before += lb_->Version() > 0 ? 0 : 1;
  EXPECT_EQ(failed_before, 0);

  // Calls in a loop while replica 2 is killed; a failed call is retried once, as a client would.
  std::atomic<bool> stop{false};
  std::atomic<int> calls{0};
  std::atomic<int> failed{0};
  std::atomic<int> failed_after_retry{0};
  std::thread client([&] {
    while (!stop) {
      ++calls;
      if (lb_->Version() > 0) continue;
      ++failed;
      if (lb_->Version() <= 0) ++failed_after_retry;
    }
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(700));
  replicas_[1]->Kill();
  std::this_thread::sleep_for(std::chrono::milliseconds(2500));
  stop = true;
  client.join();
  std::printf(
      "%d calls through the balancer while a replica was killed: %d failed once, %d "
      "failed again on retry\n",
      calls.load(), failed.load(), failed_after_retry.load());
  EXPECT_GT(calls.load(), 50);
  EXPECT_EQ(failed_after_retry.load(), 0);
  EXPECT_LE(failed.load(), 2) << "more failures than calls in flight on the killed replica";

  // Writes keep working through the balancer, and the survivors agree.
  std::int64_t made = 0;
  const auto status = lb_->SetPayload(91'000, lb_->Version(), "after-kill", &made);
  ASSERT_TRUE(status.ok()) << status.error_message();
  for (int r : {0, 2}) {
    Replica replica(addresses_[r]);
    ASSERT_TRUE(WaitForVersion(replica, made, std::chrono::seconds(10))) << "replica " << r;
    EXPECT_EQ(replica.Payload(), 91'000);
  }
}

TEST_F(BalancerTest, AWriteThroughTheBalancerIsReadThroughItWithTheMinimumVersion) {
  for (int i = 0; i < 30; ++i) {
    std::int64_t made = 0;
    // The version to write against, read through the balancer too (any replica may answer).
    grpc::Status status;
    for (int attempt = 0; attempt < 5; ++attempt) {
      status = lb_->SetPayload(92'000 + i, lb_->Version(), "", &made);
      if (status.error_code() != grpc::StatusCode::ABORTED) break;  // read a replica behind
    }
    ASSERT_TRUE(status.ok()) << status.error_message();
    grpc::ClientContext context;
    context.AddMetadata("x-aircargo-min-version", std::to_string(made));
    context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(5));
    v1::GetNetworkResponse response;
    const auto read = lb_->network->GetNetwork(&context, v1::GetNetworkRequest(), &response);
    ASSERT_TRUE(read.ok()) << read.error_message();
    EXPECT_GE(response.network_version(), made);
  }
}

// The balancer-less alternative the README documents: the client's own round_robin over the
// replicas' addresses. Every call succeeds, also after one replica is killed.
TEST_F(BalancerTest, ClientSideRoundRobinOverTheReplicasNeedsNoBalancer) {
  std::string target = "ipv4:";
  for (std::size_t i = 0; i < addresses_.size(); ++i) target += (i ? "," : "") + addresses_[i];
  grpc::ChannelArguments arguments;
  arguments.SetServiceConfigJSON(R"({"loadBalancingConfig": [{"round_robin": {}}]})");
  auto channel = grpc::CreateCustomChannel(target, grpc::InsecureChannelCredentials(), arguments);
  auto network = v1::NetworkService::NewStub(channel);
  const auto call = [&] {
    grpc::ClientContext context;
    context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(5));
    v1::GetNetworkResponse response;
    return network->GetNetwork(&context, v1::GetNetworkRequest(), &response).ok();
  };
  int failed = 0;
  for (int i = 0; i < 60; ++i) failed += call() ? 0 : 1;
  EXPECT_EQ(failed, 0);
  replicas_[2]->Kill();
  int failed_twice = 0;
  for (int i = 0; i < 200; ++i) {
    if (!call() && !call()) ++failed_twice;  // a call in flight on the killed one is retried
  }
  EXPECT_EQ(failed_twice, 0);
}

}  // namespace
}  // namespace aircargo::testing
