#include "client/exit_codes.h"

#include <gtest/gtest.h>

namespace aircargo::client {
namespace {

TEST(ExitCodeFor, IsOkWhenStatusIsOk) {
  EXPECT_EQ(ExitCodeFor(grpc::StatusCode::OK), ExitCode::kOk);
}

TEST(ExitCodeFor, IsRejectedWhenTheRequestIsAtFault) {
  EXPECT_EQ(ExitCodeFor(grpc::StatusCode::NOT_FOUND), ExitCode::kRejected);
  EXPECT_EQ(ExitCodeFor(grpc::StatusCode::INVALID_ARGUMENT), ExitCode::kRejected);
  EXPECT_EQ(ExitCodeFor(grpc::StatusCode::FAILED_PRECONDITION), ExitCode::kRejected);
  EXPECT_EQ(ExitCodeFor(grpc::StatusCode::OUT_OF_RANGE), ExitCode::kRejected);
  EXPECT_EQ(ExitCodeFor(grpc::StatusCode::RESOURCE_EXHAUSTED), ExitCode::kRejected);
  EXPECT_EQ(static_cast<int>(ExitCode::kRejected), 3);
}

TEST(ExitCodeFor, IsUnreachableWhenUnavailableOrDeadlineExceeded) {
  EXPECT_EQ(ExitCodeFor(grpc::StatusCode::UNAVAILABLE), ExitCode::kUnreachable);
  EXPECT_EQ(ExitCodeFor(grpc::StatusCode::DEADLINE_EXCEEDED), ExitCode::kUnreachable);
  EXPECT_EQ(static_cast<int>(ExitCode::kUnreachable), 4);
}

// A code newer than the switch: 30 is inside grpc::StatusCode's value range (0..31, as its
// enumerators go up to 16), so the cast is defined behaviour (UBSan checks this).
constexpr auto kNewerCode = static_cast<grpc::StatusCode>(30);

TEST(ExitCodeFor, IsServerErrorWhenAnyOtherCode) {
  for (grpc::StatusCode code :
       {grpc::StatusCode::UNIMPLEMENTED, grpc::StatusCode::INTERNAL, grpc::StatusCode::UNKNOWN,
        grpc::StatusCode::CANCELLED, kNewerCode}) {
    EXPECT_EQ(ExitCodeFor(code), ExitCode::kServerError) << StatusCodeName(code);
  }
  EXPECT_EQ(static_cast<int>(ExitCode::kServerError), 5);
}

TEST(ExitCodeFor, IsConflictWhenAbortedAndNotAllowedWhenUnauthenticated) {
  EXPECT_EQ(ExitCodeFor(grpc::StatusCode::ABORTED), ExitCode::kConflict);
  EXPECT_EQ(static_cast<int>(ExitCode::kConflict), 6);
  EXPECT_EQ(ExitCodeFor(grpc::StatusCode::UNAUTHENTICATED), ExitCode::kNotAllowed);
  EXPECT_EQ(ExitCodeFor(grpc::StatusCode::PERMISSION_DENIED), ExitCode::kNotAllowed);
  EXPECT_EQ(static_cast<int>(ExitCode::kNotAllowed), 7);
}

TEST(DescribeFailure, SaysToReReadAndRetryOnAConflict) {
  EXPECT_EQ(
      DescribeFailure(grpc::Status(grpc::StatusCode::ABORTED, "at version 3, not 2"), "h:1", 10),
      "conflict: at version 3, not 2 (re-read and retry)");
  EXPECT_EQ(DescribeFailure(grpc::Status(grpc::StatusCode::UNAUTHENTICATED, "no token"), "h:1", 10),
            "not allowed: no token (give a token with --token-file or AIRCARGO_TOKEN)");
}

TEST(DescribeFailure, UsesTheServerMessageOnOneLineWhenRejected) {
  EXPECT_EQ(DescribeFailure(grpc::Status(grpc::StatusCode::NOT_FOUND, "airport \"XXX\"\nnot found"),
                            "h:1", 10),
            "airport \"XXX\" not found");
  EXPECT_EQ(DescribeFailure(grpc::Status(grpc::StatusCode::INVALID_ARGUMENT, ""), "h:1", 10),
            "request rejected (INVALID_ARGUMENT)");
}

TEST(DescribeFailure, NamesTheServerWhenUnavailable) {
  EXPECT_EQ(DescribeFailure(grpc::Status(grpc::StatusCode::UNAVAILABLE, "connect failed"),
                            "127.0.0.1:1", 10),
            "cannot reach aircargod at 127.0.0.1:1 (is it running? set --server or "
            "AIRCARGO_SERVER)");
}

TEST(DescribeFailure, NamesTheTimeoutWhenDeadlineExceeded) {
  EXPECT_EQ(DescribeFailure(grpc::Status(grpc::StatusCode::DEADLINE_EXCEEDED, ""), "h:1", 2.5),
            "deadline exceeded after 2.5s");
}

TEST(DescribeFailure, NamesTheCodeWhenOtherServerError) {
  EXPECT_EQ(DescribeFailure(grpc::Status(grpc::StatusCode::INTERNAL, "boom"), "h:1", 10),
            "server error (INTERNAL): boom");
  EXPECT_EQ(DescribeFailure(grpc::Status(grpc::StatusCode::UNIMPLEMENTED, ""), "h:1", 10),
            "server error (UNIMPLEMENTED)");
}

}  // namespace
}  // namespace aircargo::client
