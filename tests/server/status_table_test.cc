// The one status table (server/convert.h) and the one exit-code table (client/exit_codes.h) agree,
// the compute-budget row, and the handler's catch-all (server/rpc_handler.h).
#include <grpcpp/server_context.h>
#include <gtest/gtest.h>

#include <stdexcept>
#include <string>

#include "client/exit_codes.h"
#include "routes/result.h"
#include "server/convert.h"
#include "server/rpc_handler.h"

namespace aircargo::server {
namespace {

using routes::ErrorCode;

constexpr ErrorCode kEveryCoreCode[] = {
    ErrorCode::kInvalidArgument,   ErrorCode::kNotFound,         ErrorCode::kFailedPrecondition,
    ErrorCode::kResourceExhausted, ErrorCode::kDeadlineExceeded, ErrorCode::kCancelled,
    ErrorCode::kInternal,          ErrorCode::kAborted,          ErrorCode::kOutOfRange,
    ErrorCode::kUnauthenticated,   ErrorCode::kUnavailable,      ErrorCode::kAlreadyExists};

// The core names its codes as gRPC does (routes::ErrorCodeName); the table must map each code to
// the gRPC code of the same name, and never to OK or UNKNOWN.
TEST(StatusTable, MapsEveryCoreCodeToTheGrpcCodeOfTheSameName) {
  for (ErrorCode code : kEveryCoreCode) {
    const grpc::StatusCode status = ToStatusCode(code);
    EXPECT_EQ(client::StatusCodeName(status), routes::ErrorCodeName(code));
    EXPECT_NE(status, grpc::StatusCode::OK);
    EXPECT_NE(status, grpc::StatusCode::UNKNOWN);
  }
}

TEST(StatusTable, OfflineCoreErrorsExitAsTheServersStatusForThemWould) {
  for (ErrorCode code : kEveryCoreCode) {
    EXPECT_EQ(client::ExitCodeFor(code), client::ExitCodeFor(ToStatusCode(code)))
        << routes::ErrorCodeName(code);
  }
}

TEST(StatusTable, DeadlineFromTheComputeBudgetIsResourceExhaustedNamingTheBudget) {
  const routes::Error deadline =
      routes::MakeError(ErrorCode::kDeadlineExceeded, "", "the request's deadline passed");
  const grpc::Status budget = ToStatus(deadline, std::chrono::milliseconds(50), true);
  EXPECT_EQ(budget.error_code(), grpc::StatusCode::RESOURCE_EXHAUSTED);
  EXPECT_EQ(budget.error_message().rfind(
                "compute: the request needed more than the server's compute budget of 50 ms", 0),
            0u)
      << budget.error_message();
  // The caller's own deadline stays DEADLINE_EXCEEDED; other errors pass through unchanged.
  EXPECT_EQ(ToStatus(deadline, std::chrono::milliseconds(50), false).error_code(),
            grpc::StatusCode::DEADLINE_EXCEEDED);
  const routes::Error cancelled = routes::MakeError(ErrorCode::kCancelled, "", "cancelled");
  EXPECT_EQ(ToStatus(cancelled, std::chrono::milliseconds(50), true).error_code(),
            grpc::StatusCode::CANCELLED);
}

TEST(HandleRpc, AnEscapingExceptionIsInternalWithARequestIdNeverUnknown) {
  grpc::ServerContext context;
  const grpc::Status first =
      HandleRpc("Test", &context, []() -> grpc::Status { throw std::runtime_error("boom"); });
  EXPECT_EQ(first.error_code(), grpc::StatusCode::INTERNAL);
  EXPECT_NE(first.error_message().find("internal error (request id "), std::string::npos)
      << first.error_message();
  EXPECT_EQ(first.error_message().find("boom"), std::string::npos)
      << "the exception's text stays in the server log";
  const grpc::Status second = HandleRpc("Test", &context, []() -> grpc::Status { throw 42; });
  EXPECT_EQ(second.error_code(), grpc::StatusCode::INTERNAL);
  EXPECT_NE(second.error_message(), first.error_message()) << "each failure has its own id";
}

TEST(HandleRpc, PassesTheBodysStatusThrough) {
  grpc::ServerContext context;
  EXPECT_TRUE(HandleRpc("Test", &context, [] { return grpc::Status::OK; }).ok());
  const grpc::Status status = HandleRpc(
      "Test", &context, [] { return ToStatus(routes::NotFound("origin", "no such airport")); });
  EXPECT_EQ(status.error_code(), grpc::StatusCode::NOT_FOUND);
  EXPECT_EQ(status.error_message(), "origin: no such airport");
}

}  // namespace
}  // namespace aircargo::server
