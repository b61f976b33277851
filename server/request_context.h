// Per-request plumbing shared by the planning handlers: a StopCheck that honours the caller's
// gRPC deadline and cancellation inside core computations, and the server's compute budget, which
// bounds every planning request even when the caller sets no deadline (or a very long one).
// Which status a stopped computation answers is decided in the one table, server/convert.h.
#pragma once

#include <grpcpp/server_context.h>

#include <chrono>
#include <functional>

#include "routes/stop_check.h"

namespace aircargo::server {

// Longest one planning request may compute (aircargod --max-compute-seconds). Past it the request
// fails with RESOURCE_EXHAUSTED, so no request holds a server thread for long: an AnalyzeClosures
// or CompareScenarios over a whole country of the world network, say.
inline constexpr std::chrono::milliseconds kDefaultComputeBudget{std::chrono::seconds(60)};
inline constexpr std::chrono::milliseconds kNoComputeBudget = std::chrono::milliseconds::max();

// The StopCheck of one request, and whether its deadline is the compute budget's (sooner than the
// caller's deadline, or the caller set none): then DEADLINE_EXCEEDED means the budget ran out.
struct RequestStop {
  routes::StopCheck check;
  bool budget_set_the_deadline = false;
};

// Stops at the call's deadline (if any), `budget` from now if that is sooner, or when the client
// cancels. `context` must outlive it.
RequestStop StopCheckFor(const grpc::ServerContext* context,
                         std::chrono::milliseconds budget = kNoComputeBudget);

// Makes the RequestStop of each planning request: StopCheckFor unless a test replaces it
// (ServerOptions::stop_check), to stop a computation deterministically (an expired deadline, a
// cancel after N polls).
using StopCheckMaker =
    std::function<RequestStop(const grpc::ServerContext*, std::chrono::milliseconds budget)>;

}  // namespace aircargo::server
