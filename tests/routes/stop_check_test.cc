// StopCheck: the deadline/cancellation hook long computations poll.
#include "routes/stop_check.h"

#include <gtest/gtest.h>

namespace aircargo::routes {
namespace {

TEST(StopCheck, DefaultNeverStops) {
  StopCheck stop;
  for (int i = 0; i < 10'000; ++i) ASSERT_FALSE(stop.Poll().has_value());
  EXPECT_FALSE(stop.Check().has_value());
}

TEST(StopCheck, PassedDeadlineIsDeadlineExceeded) {
  StopCheck stop(StopCheck::Clock::now() - std::chrono::milliseconds(1));
  const auto error = stop.Check();
  ASSERT_TRUE(error.has_value());
  EXPECT_EQ(error->code, ErrorCode::kDeadlineExceeded);
}

TEST(StopCheck, PollLooksOnlyEveryStrideCalls) {
  StopCheck stop(StopCheck::Clock::now() - std::chrono::milliseconds(1));
  for (std::uint32_t i = 1; i < StopCheck::kStride; ++i) ASSERT_FALSE(stop.Poll().has_value());
  EXPECT_TRUE(stop.Poll().has_value());
}

TEST(StopCheck, CancellationIsReportedAsCancelled) {
  bool cancelled = false;
  StopCheck stop(StopCheck::Clock::now() + std::chrono::hours(1), [&] { return cancelled; });
  EXPECT_FALSE(stop.Check().has_value());
  cancelled = true;
  const auto error = stop.Check();
  ASSERT_TRUE(error.has_value());
  EXPECT_EQ(error->code, ErrorCode::kCancelled);
}

}  // namespace
}  // namespace aircargo::routes
