// Independent oracles for path tests: which network routes fly under a Scenario, decided from the
// Scenario's plain fields and the route's own (never through ScenarioView, the code under test),
// and random networks and scenarios that exercise every one of those fields.
#pragma once

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "routes/ascii.h"
#include "routes/geo.h"
#include "routes/network.h"
#include "routes/paths/path_query.h"
#include "routes/scenario.h"
#include "tests/routes/paths/paths_test_network.h"

namespace aircargo::routes::test {

// The documented weight of one route for `objective`, as the Boost oracle graphs use it: km; cost
// micros per kg; block + half the headway + the connection at the route's origin (which every path
// but its first leg pays); 1 per leg.
inline double Weight(const Network& n, const Route& r, Objective objective) {
  switch (objective) {
    case Objective::kDistance:
      return r.distance_km;
    case Objective::kCost:
      return static_cast<double>(r.cost_per_kg_micros);
    case Objective::kTransitTime:
      return static_cast<double>(r.block_minutes + 10080 / r.flights_per_week / 2 +
                                 n.airport(r.origin).min_connection_minutes);
    case Objective::kLegs:
      return 1;
  }
  return 0;
}

// The weekly capacity of network route `id` under `s` (0: it does not fly): suspended, planned
// without include_planned, not yet effective on as_of, closed, at a closed airport, of an excluded
// carrier (any case), or scaled to 0 by the last capacity factor naming it.
inline std::int64_t CapacityUnder(const Network& n, const Scenario& s, RouteId id) {
  const Route& r = n.route(id);
  if (r.status == RouteStatus::kSuspended) return 0;
  if (r.status == RouteStatus::kPlanned && !s.include_planned) return 0;
  if (r.effective_from && *r.effective_from > s.as_of) return 0;
  for (AirportId a : s.closed_airports) {
    if (a == r.origin || a == r.destination) return 0;
  }
  for (RouteId c : s.closed_routes) {
    if (c == id) return 0;
  }
  for (const std::string& c : s.excluded_carriers) {
    if (EqualsIgnoreCase(c, r.carrier)) return 0;
  }
  double factor = 1.0;
  for (const CapacityFactor& f : s.capacity_factors) {
    if (f.route == id) factor = f.factor;
  }
  return std::llround(static_cast<double>(r.payload_kg * r.flights_per_week) * factor);
}

inline constexpr const char* kOracleCarriers[] = {"W8", "CA", "LH", "KE"};

// `airports` airports, `routes` random routes: every status, some effective_from dates in 2025,
// four carriers, three modes, distances from 0.8 to 1.6 x the great circle.
inline std::shared_ptr<const Network> RandomScenarioNetwork(std::mt19937& rng, int airports,
                                                            int routes) {
  std::uniform_real_distribution<double> lat(0, 40);
  std::uniform_real_distribution<double> lon(100, 140);
  std::uniform_int_distribution<int> ground(0, 180);
  std::vector<Airport> ports;
  for (int i = 0; i < airports; ++i) {
    Airport a =
        Port(std::string{'Q', static_cast<char>('A' + i / 26), static_cast<char>('A' + i % 26)},
             lat(rng), lon(rng));
    a.min_connection_minutes = ground(rng);
    a.export_clearance_minutes = ground(rng);
    a.import_clearance_minutes = ground(rng);
    ports.push_back(a);
  }
  std::uniform_int_distribution<int> pick(0, airports - 1);
  std::uniform_int_distribution<int> percent(0, 99);
  std::uniform_real_distribution<double> stretch(0.8, 1.6);
  std::uniform_int_distribution<int> block(30, 600);
  const int per_week[] = {1, 2, 3, 5, 7, 14};
  std::uniform_int_distribution<int> freq(0, 5);
  std::uniform_int_distribution<std::int64_t> cost(0, 30);
  std::uniform_int_distribution<std::int64_t> payload(1, 20);
  std::uniform_int_distribution<int> carrier(0, 3);
  std::uniform_int_distribution<int> mode(0, 2);
  const char* effective[] = {"", "", "2025-03-01", "2025-09-01"};
  std::uniform_int_distribution<int> when(0, 3);
  std::vector<RouteInput> inputs;
  for (int i = 0; i < routes; ++i) {
    const int o = pick(rng);
    int d = pick(rng);
    while (d == o) d = pick(rng);
    const Airport& x = ports[static_cast<std::size_t>(o)];
    const Airport& y = ports[static_cast<std::size_t>(d)];
    const double gc =
        GreatCircleKm(x.latitude_deg, x.longitude_deg, y.latitude_deg, y.longitude_deg);
    RouteInput r = Leg({"R" + std::to_string(i), x.iata, y.iata, std::max(1.0, gc * stretch(rng)),
                        block(rng), per_week[freq(rng)], cost(rng) * 100'000, payload(rng) * 1'000,
                        kOracleCarriers[carrier(rng)], static_cast<Mode>(mode(rng))});
    const int p = percent(rng);
    r.status = p < 70 ? RouteStatus::kOperating
                      : (p < 90 ? RouteStatus::kPlanned : RouteStatus::kSuspended);
    r.effective_from = effective[when(rng)];
    inputs.push_back(std::move(r));
  }
  return BuildOrDie(std::move(ports), std::move(inputs));
}

// A random scenario over `n`: as_of in 2025, planned routes or not, up to one closed airport (never
// `keep_a` or `keep_b`), up to three closed routes, up to one excluded carrier (in lower case),
// and capacity factors of 0, 0.5 and 3.
inline Scenario RandomScenario(std::mt19937& rng, const Network& n, AirportId keep_a,
                               AirportId keep_b) {
  using namespace std::chrono;
  Scenario s;
  const year_month_day days[] = {year{2025} / January / 1, year{2025} / June / 1,
                                 year{2025} / December / 1};
  std::uniform_int_distribution<int> day(0, 2);
  std::uniform_int_distribution<int> coin(0, 3);
  s.as_of = days[day(rng)];
  s.include_planned = coin(rng) < 2;
  std::uniform_int_distribution<std::uint32_t> airport(
      0, static_cast<std::uint32_t>(n.airports().size() - 1));
  std::uniform_int_distribution<std::uint32_t> route(
      0, static_cast<std::uint32_t>(n.routes().size() - 1));
  if (coin(rng) == 0) {
    const AirportId a(airport(rng));
    if (a != keep_a && a != keep_b) s.closed_airports.push_back(a);
  }
  for (int i = coin(rng); i > 0; --i) s.closed_routes.push_back(RouteId(route(rng)));
  if (coin(rng) == 0) {
    std::string c = kOracleCarriers[coin(rng)];
    for (char& ch : c) ch = static_cast<char>(ch >= 'A' && ch <= 'Z' ? ch - 'A' + 'a' : ch);
    s.excluded_carriers.push_back(c);
  }
  const double factors[] = {0.0, 0.5, 3.0};
  for (int i = coin(rng); i > 0; --i) {
    CapacityFactor f;
    f.route = RouteId(route(rng));
    f.factor = factors[day(rng)];
    s.capacity_factors.push_back(f);
  }
  return s;
}

}  // namespace aircargo::routes::test
