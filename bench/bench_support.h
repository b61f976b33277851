// What every benchmark program shares: the smoke switch CI sets, where the data lives, and the
// airports worth drawing query pairs from.
#pragma once

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "routes/ids.h"
#include "routes/network.h"

namespace aircargo::bench {

// True under ctest's smoke run (AIRCARGO_BENCH_SMOKE=1): use tiny inputs, skip the world network.
inline bool Smoke() { return std::getenv("AIRCARGO_BENCH_SMOKE") != nullptr; }

// The OpenFlights database beside the checkout (../shared/data/openflights).
inline bool HaveWorld() {
  return std::filesystem::exists(std::string(AIRCARGO_OPENFLIGHTS_DIR) + "/routes.dat");
}

// The embedded default network's source file.
inline std::string ShenyangNetworkPath() {
  return std::string(AIRCARGO_SOURCE_DIR) + "/routes/networks/shenyang.textproto";
}

// Airports with both outbound and inbound routes, in id order: query endpoints worth timing.
inline std::vector<routes::AirportId> ServedAirports(const routes::Network& network) {
  std::vector<routes::AirportId> served;
  for (std::uint32_t a = 0; a < network.airports().size(); ++a) {
    if (!network.outbound(routes::AirportId(a)).empty() &&
        !network.inbound(routes::AirportId(a)).empty()) {
      served.push_back(routes::AirportId(a));
    }
  }
  return served;
}

}  // namespace aircargo::bench
