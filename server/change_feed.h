// ChangeFeed: the server's recent edit log in memory (the EditRecords the store keeps) and the
// watchers of WatchNetwork. The editor publishes every accepted write in version order; ListEdits
// and new watchers read what is kept; each watcher has its own bounded queue, so a slow watcher
// never blocks a writer: when its queue is full it is marked overflowed and dropped from the feed
// (its stream then ends with RESOURCE_EXHAUSTED and the client resumes from its last version).
//
// Versions: a request for the changes after version V can be answered when V is the head (nothing
// to send yet) or when every version after V is kept; otherwise it is kOutOfRange (compacted, or
// not reached yet). Thread-safe.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <list>
#include <memory>
#include <mutex>
#include <vector>

#include "aircargo/v1/edits.pb.h"
#include "routes/result.h"

namespace aircargo::server {

// Changes a watcher may have waiting beyond its initial backlog before it is closed.
inline constexpr std::size_t kWatchQueueLimit = 256;

class ChangeFeed {
 public:
  // A watcher's queue.
  class Subscription {
   public:
    // Waits up to `timeout` for the next change. Returns true with `*out` set, or false when none
    // came (timeout) or the subscription overflowed (see overflowed()).
    bool Next(std::chrono::milliseconds timeout, v1::EditRecord* out);
    bool overflowed() const;

   private:
    friend class ChangeFeed;
    mutable std::mutex mutex_;
    std::condition_variable changed_;
    std::deque<v1::EditRecord> queue_;
    std::size_t limit_ = 0;
    bool overflowed_ = false;
  };

  // `keep`: how many records to keep (the store's keep_edits); `head`: the current version;
  // `restored`: the kept records, oldest first, ending at `head` (or empty).
  ChangeFeed(std::size_t keep, std::int64_t head, std::vector<v1::EditRecord> restored);

  // Adds the record of an accepted write (version head + 1) and hands it to every watcher.
  void Publish(const v1::EditRecord& record);
  std::int64_t head() const;

  // Up to `limit` records after `since`, oldest first; kOutOfRange when some are no longer kept.
  routes::Result<std::vector<v1::EditRecord>> Since(std::int64_t since, std::size_t limit) const;
  // The oldest version kept (head + 1 when none is).
  std::int64_t oldest() const;

  // A watcher of the changes after `from` (its backlog already queued); kOutOfRange as Since.
  routes::Result<std::shared_ptr<Subscription>> Subscribe(std::int64_t from);
  void Unsubscribe(const std::shared_ptr<Subscription>& subscription);
  std::size_t watchers() const;

 private:
  routes::Result<bool> Check(std::int64_t since) const;  // under mutex_

  mutable std::mutex mutex_;
  std::size_t keep_;
  std::int64_t head_;
  std::deque<v1::EditRecord> records_;
  std::list<std::shared_ptr<Subscription>> watchers_;
};

}  // namespace aircargo::server
