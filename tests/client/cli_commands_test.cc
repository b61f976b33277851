// The NetworkService commands through RunCli against the gMock stub: the requests they send, what
// they print, and how a failed call becomes an exit code and one stderr line.
#include <gmock/gmock.h>
#include <google/protobuf/util/json_util.h>
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
using ::testing::Property;
using ::testing::Return;
using testing::RunArgs;
using testing::SampleRoutes;
using ::testing::SetArgPointee;
using ::testing::StartsWith;

TEST(NetworkCommand, AsksForTheSummaryViewAndPrintsTotals) {
  FakeStubs stubs;
  v1::GetNetworkResponse response;
  response.mutable_network()->set_name("Shenyang cargo");
  response.mutable_summary()->mutable_operating()->set_route_count(3);
  response.mutable_summary()->mutable_operating()->set_weekly_capacity_kg(43500);
  EXPECT_CALL(stubs.network,
              GetNetwork(_, Property(&v1::GetNetworkRequest::view, v1::NETWORK_VIEW_SUMMARY), _))
      .WillOnce(DoAll(SetArgPointee<2>(response), Return(grpc::Status::OK)));
  const CliRun run = RunArgs(stubs, {"network"});
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(run.err, "");
  EXPECT_THAT(run.out, HasSubstr("Shenyang cargo"));
  EXPECT_THAT(run.out, HasSubstr("3 routes, 43.5 t/week"));
}

TEST(AirportCommand, SendsTheIataInUpperCaseWhenTypedInLowerCase) {
  FakeStubs stubs;
  v1::GetAirportResponse response;
  response.mutable_airport()->set_iata("SHE");
  response.mutable_airport()->set_name("Shenyang Taoxian");
  EXPECT_CALL(stubs.network, GetAirport(_, Property(&v1::GetAirportRequest::iata, "SHE"), _))
      .WillOnce(DoAll(SetArgPointee<2>(response), Return(grpc::Status::OK)));
  const CliRun run = RunArgs(stubs, {"airport", "she"});
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_THAT(run.out, HasSubstr("Shenyang Taoxian"));
}

TEST(AirportsCommand, SendsTheCountryInUpperCaseWhenFiltered) {
  FakeStubs stubs;
  EXPECT_CALL(stubs.network, ListAirports(_, Property(&v1::ListAirportsRequest::country, "CN"), _))
      .WillOnce(Return(grpc::Status::OK));
  const CliRun run = RunArgs(stubs, {"airports", "--country", "cn"});
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(run.out, "0 airports\n");
}

TEST(RoutesCommand, SendsEveryFilterNormalisedWhenGiven) {
  FakeStubs stubs;
  EXPECT_CALL(stubs.network,
              ListRoutes(_,
                         ::testing::AllOf(
                             Property(&v1::ListRoutesRequest::origin, "SHE"),
                             Property(&v1::ListRoutesRequest::destination, "YVR"),
                             Property(&v1::ListRoutesRequest::carrier, "w8"),
                             Property(&v1::ListRoutesRequest::status, v1::ROUTE_STATUS_PLANNED)),
                         _))
      .WillOnce(DoAll(SetArgPointee<2>(SampleRoutes()), Return(grpc::Status::OK)));
  const CliRun run = RunArgs(
      stubs, {"routes", "--from", "she", "--to", "yVr", "--carrier", "w8", "--status", "PLANNED"});
  EXPECT_EQ(run.exit_code, 0) << run.err;
}

TEST(RoutesCommand, SendsAnyStatusWhenNoFilterIsGiven) {
  FakeStubs stubs;
  EXPECT_CALL(stubs.network,
              ListRoutes(_,
                         ::testing::AllOf(Property(&v1::ListRoutesRequest::origin, ""),
                                          Property(&v1::ListRoutesRequest::status,
                                                   v1::ROUTE_STATUS_UNSPECIFIED)),
                         _))
      .WillOnce(DoAll(SetArgPointee<2>(SampleRoutes()), Return(grpc::Status::OK)));
  const CliRun run = RunArgs(stubs, {"routes"});
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_THAT(run.out, HasSubstr("\nSHE-YVR-W8  "));
  EXPECT_THAT(run.out, HasSubstr("\nSHE-ICN-KE  "));
  EXPECT_THAT(run.out, HasSubstr("\n2 routes, 147.0 t/week\n"));
  EXPECT_THAT(run.out, ::testing::EndsWith("\n  SHE-ICN-KE  KE winter schedule\n"));
}

TEST(RoutesCommand, PrintsProtoJsonWithSnakeCaseNamesWhenJsonIsSet) {
  FakeStubs stubs;
  EXPECT_CALL(stubs.network, ListRoutes(_, _, _))
      .WillOnce(DoAll(SetArgPointee<2>(SampleRoutes()), Return(grpc::Status::OK)));
  const CliRun run = RunArgs(stubs, {"--json", "routes"});
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_THAT(run.out, HasSubstr("\"flights_per_week\""));
  EXPECT_THAT(run.out, HasSubstr("\"network_version\""));
  EXPECT_THAT(run.out, ::testing::Not(HasSubstr("flightsPerWeek")));
  v1::ListRoutesResponse parsed;
  ASSERT_TRUE(google::protobuf::util::JsonStringToMessage(run.out, &parsed).ok()) << run.out;
  EXPECT_EQ(parsed.SerializeAsString(), SampleRoutes().SerializeAsString());
}

TEST(AirportCommand, ExitsThreeWithTheServerMessageWhenNotFound) {
  FakeStubs stubs;
  EXPECT_CALL(stubs.network, GetAirport(_, _, _))
      .WillOnce(Return(grpc::Status(grpc::StatusCode::NOT_FOUND, "airport \"XXX\" not found")));
  const CliRun run = RunArgs(stubs, {"airport", "xxx"});
  EXPECT_EQ(run.exit_code, 3);
  EXPECT_EQ(run.err, "aircargo: airport \"XXX\" not found\n");
  EXPECT_EQ(run.out, "");
}

TEST(RoutesCommand, ExitsThreeWhenTheServerRejectsTheRequest) {
  FakeStubs stubs;
  EXPECT_CALL(stubs.network, ListRoutes(_, _, _))
      .WillOnce(
          Return(grpc::Status(grpc::StatusCode::INVALID_ARGUMENT, "origin: not an IATA code")));
  const CliRun run = RunArgs(stubs, {"routes", "--from", "1"});
  EXPECT_EQ(run.exit_code, 3);
  EXPECT_EQ(run.err, "aircargo: origin: not an IATA code\n");
}

TEST(NetworkCommand, ExitsFourNamingTheServerWhenUnavailable) {
  FakeStubs stubs;
  EXPECT_CALL(stubs.network, GetNetwork(_, _, _))
      .WillOnce(Return(grpc::Status(grpc::StatusCode::UNAVAILABLE, "failed to connect")));
  const CliRun run = RunArgs(stubs, {"--server", "127.0.0.1:1", "network"});
  EXPECT_EQ(run.exit_code, 4);
  EXPECT_EQ(run.err,
            "aircargo: cannot reach aircargod at 127.0.0.1:1 (is it running? set --server or "
            "AIRCARGO_SERVER)\n");
  EXPECT_EQ(run.out, "");
}

TEST(NetworkCommand, ExitsFourNamingTheTimeoutWhenDeadlineExceeded) {
  FakeStubs stubs;
  EXPECT_CALL(stubs.network, GetNetwork(_, _, _))
      .WillOnce(Return(grpc::Status(grpc::StatusCode::DEADLINE_EXCEEDED, "Deadline Exceeded")));
  const CliRun run = RunArgs(stubs, {"network"});
  EXPECT_EQ(run.exit_code, 4);
  EXPECT_EQ(run.err, "aircargo: deadline exceeded after 10s\n");
}

TEST(AirportsCommand, ExitsFiveWhenTheServerDoesNotImplementTheMethod) {
  FakeStubs stubs;
  EXPECT_CALL(stubs.network, ListAirports(_, _, _))
      .WillOnce(Return(grpc::Status(grpc::StatusCode::UNIMPLEMENTED, "not yet")));
  const CliRun run = RunArgs(stubs, {"airports"});
  EXPECT_EQ(run.exit_code, 5);
  EXPECT_EQ(run.err, "aircargo: server error (UNIMPLEMENTED): not yet\n");
}

}  // namespace
}  // namespace aircargo::client
