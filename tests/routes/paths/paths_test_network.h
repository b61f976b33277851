// Small networks for FindPaths tests: airports with round ground times, routes with explicit km,
// block minutes, frequency, cost and payload, so every expected total can be worked out by hand.
#pragma once

#include <gtest/gtest.h>

#include <chrono>
#include <memory>
#include <string>
#include <vector>

#include "routes/network.h"
#include "routes/paths/find_paths.h"
#include "routes/scenario_view.h"
#include "tests/routes/test_parts.h"

namespace aircargo::routes::test {

inline constexpr std::chrono::year_month_day kPathsDay{std::chrono::year{2025},
                                                       std::chrono::month{6}, std::chrono::day{1}};

// An airport with export 30, import 40 and minimum connection 60 minutes.
inline Airport Port(std::string iata, double lat, double lon) {
  Airport a = MakeAirport(std::move(iata), "", "CN", lat, lon, "Asia/Shanghai");
  a.min_connection_minutes = 60;
  a.export_clearance_minutes = 30;
  a.import_clearance_minutes = 40;
  return a;
}

struct LegSpec {
  std::string id;
  std::string from;
  std::string to;
  double km = 1000;
  int block = 120;
  int per_week = 7;
  std::int64_t cost_micros = 1'000'000;
  std::int64_t payload_kg = 10'000;
  std::string carrier = "W8";
  Mode mode = Mode::kFreighter;
};

inline RouteInput Leg(const LegSpec& spec) {
  RouteInput r = MakeRoute(spec.id, spec.from, spec.to);
  r.distance_km = spec.km;
  r.block_minutes = spec.block;
  r.flights_per_week = spec.per_week;
  r.departures.clear();
  r.cost_per_kg_micros = spec.cost_micros;
  r.payload_kg = spec.payload_kg;
  r.carrier = spec.carrier;
  r.mode = spec.mode;
  return r;
}

inline std::shared_ptr<const Network> BuildOrDie(std::vector<Airport> airports,
                                                 std::vector<RouteInput> routes) {
  auto built = Build(std::move(airports), std::move(routes));
  if (!built.ok()) {
    ADD_FAILURE() << built.error().ToString();
    return nullptr;
  }
  return *built;
}

// Route ids (strings) of a path, for readable expectations.
inline std::vector<std::string> Ids(const ScenarioView& view, const Path& path) {
  std::vector<std::string> ids;
  for (RouteId id : path.routes) ids.push_back(view.route(id).id);
  return ids;
}

inline std::vector<std::vector<std::string>> AllIds(const ScenarioView& view,
                                                    const PathsResult& result) {
  std::vector<std::vector<std::string>> all;
  for (const Path& p : result.paths) all.push_back(Ids(view, p));
  return all;
}

}  // namespace aircargo::routes::test
