// Random timetables for the schedule capacity tests: airports AAA, AAB, ... in Asia/Shanghai (UTC+8
// all year, no DST since 1991) without terminal limits, routes with 1..4 weekly departures at
// random local times, and the same flights written out independently as PlainFlights (local
// date + clock - 8 h) for the oracle (tests/routes/capacity/schedule_oracle.h).
#pragma once

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "routes/network.h"
#include "routes/network_builder.h"
#include "tests/routes/capacity/flow_test_network.h"
#include "tests/routes/capacity/schedule_oracle.h"
#include "tests/routes/test_parts.h"

namespace aircargo::routes::test {

struct RandomDeparture {
  int weekday = 1;  // ISO, 1 = Monday
  int minute = 0;   // local minute of the day
};

struct RandomRoute {
  std::uint32_t from = 0;
  std::uint32_t to = 0;
  std::vector<RandomDeparture> departures;
  int block_minutes = 60;
  std::int64_t payload_kg = 0;
  std::int64_t cost = 0;
};

struct RandomTimetable {
  std::shared_ptr<const Network> network;
  std::vector<RandomRoute> routes;
  std::vector<std::int64_t> connection_minutes;
  std::vector<std::int64_t> export_minutes;
  std::vector<std::int64_t> import_minutes;
};

inline RandomTimetable MakeRandomTimetable(std::uint32_t seed, int airports, int routes) {
  std::mt19937 rng(seed);
  auto pick = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
  RandomTimetable t;
  NetworkBuilder builder;
  builder.SetName("schedule test");
  for (int i = 0; i < airports; ++i) {
    Airport a = MakeAirport(CodeFor(i), "Z" + CodeFor(i), "CN", -60.0 + i, -170.0 + 3.0 * i,
                            "Asia/Shanghai");
    a.throughput_kg_per_week = 0;
    a.min_connection_minutes = pick(0, 48) * 5;
    a.export_clearance_minutes = pick(0, 60) * 5;
    a.import_clearance_minutes = pick(0, 60) * 5;
    t.connection_minutes.push_back(a.min_connection_minutes);
    t.export_minutes.push_back(a.export_clearance_minutes);
    t.import_minutes.push_back(a.import_clearance_minutes);
    builder.AddAirport(std::move(a));
  }
  for (int i = 0; i < routes; ++i) {
    RandomRoute r;
    r.from = static_cast<std::uint32_t>(pick(0, airports - 1));
    r.to = static_cast<std::uint32_t>((r.from + pick(1, airports - 1)) % airports);
    const int n = pick(1, 4);
    RouteInput input = MakeRoute("R" + std::to_string(i), CodeFor(static_cast<int>(r.from)),
                                 CodeFor(static_cast<int>(r.to)));
    input.departures.clear();
    for (int k = 0; k < n; ++k) {
      RandomDeparture d{pick(1, 7), pick(0, 287) * 5};
      // Distinct departures per route (the builder rejects duplicates).
      bool duplicate = false;
      for (const RandomDeparture& e : r.departures) {
        duplicate = duplicate || (e.weekday == d.weekday && e.minute == d.minute);
      }
      if (duplicate) continue;
      r.departures.push_back(d);
      char clock[16];
      std::snprintf(clock, sizeof clock, "%02d:%02d", d.minute / 60, d.minute % 60);
      input.departures.push_back({static_cast<Weekday>(d.weekday), clock});
    }
    r.block_minutes = pick(30, 900);
    r.payload_kg = pick(1, 50) * 1000;
    r.cost = pick(0, 5000) * 1000;
    input.flights_per_week = static_cast<std::int32_t>(r.departures.size());
    input.block_minutes = r.block_minutes;
    input.payload_kg = r.payload_kg;
    input.cost_per_kg_micros = r.cost;
    builder.AddRoute(std::move(input));
    t.routes.push_back(std::move(r));
  }
  auto built = builder.Build();
  if (!built.ok()) {
    std::fprintf(stderr, "%s\n", built.error().ToString().c_str());
    std::abort();
  }
  t.network = *built;
  return t;
}

// Every flight of the timetable whose local date lies in [from_day, to_day], as plain seconds.
inline std::vector<PlainFlight> PlainFlights(const RandomTimetable& t,
                                             std::chrono::sys_days from_day,
                                             std::chrono::sys_days to_day) {
  std::vector<PlainFlight> out;
  for (auto day = from_day; day <= to_day; day += std::chrono::days{1}) {
    const int weekday = static_cast<int>(std::chrono::weekday{day}.iso_encoding());
    for (const RandomRoute& r : t.routes) {
      for (const RandomDeparture& d : r.departures) {
        if (d.weekday != weekday) continue;
        const std::int64_t local =
            std::chrono::sys_seconds{day}.time_since_epoch().count() + std::int64_t{d.minute} * 60;
        const std::int64_t departure = local - 8 * 3600;
        out.push_back({r.from, r.to, departure, departure + std::int64_t{r.block_minutes} * 60,
                       r.payload_kg, r.cost});
      }
    }
  }
  return out;
}

inline PlainRules PlainRulesOf(const RandomTimetable& t, std::uint32_t origin,
                               std::uint32_t destination, std::chrono::sys_seconds ready,
                               std::chrono::sys_seconds deadline) {
  PlainRules rules;
  rules.origin = origin;
  rules.destination = destination;
  rules.ready = ready.time_since_epoch().count();
  rules.deadline = deadline.time_since_epoch().count();
  rules.export_seconds = t.export_minutes[origin] * 60;
  for (std::size_t a = 0; a < t.connection_minutes.size(); ++a) {
    rules.connection_seconds.push_back(t.connection_minutes[a] * 60);
    rules.import_seconds.push_back(t.import_minutes[a] * 60);
  }
  return rules;
}

}  // namespace aircargo::routes::test
