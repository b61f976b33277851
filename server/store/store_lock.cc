#include "server/store/store_lock.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace aircargo::server::store {

routes::Result<std::unique_ptr<StoreLock>> StoreLock::Acquire(const std::string& store_path,
                                                              const std::string& holder) {
  const std::string path = store_path + ".lock";
  const int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd < 0) {
    return routes::MakeError(routes::ErrorCode::kFailedPrecondition, "store",
                             "cannot open the lock file " + path + ": " + std::strerror(errno));
  }
  if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
    const int error = errno;
    char text[256] = {};
    const ssize_t n = ::pread(fd, text, sizeof(text) - 1, 0);
    ::close(fd);
    if (error == EWOULDBLOCK) {
      const std::string who = n > 0 ? std::string(text, static_cast<std::size_t>(n)) : "unknown";
      return routes::MakeError(
          routes::ErrorCode::kFailedPrecondition, "store",
          store_path + " is in use by another aircargod (" + who + "); one server per store");
    }
    return routes::MakeError(routes::ErrorCode::kFailedPrecondition, "store",
                             "cannot lock " + path + ": " + std::strerror(error));
  }
  std::unique_ptr<StoreLock> lock(new StoreLock(fd));
  lock->SetHolder(holder);
  return lock;
}

void StoreLock::SetHolder(const std::string& holder) {
  if (::ftruncate(fd_, 0) != 0) return;  // best effort: the text only helps the message
  [[maybe_unused]] const ssize_t n = ::pwrite(fd_, holder.data(), holder.size(), 0);
}

StoreLock::~StoreLock() {
  if (fd_ >= 0) ::close(fd_);  // closing the last descriptor releases the flock
}

}  // namespace aircargo::server::store
