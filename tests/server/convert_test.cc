// The server's request validation and its one error table.
#include "server/convert.h"

#include <gtest/gtest.h>

#include "tests/server/test_network.h"

namespace aircargo::server {
namespace {

using routes::ErrorCode;

// The code table itself: tests/server/status_table_test.cc.

TEST(ToStatus, MessageNamesTheFieldAndListsViolations) {
  routes::Error error = routes::InvalidArgument("k", "must be between 1 and 50, got 0");
  error.violations.push_back({"routes[1].payload_kg", "must be > 0"});
  const grpc::Status status = ToStatus(error);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(status.error_message(),
            "k: must be between 1 and 50, got 0\n  routes[1].payload_kg: must be > 0");
}

TEST(NormalizeAirportCode, UppercasesValidCodes) {
  const auto code = NormalizeAirportCode("origin", "sHe");
  ASSERT_TRUE(code.ok());
  EXPECT_EQ(*code, "SHE");
}

TEST(NormalizeAirportCode, RejectsMalformedCodesNamingTheField) {
  for (const char* bad : {"", "SH", "SHEN", "S E", "1AB"}) {
    const auto code = NormalizeAirportCode("destination", bad);
    ASSERT_FALSE(code.ok()) << bad;
    EXPECT_EQ(code.error().code, ErrorCode::kInvalidArgument);
    EXPECT_EQ(code.error().field, "destination");
  }
}

TEST(ResolveAirport, UnknownCodeIsNotFound) {
  const auto network = testing::TestNetwork();
  const auto id = ResolveAirport(*network, "origin", "zzz");
  ASSERT_FALSE(id.ok());
  EXPECT_EQ(id.error().code, ErrorCode::kNotFound);
  EXPECT_EQ(id.error().ToString(), "origin: airport \"ZZZ\" not found");
}

TEST(ResolveAirport, KnownCodeResolvesToItsAirport) {
  const auto network = testing::TestNetwork();
  const auto id = ResolveAirport(*network, "origin", "yvr");
  ASSERT_TRUE(id.ok());
  EXPECT_EQ(network->airport(*id).iata, "YVR");
}

}  // namespace
}  // namespace aircargo::server
