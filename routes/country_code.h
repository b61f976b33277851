// Country codes as requests state them (ISO 3166-1 alpha-2, case-insensitive), and a country's
// airports in a snapshot. The one home for both: every handler and command that takes a country
// uses these. Errors name the request field. Pure functions; thread safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "routes/ids.h"
#include "routes/network.h"
#include "routes/result.h"

namespace aircargo::routes {

// Uppercases `code` (ASCII only, locale-independent); INVALID_ARGUMENT naming `field` unless it is
// 2 ASCII letters.
Result<std::string> NormalizeCountryCode(std::string_view field, std::string_view code);

// The airports of `network` in country `code` (validated as above), in id order, leaving out
// `except` (the request's origin): NOT_FOUND naming `field` when there are none.
Result<std::vector<AirportId>> AirportsInCountry(const Network& network, std::string_view field,
                                                 std::string_view code, AirportId except);

}  // namespace aircargo::routes
