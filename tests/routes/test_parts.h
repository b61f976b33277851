// Valid building blocks for core tests: real airports (coordinates, zones) and a route that
// passes every NetworkBuilder rule. A test takes one, breaks it in exactly one way and builds.
#pragma once

#include <gmock/gmock.h>

#include <memory>
#include <ostream>
#include <string>
#include <utility>
#include <vector>

#include "routes/airport.h"
#include "routes/network.h"
#include "routes/network_builder.h"
#include "routes/result.h"
#include "routes/route.h"

namespace aircargo::routes {

// Readable gtest output for violations (found by ADL).
inline void PrintTo(const FieldViolation& v, std::ostream* os) {
  *os << "{" << v.field << ": " << v.message << "}";
}

}  // namespace aircargo::routes

namespace aircargo::routes::test {

inline Airport MakeAirport(std::string iata, std::string icao, std::string country, double lat,
                           double lon, std::string time_zone) {
  Airport a;
  a.iata = std::move(iata);
  a.icao = std::move(icao);
  a.name = a.iata + " airport";
  a.city = a.iata + " city";
  a.country = std::move(country);
  a.latitude_deg = lat;
  a.longitude_deg = lon;
  a.time_zone = std::move(time_zone);
  a.min_connection_minutes = 120;
  a.export_clearance_minutes = 180;
  a.import_clearance_minutes = 240;
  a.throughput_kg_per_week = 5'000'000;
  return a;
}

inline Airport Shenyang() {
  return MakeAirport("SHE", "ZYTX", "CN", 41.6398, 123.4834, "Asia/Shanghai");
}
inline Airport Vancouver() {
  return MakeAirport("YVR", "CYVR", "CA", 49.1939, -123.1844, "America/Vancouver");
}
inline Airport Incheon() {
  return MakeAirport("ICN", "RKSI", "KR", 37.4602, 126.4407, "Asia/Seoul");
}

// A weekly freighter, one departure on Sundays at 19:30, distance derived.
inline RouteInput MakeRoute(std::string id, std::string origin, std::string destination) {
  RouteInput r;
  r.id = std::move(id);
  r.origin = std::move(origin);
  r.destination = std::move(destination);
  r.carrier = "W8";
  r.mode = Mode::kFreighter;
  r.aircraft = "B767-300F";
  r.payload_kg = 43'500;
  r.flights_per_week = 1;
  r.departures = {{Weekday{7}, "19:30"}};
  r.block_minutes = 600;
  r.cost_per_kg_micros = 2'500'000;
  r.status = RouteStatus::kOperating;
  return r;
}

inline Result<std::shared_ptr<const Network>> Build(std::vector<Airport> airports,
                                                    std::vector<RouteInput> routes) {
  NetworkBuilder builder;
  builder.SetName("test");
  for (Airport& a : airports) builder.AddAirport(std::move(a));
  for (RouteInput& r : routes) builder.AddRoute(std::move(r));
  return builder.Build();
}

// The violations of a failed build; empty when the build succeeded (so ElementsAre fails loudly).
inline std::vector<FieldViolation> ViolationsOf(const Result<std::shared_ptr<const Network>>& r) {
  if (r.ok()) return {};
  return r.error().violations;
}

inline ::testing::Matcher<const FieldViolation&> Violation(
    const std::string& field, ::testing::Matcher<const std::string&> message) {
  return ::testing::AllOf(
      ::testing::Field("field", &FieldViolation::field, ::testing::Eq(field)),
      ::testing::Field("message", &FieldViolation::message, std::move(message)));
}

inline ::testing::Matcher<const FieldViolation&> ViolationAt(const std::string& field) {
  return ::testing::Field("field", &FieldViolation::field, ::testing::Eq(field));
}

}  // namespace aircargo::routes::test
