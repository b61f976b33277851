#include "server/change_feed.h"

#include <algorithm>
#include <string>
#include <utility>

namespace aircargo::server {

bool ChangeFeed::Subscription::Next(std::chrono::milliseconds timeout, v1::EditRecord* out) {
  std::unique_lock lock(mutex_);
  changed_.wait_for(lock, timeout, [&] { return !queue_.empty() || overflowed_; });
  if (queue_.empty() || overflowed_) return false;
  *out = std::move(queue_.front());
  queue_.pop_front();
  return true;
}

bool ChangeFeed::Subscription::overflowed() const {
  std::lock_guard lock(mutex_);
  return overflowed_;
}

ChangeFeed::ChangeFeed(std::size_t keep, std::int64_t head, std::vector<v1::EditRecord> restored)
    : keep_(std::max<std::size_t>(keep, 1)), head_(head) {
  for (auto& r : restored) records_.push_back(std::move(r));
  while (records_.size() > keep_) records_.pop_front();
}

void ChangeFeed::Publish(const v1::EditRecord& record) {
  std::lock_guard lock(mutex_);
  head_ = record.version();
  records_.push_back(record);
  while (records_.size() > keep_) records_.pop_front();
  for (auto it = watchers_.begin(); it != watchers_.end();) {
    Subscription& s = **it;
    {
      std::lock_guard watcher_lock(s.mutex_);
      if (s.queue_.size() >= s.limit_) {
        s.overflowed_ = true;
        s.queue_.clear();
      } else {
        s.queue_.push_back(record);
      }
    }
    s.changed_.notify_all();
    it = s.overflowed_ ? watchers_.erase(it) : std::next(it);
  }
}

std::int64_t ChangeFeed::head() const {
  std::lock_guard lock(mutex_);
  return head_;
}

std::int64_t ChangeFeed::oldest() const {
  std::lock_guard lock(mutex_);
  return records_.empty() ? head_ + 1 : records_.front().version();
}

routes::Result<bool> ChangeFeed::Check(std::int64_t since) const {
  if (since > head_) {
    return routes::MakeError(routes::ErrorCode::kOutOfRange, "from_version",
                             "version " + std::to_string(since) + " is ahead of the network (at " +
                                 std::to_string(head_) + ")");
  }
  const std::int64_t oldest = records_.empty() ? head_ + 1 : records_.front().version();
  if (since < oldest - 1) {
    return routes::MakeError(
        routes::ErrorCode::kOutOfRange, "from_version",
        "the changes after version " + std::to_string(since) +
            " were compacted away (the oldest kept change makes version " + std::to_string(oldest) +
            "): re-read the network and continue from its version " + std::to_string(head_));
  }
  return true;
}

routes::Result<std::vector<v1::EditRecord>> ChangeFeed::Since(std::int64_t since,
                                                              std::size_t limit) const {
  std::lock_guard lock(mutex_);
  if (auto ok = Check(since); !ok.ok()) return ok.error();
  std::vector<v1::EditRecord> out;
  for (const auto& r : records_) {
    if (out.size() >= limit) break;
    if (r.version() > since) out.push_back(r);
  }
  return out;
}

routes::Result<std::shared_ptr<ChangeFeed::Subscription>> ChangeFeed::Subscribe(std::int64_t from) {
  std::lock_guard lock(mutex_);
  if (auto ok = Check(from); !ok.ok()) return ok.error();
  auto subscription = std::make_shared<Subscription>();
  for (const auto& r : records_) {
    if (r.version() > from) subscription->queue_.push_back(r);
  }
  subscription->limit_ = subscription->queue_.size() + kWatchQueueLimit;
  watchers_.push_back(subscription);
  return subscription;
}

void ChangeFeed::Unsubscribe(const std::shared_ptr<Subscription>& subscription) {
  std::lock_guard lock(mutex_);
  watchers_.remove(subscription);
}

std::size_t ChangeFeed::watchers() const {
  std::lock_guard lock(mutex_);
  return watchers_.size();
}

}  // namespace aircargo::server
