#include "routes/stop_check.h"

namespace aircargo::routes {

std::optional<Error> StopCheck::Check() const {
  if (cancelled_ && cancelled_()) {
    return MakeError(ErrorCode::kCancelled, "", "the caller cancelled the request");
  }
  if (deadline_ && Clock::now() >= *deadline_) {
    return MakeError(ErrorCode::kDeadlineExceeded, "", "the request's deadline passed");
  }
  return std::nullopt;
}

}  // namespace aircargo::routes
