// Summarize: counts and weekly capacity by status, distinct carriers and countries.
#include "routes/network_summary.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "routes/network_builder.h"
#include "tests/routes/test_parts.h"

namespace aircargo::routes {
namespace {

using test::Build;
using test::Incheon;
using test::MakeAirport;
using test::MakeRoute;
using test::Shenyang;
using test::Vancouver;

RouteInput Service(std::string id, std::string origin, std::string destination, std::string carrier,
                   std::int64_t payload_kg, std::int32_t flights_per_week, RouteStatus status) {
  RouteInput r = MakeRoute(std::move(id), std::move(origin), std::move(destination));
  r.carrier = std::move(carrier);
  r.payload_kg = payload_kg;
  r.flights_per_week = flights_per_week;
  r.departures.clear();
  r.status = status;
  return r;
}

TEST(Summarize, SplitsOperatingAndPlannedTotalsByBasis) {
  auto sourced = Service("SHE-YVR-CA", "SHE", "YVR", "CA", 100'000, 4, RouteStatus::kOperating);
  sourced.basis = static_cast<int>(EvidenceBasis::kSourced);
  auto onward = Service("YVR-SHE-XX", "YVR", "SHE", "XX", 10'000, 2, RouteStatus::kOperating);
  onward.basis = static_cast<int>(EvidenceBasis::kIllustrative);
  auto onward2 = Service("SHE-ICN-XX", "SHE", "ICN", "XX", 5'000, 1, RouteStatus::kOperating);
  onward2.basis = static_cast<int>(EvidenceBasis::kIllustrative);
  auto candidate = Service("SHE-ICN-CA", "SHE", "ICN", "CA", 20'000, 7, RouteStatus::kPlanned);
  candidate.basis = static_cast<int>(EvidenceBasis::kCandidate);
  auto old = Service("ICN-SHE-KE", "ICN", "SHE", "KE", 30'000, 3, RouteStatus::kSuspended);
  old.basis = static_cast<int>(EvidenceBasis::kSourced);
  const auto built =
      Build({Shenyang(), Vancouver(), Incheon()}, {sourced, onward, onward2, candidate, old});
  ASSERT_TRUE(built.ok()) << built.error().ToString();
  const NetworkSummary s = Summarize(**built);
  const auto at = [](EvidenceBasis b) { return static_cast<std::size_t>(b); };
  EXPECT_EQ(s.operating_by_basis[at(EvidenceBasis::kSourced)].route_count, 1);
  EXPECT_EQ(s.operating_by_basis[at(EvidenceBasis::kSourced)].weekly_capacity_kg, 400'000);
  EXPECT_EQ(s.operating_by_basis[at(EvidenceBasis::kIllustrative)].route_count, 2);
  EXPECT_EQ(s.operating_by_basis[at(EvidenceBasis::kIllustrative)].weekly_capacity_kg, 25'000);
  EXPECT_EQ(s.planned_by_basis[at(EvidenceBasis::kCandidate)].weekly_capacity_kg, 140'000);
  // The split adds up to the status totals; suspended routes are in neither split.
  std::int64_t operating = 0, planned = 0;
  for (std::size_t b = 0; b < s.operating_by_basis.size(); ++b) {
    operating += s.operating_by_basis[b].weekly_capacity_kg;
    planned += s.planned_by_basis[b].weekly_capacity_kg;
  }
  EXPECT_EQ(operating, s.operating.weekly_capacity_kg);
  EXPECT_EQ(planned, s.planned.weekly_capacity_kg);
}

TEST(Summarize, CountsCapacityByStatusWhenRoutesMixStatuses) {
  //   SHE (CN) --CA 100 t x4, operating--> YVR (CA)
  //   SHE      --RS  43.5 t x1, operating--> YVR
  //   SHE      --CA  20 t x7, planned-----> ICN (KR)
  //   ICN      --KE  30 t x3, suspended---> SHE
  //   PEK (CN)  no routes
  const auto built =
      Build({Shenyang(), Vancouver(), Incheon(),
             MakeAirport("PEK", "ZBAA", "CN", 40.0801, 116.5846, "Asia/Shanghai")},
            {Service("SHE-YVR-CA", "SHE", "YVR", "CA", 100'000, 4, RouteStatus::kOperating),
             Service("SHE-YVR-RS", "SHE", "YVR", "RS", 43'500, 1, RouteStatus::kOperating),
             Service("SHE-ICN-CA", "SHE", "ICN", "CA", 20'000, 7, RouteStatus::kPlanned),
             Service("ICN-SHE-KE", "ICN", "SHE", "KE", 30'000, 3, RouteStatus::kSuspended)});
  ASSERT_TRUE(built.ok()) << built.error().ToString();

  const NetworkSummary s = Summarize(**built);
  EXPECT_EQ(s.airport_count, 4);
  EXPECT_EQ(s.route_count, 4);
  EXPECT_EQ(s.operating.route_count, 2);
  EXPECT_EQ(s.operating.weekly_capacity_kg, 400'000 + 43'500);
  EXPECT_EQ(s.planned.route_count, 1);
  EXPECT_EQ(s.planned.weekly_capacity_kg, 140'000);
  EXPECT_EQ(s.suspended.route_count, 1);
  EXPECT_EQ(s.suspended.weekly_capacity_kg, 90'000);
  EXPECT_EQ(s.carrier_count, 3);  // CA, RS, KE: CA counted once
  EXPECT_EQ(s.country_count, 3);  // CN (twice), CA, KR
}

TEST(Summarize, GivenADayRoutesLastFlownBeforeItCountAsEnded) {
  //   SHE --operating, flew 2025-08-01..2025-10-31, 1.5 t x2--> YVR   (ended on 2026-01-01)
  //   SHE --operating, open-ended, 100 t x1------------------> YVR
  //   SHE --planned, until 2026-06-30, 20 t x7---------------> ICN   (not ended on 2026-01-01)
  //   ICN --suspended, ended 2025-01-31, 30 t x3-------------> SHE   (suspended stays suspended)
  using std::chrono::year;
  auto seasonal = Service("SHE-YVR-XX", "SHE", "YVR", "XX", 1'500, 2, RouteStatus::kOperating);
  seasonal.effective_from = "2025-08-01";
  seasonal.effective_to = "2025-10-31";
  seasonal.basis = static_cast<int>(EvidenceBasis::kSourced);
  auto open = Service("SHE-YVR-CA", "SHE", "YVR", "CA", 100'000, 1, RouteStatus::kOperating);
  auto planned = Service("SHE-ICN-CA", "SHE", "ICN", "CA", 20'000, 7, RouteStatus::kPlanned);
  planned.effective_to = "2026-06-30";
  auto suspended = Service("ICN-SHE-KE", "ICN", "SHE", "KE", 30'000, 3, RouteStatus::kSuspended);
  suspended.effective_to = "2025-01-31";
  const auto built =
      Build({Shenyang(), Vancouver(), Incheon()}, {seasonal, open, planned, suspended});
  ASSERT_TRUE(built.ok()) << built.error().ToString();

  const NetworkSummary today = Summarize(**built, year{2026} / 1 / 1);
  EXPECT_EQ(today.ended.route_count, 1);
  EXPECT_EQ(today.ended.weekly_capacity_kg, 3'000);
  EXPECT_EQ(today.operating.route_count, 1);
  EXPECT_EQ(today.operating.weekly_capacity_kg, 100'000);
  EXPECT_EQ(today.operating_by_basis[static_cast<std::size_t>(EvidenceBasis::kSourced)].route_count,
            0);
  EXPECT_EQ(today.planned.route_count, 1);
  EXPECT_EQ(today.suspended.route_count, 1);
  // On its last day a route still flies; without a day nothing is ended.
  EXPECT_EQ(Summarize(**built, year{2025} / 10 / 31).ended.route_count, 0);
  const NetworkSummary timeless = Summarize(**built);
  EXPECT_EQ(timeless.ended.route_count, 0);
  EXPECT_EQ(timeless.operating.route_count, 2);
}

TEST(Summarize, IsAllZeroExceptAirportsWhenThereAreNoRoutes) {
  //   SHE   PEK   (both CN, no routes)
  const auto built =
      Build({Shenyang(), MakeAirport("PEK", "ZBAA", "CN", 40.0801, 116.5846, "Asia/Shanghai")}, {});
  ASSERT_TRUE(built.ok()) << built.error().ToString();
  const NetworkSummary s = Summarize(**built);
  EXPECT_EQ(s.airport_count, 2);
  EXPECT_EQ(s.route_count, 0);
  EXPECT_EQ(s.operating.route_count + s.planned.route_count + s.suspended.route_count, 0);
  EXPECT_EQ(s.operating.weekly_capacity_kg, 0);
  EXPECT_EQ(s.carrier_count, 0);
  EXPECT_EQ(s.country_count, 1);
}

TEST(Summarize, DoesNotOverflowWhenEveryRouteIsAtTheLimits) {
  //   SHE <-> YVR, 40 parallel routes each 1,000 t x 70 a week (70,000 t each)
  std::vector<RouteInput> routes;
  for (int i = 0; i < 40; ++i) {
    routes.push_back(Service("R" + std::to_string(i), i % 2 ? "SHE" : "YVR", i % 2 ? "YVR" : "SHE",
                             "CA", kMaxPayloadKg, kMaxFlightsPerWeek, RouteStatus::kOperating));
  }
  const auto built = Build({Shenyang(), Vancouver()}, routes);
  ASSERT_TRUE(built.ok()) << built.error().ToString();
  EXPECT_EQ(Summarize(**built).operating.weekly_capacity_kg,
            std::int64_t{40} * kMaxPayloadKg * kMaxFlightsPerWeek);
}

// The hub is the airport most routes leave, whatever their status; ties go to more capacity.
TEST(HubAirport, IsTheAirportMostRoutesLeave) {
  //   SHE: two routes out (one suspended, 1 t); YVR: one route out of 900 t.
  const auto built =
      Build({Shenyang(), Vancouver(), Incheon()},
            {Service("SHE-YVR", "SHE", "YVR", "CA", 1'000, 1, RouteStatus::kOperating),
             Service("SHE-ICN", "SHE", "ICN", "KE", 1'000, 1, RouteStatus::kSuspended),
             Service("YVR-SHE", "YVR", "SHE", "CA", 900'000, 1, RouteStatus::kOperating)});
  ASSERT_TRUE(built.ok()) << built.error().ToString();
  const auto hub = HubAirport(**built);
  ASSERT_TRUE(hub.has_value());
  EXPECT_EQ((*built)->airport(*hub).iata, "SHE");
}

TEST(HubAirport, TiesGoToCapacityThenTheSmallerCodeAndNoneWithoutRoutes) {
  const auto by_capacity =
      Build({Shenyang(), Vancouver()},
            {Service("SHE-YVR", "SHE", "YVR", "CA", 50'000, 1, RouteStatus::kOperating),
             Service("YVR-SHE", "YVR", "SHE", "CA", 60'000, 1, RouteStatus::kPlanned)});
  ASSERT_TRUE(by_capacity.ok());
  EXPECT_EQ((*by_capacity)->airport(*HubAirport(**by_capacity)).iata, "YVR");
  const auto tie =
      Build({Shenyang(), Vancouver()},
            {Service("SHE-YVR", "SHE", "YVR", "CA", 50'000, 1, RouteStatus::kOperating),
             Service("YVR-SHE", "YVR", "SHE", "CA", 50'000, 1, RouteStatus::kOperating)});
  ASSERT_TRUE(tie.ok());
  EXPECT_EQ((*tie)->airport(*HubAirport(**tie)).iata, "SHE");
  const auto empty = Build({Shenyang(), Vancouver()}, {});
  ASSERT_TRUE(empty.ok());
  EXPECT_FALSE(HubAirport(**empty).has_value());
}

}  // namespace
}  // namespace aircargo::routes
