// The stored-scenario commands against gMock stubs: what each sends (name, description, overlay
// from the scenario flags, expected versions, --add merging into the stored overlay), --scenario
// on planning commands, compare --base/--with, the renderings (stale scenarios flagged) and the
// exit codes of ALREADY_EXISTS, NOT_FOUND and ABORTED.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "tests/client/cli_test_support.h"

namespace aircargo::client {
namespace {

using ::testing::_;
using testing::CliRun;
using ::testing::DoAll;
using testing::FakeStubs;
using ::testing::HasSubstr;
using ::testing::Return;
using testing::RunArgs;
using ::testing::SaveArg;
using ::testing::SetArgPointee;

TEST(ScenarioCommands, CreateSendsTheNameDescriptionAndTheFlagsAsOverlay) {
  FakeStubs stubs;
  v1::CreateScenarioRequest sent;
  v1::StoredScenario made;
  made.set_name("plan-2025");
  made.set_version(1);
  EXPECT_CALL(stubs.scenario, CreateScenario(_, _, _))
      .WillOnce(DoAll(SaveArg<1>(&sent), SetArgPointee<2>(made), Return(grpc::Status::OK)));
  const CliRun run = RunArgs(stubs, {"scenario", "create", "plan-2025", "--with-planned", "--close",
                                     "pek", "--description", "the plan"});
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(run.out, "scenario \"plan-2025\" created: version 1\n");
  EXPECT_EQ(sent.scenario().name(), "plan-2025");
  EXPECT_EQ(sent.scenario().description(), "the plan");
  EXPECT_TRUE(sent.scenario().overlay().include_planned());
  EXPECT_EQ(sent.scenario().overlay().closed_airports(0), "PEK");
  EXPECT_EQ(sent.scenario().overlay().name(), "");
}

TEST(ScenarioCommands, CreateOfAnExistingNameExitsThree) {
  FakeStubs stubs;
  EXPECT_CALL(stubs.scenario, CreateScenario(_, _, _))
      .WillOnce(Return(grpc::Status(grpc::StatusCode::ALREADY_EXISTS,
                                    "scenario.name: a scenario named \"a\" exists already")));
  const CliRun run = RunArgs(stubs, {"scenario", "create", "a"});
  EXPECT_EQ(run.exit_code, 3);
  EXPECT_THAT(run.err, HasSubstr("aircargo: scenario.name: a scenario named \"a\" exists"));
}

TEST(ScenarioCommands, UpdateWithAddMergesIntoTheStoredOverlayAndKeepsTheDescription) {
  FakeStubs stubs;
  v1::GetScenarioResponse current;
  current.mutable_scenario()->set_name("plan-2025");
  current.mutable_scenario()->set_version(4);
  current.mutable_scenario()->set_description("kept");
  current.mutable_scenario()->mutable_overlay()->set_include_planned(true);
  EXPECT_CALL(stubs.scenario, GetScenario(_, _, _))
      .WillOnce(DoAll(SetArgPointee<2>(current), Return(grpc::Status::OK)));
  v1::UpdateScenarioRequest sent;
  EXPECT_CALL(stubs.scenario, UpdateScenario(_, _, _))
      .WillOnce(DoAll(SaveArg<1>(&sent), Return(grpc::Status::OK)));
  const CliRun run = RunArgs(stubs, {"scenario", "update", "plan-2025", "--add", "--close", "PEK"});
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(sent.expected_version(), 4);
  EXPECT_EQ(sent.scenario().description(), "kept");
  EXPECT_TRUE(sent.scenario().overlay().include_planned());
  EXPECT_EQ(sent.scenario().overlay().closed_airports(0), "PEK");
}

TEST(ScenarioCommands, UpdateReplacesWithoutAddAndAConflictExitsSix) {
  FakeStubs stubs;
  v1::GetScenarioResponse current;
  current.mutable_scenario()->set_version(2);
  current.mutable_scenario()->mutable_overlay()->set_include_planned(true);
  EXPECT_CALL(stubs.scenario, GetScenario(_, _, _))
      .WillOnce(DoAll(SetArgPointee<2>(current), Return(grpc::Status::OK)));
  v1::UpdateScenarioRequest sent;
  EXPECT_CALL(stubs.scenario, UpdateScenario(_, _, _))
      .WillOnce(DoAll(SaveArg<1>(&sent),
                      Return(grpc::Status(grpc::StatusCode::ABORTED,
                                          "expected_version: scenario \"a\" is at version 2"))));
  const CliRun run = RunArgs(stubs, {"scenario", "update", "a", "--drop", "R1", "--description",
                                     "new", "--expected-version", "1"});
  EXPECT_EQ(run.exit_code, 6);
  EXPECT_EQ(sent.expected_version(), 1);
  EXPECT_EQ(sent.scenario().description(), "new");
  EXPECT_FALSE(sent.scenario().overlay().include_planned());
  EXPECT_EQ(sent.scenario().overlay().closed_routes(0), "R1");
}

TEST(ScenarioCommands, ListFlagsStaleScenariosWithTheirProblems) {
  FakeStubs stubs;
  v1::ListScenariosResponse listed;
  listed.set_network_version(3);
  v1::StoredScenario* fine = listed.add_scenarios();
  fine->set_name("fine");
  fine->set_version(1);
  fine->mutable_overlay()->set_include_planned(true);
  v1::StoredScenario* stale = listed.add_scenarios();
  stale->set_name("stale");
  stale->set_version(2);
  stale->add_problems("scenario.closed_routes[0]: route \"X\" not found");
  EXPECT_CALL(stubs.scenario, ListScenarios(_, _, _))
      .WillOnce(DoAll(SetArgPointee<2>(listed), Return(grpc::Status::OK)));
  const CliRun run = RunArgs(stubs, {"scenario", "list"});
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_THAT(run.out, HasSubstr("with planned routes"));
  EXPECT_THAT(run.out, HasSubstr("STALE (1)"));
  EXPECT_THAT(run.out, HasSubstr("Stale against network version 3"));
  EXPECT_THAT(run.out, HasSubstr("stale: scenario.closed_routes[0]: route \"X\" not found"));
}

TEST(ScenarioCommands, DeleteSendsTheExpectedVersionAndUnknownExitsThree) {
  FakeStubs stubs;
  v1::DeleteScenarioRequest sent;
  EXPECT_CALL(stubs.scenario, DeleteScenario(_, _, _))
      .WillOnce(DoAll(SaveArg<1>(&sent), Return(grpc::Status(grpc::StatusCode::NOT_FOUND,
                                                             "name: no stored scenario \"a\""))));
  const CliRun run = RunArgs(stubs, {"scenario", "delete", "a", "--expected-version", "3"});
  EXPECT_EQ(run.exit_code, 3);
  EXPECT_EQ(sent.expected_version(), 3);
  EXPECT_THAT(run.err, HasSubstr("no stored scenario \"a\""));
}

TEST(ScenarioCommands, PlanningCommandsSendTheScenarioName) {
  FakeStubs stubs;
  v1::ComputeCapacityRequest sent;
  EXPECT_CALL(stubs.planner, ComputeCapacity(_, _, _))
      .WillOnce(DoAll(SaveArg<1>(&sent), Return(grpc::Status::OK)));
  const CliRun run =
      RunArgs(stubs, {"capacity", "SHE", "YVR", "--scenario", "plan-2025", "--close", "PEK"});
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(sent.scenario().name(), "plan-2025");
  EXPECT_EQ(sent.scenario().closed_airports(0), "PEK");
}

TEST(ScenarioCommands, CompareBaseWithNamesBothSidesAndNamesTheirVersions) {
  FakeStubs stubs;
  v1::CompareScenariosRequest sent;
  v1::CompareScenariosResponse response;
  response.mutable_baseline_stored_scenario()->set_name("today");
  response.mutable_alternative_stored_scenario()->set_name("plan-2025");
  response.mutable_alternative_stored_scenario()->set_version(2);
  EXPECT_CALL(stubs.planner, CompareScenarios(_, _, _))
      .WillOnce(DoAll(SaveArg<1>(&sent), SetArgPointee<2>(response), Return(grpc::Status::OK)));
  const CliRun run = RunArgs(stubs, {"compare", "--base", "today", "--with", "plan-2025"});
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(sent.baseline().name(), "today");
  EXPECT_EQ(sent.alternative().name(), "plan-2025");
  EXPECT_FALSE(sent.alternative().include_planned());  // the stored scenario decides
  EXPECT_THAT(run.out, HasSubstr("Compares \"today\" (built-in) with \"plan-2025\" (stored "
                                 "scenario, version 2)"));
}

}  // namespace
}  // namespace aircargo::client
