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
  std::lock_guard lock(mutex_);
  current_ = std::move(next);
}

}  // namespace aircargo::server
