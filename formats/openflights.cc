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

struct Model {
  std::int64_t payload_kg = 0;
  bool freighter = false;
  bool from_table = false;
};

Model ModelEquipment(const std::string& equipment, const OpenFlightsOptions& options) {
  Model model;
  std::istringstream in(equipment);
  std::string code;
  std::int64_t sum = 0;
  int known = 0;
  int types = 0;
  int freighters = 0;
  while (in >> code) {
    ++types;
    const EquipmentModel m = LookupEquipment(code);
    if (m.payload_kg > 0) {
      sum += m.payload_kg;
      ++known;
      if (m.freighter) ++freighters;
    }
  }
  model.freighter = types > 0 && freighters == types;
  model.from_table = known > 0;
  model.payload_kg = known > 0 ? sum / known : options.default_payload_kg;
  if (options.payload_override_kg > 0) model.payload_kg = options.payload_override_kg;
  return model;
}

std::string ModelDescription(const OpenFlightsOptions& options) {
  std::ostringstream out;
  out << options.flights_per_week << " flights/week, payload by equipment type (default "
      << options.default_payload_kg << " kg), cost " << options.cost_base_micros_per_kg << " + "
      << options.cost_per_1000_km_micros_per_kg << " micros/kg per 1000 km, block "
      << options.taxi_minutes << " min + distance at " << options.cruise_speed_kmh << " km/h";
  return out.str();
}

// airports.dat: Airport ID, Name, City, Country, IATA, ICAO, Latitude, Longitude, Altitude,
// Timezone (hours), DST, Tz database name, Type, Source.
struct AirportTable {
  std::vector<AirportRow> airports;
  std::unordered_map<std::string, std::size_t> by_iata;
  std::unordered_map<std::string, std::size_t> by_icao;
  std::unordered_map<std::string, std::size_t> by_openflights_id;
};

AirportTable ReadAirports(const std::string& airports_text, const Tables& tables,
                          const OpenFlightsOptions& options, Skips& skips, ImportReport& report) {
  AirportTable table;
  auto& airports = table.airports;
  auto& by_iata = table.by_iata;
  auto& by_icao = table.by_icao;
  auto& by_openflights_id = table.by_openflights_id;
  CsvRecord record;
  CsvReader airport_reader(airports_text);
  while (airport_reader.Next(record)) {
    ++report.airport_rows;
    const auto& f = record.fields;
    if (!record.error.empty() || f.size() < 12) {
      skips.Skip(report.airports_malformed, "airports.dat", record.line,
                 record.error.empty() ? "expected 14 fields, got " + std::to_string(f.size())
                                      : record.error);
      continue;
    }
    const std::string iata = Text(f[4]);
    if (!IsUpperAlpha(iata, 3)) {
      skips.Skip(report.airports_without_iata, "airports.dat", record.line,
                 "no IATA code" + (iata.empty() ? std::string() : " (\"" + iata + "\")"));
      continue;
    }
    const auto lat = ParseDouble(f[6]);
    const auto lon = ParseDouble(f[7]);
    if (!lat || !lon || *lat < -90 || *lat > 90 || *lon < -180 || *lon > 180) {
      skips.Skip(report.airports_missing_coordinates, "airports.dat", record.line,
                 "missing or invalid coordinates for " + iata);
      continue;
    }
    if (by_iata.contains(iata)) {
      skips.Skip(report.airports_duplicate_iata, "airports.dat", record.line,
                 "duplicate IATA code " + iata);
      continue;
    }
    std::string zone = Text(f[11]);
    if (zone.empty() || !routes::IsKnownTimeZone(zone)) {
      if (options.skip_unknown_time_zone) {
        skips.Skip(report.airports_unknown_time_zone_skipped, "airports.dat", record.line,
                   "unknown time zone \"" + zone + "\" for " + iata);
        continue;
      }
      zone = FallbackZone(f[9]);
      ++report.airports_tz_fallback;
    }
    AirportRow row;
    v1::Airport& a = row.airport;
    a.set_iata(iata);
    const std::string icao = Text(f[5]);
    if (IsUpperOrDigit(icao, 4)) a.set_icao(icao);
    a.set_name(Text(f[1]));
    a.set_city(Text(f[2]));
    const std::string country = Text(f[3]);
    auto iso = tables.country_iso.find(country);
    std::string code = iso != tables.country_iso.end() ? iso->second : CountryAlias(country);
    a.set_country(code.empty() ? kUnknownCountry : code);
    a.set_latitude_deg(*lat);
    a.set_longitude_deg(*lon);
    a.set_time_zone(zone);
    by_iata.emplace(iata, airports.size());
    if (!a.icao().empty()) by_icao.emplace(a.icao(), airports.size());
    if (f[0]) by_openflights_id.emplace(*f[0], airports.size());
    airports.push_back(std::move(row));
  }
  return table;
}

}  // namespace

routes::Result<v1::Network> ImportOpenFlightsText(const OpenFlightsText& text,
                                                  const OpenFlightsOptions& options,
                                                  ImportReport* report_out) {
  ImportReport local_report;
  ImportReport& report = report_out ? *report_out : local_report;
  report = ImportReport{};
  if (options.flights_per_week < 1 || options.flights_per_week > 70) {
    return routes::InvalidArgument(
        "flights_per_week",
        "must be between 1 and 70, got " + std::to_string(options.flights_per_week));
  }
  if (!(options.cruise_speed_kmh > 0) || options.taxi_minutes < 0) {
    return routes::InvalidArgument("cruise_speed_kmh", "must be > 0 (and taxi minutes >= 0)");
  }
  Skips skips(options.strict, report);
  const Tables tables = ReadTables(text);

  AirportTable table = ReadAirports(text.airports, tables, options, skips, report);
  if (skips.error()) return *skips.error();
  auto& airports = table.airports;
  const auto& by_iata = table.by_iata;
  const auto& by_icao = table.by_icao;
  const auto& by_openflights_id = table.by_openflights_id;
  CsvRecord record;

  auto find_airport = [&](const CsvField& code, const CsvField& id) -> std::optional<std::size_t> {
    const std::string c = Text(code);
    if (auto it = by_iata.find(c); it != by_iata.end()) return it->second;
    if (auto it = by_icao.find(c); it != by_icao.end()) return it->second;
    if (id) {
      if (auto it = by_openflights_id.find(*id); it != by_openflights_id.end()) return it->second;
    }
    return std::nullopt;
  };

  // routes.dat: Airline, Airline ID, Source airport, Source airport ID, Destination airport,
  // Destination airport ID, Codeshare ("Y" or empty), Stops, Equipment (space separated).
  const std::string model_text = ModelDescription(options);
  std::vector<v1::Route> routes;
  std::unordered_set<std::string> seen_keys;
  std::unordered_set<std::string> route_ids;
  std::set<std::pair<std::size_t, std::size_t>> pairs;
  CsvReader route_reader(text.routes);
  std::int64_t rows_since_progress = 0;
  while (route_reader.Next(record)) {
    ++report.route_rows;
    if (options.progress && ++rows_since_progress == 4096) {
      rows_since_progress = 0;
      options.progress(static_cast<std::int64_t>(route_reader.offset()),
                       static_cast<std::int64_t>(text.routes.size()));
    }
    const auto& f = record.fields;
    if (!record.error.empty() || f.size() != 9) {
      skips.Skip(report.routes_malformed, "routes.dat", record.line,
                 record.error.empty() ? "expected 9 fields, got " + std::to_string(f.size())
                                      : record.error);
      continue;
    }
    const auto origin = find_airport(f[2], f[3]);
    const auto destination = find_airport(f[4], f[5]);
    if (!origin || !destination) {
      skips.Skip(report.routes_unknown_airport, "routes.dat", record.line,
                 "unknown airport \"" + Text(!origin ? f[2] : f[4]) + "\"");
      continue;
    }
    if (*origin == *destination) {
      skips.Skip(report.routes_self_loop, "routes.dat", record.line,
                 "origin and destination are both " + airports[*origin].airport.iata());
      continue;
    }
    const bool codeshare = Text(f[6]) == "Y";
    if (codeshare && options.skip_codeshares) {
      skips.Skip(report.routes_codeshare_skipped, "routes.dat", record.line, "codeshare");
      continue;
    }
    std::string carrier = Text(f[0]);
    if (carrier.empty() && f[1]) {
      if (auto it = tables.airline_codes.find(*f[1]); it != tables.airline_codes.end()) {
        carrier = it->second;
      }
    }
    if (carrier.empty()) carrier = "ZZ";
    const std::string& from = airports[*origin].airport.iata();
    const std::string& to = airports[*destination].airport.iata();
    if (!seen_keys.insert(carrier + "|" + from + "|" + to).second) {
      skips.Skip(report.routes_duplicate, "routes.dat", record.line,
                 "duplicate of an earlier " + carrier + " " + from + "-" + to + " row");
      continue;
    }
    const std::string equipment = Text(f[8]);
    const Model model = ModelEquipment(equipment, options);
    const v1::Airport& a = airports[*origin].airport;
    const v1::Airport& b = airports[*destination].airport;
    const double km = std::max(1.0, routes::GreatCircleKm(a.latitude_deg(), a.longitude_deg(),
                                                          b.latitude_deg(), b.longitude_deg()));
    v1::Route r;
    std::string id = from + "-" + to + "-" + IdSafe(carrier);
    for (int n = 2; route_ids.contains(id); ++n) {
      id = from + "-" + to + "-" + IdSafe(carrier) + "-" + std::to_string(n);
    }
    route_ids.insert(id);
    r.set_id(id);
    r.set_origin(from);
    r.set_destination(to);
    r.set_carrier(carrier);
    r.set_mode(model.freighter ? v1::MODE_FREIGHTER : v1::MODE_BELLY);
    auto plane = tables.plane_names.find(equipment);
    r.set_aircraft(plane != tables.plane_names.end() ? plane->second : equipment);
    r.set_payload_kg(model.payload_kg);
    r.set_flights_per_week(options.flights_per_week);
    r.set_block_minutes(std::max<std::int32_t>(
        1, options.taxi_minutes +
               static_cast<std::int32_t>(std::ceil(km / options.cruise_speed_kmh * 60.0))));
    r.set_distance_km(std::round(km * 10) / 10);
    r.set_cost_per_kg_micros(
        options.cost_base_micros_per_kg +
        static_cast<std::int64_t>(std::llround(
            km / 1000.0 * static_cast<double>(options.cost_per_1000_km_micros_per_kg))));
    r.set_status(v1::ROUTE_STATUS_OPERATING);
    r.set_source("imported: OpenFlights routes.dat line " + std::to_string(record.line) +
                 "; payload/frequency/cost modelled: " +
                 (model.from_table || options.payload_override_kg > 0 ? "equipment table"
                                                                      : "default payload") +
                 ", see network description");
    if (codeshare) {
      r.add_tags("codeshare");
      ++report.routes_codeshare;
    }
    if (model.freighter) ++report.routes_freighter;
    airports[*origin].used = true;
    airports[*destination].used = true;
    pairs.emplace(*origin, *destination);
    routes.push_back(std::move(r));
  }
  if (skips.error()) return *skips.error();
  if (options.progress) {
    options.progress(static_cast<std::int64_t>(text.routes.size()),
                     static_cast<std::int64_t>(text.routes.size()));
  }

  v1::Network network;
  network.set_name(options.network_name);
  network.set_description(
      "Imported from the OpenFlights database (https://openflights.org/data.php, ODbL). "
      "OpenFlights states no frequency, payload or cost; modelled: " +
      model_text + ".");
  network.set_version(options.version);
  for (AirportRow& row : airports) {
    if (!row.used) {
      ++report.airports_unused;
      continue;
    }
    if (row.airport.country() == kUnknownCountry) ++report.countries_unmapped;
    *network.add_airports() = std::move(row.airport);
  }
  report.airports_kept = network.airports_size();
  report.routes_kept = static_cast<std::int64_t>(routes.size());
  report.airport_pairs = static_cast<std::int64_t>(pairs.size());
  network.mutable_routes()->Reserve(static_cast<int>(routes.size()));
  for (v1::Route& r : routes) *network.add_routes() = std::move(r);
  return network;
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
  AirportTable table = ReadAirports(airports, ReadTables(text), options, skips, report);
  std::vector<v1::Airport> out;
  out.reserve(table.airports.size());
  for (AirportRow& row : table.airports) out.push_back(std::move(row.airport));
  report.airports_kept = static_cast<std::int64_t>(out.size());
  return out;
}

}  // namespace aircargo::formats
