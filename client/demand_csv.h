// The demand file of `aircargo demand plan | upgrades`: CSV lines
//   origin,destination,tonnes_per_week[,priority]
// (IATA codes, any case; tonnes >= 0 as a decimal number; priority > 0, default 1). Blank lines,
// lines starting with '#' and a first line starting with "origin" (a header) are skipped; spaces
// around fields are ignored. The first problem is returned as "LINE: message" (1-based). Codes
// are uppercased; the server checks that they exist. Pure function.
#pragma once

#include <string>
#include <string_view>

#include "aircargo/v1/demand.pb.h"

namespace aircargo::client {

// Fills request->demands; false with *error set on the first bad line (or no demand at all).
bool ParseDemandCsv(std::string_view text, v1::PlanDemandRequest* request, std::string* error);

}  // namespace aircargo::client
