// OpenFlights import: builds an aircargo.v1.Network from the OpenFlights database
// (https://openflights.org/data.php: airports.dat, routes.dat, optional planes.dat, airlines.dat,
// countries.dat; CSV with "\N" for null, UTF-8 or ISO-8859-1).
//
// Choices (the import's documentation; summarise them in docs when the lead updates them):
// - Airports need an IATA code, coordinates and a time zone known to the system tz database; an
//   airport whose tz name is missing or unknown falls back to the fixed-offset zone of its
//   "Timezone" hours column ("Etc/GMT-8" for UTC+8) or, without a whole-hour offset, to "UTC"
//   (counted in `airports_tz_fallback`), unless `options.skip_unknown_time_zone` is set, then it
//   is skipped. Rows without IATA are skipped and counted. Only airports used by an imported
//   route are kept (the network is a route network; unused airports are counted).
// - Countries: the country NAME of airports.dat is mapped to ISO 3166-1 alpha-2 through
//   countries.dat when given, plus a small table of OpenFlights names countries.dat lacks
//   ("Burma" -> MM); unmapped names (or no countries.dat) become "ZZ" (CLDR's unknown region).
// - Routes: one Route per (airline, origin, destination). Codeshare rows are imported by default
//   with tag "codeshare" (OpenFlights' pair coverage needs them); `skip_codeshares` drops them.
//   Mode BELLY unless every equipment type is a freighter type (then FREIGHTER).
// - Frequency, payload, cost and block time are MODELLED (OpenFlights has none): see
//   OpenFlightsOptions. Every route's `source` says so and names its routes.dat line.
// - Route ids: "ORIGIN-DEST-AIRLINE", with "-2", "-3"... appended when not unique.
//
// Errors: unreadable files are NOT_FOUND naming the path; with `options.strict`, the first skipped
// row is an INVALID_ARGUMENT naming "FILE:LINE" and the reason. Thread-safe (no shared state).
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "aircargo/v1/network.pb.h"
#include "routes/network.h"
#include "routes/result.h"

namespace aircargo::formats {

// Paths of the database files; empty = absent. airports and routes are required.
struct OpenFlightsFiles {
  std::string airports;   // airports.dat
  std::string routes;     // routes.dat
  std::string planes;     // planes.dat (equipment names, used in `aircraft`)
  std::string airlines;   // airlines.dat (only active airlines' names; inactive ones still kept)
  std::string countries;  // countries.dat (country name -> ISO code)

  // The files found in `dir` (airports.dat and routes.dat always set; the optional ones only when
  // they exist).
  static OpenFlightsFiles InDirectory(const std::string& dir);
};

// The traffic model filling what OpenFlights does not state. Defaults documented inline.
struct OpenFlightsOptions {
  std::int32_t flights_per_week = 7;  // every imported route, 1..70
  // Payload per flight when the equipment is unknown to the built-in table (kg).
  std::int64_t default_payload_kg = 5000;
  // When > 0, every route gets this payload instead of the equipment table.
  std::int64_t payload_override_kg = 0;
  // Cost per kg: base + per_1000_km x distance/1000 (micros of the currency unit).
  std::int64_t cost_base_micros_per_kg = 300000;         // 0.30 per kg
  std::int64_t cost_per_1000_km_micros_per_kg = 250000;  // 0.25 per kg per 1000 km
  // Block time: taxi_minutes + distance / cruise_speed_kmh, rounded up; at least 1.
  double cruise_speed_kmh = 800;
  std::int32_t taxi_minutes = 30;
  bool skip_codeshares = false;         // false: import them with tag "codeshare"
  bool skip_unknown_time_zone = false;  // false: fall back to Etc/GMT+-N or "UTC"
  bool strict = false;                  // any skipped row is an error
  std::string network_name = "OpenFlights";
  std::int64_t version = 1;
  // Called now and then while reading routes.dat with (bytes done, bytes total); may be empty.
  std::function<void(std::int64_t, std::int64_t)> progress;
};

// What the import did; counts by reason. A row counts once, under its first problem.
struct ImportReport {
  // airports.dat
  std::int64_t airport_rows = 0;
  std::int64_t airports_without_iata = 0;
  std::int64_t airports_missing_coordinates = 0;
  std::int64_t airports_unknown_time_zone_skipped = 0;
  std::int64_t airports_tz_fallback = 0;
  std::int64_t airports_duplicate_iata = 0;
  std::int64_t airports_malformed = 0;
  std::int64_t airports_unused = 0;  // valid but no imported route touches them
  std::int64_t airports_kept = 0;
  std::int64_t countries_unmapped = 0;  // kept airports whose country became "ZZ"
  // routes.dat
  std::int64_t route_rows = 0;
  std::int64_t routes_malformed = 0;
  std::int64_t routes_unknown_airport = 0;
  std::int64_t routes_self_loop = 0;
  std::int64_t routes_codeshare_skipped = 0;
  std::int64_t routes_codeshare = 0;  // imported codeshare routes (tag "codeshare")
  std::int64_t routes_duplicate = 0;  // same airline and airport pair as an earlier row
  std::int64_t routes_kept = 0;
  std::int64_t routes_freighter = 0;
  std::int64_t airport_pairs = 0;  // distinct directed (origin, destination) pairs kept
  // Line numbers of the first few malformed rows, "routes.dat:123: expected 9 fields, got 7".
  std::vector<std::string> examples;

  std::int64_t skipped_rows() const;
  // One line: "imported 3,300 airports, 60,000 routes (37,500 airport pairs); skipped ...".
  std::string Summary() const;
};

// Reads the files and builds the message (not yet validated: BuildNetwork validates). `report`
// may be null.
routes::Result<v1::Network> ImportOpenFlights(const OpenFlightsFiles& files,
                                              const OpenFlightsOptions& options,
                                              ImportReport* report);

// Same, from the files' contents (tests; names are used in messages only).
struct OpenFlightsText {
  std::string airports;
  std::string routes;
  std::string planes;
  std::string airlines;
  std::string countries;
};
routes::Result<v1::Network> ImportOpenFlightsText(const OpenFlightsText& text,
                                                  const OpenFlightsOptions& options,
                                                  ImportReport* report);

// Every usable airport of airports.dat under the import's rules (IATA code, coordinates, time zone
// or its fixed-offset fallback, countries through countries.dat when given), used or not: the
// station table of an SSIM import. Rows the rules drop are counted in `report` (may be null).
std::vector<v1::Airport> ReadOpenFlightsAirports(const std::string& airports,
                                                 const std::string& countries,
                                                 ImportReport* report);

// Imports `dir` (airports.dat, routes.dat, + the optional files present) with default options,
// validates and builds the snapshot. For benchmarks and tests on the world network.
routes::Result<std::shared_ptr<const routes::Network>> LoadOpenFlightsWorld(const std::string& dir);

// Typical belly (or main-deck, for freighters) cargo payload in kg for an OpenFlights equipment
// code ("744", "77W", "32A"...) and whether it is a freighter type; payload 0 when unknown.
struct EquipmentModel {
  std::int64_t payload_kg = 0;  // 0 = not in the table
  bool freighter = false;
};
EquipmentModel LookupEquipment(const std::string& code);

}  // namespace aircargo::formats
