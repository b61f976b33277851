// ShortestAugmentingPathMaxFlow (ISAP, routes/capacity/shortest_augmenting_path.h) against Boost's
// push-relabel on seeded random networks of two shapes: layered DAGs with unlimited "ground"
// chains (the time-expanded networks it is meant for) and dense random digraphs with cycles and
// antiparallel arcs; the source side tighter in some, the sink side in others, so both search
// directions run. Also: the min cut read off its residual graph weighs the maximum, a limit stops
// it at exactly that many kg, a flow already present is augmented, and the StopCheck stops it.
#include "routes/capacity/shortest_augmenting_path.h"

#include <gtest/gtest.h>

#include <chrono>
#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "routes/capacity/boost_flow.h"
#include "routes/capacity/flow_network.h"
#include "routes/capacity/max_flow.h"

namespace aircargo::routes {
namespace {

// Airports with chains of `length` events joined by unlimited ground arcs; flights jump forward in
// time between airports. Node 0 is the source (it feeds the origin's first event), the last node
// the sink: fed by the destination's last event (even seeds: the source side is the tighter end,
// the search runs forwards) or by the flights landing at the destination themselves (odd seeds,
// as ComputeScheduleCapacity builds it: usually the tighter end, the search runs backwards).
FlowNetwork TimeExpanded(std::uint32_t seed, int airports, int length, int flights) {
  std::mt19937 rng(seed);
  const auto pick = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
  const auto event = [&](int airport, int t) {
    return static_cast<std::uint32_t>(1 + airport * length + t);
  };
  const auto sink = static_cast<std::uint32_t>(1 + airports * length);
  std::vector<FlowArcSpec> arcs;
  for (int a = 0; a < airports; ++a) {
    for (int t = 0; t + 1 < length; ++t) {
      arcs.push_back({event(a, t), event(a, t + 1), kUnlimitedKg, 0, {ArcKind::kGround, 0}});
    }
  }
  // The origin is airport 0 (its first event fed by the source), the destination the last one.
  arcs.push_back({0, event(0, 0), kUnlimitedKg, 0, {ArcKind::kGround, 0}});
  const bool deliver_to_sink = seed % 2 == 1;
  if (!deliver_to_sink) {
    arcs.push_back({event(airports - 1, length - 1), sink, kUnlimitedKg, 0, {ArcKind::kGround, 0}});
  }
  for (int f = 0; f < flights; ++f) {
    const int from = pick(0, airports - 1);
    const int to = (from + pick(1, airports - 1)) % airports;
    const int t = pick(0, length - 2);
    const int arrive = pick(t + 1, length - 1);
    const std::uint32_t head = deliver_to_sink && to == airports - 1 ? sink : event(to, arrive);
    arcs.push_back({event(from, t),
                    head,
                    pick(1, 60) * 1000,
                    0,
                    {ArcKind::kFlight, static_cast<std::uint32_t>(f)}});
  }
  return FlowNetwork::FromArcs(sink + 1, 0, sink, arcs);
}

FlowNetwork Dense(std::uint32_t seed, int nodes, int arcs_count) {
  std::mt19937 rng(seed);
  const auto pick = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
  std::vector<FlowArcSpec> arcs;
  for (int k = 0; k < arcs_count; ++k) {
    const auto a = static_cast<std::uint32_t>(pick(0, nodes - 1));
    const auto b = static_cast<std::uint32_t>(pick(0, nodes - 1));
    if (a != b) arcs.push_back({a, b, pick(0, 30), 0, {ArcKind::kFlight, 0}});
  }
  return FlowNetwork::FromArcs(static_cast<std::uint32_t>(nodes), 0,
                               static_cast<std::uint32_t>(nodes - 1), arcs);
}

std::int64_t CutWeight(const FlowNetwork& n, FlowWorkspace& w) {
  std::int64_t weight = 0;
  for (std::uint32_t pair : MinCutPairs(n, w)) weight += n.capacity(pair);
  return weight;
}

void ExpectMatchesBoost(FlowNetwork n, const std::string& what) {
  const std::int64_t expected = BoostMaxFlow(n, BoostMaxFlowAlgorithm::kPushRelabel);
  FlowWorkspace w;
  StopCheck stop;
  auto got = ShortestAugmentingPathMaxFlow(n, w, stop);
  ASSERT_TRUE(got.ok()) << what;
  EXPECT_EQ(*got, expected) << what;
  if (expected > 0) {
    EXPECT_EQ(CutWeight(n, w), expected) << what;
  }
  // Nothing is left to augment (Dinic finds no path in the residual graph).
  auto more = AugmentMaxFlow(n, w, stop);
  ASSERT_TRUE(more.ok());
  EXPECT_EQ(*more, 0) << what;
}

TEST(ShortestAugmentingPath, TimeExpandedNetworksMatchBoostPushRelabel) {
  for (std::uint32_t seed = 1; seed <= 60; ++seed) {
    ExpectMatchesBoost(TimeExpanded(seed, 3 + static_cast<int>(seed % 6), 20 + 3 * (seed % 7),
                                    40 + static_cast<int>(seed % 5) * 60),
                       "time-expanded seed " + std::to_string(seed));
  }
}

TEST(ShortestAugmentingPath, DenseDigraphsWithCyclesMatchBoostPushRelabel) {
  for (std::uint32_t seed = 1; seed <= 80; ++seed) {
    ExpectMatchesBoost(
        Dense(seed, 4 + static_cast<int>(seed % 30), 10 + static_cast<int>(seed) * 4),
        "dense seed " + std::to_string(seed));
  }
}

TEST(ShortestAugmentingPath, BothSearchDirectionsRun) {
  // Source side tighter: 1 t out of the source; sink side tighter: 1 t into the sink.
  for (const bool sink_tight : {false, true}) {
    std::vector<FlowArcSpec> arcs{{0, 1, sink_tight ? 50'000 : 1'000, 0, {}},
                                  {1, 2, 20'000, 0, {}},
                                  {1, 3, 20'000, 0, {}},
                                  {2, 4, 30'000, 0, {}},
                                  {3, 4, 30'000, 0, {}},
                                  {4, 5, sink_tight ? 1'000 : 50'000, 0, {}}};
    FlowNetwork n = FlowNetwork::FromArcs(6, 0, 5, arcs);
    FlowWorkspace w;
    StopCheck stop;
    auto got = ShortestAugmentingPathMaxFlow(n, w, stop);
    ASSERT_TRUE(got.ok());
    EXPECT_EQ(*got, 1'000);
    const std::vector<std::uint32_t> cut = MinCutPairs(n, w);
    ASSERT_EQ(cut.size(), 1U);
    EXPECT_EQ(cut[0], sink_tight ? 5U : 0U);
  }
}

TEST(ShortestAugmentingPath, StopsAtTheLimitAndAugmentsAnExistingFlow) {
  for (std::uint32_t seed = 1; seed <= 20; ++seed) {
    FlowNetwork n = TimeExpanded(seed + 100, 5, 30, 200);
    const std::int64_t maximum = BoostMaxFlow(n, BoostMaxFlowAlgorithm::kPushRelabel);
    FlowWorkspace w;
    StopCheck stop;
    auto first = ShortestAugmentingPathMaxFlow(n, w, stop, maximum / 3);
    ASSERT_TRUE(first.ok());
    EXPECT_EQ(*first, maximum / 3) << seed;
    auto rest = ShortestAugmentingPathMaxFlow(n, w, stop);
    ASSERT_TRUE(rest.ok());
    EXPECT_EQ(*first + *rest, maximum) << seed;
  }
}

TEST(ShortestAugmentingPath, StopsAtTheStopCheck) {
  FlowNetwork n = TimeExpanded(7, 6, 40, 400);
  FlowWorkspace w;
  StopCheck stop(StopCheck::Clock::now() - std::chrono::seconds{1}, {}, 1);
  auto got = ShortestAugmentingPathMaxFlow(n, w, stop);
  ASSERT_FALSE(got.ok());
  EXPECT_EQ(got.error().code, ErrorCode::kDeadlineExceeded);
}

}  // namespace
}  // namespace aircargo::routes
