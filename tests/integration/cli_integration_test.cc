// The real aircargod on a free loopback port, driven by the real aircargo CLI.
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "tests/integration/process.h"
#include "tests/integration/served_network_test.h"

namespace aircargo::testing {
namespace {

class CliIntegrationTest : public ServedNetworkTest {};

int CountLines(const std::string& text) {
  int lines = 0;
  for (char c : text) lines += c == '\n';
  return lines;
}

TEST_F(CliIntegrationTest, ServerAnnouncesTheEmbeddedShenyangNetwork) {
  EXPECT_NE(server_->startup_line().find("version 1"), std::string::npos)
      << server_->startup_line();
}

TEST_F(CliIntegrationTest, NetworkPrintsTheSummary) {
  const ProcessResult r = Cli({"network"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("Shenyang"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("airports"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("operating"), std::string::npos) << r.out;
  EXPECT_TRUE(r.err.empty()) << r.err;
}

TEST_F(CliIntegrationTest, RoutesFromSheListsTheVancouverFreighter) {
  const ProcessResult r = Cli({"routes", "--from", "she"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("SHE-YVR"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("B767-300F"), std::string::npos) << r.out;
}

// Planned today: the YVR ramp, the expected VVO resumption and the seven candidates (Miami flies).
TEST_F(CliIntegrationTest, PlannedRoutesFromSheEachShowTheirBasis) {
  const ProcessResult r = Cli({"routes", "--from", "SHE", "--status", "planned"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("9 routes"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("SHE-MIA"), std::string::npos) << r.out;
  int with_basis = 0;
  std::istringstream lines(r.out);
  for (std::string line; std::getline(lines, line);) {
    if (line.rfind("SHE-", 0) != 0) continue;
    EXPECT_NE(line.find("planned"), std::string::npos) << line;
    with_basis +=
        line.find("announced") != std::string::npos || line.find("candidate") != std::string::npos;
  }
  EXPECT_EQ(with_basis, 9) << r.out;
}

TEST_F(CliIntegrationTest, AsOfJune2025HasMiamiOperating) {
  const ProcessResult r = Cli({"path", "SHE", "MIA", "--as-of", "2025-06-01"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("SHE-MIA-CA"), std::string::npos) << r.out;
}

TEST_F(CliIntegrationTest, AsOfJanuary2026LeavesVladivostokOutEvenWithPlannedRoutes) {
  const ProcessResult flown = Cli({"path", "SHE", "VVO", "--as-of", "2025-09-01"});
  ASSERT_EQ(flown.exit_code, 0) << flown.err;
  EXPECT_NE(flown.out.find("SHE-VVO-UNKNOWN"), std::string::npos) << flown.out;
  const ProcessResult paused =
      Cli({"path", "SHE", "VVO", "--as-of", "2026-01-15", "--with-planned"});
  EXPECT_NE(paused.out.find("No path from SHE to VVO"), std::string::npos) << paused.out;
  EXPECT_EQ(paused.out.find("SHE-VVO"), std::string::npos) << paused.out;
}

TEST_F(CliIntegrationTest, JsonOutputUsesTheProtoFieldNames) {
  const ProcessResult r = Cli({"--json", "routes", "--from", "SHE", "--to", "YVR"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("\"network_version\""), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("\"payload_kg\""), std::string::npos) << r.out;
}

TEST_F(CliIntegrationTest, AirportShowsItsDetails) {
  const ProcessResult r = Cli({"airport", "SHE"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("Asia/Shanghai"), std::string::npos) << r.out;
}

TEST_F(CliIntegrationTest, UnknownAirportExitsThreeWithOneClearLine) {
  const ProcessResult r = Cli({"airport", "XXX"});
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_EQ(CountLines(r.err), 1) << r.err;
  EXPECT_NE(r.err.find("XXX"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("not found"), std::string::npos) << r.err;
}

TEST_F(CliIntegrationTest, MalformedAirportCodeExitsThree) {
  const ProcessResult r = Cli({"routes", "--from", "SHEN"});
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_EQ(CountLines(r.err), 1) << r.err;
  EXPECT_NE(r.err.find("origin"), std::string::npos) << r.err;
}

TEST_F(CliIntegrationTest, ServerAddressComesFromTheEnvironment) {
  const ProcessResult r = RunProcess({kCli, "network"}, {"AIRCARGO_SERVER=" + server_->address()});
  EXPECT_EQ(r.exit_code, 0) << r.err;
}

TEST(CliIntegration, StoppedServerExitsFourWithOneClearLine) {
  ServerProcess server(kServer);
  ASSERT_TRUE(server.started());
  const std::string address = server.address();
  ASSERT_EQ(server.Stop(), 0);
  const ProcessResult r = RunProcess({kCli, "--server", address, "--timeout", "5", "network"});
  EXPECT_EQ(r.exit_code, 4);
  EXPECT_EQ(CountLines(r.err), 1) << r.err;
  EXPECT_NE(r.err.find(address), std::string::npos) << r.err;
}

class TempDir {
 public:
  TempDir() {
    char tmpl[] = "/tmp/aircargo-test-XXXXXX";
    path_ = mkdtemp(tmpl);
  }
  ~TempDir() { std::filesystem::remove_all(path_); }
  std::string Write(const std::string& name, const std::string& content) const {
    const std::string file = path_ + "/" + name;
    std::ofstream(file) << content;
    return file;
  }

 private:
  std::string path_;
};

constexpr const char* kSmallNetwork = R"(name: "two airports"
airports { iata: "SHE" country: "CN" latitude_deg: 41.6 longitude_deg: 123.5 time_zone: "Asia/Shanghai" }
airports { iata: "YVR" country: "CA" latitude_deg: 49.2 longitude_deg: -123.2 time_zone: "America/Vancouver" }
routes { id: "SHE-YVR-X" origin: "SHE" destination: "YVR" carrier: "X" mode: MODE_FREIGHTER
         payload_kg: 40000 flights_per_week: 1 block_minutes: 660 status: ROUTE_STATUS_OPERATING }
)";

TEST(AircargodCheck, ValidFileExitsZero) {
  TempDir dir;
  const std::string file = dir.Write("ok.textproto", kSmallNetwork);
  const ProcessResult r = RunProcess({kServer, "--check", file});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("ok"), std::string::npos) << r.out;
}

TEST(AircargodCheck, InvalidFileExitsOneListingEveryProblemWithItsLine) {
  TempDir dir;
  std::string text = kSmallNetwork;
  text.replace(text.find("payload_kg: 40000"), 17, "payload_kg: -5");
  text.replace(text.find("Asia/Shanghai"), 13, "Asia/Shenyang");
  const std::string file = dir.Write("bad.textproto", text);
  const ProcessResult r = RunProcess({kServer, "--check", file});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("bad.textproto:2:"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("airports[0].time_zone"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("bad.textproto:5:"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("routes[0].payload_kg"), std::string::npos) << r.err;
}

TEST(AircargodStart, SyntaxErrorInNetworkFileFailsStartUpWithLineAndColumn) {
  TempDir dir;
  const std::string file = dir.Write("broken.textproto", "name: \"x\"\nairports { iata: }\n");
  const ProcessResult r = RunProcess({kServer, "--listen", "127.0.0.1:0", "--network", file});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("broken.textproto:2:"), std::string::npos) << r.err;
}

TEST(AircargodStart, MissingNetworkFileFailsStartUpNamingIt) {
  const ProcessResult r =
      RunProcess({kServer, "--listen", "127.0.0.1:0", "--network", "/nonexistent/net.textproto"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("/nonexistent/net.textproto"), std::string::npos) << r.err;
}

TEST(AircargodStart, ServesANetworkFileGivenWithNetwork) {
  TempDir dir;
  const std::string file = dir.Write("small.textproto", kSmallNetwork);
  ServerProcess server(kServer, {"--network", file});
  ASSERT_TRUE(server.started()) << server.startup_line();
  EXPECT_NE(server.startup_line().find("\"two airports\""), std::string::npos);
  const ProcessResult r = RunProcess({kCli, "--server", server.address(), "routes"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("SHE-YVR-X"), std::string::npos) << r.out;
}

TEST(AircargodStart, UsageErrorExitsTwo) {
  const ProcessResult r = RunProcess({kServer, "--threads", "abc"});
  EXPECT_EQ(r.exit_code, 2);
}

}  // namespace
}  // namespace aircargo::testing
