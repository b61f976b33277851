// The server's request validation and its one error table.
#include "server/convert.h"

#include <gtest/gtest.h>

#include "tests/server/test_network.h"

namespace aircargo::server {
namespace {

using routes::ErrorCode;

TEST(ToStatusCode, MapsEveryCoreCodeToItsGrpcCode) {
  EXPECT_EQ(ToStatusCode(ErrorCode::kInvalidArgument), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(ToStatusCode(ErrorCode::kNotFound), grpc::StatusCode::NOT_FOUND);
  EXPECT_EQ(ToStatusCode(ErrorCode::kFailedPrecondition), grpc::StatusCode::FAILED_PRECONDITION);
  EXPECT_EQ(ToStatusCode(ErrorCode::kResourceExhausted), grpc::StatusCode::RESOURCE_EXHAUSTED);
  EXPECT_EQ(ToStatusCode(ErrorCode::kDeadlineExceeded), grpc::StatusCode::DEADLINE_EXCEEDED);
  EXPECT_EQ(ToStatusCode(ErrorCode::kCancelled), grpc::StatusCode::CANCELLED);
  EXPECT_EQ(ToStatusCode(ErrorCode::kInternal), grpc::StatusCode::INTERNAL);
  EXPECT_EQ(ToStatusCode(ErrorCode::kAborted), grpc::StatusCode::ABORTED);
  EXPECT_EQ(ToStatusCode(ErrorCode::kOutOfRange), grpc::StatusCode::OUT_OF_RANGE);
  EXPECT_EQ(ToStatusCode(ErrorCode::kUnauthenticated), grpc::StatusCode::UNAUTHENTICATED);
  EXPECT_EQ(ToStatusCode(ErrorCode::kUnavailable), grpc::StatusCode::UNAVAILABLE);
}

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
