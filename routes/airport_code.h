// Airport codes as requests state them: case-insensitive IATA codes, resolved against a snapshot.
// Errors name the request field ("origin", "scenario.closed_airports[2]").
#pragma once

#include <string>
#include <string_view>

#include "routes/ids.h"
#include "routes/network.h"
#include "routes/result.h"

namespace aircargo::routes {

// Uppercases `code`; INVALID_ARGUMENT naming `field` unless it is 3 ASCII letters.
Result<std::string> NormalizeAirportCode(std::string_view field, std::string_view code);

// The airport `code` names in `network`: INVALID_ARGUMENT when malformed, NOT_FOUND (naming the
// code) when the network has no such airport.
Result<AirportId> ResolveAirport(const Network& network, std::string_view field,
                                 std::string_view code);

}  // namespace aircargo::routes
