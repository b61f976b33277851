#include "formats/openflights.h"

#include <charconv>
#include <cmath>
#include <set>
#include <sstream>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include "formats/csv.h"
#include "formats/openflights_internal.h"
#include "routes/geo.h"
#include "routes/time_zones.h"

namespace aircargo::formats {
namespace {

constexpr std::size_t kMaxExamples = 20;
constexpr char kUnknownCountry[] = "ZZ";

bool IsUpperAlpha(std::string_view s, std::size_t size) {
  if (s.size() != size) return false;
  for (char c : s) {
    if (c < 'A' || c > 'Z') return false;
  }
  return true;
}

bool IsUpperOrDigit(std::string_view s, std::size_t size) {
  if (s.size() != size) return false;
  for (char c : s) {
    if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) return false;
  }
  return true;
}

std::optional<double> ParseDouble(const CsvField& field) {
  if (!field || field->empty()) return std::nullopt;
  double value = 0;
  const char* begin = field->data();
  const char* end = begin + field->size();
  auto [ptr, ec] = std::from_chars(begin, end, value);
  if (ec != std::errc() || ptr != end || !std::isfinite(value)) return std::nullopt;
  return value;
}

std::string Text(const CsvField& field) { return field ? *field : std::string(); }

// The fixed-offset IANA zone for a whole-hour offset ("Etc/GMT-8" is UTC+8), or "UTC".
std::string FallbackZone(const CsvField& offset_hours) {
  const auto hours = ParseDouble(offset_hours);
  if (!hours || *hours != std::floor(*hours) || *hours == 0 || *hours < -12 || *hours > 14) {
    return "UTC";
  }
  const int h = static_cast<int>(*hours);
  return std::string("Etc/GMT") + (h > 0 ? "-" : "+") + std::to_string(h > 0 ? h : -h);
}

// Route ids allow letters, digits, '-', '_' and '.'.
std::string IdSafe(std::string_view s) {
  std::string out;
  for (char c : s) {
    const bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                    c == '-' || c == '_' || c == '.';
    out.push_back(ok ? c : '_');
  }
  return out;
}

// Collects skipped rows; in strict mode the first one becomes the import's error.
class Skips {
 public:
  Skips(bool strict, ImportReport& report) : strict_(strict), report_(report) {}

  void Skip(std::int64_t& counter, std::string_view file, std::int64_t line,
            const std::string& reason) {
    ++counter;
    std::string where = std::string(file) + ":" + std::to_string(line);
    if (strict_ && !error_) {
      error_ = routes::InvalidArgument(where, reason + " (--strict: no row may be skipped)");
    }
    if (report_.examples.size() < kMaxExamples) report_.examples.push_back(where + ": " + reason);
  }
  const std::optional<routes::Error>& error() const { return error_; }

 private:
  bool strict_;
  ImportReport& report_;
  std::optional<routes::Error> error_;
};

struct AirportRow {
  v1::Airport airport;
  bool used = false;
};

struct Tables {
  std::unordered_map<std::string, std::string> country_iso;    // name -> ISO alpha-2
  std::unordered_map<std::string, std::string> plane_names;    // IATA type -> name
  std::unordered_map<std::string, std::string> airline_codes;  // OpenFlights id -> code
};

Tables ReadTables(const OpenFlightsText& text) {
  Tables tables;
  CsvRecord record;
  CsvReader countries(text.countries);
  while (countries.Next(record)) {
    if (record.fields.size() >= 2 && record.fields[0] && record.fields[1] &&
        IsUpperAlpha(*record.fields[1], 2)) {
      tables.country_iso.emplace(*record.fields[0], *record.fields[1]);
    }
  }
  CsvReader planes(text.planes);
  while (planes.Next(record)) {
    if (record.fields.size() >= 2 && record.fields[0] && record.fields[1]) {
      tables.plane_names.emplace(*record.fields[1], *record.fields[0]);
    }
  }
  CsvReader airlines(text.airlines);
  while (airlines.Next(record)) {
    if (record.fields.size() < 5 || !record.fields[0]) continue;
    const std::string iata = Text(record.fields[3]);
    const std::string icao = Text(record.fields[4]);
    const std::string code = IsUpperOrDigit(iata, 2) ? iata : IsUpperOrDigit(icao, 3) ? icao : "";
    if (!code.empty()) tables.airline_codes.emplace(*record.fields[0], code);
  }
  return tables;
}

// The model's own settings: INVALID_ARGUMENT naming the option when out of range.
std::optional<routes::Error> CheckOptions(const OpenFlightsOptions& options) {
  if (options.flights_per_week < 1 || options.flights_per_week > 70) {
    return routes::InvalidArgument(
        "flights_per_week",
        "must be between 1 and 70, got " + std::to_string(options.flights_per_week));
  }
  if (!(options.cruise_speed_kmh > 0) || options.taxi_minutes < 0) {
    return routes::InvalidArgument("cruise_speed_kmh", "must be > 0 (and taxi minutes >= 0)");
  }
  return std::nullopt;
}

// The airports kept from airports.dat, found by IATA code, ICAO code or OpenFlights id.
struct AirportIndex {
  std::vector<AirportRow> rows;
  std::unordered_map<std::string, std::size_t> by_iata;
  std::unordered_map<std::string, std::size_t> by_icao;
  std::unordered_map<std::string, std::size_t> by_openflights_id;

  std::optional<std::size_t> Find(const CsvField& code, const CsvField& id) const {
    const std::string c = Text(code);
    if (auto it = by_iata.find(c); it != by_iata.end()) return it->second;
    if (auto it = by_icao.find(c); it != by_icao.end()) return it->second;
    if (id) {
      if (auto it = by_openflights_id.find(*id); it != by_openflights_id.end()) return it->second;
    }
    return std::nullopt;
  }
};

// One airports.dat row (Airport ID, Name, City, Country, IATA, ICAO, Latitude, Longitude,
// Altitude, Timezone (hours), DST, Tz database name, Type, Source) as an Airport, or nullopt
// after recording why it is skipped.
std::optional<v1::Airport> AirportFromRow(const CsvRecord& record, const AirportIndex& index,
                                          const Tables& tables, const OpenFlightsOptions& options,
                                          Skips& skips, ImportReport& report) {
  const auto& f = record.fields;
  if (!record.error.empty() || f.size() < 12) {
    skips.Skip(report.airports_malformed, "airports.dat", record.line,
               record.error.empty() ? "expected 14 fields, got " + std::to_string(f.size())
                                    : record.error);
    return std::nullopt;
  }
  const std::string iata = Text(f[4]);
  if (!IsUpperAlpha(iata, 3)) {
    skips.Skip(report.airports_without_iata, "airports.dat", record.line,
               "no IATA code" + (iata.empty() ? std::string() : " (\"" + iata + "\")"));
    return std::nullopt;
  }
  const auto lat = ParseDouble(f[6]);
  const auto lon = ParseDouble(f[7]);
  if (!lat || !lon || *lat < -90 || *lat > 90 || *lon < -180 || *lon > 180) {
    skips.Skip(report.airports_missing_coordinates, "airports.dat", record.line,
               "missing or invalid coordinates for " + iata);
    return std::nullopt;
  }
  if (index.by_iata.contains(iata)) {
    skips.Skip(report.airports_duplicate_iata, "airports.dat", record.line,
               "duplicate IATA code " + iata);
    return std::nullopt;
  }
  std::string zone = Text(f[11]);
  if (zone.empty() || !routes::IsKnownTimeZone(zone)) {
    if (options.skip_unknown_time_zone) {
      skips.Skip(report.airports_unknown_time_zone_skipped, "airports.dat", record.line,
                 "unknown time zone \"" + zone + "\" for " + iata);
      return std::nullopt;
    }
    zone = FallbackZone(f[9]);
    ++report.airports_tz_fallback;
  }
  v1::Airport a;
  a.set_iata(iata);
  const std::string icao = Text(f[5]);
  if (IsUpperOrDigit(icao, 4)) a.set_icao(icao);
  a.set_name(Text(f[1]));
  a.set_city(Text(f[2]));
  const std::string country = Text(f[3]);
  auto iso = tables.country_iso.find(country);
  const std::string code = iso != tables.country_iso.end() ? iso->second : CountryAlias(country);
  a.set_country(code.empty() ? kUnknownCountry : code);
  a.set_latitude_deg(*lat);
  a.set_longitude_deg(*lon);
  a.set_time_zone(zone);
  return a;
}

// Step 1: every usable airports.dat row, indexed.
AirportIndex ReadAirports(const std::string& airports_text, const Tables& tables,
                          const OpenFlightsOptions& options, Skips& skips, ImportReport& report) {
  AirportIndex index;
  CsvRecord record;
  CsvReader reader(airports_text);
  while (reader.Next(record)) {
    ++report.airport_rows;
    auto airport = AirportFromRow(record, index, tables, options, skips, report);
    if (!airport) continue;
    const std::size_t at = index.rows.size();
    index.by_iata.emplace(airport->iata(), at);
    if (!airport->icao().empty()) index.by_icao.emplace(airport->icao(), at);
    if (record.fields[0]) index.by_openflights_id.emplace(*record.fields[0], at);
    index.rows.push_back(AirportRow{std::move(*airport), false});
  }
  return index;
}

// The routes read so far, with what makes a row a duplicate and a route id unique.
struct RouteSet {
  std::vector<v1::Route> routes;
  std::unordered_set<std::string> seen_keys;  // carrier|from|to
  std::unordered_set<std::string> ids;
  std::set<std::pair<std::size_t, std::size_t>> pairs;
};

// One routes.dat row (Airline, Airline ID, Source airport, Source airport ID, Destination airport,
// Destination airport ID, Codeshare "Y" or empty, Stops, Equipment) added to `out`, or skipped
// with its reason.
void AddRouteRow(const CsvRecord& record, AirportIndex& airports, const Tables& tables,
                 const OpenFlightsOptions& options, Skips& skips, ImportReport& report,
                 RouteSet& out) {
  const auto& f = record.fields;
  if (!record.error.empty() || f.size() != 9) {
    skips.Skip(
        report.routes_malformed, "routes.dat", record.line,
        record.error.empty() ? "expected 9 fields, got " + std::to_string(f.size()) : record.error);
    return;
  }
  const auto origin = airports.Find(f[2], f[3]);
  const auto destination = airports.Find(f[4], f[5]);
  if (!origin || !destination) {
    skips.Skip(report.routes_unknown_airport, "routes.dat", record.line,
               "unknown airport \"" + Text(!origin ? f[2] : f[4]) + "\"");
    return;
  }
  const v1::Airport& a = airports.rows[*origin].airport;
  const v1::Airport& b = airports.rows[*destination].airport;
  if (*origin == *destination) {
    skips.Skip(report.routes_self_loop, "routes.dat", record.line,
               "origin and destination are both " + a.iata());
    return;
  }
  const bool codeshare = Text(f[6]) == "Y";
  if (codeshare && options.skip_codeshares) {
    skips.Skip(report.routes_codeshare_skipped, "routes.dat", record.line, "codeshare");
    return;
  }
  std::string carrier = Text(f[0]);
  if (carrier.empty() && f[1]) {
    if (auto it = tables.airline_codes.find(*f[1]); it != tables.airline_codes.end()) {
      carrier = it->second;
    }
  }
  if (carrier.empty()) carrier = "ZZ";
  if (!out.seen_keys.insert(carrier + "|" + a.iata() + "|" + b.iata()).second) {
    skips.Skip(report.routes_duplicate, "routes.dat", record.line,
               "duplicate of an earlier " + carrier + " " + a.iata() + "-" + b.iata() + " row");
    return;
  }
  const std::string equipment = Text(f[8]);
  auto plane = tables.plane_names.find(equipment);
  const std::string& aircraft = plane != tables.plane_names.end() ? plane->second : equipment;
  bool freighter = false;
  v1::Route r = ModelRoute(a, b, carrier, equipment, aircraft, record.line, options, &freighter);
  std::string id = a.iata() + "-" + b.iata() + "-" + IdSafe(carrier);
  for (int n = 2; out.ids.contains(id); ++n) {
    id = a.iata() + "-" + b.iata() + "-" + IdSafe(carrier) + "-" + std::to_string(n);
  }
  out.ids.insert(id);
  r.set_id(id);
  if (codeshare) {
    r.add_tags("codeshare");
    ++report.routes_codeshare;
  }
  if (freighter) ++report.routes_freighter;
  airports.rows[*origin].used = true;
  airports.rows[*destination].used = true;
  out.pairs.emplace(*origin, *destination);
  out.routes.push_back(std::move(r));
}

// Step 2: every usable routes.dat row, reporting progress every 4,096 rows.
RouteSet ReadRoutes(const OpenFlightsText& text, AirportIndex& airports, const Tables& tables,
                    const OpenFlightsOptions& options, Skips& skips, ImportReport& report) {
  RouteSet out;
  CsvRecord record;
  CsvReader reader(text.routes);
  std::int64_t rows_since_progress = 0;
  const auto total = static_cast<std::int64_t>(text.routes.size());
  while (reader.Next(record)) {
    ++report.route_rows;
    if (options.progress && ++rows_since_progress == 4096) {
      rows_since_progress = 0;
      options.progress(static_cast<std::int64_t>(reader.offset()), total);
    }
    AddRouteRow(record, airports, tables, options, skips, report, out);
  }
  if (options.progress) options.progress(total, total);
  return out;
}

// Step 3: the network message: the airports some route uses, then the routes; the report's totals.
v1::Network AssembleNetwork(AirportIndex& airports, RouteSet& routes,
                            const OpenFlightsOptions& options, ImportReport& report) {
  v1::Network network;
  network.set_name(options.network_name);
  network.set_description(
      "Imported from the OpenFlights database (https://openflights.org/data.php, ODbL). "
      "OpenFlights states no frequency, payload or cost; modelled: " +
      ModelDescription(options) + ".");
  network.set_version(options.version);
  for (AirportRow& row : airports.rows) {
    if (!row.used) {
      ++report.airports_unused;
      continue;
    }
    if (row.airport.country() == kUnknownCountry) ++report.countries_unmapped;
    *network.add_airports() = std::move(row.airport);
  }
  report.airports_kept = network.airports_size();
  report.routes_kept = static_cast<std::int64_t>(routes.routes.size());
  report.airport_pairs = static_cast<std::int64_t>(routes.pairs.size());
  network.mutable_routes()->Reserve(static_cast<int>(routes.routes.size()));
  for (v1::Route& r : routes.routes) *network.add_routes() = std::move(r);
  return network;
}

}  // namespace

routes::Result<v1::Network> ImportOpenFlightsText(const OpenFlightsText& text,
                                                  const OpenFlightsOptions& options,
                                                  ImportReport* report_out) {
  ImportReport local_report;
  ImportReport& report = report_out ? *report_out : local_report;
  report = ImportReport{};
  if (auto error = CheckOptions(options)) return *error;
  Skips skips(options.strict, report);
  const Tables tables = ReadTables(text);
  AirportIndex airports = ReadAirports(text.airports, tables, options, skips, report);
  if (skips.error()) return *skips.error();
  RouteSet routes = ReadRoutes(text, airports, tables, options, skips, report);
  if (skips.error()) return *skips.error();
  return AssembleNetwork(airports, routes, options, report);
}

std::vector<v1::Airport> ReadOpenFlightsAirports(const std::string& airports,
                                                 const std::string& countries,
                                                 ImportReport* report_out) {
  ImportReport local_report;
  ImportReport& report = report_out ? *report_out : local_report;
  report = ImportReport{};
  OpenFlightsText text;
  text.countries = countries;
  const OpenFlightsOptions options;
  Skips skips(false, report);
  AirportIndex index = ReadAirports(airports, ReadTables(text), options, skips, report);
  std::vector<v1::Airport> out;
  out.reserve(index.rows.size());
  for (AirportRow& row : index.rows) out.push_back(std::move(row.airport));
  report.airports_kept = static_cast<std::int64_t>(out.size());
  return out;
}

}  // namespace aircargo::formats
