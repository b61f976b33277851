// The diamond network most FindPaths tests use (km, block minutes, weekly flights, cost/kg):
//
//              B                       AB-W8  W8 freighter 1000 km 120 min 7/wk  1.00  10 t
//    AB-W8,AB-CA ^  \ BD-W8            AB-CA  CA belly     1000 km 150 min 14/wk 0.80   5 t
//               /    v                 BD-W8  W8 freighter 1000 km 120 min 7/wk  1.00  12 t
//   A ------AD-LH------> D             AC-TR  TR truck      800 km 600 min 7/wk  0.30  20 t
//               \    ^                 CD-W8  W8 freighter  900 km 110 min 7/wk  1.20   8 t
//          AC-TR v  / CD-W8            AD-LH  LH freighter 2500 km 240 min 2/wk  3.00  50 t
//              C
//   E: no routes at all. Ground times everywhere: export 30, import 40, connection 60 minutes.
//
// Totals (transit = 30 + block + 10080/f/2 per leg + 60 per transfer + 40):
//   AC-TR,CD-W8   1700 km  2280 min  1.50  bottleneck 56 t/wk
//   AB-W8,BD-W8   2000 km  1810 min  2.00  bottleneck 70 t/wk
//   AB-CA,BD-W8   2000 km  1480 min  1.80  bottleneck 70 t/wk
//   AD-LH         2500 km  2830 min  3.00  bottleneck 100 t/wk
#pragma once

#include "tests/routes/paths/paths_test_network.h"

namespace aircargo::routes::test {

inline std::shared_ptr<const Network> Diamond() {
  return BuildOrDie(
      {Port("AAA", 30, 100), Port("BBB", 31, 110), Port("CCC", 29, 110), Port("DDD", 30, 120),
       Port("EEE", 10, 100)},
      {
          Leg({"AB-W8", "AAA", "BBB", 1000, 120, 7, 1'000'000, 10'000, "W8", Mode::kFreighter}),
          Leg({"AB-CA", "AAA", "BBB", 1000, 150, 14, 800'000, 5'000, "CA", Mode::kBelly}),
          Leg({"BD-W8", "BBB", "DDD", 1000, 120, 7, 1'000'000, 12'000, "W8", Mode::kFreighter}),
          Leg({"AC-TR", "AAA", "CCC", 800, 600, 7, 300'000, 20'000, "TR", Mode::kTruck}),
          Leg({"CD-W8", "CCC", "DDD", 900, 110, 7, 1'200'000, 8'000, "W8", Mode::kFreighter}),
          Leg({"AD-LH", "AAA", "DDD", 2500, 240, 2, 3'000'000, 50'000, "LH", Mode::kFreighter}),
      });
}

inline AirportId At(const Network& n, const char* iata) { return *n.FindAirport(iata); }

inline PathQuery Query(const Network& n, const char* from, const char* to,
                       Objective objective = Objective::kDistance, int k = 1) {
  PathQuery q;
  q.origin = At(n, from);
  q.destination = At(n, to);
  q.objective = objective;
  q.k = k;
  return q;
}

inline PathsResult Solve(const ScenarioView& view, const PathQuery& query) {
  PathWorkspace workspace;
  StopCheck stop;
  auto result = FindPaths(view, query, workspace, stop);
  if (!result.ok()) {
    ADD_FAILURE() << result.error().ToString();
    return {};
  }
  return *result;
}

}  // namespace aircargo::routes::test
