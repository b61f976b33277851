// SnapshotHolder: the server's current network snapshot. Readers take the snapshot once per RPC and
// answer from it; a writer swaps in a new snapshot whole, so no RPC ever sees a half-applied
// change. Thread-safe.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>

#include "routes/network.h"

namespace aircargo::server {

class SnapshotHolder {
 public:
  explicit SnapshotHolder(std::shared_ptr<const routes::Network> initial);

  // The current snapshot; never null.
  std::shared_ptr<const routes::Network> Get() const;
  // Makes `next` current.
  void Replace(std::shared_ptr<const routes::Network> next);
  // Waits until the current snapshot's version is at least `version` or `until` passes; the
  // version current when it returns.
  std::int64_t WaitForVersion(std::int64_t version,
                              std::chrono::steady_clock::time_point until) const;

 private:
  mutable std::mutex mutex_;
  mutable std::condition_variable replaced_;
  std::shared_ptr<const routes::Network> current_;
};

}  // namespace aircargo::server
