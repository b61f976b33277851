// Exit codes of the aircargo CLI, and how a failed gRPC call becomes an exit code and the one line
// the CLI prints on stderr.
//
//   0  ok
//   1  unexpected failure inside the CLI itself (a bug; not expected in normal use)
//   2  usage error: unknown command or option, missing argument, bad option value
//   3  the server rejected the request: NOT_FOUND, INVALID_ARGUMENT, FAILED_PRECONDITION,
//      OUT_OF_RANGE, ALREADY_EXISTS (a stored scenario's name is taken), RESOURCE_EXHAUSTED (the
//      server's limits on one request)
//   4  the server could not be reached (UNAVAILABLE) or the deadline passed (DEADLINE_EXCEEDED)
//   5  any other server error: UNIMPLEMENTED, INTERNAL, UNKNOWN, CANCELLED, ...
//   6  conflict (ABORTED): the network changed since it was read; re-read and retry
//   7  not allowed (UNAUTHENTICATED, PERMISSION_DENIED): a missing or wrong token
//
// The one table: every command's exit code comes from ExitCodeFor. An offline command (import,
// export --network FILE) that gets a core error exits as the status the server answers for that
// error would (server/convert.cc; tests/client/exit_codes_test.cc checks the two agree).
//
// Scripts may rely on these numbers; change them only with a note in the changelog.
#pragma once

#include <grpcpp/support/status.h>

#include <string>
#include <string_view>

#include "routes/result.h"

namespace aircargo::client {

enum class ExitCode : int {
  kOk = 0,
  kInternal = 1,
  kUsage = 2,
  kRejected = 3,
  kUnreachable = 4,
  kServerError = 5,
  kConflict = 6,
  kNotAllowed = 7,
};

// The table above, for the footer of `aircargo --help`.
extern const char kExitCodesHelp[];

// The exit code for a call that finished with `code` (kOk for OK).
ExitCode ExitCodeFor(grpc::StatusCode code);
// The exit code for an offline command's core error: ExitCodeFor the status the server would
// answer for it.
ExitCode ExitCodeFor(routes::ErrorCode code);

// The canonical name of a code ("NOT_FOUND"); "CODE_<n>" for a value outside the enum.
std::string StatusCodeName(grpc::StatusCode code);

// One line (no "aircargo: " prefix, no newline) saying why a call to `server` made with a deadline
// of `timeout_seconds` failed: the server's own message for rejected requests, a hint to start the
// server or set --server when it is unreachable, the deadline when it passed, and the code plus the
// server's message otherwise.
std::string DescribeFailure(const grpc::Status& status, std::string_view server,
                            double timeout_seconds);

}  // namespace aircargo::client
