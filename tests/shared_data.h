// Tests that read the reference data in ../shared (the OpenFlights database): on a developer
// machine without it they skip; under CI=true (what CI services set) they fail, so a CI run without
// the data cannot report green while running less. Header-only; for TEST bodies and SetUp().
#pragma once

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <string_view>

namespace aircargo::shared_data {

// Whether this run is a CI run: the CI environment variable is "true" or "1".
inline bool InCi() {
  const char* ci = std::getenv("CI");
  return ci != nullptr && (std::string_view(ci) == "true" || std::string_view(ci) == "1");
}

}  // namespace aircargo::shared_data

// Skips the test when `path` does not exist, or fails it under CI=true.
#define AIRCARGO_REQUIRE_SHARED_FILE(path)                                                 \
  do {                                                                                     \
    if (!std::filesystem::exists(path)) {                                                  \
      if (::aircargo::shared_data::InCi()) {                                               \
        FAIL() << "CI=true and the shared data is missing: " << (path)                     \
               << " (check out ../shared beside the repository)";                          \
      }                                                                                    \
      GTEST_SKIP() << "no shared data at " << (path) << " (CI=true makes this a failure)"; \
    }                                                                                      \
  } while (false)
