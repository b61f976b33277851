// SSIM export: a network's dated schedule as IATA SSIM Chapter 7 records in local time mode
// (formats/ssim.h; field positions in formats/ssim_records.h).
#include <algorithm>
#include <array>
#include <map>
#include <string>
#include <vector>

#include "formats/network_proto.h"
#include "formats/ssim.h"
#include "formats/ssim_internal.h"
#include "formats/ssim_records.h"
#include "routes/calendar.h"
#include "routes/itinerary/dated_flights.h"
#include "routes/itinerary/local_time.h"

namespace aircargo::formats {
namespace {

using std::chrono::sys_days;
using std::chrono::year_month_day;

// One 200-byte record, blank, filled by 1-based column.
class Record {
 public:
  explicit Record(char type) : text_(kSsimRecordSize, ' ') { text_[0] = type; }
  Record& Put(std::size_t column, std::string_view value) {
    text_.replace(column - 1, value.size(), value);
    return *this;
  }
  Record& Serial(std::int64_t serial) { return Put(195, Digits(serial, 6)); }
  static std::string Digits(std::int64_t value, std::size_t width) {
    std::string s = std::to_string(value);
    return std::string(width > s.size() ? width - s.size() : 0, '0') + s;
  }
  const std::string& text() const { return text_; }

 private:
  std::string text_;
};

std::string Hhmm(int minute) {
  return Record::Digits(minute / 60, 2) + Record::Digits(minute % 60, 2);
}

std::string Variation(std::chrono::minutes offset) {
  const int m = static_cast<int>(offset.count());
  const int a = m < 0 ? -m : m;
  return std::string(m < 0 ? "-" : "+") + Hhmm(a);
}

char ServiceType(routes::Mode mode) {
  switch (mode) {
    case routes::Mode::kFreighter:
      return 'F';
    case routes::Mode::kBelly:
      return 'J';
    case routes::Mode::kTruck:
      return 'V';
  }
  return 'J';
}

struct Writer {
  std::string out;
  std::int64_t serial = 0;
  std::int64_t written = 0;  // records, padding included

  void Add(Record& record) {
    out += record.Serial(++serial).text();
    out += '\n';
    ++written;
  }
  void PadBlock() {
    while (written % 5 != 0) {
      out += std::string(kSsimRecordSize, '0');
      out += '\n';
      ++written;
    }
  }
};

struct Group {
  int round = 0;  // 0: first departure of its weekdays, 1: second...
  int minute = 0;
  std::vector<int> weekdays;  // 1..7, distinct
};

}  // namespace

routes::Result<std::string> ExportSsim(const v1::Network& message, const SsimExportOptions& options,
                                       SsimExportReport* report_out) {
  SsimExportReport local_report;
  SsimExportReport& report = report_out ? *report_out : local_report;
  report = SsimExportReport{};
  auto built = BuildNetwork(message);
  if (!built.ok()) return built.error();
  const routes::Network& network = **built;
  if (!options.from.ok() || !options.created.ok()) {
    return routes::InvalidArgument("from", "the export needs valid start and creation dates");
  }

  // Leg records per carrier, in first-appearance order.
  std::vector<std::string> carriers;
  std::map<std::string, std::vector<Record>> legs;
  std::map<std::string, year_month_day> valid_from;
  std::map<std::string, std::optional<year_month_day>> valid_to;
  std::map<std::string, bool> open_ended;
  std::map<std::string, int> next_flight;
  for (int i = 0; i < message.routes_size(); ++i) {
    const v1::Route& proto = message.routes(i);
    const routes::Route& route = network.route(*network.FindRoute(proto.id()));
    if (route.status == routes::RouteStatus::kSuspended) {
      ++report.suspended_left_out;
      continue;
    }
    year_month_day from = options.from;
    if (route.effective_from && *route.effective_from > from) from = *route.effective_from;
    const std::optional<year_month_day> to = route.effective_to;
    if (to && *to < from) {
      ++report.ended_left_out;
      continue;
    }
    const routes::Airport& origin = network.airport(route.origin);
    const routes::Airport& destination = network.airport(route.destination);
    auto oz = routes::TimeZone::Find(origin.time_zone);
    auto dz = routes::TimeZone::Find(destination.time_zone);
    if (!oz.ok()) return oz.error();
    if (!dz.ok()) return dz.error();

    // A flight number may fly a leg once a day: the n-th departure of each weekday (in time
    // order) goes to the route's n-th flight number ("round"); within a round, one itinerary
    // variation per local departure time.
    std::vector<routes::Departure> departures = routes::WeeklyDepartures(route);
    std::sort(departures.begin(), departures.end(), [](const auto& a, const auto& b) {
      return std::pair(a.weekday, a.minute_of_day) < std::pair(b.weekday, b.minute_of_day);
    });
    std::vector<Group> groups;
    std::array<int, 8> per_weekday{};
    for (const routes::Departure& d : departures) {
      const int weekday = static_cast<int>(d.weekday);
      const int round = per_weekday[weekday]++;
      auto it = std::find_if(groups.begin(), groups.end(), [&](const Group& g) {
        return g.round == round && g.minute == d.minute_of_day;
      });
      if (it == groups.end()) it = groups.insert(groups.end(), Group{round, d.minute_of_day, {}});
      it->weekdays.push_back(weekday);
    }
    std::stable_sort(groups.begin(), groups.end(),
                     [](const Group& a, const Group& b) { return a.round < b.round; });
    const std::string airline = SsimAirlineCode(route.carrier);
    if (airline != route.carrier) ++report.carriers_as_yy;
    const std::string aircraft = SsimAircraftCode(route.aircraft);
    if (aircraft == "ZZZ" && route.aircraft != "ZZZ") ++report.aircraft_as_zzz;
    if (!legs.contains(airline)) {
      carriers.push_back(airline);
      legs[airline];
      valid_from[airline] = from;
    }
    if (from < valid_from[airline]) valid_from[airline] = from;
    if (!to) {
      open_ended[airline] = true;
    } else if (!valid_to[airline] || *to > *valid_to[airline]) {
      valid_to[airline] = *to;
    }
    int flight = 0;
    int round = -1;
    int ivi = 0;
    bool any = false;
    std::vector<std::string> flights;
    for (const Group& g : groups) {
      if (g.round != round) {
        round = g.round;
        ivi = 0;
        flight = ++next_flight[airline];
        if (flight > 9999) {
          return routes::InvalidArgument(
              "routes[" + std::to_string(i) + "]",
              "carrier " + airline + " needs more than 9999 flight numbers");
        }
        flights.push_back(airline + std::to_string(flight));
      }
      // The first flight date in the period on one of the group's weekdays, whose local time
      // exists (not in a DST gap): the UTC variations are stated for that flight.
      std::optional<sys_days> first;
      for (int d = 0; d < 42 && !first; ++d) {
        const sys_days date = sys_days{from} + std::chrono::days{d};
        if (to && date > sys_days{*to}) break;
        const int wd = static_cast<int>(std::chrono::weekday{date}.iso_encoding());
        if (std::find(g.weekdays.begin(), g.weekdays.end(), wd) == g.weekdays.end()) continue;
        const auto local =
            std::chrono::local_days{date.time_since_epoch()} + std::chrono::minutes{g.minute};
        if (oz->ToLocal(oz->ToUtc(local)) == local) first = date;
      }
      if (!first) continue;
      const auto local =
          std::chrono::local_days{first->time_since_epoch()} + std::chrono::minutes{g.minute};
      const auto departure = oz->ToUtc(local);
      const auto arrival = departure + std::chrono::minutes{route.block_minutes};
      const auto arrival_local = dz->ToLocal(arrival);
      const auto arrival_day = std::chrono::floor<std::chrono::days>(arrival_local);
      const int date_variation = static_cast<int>(
          (arrival_day - std::chrono::local_days{first->time_since_epoch()}).count());
      const int sta = static_cast<int>(
          std::chrono::duration_cast<std::chrono::minutes>(arrival_local - arrival_day).count());
      std::string days(7, ' ');
      for (int wd : g.weekdays) days[wd - 1] = static_cast<char>('0' + wd);
      ++ivi;
      Record r('3');
      std::string number = std::to_string(flight);
      r.Put(3, airline)
          .Put(6, std::string(4 - number.size(), ' ') + number)
          .Put(10, Record::Digits(ivi % 100, 2))
          .Put(12, "01")
          .Put(14, std::string(1, ServiceType(route.mode)))
          .Put(15, FormatSsimDate(from))
          .Put(22, to ? FormatSsimDate(*to) : "00XXX00")
          .Put(29, days)
          .Put(37, origin.iata)
          .Put(40, Hhmm(g.minute))
          .Put(44, Hhmm(g.minute))
          .Put(48, Variation(oz->OffsetAt(departure)))
          .Put(55, destination.iata)
          .Put(58, Hhmm(sta))
          .Put(62, Hhmm(sta))
          .Put(66, Variation(dz->OffsetAt(arrival)))
          .Put(73, aircraft)
          .Put(193, "0")
          .Put(194, date_variation < 0 ? "A" : std::to_string(date_variation));
      if (ivi >= 100) r.Put(128, std::to_string(ivi / 100));
      legs[airline].push_back(std::move(r));
      ++report.leg_records;
      any = true;
    }
    if (any) {
      ++report.routes_written;
      report.flights.emplace_back(route.id, std::move(flights));
    } else {
      ++report.ended_left_out;
    }
  }

  Writer w;
  Record header('1');
  header.Put(2, "AIRLINE STANDARD SCHEDULE DATA SET").Put(192, "001");
  w.Add(header);
  w.PadBlock();
  for (std::size_t c = 0; c < carriers.size(); ++c) {
    const std::string& airline = carriers[c];
    Record carrier('2');
    carrier.Put(2, "L")
        .Put(3, airline)
        .Put(15, FormatSsimDate(valid_from[airline]))
        .Put(22, !open_ended[airline] && valid_to[airline] ? FormatSsimDate(*valid_to[airline])
                                                           : "00XXX00")
        .Put(29, FormatSsimDate(options.created))
        .Put(36, "aircargo export")
        .Put(72, "P");
    w.Add(carrier);
    w.PadBlock();
    for (Record& leg : legs[airline]) w.Add(leg);
    Record trailer('5');
    trailer.Put(3, airline)
        .Put(188, Record::Digits(w.serial, 6))
        .Put(194, c + 1 == carriers.size() ? "E" : "C");
    w.Add(trailer);
    w.PadBlock();
  }
  return w.out;
}

}  // namespace aircargo::formats
