// ComputeSlots: at most N planning computations run at once (aircargod --threads N). A request
// that finds every slot busy waits in line until one frees, its deadline passes, the server's
// compute budget runs out or the client cancels (the StopCheck decides), instead of being turned
// away. Each slot owns the core's reusable workspaces (the PathWorkspace of the path searches and
// the FlowWorkspace of the capacity algorithms, which also holds the request's residual network
// instantiated from a flow template; the core keeps no thread_local scratch), so their
// memory is N workspaces however many threads gRPC uses to receive calls, and a query's searches
// and solves allocate no scratch once its slot has warmed up. A Lease gives its holder exclusive
// use of the slot's workspaces until it is destroyed.
//
// Thread safe. A Lease is movable, not copyable, and returns its slot when destroyed.
#pragma once

#include <condition_variable>
#include <memory>
#include <mutex>
#include <vector>

#include "routes/capacity/flow_workspace.h"
#include "routes/paths/path_workspace.h"
#include "routes/result.h"
#include "routes/stop_check.h"

namespace aircargo::server {

class ComputeSlots {
 public:
  // The reusable state of one slot.
  struct Workspaces {
    routes::PathWorkspace paths;
    routes::FlowWorkspace flows;
  };

  class Lease {
   public:
    Lease(Lease&& other) noexcept : owner_(other.owner_), index_(other.index_) {
      other.owner_ = nullptr;
    }
    Lease& operator=(Lease&&) = delete;
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
    ~Lease();

    Workspaces& workspaces() { return *owner_->workspaces_[index_]; }

   private:
    friend class ComputeSlots;
    Lease(ComputeSlots* owner, std::size_t index) : owner_(owner), index_(index) {}
    ComputeSlots* owner_;
    std::size_t index_;
  };

  // `slots` <= 0 means one per hardware thread.
  explicit ComputeSlots(int slots = 0);

  std::size_t size() const { return workspaces_.size(); }

  // A free slot, waiting for one while `stop` allows; the StopCheck's error otherwise.
  routes::Result<Lease> Acquire(const routes::StopCheck& stop);

 private:
  void Release(std::size_t index);

  std::mutex mutex_;
  std::condition_variable freed_;
  std::vector<std::size_t> free_;  // indexes of free slots
  std::vector<std::unique_ptr<Workspaces>> workspaces_;
};

}  // namespace aircargo::server
