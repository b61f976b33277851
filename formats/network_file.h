// Network files: the aircargo.v1.Network message in Protobuf text format (.textproto, .txtpb,
// anything else) or binary (.pb, .binpb). Loading parses, validates and builds a snapshot, and
// reports every problem with "NAME:LINE:COLUMN" (1-based) and the field's path. A loaded network
// has the file's version, or 1 when the file states none.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "aircargo/v1/network.pb.h"
#include "routes/network.h"
#include "routes/result.h"

namespace aircargo::formats {

// Parses and validates text-format network data; `source_name` prefixes locations in errors.
// Syntax errors: INVALID_ARGUMENT "NAME:LINE:COL: message". Validation problems: INVALID_ARGUMENT
// with one violation per problem, its field "NAME:LINE:COL: routes[5].payload_kg".
routes::Result<std::shared_ptr<const routes::Network>> LoadNetworkText(
    std::string_view text, std::string_view source_name);

// Reads a file (binary when it ends in .pb or .binpb, text otherwise) and loads it.
// An unreadable file is NOT_FOUND naming the path.
routes::Result<std::shared_ptr<const routes::Network>> LoadNetworkFile(const std::string& path);

// Parses text format into the message only (no validation); errors as LoadNetworkText.
routes::Result<v1::Network> ParseNetworkText(std::string_view text, std::string_view source_name);

// Writes the message as text or binary, chosen by the path's extension as above.
routes::Result<bool> SaveNetworkFile(const v1::Network& network, const std::string& path);

}  // namespace aircargo::formats
