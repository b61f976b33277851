// NetworkBuilder: collects airports and routes as a file or request states them, validates all of
// it at once and builds an immutable Network snapshot.
//
// Build() reports every problem, not just the first: the Error is INVALID_ARGUMENT with one
// FieldViolation per problem, each naming the field by its path in the input
// ("airports[2].time_zone", "routes[5].departures[1].local_time") so a file loader can point at
// the line. Limits: see kMax* below. Not thread-safe; use one builder per thread.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "routes/airport.h"
#include "routes/network.h"
#include "routes/result.h"
#include "routes/route.h"

namespace aircargo::routes {

inline constexpr std::int64_t kMaxPayloadKg = 1'000'000;            // per flight or truck
inline constexpr std::int32_t kMaxFlightsPerWeek = 70;              // ten a day
inline constexpr std::int32_t kMaxBlockMinutes = 7 * 24 * 60;       // one week
inline constexpr std::int32_t kMaxGroundMinutes = 7 * 24 * 60;      // connection, clearance
inline constexpr std::int64_t kMaxCostPerKgMicros = 1'000'000'000;  // 1,000 units per kg
inline constexpr std::int64_t kMaxThroughputKgPerWeek = 1'000'000'000'000;
inline constexpr double kMaxDistanceKm = 25'000;
inline constexpr std::size_t kMaxRouteIdLength = 64;

class NetworkBuilder {
 public:
  NetworkBuilder& SetName(std::string name);
  NetworkBuilder& SetDescription(std::string description);
  NetworkBuilder& SetVersion(std::int64_t version);
  // Optional: room for this many airports and routes, to add them without reallocating.
  NetworkBuilder& Reserve(std::size_t airports, std::size_t routes);
  NetworkBuilder& AddAirport(Airport airport);
  NetworkBuilder& AddRoute(RouteInput route);

  // Validates everything added and returns the snapshot, or an INVALID_ARGUMENT Error whose
  // violations list every problem. The builder is left empty either way.
  Result<std::shared_ptr<const Network>> Build();

 private:
  std::string name_;
  std::string description_;
  std::int64_t version_ = 0;
  std::vector<Airport> airports_;
  std::vector<RouteInput> routes_;
};

// Validates one route against an existing network's airports, with the same rules as Build() (for
// routes a request adds to a view, such as a scenario's extra routes). Problems are named under
// `field` ("scenario.extra_routes[0]"); an unknown airport is INVALID_ARGUMENT like any other.
Result<Route> ValidateRouteFor(const Network& network, const RouteInput& input,
                               const std::string& field);

}  // namespace aircargo::routes
