// Protects the embedded default network (routes/networks/shenyang.textproto): the facts the
// product is introduced with must stay true and traceable (its table in docs/data.md:
// shenyang_doc_test.cc).
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <iterator>
#include <map>
#include <queue>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "routes/geo.h"
#include "routes/scenario_view.h"
#include "tests/data/shenyang_test_support.h"

namespace aircargo {
namespace {

using data_test::Iata;
using data_test::Shenyang;
using data_test::Urls;

using routes::EvidenceBasis;
using routes::Mode;
using routes::Network;
using routes::Route;
using routes::RouteStatus;

TEST(ShenyangNetwork, EmbeddedNetworkLoadsAndValidates) {
  auto loaded = server::LoadDefaultNetwork();
  ASSERT_TRUE(loaded.ok()) << loaded.error().ToString();
  EXPECT_EQ((*loaded)->version(), 1);
  EXPECT_FALSE((*loaded)->name().empty());
}

TEST(ShenyangNetwork, HasEveryRequiredHubAndGatewayWithGroundTimes) {
  const auto n = Shenyang();
  ASSERT_NE(n, nullptr);
  for (const char* code : {"SHE", "ANC", "ICN", "FRA", "AMS", "LGG", "SVO", "OVB", "VVO", "CJJ",
                           "PVG", "PEK", "CAN", "LAX", "ORD", "MIA", "YVR"}) {
    const auto id = n->FindAirport(code);
    ASSERT_TRUE(id.has_value()) << code;
    const routes::Airport& a = n->airport(*id);
    EXPECT_EQ(a.icao.size(), 4u) << code;
    EXPECT_FALSE(a.name.empty()) << code;
    EXPECT_FALSE(a.city.empty()) << code;
    EXPECT_GT(a.min_connection_minutes, 0) << code;
    EXPECT_GT(a.export_clearance_minutes, 0) << code;
    EXPECT_GT(a.import_clearance_minutes, 0) << code;
  }
}

// docs/data.md states the clearance baseline (export 240 min, import 360 min) and SHE's Single
// Window cut of 30 % against it.
TEST(ShenyangNetwork, SheClearanceReflectsTheSingleWindowCut) {
  const auto n = Shenyang();
  ASSERT_NE(n, nullptr);
  const routes::Airport& she = n->airport(*n->FindAirport("SHE"));
  EXPECT_EQ(she.export_clearance_minutes, 240 * 7 / 10);
  EXPECT_EQ(she.import_clearance_minutes, 360 * 7 / 10);
}

TEST(ShenyangNetwork, VancouverFreighterIsOperatingWithItsFirstFlightRecorded) {
  const auto n = Shenyang();
  ASSERT_NE(n, nullptr);
  const auto id = n->FindRoute("SHE-YVR-W8");
  ASSERT_TRUE(id.has_value());
  const Route& r = n->route(*id);
  EXPECT_EQ(Iata(*n, r.origin), "SHE");
  EXPECT_EQ(Iata(*n, r.destination), "YVR");
  EXPECT_EQ(r.status, RouteStatus::kOperating);
  EXPECT_EQ(r.mode, Mode::kFreighter);
  EXPECT_EQ(r.aircraft, "B767-300F");
  EXPECT_EQ(r.flights_per_week, 1) << "1 flight/week at launch";
  ASSERT_TRUE(r.effective_from.has_value());
  EXPECT_EQ(routes::FormatIsoDate(*r.effective_from), "2024-11-17");
  EXPECT_NE(r.source.find("43.5 t"), std::string::npos) << r.source;
}

bool HasTag(const Route& r, const std::string& tag) {
  return std::find(r.tags.begin(), r.tags.end(), tag) != r.tags.end();
}

bool Cites(const Route& r, const std::string& text) {
  return r.source.find(text) != std::string::npos;
}

routes::ScenarioView ViewOn(const Network& n, const char* date, bool include_planned) {
  routes::Scenario s;
  s.as_of = *routes::ParseIsoDate(date);
  s.include_planned = include_planned;
  auto view = routes::ScenarioView::Make(n, s);
  EXPECT_TRUE(view.ok());
  return std::move(view).value();
}

bool Usable(const routes::ScenarioView& view, const char* id) {
  return view.usable(*view.network().FindRoute(id));
}

// The 2025 plan stays computable whatever the routes' status today: ten routes from SHE carry the
// tag, all effective in 2025, three announced and seven candidates.
TEST(ShenyangNetwork, TenRoutesFromSheCarryThePlan2025Tag) {
  const auto n = Shenyang();
  ASSERT_NE(n, nullptr);
  std::set<std::string> tagged;
  int candidates = 0;
  int announced = 0;
  for (const Route& r : n->routes()) {
    if (!HasTag(r, "plan-2025")) continue;
    tagged.insert(r.id);
    EXPECT_EQ(Iata(*n, r.origin), "SHE") << r.id;
    ASSERT_TRUE(r.effective_from.has_value()) << r.id;
    EXPECT_EQ(r.effective_from->year(), std::chrono::year{2025}) << r.id;
    EXPECT_NE(r.status, RouteStatus::kSuspended) << r.id;
    if (r.basis == EvidenceBasis::kCandidate) {
      ++candidates;
      EXPECT_EQ(r.status, RouteStatus::kPlanned) << r.id << ": a candidate cannot be flying";
      EXPECT_TRUE(HasTag(r, "candidate")) << r.id;
    } else {
      EXPECT_EQ(r.basis, EvidenceBasis::kAnnounced) << r.id;
      ++announced;
    }
  }
  EXPECT_EQ(tagged.size(), 10u);
  EXPECT_EQ(announced, 3);
  EXPECT_EQ(candidates, 7);
  for (const char* id : {"SHE-MIA-CA", "SHE-YVR-W8-RAMP", "SHE-VVO-UNKNOWN"}) {
    EXPECT_TRUE(tagged.contains(id)) << id;
  }
}

TEST(ShenyangNetwork, MiamiOperatesFromItsReportedLaunchWithItsInferencesStated) {
  const auto n = Shenyang();
  ASSERT_NE(n, nullptr);
  const Route& mia = n->route(*n->FindRoute("SHE-MIA-CA"));
  EXPECT_EQ(mia.status, RouteStatus::kOperating);
  EXPECT_EQ(mia.basis, EvidenceBasis::kAnnounced);
  ASSERT_TRUE(mia.effective_from.has_value());
  EXPECT_EQ(routes::FormatIsoDate(*mia.effective_from), "2025-04-26");
  EXPECT_EQ(mia.flights_per_week, 3);
  EXPECT_TRUE(Cites(mia, "3 flights/week initially")) << mia.source;
  EXPECT_TRUE(Cites(mia, "inferred, not stated: the date 2025-04-26")) << mia.source;
  const Route& back = n->route(*n->FindRoute("MIA-SHE-CA"));
  EXPECT_EQ(back.status, RouteStatus::kOperating);
  EXPECT_EQ(back.basis, EvidenceBasis::kAssumed);

  // In today's view MIA and the Latin American services behind it are reachable.
  const auto june = ViewOn(*n, "2025-06-01", /*include_planned=*/false);
  EXPECT_TRUE(Usable(june, "SHE-MIA-CA"));
  EXPECT_TRUE(Usable(june, "MIA-BOG-AV"));
  EXPECT_FALSE(Usable(ViewOn(*n, "2025-04-25", false), "SHE-MIA-CA"));
}

TEST(ShenyangNetwork, VladivostokFlewAugustToOctober2025AndIsPlannedAgainFromMarch2026) {
  const auto n = Shenyang();
  ASSERT_NE(n, nullptr);
  for (const char* id : {"SHE-VVO-UNKNOWN", "VVO-SHE-UNKNOWN"}) {
    const Route& r = n->route(*n->FindRoute(id));
    EXPECT_EQ(r.status, RouteStatus::kOperating) << id;
    ASSERT_TRUE(r.effective_to.has_value()) << id;
    EXPECT_EQ(routes::FormatIsoDate(*r.effective_to), "2025-10-31") << id;
  }
  const auto vvo = *n->FindAirport("VVO");
  const auto touches_vvo = [&](const routes::ScenarioView& view) {
    int usable = 0;
    for (std::uint32_t i = 0; i < view.route_count(); ++i) {
      const Route& r = view.route(routes::RouteId(i));
      if (view.usable(routes::RouteId(i)) && (r.origin == vvo || r.destination == vvo)) ++usable;
    }
    return usable;
  };
  EXPECT_EQ(touches_vvo(ViewOn(*n, "2025-09-01", false)), 2);
  EXPECT_EQ(touches_vvo(ViewOn(*n, "2026-01-15", false)), 0);
  EXPECT_EQ(touches_vvo(ViewOn(*n, "2026-01-15", true)), 0) << "suspended until March 2026";
  EXPECT_EQ(touches_vvo(ViewOn(*n, "2026-03-15", true)), 2);
  EXPECT_TRUE(Usable(ViewOn(*n, "2026-03-15", true), "SHE-VVO-UNKNOWN-2026"));
}

// Freighters fly back, but no report states the return flights: they are assumptions. The Dubai
// service was announced; its legs are not "sourced".
TEST(ShenyangNetwork, ReturnFreightersAreAssumedAndTheDubaiServiceIsAnnounced) {
  const auto n = Shenyang();
  ASSERT_NE(n, nullptr);
  for (const Route& r : n->routes()) {
    if (HasTag(r, "return") && r.mode == Mode::kFreighter) {
      EXPECT_TRUE(r.basis == EvidenceBasis::kAssumed || r.basis == EvidenceBasis::kCandidate)
          << r.id << " is " << routes::BasisName(r.basis);
    }
    if (HasTag(r, "through-service")) {
      EXPECT_EQ(r.basis, HasTag(r, "return") ? EvidenceBasis::kAssumed : EvidenceBasis::kAnnounced)
          << r.id;
    }
  }
  for (const char* id : {"LAX-SHE-CA", "ORD-SHE-CA", "YVR-SHE-W8"}) {
    EXPECT_EQ(n->route(*n->FindRoute(id)).basis, EvidenceBasis::kAssumed) << id;
  }
}

// The China Daily article is the project's starting point: cite it, not "not found". The
// partnerships it reports are technology collaborations; the -50 % figure is Mexico Business
// News's; ICN's shares are of its sea-air transshipment only.
TEST(ShenyangNetwork, ProvenanceNotesCiteWhatTheReferenceAttributes) {
  const auto n = Shenyang();
  ASSERT_NE(n, nullptr);
  for (const Route& r : n->routes()) {
    EXPECT_FALSE(Cites(r, "not found") && Cites(r, "China Daily")) << r.id;
    EXPECT_FALSE(Cites(r, "project brief")) << r.id;
    EXPECT_FALSE(Cites(r, "partnership")) << r.id;
    if (Cites(r, "+32.4 %") || Cites(r, "43.5 t")) {
      EXPECT_TRUE(Cites(r, "China Daily")) << r.id;
    }
    if (Cites(r, "about 50 %")) {
      EXPECT_TRUE(Cites(r, "mexicobusiness.news")) << r.id;
    }
    if (Cites(r, "47 %")) {
      EXPECT_TRUE(Cites(r, "sea-air")) << r.id;
    }
  }
  for (const char* id : {"SHE-OVB-UNKNOWN", "SHE-CJJ-UNKNOWN"}) {
    EXPECT_TRUE(Cites(n->route(*n->FindRoute(id)), "technology collaboration")) << id;
  }
  std::ifstream in(AIRCARGO_SOURCE_DIR "/routes/networks/shenyang.textproto");
  const std::string file((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  EXPECT_EQ(file.find("was not found"), std::string::npos);
  EXPECT_EQ(file.find("Every route's `source` field cites the public"), std::string::npos);
}

// Routes resting on a report (sourced, announced, inferred) cite it by URL.
TEST(ShenyangNetwork, EveryRouteThatRestsOnAReportCitesAUrl) {
  const auto n = Shenyang();
  ASSERT_NE(n, nullptr);
  for (const Route& r : n->routes()) {
    if (r.basis == EvidenceBasis::kSourced || r.basis == EvidenceBasis::kAnnounced ||
        r.basis == EvidenceBasis::kInferred) {
      EXPECT_FALSE(Urls(r.source).empty()) << r.id;
    }
  }
}

TEST(ShenyangNetwork, YvrRampTakesVancouverFromOneToThreeFlightsAWeek) {
  const auto n = Shenyang();
  ASSERT_NE(n, nullptr);
  const Route& base = n->route(*n->FindRoute("SHE-YVR-W8"));
  const Route& ramp = n->route(*n->FindRoute("SHE-YVR-W8-RAMP"));
  EXPECT_EQ(ramp.status, RouteStatus::kPlanned);
  EXPECT_EQ(base.flights_per_week + ramp.flights_per_week, 3);
}

TEST(ShenyangNetwork, EveryRouteHasASourceAndASchedule) {
  const auto n = Shenyang();
  ASSERT_NE(n, nullptr);
  for (const Route& r : n->routes()) {
    EXPECT_FALSE(r.source.empty()) << r.id;
    EXPECT_EQ(static_cast<int>(r.departures.size()), r.flights_per_week) << r.id;
    EXPECT_GT(r.cost_per_kg_micros, 0) << r.id;
  }
}

// Every route states its evidence level in `basis`, and the citation in `source` opens with the
// same word, so the two cannot drift apart.
TEST(ShenyangNetwork, EveryRouteStatesABasisThatItsSourceOpensWith) {
  const auto n = Shenyang();
  ASSERT_NE(n, nullptr);
  for (const Route& r : n->routes()) {
    EXPECT_NE(r.basis, routes::EvidenceBasis::kUnspecified) << r.id;
    const std::string word = routes::BasisName(r.basis);
    EXPECT_EQ(r.source.substr(0, word.size() + 1), word + ":") << r.id << ": " << r.source;
  }
}

TEST(ShenyangNetwork, OperatingRoutesFromSheFlyBack) {
  const auto n = Shenyang();
  ASSERT_NE(n, nullptr);
  const auto she = *n->FindAirport("SHE");
  std::set<std::string> inbound_origins;
  for (routes::RouteId id : n->inbound(she)) {
    inbound_origins.insert(Iata(*n, n->route(id).origin));
  }
  for (routes::RouteId id : n->outbound(she)) {
    const Route& r = n->route(id);
    if (r.status != RouteStatus::kOperating) continue;
    EXPECT_TRUE(inbound_origins.contains(Iata(*n, r.destination)))
        << r.id << " has no return route";
  }
}

TEST(ShenyangNetwork, EveryAirportIsReachableFromSheWithPlannedRoutes) {
  const auto n = Shenyang();
  ASSERT_NE(n, nullptr);
  std::vector<bool> seen(n->airports().size(), false);
  std::queue<routes::AirportId> frontier;
  frontier.push(*n->FindAirport("SHE"));
  seen[frontier.front().value] = true;
  while (!frontier.empty()) {
    const routes::AirportId a = frontier.front();
    frontier.pop();
    for (routes::RouteId id : n->outbound(a)) {
      const Route& r = n->route(id);
      if (r.status == RouteStatus::kSuspended || seen[r.destination.value]) continue;
      seen[r.destination.value] = true;
      frontier.push(r.destination);
    }
  }
  for (std::size_t i = 0; i < seen.size(); ++i) {
    EXPECT_TRUE(seen[i]) << n->airports()[i].iata << " is not reachable from SHE";
  }
}

TEST(ShenyangNetwork, BlockTimesImplyPlausibleSpeeds) {
  const auto n = Shenyang();
  ASSERT_NE(n, nullptr);
  for (const Route& r : n->routes()) {
    const double hours = r.block_minutes / 60.0;
    const double km_per_h = r.distance_km / hours;
    if (r.mode == Mode::kTruck) {
      EXPECT_GE(km_per_h, 30) << r.id;
      EXPECT_LE(km_per_h, 90) << r.id;
    } else {
      EXPECT_GE(km_per_h, 300) << r.id;
      EXPECT_LE(km_per_h, 1000) << r.id;
    }
  }
}

}  // namespace
}  // namespace aircargo
