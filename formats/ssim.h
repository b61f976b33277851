// SSIM import and export: IATA SSIM Chapter 7 schedule files (fixed-width 200-byte records, field
// positions in formats/ssim_records.h) <-> aircargo.v1.Network.
//
// Import mapping (the import's documentation; docs/data.md summarises it):
// - Flight legs (record type 3) become routes. Records of the same flight leg (carrier, flight
//   number, operational suffix, leg sequence, stations) that agree on service type, aircraft type,
//   block time and period merge into one route; their itinerary variations differ only in days
//   and times and become its weekly departures. One route therefore per (carrier, flight number,
//   leg, period) unless more than 70 departures a week would result (then a second route).
// - Days of operation and the period refer to the flight date (the first leg's departure date in
//   the carrier record's time mode). A leg departs `departure date variation` days later ('A' = a
//   day earlier). In local time mode ('L') the STD is the origin's local clock time; in UTC mode
//   ('U') the local time is STD + the departure UTC variation (which may move it to another day).
//   The route's departures are the days of operation, moved by that day offset, at the local STD;
//   effective_from/effective_to are the period moved by the same offset ("00XXX00": open-ended).
// - Block time = STA - STD in UTC (each time minus its UTC variation, plus the date variations).
//   When the arrival date variation is blank (not stated), the arrival is the first STA after the
//   STD in UTC (counted in `arrival_day_inferred`): a leg leaving 23:30 +03:00 and arriving 02:30
//   +04:00 takes 2 hours, not minus 22.
// - Frequency rate '2' (fortnightly): one route per operating week (period = that week), so no
//   flight is invented or lost (`fortnightly_split`). Other rates are skipped.
// - Mode from the service type (SsimServiceMode): all-cargo services freighter, passenger
//   services belly, surface-vehicle services truck; non-commercial services (ferry, training,
//   test...) are left out and counted.
// - basis SOURCED (the schedule is the file's); `source` opens with "sourced: SSIM FILE:RECORD"
//   for every record merged and then says what is modelled.
// - Payload from the aircraft type via the OpenFlights equipment table (LookupEquipment, sources
//   in formats/openflights_tables.cc), plus road-feeder codes (TRK, RFS, BUS); unknown types get
//   `default_payload_kg`. Cost per kg: the OpenFlights cost model. Both are MODELLED and each
//   route's `source` says so, next to the SSIM records it rests on.
// - Airports come from `airports` (an OpenFlights airports.dat read by ReadOpenFlightsAirports, or
//   a network's airports); only those used are kept. With no airports at all the import fails
//   listing every station; with a table, legs at unknown stations are skipped and counted.
// - Checks: record serial numbers increase by one (padding excluded); each trailer's check
//   reference is the serial before it and its airline is its carrier's; every carrier block ends
//   with a trailer. A leg flying on a date another record of the same flight and leg already
//   covers is a duplicate (skipped). The stated UTC variation is compared with the airport's time
//   zone on the first flight (`utc_variation_mismatch`, a warning: the local times are kept).
//
// Lenient by default: bad records are skipped and counted by reason with their "FILE:RECORD"
// numbers (a few per reason in `examples`); with `strict` the first bad record is an
// INVALID_ARGUMENT naming "FILE:RECORD". No leg left to import is an INVALID_ARGUMENT naming the
// file. Non-commercial legs, padding and segment data (type 4)
// are left out by rule, not errors. Thread-safe (no shared state).
#pragma once

#include <chrono>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "aircargo/v1/network.pb.h"
#include "routes/result.h"

namespace aircargo::formats {

// One SSIM file's name (used in messages and sources) and contents.
struct SsimInput {
  std::string name;
  std::string text;
};

struct SsimOptions {
  std::int64_t default_payload_kg = 5000;  // aircraft types missing from the tables
  // Cost per kg: base + per_1000_km x great-circle distance / 1000 (as the OpenFlights import).
  std::int64_t cost_base_micros_per_kg = 300000;
  std::int64_t cost_per_1000_km_micros_per_kg = 250000;
  bool strict = false;
  std::string network_name = "SSIM schedule";
  std::int64_t version = 1;
};

struct SsimReport {
  std::int64_t records = 0;          // non-blank records read, padding included
  std::int64_t padding = 0;          // all-zero block padding records
  std::int64_t carriers = 0;         // type 2
  std::int64_t leg_records = 0;      // type 3
  std::int64_t segment_records = 0;  // type 4, read and left out
  std::int64_t trailers = 0;         // type 5
  // Bad records (skipped; --strict fails on them).
  std::int64_t truncated = 0;
  std::int64_t overlong = 0;
  std::int64_t non_ascii = 0;
  std::int64_t bad_field = 0;
  std::int64_t unknown_type = 0;
  std::int64_t out_of_place = 0;  // a leg before any carrier record, a second header...
  std::int64_t unknown_station = 0;
  std::int64_t same_station = 0;  // departure station = arrival station
  std::int64_t bad_times = 0;     // block time not positive or over a week
  std::int64_t duplicate_legs = 0;
  std::int64_t no_day_in_period = 0;
  std::int64_t unsupported_frequency = 0;
  std::int64_t unknown_service_type = 0;
  std::int64_t serial_breaks = 0;     // records kept; the serial is not previous + 1
  std::int64_t trailer_problems = 0;  // check reference, airline, missing trailer
  // Left out by rule.
  std::int64_t non_commercial = 0;  // service types P, K, T, ... (SsimServiceMode)
  // Handled, counted.
  std::int64_t arrival_day_inferred = 0;    // blank arrival date variation, arrival after midnight
  std::int64_t fortnightly_split = 0;       // fortnightly legs split into weekly routes
  std::int64_t multi_leg_flights = 0;       // flights (carrier, number, IVI, period) with > 1 leg
  std::int64_t utc_variation_mismatch = 0;  // stated variation differs from the airport's zone
  std::int64_t unknown_aircraft_type = 0;   // legs given the default payload
  std::int64_t legs_kept = 0;
  std::int64_t routes = 0;
  std::int64_t airports = 0;
  // Legs kept by service type ("J" -> 379).
  std::vector<std::pair<char, std::int64_t>> by_service_type;
  std::vector<std::string> unknown_stations;  // sorted
  std::vector<std::string> examples;          // "sample.ssim:530: serial 516 after 516"

  std::int64_t bad_records() const;
  std::int64_t LegsOfServiceType(char type) const;
  // One line: "imported 514 legs as 430 routes at 20 airports; skipped: ...; left out: ...".
  std::string Summary() const;
};

inline constexpr std::size_t kSsimMaxExamples = 20;
inline constexpr int kSsimExamplesPerReason = 3;

// The mode an SSIM service type maps to, or 0 for the non-commercial types (left out) and -1
// for letters the standard does not define. Table (SSIM Appendix C):
//   freighter 1: F (cargo/mail), H (charter cargo/mail), A (additional cargo/mail), M (mail only)
//   belly 2:     J, S (passenger), G, B (additional passenger), C, O, L (charter passenger,
//                with L cargo too), Q, R (passenger/cargo combi)
//   truck 3:     U (passenger by surface vehicle), V (cargo/mail by surface vehicle)
//   left out 0:  P (non-revenue positioning/ferry), K (training), T (technical test), D (general
//                aviation), E (special/government), W (military), X (technical stop), I (state),
//                N (business aviation), Y (special internal); any other letter: -1
int SsimServiceMode(char service_type);

// Imports the files (records numbered per file). `airports`: the table stations are looked up in.
routes::Result<v1::Network> ImportSsim(const std::vector<SsimInput>& files,
                                       const std::vector<v1::Airport>& airports,
                                       const SsimOptions& options, SsimReport* report);

// Export: the network's dated schedule as SSIM Chapter 7 in local time mode.
struct SsimExportOptions {
  // First date of the exported schedule: routes with no effective_from (or an earlier one)
  // start here; routes ending before it are left out.
  std::chrono::year_month_day from{};
  std::chrono::year_month_day created{};  // creation date in the carrier records
};

struct SsimExportReport {
  std::int64_t routes_written = 0;
  std::int64_t leg_records = 0;
  std::int64_t suspended_left_out = 0;
  std::int64_t ended_left_out = 0;   // effective_to before `from`
  std::int64_t carriers_as_yy = 0;   // carrier is no 2-3 character designator
  std::int64_t aircraft_as_zzz = 0;  // aircraft with no IATA type code
  // Per written route: its id and the flights it became ("CA1"; a second flight number when a
  // weekday has two departures).
  std::vector<std::pair<std::string, std::vector<std::string>>> flights;
};

// Writes `network` (validated first: errors as BuildNetwork's) as SSIM text, LF line ends. One
// carrier block per carrier (first appearance order), flight numbers 1, 2, ... per carrier in
// route order (a route with two departures on one weekday needs two: a flight number flies a
// leg once a day), one itinerary variation per local departure time, leg sequence 1, explicit
// date variations, the UTC variations of the period's first flight. Routes without departures
// are written with their evenly spread weekly departures (routes/itinerary/dated_flights.h).
// Carriers that are not 2-3 letters/digits are written as "YY"; aircraft as their IATA type code
// (SsimAircraftCode). Suspended routes are left out. INVALID_ARGUMENT when a carrier would need
// more than 9999 flight numbers.
routes::Result<std::string> ExportSsim(const v1::Network& network, const SsimExportOptions& options,
                                       SsimExportReport* report);

// The 3-character IATA aircraft type code the exporter writes for a route's `aircraft`: the text
// itself when it is 3 letters/digits, a code for common names ("B777F" -> "77F",
// "A330-300" -> "333", "truck" -> "TRK"), else "ZZZ".
std::string SsimAircraftCode(const std::string& aircraft);
// The designator the exporter writes for a carrier ("YY" when it is not 2-3 letters/digits).
std::string SsimAirlineCode(const std::string& carrier);

}  // namespace aircargo::formats
