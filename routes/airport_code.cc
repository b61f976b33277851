#include "routes/airport_code.h"

#include "routes/ascii.h"

namespace aircargo::routes {

Result<std::string> NormalizeAirportCode(std::string_view field, std::string_view code) {
  const std::string upper = ToUpperAscii(code);
  bool ok = upper.size() == 3;
  for (char c : upper) ok = ok && c >= 'A' && c <= 'Z';
  if (!ok) {
    return InvalidArgument(std::string(field), "must be a 3-letter IATA airport code, got \"" +
                                                   std::string(code) + "\"");
  }
  return upper;
}

Result<AirportId> ResolveAirport(const Network& network, std::string_view field,
                                 std::string_view code) {
  auto iata = NormalizeAirportCode(field, code);
  if (!iata.ok()) return iata.error();
  const auto id = network.FindAirport(*iata);
  if (!id) return NotFound(std::string(field), "airport \"" + *iata + "\" not found");
  return *id;
}

}  // namespace aircargo::routes
