#include "server/rpc_handler.h"

#include <spdlog/spdlog.h>

#include <atomic>
#include <cstdint>

namespace aircargo::server {

grpc::Status ExceptionStatus(std::string_view method, const char* what) {
  static std::atomic<std::uint64_t> next_id{1};
  const std::uint64_t id = next_id.fetch_add(1, std::memory_order_relaxed);
  spdlog::error("{} request id {}: unexpected exception: {}", method, id, what);
  return InternalErrorStatus(id);
}

void LogRpc(std::string_view method, const grpc::ServerContext* context, const grpc::Status& status,
            std::chrono::steady_clock::time_point start) {
  if (!spdlog::should_log(spdlog::level::debug)) return;
  const auto micros = std::chrono::duration_cast<std::chrono::microseconds>(
                          std::chrono::steady_clock::now() - start)
                          .count();
  spdlog::debug("{} peer={} status={} {}us{}{}", method, context->peer(),
                static_cast<int>(status.error_code()), micros, status.ok() ? "" : " ",
                status.error_message());
}

}  // namespace aircargo::server
