// A test suite base for integration tests: one real aircargod (embedded Shenyang network, free
// loopback port) per suite, and Cli(args) running the real aircargo binary against it. The server
// must shut down cleanly on SIGTERM at the end of the suite.
#pragma once

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "tests/integration/process.h"

namespace aircargo::testing {

inline const std::string kServer = AIRCARGOD_PATH;
inline const std::string kCli = AIRCARGO_CLI_PATH;

class ServedNetworkTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    server_ = new ServerProcess(kServer);
    ASSERT_TRUE(server_->started()) << "aircargod did not start: " << server_->startup_line();
  }
  static void TearDownTestSuite() {
    EXPECT_EQ(server_->Stop(), 0) << "aircargod did not shut down cleanly on SIGTERM";
    delete server_;
    server_ = nullptr;
  }

  // `aircargo --server ADDRESS ARGS...`.
  static ProcessResult Cli(std::vector<std::string> args) {
    std::vector<std::string> argv = {kCli, "--server", server_->address()};
    argv.insert(argv.end(), args.begin(), args.end());
    return RunProcess(argv);
  }

  inline static ServerProcess* server_ = nullptr;
};

}  // namespace aircargo::testing
