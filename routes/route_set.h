// RouteSet: a set of route ids of one view, one bit per route. Filling it costs what is inserted;
// walking it in ascending id order (ForEach) costs one word test per 64 routes plus the members,
// so a filter that keeps a few hundred of the world's 67,000 routes is walked in microseconds
// (dated_flights.h's FlightFilter, PlanItinerary's and ComputeScheduleCapacity's route pruning).
// Not thread safe to modify; const use from any number of threads.
#pragma once

#include <bit>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "routes/ids.h"

namespace aircargo::routes {

class RouteSet {
 public:
  RouteSet() = default;
  // Empty, for route ids 0 .. route_count - 1.
  explicit RouteSet(std::size_t route_count)
      : words_((route_count + 63) / 64, 0), route_count_(route_count) {}

  void Insert(RouteId id) { words_[id.value / 64] |= std::uint64_t{1} << (id.value % 64); }
  bool Contains(RouteId id) const {
    return id.value < route_count_ && (words_[id.value / 64] >> (id.value % 64) & 1U) != 0;
  }
  bool empty() const {
    for (std::uint64_t w : words_) {
      if (w != 0) return false;
    }
    return true;
  }

  // Calls f(RouteId) for every member, ascending.
  template <typename F>
  void ForEach(F&& f) const {
    for (std::size_t i = 0; i < words_.size(); ++i) {
      for (std::uint64_t bits = words_[i]; bits != 0; bits &= bits - 1) {
        f(RouteId{
            static_cast<std::uint32_t>(i * 64 + static_cast<std::size_t>(std::countr_zero(bits)))});
      }
    }
  }

 private:
  std::vector<std::uint64_t> words_;
  std::size_t route_count_ = 0;
};

}  // namespace aircargo::routes
