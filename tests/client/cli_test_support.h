// Test support for the CLI: a StubFactory handing out strict gMock stubs and recording the server
// each command asked for, RunArgs to run the CLI on an argument list and capture its output, and
// ScopedEnv to set or clear an environment variable for one test.
#pragma once

#include <gmock/gmock.h>

#include <cstdlib>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "aircargo/v1/network_edit_service_mock.grpc.pb.h"
#include "aircargo/v1/network_service_mock.grpc.pb.h"
#include "aircargo/v1/planner_service_mock.grpc.pb.h"
#include "aircargo/v1/scenario_service_mock.grpc.pb.h"
#include "client/cli.h"
#include "client/stubs.h"

namespace aircargo::client::testing {

// The strict gMock stubs. Constructed, destroyed and handed out in cli_test_support.cc: the
// generated mock classes have a few hundred inline virtual methods, and a translation unit that
// constructs one instantiates them all (about 40 s of compiling per test file). Test files only
// set expectations (EXPECT_CALL instantiates the one method it names).
class FakeStubs : public StubFactory {
 public:
  FakeStubs();
  ~FakeStubs() override;
  FakeStubs(const FakeStubs&) = delete;
  FakeStubs& operator=(const FakeStubs&) = delete;

  v1::NetworkService::StubInterface& NetworkStub(const std::string& server) override;
  v1::PlannerService::StubInterface& PlannerStub(const std::string& server) override;
  v1::NetworkEditService::StubInterface& EditStub(const std::string& server) override;
  v1::ScenarioService::StubInterface& ScenarioStub(const std::string& server) override;

  ::testing::StrictMock<v1::MockNetworkServiceStub> network;
  ::testing::StrictMock<v1::MockPlannerServiceStub> planner;
  ::testing::StrictMock<v1::MockNetworkEditServiceStub> edit;
  ::testing::StrictMock<v1::MockScenarioServiceStub> scenario;
  std::vector<std::string> servers;  // one entry per *Stub() call
};

struct CliRun {
  int exit_code = -1;
  std::string out;
  std::string err;
};

// Runs `aircargo ARGS...`.
inline CliRun RunArgs(StubFactory& stubs, const std::vector<std::string>& args) {
  std::vector<const char*> argv = {"aircargo"};
  for (const std::string& arg : args) argv.push_back(arg.c_str());
  std::ostringstream out;
  std::ostringstream err;
  CliRun run;
  run.exit_code = RunCli(static_cast<int>(argv.size()), argv.data(), stubs, out, err);
  run.out = out.str();
  run.err = err.str();
  return run;
}

// Sets (or, with nullopt, unsets) an environment variable; restores it on destruction.
class ScopedEnv {
 public:
  ScopedEnv(std::string name, const std::optional<std::string>& value) : name_(std::move(name)) {
    if (const char* old = std::getenv(name_.c_str())) old_ = old;
    if (value) {
      setenv(name_.c_str(), value->c_str(), 1);
    } else {
      unsetenv(name_.c_str());
    }
  }
  ~ScopedEnv() {
    if (old_) {
      setenv(name_.c_str(), old_->c_str(), 1);
    } else {
      unsetenv(name_.c_str());
    }
  }
  ScopedEnv(const ScopedEnv&) = delete;
  ScopedEnv& operator=(const ScopedEnv&) = delete;

 private:
  std::string name_;
  std::optional<std::string> old_;
};

// Two routes out of Shenyang: SHE-YVR-W8 (43.5 t x 2/week = 87.0 t, a long source) and
// SHE-ICN-KE (20 t x 3/week = 60.0 t, planned). Together 147.0 t/week.
inline v1::ListRoutesResponse SampleRoutes() {
  v1::ListRoutesResponse response;
  v1::Route* yvr = response.add_routes();
  yvr->set_id("SHE-YVR-W8");
  yvr->set_origin("SHE");
  yvr->set_destination("YVR");
  yvr->set_carrier("W8");
  yvr->set_mode(v1::MODE_FREIGHTER);
  yvr->set_aircraft("B767-300F");
  yvr->set_payload_kg(43500);
  yvr->set_flights_per_week(2);
  yvr->set_status(v1::ROUTE_STATUS_OPERATING);
  yvr->set_effective_from("2024-05-01");
  yvr->set_source(
      "Cargojet press release 2024-04-10: twice-weekly B767F Shenyang-Vancouver service, "
      "confirmed in the OAG schedule");
  v1::Route* icn = response.add_routes();
  icn->set_id("SHE-ICN-KE");
  icn->set_origin("SHE");
  icn->set_destination("ICN");
  icn->set_carrier("KE");
  icn->set_mode(v1::MODE_BELLY);
  icn->set_aircraft("A321");
  icn->set_payload_kg(20000);
  icn->set_flights_per_week(3);
  icn->set_status(v1::ROUTE_STATUS_PLANNED);
  icn->set_source("KE winter schedule");
  response.set_network_version(7);
  return response;
}

}  // namespace aircargo::client::testing
