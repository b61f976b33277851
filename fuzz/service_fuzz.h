// Shared by the service fuzz targets: the small network every request runs on (the embedded
// Shenyang network, 35 airports and 93 routes) and RunRpc, which parses the fuzz bytes as a request
// message and calls one handler directly with a fresh grpc::ServerContext (no deadline, never
// cancelled), exactly as the gRPC server would after decoding the request.
#pragma once

#include <grpcpp/server_context.h>
#include <grpcpp/support/status.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>

#include "fuzz/quiet_protobuf.h"
#include "server/default_network.h"
#include "server/snapshot_holder.h"

namespace aircargo::fuzz {

// The snapshot holder over the default network; created once, never destroyed.
inline const server::SnapshotHolder& Snapshots() {
  static const server::SnapshotHolder* holder = [] {
    auto network = server::LoadDefaultNetwork();
    if (!network.ok()) std::abort();
    return new server::SnapshotHolder(*network);
  }();
  return *holder;
}

// Parses `data` as Request and calls (service.*method). Invariants: no crash, UB or leak; an error
// status has a message; an OK response serialises.
template <typename Request, typename Response, typename Service, typename Method>
void RunRpc(Service& service, Method method, const std::uint8_t* data, std::size_t size) {
  QuietProtobuf();
  Request request;
  if (!request.ParseFromArray(data, static_cast<int>(size))) return;
  Response response;
  grpc::ServerContext context;
  const grpc::Status status = (service.*method)(&context, &request, &response);
  if (!status.ok() && status.error_message().empty()) __builtin_trap();
  if (status.ok() && !response.IsInitialized()) __builtin_trap();
  (void)response.ByteSizeLong();
}

}  // namespace aircargo::fuzz
