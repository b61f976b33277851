// RecordedCall: one unary RPC with a deadline (optionally cancelled before it starts), recorded as
// its status, the network version the response names, and the response's bytes without that
// version, so that answers from different moments can be compared byte for byte. Shared by the
// concurrency, readers-during-edits and stress tests.
#pragma once

#include <grpcpp/client_context.h>
#include <grpcpp/support/status.h>

#include <chrono>
#include <cstdint>
#include <string>

namespace aircargo::testing {

struct Recorded {
  grpc::Status status;
  std::int64_t version = 0;
  std::string answer;  // the response's bytes without network_version
};

template <typename Stub, typename Request, typename Response>
Recorded RecordedCall(Stub& stub,
                      grpc::Status (Stub::*rpc)(grpc::ClientContext*, const Request&, Response*),
                      const Request& request,
                      std::chrono::milliseconds deadline = std::chrono::seconds(60),
                      bool cancel = false) {
  grpc::ClientContext context;
  context.set_deadline(std::chrono::system_clock::now() + deadline);
  if (cancel) context.TryCancel();
  Response response;
  Recorded out;
  out.status = (stub.*rpc)(&context, request, &response);
  out.version = response.network_version();
  response.clear_network_version();
  out.answer = response.SerializeAsString();
  return out;
}

}  // namespace aircargo::testing
