// docs/data.md's route table and counts against the embedded default network, every column.
#include <gtest/gtest.h>

#include <fstream>
#include <iterator>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "tests/data/shenyang_test_support.h"

namespace aircargo {
namespace {

using data_test::Iata;
using data_test::Shenyang;
using data_test::Urls;
using routes::Network;
using routes::Route;
using routes::RouteStatus;

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
