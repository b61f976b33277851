// Option parsing of RunCli: defaults, AIRCARGO_SERVER, --server, --timeout, --help, --version and
// the usage errors (exit 2, one line on stderr, no call made).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <chrono>
#include <string>

#include "client/exit_codes.h"
#include "tests/client/cli_test_support.h"

namespace aircargo::client {
namespace {

using ::testing::_;
using testing::CliRun;
using testing::FakeStubs;
using ::testing::HasSubstr;
using ::testing::Invoke;
using ::testing::MatchesRegex;
using ::testing::Return;
using testing::RunArgs;
using testing::ScopedEnv;
using ::testing::StartsWith;

constexpr int kUsage = static_cast<int>(ExitCode::kUsage);

// One line on stderr, starting "aircargo: ".
MATCHER(IsOneErrorLine, "") {
  return arg.rfind("aircargo: ", 0) == 0 && !arg.empty() && arg.back() == '\n' &&
         arg.find('\n') == arg.size() - 1;
}

void ExpectGetNetworkOk(FakeStubs& stubs) {
  EXPECT_CALL(stubs.network, GetNetwork(_, _, _)).WillOnce(Return(grpc::Status::OK));
}

TEST(RunCli, UsesTheDefaultServerWhenNeitherFlagNorEnvironmentIsSet) {
  ScopedEnv env("AIRCARGO_SERVER", std::nullopt);
  FakeStubs stubs;
  ExpectGetNetworkOk(stubs);
  const CliRun run = RunArgs(stubs, {"network"});
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_THAT(stubs.servers, ::testing::ElementsAre("127.0.0.1:50051"));
}

TEST(RunCli, UsesAircargoServerWhenTheEnvironmentSetsIt) {
  ScopedEnv env("AIRCARGO_SERVER", "cargo.example:6000");
  FakeStubs stubs;
  ExpectGetNetworkOk(stubs);
  const CliRun run = RunArgs(stubs, {"network"});
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_THAT(stubs.servers, ::testing::ElementsAre("cargo.example:6000"));
}

TEST(RunCli, PrefersServerFlagWhenBothFlagAndEnvironmentAreSet) {
  ScopedEnv env("AIRCARGO_SERVER", "cargo.example:6000");
  FakeStubs stubs;
  ExpectGetNetworkOk(stubs);
  const CliRun run = RunArgs(stubs, {"--server", "10.0.0.5:7000", "network"});
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_THAT(stubs.servers, ::testing::ElementsAre("10.0.0.5:7000"));
}

TEST(RunCli, AcceptsGlobalOptionsWhenTheyFollowTheCommand) {
  ScopedEnv env("AIRCARGO_SERVER", std::nullopt);
  FakeStubs stubs;
  ExpectGetNetworkOk(stubs);
  const CliRun run = RunArgs(stubs, {"network", "--server", "10.0.0.5:7000", "--json"});
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_THAT(stubs.servers, ::testing::ElementsAre("10.0.0.5:7000"));
  EXPECT_THAT(run.out, StartsWith("{"));
}

// The deadline of the call, in seconds from when the call was made.
double DeadlineSecondsOfOneCall(const std::vector<std::string>& args) {
  FakeStubs stubs;
  double seconds = -1;
  EXPECT_CALL(stubs.network, GetNetwork(_, _, _))
      .WillOnce(Invoke([&](grpc::ClientContext* context, const v1::GetNetworkRequest&,
                           v1::GetNetworkResponse*) {
        seconds =
            std::chrono::duration<double>(context->deadline() - std::chrono::system_clock::now())
                .count();
        return grpc::Status::OK;
      }));
  const CliRun run = RunArgs(stubs, args);
  EXPECT_EQ(run.exit_code, 0) << run.err;
  return seconds;
}

TEST(RunCli, SetsATenSecondDeadlineWhenNoTimeoutIsGiven) {
  EXPECT_NEAR(DeadlineSecondsOfOneCall({"network"}), 10.0, 1.0);
}

TEST(RunCli, SetsTheDeadlineFromTimeoutWhenGiven) {
  EXPECT_NEAR(DeadlineSecondsOfOneCall({"--timeout", "2.5", "network"}), 2.5, 1.0);
}

TEST(RunCli, IsUsageErrorWhenTimeoutIsNotPositive) {
  FakeStubs stubs;
  for (const char* value : {"0", "-1", "abc"}) {
    const CliRun run = RunArgs(stubs, {"--timeout", value, "network"});
    EXPECT_EQ(run.exit_code, kUsage) << value;
    EXPECT_THAT(run.err, IsOneErrorLine());
    EXPECT_THAT(run.err, HasSubstr("--timeout"));
  }
}

TEST(RunCli, IsUsageErrorWithOneLineWhenStatusIsUnknown) {
  FakeStubs stubs;  // strict: no call may be made
  const CliRun run = RunArgs(stubs, {"routes", "--status", "grounded"});
  EXPECT_EQ(run.exit_code, kUsage);
  EXPECT_THAT(run.err, IsOneErrorLine());
  EXPECT_THAT(run.err, HasSubstr("--status: must be operating, planned or suspended"));
  EXPECT_THAT(run.err, HasSubstr("\"grounded\""));
  EXPECT_EQ(run.out, "");
}

TEST(RunCli, IsUsageErrorWhenTheCommandIsUnknown) {
  FakeStubs stubs;
  const CliRun run = RunArgs(stubs, {"fly"});
  EXPECT_EQ(run.exit_code, kUsage);
  EXPECT_EQ(run.err, "aircargo: unknown command \"fly\" (see 'aircargo --help')\n");
}

TEST(RunCli, IsUsageErrorWhenNoCommandIsGiven) {
  FakeStubs stubs;
  const CliRun run = RunArgs(stubs, {});
  EXPECT_EQ(run.exit_code, kUsage);
  EXPECT_THAT(run.err, IsOneErrorLine());
  EXPECT_THAT(run.err, HasSubstr("no command"));
}

TEST(RunCli, IsUsageErrorWhenAnOptionIsUnknown) {
  FakeStubs stubs;
  const CliRun run = RunArgs(stubs, {"routes", "--colour", "red"});
  EXPECT_EQ(run.exit_code, kUsage);
  EXPECT_THAT(run.err, IsOneErrorLine());
  EXPECT_THAT(run.err, HasSubstr("unknown option \"--colour\""));
}

TEST(RunCli, IsUsageErrorWhenAirportHasNoIata) {
  FakeStubs stubs;
  const CliRun run = RunArgs(stubs, {"airport"});
  EXPECT_EQ(run.exit_code, kUsage);
  EXPECT_THAT(run.err, IsOneErrorLine());
  EXPECT_THAT(run.err, HasSubstr("IATA is required"));
}

TEST(RunCli, PrintsHelpWithExitCodesWhenAskedForHelp) {
  FakeStubs stubs;
  const CliRun run = RunArgs(stubs, {"--help"});
  EXPECT_EQ(run.exit_code, 0);
  EXPECT_EQ(run.err, "");
  EXPECT_THAT(run.out, HasSubstr("--server"));
  EXPECT_THAT(run.out, HasSubstr("AIRCARGO_SERVER"));
  EXPECT_THAT(run.out, HasSubstr("routes"));
  EXPECT_THAT(run.out, HasSubstr("Exit codes:"));
  EXPECT_THAT(run.out, HasSubstr("4  server unreachable"));
}

TEST(RunCli, PrintsCommandHelpWhenAskedForHelpOnACommand) {
  FakeStubs stubs;
  const CliRun run = RunArgs(stubs, {"routes", "--help"});
  EXPECT_EQ(run.exit_code, 0);
  EXPECT_THAT(run.out, HasSubstr("--carrier"));
  EXPECT_THAT(run.out, HasSubstr("operating|planned|suspended"));
}

TEST(RunCli, PrintsTheVersionWhenAskedForIt) {
  FakeStubs stubs;
  const CliRun run = RunArgs(stubs, {"--version"});
  EXPECT_EQ(run.exit_code, 0);
  EXPECT_THAT(run.out, MatchesRegex("aircargo [0-9]+\\.[0-9]+\\.[0-9]+\n"));
}

}  // namespace
}  // namespace aircargo::client
