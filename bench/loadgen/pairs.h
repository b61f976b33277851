// Origin/destination pairs for the load: the served airports of the network the server holds
// (those with at least one operating route out and one in), and a seeded per-client sequence of
// distinct pairs drawn uniformly from them. The same (seed, client) gives the same sequence in
// every mode, so every mode answers the same questions.
#pragma once

#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "aircargo/v1/network.pb.h"
#include "bench/loadgen/rpcs.h"

namespace aircargo::loadgen {

// IATA codes of the airports with an operating (or status-less) route out and one in, in the
// network's order.
std::vector<std::string> ServedAirports(const v1::Network& network);

class PairSampler {
 public:
  // `airports` must hold at least two codes and outlive the sampler.
  PairSampler(const std::vector<std::string>& airports, std::uint64_t seed, int client);
  Pair Next();

 private:
  const std::vector<std::string>* airports_;
  std::mt19937_64 random_;
};

}  // namespace aircargo::loadgen
