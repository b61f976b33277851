// SSIM export round trip: import(export(network)) equals the network on every field SSIM carries
// (stations, carrier designator, mode via the service type, IATA aircraft type, weekly local
// departures, block time, period), on the embedded Shenyang network and on seeded random networks
// across time zones with DST, odd offsets and the date line; and exporting the import again gives
// the same bytes.
#include <gmock/gmock.h>
#include <google/protobuf/util/message_differencer.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <random>
#include <set>

#include "formats/network_file.h"
#include "formats/network_proto.h"
#include "formats/ssim_internal.h"
#include "formats/ssim_records.h"
#include "routes/calendar.h"
#include "routes/itinerary/dated_flights.h"
#include "tests/formats/ssim_test_util.h"

namespace aircargo::formats {
namespace {

using std::chrono::year_month_day;

std::string FlightOf(const std::string& route_id) { return route_id.substr(0, route_id.find('-')); }

void ExpectRoundTrip(const v1::Network& original, year_month_day from) {
  const SsimExportOptions options{from, from};
  SsimExportReport exported;
  auto text = ExportSsim(original, options, &exported);
  ASSERT_TRUE(text.ok()) << text.error().ToString();
  for (const SsimRecord& record : ReadSsimRecords(*text)) {
    ASSERT_EQ(record.problem, SsimProblem::kNone) << record.number << ": " << record.message;
  }
  const std::vector<v1::Airport> airports(original.airports().begin(), original.airports().end());
  SsimOptions strict;
  strict.strict = true;
  SsimReport report;
  auto imported = ImportSsim({{"export.ssim", *text}}, airports, strict, &report);
  ASSERT_TRUE(imported.ok()) << imported.error().ToString();
  EXPECT_EQ(report.serial_breaks + report.trailer_problems + report.bad_records(), 0);
  auto built = BuildNetwork(*imported);
  ASSERT_TRUE(built.ok()) << built.error().ToString().substr(0, 2000);
  auto core = BuildNetwork(original);
  ASSERT_TRUE(core.ok());

  std::map<std::string, std::vector<const v1::Route*>> by_flight;
  for (const v1::Route& r : imported->routes()) by_flight[FlightOf(r.id())].push_back(&r);
  std::size_t expected_written = 0;
  for (const v1::Route& r : original.routes()) {
    const auto to = routes::ParseIsoDate(r.effective_to());
    if (r.status() != v1::ROUTE_STATUS_SUSPENDED && !(to && *to < from)) ++expected_written;
  }
  EXPECT_EQ(exported.flights.size(), expected_written);
  std::size_t imported_routes = 0;
  for (const auto& [id, flights] : exported.flights) {
    const routes::Route& route = (*core)->route(*(*core)->FindRoute(id));
    const v1::Route* proto = ssim_test::FindRoute(original, id);
    std::vector<std::pair<int, std::string>> want;
    for (const routes::Departure& d : routes::WeeklyDepartures(route)) {
      want.emplace_back(static_cast<int>(d.weekday), routes::FormatLocalTime(d.minute_of_day));
    }
    std::string want_from = routes::FormatIsoDate(from);
    if (route.effective_from && *route.effective_from > from) {
      want_from = routes::FormatIsoDate(*route.effective_from);
    }
    std::vector<std::pair<int, std::string>> got;
    for (const std::string& flight : flights) {
      ASSERT_EQ(by_flight[flight].size(), 1u) << id << " " << flight;
      const v1::Route& r = *by_flight[flight][0];
      ++imported_routes;
      EXPECT_EQ(r.origin(), proto->origin()) << id;
      EXPECT_EQ(r.destination(), proto->destination()) << id;
      EXPECT_EQ(r.carrier(), SsimAirlineCode(proto->carrier())) << id;
      EXPECT_EQ(r.mode(), proto->mode()) << id;
      EXPECT_EQ(r.aircraft(), SsimAircraftCode(proto->aircraft())) << id;
      EXPECT_EQ(r.block_minutes(), proto->block_minutes()) << id;
      EXPECT_EQ(r.effective_from(), want_from) << id;
      EXPECT_EQ(r.effective_to(), proto->effective_to()) << id;
      for (const auto& d : r.departures()) got.emplace_back(d.weekday(), d.local_time());
    }
    std::sort(want.begin(), want.end());
    std::sort(got.begin(), got.end());
    EXPECT_EQ(got, want) << id;
  }
  EXPECT_EQ(static_cast<std::size_t>(imported->routes_size()), imported_routes);
  for (const v1::Airport& a : imported->airports()) {
    const auto it = std::find_if(airports.begin(), airports.end(),
                                 [&](const v1::Airport& b) { return b.iata() == a.iata(); });
    ASSERT_NE(it, airports.end());
    EXPECT_TRUE(google::protobuf::util::MessageDifferencer::Equals(a, *it)) << a.iata();
  }
  // Exporting the import again writes the same file.
  auto again = ExportSsim(*imported, options, nullptr);
  ASSERT_TRUE(again.ok()) << again.error().ToString();
  EXPECT_EQ(*again, *text);
}

TEST(SsimRoundTrip, ShenyangNetwork) {
  auto message = ParseNetworkText(
      ssim_test::ReadFile(std::string(AIRCARGO_SOURCE_DIR) + "/routes/networks/shenyang.textproto"),
      "shenyang.textproto");
  ASSERT_TRUE(message.ok()) << message.error().ToString();
  ExpectRoundTrip(*message,
                  year_month_day{std::chrono::year{2026}, std::chrono::March, std::chrono::day{2}});
}

v1::Network RandomNetwork(unsigned seed) {
  std::mt19937 rng(seed);
  auto pick = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
  const char* zones[] = {"Asia/Shanghai",
                         "America/New_York",
                         "Europe/Berlin",
                         "Australia/Sydney",
                         "Asia/Kolkata",
                         "Asia/Kathmandu",
                         "Pacific/Auckland",
                         "Pacific/Kiritimati",
                         "Pacific/Pago_Pago",
                         "America/St_Johns",
                         "UTC",
                         "America/Santiago"};
  v1::Network n;
  n.set_name("random " + std::to_string(seed));
  for (int i = 0; i < 12; ++i) {
    v1::Airport* a = n.add_airports();
    a->set_iata(std::string("QA") + static_cast<char>('A' + i));
    a->set_name("Airport " + std::to_string(i));
    a->set_country("ZZ");
    a->set_latitude_deg(pick(-60, 60));
    a->set_longitude_deg(pick(-179, 179));
    a->set_time_zone(zones[i]);
  }
  const char* carriers[] = {"CA", "K4", "5Y", "ABC", "TRUCKER"};
  const char* aircraft[] = {"B777F", "77X", "A321", "prop plane", "truck", "744"};
  const year_month_day base{std::chrono::year{2026}, std::chrono::January, std::chrono::day{1}};
  for (int i = 0; i < 80; ++i) {
    v1::Route* r = n.add_routes();
    r->set_id("R" + std::to_string(i));
    const int o = pick(0, 11);
    const int d = (o + pick(1, 11)) % 12;
    r->set_origin(n.airports(o).iata());
    r->set_destination(n.airports(d).iata());
    r->set_carrier(carriers[pick(0, 4)]);
    r->set_mode(static_cast<v1::Mode>(pick(1, 3)));
    r->set_aircraft(aircraft[pick(0, 5)]);
    r->set_payload_kg(pick(100, 100000));
    r->set_block_minutes(pick(30, 3000));
    r->set_cost_per_kg_micros(pick(0, 5000000));
    const int status = pick(0, 9);
    r->set_status(status < 8    ? v1::ROUTE_STATUS_OPERATING
                  : status == 8 ? v1::ROUTE_STATUS_PLANNED
                                : v1::ROUTE_STATUS_SUSPENDED);
    if (pick(0, 1) == 0) {
      r->set_flights_per_week(pick(1, 21));  // evenly spread
    } else {
      std::set<std::pair<int, int>> deps;
      const int count = pick(1, 12);
      while (static_cast<int>(deps.size()) < count) deps.emplace(pick(1, 7), pick(0, 287) * 5);
      for (const auto& [weekday, minute] : deps) {
        v1::Departure* dep = r->add_departures();
        dep->set_weekday(static_cast<v1::Weekday>(weekday));
        dep->set_local_time(routes::FormatLocalTime(minute));
      }
      r->set_flights_per_week(count);
    }
    year_month_day from = base;
    if (pick(0, 1) == 0) {
      from = ssim_internal::AddDays(base, pick(0, 300));
      r->set_effective_from(routes::FormatIsoDate(from));
    }
    const int end = pick(0, 3);
    if (end == 1 && r->effective_from().empty()) {
      r->set_effective_to(routes::FormatIsoDate(ssim_internal::AddDays(base, pick(0, 40))));
    } else if (end >= 2) {
      const year_month_day start = std::max(
          from, year_month_day{std::chrono::year{2026}, std::chrono::March, std::chrono::day{2}});
      r->set_effective_to(routes::FormatIsoDate(ssim_internal::AddDays(start, pick(6, 250))));
    }
  }
  return n;
}

TEST(SsimRoundTrip, SeededRandomNetworks) {
  for (unsigned seed : {1u, 2u, 3u, 4u, 5u}) {
    SCOPED_TRACE("seed " + std::to_string(seed));
    ExpectRoundTrip(RandomNetwork(seed), year_month_day{std::chrono::year{2026}, std::chrono::March,
                                                        std::chrono::day{2}});
  }
}

TEST(SsimExport, WritesChapter7Records) {
  v1::Network n;
  for (const auto& [iata, zone] :
       {std::pair{"SHE", "Asia/Shanghai"}, {"LAX", "America/Los_Angeles"}}) {
    v1::Airport* a = n.add_airports();
    a->set_iata(iata);
    a->set_country("ZZ");
    a->set_time_zone(zone);
  }
  v1::Route* r = n.add_routes();
  r->set_id("SHE-LAX-CA");
  r->set_origin("SHE");
  r->set_destination("LAX");
  r->set_carrier("CA");
  r->set_mode(v1::MODE_FREIGHTER);
  r->set_aircraft("B777F");
  r->set_payload_kg(86700);
  r->set_flights_per_week(2);
  r->set_block_minutes(743);
  r->set_status(v1::ROUTE_STATUS_OPERATING);
  for (v1::Weekday w : {v1::TUESDAY, v1::SATURDAY}) {
    v1::Departure* d = r->add_departures();
    d->set_weekday(w);
    d->set_local_time("22:00");
  }
  const year_month_day day{std::chrono::year{2026}, std::chrono::January, std::chrono::day{5}};
  auto text = ExportSsim(n, {day, day}, nullptr);
  ASSERT_TRUE(text.ok()) << text.error().ToString();
  std::vector<std::string> lines;
  for (std::size_t at = 0; at < text->size(); at += 201) lines.push_back(text->substr(at, 200));
  ASSERT_EQ(lines.size(), 15u);  // header, carrier, leg, trailer, each padded to 5 records
  EXPECT_EQ(lines[0].substr(0, 35), "1AIRLINE STANDARD SCHEDULE DATA SET");
  EXPECT_EQ(lines[1], std::string(200, '0'));
  EXPECT_EQ(lines[5].substr(0, 35), "2LCA          05JAN2600XXX0005JAN26");
  EXPECT_EQ(lines[10].substr(0, 75),
            "3 CA    10101F05JAN2600XXX00 2   6  SHE22002200+0800  LAX18231823-0800  77X");
  EXPECT_EQ(lines[10].substr(192, 8), "00000003");
  EXPECT_EQ(lines[11].substr(0, 6), "5 CA  ");
  EXPECT_EQ(lines[11].substr(187, 13), "000003E000004");
}

}  // namespace
}  // namespace aircargo::formats
