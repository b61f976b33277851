// LivingTest: a temporary directory with a store file, the real aircargod serving it, and the
// real aircargo CLI pointed at that server. Shared by the living-network integration tests.
#pragma once

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include "tests/integration/process.h"

namespace aircargo::testing {

namespace fs = std::filesystem;

constexpr char kServer[] = AIRCARGOD_PATH;
constexpr char kCli[] = AIRCARGO_CLI_PATH;

class LivingTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("aircargo_living_" + std::to_string(getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    store_ = (dir_ / "net.sqlite").string();
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::unique_ptr<ServerProcess> Serve(std::vector<std::string> extra = {}) {
    std::vector<std::string> args = {"--store", store_};
    args.insert(args.end(), extra.begin(), extra.end());
    auto server = std::make_unique<ServerProcess>(kServer, args);
    EXPECT_TRUE(server->started()) << server->startup_line();
    return server;
  }

  static ProcessResult Cli(const ServerProcess& server, std::vector<std::string> args,
                           const std::vector<std::string>& env = {}) {
    args.insert(args.begin(), {kCli, "--server", server.address()});
    return RunProcess(args, env);
  }

  std::string Write(const std::string& name, const std::string& text) {
    const std::string path = (dir_ / name).string();
    std::ofstream(path) << text;
    return path;
  }

  fs::path dir_;
  std::string store_;
};

}  // namespace aircargo::testing
