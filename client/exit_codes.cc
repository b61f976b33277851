#include "client/exit_codes.h"

#include <string>

#include "client/text.h"
#include "client/units.h"

namespace aircargo::client {

const char kExitCodesHelp[] =
    "Exit codes:\n"
    "  0  ok\n"
    "  1  unexpected failure inside aircargo (a bug)\n"
    "  2  usage error (unknown command or option, missing argument, bad value)\n"
    "  3  request rejected by the server (NOT_FOUND, INVALID_ARGUMENT, FAILED_PRECONDITION,\n"
    "     OUT_OF_RANGE, ALREADY_EXISTS, RESOURCE_EXHAUSTED: a request over a limit)\n"
    "  4  server unreachable (UNAVAILABLE) or deadline exceeded\n"
    "  5  other server error (UNIMPLEMENTED, INTERNAL, ...)\n"
    "  6  conflict (ABORTED): the network changed since it was read; re-read and retry\n"
    "  7  not allowed (UNAUTHENTICATED, PERMISSION_DENIED): a missing or wrong token\n";

ExitCode ExitCodeFor(grpc::StatusCode code) {
  switch (code) {
    case grpc::StatusCode::OK:
      return ExitCode::kOk;
    case grpc::StatusCode::NOT_FOUND:
    case grpc::StatusCode::INVALID_ARGUMENT:
    case grpc::StatusCode::FAILED_PRECONDITION:
    case grpc::StatusCode::OUT_OF_RANGE:
    case grpc::StatusCode::RESOURCE_EXHAUSTED:  // the server's limits on a request (k, sizes)
    case grpc::StatusCode::ALREADY_EXISTS:      // a stored scenario of that name exists
      return ExitCode::kRejected;
    case grpc::StatusCode::UNAVAILABLE:
    case grpc::StatusCode::DEADLINE_EXCEEDED:
      return ExitCode::kUnreachable;
    case grpc::StatusCode::ABORTED:
      return ExitCode::kConflict;
    case grpc::StatusCode::UNAUTHENTICATED:
    case grpc::StatusCode::PERMISSION_DENIED:
      return ExitCode::kNotAllowed;
    case grpc::StatusCode::CANCELLED:
    case grpc::StatusCode::UNKNOWN:
    case grpc::StatusCode::UNIMPLEMENTED:
    case grpc::StatusCode::INTERNAL:
    case grpc::StatusCode::DATA_LOSS:
    case grpc::StatusCode::DO_NOT_USE:
      return ExitCode::kServerError;
  }
  return ExitCode::kServerError;  // a code newer than this switch
}

ExitCode ExitCodeFor(routes::ErrorCode code) {
  switch (code) {
    case routes::ErrorCode::kInvalidArgument:
      return ExitCodeFor(grpc::StatusCode::INVALID_ARGUMENT);
    case routes::ErrorCode::kNotFound:
      return ExitCodeFor(grpc::StatusCode::NOT_FOUND);
    case routes::ErrorCode::kFailedPrecondition:
      return ExitCodeFor(grpc::StatusCode::FAILED_PRECONDITION);
    case routes::ErrorCode::kResourceExhausted:
      return ExitCodeFor(grpc::StatusCode::RESOURCE_EXHAUSTED);
    case routes::ErrorCode::kDeadlineExceeded:
      return ExitCodeFor(grpc::StatusCode::DEADLINE_EXCEEDED);
    case routes::ErrorCode::kCancelled:
      return ExitCodeFor(grpc::StatusCode::CANCELLED);
    case routes::ErrorCode::kInternal:
      return ExitCodeFor(grpc::StatusCode::INTERNAL);
    case routes::ErrorCode::kAborted:
      return ExitCodeFor(grpc::StatusCode::ABORTED);
    case routes::ErrorCode::kOutOfRange:
      return ExitCodeFor(grpc::StatusCode::OUT_OF_RANGE);
    case routes::ErrorCode::kUnauthenticated:
      return ExitCodeFor(grpc::StatusCode::UNAUTHENTICATED);
    case routes::ErrorCode::kUnavailable:
      return ExitCodeFor(grpc::StatusCode::UNAVAILABLE);
    case routes::ErrorCode::kAlreadyExists:
      return ExitCodeFor(grpc::StatusCode::ALREADY_EXISTS);
  }
  return ExitCodeFor(grpc::StatusCode::INTERNAL);
}

std::string StatusCodeName(grpc::StatusCode code) {
  switch (code) {
    case grpc::StatusCode::OK:
      return "OK";
    case grpc::StatusCode::CANCELLED:
      return "CANCELLED";
    case grpc::StatusCode::UNKNOWN:
      return "UNKNOWN";
    case grpc::StatusCode::INVALID_ARGUMENT:
      return "INVALID_ARGUMENT";
    case grpc::StatusCode::DEADLINE_EXCEEDED:
      return "DEADLINE_EXCEEDED";
    case grpc::StatusCode::NOT_FOUND:
      return "NOT_FOUND";
    case grpc::StatusCode::ALREADY_EXISTS:
      return "ALREADY_EXISTS";
    case grpc::StatusCode::PERMISSION_DENIED:
      return "PERMISSION_DENIED";
    case grpc::StatusCode::RESOURCE_EXHAUSTED:
      return "RESOURCE_EXHAUSTED";
    case grpc::StatusCode::FAILED_PRECONDITION:
      return "FAILED_PRECONDITION";
    case grpc::StatusCode::ABORTED:
      return "ABORTED";
    case grpc::StatusCode::OUT_OF_RANGE:
      return "OUT_OF_RANGE";
    case grpc::StatusCode::UNIMPLEMENTED:
      return "UNIMPLEMENTED";
    case grpc::StatusCode::INTERNAL:
      return "INTERNAL";
    case grpc::StatusCode::UNAVAILABLE:
      return "UNAVAILABLE";
    case grpc::StatusCode::DATA_LOSS:
      return "DATA_LOSS";
    case grpc::StatusCode::UNAUTHENTICATED:
      return "UNAUTHENTICATED";
    case grpc::StatusCode::DO_NOT_USE:
      break;
  }
  return "CODE_" + std::to_string(static_cast<int>(code));
}

std::string DescribeFailure(const grpc::Status& status, std::string_view server,
                            double timeout_seconds) {
  const grpc::StatusCode code = status.error_code();
  if (code == grpc::StatusCode::OK) return "ok";
  // Server messages may span lines; the CLI promises exactly one line on stderr.
  const std::string message = OneLine(status.error_message());
  switch (code) {
    case grpc::StatusCode::UNAVAILABLE:
      return "cannot reach aircargod at " + std::string(server) +
             " (is it running? set --server or AIRCARGO_SERVER)";
    case grpc::StatusCode::DEADLINE_EXCEEDED:
      return "deadline exceeded after " + FormatSeconds(timeout_seconds);
    case grpc::StatusCode::ABORTED:
      return "conflict: " + message +
             (message.find("retry") == std::string::npos ? " (re-read and retry)" : "");
    case grpc::StatusCode::UNAUTHENTICATED:
    case grpc::StatusCode::PERMISSION_DENIED:
      return "not allowed: " + message + " (give a token with --token-file or AIRCARGO_TOKEN)";
    default:
      break;
  }
  if (ExitCodeFor(code) == ExitCode::kRejected) {
    return message.empty() ? "request rejected (" + StatusCodeName(code) + ")" : message;
  }
  std::string line = "server error (" + StatusCodeName(code) + ")";
  if (!message.empty()) line += ": " + message;
  return line;
}

}  // namespace aircargo::client
