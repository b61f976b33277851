// Per-request plumbing shared by the planning handlers: a StopCheck that honours the caller's
// gRPC deadline and cancellation inside core computations.
#pragma once

#include <grpcpp/server_context.h>

#include "routes/stop_check.h"

namespace aircargo::server {

// Stops at the call's deadline (if any) or when the client cancels. `context` must outlive it.
routes::StopCheck StopCheckFor(const grpc::ServerContext* context);

}  // namespace aircargo::server
