#include "routes/country_code.h"

#include "routes/ascii.h"

namespace aircargo::routes {

Result<std::string> NormalizeCountryCode(std::string_view field, std::string_view code) {
  const std::string upper = ToUpperAscii(code);
  bool ok = upper.size() == 2;
  for (char c : upper) ok = ok && c >= 'A' && c <= 'Z';
  if (!ok) {
    return InvalidArgument(std::string(field),
                           "must be an ISO 3166-1 alpha-2 code, got \"" + std::string(code) + "\"");
  }
  return upper;
}

Result<std::vector<AirportId>> AirportsInCountry(const Network& network, std::string_view field,
                                                 std::string_view code, AirportId except) {
  auto country = NormalizeCountryCode(field, code);
  if (!country.ok()) return country.error();
  std::vector<AirportId> airports;
  for (std::uint32_t a = 0; a < network.airports().size(); ++a) {
    if (AirportId(a) != except && EqualsIgnoreCase(network.airports()[a].country, *country)) {
      airports.push_back(AirportId(a));
    }
  }
  if (airports.empty()) {
    return NotFound(std::string(field),
                    "the network has no airport in " + *country + " other than the origin");
  }
  return airports;
}

}  // namespace aircargo::routes
