// `aircargo capacity | flow | closures | compare` against the mock PlannerService stub: requests
// built from the arguments, tables rendered from canned responses, usage errors and exit codes.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "client/render_capacity.h"
#include "client/render_compare.h"
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

v1::ComputeCapacityResponse SampleCapacity() {
  v1::ComputeCapacityResponse response;
  response.set_network_version(3);
  response.set_max_flow_kg_per_week(44'600);
  response.add_destinations("YVR");
  v1::Bottleneck* b = response.add_min_cut();
  b->set_kind(v1::CAPACITY_ELEMENT_KIND_ROUTE);
  b->set_route_id("SHE-YVR-W8");
  b->set_origin("SHE");
  b->set_destination("YVR");
  b->set_capacity_kg_per_week(44'600);
  v1::RouteFlow* f = response.add_route_flows();
  f->set_route_id("SHE-YVR-W8");
  f->set_origin("SHE");
  f->set_destination("YVR");
  f->set_carrier("W8");
  f->set_flow_kg_per_week(44'600);
  f->set_capacity_kg_per_week(44'600);
  f->set_utilisation(1.0);
  return response;
}

TEST(CapacityCommand, SendsUppercasedEndpointsAndScenarioAndNamesTheBottleneck) {
  FakeStubs stubs;
  v1::ComputeCapacityRequest sent;
  EXPECT_CALL(stubs.planner, ComputeCapacity(_, _, _))
      .WillOnce(
          DoAll(SaveArg<1>(&sent), SetArgPointee<2>(SampleCapacity()), Return(grpc::Status::OK)));
  const CliRun run = RunArgs(stubs, {"capacity", "she", "yvr,sea", "--with-planned"});
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(sent.origin(), "SHE");
  ASSERT_EQ(sent.destinations_size(), 2);
  EXPECT_EQ(sent.destinations(1), "SEA");
  EXPECT_TRUE(sent.scenario().include_planned());
  EXPECT_THAT(run.out, HasSubstr("SHE -> YVR: 44.6 t/week maximum"));
  EXPECT_THAT(run.out, HasSubstr("SHE-YVR-W8"));
  EXPECT_THAT(run.out, HasSubstr("100.0%"));
}

TEST(CapacityCommand, SendsTheCountryInsteadOfDestinations) {
  FakeStubs stubs;
  v1::ComputeCapacityRequest sent;
  EXPECT_CALL(stubs.planner, ComputeCapacity(_, _, _))
      .WillOnce(
          DoAll(SaveArg<1>(&sent), SetArgPointee<2>(SampleCapacity()), Return(grpc::Status::OK)));
  const CliRun run = RunArgs(stubs, {"capacity", "SHE", "--country", "ca"});
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(sent.destination_country(), "CA");
  EXPECT_EQ(sent.destinations_size(), 0);
}

TEST(CapacityCommand, ExitsTwoWithoutDestinationsOrWithBoth) {
  FakeStubs stubs;  // strict mocks: no RPC may be made
  CliRun run = RunArgs(stubs, {"capacity", "SHE"});
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_THAT(run.err, HasSubstr("--country"));
  run = RunArgs(stubs, {"capacity", "SHE", "YVR", "--country", "CA"});
  EXPECT_EQ(run.exit_code, 2);
}

TEST(CapacityCommand, ExitsThreeWhenTheAirportIsUnknown) {
  FakeStubs stubs;
  EXPECT_CALL(stubs.planner, ComputeCapacity(_, _, _))
      .WillOnce(Return(
          grpc::Status(grpc::StatusCode::NOT_FOUND, "destinations[0]: airport \"XXX\" not found")));
  const CliRun run = RunArgs(stubs, {"capacity", "SHE", "XXX"});
  EXPECT_EQ(run.exit_code, 3);
  EXPECT_THAT(run.err, HasSubstr("XXX"));
}

TEST(CapacityCommand, PrintsJsonWhenAsked) {
  FakeStubs stubs;
  EXPECT_CALL(stubs.planner, ComputeCapacity(_, _, _))
      .WillOnce(DoAll(SetArgPointee<2>(SampleCapacity()), Return(grpc::Status::OK)));
  const CliRun run = RunArgs(stubs, {"capacity", "SHE", "YVR", "--json"});
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_THAT(run.out, HasSubstr("\"max_flow_kg_per_week\": \"44600\""));
}

TEST(FlowCommand, SendsTonnesAsKilogramsAndShowsTheShortfall) {
  FakeStubs stubs;
  v1::PlanFlowRequest sent;
  v1::PlanFlowResponse response;
  response.set_demand_kg_per_week(120'000);
  response.set_shipped_kg_per_week(85'500);
  response.set_shortfall_kg_per_week(34'500);
  response.set_total_cost_micros(322'050'000'000);
  response.add_destinations("FRA");
  v1::PlannedPath* path = response.add_paths();
  path->add_route_ids("SHE-FRA-CZ");
  path->add_airports("SHE");
  path->add_airports("FRA");
  path->set_kg_per_week(12'000);
  path->set_cost_per_kg_micros(2'810'000);
  EXPECT_CALL(stubs.planner, PlanFlow(_, _, _))
      .WillOnce(DoAll(SaveArg<1>(&sent), SetArgPointee<2>(response), Return(grpc::Status::OK)));
  const CliRun run = RunArgs(stubs, {"flow", "SHE", "FRA", "--tonnes", "120"});
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(sent.demand_kg_per_week(), 120'000);
  EXPECT_THAT(run.out, HasSubstr("shipped 85.5 t/week, SHORTFALL 34.5 t/week"));
  EXPECT_THAT(run.out, HasSubstr("322,050.00 per week"));
  EXPECT_THAT(run.out, HasSubstr("SHE > FRA"));
  EXPECT_THAT(run.out, HasSubstr("2.81"));
}

TEST(FlowCommand, ExitsTwoForNegativeOrMissingTonnes) {
  FakeStubs stubs;
  EXPECT_EQ(RunArgs(stubs, {"flow", "SHE", "FRA", "--tonnes", "-3"}).exit_code, 2);
  EXPECT_EQ(RunArgs(stubs, {"flow", "SHE", "FRA"}).exit_code, 2);
  EXPECT_EQ(RunArgs(stubs, {"flow", "SHE", "FRA", "--tonnes", "2e12"}).exit_code, 2);
}

TEST(ClosuresCommand, SendsTopAsLimitAndMarksDisconnections) {
  FakeStubs stubs;
  v1::AnalyzeClosuresRequest sent;
  v1::AnalyzeClosuresResponse response;
  response.set_base_kg_per_week(44'600);
  response.add_destinations("YVR");
  response.set_total_closures(4);
  v1::ClosureImpact* c = response.add_closures();
  c->set_kind(v1::CAPACITY_ELEMENT_KIND_ROUTE);
  c->set_route_id("SHE-YVR-W8");
  c->set_lost_kg_per_week(44'600);
  c->set_lost_fraction(1.0);
  c->set_disconnects(true);
  response.set_routes_without_flow(40);
  response.set_airports_without_flow(30);
  EXPECT_CALL(stubs.planner, AnalyzeClosures(_, _, _))
      .WillOnce(DoAll(SaveArg<1>(&sent), SetArgPointee<2>(response), Return(grpc::Status::OK)));
  const CliRun run = RunArgs(stubs, {"closures", "SHE", "YVR", "--top", "1"});
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(sent.limit(), 1);
  EXPECT_THAT(run.out, HasSubstr("disconnects"));
  EXPECT_THAT(run.out, HasSubstr("(top 1 of 4)"));
  EXPECT_THAT(run.out, HasSubstr("40 other routes"));
}

TEST(CompareCommand, DefaultsToTodayVersusPlannedAndShowsNewDestinations) {
  FakeStubs stubs;
  v1::CompareScenariosRequest sent;
  v1::CompareScenariosResponse response;
  v1::PairComparison* p = response.add_pairs();
  p->set_origin("SHE");
  p->set_destination("MIA");
  p->mutable_alternative()->set_reachable(true);
  p->mutable_alternative()->set_max_capacity_kg_per_week(260'100);
  p->mutable_alternative()->set_fastest_transit_minutes(54 * 60 + 11);
  p->mutable_alternative()->set_cheapest_cost_per_kg_micros(4'840'000);
  p->mutable_alternative()->set_fewest_legs(1);
  p->set_newly_reachable(true);
  p->set_capacity_change_kg_per_week(260'100);
  response.set_alternative_reachable_count(1);
  response.set_newly_reachable_count(1);
  response.set_total_capacity_change_kg_per_week(260'100);
  EXPECT_CALL(stubs.planner, CompareScenarios(_, _, _))
      .WillOnce(DoAll(SaveArg<1>(&sent), SetArgPointee<2>(response), Return(grpc::Status::OK)));
  const CliRun run = RunArgs(stubs, {"compare"});
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_FALSE(sent.baseline().include_planned());
  EXPECT_TRUE(sent.alternative().include_planned());
  EXPECT_EQ(sent.pairs_size(), 0);
  EXPECT_THAT(run.out, HasSubstr("T/WEEK today"));
  EXPECT_THAT(run.out, HasSubstr("T/WEEK +planned"));
  EXPECT_THAT(run.out, HasSubstr("BASIS +planned"));
  EXPECT_THAT(run.out, HasSubstr("Compares \"today\""));
  EXPECT_THAT(run.out, HasSubstr("54h11m"));
  EXPECT_THAT(run.out, HasSubstr("new"));
  EXPECT_THAT(run.out, HasSubstr("(1 new)"));
}

TEST(CompareCommand, SendsPairsAndBaseDate) {
  FakeStubs stubs;
  v1::CompareScenariosRequest sent;
  EXPECT_CALL(stubs.planner, CompareScenarios(_, _, _))
      .WillOnce(DoAll(SaveArg<1>(&sent), Return(grpc::Status::OK)));
  const CliRun run = RunArgs(stubs, {"compare", "--pairs", "she:yvr,SHE:FRA", "--base-as-of",
                                     "2025-01-01", "--close", "PEK"});
  EXPECT_EQ(run.exit_code, 0) << run.err;
  ASSERT_EQ(sent.pairs_size(), 2);
  EXPECT_EQ(sent.pairs(0).origin(), "SHE");
  EXPECT_EQ(sent.pairs(0).destination(), "YVR");
  EXPECT_EQ(sent.baseline().as_of(), "2025-01-01");
  ASSERT_EQ(sent.alternative().closed_airports_size(), 1);
  EXPECT_EQ(sent.alternative().closed_airports(0), "PEK");
  EXPECT_TRUE(sent.alternative().include_planned());
  EXPECT_THAT(run.out, HasSubstr("T/WEEK 2025-01-01"));
  EXPECT_THAT(run.out, Not(HasSubstr("T/WEEK +planned")));
}

TEST(CompareCommand, ExitsTwoForAMalformedPair) {
  FakeStubs stubs;
  const CliRun run = RunArgs(stubs, {"compare", "--pairs", "SHEYVR"});
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_THAT(run.err, HasSubstr("ORIGIN:DESTINATION"));
}

TEST(CapacityRender, FormatsMoneyPercentAndTransit) {
  EXPECT_EQ(FormatMoney(2'500'000), "2.50");
  EXPECT_EQ(FormatMoney(1'234'567'890'000), "1,234,567.89");
  EXPECT_EQ(FormatMoney(0), "0.00");
  EXPECT_EQ(FormatPercent(0.875), "87.5%");
  EXPECT_EQ(FormatPercent(1.0), "100.0%");
  EXPECT_EQ(FormatTransit(1690), "28h10m");
  EXPECT_EQ(FormatTransit(45), "0h45m");
}

}  // namespace
}  // namespace aircargo::client
