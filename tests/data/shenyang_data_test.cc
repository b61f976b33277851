// Protects the embedded default network (routes/networks/shenyang.textproto) and its table in
// docs/data.md: the facts the product is introduced with must stay true and traceable.
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
#include "server/default_network.h"

namespace aircargo {
namespace {

using routes::EvidenceBasis;
using routes::Mode;
using routes::Network;
using routes::Route;
using routes::RouteStatus;

std::shared_ptr<const Network> Shenyang() {
  static const auto network = [] {
    auto loaded = server::LoadDefaultNetwork();
    return loaded.ok() ? *loaded : nullptr;
  }();
  return network;
}

const std::string& Iata(const Network& n, routes::AirportId id) { return n.airport(id).iata; }

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

// Every http(s) URL in a source, in order of first appearance (a URL ends at a space, ')', ';'
// or ',').
std::vector<std::string> Urls(const std::string& source) {
  std::vector<std::string> urls;
  for (std::size_t at = source.find("http"); at != std::string::npos;
       at = source.find("http", at + 1)) {
    if (source.compare(at, 7, "http://") != 0 && source.compare(at, 8, "https://") != 0) continue;
    const std::size_t end = source.find_first_of(" );,", at);
    std::string url = source.substr(at, end == std::string::npos ? std::string::npos : end - at);
    if (std::find(urls.begin(), urls.end(), url) == urls.end()) urls.push_back(url);
    at += url.size() - 1;
  }
  return urls;
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
    if (Cites(r, "+32.4 %") || Cites(r, "43.5 t")) EXPECT_TRUE(Cites(r, "China Daily")) << r.id;
    if (Cites(r, "about 50 %")) EXPECT_TRUE(Cites(r, "mexicobusiness.news")) << r.id;
    if (Cites(r, "47 %")) EXPECT_TRUE(Cites(r, "sea-air")) << r.id;
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

// One row of the route table in docs/data.md, every column.
struct DocRow {
  std::string route;
  std::string mode;
  std::string carrier;
  std::string aircraft;
  int flights_per_week = 0;
  double tonnes_per_week = 0;
  std::string status;
  std::string effective;
  std::string basis;
  std::vector<std::string> urls;
};

std::string Trim(const std::string& s) {
  const auto b = s.find_first_not_of(' ');
  const auto e = s.find_last_not_of(' ');
  return b == std::string::npos ? "" : s.substr(b, e - b + 1);
}

std::vector<std::string> SplitUrls(const std::string& cell) {
  std::vector<std::string> urls;
  if (cell == "\u2014") return urls;
  std::size_t at = 0;
  while (true) {
    const std::size_t br = cell.find("<br>", at);
    urls.push_back(cell.substr(at, br == std::string::npos ? std::string::npos : br - at));
    if (br == std::string::npos) break;
    at = br + 4;
  }
  return urls;
}

std::map<std::string, DocRow> ReadDocTable() {
  std::ifstream in(AIRCARGO_SOURCE_DIR "/docs/data.md");
  std::map<std::string, DocRow> rows;
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind("| `", 0) != 0) continue;
    std::vector<std::string> cells;
    std::stringstream ss(line.substr(1));
    std::string cell;
    while (std::getline(ss, cell, '|')) cells.push_back(Trim(cell));
    if (cells.size() != 11) continue;  // other tables (the ten routes) have fewer columns
    DocRow row;
    row.route = cells[1];
    row.mode = cells[2];
    row.carrier = cells[3];
    row.aircraft = cells[4];
    row.flights_per_week = std::stoi(cells[5]);
    std::string tonnes = cells[6];
    std::erase(tonnes, ',');
    row.tonnes_per_week = std::stod(tonnes);
    row.status = cells[7];
    row.effective = cells[8];
    row.basis = cells[9];
    row.urls = SplitUrls(cells[10]);
    rows[cells[0].substr(1, cells[0].size() - 2)] = row;  // strip the backticks
  }
  return rows;
}

// "—", "FROM", "FROM to TO" or "to TO".
std::string EffectiveCell(const Route& r) {
  if (!r.effective_from && !r.effective_to) return "\u2014";
  std::string out;
  if (r.effective_from) out = routes::FormatIsoDate(*r.effective_from);
  if (r.effective_to)
    out += (out.empty() ? "to " : " to ") + routes::FormatIsoDate(*r.effective_to);
  return out;
}

TEST(ShenyangDataDoc, EveryRouteAppearsInTheTableWithTheFileValuesInEveryColumn) {
  const auto n = Shenyang();
  ASSERT_NE(n, nullptr);
  const auto rows = ReadDocTable();
  ASSERT_FALSE(rows.empty()) << "no route table found in docs/data.md";
  EXPECT_EQ(rows.size(), n->routes().size()) << "the table and the file list different routes";
  for (const Route& r : n->routes()) {
    const auto it = rows.find(r.id);
    ASSERT_NE(it, rows.end()) << r.id << " is missing from docs/data.md";
    const DocRow& row = it->second;
    EXPECT_EQ(row.route, Iata(*n, r.origin) + "\u2013" + Iata(*n, r.destination)) << r.id;
    EXPECT_EQ(row.mode, routes::ModeName(r.mode)) << r.id;
    EXPECT_EQ(row.carrier, r.carrier) << r.id;
    EXPECT_EQ(row.aircraft, r.aircraft) << r.id;
    EXPECT_EQ(row.flights_per_week, r.flights_per_week) << r.id;
    EXPECT_NEAR(row.tonnes_per_week, r.weekly_capacity_kg() / 1000.0, 0.051) << r.id;
    EXPECT_EQ(row.status, routes::StatusName(r.status)) << r.id;
    EXPECT_EQ(row.effective, EffectiveCell(r)) << r.id;
    EXPECT_EQ(row.basis, routes::BasisName(r.basis)) << r.id;
    EXPECT_EQ(row.urls, Urls(r.source)) << r.id;
  }
}

// The counts the page opens with.
TEST(ShenyangDataDoc, StatesTheRouteCountsOfTheFile) {
  const auto n = Shenyang();
  ASSERT_NE(n, nullptr);
  std::map<RouteStatus, int> by_status;
  for (const Route& r : n->routes()) ++by_status[r.status];
  std::ifstream in(AIRCARGO_SOURCE_DIR "/docs/data.md");
  const std::string doc((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const std::string claim = "It holds " + std::to_string(n->airports().size()) + " airports and " +
                            std::to_string(n->routes().size()) +
                            " routes: " + std::to_string(by_status[RouteStatus::kOperating]) +
                            " operating, " + std::to_string(by_status[RouteStatus::kPlanned]) +
                            " planned and " + std::to_string(by_status[RouteStatus::kSuspended]) +
                            " suspended.";
  EXPECT_NE(doc.find(claim), std::string::npos) << claim;
}

}  // namespace
}  // namespace aircargo
