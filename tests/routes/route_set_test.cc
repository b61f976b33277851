// RouteSet against std::set on seeded random members: membership, emptiness, and ForEach visiting
// every member once in ascending order, across word boundaries and at both ends of the range.
#include "routes/route_set.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <random>
#include <set>
#include <vector>

namespace aircargo::routes {
namespace {

TEST(RouteSet, AgreesWithStdSet) {
  for (std::uint32_t seed = 1; seed <= 40; ++seed) {
    std::mt19937 rng(seed);
    const std::uint32_t count = 1 + rng() % 300;  // not always a multiple of 64
    RouteSet set(count);
    std::set<std::uint32_t> expected;
    EXPECT_TRUE(set.empty());
    const int inserts = static_cast<int>(rng() % (count + 1));
    for (int i = 0; i < inserts; ++i) {
      const std::uint32_t id = i == 0 ? count - 1 : rng() % count;  // the last id too
      set.Insert(RouteId{id});
      expected.insert(id);
    }
    EXPECT_EQ(set.empty(), expected.empty()) << "seed " << seed;
    for (std::uint32_t id = 0; id < count + 70; ++id) {
      EXPECT_EQ(set.Contains(RouteId{id}), expected.count(id) == 1) << "seed " << seed << " " << id;
    }
    std::vector<std::uint32_t> visited;
    set.ForEach([&](RouteId id) { visited.push_back(id.value); });
    EXPECT_EQ(visited, std::vector<std::uint32_t>(expected.begin(), expected.end()))
        << "seed " << seed;
  }
}

TEST(RouteSet, DefaultIsEmptyAndContainsNothing) {
  const RouteSet set;
  EXPECT_TRUE(set.empty());
  EXPECT_FALSE(set.Contains(RouteId{0}));
  int visits = 0;
  set.ForEach([&](RouteId) { ++visits; });
  EXPECT_EQ(visits, 0);
}

}  // namespace
}  // namespace aircargo::routes
