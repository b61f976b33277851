// `aircargo path` against the gMock planner stub: the FindPaths request it sends, the blocks it
// prints, usage errors that never reach the server, and the helpers (capacity, duration).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "client/commands_paths.h"
#include "client/render_paths.h"
#include "tests/client/cli_test_support.h"

namespace aircargo::client {
namespace {

using ::testing::_;
using testing::CliRun;
using ::testing::DoAll;
using testing::FakeStubs;
using ::testing::HasSubstr;
using ::testing::Not;
using ::testing::Return;
using testing::RunArgs;
using ::testing::SaveArg;
using ::testing::SetArgPointee;

v1::FindPathsResponse TwoPaths() {
  v1::FindPathsResponse response;
  response.set_network_version(7);
  response.set_reason(v1::PATH_REASON_FOUND);
  response.set_objective(v1::PATH_OBJECTIVE_TRANSIT_TIME);
  v1::PathPlan* direct = response.add_paths();
  v1::PathLeg* leg = direct->add_legs();
  leg->set_route_id("SHE-FRA-CK");
  leg->set_origin("SHE");
  leg->set_destination("FRA");
  leg->set_carrier("CK");
  leg->set_mode(v1::MODE_FREIGHTER);
  leg->set_aircraft("B777F");
  leg->set_distance_km(7890.4);
  leg->set_block_minutes(650);
  leg->set_capacity_kg_per_week(200'000);
  direct->set_distance_km(7890.4);
  direct->set_transit_minutes(2 * 1440 + 3 * 60 + 10);
  direct->set_cost_per_kg_micros(3'300'000);
  direct->set_leg_count(1);
  direct->set_bottleneck_kg_per_week(200'000);
  v1::PathPlan* via = response.add_paths();
  for (const auto& [id, from, to] :
       {std::tuple{"SHE-ICN-KE", "SHE", "ICN"}, std::tuple{"ICN-FRA-KE", "ICN", "FRA"}}) {
    v1::PathLeg* l = via->add_legs();
    l->set_route_id(id);
    l->set_origin(from);
    l->set_destination(to);
    l->set_carrier("KE");
    l->set_mode(v1::MODE_BELLY);
    l->set_capacity_kg_per_week(43'500);
  }
  via->set_leg_count(2);
  via->set_transit_minutes(4000);
  via->set_bottleneck_kg_per_week(43'500);
  return response;
}

TEST(PathCommand, SendsObjectiveKConstraintsAndScenario) {
  FakeStubs stubs;
  v1::FindPathsRequest sent;
  EXPECT_CALL(stubs.planner, FindPaths(_, _, _))
      .WillOnce(DoAll(SaveArg<1>(&sent), Return(grpc::Status::OK)));
  const CliRun run = RunArgs(stubs, {"path",
                                     "she",
                                     "fra",
                                     "--by",
                                     "time",
                                     "-k",
                                     "3",
                                     "--max-legs",
                                     "2",
                                     "--min-capacity",
                                     "40t",
                                     "--via",
                                     "icn,pvg",
                                     "--avoid",
                                     "nrt",
                                     "--mode",
                                     "freighter,BELLY",
                                     "--exclude-carrier",
                                     "CK",
                                     "--with-planned"});
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(sent.origin(), "SHE");
  EXPECT_EQ(sent.destination(), "FRA");
  EXPECT_EQ(sent.objective(), v1::PATH_OBJECTIVE_TRANSIT_TIME);
  EXPECT_EQ(sent.k(), 3);
  EXPECT_FALSE(sent.pareto());
  EXPECT_EQ(sent.max_legs(), 2);
  EXPECT_EQ(sent.min_capacity_kg_per_week(), 40'000);
  ASSERT_EQ(sent.via_size(), 2);
  EXPECT_EQ(sent.via(0), "ICN");
  EXPECT_EQ(sent.via(1), "PVG");
  ASSERT_EQ(sent.avoid_size(), 1);
  EXPECT_EQ(sent.avoid(0), "NRT");
  ASSERT_EQ(sent.modes_size(), 2);
  EXPECT_EQ(sent.modes(0), v1::MODE_FREIGHTER);
  EXPECT_EQ(sent.modes(1), v1::MODE_BELLY);
  // --exclude-carrier is the shared scenario flag: it lands in the scenario.
  EXPECT_EQ(sent.excluded_carriers_size(), 0);
  ASSERT_EQ(sent.scenario().excluded_carriers_size(), 1);
  EXPECT_EQ(sent.scenario().excluded_carriers(0), "CK");
  EXPECT_TRUE(sent.scenario().include_planned());
}

TEST(PathCommand, DefaultsToDistanceAndOnePath) {
  FakeStubs stubs;
  v1::FindPathsRequest sent;
  EXPECT_CALL(stubs.planner, FindPaths(_, _, _))
      .WillOnce(DoAll(SaveArg<1>(&sent), Return(grpc::Status::OK)));
  const CliRun run = RunArgs(stubs, {"path", "SHE", "FRA"});
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(sent.objective(), v1::PATH_OBJECTIVE_DISTANCE);
  EXPECT_EQ(sent.k(), 1);
  EXPECT_EQ(sent.min_capacity_kg_per_week(), 0);
}

TEST(PathCommand, PrintsOneBlockPerPathWithTotals) {
  FakeStubs stubs;
  EXPECT_CALL(stubs.planner, FindPaths(_, _, _))
      .WillOnce(DoAll(SetArgPointee<2>(TwoPaths()), Return(grpc::Status::OK)));
  const CliRun run = RunArgs(stubs, {"path", "SHE", "FRA", "--by", "time", "-k", "2"});
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_THAT(run.out, HasSubstr("Path 1 of 2 (by transit time): SHE - FRA\n"));
  EXPECT_THAT(run.out, HasSubstr("Path 2 of 2 (by transit time): SHE - ICN - FRA\n"));
  EXPECT_THAT(run.out, HasSubstr("route id"));
  EXPECT_THAT(run.out, HasSubstr("SHE-FRA-CK"));
  EXPECT_THAT(run.out, HasSubstr("7,890"));
  EXPECT_THAT(run.out, HasSubstr("10h 50m"));  // block of 650 minutes
  EXPECT_THAT(run.out, HasSubstr("2d 03h 10m"));
  EXPECT_THAT(run.out, HasSubstr("3.30"));
  EXPECT_THAT(run.out, HasSubstr("bottleneck    200.0 t/week"));
  EXPECT_THAT(run.out, HasSubstr("43.5 t/week"));
}

TEST(PathCommand, PrintsTheReasonWhenNoPath) {
  FakeStubs stubs;
  v1::FindPathsResponse response;
  response.set_reason(v1::PATH_REASON_CAPACITY_TOO_LOW);
  EXPECT_CALL(stubs.planner, FindPaths(_, _, _))
      .WillOnce(DoAll(SetArgPointee<2>(response), Return(grpc::Status::OK)));
  const CliRun run = RunArgs(stubs, {"path", "SHE", "FRA", "--min-capacity", "900t"});
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_THAT(run.out, HasSubstr("No path from SHE to FRA"));
  EXPECT_THAT(run.out, HasSubstr("CAPACITY_TOO_LOW"));
}

TEST(PathCommand, PrintsJsonWithJsonFlag) {
  FakeStubs stubs;
  EXPECT_CALL(stubs.planner, FindPaths(_, _, _))
      .WillOnce(DoAll(SetArgPointee<2>(TwoPaths()), Return(grpc::Status::OK)));
  const CliRun run = RunArgs(stubs, {"path", "SHE", "FRA", "--json"});
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_THAT(run.out, HasSubstr("\"route_id\": \"SHE-FRA-CK\""));
  EXPECT_THAT(run.out, HasSubstr("\"reason\": \"PATH_REASON_FOUND\""));
  EXPECT_THAT(run.out, Not(HasSubstr("Path 1 of")));
}

TEST(PathCommand, ParetoFlagAsksForTheParetoSet) {
  FakeStubs stubs;
  v1::FindPathsRequest sent;
  v1::FindPathsResponse response = TwoPaths();
  response.set_pareto(true);
  EXPECT_CALL(stubs.planner, FindPaths(_, _, _))
      .WillOnce(DoAll(SaveArg<1>(&sent), SetArgPointee<2>(response), Return(grpc::Status::OK)));
  const CliRun run = RunArgs(stubs, {"path", "SHE", "FRA", "--pareto"});
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_TRUE(sent.pareto());
  EXPECT_THAT(run.out, HasSubstr("Pareto set"));
}

TEST(PathCommand, UsageErrorsNeverCallTheServer) {
  const std::vector<std::vector<std::string>> bad = {
      {"path", "SHE"},
      {"path", "SHE", "FRA", "-k", "0"},
      {"path", "SHE", "FRA", "-k", "51"},
      {"path", "SHE", "FRA", "--by", "speed"},
      {"path", "SHE", "FRA", "--min-capacity", "lots"},
      {"path", "SHE", "FRA", "--min-capacity", "-5t"},
      {"path", "SHE", "FRA", "--max-legs", "11"},
      {"path", "SHE", "FRA", "--mode", "ship"},
  };
  for (const auto& args : bad) {
    FakeStubs stubs;  // strict: any call fails the test
    const CliRun run = RunArgs(stubs, args);
    EXPECT_EQ(run.exit_code, 2) << args.back() << ": " << run.err;
    EXPECT_THAT(run.err, HasSubstr("aircargo path --help")) << args.back();
  }
}

TEST(PathCommand, ServerErrorsMapToExitCodes) {
  FakeStubs stubs;
  EXPECT_CALL(stubs.planner, FindPaths(_, _, _))
      .WillOnce(Return(grpc::Status(grpc::StatusCode::NOT_FOUND, "via[0]: no airport XXX")))
      .WillOnce(Return(grpc::Status(grpc::StatusCode::DEADLINE_EXCEEDED, "deadline")));
  CliRun run = RunArgs(stubs, {"path", "SHE", "FRA", "--via", "XXX"});
  EXPECT_EQ(run.exit_code, 3);
  EXPECT_THAT(run.err, HasSubstr("via[0]"));
  run = RunArgs(stubs, {"path", "SHE", "FRA"});
  EXPECT_EQ(run.exit_code, 4);
}

TEST(ParseCapacityKg, AcceptsTonnesKilogramsAndPlainNumbers) {
  EXPECT_EQ(ParseCapacityKg("40t"), 40'000);
  EXPECT_EQ(ParseCapacityKg("40.5T"), 40'500);
  EXPECT_EQ(ParseCapacityKg("40000kg"), 40'000);
  EXPECT_EQ(ParseCapacityKg("40000"), 40'000);
  EXPECT_EQ(ParseCapacityKg("0"), 0);
  EXPECT_EQ(ParseCapacityKg(""), std::nullopt);
  EXPECT_EQ(ParseCapacityKg("t"), std::nullopt);
  EXPECT_EQ(ParseCapacityKg("-1"), std::nullopt);
  EXPECT_EQ(ParseCapacityKg("12.5"), std::nullopt);
  EXPECT_EQ(ParseCapacityKg("40 t"), std::nullopt);
}

TEST(FormatDuration, PrintsDaysHoursMinutes) {
  EXPECT_EQ(FormatDuration(2 * 1440 + 3 * 60 + 10), "2d 03h 10m");
  EXPECT_EQ(FormatDuration(650), "10h 50m");
  EXPECT_EQ(FormatDuration(0), "00h 00m");
  EXPECT_EQ(FormatCostPerKg(3'300'000), "3.30");
  EXPECT_EQ(FormatCostPerKg(1'234'567), "1.23");
}

}  // namespace
}  // namespace aircargo::client
