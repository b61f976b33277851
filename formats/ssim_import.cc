// SSIM import, second step: leg records -> the legs kept (service type, frequency, stations, times,
// period, duplicates), then BuildRoutes (formats/ssim_routes.cc). formats/ssim.h documents the
// mapping.
#include <map>
#include <set>
#include <unordered_map>

#include "formats/ssim.h"
#include "formats/ssim_internal.h"
#include "routes/calendar.h"
#include "routes/network_builder.h"

namespace aircargo::formats {

using namespace ssim_internal;
using std::chrono::sys_days;
using std::chrono::year_month_day;

routes::Result<v1::Network> ImportSsim(const std::vector<SsimInput>& files,
                                       const std::vector<v1::Airport>& airport_table,
                                       const SsimOptions& options, SsimReport* report_out) {
  SsimReport local_report;
  SsimReport& report = report_out ? *report_out : local_report;
  report = SsimReport{};
  Skips skips(options.strict, report);
  const std::vector<LegRecord> legs = ReadLegRecords(files, skips, report);
  if (skips.error()) return *skips.error();

  std::unordered_map<std::string, std::size_t> table;
  for (std::size_t i = 0; i < airport_table.size(); ++i) table.emplace(airport_table[i].iata(), i);
  if (table.empty()) {
    std::set<std::string> stations;
    for (const LegRecord& l : legs) {
      stations.insert(l.leg.departure_station);
      stations.insert(l.leg.arrival_station);
    }
    std::string list;
    for (const auto& s : stations) list += (list.empty() ? "" : ", ") + s;
    return routes::InvalidArgument(
        "airports", "no airport table: the SSIM stations " + (list.empty() ? "(none)" : list) +
                        " need coordinates and time zones (give --airports airports.dat)");
  }

  std::set<std::string> unknown_stations;
  std::map<char, std::int64_t> by_service;
  // Kept legs per flight leg identity, for the duplicate check.
  std::unordered_map<std::string, std::vector<std::size_t>> kept_by_leg;
  std::map<std::string, std::set<int>> legs_of_flight;  // multi-leg flights
  std::vector<std::size_t> kept;
  std::vector<LegTimes> times(legs.size());
  for (std::size_t i = 0; i < legs.size(); ++i) {
    const SsimLeg& leg = legs[i].leg;
    const std::string where = legs[i].where();
    const int mode = SsimServiceMode(leg.service_type);
    if (mode < 0) {
      skips.Bad(report.unknown_service_type, where,
                std::string("unknown service type '") + leg.service_type + "'");
      continue;
    }
    if (mode == 0) {
      ++report.non_commercial;  // left out by rule
      continue;
    }
    if (leg.frequency_rate != ' ' && leg.frequency_rate != '1' &&
        !(leg.frequency_rate == '2' && leg.period_to)) {
      skips.Bad(report.unsupported_frequency, where,
                std::string("frequency rate '") + leg.frequency_rate + "'" +
                    (leg.frequency_rate == '2' ? " until further notice" : "") +
                    " (weekly and bounded fortnightly are supported)");
      continue;
    }
    if (leg.departure_station == leg.arrival_station) {
      skips.Bad(report.same_station, where, "departs from and arrives at " + leg.arrival_station);
      continue;
    }
    bool unknown = false;
    for (const std::string* s : {&leg.departure_station, &leg.arrival_station}) {
      if (!table.contains(*s)) {
        unknown_stations.insert(*s);
        if (!unknown) skips.Bad(report.unknown_station, where, "unknown station " + *s);
        unknown = true;
      }
    }
    if (unknown) continue;
    times[i] = ResolveTimes(leg, legs[i].time_mode);
    if (times[i].block_minutes <= 0 || times[i].block_minutes > routes::kMaxBlockMinutes) {
      skips.Bad(report.bad_times, where,
                "block time " + std::to_string(times[i].block_minutes) +
                    " minutes from STD/STA, UTC variations and date variation");
      continue;
    }
    // The first flight date, within two weeks of the period start (the pattern repeats).
    std::optional<sys_days> first;
    for (int d = 0; d < 14 && !first; ++d) {
      const sys_days date = sys_days{leg.period_from} + std::chrono::days{d};
      if (OperatesOn(leg, date)) first = date;
    }
    if (!first) {
      skips.Bad(report.no_day_in_period, where, "no day of operation falls in the period");
      continue;
    }
    const std::string leg_key = leg.airline + "|" + std::to_string(leg.flight_number) + "|" +
                                leg.operational_suffix + "|" + std::to_string(leg.leg_sequence);
    std::string duplicate_of;
    for (std::size_t j : kept_by_leg[leg_key]) {
      const SsimLeg& other = legs[j].leg;
      sys_days start = std::max(sys_days{leg.period_from}, sys_days{other.period_from});
      for (int d = 0; d < 14 && duplicate_of.empty(); ++d) {
        const sys_days date = start + std::chrono::days{d};
        if (OperatesOn(leg, date) && OperatesOn(other, date)) {
          duplicate_of = legs[j].where() + " on " + routes::FormatIsoDate(year_month_day{date});
        }
      }
      if (!duplicate_of.empty()) break;
    }
    if (!duplicate_of.empty()) {
      skips.Bad(report.duplicate_legs, where,
                "duplicate leg: " + FlightText(leg) + " leg " + std::to_string(leg.leg_sequence) +
                    " already flies in " + duplicate_of);
      continue;
    }
    if (times[i].arrival_inferred) {
      skips.Note(report.arrival_day_inferred, where,
                 "arrival date variation blank: arrival taken as the first STA after the STD in "
                 "UTC (" +
                     std::to_string(times[i].block_minutes) + " min block)");
    }
    kept_by_leg[leg_key].push_back(i);
    legs_of_flight[leg_key.substr(0, leg_key.rfind('|')) + "|" +
                   std::to_string(leg.itinerary_variation) + "|" +
                   routes::FormatIsoDate(leg.period_from)]
        .insert(leg.leg_sequence);
    ++by_service[leg.service_type];
    kept.push_back(i);
  }
  if (skips.error()) return *skips.error();
  for (const auto& [flight, sequences] : legs_of_flight) {
    if (sequences.size() > 1) ++report.multi_leg_flights;
  }
  report.unknown_stations.assign(unknown_stations.begin(), unknown_stations.end());

  v1::Network network =
      BuildRoutes(files, legs, times, kept, airport_table, table, options, skips, report);
  report.legs_kept = static_cast<std::int64_t>(kept.size());
  if (kept.empty()) {
    return routes::InvalidArgument(files.size() == 1 ? files[0].name : std::string("files"),
                                   "no flight leg could be imported (" +
                                       std::to_string(report.leg_records) + " leg records; " +
                                       std::to_string(report.bad_records()) + " bad, " +
                                       std::to_string(report.non_commercial) + " non-commercial)");
  }
  report.routes = network.routes_size();
  report.airports = network.airports_size();
  for (const auto& [type, count] : by_service) report.by_service_type.emplace_back(type, count);
  return network;
}

}  // namespace aircargo::formats
