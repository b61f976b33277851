// The server's one mapping between RPC messages and core types: request validation (airport codes,
// filters), core results -> response messages, and core errors -> grpc::Status (one exhaustive
// table). The Network message itself maps in formats/network_proto.
#pragma once

#include <grpcpp/support/status.h>

#include <string>
#include <string_view>

#include "aircargo/v1/network_service.pb.h"
#include "routes/network.h"
#include "routes/network_summary.h"
#include "routes/result.h"

namespace aircargo::server {

// The gRPC status for a core error; the message is "field: message" (plus violations).
grpc::Status ToStatus(const routes::Error& error);
grpc::StatusCode ToStatusCode(routes::ErrorCode code);

// Normalises an airport code from a request: trims nothing, uppercases; INVALID_ARGUMENT naming
// `field` unless it is 3 letters.
routes::Result<std::string> NormalizeAirportCode(std::string_view field, std::string_view code);

// Resolves a code to an airport of `network`: INVALID_ARGUMENT when malformed, NOT_FOUND when
// the network has no such airport (the message names the code).
routes::Result<routes::AirportId> ResolveAirport(const routes::Network& network,
                                                 std::string_view field, std::string_view code);

v1::NetworkSummary ToProto(const routes::NetworkSummary& summary);

}  // namespace aircargo::server
