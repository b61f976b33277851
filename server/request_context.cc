#include "server/request_context.h"

#include <chrono>

namespace aircargo::server {

routes::StopCheck StopCheckFor(const grpc::ServerContext* context) {
  const auto deadline = context->deadline();  // system_clock; "infinite" when the client set none
  const auto now_system = std::chrono::system_clock::now();
  auto* ctx = const_cast<grpc::ServerContext*>(context);  // IsCancelled is not const-qualified
  const auto cancelled = [ctx] { return ctx->IsCancelled(); };
  if (deadline >= std::chrono::system_clock::time_point::max() - std::chrono::hours(24 * 365)) {
    return routes::StopCheck(routes::StopCheck::Clock::time_point::max(), cancelled);
  }
  const auto left = deadline - now_system;
  return routes::StopCheck(routes::StopCheck::Clock::now() +
                               std::chrono::duration_cast<routes::StopCheck::Clock::duration>(left),
                           cancelled);
}

}  // namespace aircargo::server
