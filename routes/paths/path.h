// Path: one routing from origin to destination (its route ids and totals) and PathLeg, one leg as
// shown to users; TransitModel, how transit minutes are estimated without dated flights.
//
// Transit model (undated): export clearance at the origin + for every leg its block minutes and
// an expected wait for its next departure (half the mean interval between weekly departures,
// 10080 / flights_per_week / 2 minutes, rounded down) + the minimum connection time at every
// transfer airport + import clearance at the destination. PlanItinerary gives the dated answer.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "routes/ids.h"
#include "routes/route.h"
#include "routes/scenario_view.h"

namespace aircargo::routes {

struct Path {
  std::vector<RouteId> routes;  // in flying order; ids of the view (extras after network routes)
  double distance_km = 0;
  std::int64_t transit_minutes = 0;         // see the transit model above
  std::int64_t cost_per_kg_micros = 0;      // sum over the legs
  std::int64_t bottleneck_kg_per_week = 0;  // smallest scenario weekly capacity over the legs

  std::size_t legs() const { return routes.size(); }
};

// One leg as a user sees it (the route's facts under the view).
struct PathLeg {
  RouteId route;
  std::string route_id;
  AirportId origin;
  AirportId destination;
  std::string carrier;
  Mode mode = Mode::kFreighter;
  std::string aircraft;
  double distance_km = 0;
  std::int32_t block_minutes = 0;
  std::int64_t capacity_kg_per_week = 0;  // after the scenario's factors
};

// Expected wait for the next departure of `route`: 10080 / flights_per_week / 2, in minutes.
std::int64_t ExpectedWaitMinutes(const Route& route);

// Fills the totals of a path made of `routes` (a connected sequence) under `view`.
Path MakePath(const ScenarioView& view, std::vector<RouteId> routes);

// The legs of `path`, for display.
std::vector<PathLeg> MakeLegs(const ScenarioView& view, const Path& path);

}  // namespace aircargo::routes
