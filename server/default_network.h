// The default network aircargod serves without --network: routes/networks/shenyang.textproto,
// compiled into the binary.
#pragma once

#include <memory>
#include <string_view>

#include "routes/network.h"
#include "routes/result.h"

namespace aircargo::server {

// The embedded text of routes/networks/shenyang.textproto.
std::string_view DefaultNetworkText();

// Parses and validates the embedded network (a broken embedded file is a build-time bug that the
// data tests catch; this still returns the error rather than crash).
routes::Result<std::shared_ptr<const routes::Network>> LoadDefaultNetwork();

}  // namespace aircargo::server
