// `aircargo demand plan | upgrades` against the mock PlannerService stub: the CSV parsed into the
// request, the tables rendered from a canned response, usage errors naming the line, and the
// exit code of a rejected request.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "client/demand_csv.h"
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

std::string WriteCsv(const std::string& name, const std::string& text) {
  const std::string path = std::filesystem::temp_directory_path() / name;
  std::ofstream(path) << text;
  return path;
}

v1::PlanDemandResponse Sample() {
  v1::PlanDemandResponse r;
  r.set_demand_kg_per_week(80'000);
  r.set_delivered_kg_per_week(43'500);
  r.set_total_cost_micros(143'550'000'000);
  r.set_solver("CLP 1.17.6");
  r.set_lp_columns(40);
  v1::DemandAllocation* a = r.add_allocations();
  a->set_origin("SHE");
  a->set_destination("SEA");
  a->set_priority(1);
  a->set_demand_kg_per_week(80'000);
  a->set_delivered_kg_per_week(43'500);
  a->set_shortfall_kg_per_week(36'500);
  a->set_cost_per_kg_micros(3'300'000);
  v1::DemandPath* p = a->add_paths();
  for (const char* airport : {"SHE", "YVR", "SEA"}) p->add_airports(airport);
  v1::RouteFlow* f = r.add_route_loads();
  f->set_route_id("SHE-YVR-W8");
  f->set_flow_kg_per_week(43'500);
  f->set_capacity_kg_per_week(43'500);
  f->set_utilisation(1.0);
  v1::ShadowPrice* s = r.add_shadow_prices();
  s->set_kind(v1::CAPACITY_ELEMENT_KIND_ROUTE);
  s->set_route_id("SHE-YVR-W8");
  s->set_weighted_kg_per_kg(1.0);
  v1::Upgrade* u = r.add_upgrades();
  u->set_kind(v1::UPGRADE_KIND_ROUTE_FREQUENCY);
  u->set_route_id("SHE-YVR-W8");
  u->set_origin("SHE");
  u->set_destination("YVR");
  u->set_added_kg_per_week(43'500);
  u->set_predicted_gain(43'500);
  u->set_verified(true);
  u->set_verified_gain(36'500);
  r.set_best_upgrade_proven(true);
  return r;
}

TEST(DemandCsv, ParsesLinesHeaderCommentsAndPriorities) {
  v1::PlanDemandRequest request;
  std::string error;
  ASSERT_TRUE(
      ParseDemandCsv("origin,destination,tonnes_per_week,priority\n# comment\n\n"
                     "she, sea ,80\r\nSHE,ICN,2.5,3\n",
                     &request, &error))
      << error;
  ASSERT_EQ(request.demands_size(), 2);
  EXPECT_EQ(request.demands(0).origin(), "SHE");
  EXPECT_EQ(request.demands(0).destination(), "SEA");
  EXPECT_EQ(request.demands(0).kg_per_week(), 80'000);
  EXPECT_DOUBLE_EQ(request.demands(0).priority(), 1.0);
  EXPECT_EQ(request.demands(1).kg_per_week(), 2'500);
  EXPECT_DOUBLE_EQ(request.demands(1).priority(), 3.0);
}

TEST(DemandCsv, NamesTheBadLine) {
  v1::PlanDemandRequest request;
  std::string error;
  EXPECT_FALSE(ParseDemandCsv("SHE,SEA,80\nSHE,ICN,-1\n", &request, &error));
  EXPECT_THAT(error, HasSubstr("2: tonnes_per_week"));
  request.Clear();
  EXPECT_FALSE(ParseDemandCsv("SHE,SEA\n", &request, &error));
  EXPECT_THAT(error, HasSubstr("1: expected origin,destination"));
  request.Clear();
  EXPECT_FALSE(ParseDemandCsv("SHE,SEA,1,0\n", &request, &error));
  EXPECT_THAT(error, HasSubstr("priority"));
  request.Clear();
  EXPECT_FALSE(ParseDemandCsv("# nothing\n", &request, &error));
  EXPECT_THAT(error, HasSubstr("no demand"));
}

TEST(DemandCommand, PlanSendsTheFileAndRendersTheTables) {
  const std::string file = WriteCsv("aircargo-demand-plan.csv", "SHE,SEA,80\n");
  FakeStubs stubs;
  v1::PlanDemandRequest sent;
  EXPECT_CALL(stubs.planner, PlanDemand(_, _, _))
      .WillOnce(DoAll(SaveArg<1>(&sent), SetArgPointee<2>(Sample()), Return(grpc::Status::OK)));
  const CliRun run = RunArgs(stubs, {"demand", "plan", file, "--fair", "--with-planned"});
  EXPECT_EQ(run.exit_code, 0) << run.err;
  ASSERT_EQ(sent.demands_size(), 1);
  EXPECT_EQ(sent.demands(0).kg_per_week(), 80'000);
  EXPECT_EQ(sent.objective(), v1::DEMAND_OBJECTIVE_FAIR_SHARE);
  EXPECT_TRUE(sent.scenario().include_planned());
  EXPECT_EQ(sent.verify_upgrades(), 0);
  EXPECT_THAT(run.out, HasSubstr("43.5 of 80.0 t/week delivered"));
  EXPECT_THAT(run.out, HasSubstr("SHE-YVR-SEA"));
  EXPECT_THAT(run.out, HasSubstr("36.5"));
  EXPECT_THAT(run.out, HasSubstr("Saturated limits"));
  EXPECT_THAT(run.out, HasSubstr("CLP 1.17.6"));
}

TEST(DemandCommand, UpgradesAsksForTheTopNAndShowsPredictedAndVerified) {
  const std::string file = WriteCsv("aircargo-demand-upgrades.csv", "SHE,SEA,80\n");
  FakeStubs stubs;
  v1::PlanDemandRequest sent;
  EXPECT_CALL(stubs.planner, PlanDemand(_, _, _))
      .WillOnce(DoAll(SaveArg<1>(&sent), SetArgPointee<2>(Sample()), Return(grpc::Status::OK)));
  const CliRun run = RunArgs(stubs, {"demand", "upgrades", file, "--top", "5"});
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(sent.verify_upgrades(), 5);
  EXPECT_EQ(sent.objective(), v1::DEMAND_OBJECTIVE_MAX_DELIVERED);
  EXPECT_THAT(run.out, HasSubstr("+1 weekly flight"));
  EXPECT_THAT(run.out, HasSubstr("43.5"));
  EXPECT_THAT(run.out, HasSubstr("36.5"));
  EXPECT_THAT(run.out, HasSubstr("best single candidate"));
}

TEST(DemandCommand, JsonPrintsTheResponse) {
  const std::string file = WriteCsv("aircargo-demand-json.csv", "SHE,SEA,80\n");
  FakeStubs stubs;
  EXPECT_CALL(stubs.planner, PlanDemand(_, _, _))
      .WillOnce(DoAll(SetArgPointee<2>(Sample()), Return(grpc::Status::OK)));
  const CliRun run = RunArgs(stubs, {"--json", "demand", "plan", file});
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_THAT(run.out, HasSubstr("\"delivered_kg_per_week\": \"43500\""));
}

TEST(DemandCommand, UsageErrorsNameTheFileAndLine) {
  FakeStubs stubs;  // strict mocks: no RPC may be made
  CliRun run = RunArgs(stubs, {"demand", "plan", "/nonexistent/demands.csv"});
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_THAT(run.err, HasSubstr("cannot read /nonexistent/demands.csv"));
  const std::string bad = WriteCsv("aircargo-demand-bad.csv", "SHE,SEA,80\nSHE,SEA,lots\n");
  run = RunArgs(stubs, {"demand", "plan", bad});
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_THAT(run.err, HasSubstr("aircargo-demand-bad.csv:2: tonnes_per_week"));
  run = RunArgs(stubs, {"demand", "upgrades", bad, "--top", "51"});
  EXPECT_EQ(run.exit_code, 2);
}

TEST(DemandCommand, ARejectedRequestExitsThreeWithTheServersMessage) {
  const std::string file = WriteCsv("aircargo-demand-unknown.csv", "SHE,XXX,80\n");
  FakeStubs stubs;
  EXPECT_CALL(stubs.planner, PlanDemand(_, _, _))
      .WillOnce(Return(grpc::Status(grpc::StatusCode::NOT_FOUND,
                                    "demands[0].destination: unknown airport XXX")));
  const CliRun run = RunArgs(stubs, {"demand", "plan", file});
  EXPECT_EQ(run.exit_code, 3);
  EXPECT_THAT(run.err, HasSubstr("demands[0].destination"));
}

}  // namespace
}  // namespace aircargo::client
