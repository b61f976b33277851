// `aircargo path` against the real aircargod on the embedded Shenyang network: k distinct
// routings by transit time, with and without planned routes, Pareto and reason codes.
#include <gtest/gtest.h>

#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "tests/integration/process.h"
#include "tests/integration/served_network_test.h"

namespace aircargo::testing {
namespace {

class PathsIntegrationTest : public ServedNetworkTest {};

// The route ids of each printed path block, joined with spaces ("SHE-ICN-KE ICN-FRA-KE").
std::vector<std::string> Routings(const std::string& out) {
  std::vector<std::string> routings;
  std::istringstream lines(out);
  std::string line;
  while (std::getline(lines, line)) {
    if (line.rfind("Path ", 0) == 0) {
      routings.emplace_back();
      continue;
    }
    std::istringstream words(line);
    std::string leg;
    std::string route;
    if (!(words >> leg >> route) || routings.empty()) continue;
    if (leg.find_first_not_of("0123456789") != std::string::npos) continue;  // not a leg row
    if (!routings.back().empty()) routings.back() += " ";
    routings.back() += route;
  }
  return routings;
}

TEST_F(PathsIntegrationTest, ThreeDistinctRoutingsByTransitTime) {
  const ProcessResult r = Cli({"path", "SHE", "FRA", "--by", "time", "-k", "3"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("Path 1 of 3 (by transit time): SHE"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("Path 3 of 3"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("transit time"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("bottleneck"), std::string::npos) << r.out;
  const std::vector<std::string> routings = Routings(r.out);
  ASSERT_EQ(routings.size(), 3u) << r.out;
  EXPECT_EQ(std::set<std::string>(routings.begin(), routings.end()).size(), 3u) << r.out;
  for (const std::string& routing : routings) {
    EXPECT_EQ(routing.rfind("SHE-", 0), 0u) << routing;
    EXPECT_EQ(routing.find("UNKNOWN"), std::string::npos) << "suspended route used: " << routing;
  }
}

TEST_F(PathsIntegrationTest, ThreeDistinctRoutingsWithPlannedRoutes) {
  const ProcessResult r = Cli({"path", "SHE", "FRA", "--by", "time", "-k", "3", "--with-planned"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::vector<std::string> routings = Routings(r.out);
  ASSERT_EQ(routings.size(), 3u) << r.out;
  EXPECT_EQ(std::set<std::string>(routings.begin(), routings.end()).size(), 3u) << r.out;
}

TEST_F(PathsIntegrationTest, ParetoAndJsonWork) {
  const ProcessResult r = Cli({"path", "SHE", "FRA", "--pareto", "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("\"pareto\": true"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("\"reason\": \"PATH_REASON_FOUND\""), std::string::npos) << r.out;
}

TEST_F(PathsIntegrationTest, ClosingEveryExitGivesAReason) {
  const ProcessResult r = Cli({"path", "SHE", "FRA", "--max-legs", "1", "--exclude-carrier", "CZ"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("No path from SHE to FRA"), std::string::npos) << r.out;
}

TEST_F(PathsIntegrationTest, UnknownAirportExitsWithThree) {
  const ProcessResult r = Cli({"path", "SHE", "XXX"});
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_NE(r.err.find("destination"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace aircargo::testing
