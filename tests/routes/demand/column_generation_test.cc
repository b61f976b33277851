// Column generation (routes/demand/column_generation.h) against the arc formulation, the
// independent oracle (one LP over every commodity and arc, no pricing): on random networks (with
// and without airport limits, both objectives, priorities) and the Shenyang network, the stage
// optima (fair fraction, weighted delivery, least cost), the delivered totals and the verified
// upgrade gains agree; every shadow price lies in the interval of the optimum's one-sided
// derivatives measured by re-solving the arc formulation with the route's capacity moved (which
// holds for every optimal dual, so where the interval is a point both methods must report it).
// Hand-sized cases repeat demand_test.cc's answers under column generation.
#include "routes/demand/column_generation.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <random>
#include <set>

#include "formats/network_file.h"
#include "routes/demand/demand.h"
#include "tests/routes/capacity/flow_test_network.h"

namespace aircargo::routes {
namespace {

using test::Id;

Result<DemandPlan> Solve(const Network& n, DemandQuery q, DemandMethod method,
                         const Scenario* scenario = nullptr) {
  q.method = method;
  StopCheck stop;
  if (scenario == nullptr) {
    return PlanDemand(ScenarioView::Operating(n, test::TestDate()), q, stop);
  }
  auto view = ScenarioView::Make(n, *scenario);
  if (!view.ok()) return view.error();
  return PlanDemand(*view, q, stop);
}

DemandPlan Must(Result<DemandPlan> plan) {
  EXPECT_TRUE(plan.ok()) << plan.error().ToString();
  return plan.ok() ? *std::move(plan) : DemandPlan{};
}

// Kilograms (and micros) are rounded per path: each path may be off by half a kilogram.
double RoundingMicros(const DemandPlan& p) {
  double micros = 0;
  for (const DemandAllocation& a : p.allocations) {
    for (const DemandPath& path : a.paths) {
      micros += 0.5 * static_cast<double>(path.cost_per_kg_micros) + 1;
    }
  }
  return micros;
}

void ExpectSameOptimum(const DemandPlan& cg, const DemandPlan& arc, const DemandQuery& q,
                       const std::string& where) {
  EXPECT_EQ(cg.method, DemandMethod::kColumnGeneration);
  EXPECT_EQ(arc.method, DemandMethod::kArcFormulation);
  EXPECT_NEAR(cg.weighted_delivered, arc.weighted_delivered,
              1e-7 * std::max(1.0, arc.weighted_delivered))
      << where;
  EXPECT_NEAR(cg.fair_fraction, arc.fair_fraction, 1e-7) << where;
  // Weighted delivery of the rounded answers, then kilograms when every priority is 1.
  const auto weighted = [&](const DemandPlan& p) {
    double total = 0;
    for (std::size_t d = 0; d < q.demands.size(); ++d) {
      total += q.demands[d].priority * static_cast<double>(p.allocations[d].delivered_kg_per_week);
    }
    return total;
  };
  const double rounding = static_cast<double>(2 * q.demands.size()) * kMaxDemandPriority;
  EXPECT_NEAR(weighted(cg), weighted(arc), rounding) << where;
  const bool unit_priorities = std::all_of(q.demands.begin(), q.demands.end(),
                                           [](const Demand& d) { return d.priority == 1.0; });
  if (unit_priorities) {
    EXPECT_NEAR(static_cast<double>(cg.delivered_kg_per_week),
                static_cast<double>(arc.delivered_kg_per_week),
                static_cast<double>(2 * q.demands.size()))
        << where;
  }
  EXPECT_NEAR(
      static_cast<double>(cg.total_cost_micros), static_cast<double>(arc.total_cost_micros),
      RoundingMicros(cg) + RoundingMicros(arc) + 1e-7 * static_cast<double>(arc.total_cost_micros))
      << where;
  for (const RouteLoad& load : cg.route_loads) {
    EXPECT_LE(load.load_kg_per_week, load.capacity_kg_per_week + 2) << where;
  }
}

DemandQuery RandomQuery(std::uint32_t seed, int airports, int origins, int count) {
  std::mt19937 rng(seed);
  std::uniform_int_distribution<int> airport(0, airports - 1);
  std::uniform_int_distribution<int> origin(0, origins - 1);
  std::uniform_int_distribution<std::int64_t> tonnes(5, 60);
  DemandQuery q;
  while (static_cast<int>(q.demands.size()) < count) {
    const int from = origin(rng) * (airports / origins);
    const int to = airport(rng);
    if (from == to) continue;
    const double priority = seed % 2 == 0 ? 1.0 : 1.0 + static_cast<double>(rng() % 3);
    q.demands.push_back({AirportId(from), AirportId(to), tonnes(rng) * 1000, priority});
  }
  return q;
}

std::shared_ptr<const Network> WithAirportLimits(const Network& base) {
  std::vector<std::string> codes;
  std::vector<test::TestArc> arcs;
  for (const Airport& a : base.airports()) codes.push_back(a.iata);
  for (const Route& r : base.routes()) {
    arcs.push_back({base.airport(r.origin).iata, base.airport(r.destination).iata, r.payload_kg,
                    r.cost_per_kg_micros});
  }
  return test::MakeFlowNetwork(codes, arcs,
                               {{codes[0], 60'000}, {codes[3], 25'000}, {codes[7], 15'000}});
}

TEST(ColumnGeneration, MatchesTheArcFormulationOnRandomNetworks) {
  for (std::uint32_t seed = 1; seed <= 12; ++seed) {
    auto n = test::RandomFlowNetwork(seed + 300, 30, 3, 40'000, 500);
    if (seed % 3 == 0) n = WithAirportLimits(*n);
    for (const DemandObjective objective :
         {DemandObjective::kMaxDelivered, DemandObjective::kFairShare}) {
      DemandQuery q = RandomQuery(seed, 30, 4, 15);
      q.objective = objective;
      const std::string where = "seed " + std::to_string(seed) +
                                (objective == DemandObjective::kFairShare ? " fair" : " max");
      const DemandPlan cg = Must(Solve(*n, q, DemandMethod::kColumnGeneration));
      const DemandPlan arc = Must(Solve(*n, q, DemandMethod::kArcFormulation));
      ExpectSameOptimum(cg, arc, q, where);
      EXPECT_GT(cg.pricing_rounds, 0) << where;
      EXPECT_LT(cg.lp_columns, arc.lp_columns) << where;
    }
  }
}

// The weighted delivery when route `r`'s capacity is moved by `delta_kg` (arc formulation).
double WeightedWithCapacity(const Network& n, const DemandQuery& q, RouteId r, double delta_kg) {
  const double capacity = static_cast<double>(n.route(r).weekly_capacity_kg());
  Scenario moved;
  moved.as_of = test::TestDate();
  moved.capacity_factors.push_back({r, "", (capacity + delta_kg) / capacity});
  return Must(Solve(n, q, DemandMethod::kArcFormulation, &moved)).weighted_delivered;
}

TEST(ColumnGeneration, ShadowPricesLieInTheDerivativeIntervalAndAreExactWhereUnique) {
  int checked = 0;
  int unique = 0;
  for (std::uint32_t seed = 1; seed <= 8; ++seed) {
    const auto n = test::RandomFlowNetwork(seed + 400, 25, 3, 30'000, 300);
    DemandQuery q = RandomQuery(seed, 25, 3, 10);
    const DemandPlan cg = Must(Solve(*n, q, DemandMethod::kColumnGeneration));
    const DemandPlan arc = Must(Solve(*n, q, DemandMethod::kArcFormulation));
    std::map<std::uint32_t, double> cg_price;
    std::map<std::uint32_t, double> arc_price;
    for (const ShadowPrice& p : cg.shadow_prices) cg_price[p.route.value] = p.weighted_kg_per_kg;
    for (const ShadowPrice& p : arc.shadow_prices) arc_price[p.route.value] = p.weighted_kg_per_kg;
    std::set<std::uint32_t> priced;
    for (const auto& [r, price] : cg_price) priced.insert(r);
    for (const auto& [r, price] : arc_price) priced.insert(r);
    for (const std::uint32_t r : priced) {
      const double base = arc.weighted_delivered;
      // 200 kg, or half the capacity of a smaller route.
      const double delta =
          std::min(200.0, 0.5 * static_cast<double>(n->route(RouteId(r)).weekly_capacity_kg()));
      const double right = (WeightedWithCapacity(*n, q, RouteId(r), delta) - base) / delta;
      const double left = (base - WeightedWithCapacity(*n, q, RouteId(r), -delta)) / delta;
      const double tol = 1e-6 * std::max(1.0, base) / delta;
      const std::string where =
          "seed " + std::to_string(seed) + " route " + n->route(RouteId(r)).id;
      EXPECT_GE(cg_price[r], right - tol) << where;
      EXPECT_LE(cg_price[r], left + tol) << where;
      ++checked;
      if (left - right <= tol) {
        ++unique;
        EXPECT_NEAR(cg_price[r], right, tol) << where;
        EXPECT_NEAR(arc_price[r], right, tol) << where;
      }
    }
  }
  EXPECT_GE(checked, 10);
  EXPECT_GE(unique, 5);
}

TEST(ColumnGeneration, VerifiedUpgradeGainsEqualArcFormulationReplans) {
  int verified = 0;
  int positive = 0;
  for (std::uint32_t seed = 1; seed <= 5; ++seed) {
    const auto n = test::RandomFlowNetwork(seed + 200, 20, 3, 30'000, 100);
    DemandQuery q;
    for (std::uint32_t d = 0; d < 6; ++d) {
      q.demands.push_back({AirportId(d), AirportId(19 - d), 40'000, 1.0 + d % 3});
    }
    DemandQuery plain = q;
    q.verify_upgrades = 5;
    const DemandPlan plan = Must(Solve(*n, q, DemandMethod::kColumnGeneration));
    const DemandPlan arc = Must(Solve(*n, q, DemandMethod::kArcFormulation));
    EXPECT_EQ(plan.best_upgrade_proven, arc.best_upgrade_proven) << "seed " << seed;
    for (const Upgrade& u : plan.upgrades) {
      if (!u.verified_gain) continue;
      ++verified;
      positive += *u.verified_gain > 1e-3 ? 1 : 0;
      EXPECT_LE(*u.verified_gain, u.predicted_gain + 1e-6);
      ASSERT_EQ(u.kind, Upgrade::Kind::kRouteFrequency);
      Scenario more;  // one more weekly flight on a one-flight route
      more.as_of = test::TestDate();
      more.capacity_factors.push_back({u.route, "", 2.0});
      const DemandPlan upgraded = Must(Solve(*n, plain, DemandMethod::kArcFormulation, &more));
      EXPECT_NEAR(upgraded.weighted_delivered - plan.weighted_delivered, *u.verified_gain, 1e-3)
          << "seed " << seed << " route " << n->route(u.route).id;
    }
  }
  EXPECT_GE(verified, 10);
  EXPECT_GE(positive, 3);
}

TEST(ColumnGeneration, MatchesTheArcFormulationOnShenyang) {
  auto n = formats::LoadNetworkFile(std::string(AIRCARGO_SOURCE_DIR) +
                                    "/routes/networks/shenyang.textproto");
  ASSERT_TRUE(n.ok()) << n.error().ToString();
  const Network& network = **n;
  std::vector<AirportId> origins;
  std::vector<AirportId> destinations;
  {
    std::set<std::uint32_t> from;
    std::set<std::uint32_t> to;
    for (const Route& r : network.routes()) {
      from.insert(r.origin.value);
      to.insert(r.destination.value);
    }
    for (std::uint32_t a : from) origins.push_back(AirportId(a));
    for (std::uint32_t a : to) destinations.push_back(AirportId(a));
  }
  for (std::uint32_t seed = 1; seed <= 3; ++seed) {
    std::mt19937 rng(seed);
    DemandQuery q;
    while (q.demands.size() < 50) {
      const AirportId from = origins[rng() % std::min<std::size_t>(origins.size(), 10)];
      const AirportId to = destinations[rng() % destinations.size()];
      if (from == to) continue;
      q.demands.push_back({from, to, static_cast<std::int64_t>(5 + rng() % 46) * 1000,
                           seed == 2 ? 1.0 + static_cast<double>(rng() % 4) : 1.0});
    }
    q.verify_upgrades = 5;
    for (const DemandObjective objective :
         {DemandObjective::kMaxDelivered, DemandObjective::kFairShare}) {
      q.objective = objective;
      const std::string where = "Shenyang seed " + std::to_string(seed) +
                                (objective == DemandObjective::kFairShare ? " fair" : " max");
      const DemandPlan cg = Must(Solve(network, q, DemandMethod::kColumnGeneration));
      const DemandPlan arc = Must(Solve(network, q, DemandMethod::kArcFormulation));
      ExpectSameOptimum(cg, arc, q, where);
      // A candidate verified by both: the same re-solved optimum.
      std::map<std::pair<int, std::uint32_t>, double> arc_gain;
      for (const Upgrade& u : arc.upgrades) {
        if (u.verified_gain) {
          arc_gain[{static_cast<int>(u.kind), u.route.value + u.airport.value}] = *u.verified_gain;
        }
      }
      for (const Upgrade& u : cg.upgrades) {
        if (!u.verified_gain) continue;
        EXPECT_LE(*u.verified_gain, u.predicted_gain + 1e-6) << where;
        auto it = arc_gain.find({static_cast<int>(u.kind), u.route.value + u.airport.value});
        if (it != arc_gain.end()) {
          EXPECT_NEAR(*u.verified_gain, it->second, 1e-3 * std::max(1.0, it->second)) << where;
        }
      }
    }
  }
}

// demand_test.cc's hand-sized answers, under column generation.
std::shared_ptr<const Network> Bottleneck(std::map<std::string, std::int64_t> throughput = {}) {
  return test::MakeFlowNetwork({"AAA", "BBB", "HUB", "DST"},
                               {{"AAA", "HUB", 10'000, 1},
                                {"BBB", "HUB", 10'000, 1},
                                {"HUB", "DST", 10'000, 5},
                                {"AAA", "DST", 2'000, 100},
                                {"BBB", "DST", 3'000, 1, true}},
                               throughput);
}

TEST(ColumnGeneration, HandSizedAnswers) {
  const auto n = Bottleneck();
  DemandQuery q;
  q.demands = {{Id(*n, "AAA"), Id(*n, "DST"), 8'000, 1.0},
               {Id(*n, "BBB"), Id(*n, "DST"), 8'000, 1.0}};
  DemandPlan plan = Must(Solve(*n, q, DemandMethod::kColumnGeneration));
  EXPECT_EQ(plan.delivered_kg_per_week, 12'000);
  q.demands[1].priority = 3.0;  // BBB wins the bottleneck
  plan = Must(Solve(*n, q, DemandMethod::kColumnGeneration));
  EXPECT_EQ(plan.allocations[1].delivered_kg_per_week, 8'000);
  EXPECT_EQ(plan.allocations[0].delivered_kg_per_week, 4'000);
  q.demands = {{Id(*n, "AAA"), Id(*n, "DST"), 2'000, 1.0},
               {Id(*n, "BBB"), Id(*n, "DST"), 6'000, 1.0}};
  q.objective = DemandObjective::kFairShare;
  const auto limited = Bottleneck({{"HUB", 4'000}});
  plan = Must(Solve(*limited, q, DemandMethod::kColumnGeneration));
  // HUB handles 4 t; AAA also has its 2 t direct route: fraction (2 + x) / 2 = (4 - x) / 6.
  const DemandPlan arc = Must(Solve(*limited, q, DemandMethod::kArcFormulation));
  EXPECT_NEAR(plan.fair_fraction, arc.fair_fraction, 1e-9);
  // The planned BBB -> DST: opening it gains 3 t, verified by re-solving with pricing.
  q = {};
  q.demands = {{Id(*n, "BBB"), Id(*n, "DST"), 13'000, 1.0}};
  q.verify_upgrades = 5;
  plan = Must(Solve(*n, q, DemandMethod::kColumnGeneration));
  EXPECT_EQ(plan.delivered_kg_per_week, 10'000);
  double best = 0;
  for (const Upgrade& u : plan.upgrades) {
    ASSERT_TRUE(u.verified_gain.has_value());
    best = std::max(best, *u.verified_gain);
  }
  EXPECT_NEAR(best, 3'000, 1e-3);
  EXPECT_TRUE(plan.best_upgrade_proven);
  // An airport limit binds and is priced at 1.
  const auto hub = Bottleneck({{"HUB", 6'000}});
  q = {};
  q.demands = {{Id(*hub, "BBB"), Id(*hub, "DST"), 9'000, 1.0}};
  plan = Must(Solve(*hub, q, DemandMethod::kColumnGeneration));
  EXPECT_EQ(plan.delivered_kg_per_week, 6'000);
  ASSERT_EQ(plan.shadow_prices.size(), 1u);
  EXPECT_EQ(plan.shadow_prices[0].kind, ShadowPrice::Kind::kAirport);
  EXPECT_NEAR(plan.shadow_prices[0].weighted_kg_per_kg, 1.0, 1e-9);
}

TEST(ColumnGeneration, IsWhatAutoTakesAndStopsAtTheStopCheck) {
  const auto n = test::RandomFlowNetwork(7, 60, 4, 50'000, 100);
  DemandQuery q;
  for (int i = 1; i < 20; ++i) q.demands.push_back({AirportId(0), AirportId(i), 100'000, 1.0});
  EXPECT_EQ(Must(Solve(*n, q, DemandMethod::kAuto)).method, DemandMethod::kColumnGeneration);
  q.method = DemandMethod::kColumnGeneration;
  StopCheck stop(StopCheck::Clock::now() - std::chrono::seconds(1), {}, 1);
  auto plan = PlanDemand(ScenarioView::Operating(*n, test::TestDate()), q, stop);
  ASSERT_FALSE(plan.ok());
  EXPECT_EQ(plan.error().code, ErrorCode::kDeadlineExceeded);
}

TEST(ColumnGeneration, PricingRoundAndPathColumnLimitsAreResourceExhausted) {
  const auto n = test::RandomFlowNetwork(11, 40, 3, 30'000, 200);
  const DemandQuery q = RandomQuery(3, 40, 4, 20);
  const ScenarioView view = ScenarioView::Operating(*n, test::TestDate());
  StopCheck stop;
  auto unlimited = internal::SolveByColumnGeneration(view, q, stop);
  ASSERT_TRUE(unlimited.ok());
  ASSERT_GT(unlimited->pricing_rounds, 3);  // each of the two stages needs more than one round
  auto rounds = internal::SolveByColumnGeneration(view, q, stop, {.max_pricing_rounds = 1});
  ASSERT_FALSE(rounds.ok());
  EXPECT_EQ(rounds.error().code, ErrorCode::kResourceExhausted);
  EXPECT_EQ(rounds.error().field, "lp");
  auto columns = internal::SolveByColumnGeneration(view, q, stop, {.max_path_columns = 5});
  ASSERT_FALSE(columns.ok());
  EXPECT_EQ(columns.error().code, ErrorCode::kResourceExhausted);
  EXPECT_EQ(columns.error().field, "lp");
}

}  // namespace
}  // namespace aircargo::routes
