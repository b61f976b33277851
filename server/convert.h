// The server's one mapping between RPC messages and core types: request validation (airport codes,
// filters), core results -> response messages, and core errors -> grpc::Status (one exhaustive
// table). The Network message itself maps in formats/network_proto.
#pragma once

#include <grpcpp/support/status.h>

#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>

#include "aircargo/v1/network_service.pb.h"
#include "routes/airport_code.h"
#include "routes/network.h"
#include "routes/network_summary.h"
#include "routes/result.h"

namespace aircargo::server {

// The one producer of non-OK grpc::Status in the server. The gRPC status for a core error; the
// message is "field: message" (plus violations).
grpc::Status ToStatus(const routes::Error& error);
grpc::StatusCode ToStatusCode(routes::ErrorCode code);

// The status for an error out of a planning computation bounded by the server's compute budget
// (server/request_context.h): DEADLINE_EXCEEDED from a StopCheck whose deadline was the budget's
// (sooner than the caller's own) means the budget ran out, and answers RESOURCE_EXHAUSTED
// "compute: the request needed more than the server's compute budget of N ms; narrow it ...";
// otherwise ToStatus(error).
grpc::Status ToStatus(const routes::Error& error, std::chrono::milliseconds compute_budget,
                      bool budget_set_the_deadline);

// What a handler answers when it failed in a way the core did not report (an exception): INTERNAL
// "internal error (request id N); the server log has the details".
grpc::Status InternalErrorStatus(std::uint64_t request_id);

// Airport codes in requests: routes/airport_code.h (case-insensitive; INVALID_ARGUMENT when
// malformed, NOT_FOUND when unknown, naming the field).
using routes::NormalizeAirportCode;
using routes::ResolveAirport;

v1::NetworkSummary ToProto(const routes::NetworkSummary& summary);

}  // namespace aircargo::server
