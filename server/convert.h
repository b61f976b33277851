// The server's one mapping between RPC messages and core types: request validation (airport codes,
// filters), core results -> response messages, and core errors -> grpc::Status (one exhaustive
// table). The Network message itself maps in formats/network_proto.
#pragma once

#include <grpcpp/support/status.h>

#include <string>
#include <string_view>

#include "aircargo/v1/network_service.pb.h"
#include "routes/airport_code.h"
#include "routes/network.h"
#include "routes/network_summary.h"
#include "routes/result.h"

namespace aircargo::server {

// The gRPC status for a core error; the message is "field: message" (plus violations).
grpc::Status ToStatus(const routes::Error& error);
grpc::StatusCode ToStatusCode(routes::ErrorCode code);

// Airport codes in requests: routes/airport_code.h (case-insensitive; INVALID_ARGUMENT when
// malformed, NOT_FOUND when unknown, naming the field).
using routes::NormalizeAirportCode;
using routes::ResolveAirport;

v1::NetworkSummary ToProto(const routes::NetworkSummary& summary);

}  // namespace aircargo::server
