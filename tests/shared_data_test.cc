// tests/shared_data.h: a test needing ../shared skips without it, except under CI=true, where it
// fails (so `CI=true scripts/test` without ../shared fails loudly).
#include "tests/shared_data.h"

#include <gtest/gtest-spi.h>
#include <gtest/gtest.h>
#include <stdlib.h>

#include <string>

namespace aircargo::shared_data {
namespace {

constexpr char kMissing[] = "/nonexistent/aircargo-shared/routes.dat";

// Restores CI when the test ends.
class CiVariable {
 public:
  explicit CiVariable(const char* value) {
    if (const char* old = std::getenv("CI")) {
      old_ = old;
      had_ = true;
    }
    if (value != nullptr) {
      setenv("CI", value, 1);
    } else {
      unsetenv("CI");
    }
  }
  ~CiVariable() {
    if (had_) {
      setenv("CI", old_.c_str(), 1);
    } else {
      unsetenv("CI");
    }
  }

 private:
  std::string old_;
  bool had_ = false;
};

void RequireMissing() { AIRCARGO_REQUIRE_SHARED_FILE(kMissing); }

TEST(SharedData, MissingDataFailsUnderCi) {
  CiVariable ci("true");
  EXPECT_FATAL_FAILURE(RequireMissing(), "CI=true and the shared data is missing");
}

TEST(SharedData, OnlyTrueOrOneMeansCi) {
  {
    CiVariable ci("1");
    EXPECT_TRUE(InCi());
  }
  {
    CiVariable ci("false");
    EXPECT_FALSE(InCi());
  }
  {
    CiVariable ci(nullptr);
    EXPECT_FALSE(InCi());
  }
}

}  // namespace
}  // namespace aircargo::shared_data
