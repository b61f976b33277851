// Per-request plumbing shared by the planning handlers: a StopCheck that honours the caller's
// gRPC deadline and cancellation inside core computations, and the server's compute budget, which
// bounds every planning request even when the caller sets no deadline (or a very long one).
#pragma once

#include <grpcpp/server_context.h>
#include <grpcpp/support/status.h>

#include <chrono>

#include "routes/result.h"
#include "routes/stop_check.h"

namespace aircargo::server {

// Longest one planning request may compute (aircargod --max-compute-seconds). Past it the request
// fails with RESOURCE_EXHAUSTED, so no request holds a server thread for long: an AnalyzeClosures
// or CompareScenarios over a whole country of the world network, say.
inline constexpr std::chrono::milliseconds kDefaultComputeBudget{std::chrono::seconds(60)};
inline constexpr std::chrono::milliseconds kNoComputeBudget = std::chrono::milliseconds::max();

// Stops at the call's deadline (if any), `budget` from now if that is sooner, or when the client
// cancels. `context` must outlive it.
routes::StopCheck StopCheckFor(const grpc::ServerContext* context,
                               std::chrono::milliseconds budget = kNoComputeBudget);

// The status for a core error: ToStatus(error), except that DEADLINE_EXCEEDED while the caller's
// own deadline has not passed means the server's budget ran out: RESOURCE_EXHAUSTED "compute:
// the request needed more than the server's compute budget of N ms; narrow it ...".
grpc::Status CoreErrorStatus(const grpc::ServerContext* context, const routes::Error& error,
                             std::chrono::milliseconds budget);

}  // namespace aircargo::server
