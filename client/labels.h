// The words the CLI uses for API enums, in tables and on the command line: route statuses
// ("operating", "planned", "suspended") and modes ("freighter", "belly", "truck").
#pragma once

#include <optional>
#include <string_view>

#include "aircargo/v1/network.pb.h"

namespace aircargo::client {

// "operating", "planned", "suspended"; "-" for UNSPECIFIED and "unknown" for a value this build
// does not know (proto3 enums are open).
std::string_view RouteStatusLabel(v1::RouteStatus status);

// The status a user typed (case-insensitive label as above); nullopt for anything else.
std::optional<v1::RouteStatus> ParseRouteStatus(std::string_view text);

// "freighter", "belly", "truck"; "-" for UNSPECIFIED and "unknown" for unknown values.
std::string_view ModeLabel(v1::Mode mode);

}  // namespace aircargo::client
