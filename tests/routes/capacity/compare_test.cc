#include "routes/capacity/compare.h"

#include <gtest/gtest.h>

#include "tests/routes/capacity/flow_test_network.h"

namespace aircargo::routes {
namespace {

using test::Id;

// Today:   SSS --10 t, 2.00--> HUB --6 t, 1.00--> AAA        (BBB unreachable)
// Planned: SSS --20 t, 5.00--> AAA (direct)   and   AAA --3 t--> BBB
std::shared_ptr<const Network> PlannedNetwork() {
  return test::MakeFlowNetwork({"SSS", "HUB", "AAA", "BBB"},
                               {{"SSS", "HUB", 10'000, 2'000'000},
                                {"HUB", "AAA", 6'000, 1'000'000},
                                {"SSS", "AAA", 20'000, 5'000'000, true},
                                {"AAA", "BBB", 3'000, 1'000'000, true}});
}

TEST(CompareScenarios, ShowsWhatPlannedRoutesAdd) {
  const auto network = PlannedNetwork();
  const ScenarioView today = ScenarioView::Operating(*network, test::TestDate());
  Scenario with_planned;
  with_planned.as_of = test::TestDate();
  with_planned.include_planned = true;
  const auto planned = ScenarioView::Make(*network, with_planned);
  ASSERT_TRUE(planned.ok());
  const auto pairs = PairsFromOrigin(*network, Id(*network, "SSS"));
  ASSERT_EQ(pairs.size(), 3u);
  StopCheck stop;
  const auto comparison = CompareScenarios(today, *planned, pairs, stop);
  ASSERT_TRUE(comparison.ok()) << comparison.error().ToString();
  ASSERT_EQ(comparison->pairs.size(), 3u);

  const PairComparison& aaa = comparison->pairs[1];
  EXPECT_EQ(aaa.pair.destination, Id(*network, "AAA"));
  EXPECT_TRUE(aaa.baseline.reachable);
  EXPECT_EQ(aaa.baseline.max_capacity_kg_per_week, 6'000);
  EXPECT_EQ(aaa.alternative.max_capacity_kg_per_week, 26'000);
  EXPECT_EQ(aaa.capacity_change_kg_per_week(), 20'000);
  ASSERT_TRUE(aaa.baseline.fewest_legs && aaa.alternative.fewest_legs);
  EXPECT_EQ(aaa.baseline.fewest_legs->legs(), 2u);
  EXPECT_EQ(aaa.alternative.fewest_legs->legs(), 1u);
  ASSERT_TRUE(aaa.alternative.cheapest);
  EXPECT_EQ(aaa.alternative.cheapest->cost_per_kg_micros, 3'000'000);  // via HUB still cheaper

  const PairComparison& bbb = comparison->pairs[2];
  EXPECT_FALSE(bbb.baseline.reachable);
  EXPECT_FALSE(bbb.baseline.fastest.has_value());
  EXPECT_TRUE(bbb.newly_reachable());
  EXPECT_EQ(bbb.alternative.max_capacity_kg_per_week, 3'000);
}

TEST(CompareScenarios, RejectsPairsWithoutDistinctEnds) {
  const auto network = PlannedNetwork();
  const ScenarioView today = ScenarioView::Operating(*network, test::TestDate());
  StopCheck stop;
  const std::vector<OdPair> same{{Id(*network, "SSS"), Id(*network, "SSS")}};
  const auto result = CompareScenarios(today, today, same, stop);
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(result.error().field, "pairs[0]");
  const auto none = CompareScenarios(today, today, {}, stop);
  ASSERT_FALSE(none.ok());
}

}  // namespace
}  // namespace aircargo::routes
