// Protects the embedded default network (routes/networks/shenyang.textproto) and its table in
// docs/data.md: the facts the product is introduced with must stay true and traceable.
#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <map>
#include <queue>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "routes/geo.h"
#include "server/default_network.h"

namespace aircargo {
namespace {

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

TEST(ShenyangNetwork, ExactlyTenPlannedRoutesFromSheAllEffectiveIn2025) {
  const auto n = Shenyang();
  ASSERT_NE(n, nullptr);
  const auto she = *n->FindAirport("SHE");
  std::vector<std::string> planned;
  for (routes::RouteId id : n->outbound(she)) {
    const Route& r = n->route(id);
    if (r.status != RouteStatus::kPlanned) continue;
    planned.push_back(r.id);
    ASSERT_TRUE(r.effective_from.has_value()) << r.id;
    EXPECT_EQ(r.effective_from->year(), std::chrono::year{2025}) << r.id;
    // Each says what it rests on.
    const bool labelled = r.source.rfind("announced", 0) == 0 ||
                          r.source.rfind("candidate", 0) == 0 || r.source.rfind("sourced", 0) == 0;
    EXPECT_TRUE(labelled) << r.id << ": " << r.source;
  }
  EXPECT_EQ(planned.size(), 10u);
  EXPECT_NE(std::find(planned.begin(), planned.end(), "SHE-MIA-CA"), planned.end());
  EXPECT_NE(std::find(planned.begin(), planned.end(), "SHE-YVR-W8-RAMP"), planned.end());
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

// One row of the route table in docs/data.md.
struct DocRow {
  std::string route;
  std::string mode;
  int flights_per_week = 0;
  double tonnes_per_week = 0;
  std::string status;
};

std::string Trim(const std::string& s) {
  const auto b = s.find_first_not_of(' ');
  const auto e = s.find_last_not_of(' ');
  return b == std::string::npos ? "" : s.substr(b, e - b + 1);
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
    if (cells.size() < 7) continue;
    DocRow row;
    row.route = cells[1];
    row.mode = cells[2];
    row.flights_per_week = std::stoi(cells[4]);
    std::string tonnes = cells[5];
    std::erase(tonnes, ',');
    row.tonnes_per_week = std::stod(tonnes);
    row.status = cells[6];
    rows[cells[0].substr(1, cells[0].size() - 2)] = row;  // strip the backticks
  }
  return rows;
}

TEST(ShenyangDataDoc, EveryRouteAppearsInTheTableWithTheFileValues) {
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
    EXPECT_EQ(row.flights_per_week, r.flights_per_week) << r.id;
    EXPECT_NEAR(row.tonnes_per_week, r.weekly_capacity_kg() / 1000.0, 0.051) << r.id;
    EXPECT_EQ(row.status, routes::StatusName(r.status)) << r.id;
  }
}

}  // namespace
}  // namespace aircargo
