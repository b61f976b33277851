// The shared scenario flags of every planning command.
#include "client/scenario_flags.h"

#include <gtest/gtest.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <string>
#include <vector>

namespace aircargo::client {
namespace {

// Parses `args` with the scenario flags on a bare command; returns the parse error text, if any.
std::string Parse(ScenarioFlags& flags, std::vector<std::string> args) {
  CLI::App app("test");
  AddScenarioFlags(app, flags);
  std::reverse(args.begin(), args.end());  // CLI11 takes the vector in reverse order
  try {
    app.parse(args);
  } catch (const CLI::ParseError& e) {
    return e.what();
  }
  return "";
}

TEST(ScenarioFlags, DefaultsToOperatingRoutesToday) {
  ScenarioFlags flags;
  ASSERT_EQ(Parse(flags, {}), "");
  const v1::Scenario s = ToScenario(flags);
  EXPECT_FALSE(s.include_planned());
  EXPECT_TRUE(s.as_of().empty());
  EXPECT_EQ(s.closed_airports_size(), 0);
}

TEST(ScenarioFlags, MapsEveryFlagToTheScenario) {
  ScenarioFlags flags;
  ASSERT_EQ(Parse(flags, {"--with-planned", "--as-of", "2025-06-01", "--close", "icn,fra", "--drop",
                          "SHE-YVR-W8", "--exclude-carrier", "CA", "--factor",
                          "SHE-YVR-W8=3,SHE-ICN-KE=0.5"}),
            "");
  const v1::Scenario s = ToScenario(flags);
  EXPECT_TRUE(s.include_planned());
  EXPECT_EQ(s.as_of(), "2025-06-01");
  ASSERT_EQ(s.closed_airports_size(), 2);
  EXPECT_EQ(s.closed_airports(0), "ICN");
  EXPECT_EQ(s.closed_airports(1), "FRA");
  ASSERT_EQ(s.closed_routes_size(), 1);
  EXPECT_EQ(s.closed_routes(0), "SHE-YVR-W8");
  ASSERT_EQ(s.excluded_carriers_size(), 1);
  ASSERT_EQ(s.capacity_factors_size(), 2);
  EXPECT_EQ(s.capacity_factors(0).route_id(), "SHE-YVR-W8");
  EXPECT_DOUBLE_EQ(s.capacity_factors(0).factor(), 3.0);
  EXPECT_DOUBLE_EQ(s.capacity_factors(1).factor(), 0.5);
}

TEST(ScenarioFlags, MalformedAsOfIsAUsageErrorNamingTheValue) {
  ScenarioFlags flags;
  const std::string error = Parse(flags, {"--as-of", "June 1"});
  EXPECT_NE(error.find("June 1"), std::string::npos) << error;
}

TEST(ScenarioFlags, MalformedFactorsAreUsageErrors) {
  for (const char* bad : {"SHE-YVR-W8", "=3", "SHE-YVR-W8=-1", "SHE-YVR-W8=abc", "R=nan"}) {
    ScenarioFlags flags;
    EXPECT_NE(Parse(flags, {"--factor", bad}), "") << bad;
  }
}

}  // namespace
}  // namespace aircargo::client
