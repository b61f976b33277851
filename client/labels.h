// The words the CLI uses for API enums, in tables and on the command line: route statuses
// ("operating", "planned", "suspended"), modes ("freighter", "belly", "truck") and evidence levels
// ("sourced" / "src", ...), with the footnote an answer gets when it rests on weak evidence.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "aircargo/v1/network.pb.h"

namespace aircargo::client {

// "operating", "planned", "suspended"; "-" for UNSPECIFIED and "unknown" for a value this build
// does not know (proto3 enums are open).
std::string_view RouteStatusLabel(v1::RouteStatus status);

// The status a user typed (case-insensitive label as above); nullopt for anything else.
std::optional<v1::RouteStatus> ParseRouteStatus(std::string_view text);

// "freighter", "belly", "truck"; "-" for UNSPECIFIED and "unknown" for unknown values.
std::string_view ModeLabel(v1::Mode mode);

// Evidence levels (docs/data.md): "sourced", "announced", "inferred", "assumed", "candidate",
// "illustrative"; "-" for UNSPECIFIED and "unknown" for unknown values.
std::string_view BasisLabel(v1::EvidenceBasis basis);
// The short column form: "src", "ann", "inf", "asm", "cand", "illus"; "-" / "?" as above.
std::string_view BasisShortLabel(v1::EvidenceBasis basis);
// True for sourced and announced: an answer resting only on those needs no caveat.
bool AtLeastAnnounced(v1::EvidenceBasis basis);
// One line (ending in a newline) when any of `bases` is weaker than announced or unstated, e.g.
// "Note: 3 of 5 legs rest on evidence weaker than announced (1 asm, 2 illus); levels:
// docs/data.md"; empty otherwise. `noun` names the items ("legs", "routes").
std::string BasisFootnote(const std::vector<v1::EvidenceBasis>& bases, const std::string& noun);

}  // namespace aircargo::client
