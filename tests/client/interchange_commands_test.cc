// `aircargo import openflights` (offline, on small fixture files) and `aircargo export`: online
// against the gMock NetworkService stub, which answers through the real NetworkServiceImpl on the
// test network (so the scenario is applied where it is in production: in the server), and offline
// with --network FILE; the request it sends, the formats written and the exit codes.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "formats/network_file.h"
#include "formats/network_proto.h"
#include "server/network_service.h"
#include "server/snapshot_holder.h"
#include "tests/client/cli_test_support.h"
#include "tests/server/test_network.h"

namespace aircargo::client {
namespace {

using ::testing::_;
using ::testing::AllOf;
using testing::CliRun;
using testing::FakeStubs;
using ::testing::HasSubstr;
using ::testing::Invoke;
using ::testing::Not;
using ::testing::Property;
using ::testing::Return;
using testing::RunArgs;

namespace fs = std::filesystem;

std::string TempPath(const std::string& name) {
  return (fs::path(::testing::TempDir()) / name).string();
}

void Write(const std::string& path, const std::string& text) { std::ofstream(path) << text; }

std::string Read(const std::string& path) {
  std::ifstream in(path);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// The stub's GetNetwork answers as aircargod does: the real handler over the test network.
auto AnswerAsTheServer() {
  return Invoke([](grpc::ClientContext*, const v1::GetNetworkRequest& request,
                   v1::GetNetworkResponse* response) {
    static const server::SnapshotHolder snapshots(aircargo::testing::TestNetwork());
    static server::NetworkServiceImpl service(snapshots);
    grpc::ServerContext context;
    return service.GetNetwork(&context, &request, response);
  });
}

// Two airports, two routes (one codeshare), one row with an unknown airport.
void WriteFixture(const std::string& dir) {
  fs::create_directories(dir);
  Write(
      dir + "/airports.dat",
      R"(1,"Shenyang Taoxian","Shenyang","China","SHE","ZYTX",41.6398,123.483,198,8,"U","Asia/Shanghai","airport","OurAirports"
2,"Vancouver","Vancouver","Canada","YVR","CYVR",49.1939,-123.184,14,-8,"A","America/Vancouver","airport","OurAirports"
)");
  Write(dir + "/routes.dat",
        "W8,1,SHE,1,YVR,2,,0,76F\nAC,2,YVR,2,SHE,1,Y,0,789\nAC,2,YVR,2,ZZZ,9,,0,789\n");
  Write(dir + "/countries.dat", "\"China\",\"CN\",\"CH\"\n\"Canada\",\"CA\",\"CA\"\n");
}

TEST(ImportOpenFlightsCommand, WritesALoadableNetworkAndPrintsTheSummary) {
  FakeStubs stubs;  // strict mocks: any RPC would fail the test
  const std::string dir = TempPath("of_fixture");
  WriteFixture(dir);
  const std::string out = TempPath("of_fixture.pb");
  const CliRun run = RunArgs(stubs, {"import", "openflights", "--airports", dir + "/airports.dat",
                                     "--routes", dir + "/routes.dat", "-o", out});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_THAT(run.out, HasSubstr("imported 2 airports, 2 routes (2 airport pairs, 1 codeshare"));
  EXPECT_THAT(run.out, HasSubstr("1 unknown airport"));
  auto network = formats::LoadNetworkFile(out);
  ASSERT_TRUE(network.ok()) << network.error().ToString();
  const auto& she = (*network)->airport(*(*network)->FindAirport("SHE"));
  EXPECT_EQ(she.country, "CN");  // countries.dat found beside airports.dat
  const auto& route = (*network)->route(*(*network)->FindRoute("SHE-YVR-W8"));
  EXPECT_EQ(route.mode, routes::Mode::kFreighter);
  EXPECT_EQ(route.flights_per_week, 7);
}

TEST(ImportOpenFlightsCommand, AppliesTheModelOverrides) {
  FakeStubs stubs;
  const std::string dir = TempPath("of_fixture_model");
  WriteFixture(dir);
  const std::string out = TempPath("of_fixture_model.textproto");
  const CliRun run =
      RunArgs(stubs, {"import", "openflights", "--airports", dir + "/airports.dat", "--routes",
                      dir + "/routes.dat", "-o", out, "--flights-per-week", "3", "--payload-kg",
                      "900", "--skip-codeshares"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  auto network = formats::LoadNetworkFile(out);
  ASSERT_TRUE(network.ok());
  ASSERT_EQ((*network)->routes().size(), 1u);
  EXPECT_EQ((*network)->routes()[0].flights_per_week, 3);
  EXPECT_EQ((*network)->routes()[0].payload_kg, 900);
}

TEST(ImportOpenFlightsCommand, StrictExitsThreeOnASkippedRow) {
  FakeStubs stubs;
  const std::string dir = TempPath("of_fixture_strict");
  WriteFixture(dir);
  const std::string out = TempPath("of_fixture_strict.pb");
  const CliRun run = RunArgs(stubs, {"import", "openflights", "--airports", dir + "/airports.dat",
                                     "--routes", dir + "/routes.dat", "-o", out, "--strict"});
  EXPECT_EQ(run.exit_code, 3);
  EXPECT_THAT(run.err, HasSubstr("routes.dat:3"));
  EXPECT_THAT(run.err, HasSubstr("unknown airport \"ZZZ\""));
  EXPECT_FALSE(fs::exists(out));
}

TEST(ImportOpenFlightsCommand, MissingRoutesOptionIsAUsageError) {
  FakeStubs stubs;
  const CliRun run =
      RunArgs(stubs, {"import", "openflights", "--airports", "/nonexistent", "-o", "x.pb"});
  EXPECT_EQ(run.exit_code, 2);
}

TEST(ExportCommand, AsksForTheFullNetworkAndWritesGeoJsonWithEveryOperatingRoute) {
  FakeStubs stubs;
  EXPECT_CALL(stubs.network,
              GetNetwork(_, Property(&v1::GetNetworkRequest::view, v1::NETWORK_VIEW_FULL), _))
      .WillOnce(AnswerAsTheServer());
  const CliRun run = RunArgs(stubs, {"export", "--format", "geojson", "--as-of", "2025-06-01"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_THAT(run.out, HasSubstr("\"type\":\"FeatureCollection\""));
  EXPECT_THAT(run.out, HasSubstr("\"id\":\"SHE-YVR-W8\""));
  EXPECT_THAT(run.out, HasSubstr("\"id\":\"ICN-SHE-KE\""));
  EXPECT_THAT(run.out, Not(HasSubstr("\"id\":\"SHE-MIA-CA\"")));  // planned, not included
}

TEST(ExportCommand, SendsTheScenarioFlagsAndDrawsTheServersView) {
  FakeStubs stubs;
  EXPECT_CALL(stubs.network,
              GetNetwork(_,
                         AllOf(Property(&v1::GetNetworkRequest::view, v1::NETWORK_VIEW_FULL),
                               Property(&v1::GetNetworkRequest::scenario,
                                        AllOf(Property(&v1::Scenario::include_planned, true),
                                              Property(&v1::Scenario::as_of, "2025-06-01")))),
                         _))
      .WillOnce(AnswerAsTheServer());
  const std::string out = TempPath("export.svg");
  const CliRun run = RunArgs(stubs, {"export", "--format", "svg", "-o", out, "--with-planned",
                                     "--close", "icn", "--as-of", "2025-06-01"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(run.out, "");
  const std::string svg = Read(out);
  EXPECT_THAT(svg, HasSubstr("id=\"line-SHE-MIA-CA\""));  // planned, drawn dashed
  EXPECT_THAT(svg, HasSubstr("stroke-dasharray"));
  EXPECT_THAT(svg, Not(HasSubstr("id=\"line-SHE-ICN-KE\"")));  // ICN closed
  EXPECT_THAT(svg, HasSubstr("closed ICN"));
}

TEST(ExportCommand, WritesDotWithEveryDrawnRoute) {
  FakeStubs stubs;
  EXPECT_CALL(stubs.network, GetNetwork(_, _, _)).WillOnce(AnswerAsTheServer());
  const CliRun run = RunArgs(stubs, {"export", "--format", "dot", "--as-of", "2025-06-01"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_THAT(run.out, HasSubstr("SHE->YVR [id=\"SHE-YVR-W8\""));
  EXPECT_THAT(run.out, HasSubstr("YVR->SEA [id=\"YVR-SEA-TRUCK\""));
}

TEST(ExportCommand, UnknownClosedAirportExitsThree) {
  FakeStubs stubs;
  EXPECT_CALL(stubs.network, GetNetwork(_, _, _)).WillOnce(AnswerAsTheServer());
  const CliRun run = RunArgs(stubs, {"export", "--format", "svg", "--close", "XXX"});
  EXPECT_EQ(run.exit_code, 3);
  EXPECT_THAT(run.err, HasSubstr("scenario.closed_airports[0]"));
}

TEST(ExportCommand, OfflineNetworkFileAppliesTheScenarioWithoutAServer) {
  FakeStubs stubs;  // strict mocks: any RPC would fail the test
  const std::string file = TempPath("export_offline.textproto");
  Write(file, std::string(aircargo::testing::kTestNetworkText));
  const CliRun run = RunArgs(stubs, {"export", "--format", "dot", "--network", file, "--close",
                                     "icn", "--as-of", "2025-06-01"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_THAT(run.out, HasSubstr("SHE->YVR [id=\"SHE-YVR-W8\""));
  EXPECT_THAT(run.out, Not(HasSubstr("SHE-ICN-KE")));
}

TEST(ExportCommand, UnreachableServerExitsFour) {
  FakeStubs stubs;
  EXPECT_CALL(stubs.network, GetNetwork(_, _, _))
      .WillOnce(Return(grpc::Status(grpc::StatusCode::UNAVAILABLE, "connection refused")));
  const CliRun run = RunArgs(stubs, {"export", "--format", "geojson"});
  EXPECT_EQ(run.exit_code, 4);
}

TEST(ExportCommand, UnknownFormatIsAUsageError) {
  FakeStubs stubs;
  const CliRun run = RunArgs(stubs, {"export", "--format", "kml"});
  EXPECT_EQ(run.exit_code, 2);
}

}  // namespace
}  // namespace aircargo::client
