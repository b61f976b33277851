// SnapshotHolder: the server's current network snapshot. Readers take the snapshot once per RPC and
// answer from it; a writer swaps in a new snapshot whole, so no RPC ever sees a half-applied
// change. Thread-safe.
#pragma once

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

 private:
  mutable std::mutex mutex_;
  std::shared_ptr<const routes::Network> current_;
};

}  // namespace aircargo::server
