// Capacity plans end to end: the real aircargod (embedded Shenyang network) driven by the real
// aircargo CLI: capacity with its bottleneck, today vs. the planned routes, flow shortfall,
// closures and the compare report.
#include <gtest/gtest.h>

#include <regex>
#include <string>
#include <vector>

#include "tests/integration/process.h"
#include "tests/integration/served_network_test.h"

namespace aircargo::testing {
namespace {

class CapacityIntegrationTest : public ServedNetworkTest {};

// The int64 JSON string field `name` ("max_flow_kg_per_week": "44600"), or -1.
long long JsonInt(const std::string& json, const std::string& name) {
  std::smatch match;
  if (!std::regex_search(json, match, std::regex("\"" + name + "\": \"(-?[0-9]+)\""))) return -1;
  return std::stoll(match[1]);
}

TEST_F(CapacityIntegrationTest, CapacitySheToYvrNamesTheBottleneck) {
  const ProcessResult run = Cli({"capacity", "SHE", "YVR"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_NE(run.out.find("SHE -> YVR: "), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("t/week maximum"), std::string::npos);
  EXPECT_NE(run.out.find("Bottleneck (minimum cut):"), std::string::npos);
  // Today the one Cargojet freighter is the only way to Vancouver, so it is the whole cut.
  EXPECT_NE(run.out.find("SHE-YVR-W8"), std::string::npos) << run.out;
}

TEST_F(CapacityIntegrationTest, PlannedRoutesRaiseWeeklyCapacityToYvr) {
  const ProcessResult today = Cli({"capacity", "SHE", "YVR", "--json"});
  const ProcessResult planned = Cli({"capacity", "SHE", "YVR", "--with-planned", "--json"});
  ASSERT_EQ(today.exit_code, 0) << today.err;
  ASSERT_EQ(planned.exit_code, 0) << planned.err;
  const long long today_kg = JsonInt(today.out, "max_flow_kg_per_week");
  const long long planned_kg = JsonInt(planned.out, "max_flow_kg_per_week");
  EXPECT_GT(today_kg, 0);
  EXPECT_GT(planned_kg, today_kg);
}

TEST_F(CapacityIntegrationTest, FlowBeyondCapacityReportsShortfall) {
  const ProcessResult run = Cli({"flow", "SHE", "FRA", "--tonnes", "5000"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_NE(run.out.find("SHORTFALL"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("Paths (cheapest first):"), std::string::npos);
}

TEST_F(CapacityIntegrationTest, ClosuresMarkTheSingleRouteToYvrAsDisconnecting) {
  const ProcessResult run = Cli({"closures", "SHE", "YVR"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_NE(run.out.find("SHE-YVR-W8"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("disconnects"), std::string::npos);
}

TEST_F(CapacityIntegrationTest, CompareShowsWhatPlannedRoutesAddPerDestination) {
  const ProcessResult run = Cli({"compare"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_NE(run.out.find("T/WEEK today"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("T/WEEK +planned"), std::string::npos);
  // It says what it compares and how many of the added routes are candidates: the seven 2025
  // candidates and their return directions.
  EXPECT_NE(run.out.find("Compares \"today\""), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("14 of them are candidates"), std::string::npos) << run.out;
  // One row per other airport of the network, each starting with SHE.
  const std::regex yvr_row("\nSHE +YVR .*\\+[0-9,.]+ t");
  EXPECT_TRUE(std::regex_search(run.out, yvr_row)) << run.out;
  EXPECT_NE(run.out.find(" new\n"), std::string::npos) << "a planned route opens a destination";

  const ProcessResult json = Cli({"compare", "--json"});
  ASSERT_EQ(json.exit_code, 0) << json.err;
  EXPECT_GT(JsonInt(json.out, "total_capacity_change_kg_per_week"), 0);
}

// Issue 18 through the real binaries: SHE -> ORD on the dated flights of one working week.
TEST_F(CapacityIntegrationTest, ScheduleCapacitySheToOrdBooksDatedFlightsWithinTheStaticBound) {
  const std::vector<std::string> args{
      "capacity",         "SHE",      "ORD", "--ready", "2025-06-02 09:00", "--deadline",
      "2025-06-06 18:00", "--tonnes", "300"};
  const ProcessResult run = Cli(args);
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_NE(run.out.find("t delivered by the deadline"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("Booking plan"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("Cheapest plan for 300.0 t"), std::string::npos) << run.out;
  std::vector<std::string> json_args = args;
  json_args.push_back("--json");
  const ProcessResult json = Cli(json_args);
  ASSERT_EQ(json.exit_code, 0) << json.err;
  const long long max_kg = JsonInt(json.out, "max_kg");
  EXPECT_GT(max_kg, 0) << json.out;
  EXPECT_GT(JsonInt(json.out, "static_weekly_kg"), 0);
  // A window ending before any flight can land delivers nothing, and says why.
  const ProcessResult none = Cli(
      {"capacity", "SHE", "ORD", "--ready", "2025-06-02 09:00", "--deadline", "2025-06-02 12:00"});
  ASSERT_EQ(none.exit_code, 0) << none.err;
  EXPECT_NE(none.out.find("Nothing arrives in time: "), std::string::npos) << none.out;
  // A window longer than 31 days is refused by the server naming the field: exit 3.
  const ProcessResult too_long = Cli(
      {"capacity", "SHE", "ORD", "--ready", "2025-06-02 09:00", "--deadline", "2025-07-06 18:00"});
  EXPECT_EQ(too_long.exit_code, 3);
  EXPECT_NE(too_long.err.find("deadline_local"), std::string::npos) << too_long.err;
}

TEST_F(CapacityIntegrationTest, UnknownAirportExitsThree) {
  const ProcessResult run = Cli({"capacity", "SHE", "XXX"});
  EXPECT_EQ(run.exit_code, 3);
  EXPECT_NE(run.err.find("XXX"), std::string::npos) << run.err;
}

}  // namespace
}  // namespace aircargo::testing
