// Small flow networks for the capacity tests, written as arc lists: every airport is a synthetic
// one (three letters, distinct coordinates, no terminal limit unless given), every arc an
// operating weekly route of `kg` capacity (one flight of that payload) and `cost` micros per kg.
#pragma once

#include <cstdint>
#include <cstdlib>
#include <map>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "routes/airport.h"
#include "routes/network.h"
#include "routes/network_builder.h"
#include "routes/route.h"
#include "routes/scenario_view.h"

namespace aircargo::routes::test {

struct TestArc {
  std::string from;
  std::string to;
  std::int64_t kg = 0;    // 1..1,000,000
  std::int64_t cost = 0;  // micros per kg
  bool planned = false;   // PLANNED instead of OPERATING
};

inline std::chrono::year_month_day TestDate() {
  return std::chrono::year{2025} / std::chrono::June / std::chrono::day{1};
}

// Airport codes AAA, AAB, ... for random graphs.
inline std::string CodeFor(int i) {
  std::string code = "AAA";
  code[2] = static_cast<char>('A' + i % 26);
  code[1] = static_cast<char>('A' + (i / 26) % 26);
  code[0] = static_cast<char>('A' + (i / 676) % 26);
  return code;
}

inline std::shared_ptr<const Network> MakeFlowNetwork(
    const std::vector<std::string>& codes, const std::vector<TestArc>& arcs,
    const std::map<std::string, std::int64_t>& throughput = {}) {
  NetworkBuilder builder;
  builder.SetName("flow test");
  for (std::size_t i = 0; i < codes.size(); ++i) {
    Airport a;
    a.iata = codes[i];
    a.name = codes[i] + " airport";
    a.city = codes[i];
    a.country = i % 2 == 0 ? "CN" : "CA";
    a.latitude_deg = -60.0 + static_cast<double>(i % 120);
    a.longitude_deg = -170.0 + static_cast<double>(i / 120) * 3.0 + static_cast<double>(i % 7);
    a.time_zone = "Asia/Shanghai";
    if (auto it = throughput.find(codes[i]); it != throughput.end()) {
      a.throughput_kg_per_week = it->second;
    }
    builder.AddAirport(std::move(a));
  }
  for (std::size_t i = 0; i < arcs.size(); ++i) {
    RouteInput r;
    r.id = arcs[i].from + "-" + arcs[i].to + "-" + std::to_string(i);
    r.origin = arcs[i].from;
    r.destination = arcs[i].to;
    r.carrier = "XX";
    r.mode = Mode::kFreighter;
    r.payload_kg = arcs[i].kg;
    r.flights_per_week = 1;
    r.block_minutes = 60;
    r.cost_per_kg_micros = arcs[i].cost;
    r.status = arcs[i].planned ? RouteStatus::kPlanned : RouteStatus::kOperating;
    builder.AddRoute(std::move(r));
  }
  auto network = builder.Build();
  if (!network.ok()) {
    std::fprintf(stderr, "%s\n", network.error().ToString().c_str());
    std::abort();
  }
  return *network;
}

// A random sparse graph of `nodes` airports (CodeFor(0..)) and about nodes x degree arcs, no
// self-loops, parallel arcs allowed.
inline std::shared_ptr<const Network> RandomFlowNetwork(std::uint32_t seed, int nodes, int degree,
                                                        std::int64_t max_kg,
                                                        std::int64_t max_cost) {
  std::mt19937 rng(seed);
  std::vector<std::string> codes;
  for (int i = 0; i < nodes; ++i) codes.push_back(CodeFor(i));
  std::uniform_int_distribution<int> node(0, nodes - 1);
  std::uniform_int_distribution<std::int64_t> kg(1, max_kg);
  std::uniform_int_distribution<std::int64_t> cost(0, max_cost);
  std::vector<TestArc> arcs;
  for (int i = 0; i < nodes * degree; ++i) {
    const int a = node(rng);
    int b = node(rng);
    if (a == b) b = (b + 1) % nodes;
    arcs.push_back({codes[a], codes[b], kg(rng), cost(rng)});
  }
  return MakeFlowNetwork(codes, arcs);
}

inline AirportId Id(const Network& network, const std::string& code) {
  return *network.FindAirport(code);
}

}  // namespace aircargo::routes::test
