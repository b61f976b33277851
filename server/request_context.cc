#include "server/request_context.h"

#include <algorithm>

namespace aircargo::server {
namespace {

// The caller set no deadline when it is this far away (gRPC's "infinite" is far in the future).
bool NoDeadline(std::chrono::system_clock::time_point deadline) {
  return deadline >= std::chrono::system_clock::time_point::max() - std::chrono::hours(24 * 365);
}

}  // namespace

RequestStop StopCheckFor(const grpc::ServerContext* context, std::chrono::milliseconds budget) {
  using Clock = routes::StopCheck::Clock;
  const auto deadline = context->deadline();  // system_clock; "infinite" when the client set none
  auto* ctx = const_cast<grpc::ServerContext*>(context);  // IsCancelled is not const-qualified
  // gRPC also marks the call cancelled when its deadline passes: that is a deadline, not a
  // cancellation, so the StopCheck's own deadline reports it (DEADLINE_EXCEEDED).
  const auto cancelled = [ctx, deadline] {
    return ctx->IsCancelled() && std::chrono::system_clock::now() < deadline;
  };
  const auto now = Clock::now();
  Clock::time_point budget_at = Clock::time_point::max();
  if (budget != kNoComputeBudget) budget_at = now + budget;
  Clock::time_point caller_at = Clock::time_point::max();
  if (!NoDeadline(deadline)) {
    const auto left = deadline - std::chrono::system_clock::now();
    caller_at = now + std::chrono::duration_cast<Clock::duration>(left);
  }
  return RequestStop{routes::StopCheck(std::min(budget_at, caller_at), cancelled),
                     budget != kNoComputeBudget && budget_at < caller_at};
}

}  // namespace aircargo::server
