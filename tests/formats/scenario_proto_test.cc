// The request Scenario -> core Scenario mapping every planning RPC shares.
#include "formats/scenario_proto.h"

#include <gtest/gtest.h>

#include <cmath>

#include "tests/server/test_network.h"

namespace aircargo::formats {
namespace {

using std::chrono::day;
using std::chrono::month;
using std::chrono::year;
using std::chrono::year_month_day;

constexpr year_month_day kToday{year{2026}, month{11}, day{28}};

TEST(ScenarioFromProto, EmptyScenarioIsOperatingRoutesAsOfToday) {
  const auto n = testing::TestNetwork();
  const auto s = ScenarioFromProto(v1::Scenario(), *n, kToday);
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s->as_of, kToday);
  EXPECT_FALSE(s->include_planned);
  EXPECT_TRUE(s->closed_airports.empty());
}

TEST(ScenarioFromProto, MapsEveryFieldResolvingCodesCaseInsensitively) {
  const auto n = testing::TestNetwork();
  v1::Scenario in;
  in.set_as_of("2025-06-01");
  in.set_include_planned(true);
  in.add_closed_airports("icn");
  in.add_closed_routes("YVR-SEA-TRUCK");
  in.add_excluded_carriers("OZ");
  v1::CapacityFactor* f = in.add_capacity_factors();
  f->set_route_id("SHE-YVR-W8");
  f->set_factor(3);
  v1::Route* extra = in.add_extra_routes();
  extra->set_id("SEA-MIA-XX");
  extra->set_origin("sea");
  extra->set_destination("mia");
  const auto s = ScenarioFromProto(in, *n, kToday);
  ASSERT_TRUE(s.ok()) << s.error().ToString();
  EXPECT_EQ(s->as_of, (year_month_day{year{2025}, month{6}, day{1}}));
  EXPECT_TRUE(s->include_planned);
  ASSERT_EQ(s->closed_airports.size(), 1u);
  EXPECT_EQ(n->airport(s->closed_airports[0]).iata, "ICN");
  ASSERT_EQ(s->closed_routes.size(), 1u);
  EXPECT_EQ(n->route(s->closed_routes[0]).id, "YVR-SEA-TRUCK");
  EXPECT_EQ(s->excluded_carriers, std::vector<std::string>{"OZ"});
  ASSERT_EQ(s->capacity_factors.size(), 1u);
  EXPECT_EQ(s->capacity_factors[0].route_id, "SHE-YVR-W8");
  EXPECT_EQ(s->capacity_factors[0].factor, 3);
  ASSERT_EQ(s->extra_routes.size(), 1u);
  EXPECT_EQ(s->extra_routes[0].origin, "SEA");
}

TEST(ScenarioFromProto, MalformedAsOfIsInvalidArgumentNamingTheField) {
  const auto n = testing::TestNetwork();
  for (const char* bad : {"2025-13-01", "2025/06/01", "tomorrow", "2025-02-30"}) {
    v1::Scenario in;
    in.set_as_of(bad);
    const auto s = ScenarioFromProto(in, *n, kToday);
    ASSERT_FALSE(s.ok()) << bad;
    EXPECT_EQ(s.error().code, routes::ErrorCode::kInvalidArgument);
    EXPECT_EQ(s.error().field, "scenario.as_of");
  }
}

TEST(ScenarioFromProto, UnknownClosedAirportOrRouteIsNotFound) {
  const auto n = testing::TestNetwork();
  {
    v1::Scenario in;
    in.add_closed_airports("SHE");
    in.add_closed_airports("ZZZ");
    const auto s = ScenarioFromProto(in, *n, kToday);
    ASSERT_FALSE(s.ok());
    EXPECT_EQ(s.error().code, routes::ErrorCode::kNotFound);
    EXPECT_EQ(s.error().field, "scenario.closed_airports[1]");
  }
  {
    v1::Scenario in;
    in.add_closed_routes("NOPE");
    const auto s = ScenarioFromProto(in, *n, kToday);
    ASSERT_FALSE(s.ok());
    EXPECT_EQ(s.error().code, routes::ErrorCode::kNotFound);
    EXPECT_NE(s.error().message.find("NOPE"), std::string::npos);
  }
}

TEST(ScenarioFromProto, MalformedClosedAirportIsInvalidArgument) {
  const auto n = testing::TestNetwork();
  v1::Scenario in;
  in.add_closed_airports("SHEN");
  const auto s = ScenarioFromProto(in, *n, kToday);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().code, routes::ErrorCode::kInvalidArgument);
}

TEST(ScenarioFromProto, OversizedListsAreRejected) {
  const auto n = testing::TestNetwork();
  v1::Scenario in;
  for (int i = 0; i <= kMaxScenarioListSize; ++i) in.add_excluded_carriers("X");
  const auto s = ScenarioFromProto(in, *n, kToday);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().field, "scenario.excluded_carriers");
}

TEST(MakeScenarioView, NaNFactorIsInvalidArgument) {
  const auto n = testing::TestNetwork();
  v1::Scenario in;
  v1::CapacityFactor* f = in.add_capacity_factors();
  f->set_route_id("SHE-YVR-W8");
  f->set_factor(std::nan(""));
  const auto view = MakeScenarioView(in, *n, kToday);
  ASSERT_FALSE(view.ok());
  EXPECT_EQ(view.error().code, routes::ErrorCode::kInvalidArgument);
  EXPECT_EQ(view.error().field, "scenario.capacity_factors[0].factor");
}

TEST(MakeScenarioView, IncludePlannedMakesThePlannedRouteUsable) {
  const auto n = testing::TestNetwork();
  v1::Scenario in;
  in.set_include_planned(true);
  const auto view = MakeScenarioView(in, *n, kToday);
  ASSERT_TRUE(view.ok());
  EXPECT_TRUE(view->usable(*n->FindRoute("SHE-MIA-CA")));
  const auto plain = MakeScenarioView(v1::Scenario(), *n, kToday);
  ASSERT_TRUE(plain.ok());
  EXPECT_FALSE(plain->usable(*n->FindRoute("SHE-MIA-CA")));
}

}  // namespace
}  // namespace aircargo::formats
