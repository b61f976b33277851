// ScenarioView::Make(base, scenario), the view as a delta over a plain shared view, against
// ScenarioView::Make(network, scenario), the pass over every route record: on seeded random
// networks (operating, planned and suspended routes, effective dates either side of the as-of
// date, four carriers) and random scenarios (closed routes and airports, excluded carriers in any
// case, capacity factors including 0, repeats and factors of extra routes, extra routes touching
// closed airports), every route's exclusion and capacity, every airport's state, the routes walked
// from and to each airport and the extra routes found by id are the same; so are the errors of
// invalid scenarios. A base that does not fit (other as_of or include_planned, or not plain) gives
// Make(network)'s view too.
#include <gtest/gtest.h>

#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "routes/calendar.h"
#include "routes/scenario_view.h"
#include "tests/routes/test_parts.h"

namespace aircargo::routes::test {
namespace {

using std::chrono::day;
using std::chrono::month;
using std::chrono::year;
using std::chrono::year_month_day;

constexpr year_month_day kAsOf{year{2025}, month{6}, day{1}};
const char* const kCarriers[] = {"AA", "BB", "cc", "DD"};

std::string Code(int i) {
  return std::string{static_cast<char>('A' + i / 26), static_cast<char>('A' + i % 26), 'X'};
}

std::shared_ptr<const Network> RandomNetwork(std::uint32_t seed) {
  std::mt19937 rng(seed);
  const int airports = 6 + static_cast<int>(rng() % 20);
  std::vector<Airport> list;
  for (int i = 0; i < airports; ++i) {
    list.push_back(MakeAirport(Code(i), "", "CN", -60 + static_cast<double>(rng() % 120),
                               -170 + static_cast<double>(rng() % 340), "UTC"));
  }
  std::vector<RouteInput> routes;
  const int count = airports * 3;
  for (int i = 0; i < count; ++i) {
    const int from = static_cast<int>(rng() % airports);
    int to = static_cast<int>(rng() % airports);
    if (to == from) to = (to + 1) % airports;
    RouteInput r = MakeRoute("R" + std::to_string(i), Code(from), Code(to));
    r.carrier = kCarriers[rng() % 4];
    r.payload_kg = 1 + static_cast<std::int64_t>(rng() % 90'000);
    r.flights_per_week = 1 + static_cast<std::int32_t>(rng() % 14);
    r.departures.clear();
    const int status = static_cast<int>(rng() % 10);
    r.status = status < 6 ? RouteStatus::kOperating
                          : (status < 9 ? RouteStatus::kPlanned : RouteStatus::kSuspended);
    if (rng() % 4 == 0) r.effective_from = rng() % 2 == 0 ? "2025-01-10" : "2025-09-01";
    if (rng() % 5 == 0) {
      r.effective_to =
          rng() % 2 == 0 && r.effective_from != "2025-09-01" ? "2025-03-31" : "2025-12-31";
    }
    routes.push_back(std::move(r));
  }
  auto built = Build(std::move(list), std::move(routes));
  EXPECT_TRUE(built.ok()) << built.error().ToString();
  return *built;
}

Scenario RandomScenario(const Network& network, std::uint32_t seed, bool include_planned) {
  std::mt19937 rng(seed * 104729U);
  const auto airports = static_cast<std::uint32_t>(network.airports().size());
  const auto routes = static_cast<std::uint32_t>(network.routes().size());
  Scenario s;
  s.as_of = kAsOf;
  s.include_planned = include_planned;
  for (std::uint32_t i = 0, n = rng() % 3; i < n; ++i)
    s.closed_airports.push_back(AirportId(rng() % airports));
  const std::uint32_t extras = rng() % 3;
  for (std::uint32_t i = 0; i < extras; ++i) {
    RouteInput r =
        MakeRoute("X" + std::to_string(i), network.airport(AirportId(rng() % airports)).iata,
                  network.airport(AirportId(rng() % airports)).iata);
    if (r.origin == r.destination) r.destination = r.origin == Code(0) ? Code(1) : Code(0);
    r.carrier = kCarriers[rng() % 4];
    r.departures.clear();
    if (rng() % 3 == 0)
      r.status = RouteStatus::kPlanned;  // an extra route is used whatever its status
    s.extra_routes.push_back(std::move(r));
  }
  for (std::uint32_t i = 0, n = rng() % 4; i < n; ++i)
    s.closed_routes.push_back(RouteId(rng() % (routes + extras)));
  if (rng() % 3 == 0) s.excluded_carriers.push_back(rng() % 2 == 0 ? "bb" : "CC");
  for (std::uint32_t i = 0, n = rng() % 7; i < n; ++i) {
    CapacityFactor f;
    const std::uint32_t id = rng() % (routes + extras);
    if (rng() % 2 == 0) {
      f.route_id = id < routes ? network.route(RouteId(id)).id : "X" + std::to_string(id - routes);
    } else {
      f.route = RouteId(id);
    }
    const int kind = static_cast<int>(rng() % 4);
    f.factor = kind == 0 ? 0.0 : (kind == 1 ? 0.000001 : static_cast<double>(rng() % 300) / 100.0);
    s.capacity_factors.push_back(f);
  }
  return s;
}

void ExpectSameView(const ScenarioView& got, const ScenarioView& want, const std::string& what) {
  ASSERT_EQ(got.route_count(), want.route_count()) << what;
  const Network& n = want.network();
  for (std::uint32_t r = 0; r < want.route_count(); ++r) {
    const RouteId id(r);
    EXPECT_EQ(got.exclusion(id), want.exclusion(id)) << what << " route " << want.route(id).id;
    EXPECT_EQ(got.weekly_capacity_kg(id), want.weekly_capacity_kg(id)) << what << " route " << r;
    EXPECT_EQ(got.route(id).id, want.route(id).id) << what;
    EXPECT_EQ(got.FindRoute(want.route(id).id), want.FindRoute(want.route(id).id)) << what;
  }
  for (std::uint32_t a = 0; a < n.airports().size(); ++a) {
    const AirportId id(a);
    EXPECT_EQ(got.airport_open(id), want.airport_open(id)) << what << " airport " << a;
    std::vector<std::uint32_t> got_out, want_out, got_in, want_in;
    got.ForEachOutRoute(id, [&](RouteId r) { got_out.push_back(r.value); });
    want.ForEachOutRoute(id, [&](RouteId r) { want_out.push_back(r.value); });
    got.ForEachInRoute(id, [&](RouteId r) { got_in.push_back(r.value); });
    want.ForEachInRoute(id, [&](RouteId r) { want_in.push_back(r.value); });
    EXPECT_EQ(got_out, want_out) << what << " airport " << a;
    EXPECT_EQ(got_in, want_in) << what << " airport " << a;
  }
}

TEST(ScenarioViewDelta, EqualsTheViewFromTheRouteRecords) {
  int closed = 0, factored = 0, carriers = 0;
  for (std::uint32_t seed = 1; seed <= 60; ++seed) {
    const auto network = RandomNetwork(seed);
    for (const bool planned : {false, true}) {
      Scenario plain;
      plain.as_of = kAsOf;
      plain.include_planned = planned;
      const auto base = ScenarioView::Make(*network, plain);
      ASSERT_TRUE(base.ok());
      ASSERT_TRUE(base->plain());
      const Scenario s = RandomScenario(*network, seed, planned);
      ASSERT_TRUE(ScenarioView::DerivesFrom(*base, s));
      const auto want = ScenarioView::Make(*network, s);
      const auto got = ScenarioView::Make(*base, s);
      ASSERT_EQ(got.ok(), want.ok()) << "seed " << seed;
      if (!want.ok()) {
        EXPECT_EQ(got.error().ToString(), want.error().ToString());
        continue;
      }
      ExpectSameView(*got, *want, "seed " + std::to_string(seed));
      for (std::uint32_t r = 0; r < want->route_count(); ++r) {
        const RouteExclusion why = want->exclusion(RouteId(r));
        closed += why == RouteExclusion::kClosedAirport || why == RouteExclusion::kClosedRoute;
        carriers += why == RouteExclusion::kExcludedCarrier;
        factored +=
            why == RouteExclusion::kUsable &&
            want->weekly_capacity_kg(RouteId(r)) != want->route(RouteId(r)).weekly_capacity_kg();
      }
    }
  }
  // The seeds reach every kind of change.
  EXPECT_GE(closed, 50);
  EXPECT_GE(factored, 30);
  EXPECT_GE(carriers, 30);
}

// Invalid scenarios fail with Make(network)'s error, field and message.
TEST(ScenarioViewDelta, InvalidScenariosFailAsTheFullViewFails) {
  const auto network = RandomNetwork(5);
  Scenario plain;
  plain.as_of = kAsOf;
  const auto base = ScenarioView::Make(*network, plain);
  ASSERT_TRUE(base.ok());
  std::vector<Scenario> bad(5, RandomScenario(*network, 5, false));
  bad[0].capacity_factors.push_back({RouteId(0), "", -1.0});
  bad[1].capacity_factors.push_back({RouteId(0), "NO-SUCH-ROUTE", 2.0});
  bad[2].closed_routes.push_back(RouteId(100'000));
  bad[3].closed_airports.push_back(AirportId(100'000));
  bad[4].extra_routes.push_back(MakeRoute("R0", Code(0), Code(1)));  // the network's id
  for (const Scenario& s : bad) {
    const auto want = ScenarioView::Make(*network, s);
    const auto got = ScenarioView::Make(*base, s);
    ASSERT_FALSE(want.ok());
    ASSERT_FALSE(got.ok());
    EXPECT_EQ(got.error().code, want.error().code);
    EXPECT_EQ(got.error().field, want.error().field);
    EXPECT_EQ(got.error().message, want.error().message);
  }
}

// A base that does not fit is not used as one: Make(base, s) is then Make(network, s).
TEST(ScenarioViewDelta, ABaseThatDoesNotFitGivesTheFullView) {
  for (std::uint32_t seed = 1; seed <= 20; ++seed) {
    const auto network = RandomNetwork(seed);
    const Scenario s = RandomScenario(*network, seed, seed % 2 == 0);
    Scenario other_day;
    other_day.as_of = year_month_day{year{2025}, month{2}, day{1}};
    other_day.include_planned = s.include_planned;
    Scenario other_planned;
    other_planned.as_of = kAsOf;
    other_planned.include_planned = !s.include_planned;
    Scenario not_plain = other_planned;
    not_plain.include_planned = s.include_planned;
    not_plain.closed_airports.push_back(AirportId(0));
    const auto want = ScenarioView::Make(*network, s);
    for (const Scenario& b : {other_day, other_planned, not_plain}) {
      const auto base = ScenarioView::Make(*network, b);
      ASSERT_TRUE(base.ok());
      EXPECT_FALSE(ScenarioView::DerivesFrom(*base, s));
      const auto got = ScenarioView::Make(*base, s);
      ASSERT_EQ(got.ok(), want.ok());
      if (want.ok()) ExpectSameView(*got, *want, "seed " + std::to_string(seed));
    }
  }
}

}  // namespace
}  // namespace aircargo::routes::test
