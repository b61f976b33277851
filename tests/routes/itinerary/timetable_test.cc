// The shared weekly timetables (routes/itinerary/timetable.h, timetable_cache.h) against the
// per-request expansion (ExpandView), which is what PlanItinerary read before them: SelectFlights
// must return exactly ExpandView's flights (same order) and payload_too_small list, and
// PlanItinerary on a TimetableCache exactly the plan of PlanItinerary without one, on seeded random
// networks across six time zones (DST changes in America, Europe and Australia; week boundaries)
// and on the embedded Shenyang network; slices of a window (SelectFlights' copy limits) append into
// the whole list, and the connection scan fed slice by slice (EarliestScan) answers as one scan
// over the whole list, which is how PlanItinerary reads a long horizon. Concurrency: threads
// planning on one shared cache, and concurrent callers of one week getting one build (run under the
// tsan preset too).
#include "routes/itinerary/timetable.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <latch>
#include <memory>
#include <random>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "formats/network_file.h"
#include "routes/itinerary/connection_scan.h"
#include "routes/itinerary/dated_flights.h"
#include "routes/itinerary/plan_itinerary.h"
#include "routes/itinerary/timetable_cache.h"
#include "tests/routes/itinerary/itinerary_test_parts.h"

namespace aircargo::routes {
namespace {

using std::chrono::days;
using std::chrono::hours;
using std::chrono::minutes;
using std::chrono::sys_seconds;
using test::Flight;
using test::Utc;

constexpr std::chrono::year_month_day kAsOf{std::chrono::year{2025}, std::chrono::January,
                                            std::chrono::day{1}};

std::string Text(const DatedFlight& f) {
  std::ostringstream out;
  out << f.route.value << " " << f.origin.value << "->" << f.destination.value << " "
      << FormatUtc(f.departure) << " " << FormatUtc(f.arrival) << " "
      << static_cast<int>(f.date.year()) << "-" << static_cast<unsigned>(f.date.month()) << "-"
      << static_cast<unsigned>(f.date.day()) << " " << f.payload_kg;
  return out.str();
}

std::vector<std::string> Texts(const DatedTimetable& table) {
  std::vector<std::string> out;
  for (const DatedFlight& f : table.flights) out.push_back(Text(f));
  out.push_back("payload_too_small:");
  for (RouteId id : table.payload_too_small) out.push_back(std::to_string(id.value));
  return out;
}

void Describe(std::ostream& out, const AirportTime& t) { out << FormatLocal(t.utc, t.utc_offset); }

void Describe(std::ostream& out, const Itinerary& it) {
  out << "ready ";
  Describe(out, it.ready);
  out << " export " << it.export_clearance.airport.value << " ";
  Describe(out, it.export_clearance.start);
  Describe(out, it.export_clearance.end);
  for (const ItineraryLeg& leg : it.legs) {
    out << " | leg " << leg.route.value << " " << leg.origin.value << "->" << leg.destination.value
        << " " << static_cast<unsigned>(leg.flight_date.day()) << " ";
    Describe(out, leg.departure);
    out << " ";
    Describe(out, leg.arrival);
    out << " wait " << leg.wait.count() << " conn " << leg.connection.count();
  }
  out << " | import " << it.import_clearance.airport.value << " ";
  Describe(out, it.import_clearance.start);
  Describe(out, it.import_clearance.end);
  out << " delivered ";
  Describe(out, it.delivered);
  out << " d2d " << it.door_to_door.count() << " meets " << it.meets_arrive_by;
}

// Every field of a plan, as text (so a difference shows in the failure message).
std::string Describe(const Result<ItineraryPlan>& result) {
  std::ostringstream out;
  if (!result.ok()) {
    out << "error " << result.error().ToString();
    return out.str();
  }
  const ItineraryPlan& plan = *result;
  for (const Itinerary& it : plan.itineraries) {
    Describe(out, it);
    out << "\n";
  }
  out << "reason " << NoItineraryReasonName(plan.reason) << " " << plan.reason_detail << "\n";
  if (plan.latest_ready) {
    out << "latest ";
    Describe(out, plan.latest_ready->ready);
    out << " ";
    Describe(out, plan.latest_ready->itinerary);
    out << "\n";
  }
  out << "latest reason " << NoItineraryReasonName(plan.latest_ready_reason) << "\n";
  out << "too small";
  for (RouteId id : plan.payload_too_small) out << " " << id.value;
  out << "\nflights " << plan.flights_considered;
  return out.str();
}

// Airports in six zones: no DST (SHE, ICN), North American DST (YVR, ORD), European DST (LHR),
// southern-hemisphere DST with a 30-minute shift (Lord Howe Island).
std::vector<Airport> SixZones() {
  return {test::Shenyang(),
          test::Incheon(),
          test::Vancouver(),
          test::Chicago(),
          test::MakeAirport("LHR", "EGLL", "GB", 51.47, -0.4543, "Europe/London"),
          test::MakeAirport("LDH", "YLHI", "AU", -31.5383, 159.0773, "Australia/Lord_Howe")};
}

// A seeded random network over SixZones(): weekly departures at random local times (some in the
// DST gap hours), some routes with only flights_per_week (spread evenly), some ending in 2025,
// payloads from 5 to 60 t, some routes planned (not usable in the operating view).
std::shared_ptr<const Network> RandomNetwork(std::mt19937& rng) {
  auto pick = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
  const std::vector<Airport> airports = SixZones();
  const int n = static_cast<int>(airports.size());
  std::vector<RouteInput> routes;
  const int route_count = pick(6, 24);
  for (int r = 0; r < route_count; ++r) {
    const int from = pick(0, n - 1);
    int to = pick(0, n - 2);
    if (to >= from) ++to;
    std::vector<DepartureInput> departures;
    const int per_week = pick(1, 5);
    for (int d = 0; d < per_week; ++d) {
      char time[6];
      std::snprintf(time, sizeof time, "%02d:%02d", pick(0, 3) == 0 ? 2 : pick(0, 23),
                    pick(0, 11) * 5);
      departures.push_back({Weekday{pick(1, 7)}, time});
    }
    RouteInput route = Flight("R" + std::to_string(r), airports[from].iata, airports[to].iata,
                              departures, pick(45, 900), pick(5, 60) * 1000);
    if (pick(0, 4) == 0) {
      route.departures.clear();
      route.flights_per_week = pick(1, 9);
    }
    if (pick(0, 5) == 0) route.effective_to = "2025-" + std::to_string(pick(3, 11)) + "-15";
    if (route.effective_to.size() == 9) route.effective_to.insert(5, "0");
    if (pick(0, 9) == 0) route.status = RouteStatus::kPlanned;
    routes.push_back(std::move(route));
  }
  auto network = test::Build(airports, routes);
  EXPECT_TRUE(network.ok()) << network.error().ToString();
  return network.ok() ? *network : nullptr;
}

// Ready times near the 2025 DST changes and week boundaries (Monday 00:00 UTC).
sys_seconds InterestingReady(std::mt19937& rng) {
  static const std::vector<sys_seconds> anchors = {
      Utc("2025-03-09T08:00:00Z"),  // North America springs forward
      Utc("2025-03-30T01:00:00Z"),  // Europe springs forward
      Utc("2025-04-05T15:00:00Z"),  // Lord Howe falls back (30 minutes)
      Utc("2025-10-04T15:30:00Z"),  // Lord Howe springs forward
      Utc("2025-10-26T01:00:00Z"),  // Europe falls back
      Utc("2025-11-02T07:00:00Z"),  // North America falls back
      Utc("2025-06-02T00:00:00Z"),  // a Monday 00:00 UTC
      Utc("2025-12-29T00:00:00Z"),  // a Monday 00:00 UTC across the year's end
  };
  const sys_seconds anchor =
      anchors[std::uniform_int_distribution<std::size_t>(0, anchors.size() - 1)(rng)];
  return anchor + minutes{std::uniform_int_distribution<int>(-3 * 24 * 60, 24 * 60)(rng)};
}

TEST(Timetable, WeekStartIsMondayMidnightUtc) {
  EXPECT_EQ(Timetable::WeekStart(Utc("2025-06-02T00:00:00Z")), Utc("2025-06-02T00:00:00Z"));
  EXPECT_EQ(Timetable::WeekStart(Utc("2025-06-01T23:59:00Z")), Utc("2025-05-26T00:00:00Z"));
  EXPECT_EQ(Timetable::WeekStart(Utc("2025-06-04T12:00:00Z")), Utc("2025-06-02T00:00:00Z"));
}

TEST(Timetable, BuildRejectsAWeekStartThatIsNoMondayMidnight) {
  auto network = test::Build({test::Shenyang(), test::Incheon()},
                             {Flight("SHE-ICN", "SHE", "ICN", {{Weekday{1}, "08:00"}}, 150)});
  ASSERT_TRUE(network.ok());
  const ScenarioView view = ScenarioView::Operating(**network, kAsOf);
  StopCheck stop;
  auto table = Timetable::Build(view, Utc("2025-06-03T00:00:00Z"), stop);
  ASSERT_FALSE(table.ok());
  EXPECT_EQ(table.error().field, "week_start");
}

TEST(Timetable, SelectFlightsEqualsExpandViewOnRandomNetworks) {
  int flights = 0;
  int truncated = 0;
  for (unsigned seed = 1; seed <= 80; ++seed) {
    SCOPED_TRACE("seed " + std::to_string(seed));
    std::mt19937 rng(seed);
    auto network = RandomNetwork(rng);
    ASSERT_NE(network, nullptr);
    const ScenarioView view = ScenarioView::Operating(*network, kAsOf);
    TimetableCache cache(std::make_shared<const ScenarioView>(view));
    for (int round = 0; round < 6; ++round) {
      const sys_seconds from = InterestingReady(rng);
      const sys_seconds to =
          from + minutes{std::uniform_int_distribution<int>(-60, 25 * 24 * 60)(rng)};
      FlightFilter filter;
      filter.min_payload_kg = std::uniform_int_distribution<int>(0, 3)(rng) * 15'000;
      // From every route to a few.
      const unsigned keep_one_in = std::array{1U, 2U, 3U, 30U}[rng() % 4];
      RouteSet only(view.route_count());
      for (std::uint32_t i = 0; i < view.route_count(); ++i) {
        if (rng() % keep_one_in == 0) only.Insert(RouteId{i});
      }
      if (rng() % 2 == 0) filter.only_routes = &only;
      StopCheck stop;
      auto expected = ExpandView(view, from, to, filter, stop);
      ASSERT_TRUE(expected.ok());
      auto weeks = cache.Weeks(from, to, stop);
      ASSERT_TRUE(weeks.ok());
      auto selected = SelectFlights(*weeks, from, to, filter, stop);
      ASSERT_TRUE(selected.ok()) << selected.error().ToString();
      EXPECT_EQ(Texts(*selected), Texts(*expected))
          << FormatUtc(from) << " .. " << FormatUtc(to) << " min " << filter.min_payload_kg;
      EXPECT_EQ(selected->window_flights, expected->flights.size());
      EXPECT_FALSE(selected->truncated());
      flights += static_cast<int>(expected->flights.size());

      // With a copy limit: exactly the expansion's flights leaving up to it, in the same order,
      // and still the whole window's count.
      const sys_seconds copy_until =
          from + minutes{std::uniform_int_distribution<int>(-60, 10 * 24 * 60)(rng)};
      auto prefix = SelectFlights(*weeks, from, to, filter, stop, copy_until);
      ASSERT_TRUE(prefix.ok()) << prefix.error().ToString();
      DatedTimetable expected_prefix = *expected;
      std::erase_if(expected_prefix.flights,
                    [&](const DatedFlight& f) { return f.departure > copy_until; });
      EXPECT_EQ(Texts(*prefix), Texts(expected_prefix)) << "copy until " << FormatUtc(copy_until);
      EXPECT_EQ(prefix->window_flights, expected->flights.size());
      EXPECT_EQ(prefix->truncated(), expected_prefix.flights.size() < expected->flights.size());
      if (prefix->truncated()) ++truncated;

      // Consecutive slices (up to copy_until, then up to a later limit, then the rest) append
      // into the whole list.
      const sys_seconds later =
          copy_until + minutes{std::uniform_int_distribution<int>(0, 10 * 24 * 60)(rng)};
      auto middle = SelectFlights(*weeks, from, to, filter, stop, later, copy_until);
      auto rest = SelectFlights(*weeks, from, to, filter, stop, sys_seconds::max(), later,
                                WindowCount::kSkip);
      ASSERT_TRUE(middle.ok() && rest.ok());
      DatedTimetable joined = *prefix;
      joined.flights.insert(joined.flights.end(), middle->flights.begin(), middle->flights.end());
      joined.flights.insert(joined.flights.end(), rest->flights.begin(), rest->flights.end());
      EXPECT_EQ(Texts(joined), Texts(*expected))
          << "slices at " << FormatUtc(copy_until) << " and " << FormatUtc(later);
      EXPECT_EQ(middle->window_flights, expected->flights.size());
      EXPECT_EQ(rest->window_flights, 0U);  // WindowCount::kSkip: not counted
    }
  }
  EXPECT_GT(flights, 10'000);  // the seeds do produce flights to compare
  EXPECT_GT(truncated, 100);
}

// The scan fed in slices (each appended to one vector, as PlanItinerary reads a horizon) answers
// as one scan over the whole list, after every slice when it has stopped, and at the end.
TEST(EarliestScan, InSlicesEqualsOneScanOverTheWhole) {
  int chains = 0;
  int stopped_early = 0;
  for (unsigned seed = 1; seed <= 60; ++seed) {
    SCOPED_TRACE("seed " + std::to_string(seed));
    std::mt19937 rng(seed);
    auto pick = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
    auto network = RandomNetwork(rng);
    ASSERT_NE(network, nullptr);
    const ScenarioView view = ScenarioView::Operating(*network, kAsOf);
    const int n = static_cast<int>(network->airports().size());
    for (int round = 0; round < 6; ++round) {
      const sys_seconds ready = InterestingReady(rng);
      StopCheck stop;
      auto whole = ExpandView(view, ready, ready + days{pick(1, 20)}, {}, stop);
      ASSERT_TRUE(whole.ok());
      ScanRules rules;
      rules.origin = AirportId{static_cast<std::uint32_t>(pick(0, n - 1))};
      rules.destination =
          AirportId{static_cast<std::uint32_t>((rules.origin.value + pick(1, n - 1)) % n)};
      rules.export_clearance = minutes{pick(0, 3) * 60};
      rules.import_clearance = minutes{pick(0, 3) * 60};
      for (int a = 0; a < n; ++a) rules.connection.push_back(minutes{pick(0, 4) * 45});
      rules.max_legs = pick(1, 4);
      const int k = pick(1, 4);
      auto expected = ScanEarliest(whole->flights, rules, ready, k, stop);
      ASSERT_TRUE(expected.ok());

      std::vector<DatedFlight> fed;
      EarliestScan scan(fed, rules, ready, k);
      std::size_t at = 0;
      while (at < whole->flights.size() && !scan.stopped()) {
        const std::size_t next =
            std::min(whole->flights.size(), at + static_cast<std::size_t>(pick(0, 40)));
        fed.insert(fed.end(), whole->flights.begin() + static_cast<std::ptrdiff_t>(at),
                   whole->flights.begin() + static_cast<std::ptrdiff_t>(next));
        at = next;
        ASSERT_FALSE(scan.Resume(stop));
      }
      if (at < whole->flights.size()) ++stopped_early;
      const std::vector<FlightChain> got = scan.Chains();
      ASSERT_EQ(got.size(), expected->size());
      for (std::size_t i = 0; i < got.size(); ++i) {
        EXPECT_EQ(got[i].flights, (*expected)[i].flights);
        EXPECT_EQ(got[i].delivered, (*expected)[i].delivered);
      }
      chains += static_cast<int>(got.size());
    }
  }
  EXPECT_GT(chains, 100);
  EXPECT_GT(stopped_early, 20);  // slices the scan never needed were left unread
}

TEST(Timetable, SelectFlightsNeedsWeeksCoveringTheWindow) {
  auto network = test::Build({test::Shenyang(), test::Incheon()},
                             {Flight("SHE-ICN", "SHE", "ICN", {{Weekday{1}, "08:00"}}, 150)});
  ASSERT_TRUE(network.ok());
  const ScenarioView view = ScenarioView::Operating(**network, kAsOf);
  StopCheck stop;
  auto week = Timetable::Build(view, Utc("2025-06-02T00:00:00Z"), stop);
  ASSERT_TRUE(week.ok());
  auto selected =
      SelectFlights({*week}, Utc("2025-06-05T00:00:00Z"), Utc("2025-06-10T00:00:00Z"), {}, stop);
  ASSERT_FALSE(selected.ok());
  EXPECT_EQ(selected.error().code, ErrorCode::kInternal);
}

void ExpectSamePlans(const ScenarioView& view, TimetableCache& cache, const ItineraryQuery& q) {
  StopCheck stop;
  const std::string expanded = Describe(PlanItinerary(view, q, stop));
  const std::string shared = Describe(PlanItinerary(view, q, cache, stop));
  EXPECT_EQ(shared, expanded) << "ready " << FormatUtc(q.ready) << " " << q.origin.value << "->"
                              << q.destination.value;
}

// ExpectSamePlans on eight random queries of `view` (ready times near DST changes and week
// boundaries, horizons of days, or of minutes too); returns the itineraries found.
int ExpectSamePlansOnRandomQueries(const ScenarioView& view, TimetableCache& cache,
                                   std::mt19937& rng, bool minute_horizons) {
  auto pick = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
  const int n = static_cast<int>(view.network().airports().size());
  int found = 0;
  for (int round = 0; round < 8; ++round) {
    ItineraryQuery q;
    q.origin = AirportId{static_cast<std::uint32_t>(pick(0, n - 1))};
    q.destination = AirportId{static_cast<std::uint32_t>((q.origin.value + pick(1, n - 1)) % n)};
    q.ready = InterestingReady(rng);
    q.horizon = days{pick(1, 20)};
    if (minute_horizons && pick(0, 3) == 0) q.horizon = minutes{pick(30, 3000)};
    q.k = pick(1, 5);
    q.max_legs = pick(1, 4);
    q.shipment_kg = pick(0, 2) == 0 ? pick(0, 60) * 1000 : 0;
    if (pick(0, 2) == 0) q.arrive_by = q.ready + hours{pick(1, 24 * 25)};
    ExpectSamePlans(view, cache, q);
    StopCheck stop;
    auto plan = PlanItinerary(view, q, cache, stop);
    if (plan.ok()) found += static_cast<int>(plan->itineraries.size());
  }
  return found;
}

TEST(PlanItineraryOnTimetables, SameAsPerRequestExpansionOnRandomNetworks) {
  int found = 0;
  for (unsigned seed = 1; seed <= 60; ++seed) {
    SCOPED_TRACE("seed " + std::to_string(seed));
    std::mt19937 rng(seed);
    auto network = RandomNetwork(rng);
    ASSERT_NE(network, nullptr);
    auto view = std::make_shared<const ScenarioView>(ScenarioView::Operating(*network, kAsOf));
    TimetableCache cache(view);
    found += ExpectSamePlansOnRandomQueries(*view, cache, rng, /*minute_horizons=*/true);
  }
  EXPECT_GT(found, 100);  // the seeds do produce itineraries to compare
}

TEST(PlanItineraryOnTimetables, SameAsPerRequestExpansionOnShenyangNetwork) {
  auto network =
      formats::LoadNetworkFile(AIRCARGO_SOURCE_DIR "/routes/networks/shenyang.textproto");
  ASSERT_TRUE(network.ok()) << network.error().ToString();
  const Network& world = **network;
  auto view = std::make_shared<const ScenarioView>(ScenarioView::Operating(world, kAsOf));
  TimetableCache cache(view);
  const AirportId she = *world.FindAirport("SHE");
  const std::size_t n = world.airports().size();
  std::mt19937 rng(13);
  int found = 0;
  int queries = 0;
  // SHE to every airport and back, from ready times around DST changes and week boundaries.
  for (std::uint32_t other = 0; other < n; ++other) {
    if (AirportId{other} == she) continue;
    for (int direction = 0; direction < 2; ++direction) {
      ItineraryQuery q;
      q.origin = direction == 0 ? she : AirportId{other};
      q.destination = direction == 0 ? AirportId{other} : she;
      q.ready = InterestingReady(rng);
      q.k = static_cast<int>(rng() % 3) + 1;
      if (rng() % 3 == 0) q.arrive_by = q.ready + days{static_cast<int>(rng() % 20) + 1};
      ExpectSamePlans(*view, cache, q);
      StopCheck stop;
      auto plan = PlanItinerary(*view, q, cache, stop);
      ASSERT_TRUE(plan.ok());
      found += static_cast<int>(plan->itineraries.size());
      ++queries;
    }
  }
  EXPECT_GT(found, queries / 2);
}

// A cache that does not hold every flight of the view: another network's, or a view that can use
// a route the cache's view cannot (the planned routes over the operating view, an extra route).
TEST(PlanItineraryOnTimetables, RejectsACacheThatDoesNotServeTheView) {
  const std::vector<Airport> airports = {test::Shenyang(), test::Incheon()};
  RouteInput planned = Flight("SHE-ICN-P", "SHE", "ICN", {{Weekday{2}, "09:00"}}, 150);
  planned.status = RouteStatus::kPlanned;
  auto network = test::Build(
      airports, {Flight("SHE-ICN", "SHE", "ICN", {{Weekday{1}, "08:00"}}, 150), planned});
  auto other_network =
      test::Build(airports, {Flight("SHE-ICN", "SHE", "ICN", {{Weekday{1}, "08:00"}}, 150)});
  ASSERT_TRUE(network.ok() && other_network.ok());
  const ScenarioView view = ScenarioView::Operating(**network, kAsOf);
  TimetableCache elsewhere(
      std::make_shared<const ScenarioView>(ScenarioView::Operating(**other_network, kAsOf)));
  TimetableCache operating(std::make_shared<const ScenarioView>(view));
  Scenario with_planned;
  with_planned.as_of = kAsOf;
  with_planned.include_planned = true;
  const auto planned_view = ScenarioView::Make(**network, with_planned);
  Scenario with_extra;
  with_extra.as_of = kAsOf;
  with_extra.extra_routes.push_back(
      Flight("SHE-ICN-X", "SHE", "ICN", {{Weekday{3}, "10:00"}}, 150));
  const auto extra_view = ScenarioView::Make(**network, with_extra);
  ASSERT_TRUE(planned_view.ok() && extra_view.ok());
  EXPECT_TRUE(operating.Serves(view));
  EXPECT_FALSE(elsewhere.Serves(view));
  EXPECT_FALSE(operating.Serves(*planned_view));
  EXPECT_FALSE(operating.Serves(*extra_view));
  ItineraryQuery q;
  q.origin = *(*network)->FindAirport("SHE");
  q.destination = *(*network)->FindAirport("ICN");
  q.ready = Utc("2025-06-02T00:00:00Z");
  StopCheck stop;
  for (const auto& [v, cache] : {std::pair<const ScenarioView*, TimetableCache*>{&view, &elsewhere},
                                 {&*planned_view, &operating},
                                 {&*extra_view, &operating}}) {
    auto plan = PlanItinerary(*v, q, *cache, stop);
    ASSERT_FALSE(plan.ok());
    EXPECT_EQ(plan.error().code, ErrorCode::kInternal);
  }
}

// A what-if view that only closes routes and airports, excludes carriers or scales capacities
// reads the operating view's shared weeks (filtered to its own routes) and plans exactly as it
// does on its own expanded flights; so does another view equal to the operating one.
TEST(PlanItineraryOnTimetables, WhatIfViewsOnTheSharedWeeksPlanAsTheirOwnExpansion) {
  int found = 0;
  int closed = 0;
  for (unsigned seed = 1; seed <= 40; ++seed) {
    SCOPED_TRACE("seed " + std::to_string(seed));
    std::mt19937 rng(seed + 1000);
    auto pick = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
    auto network = RandomNetwork(rng);
    ASSERT_NE(network, nullptr);
    auto operating = std::make_shared<const ScenarioView>(ScenarioView::Operating(*network, kAsOf));
    TimetableCache cache(operating);
    const int n = static_cast<int>(network->airports().size());
    const int routes = static_cast<int>(network->routes().size());
    Scenario s;
    s.as_of = kAsOf;
    for (int i = pick(0, 3); i > 0; --i) {
      s.closed_routes.push_back(RouteId{static_cast<std::uint32_t>(pick(0, routes - 1))});
    }
    if (pick(0, 2) == 0)
      s.closed_airports.push_back(AirportId{static_cast<std::uint32_t>(pick(0, n - 1))});
    for (int i = pick(0, 3); i > 0; --i) {
      s.capacity_factors.push_back(
          {RouteId{static_cast<std::uint32_t>(pick(0, routes - 1))}, "", pick(0, 20) / 10.0});
    }
    const auto what_if = ScenarioView::Make(*operating, s);
    ASSERT_TRUE(what_if.ok()) << what_if.error().ToString();
    ASSERT_TRUE(cache.Serves(*what_if));
    for (std::uint32_t r = 0; r < what_if->route_count(); ++r) {
      closed += operating->usable(RouteId{r}) && !what_if->usable(RouteId{r});
    }
    found += ExpectSamePlansOnRandomQueries(*what_if, cache, rng, /*minute_horizons=*/false);
  }
  EXPECT_GT(found, 60);
  EXPECT_GT(closed, 40);  // the scenarios do close routes the shared weeks hold
}

TEST(PlanItineraryOnTimetables, LongWindowsExpandTheirOwnFlights) {
  std::mt19937 rng(5);
  auto network = RandomNetwork(rng);
  ASSERT_NE(network, nullptr);
  auto view = std::make_shared<const ScenarioView>(ScenarioView::Operating(*network, kAsOf));
  TimetableCache cache(view);
  ItineraryQuery q;
  q.origin = AirportId{0};
  q.destination = AirportId{1};
  q.ready = Utc("2025-06-02T00:00:00Z");
  q.horizon = days{40};  // six weeks: more than kMaxWeeksPerRequest
  ExpectSamePlans(*view, cache, q);
  EXPECT_EQ(cache.stats().builds, 0);
  q.horizon = days{21};  // four weeks
  ExpectSamePlans(*view, cache, q);
  EXPECT_EQ(cache.stats().builds, 4);
}

TEST(TimetableCache, EvictsTheLeastRecentlyUsedWeekBeyondItsBudget) {
  std::mt19937 rng(3);
  auto network = RandomNetwork(rng);
  ASSERT_NE(network, nullptr);
  auto view = std::make_shared<const ScenarioView>(ScenarioView::Operating(*network, kAsOf));
  StopCheck stop;
  const sys_seconds w1 = Utc("2025-06-02T00:00:00Z");
  const sys_seconds w2 = w1 + Timetable::kWeek;
  const sys_seconds w3 = w2 + Timetable::kWeek;
  auto one = Timetable::Build(*view, w1, stop);
  ASSERT_TRUE(one.ok());
  // Room for two weeks (the weeks of one network differ in size only by a few flights).
  TimetableCache cache(view, 2 * (*one)->bytes() + (*one)->bytes() / 2);
  auto at = [&](sys_seconds week) {
    auto weeks = cache.Weeks(week, week, stop);
    EXPECT_TRUE(weeks.ok());
  };
  at(w1);
  at(w2);
  at(w1);  // w2 is now the least recently used
  at(w3);  // evicts w2
  EXPECT_EQ(cache.stats().builds, 3);
  EXPECT_EQ(cache.stats().evictions, 1);
  EXPECT_EQ(cache.stats().weeks, 2u);
  at(w1);  // still held
  EXPECT_EQ(cache.stats().builds, 3);
  at(w2);  // built again
  EXPECT_EQ(cache.stats().builds, 4);
  EXPECT_LE(cache.stats().bytes, 2 * (*one)->bytes() + (*one)->bytes() / 2);
}

TEST(TimetableCache, KeepsTheWeeksOfTheCurrentCallEvenOverBudget) {
  std::mt19937 rng(4);
  auto network = RandomNetwork(rng);
  ASSERT_NE(network, nullptr);
  auto view = std::make_shared<const ScenarioView>(ScenarioView::Operating(*network, kAsOf));
  TimetableCache cache(view, 1);
  StopCheck stop;
  auto weeks = cache.Weeks(Utc("2025-06-02T00:00:00Z"), Utc("2025-06-20T00:00:00Z"), stop);
  ASSERT_TRUE(weeks.ok());
  ASSERT_EQ(weeks->size(), 3u);
  EXPECT_EQ(cache.stats().weeks, 3u);
  weeks = cache.Weeks(Utc("2025-07-02T00:00:00Z"), Utc("2025-07-02T00:00:00Z"), stop);
  ASSERT_TRUE(weeks.ok());
  EXPECT_EQ(cache.stats().weeks, 1u);  // the earlier three went
  EXPECT_EQ(cache.stats().evictions, 3);
}

TEST(TimetableCache, ConcurrentCallersOfOneWeekShareOneBuild) {
  auto network =
      formats::LoadNetworkFile(AIRCARGO_SOURCE_DIR "/routes/networks/shenyang.textproto");
  ASSERT_TRUE(network.ok());
  auto view = std::make_shared<const ScenarioView>(ScenarioView::Operating(**network, kAsOf));
  TimetableCache cache(view);
  constexpr int kThreads = 8;
  std::latch start(kThreads);
  std::vector<TimetableWeeks> got(kThreads);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      start.arrive_and_wait();
      StopCheck stop;
      auto weeks = cache.Weeks(Utc("2025-03-05T00:00:00Z"), Utc("2025-03-19T00:00:00Z"), stop);
      if (weeks.ok()) got[t] = *weeks;
    });
  }
  for (std::thread& thread : threads) thread.join();
  EXPECT_EQ(cache.stats().builds, 3);  // three weeks, each built once
  EXPECT_EQ(cache.stats().hits, 3 * (kThreads - 1));
  for (int t = 0; t < kThreads; ++t) {
    ASSERT_EQ(got[t].size(), 3u) << "thread " << t;
    for (std::size_t w = 0; w < 3; ++w) EXPECT_EQ(got[t][w], got[0][w]);  // the very same week
  }
}

TEST(PlanItineraryOnTimetables, ThreadsPlanningOnOneSharedCacheAgreeWithExpansion) {
  auto network =
      formats::LoadNetworkFile(AIRCARGO_SOURCE_DIR "/routes/networks/shenyang.textproto");
  ASSERT_TRUE(network.ok());
  const Network& world = **network;
  auto view = std::make_shared<const ScenarioView>(ScenarioView::Operating(world, kAsOf));
  // Queries and the answers of the per-request expansion, computed on this thread.
  std::mt19937 rng(29);
  const std::uint32_t n = static_cast<std::uint32_t>(world.airports().size());
  std::vector<ItineraryQuery> queries;
  std::vector<std::string> expected;
  while (queries.size() < 24) {
    ItineraryQuery q;
    q.origin = AirportId{static_cast<std::uint32_t>(rng() % n)};
    q.destination = AirportId{static_cast<std::uint32_t>(rng() % n)};
    if (q.origin == q.destination) continue;
    q.ready = Utc("2025-03-06T00:00:00Z") + hours{static_cast<int>(rng() % 48)};
    q.k = 2;
    StopCheck stop;
    expected.push_back(Describe(PlanItinerary(*view, q, stop)));
    queries.push_back(q);
  }
  TimetableCache cache(view);
  constexpr int kThreads = 4;
  std::latch start(kThreads);
  std::atomic<int> mismatches{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      start.arrive_and_wait();
      for (std::size_t i = 0; i < queries.size(); ++i) {
        const std::size_t at = (i + static_cast<std::size_t>(t) * 5) % queries.size();
        StopCheck stop;
        if (Describe(PlanItinerary(*view, queries[at], cache, stop)) != expected[at]) ++mismatches;
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  EXPECT_EQ(mismatches.load(), 0);
  EXPECT_EQ(cache.stats().builds, 3);  // 6 Mar + 14 days: three weeks, each built once
}

}  // namespace
}  // namespace aircargo::routes
