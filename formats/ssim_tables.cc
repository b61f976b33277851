// The fixed tables of the SSIM import and export: service type -> mode, aircraft names -> IATA
// type codes, and the import report's summary.
#include <array>
#include <sstream>
#include <string>
#include <string_view>
#include <utility>

#include "formats/ssim.h"
#include "formats/thousands.h"

namespace aircargo::formats {
namespace {

// IATA aircraft type codes (SSIM Appendix A) for the aircraft names networks use.
constexpr std::array<std::pair<std::string_view, std::string_view>, 30> kAircraftCodes = {{
    {"A300-600F", "ABY"},  {"A310", "310"},      {"A319", "319"},      {"A320", "320"},
    {"A320neo", "32N"},    {"A321", "321"},      {"A321neo", "32Q"},   {"A321P2F", "32X"},
    {"A330", "330"},       {"A330-200", "332"},  {"A330-200F", "33X"}, {"A330-300", "333"},
    {"A350-900", "359"},   {"A350F", "35F"},     {"B737-800", "738"},  {"B737-800BCF", "73K"},
    {"B747-400", "744"},   {"B747-400F", "74Y"}, {"B747-8F", "74N"},   {"B757-200F", "75F"},
    {"B767-300", "763"},   {"B767-300F", "76X"}, {"B777-200", "772"},  {"B777-300", "773"},
    {"B777-300ER", "77W"}, {"B777F", "77X"},     {"B787-8", "788"},    {"B787-9", "789"},
    {"MD-11F", "M1F"},     {"truck", "TRK"},
}};

bool IsCodeChar(char c) { return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }

}  // namespace

int SsimServiceMode(char service_type) {
  switch (service_type) {
    case 'F':
    case 'H':
    case 'A':
    case 'M':
      return 1;  // freighter
    case 'J':
    case 'S':
    case 'G':
    case 'B':
    case 'C':
    case 'O':
    case 'L':
    case 'Q':
    case 'R':
      return 2;  // belly
    case 'U':
    case 'V':
      return 3;  // truck
    case 'P':
    case 'K':
    case 'T':
    case 'D':
    case 'E':
    case 'W':
    case 'X':
    case 'I':
    case 'N':
    case 'Y':
      return 0;  // no commercial load
    default:
      return -1;
  }
}

std::string SsimAircraftCode(const std::string& aircraft) {
  if (aircraft.size() == 3 && IsCodeChar(aircraft[0]) && IsCodeChar(aircraft[1]) &&
      IsCodeChar(aircraft[2])) {
    return aircraft;
  }
  for (const auto& [name, code] : kAircraftCodes) {
    if (name == aircraft) return std::string(code);
  }
  return "ZZZ";
}

std::string SsimAirlineCode(const std::string& carrier) {
  if (carrier.size() < 2 || carrier.size() > 3) return "YY";
  for (char c : carrier) {
    if (!IsCodeChar(c)) return "YY";
  }
  return carrier;
}

std::int64_t SsimReport::bad_records() const {
  return truncated + overlong + non_ascii + bad_field + unknown_type + out_of_place +
         unknown_station + same_station + bad_times + duplicate_legs + no_day_in_period +
         unsupported_frequency + unknown_service_type;
}

std::int64_t SsimReport::LegsOfServiceType(char type) const {
  for (const auto& [t, n] : by_service_type) {
    if (t == type) return n;
  }
  return 0;
}

std::string SsimReport::Summary() const {
  std::ostringstream out;
  out << "imported " << WithThousands(legs_kept) << " legs as " << WithThousands(routes)
      << " routes at " << WithThousands(airports) << " airports (";
  for (std::size_t i = 0; i < by_service_type.size(); ++i) {
    out << (i ? ", " : "") << by_service_type[i].first << " " << by_service_type[i].second;
  }
  out << "); skipped records: " << WithThousands(truncated) << " truncated, "
      << WithThousands(overlong) << " over-long, " << WithThousands(non_ascii) << " non-ASCII, "
      << WithThousands(bad_field) << " bad field, " << WithThousands(unknown_type)
      << " unknown type, " << WithThousands(out_of_place) << " out of place, "
      << WithThousands(unknown_station) << " unknown station, " << WithThousands(same_station)
      << " same station, " << WithThousands(bad_times) << " bad times, "
      << WithThousands(duplicate_legs) << " duplicate leg, " << WithThousands(no_day_in_period)
      << " no day in period, " << WithThousands(unsupported_frequency) << " unsupported frequency, "
      << WithThousands(unknown_service_type)
      << " unknown service type; left out: " << WithThousands(non_commercial)
      << " non-commercial legs, " << WithThousands(segment_records)
      << " segment records; checks: " << WithThousands(serial_breaks) << " serial breaks, "
      << WithThousands(trailer_problems) << " trailer problems, "
      << WithThousands(utc_variation_mismatch) << " UTC variations unlike the time zone; "
      << WithThousands(arrival_day_inferred) << " arrivals after midnight inferred in UTC, "
      << WithThousands(fortnightly_split) << " fortnightly legs split by week, "
      << WithThousands(multi_leg_flights) << " multi-leg flights, "
      << WithThousands(unknown_aircraft_type) << " legs with the default payload";
  if (!unknown_stations.empty()) {
    out << "; unknown stations:";
    for (const auto& s : unknown_stations) out << " " << s;
  }
  return out.str();
}

}  // namespace aircargo::formats
