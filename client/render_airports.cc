#include "client/render_airports.h"

#include <string>
#include <utility>
#include <vector>

#include "client/table.h"
#include "client/units.h"

namespace aircargo::client {
namespace {

std::string OrDash(const std::string& text) { return text.empty() ? "-" : text; }

std::string Minutes(std::int32_t minutes) { return FormatCount(minutes) + " min"; }

std::string Plural(std::int64_t count, const char* noun) {
  return FormatCount(count) + " " + noun + (count == 1 ? "" : "s");
}

}  // namespace

std::string RenderAirports(const v1::ListAirportsResponse& response) {
  Table table({{"IATA"},
               {"ICAO"},
               {"NAME"},
               {"CITY"},
               {"COUNTRY"},
               {"TIME ZONE"},
               {"MCT MIN", Align::kRight},
               {"EXPORT MIN", Align::kRight},
               {"IMPORT MIN", Align::kRight}});
  for (const v1::Airport& airport : response.airports()) {
    table.AddRow({airport.iata(), OrDash(airport.icao()), airport.name(), airport.city(),
                  airport.country(), airport.time_zone(),
                  FormatCount(airport.min_connection_minutes()),
                  FormatCount(airport.export_clearance_minutes()),
                  FormatCount(airport.import_clearance_minutes())});
  }
  std::string out = table.row_count() > 0 ? table.Render() : "";
  return out + Plural(response.airports_size(), "airport") + "\n";
}

std::string RenderAirport(const v1::GetAirportResponse& response) {
  const v1::Airport& airport = response.airport();
  const std::int64_t throughput_kg = airport.throughput_kg_per_week();
  const std::vector<std::pair<std::string, std::string>> entries = {
      {"iata", airport.iata()},
      {"icao", OrDash(airport.icao())},
      {"name", airport.name()},
      {"city", airport.city()},
      {"country", airport.country()},
      {"location",
       FormatDegrees(airport.latitude_deg()) + ", " + FormatDegrees(airport.longitude_deg())},
      {"time zone", airport.time_zone()},
      {"min connection", Minutes(airport.min_connection_minutes())},
      {"export clearance", Minutes(airport.export_clearance_minutes())},
      {"import clearance", Minutes(airport.import_clearance_minutes())},
      {"throughput", throughput_kg == 0 ? "unlimited" : FormatTonnes(throughput_kg) + " t/week"},
      {"outbound routes", FormatCount(response.outbound_route_count())},
      {"outbound capacity",
       FormatTonnes(response.outbound_weekly_capacity_kg()) + " t/week (operating)"},
      {"inbound routes", FormatCount(response.inbound_route_count())},
      {"inbound capacity",
       FormatTonnes(response.inbound_weekly_capacity_kg()) + " t/week (operating)"},
  };
  return RenderKeyValues(entries);
}

}  // namespace aircargo::client
