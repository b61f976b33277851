// StopCheck: the deadline/cancellation hook every long core computation polls, so the server can
// honour gRPC deadlines and client cancellation. Default-constructed, it never stops.
//
// Poll() is cheap enough for inner loops (it reads the clock every kStride calls); when it returns
// an Error (DEADLINE_EXCEEDED or CANCELLED) the computation returns that error at once. One
// StopCheck per computation and thread.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>

#include "routes/result.h"

namespace aircargo::routes {

class StopCheck {
 public:
  using Clock = std::chrono::steady_clock;
  static constexpr std::uint32_t kStride = 256;

  StopCheck() = default;
  // Stops after `deadline`, or when `cancelled` (may be empty) returns true. Poll() looks every
  // `stride` calls (tests use 1, to stop a computation at an exact poll).
  explicit StopCheck(Clock::time_point deadline, std::function<bool()> cancelled = {},
                     std::uint32_t stride = kStride)
      : deadline_(deadline), cancelled_(std::move(cancelled)), stride_(stride == 0 ? 1 : stride) {}

  static StopCheck After(Clock::duration budget) { return StopCheck(Clock::now() + budget); }

  // Every stride-th call (kStride by default) looks at the clock and the cancel flag; the others
  // return nullopt.
  std::optional<Error> Poll() {
    if (++calls_ % stride_ != 0) return std::nullopt;
    return Check();
  }
  // Looks now.
  std::optional<Error> Check() const;

 private:
  std::optional<Clock::time_point> deadline_;
  std::function<bool()> cancelled_;
  std::uint32_t stride_ = kStride;
  std::uint32_t calls_ = 0;
};

}  // namespace aircargo::routes
