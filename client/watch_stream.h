// FollowWatch: the one loop behind `aircargo watch` and `aircargo scenario watch`. Reads a server
// stream of watch messages (WatchNetworkResponse, WatchScenariosResponse: each either a change or
// a heartbeat), hands each to `print`, and ends when the server ends the stream or, with count > 0,
// after `count` changes (then it cancels the stream itself and answers OK: the CANCELLED status
// that follows was asked for). A stream the server ends with an error gets that status's exit code
// and DescribeFailure's line. Not thread-safe; one per command.
#pragma once

#include <grpcpp/client_context.h>

#include "client/command.h"
#include "client/exit_codes.h"

namespace aircargo::client {

// `print(const Message&)` returns the Outcome of printing (or Outcome::Ok() to skip a message).
template <typename Message, typename Reader, typename Print>
Outcome FollowWatch(Session& session, grpc::ClientContext& context, Reader& reader, int count,
                    Print&& print) {
  Message message;
  int changes = 0;
  while (reader.Read(&message)) {
    if (message.has_change()) ++changes;
    Outcome printed = print(message);
    if (!printed.ok()) return printed;
    if (count > 0 && changes >= count) {
      context.TryCancel();
      reader.Finish();  // CANCELLED, as asked
      return Outcome::Ok();
    }
  }
  const grpc::Status status = reader.Finish();
  if (status.ok()) return Outcome::Ok();
  return Outcome::Fail(
      ExitCodeFor(status.error_code()),
      DescribeFailure(status, session.options().server, session.options().timeout_seconds));
}

}  // namespace aircargo::client
