// ScenarioView: which routes a what-if scenario leaves usable, and at what capacity.
//
//   SHE --W8 freighter (2024-11-17)--> YVR
//   SHE --CA freighter, PLANNED 2025-04-26--> YVR
//   SHE --KE belly--> ICN --KE belly--> YVR
//   SHE --OZ belly, SUSPENDED--> ICN
#include "routes/scenario_view.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <set>

#include "routes/graph.h"
#include "tests/routes/test_parts.h"

namespace aircargo::routes::test {
namespace {

using std::chrono::day;
using std::chrono::month;
using std::chrono::year;
using std::chrono::year_month_day;

constexpr year_month_day kMid2025{year{2025}, month{6}, day{1}};

std::shared_ptr<const Network> Net() {
  auto yvr = MakeRoute("SHE-YVR-W8", "SHE", "YVR");
  yvr.effective_from = "2024-11-17";
  auto planned = MakeRoute("SHE-YVR-CA", "SHE", "YVR");
  planned.carrier = "CA";
  planned.status = RouteStatus::kPlanned;
  planned.effective_from = "2025-04-26";
  auto icn = MakeRoute("SHE-ICN-KE", "SHE", "ICN");
  icn.carrier = "KE";
  icn.payload_kg = 10'000;
  icn.flights_per_week = 7;
  icn.departures.clear();
  auto icn_yvr = MakeRoute("ICN-YVR-KE", "ICN", "YVR");
  icn_yvr.carrier = "KE";
  auto suspended = MakeRoute("SHE-ICN-OZ", "SHE", "ICN");
  suspended.carrier = "OZ";
  suspended.status = RouteStatus::kSuspended;
  auto built = Build({Shenyang(), Vancouver(), Incheon()}, {yvr, planned, icn, icn_yvr, suspended});
  EXPECT_TRUE(built.ok());
  return *built;
}

RouteId Id(const Network& n, const char* id) { return *n.FindRoute(id); }

std::set<std::string> UsableOut(const ScenarioView& view, const char* airport) {
  std::set<std::string> ids;
  view.ForEachOutRoute(*view.network().FindAirport(airport),
                       [&](RouteId id) { ids.insert(view.route(id).id); });
  return ids;
}

TEST(ScenarioView, OperatingViewLeavesOutPlannedAndSuspendedRoutes) {
  const auto n = Net();
  const auto view = ScenarioView::Operating(*n, kMid2025);
  EXPECT_EQ(UsableOut(view, "SHE"), (std::set<std::string>{"SHE-YVR-W8", "SHE-ICN-KE"}));
  EXPECT_EQ(view.exclusion(Id(*n, "SHE-YVR-CA")), RouteExclusion::kPlannedNotIncluded);
  EXPECT_EQ(view.exclusion(Id(*n, "SHE-ICN-OZ")), RouteExclusion::kSuspended);
  EXPECT_EQ(view.weekly_capacity_kg(Id(*n, "SHE-ICN-KE")), 70'000);
  EXPECT_EQ(view.weekly_capacity_kg(Id(*n, "SHE-YVR-CA")), 0);
}

TEST(ScenarioView, PlannedRoutesCountOnlyFromTheirEffectiveDate) {
  const auto n = Net();
  Scenario s;
  s.include_planned = true;
  s.as_of = year_month_day{year{2025}, month{4}, day{25}};
  auto before = ScenarioView::Make(*n, s);
  ASSERT_TRUE(before.ok());
  EXPECT_EQ(before->exclusion(Id(*n, "SHE-YVR-CA")), RouteExclusion::kNotYetEffective);
  s.as_of = year_month_day{year{2025}, month{4}, day{26}};
  auto on = ScenarioView::Make(*n, s);
  ASSERT_TRUE(on.ok());
  EXPECT_TRUE(on->usable(Id(*n, "SHE-YVR-CA")));
  EXPECT_EQ(UsableOut(*on, "SHE").size(), 3u);
}

TEST(ScenarioView, OperatingRouteBeforeItsFirstFlightIsNotYetEffective) {
  const auto n = Net();
  const auto view = ScenarioView::Operating(*n, year_month_day{year{2024}, month{11}, day{16}});
  EXPECT_EQ(view.exclusion(Id(*n, "SHE-YVR-W8")), RouteExclusion::kNotYetEffective);
}

TEST(ScenarioView, RouteCountsUpToAndIncludingItsEffectiveToDate) {
  auto ended = MakeRoute("SHE-YVR-W8", "SHE", "YVR");
  ended.effective_from = "2025-08-01";
  ended.effective_to = "2025-10-31";
  auto built = Build({Shenyang(), Vancouver()}, {ended});
  ASSERT_TRUE(built.ok());
  const Network& n = **built;
  const auto on = [&](year_month_day d) { return ScenarioView::Operating(n, d); };
  EXPECT_EQ(on(year_month_day{year{2025}, month{7}, day{31}}).exclusion(Id(n, "SHE-YVR-W8")),
            RouteExclusion::kNotYetEffective);
  EXPECT_TRUE(on(year_month_day{year{2025}, month{8}, day{1}}).usable(Id(n, "SHE-YVR-W8")));
  EXPECT_TRUE(on(year_month_day{year{2025}, month{10}, day{31}}).usable(Id(n, "SHE-YVR-W8")));
  const auto after = on(year_month_day{year{2025}, month{11}, day{1}});
  EXPECT_EQ(after.exclusion(Id(n, "SHE-YVR-W8")), RouteExclusion::kNoLongerEffective);
  EXPECT_EQ(after.weekly_capacity_kg(Id(n, "SHE-YVR-W8")), 0);
  EXPECT_STREQ(RouteExclusionName(RouteExclusion::kNoLongerEffective), "no longer effective");
}

TEST(ScenarioView, PlannedRouteWithAnEndDateIsLeftOutAfterItEvenWhenPlannedRoutesAreIncluded) {
  auto planned = MakeRoute("SHE-YVR-CA", "SHE", "YVR");
  planned.status = RouteStatus::kPlanned;
  planned.effective_to = "2025-12-31";
  auto built = Build({Shenyang(), Vancouver()}, {planned});
  ASSERT_TRUE(built.ok());
  Scenario s;
  s.include_planned = true;
  s.as_of = year_month_day{year{2026}, month{1}, day{15}};
  auto view = ScenarioView::Make(**built, s);
  ASSERT_TRUE(view.ok());
  EXPECT_EQ(view->exclusion(RouteId(0)), RouteExclusion::kNoLongerEffective);
}

TEST(ScenarioView, ClosedAirportRemovesEveryRouteTouchingIt) {
  const auto n = Net();
  Scenario s;
  s.as_of = kMid2025;
  s.closed_airports = {*n->FindAirport("ICN")};
  auto view = ScenarioView::Make(*n, s);
  ASSERT_TRUE(view.ok());
  EXPECT_FALSE(view->airport_open(*n->FindAirport("ICN")));
  EXPECT_EQ(view->exclusion(Id(*n, "SHE-ICN-KE")), RouteExclusion::kClosedAirport);
  EXPECT_EQ(view->exclusion(Id(*n, "ICN-YVR-KE")), RouteExclusion::kClosedAirport);
  EXPECT_EQ(UsableOut(*view, "SHE"), (std::set<std::string>{"SHE-YVR-W8"}));
}

TEST(ScenarioView, ClosedRoutesAndExcludedCarriersAreLeftOut) {
  const auto n = Net();
  Scenario s;
  s.as_of = kMid2025;
  s.closed_routes = {Id(*n, "SHE-YVR-W8")};
  s.excluded_carriers = {"ke"};  // case-insensitive
  auto view = ScenarioView::Make(*n, s);
  ASSERT_TRUE(view.ok());
  EXPECT_EQ(view->exclusion(Id(*n, "SHE-YVR-W8")), RouteExclusion::kClosedRoute);
  EXPECT_EQ(view->exclusion(Id(*n, "SHE-ICN-KE")), RouteExclusion::kExcludedCarrier);
  EXPECT_TRUE(UsableOut(*view, "SHE").empty());
}

TEST(ScenarioView, CapacityFactorsScaleAndZeroCloses) {
  const auto n = Net();
  Scenario s;
  s.as_of = kMid2025;
  s.capacity_factors = {{RouteId{}, "SHE-YVR-W8", 3.0}, {RouteId{}, "SHE-ICN-KE", 0.0}};
  auto view = ScenarioView::Make(*n, s);
  ASSERT_TRUE(view.ok()) << view.error().ToString();
  EXPECT_EQ(view->weekly_capacity_kg(Id(*n, "SHE-YVR-W8")), 3 * 43'500);
  EXPECT_EQ(view->exclusion(Id(*n, "SHE-ICN-KE")), RouteExclusion::kZeroCapacity);
  EXPECT_EQ(view->weekly_capacity_kg(Id(*n, "SHE-ICN-KE")), 0);
}

TEST(ScenarioView, RejectsNonFiniteNegativeOrAbsurdFactorsNamingTheField) {
  const auto n = Net();
  for (double bad : {-1.0, std::nan(""), std::numeric_limits<double>::infinity(), 1e6}) {
    Scenario s;
    s.capacity_factors = {{RouteId{}, "SHE-YVR-W8", 1.0}, {RouteId{}, "SHE-ICN-KE", bad}};
    auto view = ScenarioView::Make(*n, s);
    ASSERT_FALSE(view.ok()) << bad;
    EXPECT_EQ(view.error().code, ErrorCode::kInvalidArgument);
    EXPECT_EQ(view.error().field, "scenario.capacity_factors[1].factor");
  }
}

TEST(ScenarioView, UnknownFactorRouteIsNotFound) {
  const auto n = Net();
  Scenario s;
  s.capacity_factors = {{RouteId{}, "NOPE", 2.0}};
  auto view = ScenarioView::Make(*n, s);
  ASSERT_FALSE(view.ok());
  EXPECT_EQ(view.error().code, ErrorCode::kNotFound);
  EXPECT_EQ(view.error().field, "scenario.capacity_factors[0].route_id");
}

TEST(ScenarioView, ExtraRoutesGetIdsAfterTheNetworksAndAreWalked) {
  const auto n = Net();
  Scenario s;
  s.as_of = kMid2025;
  auto extra = MakeRoute("YVR-ICN-XX", "YVR", "ICN");
  extra.status = std::nullopt;  // unset: an extra route is meant to fly
  s.extra_routes = {extra};
  s.capacity_factors = {{RouteId{}, "YVR-ICN-XX", 2.0}};
  auto view = ScenarioView::Make(*n, s);
  ASSERT_TRUE(view.ok()) << view.error().ToString();
  ASSERT_EQ(view->route_count(), n->routes().size() + 1);
  const RouteId id = *view->FindRoute("YVR-ICN-XX");
  EXPECT_TRUE(view->is_extra(id));
  EXPECT_EQ(id.value, n->routes().size());
  EXPECT_EQ(view->weekly_capacity_kg(id), 2 * 43'500);
  EXPECT_NEAR(view->route(id).distance_km, 8'150, 300) << "derived from the coordinates";
  EXPECT_EQ(UsableOut(*view, "YVR"), (std::set<std::string>{"YVR-ICN-XX"}));
  std::set<std::string> into_icn;
  view->ForEachInRoute(*n->FindAirport("ICN"),
                       [&](RouteId r) { into_icn.insert(view->route(r).id); });
  EXPECT_EQ(into_icn, (std::set<std::string>{"SHE-ICN-KE", "YVR-ICN-XX"}));
}

TEST(ScenarioView, ExtraRouteTouchingAClosedAirportIsLeftOut) {
  const auto n = Net();
  Scenario s;
  s.as_of = kMid2025;
  s.extra_routes = {MakeRoute("YVR-ICN-XX", "YVR", "ICN")};
  s.closed_airports = {*n->FindAirport("ICN")};
  auto view = ScenarioView::Make(*n, s);
  ASSERT_TRUE(view.ok());
  EXPECT_EQ(view->exclusion(*view->FindRoute("YVR-ICN-XX")), RouteExclusion::kClosedAirport);
}

TEST(ScenarioView, InvalidOrClashingExtraRoutesAreRejectedNamingTheField) {
  const auto n = Net();
  {
    Scenario s;
    auto bad = MakeRoute("X-1", "YVR", "ZZZ");
    s.extra_routes = {bad};
    auto view = ScenarioView::Make(*n, s);
    ASSERT_FALSE(view.ok());
    EXPECT_EQ(view.error().code, ErrorCode::kInvalidArgument);
    EXPECT_EQ(view.error().field, "scenario.extra_routes[0].destination");
  }
  {
    Scenario s;
    s.extra_routes = {MakeRoute("SHE-YVR-W8", "YVR", "SHE")};
    auto view = ScenarioView::Make(*n, s);
    ASSERT_FALSE(view.ok());
    EXPECT_EQ(view.error().field, "scenario.extra_routes[0].id");
  }
}

TEST(ScenarioView, NeverChangesTheNetwork) {
  const auto n = Net();
  Scenario s;
  s.as_of = kMid2025;
  s.closed_airports = {*n->FindAirport("SHE")};
  s.extra_routes = {MakeRoute("YVR-ICN-XX", "YVR", "ICN")};
  auto view = ScenarioView::Make(*n, s);
  ASSERT_TRUE(view.ok());
  EXPECT_EQ(n->routes().size(), 5u);
  EXPECT_EQ(boost::num_edges(n->graph()), 5u);
  const auto operating = ScenarioView::Operating(*n, kMid2025);
  EXPECT_EQ(UsableOut(operating, "SHE").size(), 2u);
}

}  // namespace
}  // namespace aircargo::routes::test
