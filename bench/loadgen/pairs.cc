#include "bench/loadgen/pairs.h"

#include <unordered_set>

namespace aircargo::loadgen {
namespace {

bool Usable(const v1::Route& route) {
  return route.status() == v1::ROUTE_STATUS_OPERATING ||
         route.status() == v1::ROUTE_STATUS_UNSPECIFIED;
}

// SplitMix64 finaliser: decorrelates the per-client seeds.
std::uint64_t Mix(std::uint64_t x) {
  x += 0x9e3779b97f4a7c15ULL;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

}  // namespace

std::vector<std::string> ServedAirports(const v1::Network& network) {
  std::unordered_set<std::string> out;
  std::unordered_set<std::string> in;
  for (const v1::Route& route : network.routes()) {
    if (!Usable(route)) continue;
    out.insert(route.origin());
    in.insert(route.destination());
  }
  std::vector<std::string> served;
  for (const v1::Airport& airport : network.airports()) {
    if (out.contains(airport.iata()) && in.contains(airport.iata())) {
      served.push_back(airport.iata());
    }
  }
  return served;
}

PairSampler::PairSampler(const std::vector<std::string>& airports, std::uint64_t seed, int client)
    : airports_(&airports), random_(Mix(seed ^ Mix(static_cast<std::uint64_t>(client)))) {}

Pair PairSampler::Next() {
  const std::size_t n = airports_->size();
  std::uniform_int_distribution<std::size_t> pick(0, n - 1);
  std::uniform_int_distribution<std::size_t> other(0, n - 2);
  const std::size_t o = pick(random_);
  std::size_t d = other(random_);
  if (d >= o) ++d;  // every airport but the origin, uniformly
  return {(*airports_)[o], (*airports_)[d]};
}

}  // namespace aircargo::loadgen
