// One log line per RPC at debug level: method, peer, status code and server-side latency. Also the
// one place every RPC passes, so it applies the read gate (--read-tokens, server/auth.h) first.
#pragma once

#include <grpcpp/server_context.h>
#include <spdlog/spdlog.h>

#include <chrono>
#include <string_view>
#include <utility>

#include "server/auth.h"

namespace aircargo::server {

// Runs `handler` (returning grpc::Status) and logs the call.
template <typename Handler>
grpc::Status LogRequest(std::string_view method, const grpc::ServerContext* context,
                        Handler&& handler) {
  const auto start = std::chrono::steady_clock::now();
  grpc::Status status = CheckReadGate(*context);
  if (status.ok()) status = std::forward<Handler>(handler)();
  if (spdlog::should_log(spdlog::level::debug)) {
    const auto micros = std::chrono::duration_cast<std::chrono::microseconds>(
                            std::chrono::steady_clock::now() - start)
                            .count();
    spdlog::debug("{} peer={} status={} {}us{}{}", method, context->peer(),
                  static_cast<int>(status.error_code()), micros, status.ok() ? "" : " ",
                  status.error_message());
  }
  return status;
}

}  // namespace aircargo::server
