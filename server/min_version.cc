#include "server/min_version.h"

#include <algorithm>
#include <atomic>
#include <charconv>
#include <string>

namespace aircargo::server {
namespace {

std::atomic<const SnapshotHolder*> version_source{nullptr};
constexpr std::chrono::milliseconds kAnswerMargin{100};

}  // namespace

void SetVersionSource(const SnapshotHolder* snapshots) { version_source.store(snapshots); }
const SnapshotHolder* VersionSource() { return version_source.load(); }

grpc::Status AwaitMinVersion(const grpc::ServerContext& context) {
  const SnapshotHolder* snapshots = version_source.load();
  if (snapshots == nullptr) return grpc::Status::OK;
  const auto& metadata = context.client_metadata();
  const auto found = metadata.find(kMinVersionHeader);
  if (found == metadata.end()) return grpc::Status::OK;
  const std::string text(found->second.data(), found->second.size());
  long long wanted = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), wanted);
  if (error != std::errc() || end != text.data() + text.size() || wanted < 0) {
    return grpc::Status(grpc::StatusCode::INVALID_ARGUMENT,
                        std::string(kMinVersionHeader) + ": \"" + text +
                            "\" is not a network version (a whole number >= 0)");
  }
  auto until = std::chrono::steady_clock::now() + kMaxMinVersionWait;
  const auto deadline = context.deadline();
  const auto now = std::chrono::system_clock::now();
  if (deadline < now + kMaxMinVersionWait) {
    // Stop a little before the caller's deadline, so that the answer still reaches it.
    const auto left = std::max(std::chrono::system_clock::duration::zero(),
                               std::chrono::duration_cast<std::chrono::system_clock::duration>(
                                   deadline - now - kAnswerMargin));
    until = std::chrono::steady_clock::now() +
            std::chrono::duration_cast<std::chrono::steady_clock::duration>(left);
  }
  const std::int64_t served = snapshots->WaitForVersion(wanted, until);
  if (served >= wanted) return grpc::Status::OK;
  return grpc::Status(grpc::StatusCode::UNAVAILABLE,
                      std::string(kMinVersionHeader) + ": this server is at network version " +
                          std::to_string(served) + ", behind the requested " +
                          std::to_string(wanted) + "; retry (another replica may have it)");
}

}  // namespace aircargo::server
