// PlanItinerary against a brute-force enumeration of every chain of dated flights: on a small
// timetable written inline and on seeded random timetables across five time zones, the k best
// itineraries and the latest ready time for arrive_by must be exactly the enumeration's.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <random>
#include <string>
#include <tuple>
#include <vector>

#include "routes/itinerary/dated_flights.h"
#include "routes/itinerary/plan_itinerary.h"
#include "tests/routes/itinerary/itinerary_test_parts.h"

namespace aircargo::routes {
namespace {

using std::chrono::minutes;
using std::chrono::sys_seconds;
using test::Flight;
using test::Utc;

struct Chain {
  std::vector<std::size_t> flights;
  sys_seconds delivered;
  sys_seconds first_departure;
};

// Every chain under the documented rules, ranked as documented.
std::vector<Chain> Enumerate(const Network& network, const std::vector<DatedFlight>& flights,
                             const ItineraryQuery& q) {
  std::vector<Chain> out;
  const minutes export_clearance{network.airport(q.origin).export_clearance_minutes};
  const minutes import_clearance{network.airport(q.destination).import_clearance_minutes};
  std::vector<std::size_t> chain;
  std::vector<AirportId> visited{q.origin};
  auto extend = [&](auto& self, AirportId at, sys_seconds available) -> void {
    if (static_cast<int>(chain.size()) == q.max_legs) return;
    for (std::size_t i = 0; i < flights.size(); ++i) {
      const DatedFlight& f = flights[i];
      if (f.origin != at || f.departure < available) continue;
      if (std::find(visited.begin(), visited.end(), f.destination) != visited.end()) continue;
      chain.push_back(i);
      if (f.destination == q.destination) {
        out.push_back({chain, f.arrival + import_clearance, flights[chain.front()].departure});
      } else {
        visited.push_back(f.destination);
        self(self, f.destination,
             f.arrival + minutes{network.airport(f.destination).min_connection_minutes});
        visited.pop_back();
      }
      chain.pop_back();
    }
  };
  extend(extend, q.origin, q.ready + export_clearance);
  std::sort(out.begin(), out.end(), [](const Chain& a, const Chain& b) {
    const auto ka = std::make_tuple(a.delivered, a.flights.size(),
                                    -a.first_departure.time_since_epoch().count());
    const auto kb = std::make_tuple(b.delivered, b.flights.size(),
                                    -b.first_departure.time_since_epoch().count());
    if (ka != kb) return ka < kb;
    return a.flights < b.flights;
  });
  return out;
}

// (route, departure) per leg.
using Legs = std::vector<std::pair<std::uint32_t, sys_seconds>>;

Legs LegsOf(const std::vector<DatedFlight>& flights, const Chain& chain) {
  Legs legs;
  for (std::size_t i : chain.flights)
    legs.emplace_back(flights[i].route.value, flights[i].departure);
  return legs;
}
Legs LegsOf(const Itinerary& itinerary) {
  Legs legs;
  for (const ItineraryLeg& leg : itinerary.legs)
    legs.emplace_back(leg.route.value, leg.departure.utc);
  return legs;
}

// Runs PlanItinerary and the enumeration on the same query and compares them; adds the number of
// itineraries found to `found`.
void ExpectSameAsBruteForce(const Network& network, const ItineraryQuery& q, int& found) {
  const ScenarioView view = test::OperatingView(network);
  StopCheck stop;
  auto plan = PlanItinerary(view, q, stop);
  ASSERT_TRUE(plan.ok()) << plan.error().ToString();
  const sys_seconds window_end = std::max(q.ready + q.horizon, q.arrive_by.value_or(q.ready));
  auto table = ExpandView(view, q.ready, window_end, {q.shipment_kg}, stop);
  ASSERT_TRUE(table.ok());
  const std::vector<Chain> all = Enumerate(network, table->flights, q);

  const std::size_t expected = std::min<std::size_t>(all.size(), static_cast<std::size_t>(q.k));
  ASSERT_EQ(plan->itineraries.size(), expected);
  found += static_cast<int>(expected);
  for (std::size_t i = 0; i < expected; ++i) {
    EXPECT_EQ(LegsOf(plan->itineraries[i]), LegsOf(table->flights, all[i])) << "itinerary " << i;
    EXPECT_EQ(plan->itineraries[i].delivered.utc, all[i].delivered) << "itinerary " << i;
  }
  if (q.arrive_by) {
    std::optional<sys_seconds> latest;
    const minutes export_clearance{network.airport(q.origin).export_clearance_minutes};
    for (const Chain& c : all) {
      if (c.delivered <= *q.arrive_by)
        latest = std::max(latest.value_or(c.first_departure), c.first_departure);
    }
    ASSERT_EQ(plan->latest_ready.has_value(), latest.has_value());
    if (latest) {
      EXPECT_EQ(plan->latest_ready->ready.utc, *latest - export_clearance);
    }
  }
}

// SHE --SHE-ICN Mon/Wed/Fri 08:00, 150 min--> ICN --ICN-ANC Tue/Thu 20:00, 420 min--> ANC
//   \                                            \--ICN-ORD daily 18:00, 780 min------> ORD
//    \--SHE-ANC Tue 23:00, 480 min--> ANC --ANC-ORD Wed/Sat 06:00, 330 min---------------> ORD
//                                      \--ANC-ICN Mon 12:00 (a way back, for loops)
TEST(ItineraryBruteForce, InlineTimetableMatchesEnumeration) {
  auto network = test::Build(
      {test::Shenyang(), test::Incheon(), test::Anchorage(), test::Chicago()},
      {Flight("SHE-ICN", "SHE", "ICN",
              {{Weekday{1}, "08:00"}, {Weekday{3}, "08:00"}, {Weekday{5}, "08:00"}}, 150),
       Flight("ICN-ANC", "ICN", "ANC", {{Weekday{2}, "20:00"}, {Weekday{4}, "20:00"}}, 420),
       Flight("ICN-ORD", "ICN", "ORD",
              {{Weekday{1}, "18:00"},
               {Weekday{2}, "18:00"},
               {Weekday{3}, "18:00"},
               {Weekday{4}, "18:00"},
               {Weekday{5}, "18:00"},
               {Weekday{6}, "18:00"},
               {Weekday{7}, "18:00"}},
              780),
       Flight("SHE-ANC", "SHE", "ANC", {{Weekday{2}, "23:00"}}, 480),
       Flight("ANC-ORD", "ANC", "ORD", {{Weekday{3}, "06:00"}, {Weekday{6}, "06:00"}}, 330),
       Flight("ANC-ICN", "ANC", "ICN", {{Weekday{1}, "12:00"}}, 540)});
  ASSERT_TRUE(network.ok());
  ItineraryQuery q;
  q.origin = *(*network)->FindAirport("SHE");
  q.destination = *(*network)->FindAirport("ORD");
  q.ready = Utc("2025-06-02T00:00:00Z");
  q.horizon = std::chrono::days{10};
  q.k = 8;
  q.arrive_by = Utc("2025-06-07T00:00:00Z");
  int found = 0;
  ExpectSameAsBruteForce(**network, q, found);
  EXPECT_EQ(found, 8);
}

TEST(ItineraryBruteForce, SeededRandomTimetablesMatchEnumeration) {
  const std::vector<Airport> airports = {test::Shenyang(), test::Incheon(), test::Vancouver(),
                                         test::Anchorage(), test::Chicago()};
  int found = 0;
  for (unsigned seed = 1; seed <= 60; ++seed) {
    SCOPED_TRACE("seed " + std::to_string(seed));
    std::mt19937 rng(seed);
    auto pick = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
    std::vector<RouteInput> routes;
    const int route_count = pick(4, 12);
    for (int r = 0; r < route_count; ++r) {
      const int from = pick(0, 4);
      int to = pick(0, 3);
      if (to >= from) ++to;
      std::vector<DepartureInput> departures;
      const int per_week = pick(1, 4);
      for (int d = 0; d < per_week; ++d) {
        char time[6];
        std::snprintf(time, sizeof time, "%02d:%02d", pick(0, 23), pick(0, 11) * 5);
        departures.push_back({Weekday{pick(1, 7)}, time});
      }
      routes.push_back(Flight("R" + std::to_string(r), airports[from].iata, airports[to].iata,
                              departures, pick(60, 900)));
    }
    auto network = test::Build(airports, routes);
    ASSERT_TRUE(network.ok()) << network.error().ToString();
    ItineraryQuery q;
    q.origin = AirportId{static_cast<std::uint32_t>(pick(0, 4))};
    q.destination = AirportId{static_cast<std::uint32_t>((q.origin.value + pick(1, 4)) % 5)};
    q.ready = Utc("2025-03-03T00:00:00Z") + std::chrono::hours{pick(0, 24 * 14)};
    q.horizon = std::chrono::days{pick(3, 9)};
    q.k = pick(1, 6);
    q.max_legs = pick(1, 4);
    if (pick(0, 1) == 1) q.arrive_by = q.ready + std::chrono::hours{pick(24, 24 * 12)};
    ExpectSameAsBruteForce(**network, q, found);
  }
  EXPECT_GT(found, 60);  // the seeds do produce itineraries to compare
}

}  // namespace
}  // namespace aircargo::routes
