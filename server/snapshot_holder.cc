#include "server/snapshot_holder.h"

#include <utility>

namespace aircargo::server {

SnapshotHolder::SnapshotHolder(std::shared_ptr<const routes::Network> initial)
    : current_(std::move(initial)) {}

std::shared_ptr<const routes::Network> SnapshotHolder::Get() const {
  std::lock_guard lock(mutex_);
  return current_;
}

void SnapshotHolder::Replace(std::shared_ptr<const routes::Network> next) {
  {
    std::lock_guard lock(mutex_);
    current_ = std::move(next);
  }
  replaced_.notify_all();
}

std::int64_t SnapshotHolder::WaitForVersion(std::int64_t version,
                                            std::chrono::steady_clock::time_point until) const {
  std::unique_lock lock(mutex_);
  replaced_.wait_until(lock, until, [&] { return current_->version() >= version; });
  return current_->version();
}

}  // namespace aircargo::server
