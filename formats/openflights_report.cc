// ImportReport: totals and the one-line summary of an OpenFlights import.
#include <sstream>
#include <string>

#include "formats/openflights.h"
#include "formats/thousands.h"

namespace aircargo::formats {

std::int64_t ImportReport::skipped_rows() const {
  return airports_without_iata + airports_missing_coordinates + airports_unknown_time_zone_skipped +
         airports_duplicate_iata + airports_malformed + routes_malformed + routes_unknown_airport +
         routes_self_loop + routes_codeshare_skipped + routes_duplicate;
}

std::string ImportReport::Summary() const {
  std::ostringstream out;
  out << "imported " << WithThousands(airports_kept) << " airports, " << WithThousands(routes_kept)
      << " routes (" << WithThousands(airport_pairs) << " airport pairs, "
      << WithThousands(routes_codeshare) << " codeshare, " << WithThousands(routes_freighter)
      << " freighter); skipped airport rows: " << WithThousands(airports_without_iata)
      << " without IATA, " << WithThousands(airports_missing_coordinates)
      << " missing coordinates, " << WithThousands(airports_unknown_time_zone_skipped)
      << " unknown time zone, " << WithThousands(airports_duplicate_iata) << " duplicate, "
      << WithThousands(airports_malformed)
      << " malformed; skipped route rows: " << WithThousands(routes_unknown_airport)
      << " unknown airport, " << WithThousands(routes_self_loop) << " self-loop, "
      << WithThousands(routes_duplicate) << " duplicate, "
      << WithThousands(routes_codeshare_skipped) << " codeshare, "
      << WithThousands(routes_malformed) << " malformed; " << WithThousands(airports_unused)
      << " airports without routes left out, " << WithThousands(airports_tz_fallback)
      << " airports given a fixed-offset zone or UTC, " << WithThousands(countries_unmapped)
      << " countries unmapped (ZZ)";
  return out.str();
}

}  // namespace aircargo::formats
