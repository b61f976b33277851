// The edit commands through RunCli against the gMock stubs: the requests they build (field masks
// from the options given, the expected version read first or given), what they print, and the
// exit codes of a conflict and of bad option values.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "client/exit_codes.h"
#include "tests/client/cli_test_support.h"

namespace aircargo::client {
namespace {

using ::testing::_;
using testing::CliRun;
using ::testing::DoAll;
using testing::FakeStubs;
using ::testing::HasSubstr;
using ::testing::Invoke;
using ::testing::Return;
using testing::RunArgs;
using ::testing::SetArgPointee;

v1::EditResponse Version(std::int64_t version) {
  v1::EditResponse response;
  response.set_network_version(version);
  return response;
}

TEST(RouteUpdateCommand, SendsExactlyTheGivenFieldsAsTheMaskWithTheGivenVersion) {
  FakeStubs stubs;
  v1::UpdateRouteRequest sent;
  EXPECT_CALL(stubs.edit, UpdateRoute(_, _, _))
      .WillOnce(DoAll(Invoke([&](auto*, const v1::UpdateRouteRequest& r, auto*) { sent = r; }),
                      SetArgPointee<2>(Version(5)), Return(grpc::Status::OK)));
  const CliRun run = RunArgs(
      stubs, {"route", "update", "SHE-YVR-W8", "--flights-per-week", "3", "--departures",
              "sun 19:32, Wed 19:32,FRI 19:32", "--status", "planned", "--expected-version", "4"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(run.out,
            "SHE-YVR-W8 updated (flights_per_week, departures, status): network version 5\n");
  EXPECT_EQ(sent.write().expected_version(), 4);
  EXPECT_EQ(sent.edit().route().id(), "SHE-YVR-W8");
  EXPECT_EQ(sent.edit().route().flights_per_week(), 3);
  EXPECT_EQ(sent.edit().route().status(), v1::ROUTE_STATUS_PLANNED);
  ASSERT_EQ(sent.edit().route().departures_size(), 3);
  EXPECT_EQ(sent.edit().route().departures(1).weekday(), v1::WEDNESDAY);
  EXPECT_EQ(sent.edit().route().departures(1).local_time(), "19:32");
  EXPECT_THAT(sent.edit().update_mask().paths(),
              ::testing::ElementsAre("flights_per_week", "departures", "status"));
}

TEST(RouteUpdateCommand, ReadsTheCurrentVersionWhenNoneIsGiven) {
  FakeStubs stubs;
  v1::GetNetworkResponse network;
  network.set_network_version(17);
  EXPECT_CALL(stubs.network, GetNetwork(_, _, _))
      .WillOnce(DoAll(SetArgPointee<2>(network), Return(grpc::Status::OK)));
  EXPECT_CALL(stubs.edit, DeleteRoute(_, _, _))
      .WillOnce(Invoke([](auto*, const v1::DeleteRouteRequest& r, v1::EditResponse* response) {
        EXPECT_EQ(r.write().expected_version(), 17);
        EXPECT_EQ(r.edit().route_id(), "X-Y-Z");
        response->set_network_version(18);
        return grpc::Status::OK;
      }));
  const CliRun run = RunArgs(stubs, {"route", "delete", "X-Y-Z"});
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(run.out, "X-Y-Z deleted: network version 18\n");
}

TEST(RouteUpdateCommand, AConflictExitsSixAndSaysToReReadAndRetry) {
  FakeStubs stubs;
  EXPECT_CALL(stubs.edit, SetRouteStatus(_, _, _))
      .WillOnce(Return(grpc::Status(grpc::StatusCode::ABORTED,
                                    "write.expected_version: the network is at version 9, not 8: "
                                    "re-read and retry")));
  const CliRun run = RunArgs(
      stubs, {"route", "suspend", "SHE-YVR-W8", "--reason", "crew", "--expected-version", "8"});
  EXPECT_EQ(run.exit_code, 6);
  EXPECT_THAT(run.err, HasSubstr("conflict: "));
  EXPECT_THAT(run.err, HasSubstr("re-read and retry"));
}

TEST(RouteUpdateCommand, IsAUsageErrorWithoutFieldsOrWithABadValue) {
  FakeStubs stubs;
  const CliRun none = RunArgs(stubs, {"route", "update", "SHE-YVR-W8"});
  EXPECT_EQ(none.exit_code, 2);
  EXPECT_THAT(none.err, HasSubstr("at least one field"));
  const CliRun mode = RunArgs(
      stubs, {"route", "update", "SHE-YVR-W8", "--mode", "rocket", "--expected-version", "1"});
  EXPECT_EQ(mode.exit_code, 2);
  EXPECT_THAT(mode.err, HasSubstr("--mode: must be one of freighter, belly, truck"));
  const CliRun number = RunArgs(
      stubs, {"route", "update", "SHE-YVR-W8", "--payload-kg", "40t", "--expected-version", "1"});
  EXPECT_EQ(number.exit_code, 2);
  EXPECT_THAT(number.err, HasSubstr("--payload-kg: not a valid value: \"40t\""));
}

TEST(HistoryCommand, PrintsOneLinePerWriteWithItsAuthorAndEdits) {
  FakeStubs stubs;
  v1::ListEditsResponse log;
  auto* record = log.add_edits();
  record->set_version(2);
  record->set_author("planner");
  record->mutable_time()->set_seconds(1764629400);  // 2025-12-01T22:50:00Z
  auto* update = record->add_edits()->mutable_update_route();
  update->mutable_route()->set_id("SHE-YVR-W8");
  update->mutable_route()->set_flights_per_week(3);
  update->mutable_update_mask()->add_paths("flights_per_week");
  log.set_network_version(2);
  log.set_oldest_version(2);
  EXPECT_CALL(stubs.edit, ListEdits(_, _, _))
      .WillOnce(DoAll(SetArgPointee<2>(log), Return(grpc::Status::OK)));
  const CliRun run = RunArgs(stubs, {"history", "--since", "1"});
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(run.out,
            "version 2  2025-12-01T22:50:00Z  planner  update_route SHE-YVR-W8 "
            "(flights_per_week=3)\n1 edits; network version 2, oldest kept version 2\n");
}

}  // namespace
}  // namespace aircargo::client
