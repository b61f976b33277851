// Shared helpers of the SSIM tests: the fixture files in tests/formats/ssim/ and lookups.
#pragma once

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "formats/openflights.h"
#include "formats/ssim.h"

namespace aircargo::formats::ssim_test {

inline std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

inline std::string FixturePath(const std::string& name) {
  return std::string(AIRCARGO_SSIM_FIXTURES) + "/" + name;
}

inline SsimInput Fixture(const std::string& name) { return {name, ReadFile(FixturePath(name))}; }

// The stations of the fixtures (OpenFlights rows, ODbL).
inline std::vector<v1::Airport> FixtureAirports() {
  return ReadOpenFlightsAirports(ReadFile(FixturePath("airports.dat")), "", nullptr);
}

// ../shared beside the source tree; a missing directory fails under CI=true and skips otherwise.
inline bool SharedFileOrSkip(const std::string& path, std::string* why) {
  if (std::filesystem::exists(path)) return true;
  const char* ci = std::getenv("CI");
  *why = "missing " + path + (ci && std::string(ci) == "true" ? " (CI=true: required)" : "");
  return false;
}

inline const v1::Route* FindRoute(const v1::Network& network, const std::string& id) {
  for (const auto& r : network.routes()) {
    if (r.id() == id) return &r;
  }
  return nullptr;
}

// "MONDAY 22:00, WEDNESDAY 22:00".
inline std::string DeparturesText(const v1::Route& route) {
  std::string out;
  for (const auto& d : route.departures()) {
    if (!out.empty()) out += ", ";
    out += v1::Weekday_Name(d.weekday()) + " " + d.local_time();
  }
  return out;
}

}  // namespace aircargo::formats::ssim_test

// Fails (CI=true) or skips when a ../shared file is missing.
#define SSIM_REQUIRE_SHARED(path)                                         \
  do {                                                                    \
    std::string why_;                                                     \
    if (!::aircargo::formats::ssim_test::SharedFileOrSkip(path, &why_)) { \
      const char* ci_ = std::getenv("CI");                                \
      if (ci_ && std::string(ci_) == "true") FAIL() << why_;              \
      GTEST_SKIP() << why_;                                               \
    }                                                                     \
  } while (0)
