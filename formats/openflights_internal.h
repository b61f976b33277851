// Internals of the OpenFlights import shared between its source files (not a public API).
#pragma once

#include <string>
#include <string_view>

namespace aircargo::formats {

// ISO 3166-1 alpha-2 code for an OpenFlights country name countries.dat lacks; "" when unknown.
std::string CountryAlias(std::string_view name);

}  // namespace aircargo::formats
