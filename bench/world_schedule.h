// The OpenFlights world network for the schedule-based benchmarks (itinerary_bench,
// schedule_capacity_bench), null when the data is absent or in smoke mode:
// - WorldWithSeededSchedule: every route gets its flights_per_week departures at one random local
//   time of day (5-minute slots, seed 7), one per weekday;
// - WorldAsImported: the plain import (`aircargo import openflights`, what scripts/bench serves to
//   aircargo-loadgen), whose routes spread their weekly flights evenly over the week.
#pragma once

#include <cstdio>
#include <filesystem>
#include <memory>
#include <optional>
#include <random>
#include <string>

#include "bench/bench_support.h"
#include "formats/network_proto.h"
#include "formats/openflights.h"
#include "routes/network.h"

namespace aircargo::bench {

// The plain import as a message; nullopt when the data is absent or in smoke mode.
inline std::optional<v1::Network> ImportWorld() {
  const std::string dir = AIRCARGO_OPENFLIGHTS_DIR;
  if (Smoke() || !std::filesystem::exists(dir + "/routes.dat")) return std::nullopt;
  auto message = formats::ImportOpenFlights(formats::OpenFlightsFiles::InDirectory(dir),
                                            formats::OpenFlightsOptions{}, nullptr);
  if (!message.ok()) return std::nullopt;
  return std::move(message).value();
}

inline std::shared_ptr<const routes::Network> BuildWorld(const v1::Network& world) {
  auto network = formats::BuildNetwork(world);
  return network.ok() ? std::shared_ptr<const routes::Network>(*network) : nullptr;
}

inline std::shared_ptr<const routes::Network> WorldAsImported() {
  const std::optional<v1::Network> world = ImportWorld();
  return world ? BuildWorld(*world) : nullptr;
}

inline std::shared_ptr<const routes::Network> WorldWithSeededSchedule() {
  std::optional<v1::Network> world = ImportWorld();
  if (!world) return nullptr;
  std::mt19937 rng(7);
  std::uniform_int_distribution<int> slot(0, 24 * 12 - 1);  // 5-minute slots
  for (v1::Route& route : *world->mutable_routes()) {
    route.clear_departures();
    const int per_week = route.flights_per_week();
    const int minute = slot(rng) * 5;
    char time[32];
    std::snprintf(time, sizeof time, "%02d:%02d", minute / 60, minute % 60);
    for (int i = 0; i < per_week; ++i) {
      v1::Departure* d = route.add_departures();
      d->set_weekday(static_cast<v1::Weekday>(i % 7 + 1));
      d->set_local_time(time);
    }
  }
  return BuildWorld(*world);
}

}  // namespace aircargo::bench
