// Internals of the SSIM import shared between its source files (not a public API).
#pragma once

#include <chrono>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "formats/ssim.h"
#include "formats/ssim_records.h"

namespace aircargo::formats::ssim_internal {

// Counts problems by reason with "FILE:RECORD" examples; in strict mode the first problem that
// `Bad` reports becomes the import's error. `Note` counts a handled case. Examples: at most
// kSsimExamplesPerReason per counter and kSsimMaxExamples in all.
class Skips {
 public:
  Skips(bool strict, SsimReport& report) : strict_(strict), report_(report) {}
  void Bad(std::int64_t& counter, const std::string& where, const std::string& reason);
  void Note(std::int64_t& counter, const std::string& where, const std::string& reason);
  const std::optional<routes::Error>& error() const { return error_; }

 private:
  void Example(const std::int64_t& counter, const std::string& text);

  bool strict_;
  SsimReport& report_;
  std::optional<routes::Error> error_;
  std::map<const std::int64_t*, int> examples_per_counter_;
};

// A leg record that passed the record-level checks, with where it came from.
struct LegRecord {
  SsimLeg leg;
  char time_mode = 'U';
  std::string file;
  std::int64_t record = 0;
  std::string where() const { return file + ":" + std::to_string(record); }
};

// Reads every file's records, checks serials, carriers and trailers, and returns the legs in file
// order.
std::vector<LegRecord> ReadLegRecords(const std::vector<SsimInput>& files, Skips& skips,
                                      SsimReport& report);

// A leg's times resolved against its flight date.
struct LegTimes {
  int day_offset = 0;     // local departure date - flight date, in days
  int minute_of_day = 0;  // local STD
  int block_minutes = 0;  // may be <= 0 or huge: the caller checks
  bool arrival_inferred = false;
};
LegTimes ResolveTimes(const SsimLeg& leg, char time_mode);

// Whether the leg flies on flight date `date` (period, days of operation, frequency rate).
bool OperatesOn(const SsimLeg& leg, std::chrono::sys_days date);

// "CA 1234" (with the operational suffix when there is one).
inline std::string FlightText(const SsimLeg& leg) {
  std::string s = leg.airline + " " + std::to_string(leg.flight_number);
  if (leg.operational_suffix != ' ') s += leg.operational_suffix;
  return s;
}

// Kept leg records (indices into `legs`, with their resolved times) -> routes merged as documented
// and the airports they use; handled cases counted in `report`.
v1::Network BuildRoutes(const std::vector<SsimInput>& files, const std::vector<LegRecord>& legs,
                        const std::vector<LegTimes>& times, const std::vector<std::size_t>& kept,
                        const std::vector<v1::Airport>& airport_table,
                        const std::unordered_map<std::string, std::size_t>& table,
                        const SsimOptions& options, Skips& skips, SsimReport& report);

inline std::chrono::year_month_day AddDays(std::chrono::year_month_day date, int days) {
  return std::chrono::year_month_day{std::chrono::sys_days{date} + std::chrono::days{days}};
}

}  // namespace aircargo::formats::ssim_internal
