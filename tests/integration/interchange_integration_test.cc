// Interchange end to end with the real binaries: `aircargo import openflights` on the OpenFlights
// database (skipped when /work/shared/data/openflights is absent), aircargod serving the result,
// `aircargo network` on it, and `aircargo export --format svg|geojson` on the default network.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "tests/integration/process.h"
#include "tests/integration/served_network_test.h"
#include "tests/shared_data.h"

namespace aircargo::testing {
namespace {

namespace fs = std::filesystem;

const std::string kOpenFlights = AIRCARGO_OPENFLIGHTS_DIR;

std::string Read(const std::string& path) {
  std::ifstream in(path);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

TEST(InterchangeIntegration, ImportsOpenFlightsAndServesTheWorldNetwork) {
  AIRCARGO_REQUIRE_SHARED_FILE(kOpenFlights + "/routes.dat");
  const std::string world = (fs::path(::testing::TempDir()) / "world.pb").string();
  const ProcessResult import = RunProcess(
      {kCli, "import", "openflights", "--airports", kOpenFlights + "/airports.dat", "--routes",
       kOpenFlights + "/routes.dat", "--planes", kOpenFlights + "/planes.dat", "--airlines",
       kOpenFlights + "/airlines.dat", "-o", world},
      {}, 120);
  ASSERT_EQ(import.exit_code, 0) << import.err;
  EXPECT_NE(import.out.find("wrote " + world + ": imported 3,"), std::string::npos) << import.out;

  ServerProcess server(kServer, {"--network", world});
  ASSERT_TRUE(server.started()) << server.startup_line();
  const ProcessResult network = RunProcess({kCli, "--server", server.address(), "network"});
  ASSERT_EQ(network.exit_code, 0) << network.err;
  EXPECT_NE(network.out.find("OpenFlights"), std::string::npos) << network.out;
  const ProcessResult yvr = RunProcess({kCli, "--server", server.address(), "airport", "YVR"});
  EXPECT_EQ(yvr.exit_code, 0) << yvr.err;
  EXPECT_EQ(server.Stop(), 0);
}

TEST(InterchangeIntegration, ExportsTheDefaultNetworkAsSvgAndGeoJson) {
  ServerProcess server(kServer);
  ASSERT_TRUE(server.started()) << server.startup_line();
  const std::string svg = (fs::path(::testing::TempDir()) / "shenyang.svg").string();
  const ProcessResult r = RunProcess({kCli, "--server", server.address(), "export", "--format",
                                      "svg", "--with-planned", "-o", svg});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string picture = Read(svg);
  EXPECT_EQ(picture.rfind("<?xml", 0), 0u);
  EXPECT_NE(picture.find("id=\"line-SHE-YVR-W8\""), std::string::npos);
  EXPECT_NE(picture.find("stroke-dasharray"), std::string::npos);  // the planned routes
  EXPECT_NE(picture.find("</svg>"), std::string::npos);

  const ProcessResult geojson =
      RunProcess({kCli, "--server", server.address(), "export", "--format", "geojson"});
  ASSERT_EQ(geojson.exit_code, 0) << geojson.err;
  EXPECT_NE(geojson.out.find("\"MultiLineString\""), std::string::npos);  // SHE-YVR
  EXPECT_EQ(server.Stop(), 0);
}

}  // namespace
}  // namespace aircargo::testing
