#include "server/compute_slots.h"

#include <algorithm>
#include <chrono>
#include <thread>

namespace aircargo::server {
namespace {

// How often a waiting request looks at its deadline and cancellation.
constexpr std::chrono::milliseconds kWaitSlice{5};

}  // namespace

ComputeSlots::ComputeSlots(int slots) {
  const int n =
      slots > 0 ? slots : std::max(1, static_cast<int>(std::thread::hardware_concurrency()));
  workspaces_.reserve(static_cast<std::size_t>(n));
  free_.reserve(static_cast<std::size_t>(n));
  for (int i = 0; i < n; ++i) {
    workspaces_.push_back(std::make_unique<Workspaces>());
    free_.push_back(static_cast<std::size_t>(n - 1 - i));
  }
}

ComputeSlots::Lease::~Lease() {
  if (owner_ != nullptr) owner_->Release(index_);
}

routes::Result<ComputeSlots::Lease> ComputeSlots::Acquire(const routes::StopCheck& stop) {
  std::unique_lock lock(mutex_);
  while (free_.empty()) {
    if (auto error = stop.Check()) return *error;
    freed_.wait_for(lock, kWaitSlice);
  }
  const std::size_t index = free_.back();
  free_.pop_back();
  return Lease(this, index);
}

void ComputeSlots::Release(std::size_t index) {
  {
    std::lock_guard lock(mutex_);
    free_.push_back(index);
  }
  freed_.notify_one();
}

}  // namespace aircargo::server
