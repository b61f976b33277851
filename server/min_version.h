// Read-your-writes across replicas: a call may carry the metadata `x-aircargo-min-version: N`
// (the network_version its client last wrote or read, possibly through another replica). A
// server serving an older version waits for N to arrive (its store listener catches up, server/
// store/postgres_listener.h) up to the call's deadline and at most kMaxMinVersionWait, then
// answers from it; if N does not arrive it answers UNAVAILABLE naming both versions, so the
// client may retry elsewhere. A malformed value is INVALID_ARGUMENT naming the header.
//
// Like the read gate (server/auth.h), the process's snapshot source is set by Server::Start and
// cleared when that server is destroyed. Thread-safe.
#pragma once

#include <grpcpp/server_context.h>

#include <chrono>

#include "server/snapshot_holder.h"

namespace aircargo::server {

inline constexpr char kMinVersionHeader[] = "x-aircargo-min-version";
inline constexpr std::chrono::seconds kMaxMinVersionWait{10};

void SetVersionSource(const SnapshotHolder* snapshots);
const SnapshotHolder* VersionSource();

// OK at once without the header (or without a source); else as the header comment says.
grpc::Status AwaitMinVersion(const grpc::ServerContext& context);

}  // namespace aircargo::server
