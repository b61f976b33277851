// `aircargo import ssim` (offline, on the SSIM fixtures of tests/formats/ssim) and
// `aircargo export --format ssim --network FILE` (offline): files written, summary, exit codes.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "formats/network_file.h"
#include "formats/ssim.h"
#include "tests/client/cli_test_support.h"

namespace aircargo::client {
namespace {

using testing::CliRun;
using testing::FakeStubs;
using ::testing::HasSubstr;
using testing::RunArgs;

namespace fs = std::filesystem;

const std::string kFixtures = AIRCARGO_SSIM_FIXTURES;

std::string TempPath(const std::string& name) {
  return (fs::path(::testing::TempDir()) / name).string();
}

TEST(ImportSsimCommand, WritesALoadableNetworkAndPrintsTheSummary) {
  FakeStubs stubs;  // strict mocks: any RPC would fail the test
  const std::string out = TempPath("ssim_import.textproto");
  const CliRun run =
      RunArgs(stubs, {"import", "ssim", kFixtures + "/periods.ssim", kFixtures + "/multileg.ssim",
                      "--airports", kFixtures + "/airports.dat", "-o", out});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_THAT(run.out, HasSubstr("imported 6 legs as 5 routes at 5 airports (F 4, J 2)"));
  EXPECT_THAT(run.out, HasSubstr("1 duplicate leg"));
  EXPECT_THAT(run.out, HasSubstr("periods.ssim:5: no day of operation falls in the period"));
  auto network = formats::LoadNetworkFile(out);
  ASSERT_TRUE(network.ok()) << network.error().ToString();
  const auto& route = (*network)->route(*(*network)->FindRoute("CK221-ANC-ORD-2026-07-07"));
  EXPECT_EQ(route.block_minutes, 330);
  EXPECT_EQ(route.departures.at(0).weekday, routes::Weekday::kTuesday);
}

TEST(ImportSsimCommand, StrictExitsThreeOnTheFirstBadRecord) {
  FakeStubs stubs;
  const std::string out = TempPath("ssim_strict.pb");
  const CliRun run = RunArgs(stubs, {"import", "ssim", kFixtures + "/malformed.ssim", "--airports",
                                     kFixtures + "/airports.dat", "-o", out, "--strict"});
  EXPECT_EQ(run.exit_code, 3);
  EXPECT_THAT(run.err, HasSubstr("malformed.ssim:2"));
  EXPECT_THAT(run.err, HasSubstr("flight leg before any carrier record"));
  EXPECT_FALSE(fs::exists(out));
}

TEST(ImportSsimCommand, WithoutAirportsExitsThreeListingTheStations) {
  FakeStubs stubs;
  const CliRun run = RunArgs(stubs, {"import", "ssim", kFixtures + "/multileg.ssim", "-o",
                                     TempPath("ssim_no_airports.pb")});
  EXPECT_EQ(run.exit_code, 3);
  EXPECT_THAT(run.err, HasSubstr("ANC, ORD, PVG"));
}

TEST(ImportSsimCommand, MissingFileIsAUsageError) {
  FakeStubs stubs;
  const CliRun run = RunArgs(stubs, {"import", "ssim", "/nonexistent.ssim", "-o", "x.pb"});
  EXPECT_EQ(run.exit_code, 2);
}

TEST(ExportSsimCommand, WritesTheScheduleOfANetworkFileFromTheGivenDate) {
  FakeStubs stubs;
  const std::string network = TempPath("ssim_export_in.textproto");
  ASSERT_EQ(RunArgs(stubs, {"import", "ssim", kFixtures + "/periods.ssim", "--airports",
                            kFixtures + "/airports.dat", "-o", network})
                .exit_code,
            0);
  const std::string out = TempPath("ssim_export.ssim");
  const CliRun run = RunArgs(stubs, {"export", "--format", "ssim", "--network", network, "--from",
                                     "2026-01-10", "-o", out});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  std::ifstream in(out);
  std::ostringstream text;
  text << in.rdbuf();
  EXPECT_THAT(text.str(), HasSubstr("3 CA    10101F10JAN2631JAN26"));
  EXPECT_THAT(text.str(), HasSubstr("3 CA    20101F01FEB2600XXX00      7 SHE2200"));
  const CliRun bad = RunArgs(
      stubs, {"export", "--format", "ssim", "--network", network, "--from", "10JAN26", "-o", out});
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_THAT(bad.err, HasSubstr("--from must be a date YYYY-MM-DD"));
}

}  // namespace
}  // namespace aircargo::client
