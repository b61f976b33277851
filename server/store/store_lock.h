// StoreLock: one server per store file. An exclusive flock(2) on "STORE.lock" held for the life
// of the server; the file names the holder (pid and address) so a second server can say who has
// it. The kernel drops the lock when the holder exits in any way (SIGKILL included), so a crash
// never leaves a stale lock behind. Not thread-safe (one per server).
#pragma once

#include <memory>
#include <string>

#include "routes/result.h"

namespace aircargo::server::store {

class StoreLock {
 public:
  // Takes the lock of `store_path`, writing `holder` ("pid 123, 127.0.0.1:50051") into the lock
  // file. Error kFailedPrecondition naming the current holder when another process has it.
  static routes::Result<std::unique_ptr<StoreLock>> Acquire(const std::string& store_path,
                                                            const std::string& holder);
  ~StoreLock();
  StoreLock(const StoreLock&) = delete;
  StoreLock& operator=(const StoreLock&) = delete;

  // Rewrites the holder text (once the server knows its port).
  void SetHolder(const std::string& holder);

 private:
  explicit StoreLock(int fd) : fd_(fd) {}
  int fd_ = -1;
};

}  // namespace aircargo::server::store
