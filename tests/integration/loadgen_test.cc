// aircargo-loadgen (bench/loadgen) against the real aircargod on the embedded Shenyang network: a
// short run of every mode makes calls without errors and reports ratios to the empty baseline.
// Smoke only: no timing is asserted.
#include <google/protobuf/struct.pb.h>
#include <google/protobuf/util/json_util.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "tests/integration/process.h"

namespace aircargo::testing {
namespace {

using google::protobuf::Struct;
using google::protobuf::Value;

const std::string kServer = AIRCARGOD_PATH;
const std::string kLoadgen = AIRCARGO_LOADGEN_PATH;

class LoadgenTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!std::filesystem::exists(kLoadgen)) {
      GTEST_SKIP() << kLoadgen << " is not built (benchmarks off)";
    }
  }
};

const Value& Field(const Struct& object, const std::string& name) {
  static const Value kMissing;
  const auto it = object.fields().find(name);
  return it == object.fields().end() ? kMissing : it->second;
}

TEST_F(LoadgenTest, EveryModeMakesCallsWithoutErrorsAndReportsRatios) {
  ServerProcess server(kServer);
  ASSERT_TRUE(server.started()) << server.startup_line();
  const ProcessResult r =
      RunProcess({kLoadgen, "--server", server.address(), "--rpc", "all", "--seconds", "1",
                  "--warmup-seconds", "0.2", "--clients", "2", "--json"},
                 {}, 120);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  Struct report;
  ASSERT_TRUE(google::protobuf::util::JsonStringToMessage(r.out, &report).ok()) << r.out;

  // Pairs come from the airports with routes out and in: some, not all, of the 35.
  const Struct& network = Field(report, "network").struct_value();
  EXPECT_EQ(Field(network, "airports").number_value(), 35) << r.out;
  EXPECT_GT(Field(network, "served_airports").number_value(), 1) << r.out;
  EXPECT_LT(Field(network, "served_airports").number_value(), 35) << r.out;
  const auto& modes = Field(report, "modes").list_value().values();
  const std::vector<std::string> expected = {"empty", "find-paths", "plan-itinerary",
                                             "compute-capacity", "plan-flow"};
  ASSERT_EQ(modes.size(), expected.size()) << r.out;
  for (int i = 0; i < modes.size(); ++i) {
    const Struct& mode = modes[i].struct_value();
    SCOPED_TRACE(expected[i]);
    EXPECT_EQ(Field(mode, "mode").string_value(), expected[i]);
    EXPECT_GT(Field(mode, "calls").number_value(), 0);
    EXPECT_EQ(Field(mode, "error_count").number_value(), 0) << r.out;
    EXPECT_TRUE(Field(mode, "errors").struct_value().fields().empty()) << r.out;
    EXPECT_GT(Field(Field(mode, "latency_us").struct_value(), "p50").number_value(), 0);
    EXPECT_GT(Field(mode, "p50_ratio").number_value(), 0) << r.out;
    EXPECT_GT(Field(mode, "throughput_ratio").number_value(), 0) << r.out;
  }
  EXPECT_EQ(Field(modes[0].struct_value(), "p50_ratio").number_value(), 1);
  EXPECT_EQ(Field(modes[0].struct_value(), "throughput_ratio").number_value(), 1);
  EXPECT_EQ(server.Stop(), 0);
}

TEST_F(LoadgenTest, TablePutsTheBaselineFirstWithOneRowPerMode) {
  ServerProcess server(kServer);
  ASSERT_TRUE(server.started()) << server.startup_line();
  const ProcessResult r =
      RunProcess({kLoadgen, "--server", server.address(), "--rpc", "find-paths", "--seconds", "0.2",
                  "--warmup-seconds", "0", "--clients", "1"},
                 {}, 60);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto empty_row = r.out.find("\nempty ");
  const auto paths_row = r.out.find("\nfind-paths ");
  ASSERT_NE(empty_row, std::string::npos) << r.out;
  ASSERT_NE(paths_row, std::string::npos) << r.out;
  EXPECT_LT(empty_row, paths_row) << r.out;
  EXPECT_EQ(r.out.find("plan-flow"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("p50/empty"), std::string::npos) << r.out;
  EXPECT_EQ(server.Stop(), 0);
}

TEST_F(LoadgenTest, ScheduleCapacityModeCallsTheNewRpcWithoutErrors) {
  ServerProcess server(kServer);
  ASSERT_TRUE(server.started()) << server.startup_line();
  const ProcessResult r =
      RunProcess({kLoadgen, "--server", server.address(), "--rpc", "schedule-capacity", "--seconds",
                  "0.5", "--warmup-seconds", "0", "--clients", "1", "--json"},
                 {}, 60);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  Struct report;
  ASSERT_TRUE(google::protobuf::util::JsonStringToMessage(r.out, &report).ok()) << r.out;
  const auto& modes = Field(report, "modes").list_value().values();
  ASSERT_EQ(modes.size(), 2) << r.out;  // the empty baseline, then the mode
  const Struct& mode = modes[1].struct_value();
  EXPECT_EQ(Field(mode, "mode").string_value(), "schedule-capacity");
  EXPECT_GT(Field(mode, "calls").number_value(), 0);
  // No errors: the deadline the mode computes (ready + 7 days) is one the server accepts.
  EXPECT_EQ(Field(mode, "error_count").number_value(), 0) << r.out;
  EXPECT_EQ(server.Stop(), 0);
}

TEST_F(LoadgenTest, UnknownModeIsAUsageErrorOnOneLine) {
  const ProcessResult r =
      RunProcess({kLoadgen, "--server", "127.0.0.1:1", "--rpc", "analyze-closures"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(r.out.empty()) << r.out;
  ASSERT_FALSE(r.err.empty());
  EXPECT_EQ(r.err.find('\n'), r.err.size() - 1) << r.err;
  EXPECT_NE(r.err.find("--rpc"), std::string::npos) << r.err;
}

TEST_F(LoadgenTest, UnreachableServerExitsWithFour) {
  const ProcessResult r = RunProcess({kLoadgen, "--server", "127.0.0.1:1", "--seconds", "1"});
  EXPECT_EQ(r.exit_code, 4) << r.err;
  EXPECT_NE(r.err.find("cannot reach 127.0.0.1:1"), std::string::npos) << r.err;
  EXPECT_TRUE(r.out.empty()) << r.out;
}

}  // namespace
}  // namespace aircargo::testing
