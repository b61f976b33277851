// Internals of the OpenFlights import shared between its source files (not a public API).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "aircargo/v1/network.pb.h"
#include "formats/openflights.h"

namespace aircargo::formats {

// The modelled route from `a` to `b` of `carrier` flying `equipment` (shown as `aircraft`):
// frequency, payload, block time, distance and cost as formats/openflights.h describes, stated on
// routes.dat line `line`. `*freighter` says whether every type of the equipment is a freighter.
// Its id is left to the caller.
v1::Route ModelRoute(const v1::Airport& a, const v1::Airport& b, const std::string& carrier,
                     const std::string& equipment, const std::string& aircraft, std::int64_t line,
                     const OpenFlightsOptions& options, bool* freighter);

// The model's settings in words, for the network's description.
std::string ModelDescription(const OpenFlightsOptions& options);

// ISO 3166-1 alpha-2 code for an OpenFlights country name countries.dat lacks; "" when unknown.
std::string CountryAlias(std::string_view name);

}  // namespace aircargo::formats
