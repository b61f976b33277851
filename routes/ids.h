// Strong ids for the airports and routes of one Network snapshot.
//
// An id is the dense index of the entity in its snapshot (so it indexes vectors and Boost.Graph
// vertex/edge property maps directly). Ids from one snapshot mean nothing in another; across
// snapshots, identify airports by IATA code and routes by their string id.
#pragma once

#include <compare>
#include <cstdint>
#include <functional>

namespace aircargo::routes {

template <typename Tag>
struct StrongId {
  std::uint32_t value = 0;

  constexpr StrongId() = default;
  constexpr explicit StrongId(std::uint32_t v) : value(v) {}
  friend constexpr auto operator<=>(StrongId, StrongId) = default;
};

struct AirportTag {};
struct RouteTag {};

// Index of an airport in Network::airports(); also its Boost.Graph vertex.
using AirportId = StrongId<AirportTag>;
// Index of a route in Network::routes().
using RouteId = StrongId<RouteTag>;

}  // namespace aircargo::routes

template <typename Tag>
struct std::hash<aircargo::routes::StrongId<Tag>> {
  std::size_t operator()(aircargo::routes::StrongId<Tag> id) const noexcept {
    return std::hash<std::uint32_t>{}(id.value);
  }
};
