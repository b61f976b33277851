// NetworkBuilder: what a valid build produces (ids, derived distances, adjacency, the Boost
// multigraph) and how problems are reported together. The one-rule-per-test cases are in
// network_builder_rules_test.cc.
#include "routes/network_builder.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <boost/graph/graph_traits.hpp>
#include <boost/range/iterator_range.hpp>
#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <utility>
#include <vector>

#include "routes/graph.h"
#include "routes/network.h"
#include "tests/routes/test_parts.h"

namespace aircargo::routes {
namespace {

using test::Build;
using test::Incheon;
using test::MakeRoute;
using test::Shenyang;
using test::Vancouver;
using test::Violation;
using test::ViolationAt;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Optional;
using ::testing::Pair;
using ::testing::UnorderedElementsAre;

// The network of the happy-path tests:
//
//   YVR <--SHE-YVR-RS (derived km)-- SHE --SHE-ICN-CA (600 km given)--> ICN
//                                      \ --SHE-ICN-KE (parallel)-----> /
//                                       <--ICN-SHE-CA---------------- /
//
// Airports 0 SHE, 1 YVR, 2 ICN; routes 0..3 in the order drawn.
std::shared_ptr<const Network> BuildSampleNetwork() {
  RouteInput she_yvr = MakeRoute("SHE-YVR-RS", "SHE", "YVR");
  she_yvr.carrier = "RS";
  she_yvr.effective_from = "2024-11-17";
  she_yvr.tags = {"e-commerce", "transpacific"};
  she_yvr.source = "reference S1";
  RouteInput she_icn_ca = MakeRoute("SHE-ICN-CA", "SHE", "ICN");
  she_icn_ca.carrier = "CA";
  she_icn_ca.mode = Mode::kBelly;
  she_icn_ca.distance_km = 600;
  she_icn_ca.flights_per_week = 2;
  she_icn_ca.departures = {{Weekday{2}, "08:05"}, {Weekday{6}, "23:59"}};
  RouteInput she_icn_ke = MakeRoute("SHE-ICN-KE", "SHE", "ICN");
  she_icn_ke.carrier = "KE";
  she_icn_ke.status = RouteStatus::kPlanned;
  RouteInput icn_she = MakeRoute("ICN-SHE-CA", "ICN", "SHE");
  icn_she.carrier = "CA";

  NetworkBuilder builder;
  builder.SetName("sample").SetDescription("three airports").SetVersion(7);
  builder.AddAirport(Shenyang()).AddAirport(Vancouver()).AddAirport(Incheon());
  builder.AddRoute(she_yvr).AddRoute(she_icn_ca).AddRoute(she_icn_ke).AddRoute(icn_she);
  auto built = builder.Build();
  EXPECT_TRUE(built.ok()) << built.error().ToString();
  return built.ok() ? *built : nullptr;
}

std::vector<std::uint32_t> Values(std::span<const RouteId> ids) {
  std::vector<std::uint32_t> out;
  for (RouteId id : ids) out.push_back(id.value);
  return out;
}

TEST(NetworkBuilder, CarriesNameDescriptionAndVersionWhenValid) {
  const auto net = BuildSampleNetwork();
  ASSERT_NE(net, nullptr);
  EXPECT_EQ(net->name(), "sample");
  EXPECT_EQ(net->description(), "three airports");
  EXPECT_EQ(net->version(), 7);
  EXPECT_EQ(net->airports().size(), 3u);
  EXPECT_EQ(net->routes().size(), 4u);
}

TEST(NetworkBuilder, ResolvesAirportAndRouteIdsWhenValid) {
  const auto net = BuildSampleNetwork();
  ASSERT_NE(net, nullptr);
  EXPECT_THAT(net->FindAirport("SHE"), Optional(AirportId(0)));
  EXPECT_THAT(net->FindAirport("ICN"), Optional(AirportId(2)));
  EXPECT_EQ(net->FindAirport("she"), std::nullopt);  // exact code only
  EXPECT_EQ(net->FindAirport("PEK"), std::nullopt);
  EXPECT_EQ(net->airport(AirportId(1)).iata, "YVR");

  const auto route = net->FindRoute("SHE-ICN-KE");
  ASSERT_THAT(route, Optional(RouteId(2)));
  EXPECT_EQ(net->route(*route).carrier, "KE");
  EXPECT_EQ(net->route(*route).origin, AirportId(0));
  EXPECT_EQ(net->route(*route).destination, AirportId(2));
  EXPECT_EQ(net->FindRoute("SHE-ICN-XX"), std::nullopt);
}

TEST(NetworkBuilder, DerivesGreatCircleDistanceWhenDistanceIsZero) {
  const auto net = BuildSampleNetwork();
  ASSERT_NE(net, nullptr);
  // The reference table gives SHE-YVR as 8,003 km great circle.
  EXPECT_NEAR(net->route(RouteId(0)).distance_km, 8003, 8003 * 0.01);
  // SHE-ICN-KE states no distance either: 529 km per the same table.
  EXPECT_NEAR(net->route(RouteId(2)).distance_km, 529, 529 * 0.01);
}

TEST(NetworkBuilder, KeepsDistanceWhenGiven) {
  const auto net = BuildSampleNetwork();
  ASSERT_NE(net, nullptr);
  EXPECT_EQ(net->route(RouteId(1)).distance_km, 600);
}

TEST(NetworkBuilder, ConvertsTextFieldsWhenValid) {
  const auto net = BuildSampleNetwork();
  ASSERT_NE(net, nullptr);
  const Route& yvr = net->route(RouteId(0));
  EXPECT_EQ(yvr.mode, Mode::kFreighter);
  EXPECT_EQ(yvr.status, RouteStatus::kOperating);
  EXPECT_EQ(yvr.aircraft, "B767-300F");
  EXPECT_EQ(yvr.payload_kg, 43'500);
  EXPECT_EQ(yvr.block_minutes, 600);
  EXPECT_EQ(yvr.cost_per_kg_micros, 2'500'000);
  EXPECT_EQ(yvr.source, "reference S1");
  EXPECT_THAT(yvr.tags, ElementsAre("e-commerce", "transpacific"));
  using std::chrono::November;
  EXPECT_THAT(yvr.effective_from, Optional(std::chrono::year_month_day(
                                      std::chrono::year(2024), November, std::chrono::day(17))));

  const Route& icn = net->route(RouteId(1));
  EXPECT_EQ(icn.mode, Mode::kBelly);
  EXPECT_EQ(icn.effective_from, std::nullopt);
  ASSERT_EQ(icn.departures.size(), 2u);
  EXPECT_EQ(icn.departures[0].weekday, Weekday::kTuesday);
  EXPECT_EQ(icn.departures[0].minute_of_day, 8 * 60 + 5);
  EXPECT_EQ(icn.departures[1].weekday, Weekday::kSaturday);
  EXPECT_EQ(icn.departures[1].minute_of_day, 23 * 60 + 59);
  EXPECT_EQ(icn.weekly_capacity_kg(), 2 * 43'500);

  EXPECT_EQ(net->route(RouteId(2)).status, RouteStatus::kPlanned);
}

TEST(NetworkBuilder, ListsOutboundAndInboundRoutesInFileOrderWhenValid) {
  const auto net = BuildSampleNetwork();
  ASSERT_NE(net, nullptr);
  const AirportId she(0), yvr(1), icn(2);
  EXPECT_THAT(Values(net->outbound(she)), ElementsAre(0u, 1u, 2u));
  EXPECT_THAT(Values(net->inbound(she)), ElementsAre(3u));
  EXPECT_THAT(Values(net->outbound(yvr)), IsEmpty());
  EXPECT_THAT(Values(net->inbound(yvr)), ElementsAre(0u));
  EXPECT_THAT(Values(net->outbound(icn)), ElementsAre(3u));
  EXPECT_THAT(Values(net->inbound(icn)), ElementsAre(1u, 2u));
}

TEST(NetworkBuilder, MakesOneGraphEdgePerRouteWhenRoutesAreParallel) {
  const auto net = BuildSampleNetwork();
  ASSERT_NE(net, nullptr);
  const Graph& g = net->graph();
  EXPECT_EQ(boost::num_vertices(g), 3u);
  EXPECT_EQ(boost::num_edges(g), 4u);

  // Out of SHE: one edge per route, the two SHE->ICN carriers as two separate edges.
  std::vector<std::pair<std::uint32_t, std::uint32_t>> she_out;  // (target, route)
  for (const Edge& e : boost::make_iterator_range(boost::out_edges(Vertex(0), g))) {
    EXPECT_EQ(boost::source(e, g), Vertex(0));
    she_out.emplace_back(boost::target(e, g), g[e].route.value);
  }
  EXPECT_THAT(she_out, UnorderedElementsAre(Pair(1u, 0u), Pair(2u, 1u), Pair(2u, 2u)));

  // Every edge's property names a route with the same endpoints.
  for (const Edge& e : boost::make_iterator_range(boost::edges(g))) {
    const Route& r = net->route(g[e].route);
    EXPECT_EQ(boost::source(e, g), r.origin.value) << r.id;
    EXPECT_EQ(boost::target(e, g), r.destination.value) << r.id;
  }

  // Bidirectional: the in-edges of ICN carry the two parallel routes.
  std::vector<std::uint32_t> icn_in;
  for (const Edge& e : boost::make_iterator_range(boost::in_edges(Vertex(2), g))) {
    icn_in.push_back(g[e].route.value);
  }
  EXPECT_THAT(icn_in, UnorderedElementsAre(1u, 2u));
  EXPECT_EQ(boost::out_degree(Vertex(1), g), 0u);
}

TEST(NetworkBuilder, BuildsWhenThereAreAirportsButNoRoutes) {
  //   SHE   YVR   (no routes)
  const auto built = Build({Shenyang(), Vancouver()}, {});
  ASSERT_TRUE(built.ok()) << built.error().ToString();
  EXPECT_EQ(boost::num_vertices((*built)->graph()), 2u);
  EXPECT_EQ(boost::num_edges((*built)->graph()), 0u);
  EXPECT_THAT(Values((*built)->outbound(AirportId(0))), IsEmpty());
}

TEST(NetworkBuilder, RejectsNetworkWhenItHasNoAirports) {
  const auto built = Build({}, {});
  ASSERT_FALSE(built.ok());
  EXPECT_EQ(built.error().code, ErrorCode::kInvalidArgument);
  EXPECT_THAT(built.error().violations,
              ElementsAre(Violation("airports", HasSubstr("no airports"))));
}

TEST(NetworkBuilder, ReportsEveryProblemTogetherWhenSeveralFieldsAreBad) {
  //   SHE   YVR (country "ca")   ICN (latitude 120)
  //   SHE --SHE-YVR-1: payload 0, status unset--> YVR
  //   SHE --SHE-PEK-1--> PEK (unknown)
  //   YVR --YVR-SHE-1: departure "25:00"--> SHE
  Airport yvr = Vancouver();
  yvr.country = "ca";
  Airport icn = Incheon();
  icn.latitude_deg = 120;
  RouteInput bad_payload = MakeRoute("SHE-YVR-1", "SHE", "YVR");
  bad_payload.payload_kg = 0;
  bad_payload.status = std::nullopt;
  RouteInput unknown = MakeRoute("SHE-PEK-1", "SHE", "PEK");
  RouteInput bad_time = MakeRoute("YVR-SHE-1", "YVR", "SHE");
  bad_time.departures[0].local_time = "25:00";

  const auto built = Build({Shenyang(), yvr, icn}, {bad_payload, unknown, bad_time});
  ASSERT_FALSE(built.ok());
  EXPECT_EQ(built.error().code, ErrorCode::kInvalidArgument);
  EXPECT_THAT(built.error().message, HasSubstr("6 problems"));
  EXPECT_THAT(
      built.error().violations,
      UnorderedElementsAre(
          ViolationAt("airports[1].country"), ViolationAt("airports[2].latitude_deg"),
          ViolationAt("routes[0].payload_kg"), ViolationAt("routes[0].status"),
          ViolationAt("routes[1].destination"), ViolationAt("routes[2].departures[0].local_time")));
  // ToString lists every violation on its own line.
  const std::string text = built.error().ToString();
  EXPECT_THAT(text, HasSubstr("\n  airports[1].country: "));
  EXPECT_THAT(text, HasSubstr("\n  routes[2].departures[0].local_time: "));
}

TEST(NetworkBuilder, StartsEmptyAgainWhenBuiltOnce) {
  NetworkBuilder builder;
  builder.AddAirport(Shenyang()).AddAirport(Vancouver());
  builder.AddRoute(MakeRoute("SHE-YVR-W8", "SHE", "YVR"));
  ASSERT_TRUE(builder.Build().ok());
  const auto again = builder.Build();
  ASSERT_FALSE(again.ok());
  EXPECT_THAT(again.error().violations, ElementsAre(ViolationAt("airports")));
}

}  // namespace
}  // namespace aircargo::routes
