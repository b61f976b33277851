#include "server/request_context.h"

#include <algorithm>
#include <string>

#include "server/convert.h"

namespace aircargo::server {
namespace {

// The caller set no deadline when it is this far away (gRPC's "infinite" is far in the future).
bool NoDeadline(std::chrono::system_clock::time_point deadline) {
  return deadline >= std::chrono::system_clock::time_point::max() - std::chrono::hours(24 * 365);
}

}  // namespace

routes::StopCheck StopCheckFor(const grpc::ServerContext* context,
                               std::chrono::milliseconds budget) {
  using Clock = routes::StopCheck::Clock;
  const auto deadline = context->deadline();  // system_clock; "infinite" when the client set none
  auto* ctx = const_cast<grpc::ServerContext*>(context);  // IsCancelled is not const-qualified
  // gRPC also marks the call cancelled when its deadline passes: that is a deadline, not a
  // cancellation, so the StopCheck's own deadline reports it (DEADLINE_EXCEEDED).
  const auto cancelled = [ctx, deadline] {
    return ctx->IsCancelled() && std::chrono::system_clock::now() < deadline;
  };
  const auto now = Clock::now();
  Clock::time_point stop_at = Clock::time_point::max();
  if (budget != kNoComputeBudget) stop_at = now + budget;
  if (!NoDeadline(deadline)) {
    const auto left = deadline - std::chrono::system_clock::now();
    stop_at = std::min(stop_at, now + std::chrono::duration_cast<Clock::duration>(left));
  }
  return routes::StopCheck(stop_at, cancelled);
}

grpc::Status CoreErrorStatus(const grpc::ServerContext* context, const routes::Error& error,
                             std::chrono::milliseconds budget) {
  if (error.code == routes::ErrorCode::kDeadlineExceeded && budget != kNoComputeBudget &&
      context->deadline() > std::chrono::system_clock::now()) {
    return ToStatus(routes::MakeError(
        routes::ErrorCode::kResourceExhausted, "compute",
        "the request needed more than the server's compute budget of " +
            std::to_string(budget.count()) +
            " ms; narrow it (fewer destinations or pairs, a closer origin, more constraints)"));
  }
  return ToStatus(error);
}

}  // namespace aircargo::server
