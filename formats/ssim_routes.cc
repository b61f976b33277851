// SSIM import, third step: kept leg records -> the network's routes and airports, with the UTC
// variation check and the route sources (formats/ssim.h documents the mapping).
#include <algorithm>
#include <cmath>
#include <set>
#include <sstream>
#include <unordered_map>

#include "formats/openflights.h"
#include "formats/ssim.h"
#include "formats/ssim_internal.h"
#include "routes/calendar.h"
#include "routes/geo.h"
#include "routes/itinerary/local_time.h"
#include "routes/network_builder.h"

namespace aircargo::formats::ssim_internal {
namespace {

using std::chrono::sys_days;
using std::chrono::year_month_day;

// Surface vehicles the equipment table does not list (IATA codes for road feeder services):
// a 13.6 m road-feeder trailer carries ~24 t; 20 t is taken as the planning payload, a bus's
// hold ~1 t.
std::int64_t SurfacePayloadKg(const std::string& code) {
  if (code == "TRK" || code == "RFS") return 20000;
  if (code == "BUS") return 1000;
  return 0;
}

std::string DaysText(const SsimLeg& leg) {
  std::string s;
  for (int d = 0; d < 7; ++d) s += leg.days[d] ? static_cast<char>('1' + d) : '.';
  return s;
}

std::string Offset(int minutes) { return routes::FormatUtcOffset(std::chrono::minutes{minutes}); }

// A route being assembled from one or more leg records.
struct Draft {
  v1::Route route;
  std::vector<std::pair<int, int>> departures;  // (weekday 1..7, minute)
  std::vector<std::string> records;             // "file:record"
  std::string leg_text;
  std::int64_t payload_kg = 0;
  std::string payload_basis;
};

// Dates [from, to] of the leg's flights moved by `offset`, as the route's validity.
struct Window {
  year_month_day from;
  std::optional<year_month_day> to;
};

}  // namespace

v1::Network BuildRoutes(const std::vector<SsimInput>& files, const std::vector<LegRecord>& legs,
                        const std::vector<LegTimes>& times, const std::vector<std::size_t>& kept,
                        const std::vector<v1::Airport>& airport_table,
                        const std::unordered_map<std::string, std::size_t>& table,
                        const SsimOptions& options, Skips& skips, SsimReport& report) {
  // Routes: merge legs that agree on everything but days and times.
  std::vector<Draft> drafts;
  std::unordered_map<std::string, std::size_t> draft_index;
  std::vector<bool> airport_used(airport_table.size(), false);
  std::set<std::string> route_ids;
  std::unordered_map<std::string, routes::Result<routes::TimeZone>> zones;
  auto zone_of = [&](const v1::Airport& a) -> const routes::Result<routes::TimeZone>& {
    auto it = zones.find(a.iata());
    if (it == zones.end())
      it = zones.emplace(a.iata(), routes::TimeZone::Find(a.time_zone())).first;
    return it->second;
  };
  for (std::size_t i : kept) {
    const LegRecord& record = legs[i];
    const SsimLeg& leg = record.leg;
    const LegTimes& t = times[i];
    const std::size_t origin = table.at(leg.departure_station);
    const std::size_t destination = table.at(leg.arrival_station);
    // Stated UTC variations against the airports' zones on the first and last flights.
    {
      std::vector<sys_days> checks;
      sys_days first = sys_days{leg.period_from};
      while (!OperatesOn(leg, first)) first += std::chrono::days{1};
      checks.push_back(first);
      if (leg.period_to) {
        sys_days last = sys_days{*leg.period_to};
        while (last > first && !OperatesOn(leg, last)) last -= std::chrono::days{1};
        if (last != first) checks.push_back(last);
      }
      const auto& oz = zone_of(airport_table[origin]);
      const auto& dz = zone_of(airport_table[destination]);
      for (const sys_days date : checks) {
        if (!oz.ok() || !dz.ok()) break;
        const auto local =
            std::chrono::local_days{(date + std::chrono::days{t.day_offset}).time_since_epoch()} +
            std::chrono::minutes{t.minute_of_day};
        const auto departure = oz->ToUtc(local);
        const auto arrival = departure + std::chrono::minutes{t.block_minutes};
        const int dep_offset = static_cast<int>(oz->OffsetAt(departure).count());
        const int arr_offset = static_cast<int>(dz->OffsetAt(arrival).count());
        if (dep_offset == leg.departure_variation && arr_offset == leg.arrival_variation) continue;
        skips.Note(report.utc_variation_mismatch, record.where(),
                   "stated UTC variations " + Offset(leg.departure_variation) + "/" +
                       Offset(leg.arrival_variation) + ", time zones say " + Offset(dep_offset) +
                       "/" + Offset(arr_offset) + " on the flight of " +
                       routes::FormatIsoDate(year_month_day{date}) + " (local times kept)");
        break;
      }
    }
    std::vector<Window> windows;
    if (leg.frequency_rate == '2') {
      ++report.fortnightly_split;
      for (sys_days start{leg.period_from}; start <= sys_days{*leg.period_to};
           start += std::chrono::days{14}) {
        const sys_days end = std::min(start + std::chrono::days{6}, sys_days{*leg.period_to});
        bool flies = false;
        for (sys_days d = start; d <= end; d += std::chrono::days{1}) flies |= OperatesOn(leg, d);
        if (flies) windows.push_back({year_month_day{start}, year_month_day{end}});
      }
    } else {
      windows.push_back({leg.period_from, leg.period_to});
    }
    EquipmentModel equipment = LookupEquipment(leg.aircraft_type);
    std::string payload_basis = "by aircraft type " + leg.aircraft_type + " (equipment table)";
    if (equipment.payload_kg == 0) equipment.payload_kg = SurfacePayloadKg(leg.aircraft_type);
    if (equipment.payload_kg == 0) {
      ++report.unknown_aircraft_type;
      equipment.payload_kg = options.default_payload_kg;
      payload_basis = "default (aircraft type " +
                      (leg.aircraft_type.empty() ? std::string("blank") : leg.aircraft_type) +
                      " not in the tables)";
    }
    const int mode = SsimServiceMode(leg.service_type);
    for (const Window& w : windows) {
      const year_month_day from = AddDays(w.from, t.day_offset);
      const std::optional<year_month_day> to =
          w.to ? std::optional(AddDays(*w.to, t.day_offset)) : std::nullopt;
      std::string key = leg.airline + "|" + std::to_string(leg.flight_number) + "|" +
                        leg.operational_suffix + "|" + std::to_string(leg.leg_sequence) + "|" +
                        leg.departure_station + leg.arrival_station + "|" + leg.service_type + "|" +
                        leg.aircraft_type + "|" + std::to_string(t.block_minutes) + "|" +
                        routes::FormatIsoDate(from) + "|" +
                        (to ? routes::FormatIsoDate(*to) : std::string("open"));
      int days = 0;
      for (bool d : leg.days) days += d ? 1 : 0;
      auto found = draft_index.find(key);
      while (found != draft_index.end() &&
             static_cast<int>(drafts[found->second].departures.size()) + days >
                 routes::kMaxFlightsPerWeek) {
        key += "+";
        found = draft_index.find(key);
      }
      if (found == draft_index.end()) {
        Draft draft;
        v1::Route& r = draft.route;
        std::string flight = leg.airline + std::to_string(leg.flight_number);
        if (leg.operational_suffix != ' ') flight += leg.operational_suffix;
        std::string base = flight + "-" + leg.departure_station + "-" + leg.arrival_station + "-" +
                           routes::FormatIsoDate(from);
        std::erase_if(base, [](char c) { return c == ' '; });
        for (char& c : base) {
          const bool ok = (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
          if (!ok) c = '_';
        }
        std::string id = base;
        for (int n = 2; route_ids.contains(id); ++n) id = base + "-" + std::to_string(n);
        route_ids.insert(id);
        r.set_id(id);
        r.set_origin(leg.departure_station);
        r.set_destination(leg.arrival_station);
        r.set_carrier(leg.airline);
        r.set_mode(static_cast<v1::Mode>(mode));
        r.set_aircraft(leg.aircraft_type);
        r.set_payload_kg(equipment.payload_kg);
        r.set_block_minutes(t.block_minutes);
        const v1::Airport& a = airport_table[origin];
        const v1::Airport& b = airport_table[destination];
        const double km = std::max(1.0, routes::GreatCircleKm(a.latitude_deg(), a.longitude_deg(),
                                                              b.latitude_deg(), b.longitude_deg()));
        r.set_cost_per_kg_micros(
            options.cost_base_micros_per_kg +
            std::llround(km / 1000.0 *
                         static_cast<double>(options.cost_per_1000_km_micros_per_kg)));
        r.set_status(v1::ROUTE_STATUS_OPERATING);
        r.set_basis(v1::EVIDENCE_BASIS_SOURCED);  // the schedule; `source` names what is modelled
        r.set_effective_from(routes::FormatIsoDate(from));
        if (to) r.set_effective_to(routes::FormatIsoDate(*to));
        r.add_tags("ssim");
        draft.leg_text = FlightText(leg) + " leg " + std::to_string(leg.leg_sequence) +
                         ", service " + leg.service_type + ", period " +
                         FormatSsimDate(leg.period_from) + "-" +
                         (leg.period_to ? FormatSsimDate(*leg.period_to) : "00XXX00") +
                         (leg.frequency_rate == '2' ? " fortnightly" : "");
        draft.payload_kg = equipment.payload_kg;
        draft.payload_basis = payload_basis;
        found = draft_index.emplace(key, drafts.size()).first;
        drafts.push_back(std::move(draft));
        airport_used[origin] = airport_used[destination] = true;
      }
      Draft& draft = drafts[found->second];
      for (int d = 0; d < 7; ++d) {
        if (!leg.days[d]) continue;
        const int weekday = ((d + t.day_offset) % 7 + 7) % 7 + 1;
        draft.departures.emplace_back(weekday, t.minute_of_day);
      }
      draft.records.push_back(record.where() + " (days " + DaysText(leg) + ")");
    }
  }

  v1::Network network;
  network.set_name(options.network_name);
  std::string names;
  for (const SsimInput& f : files) names += (names.empty() ? "" : ", ") + f.name;
  std::ostringstream description;
  description << "Imported from IATA SSIM Chapter 7 schedule file(s) " << names
              << ": stations, days, times, periods, service and aircraft types as the files state "
                 "them. Modelled: payload by aircraft type (default "
              << options.default_payload_kg << " kg), cost " << options.cost_base_micros_per_kg
              << " + " << options.cost_per_1000_km_micros_per_kg << " micros/kg per 1000 km.";
  network.set_description(description.str());
  network.set_version(options.version);
  for (std::size_t i = 0; i < airport_table.size(); ++i) {
    if (airport_used[i]) *network.add_airports() = airport_table[i];
  }
  for (Draft& draft : drafts) {
    std::sort(draft.departures.begin(), draft.departures.end());
    v1::Route& r = draft.route;
    r.set_flights_per_week(static_cast<std::int32_t>(draft.departures.size()));
    for (const auto& [weekday, minute] : draft.departures) {
      v1::Departure* d = r.add_departures();
      d->set_weekday(static_cast<v1::Weekday>(weekday));
      d->set_local_time(routes::FormatLocalTime(minute));
    }
    std::string records;
    for (const auto& rec : draft.records) records += (records.empty() ? "" : ", ") + rec;
    r.set_source("sourced: SSIM " + records + ": " + draft.leg_text +
                 "; stations, days, local STD, block time from STD/STA and UTC variations. "
                 "modelled: payload " +
                 std::to_string(draft.payload_kg) + " kg " + draft.payload_basis +
                 ", cost per kg (see network description)");
    *network.add_routes() = std::move(r);
  }
  return network;
}

}  // namespace aircargo::formats::ssim_internal
