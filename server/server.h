// Server: aircargod's gRPC server (NetworkService, PlannerService, health, reflection) over one
// SnapshotHolder. Used by main.cc and by the service tests (which talk to it in process).
#pragma once

#include <grpcpp/server.h>

#include <chrono>
#include <memory>
#include <string>

#include "server/network_service.h"
#include "server/planner_service.h"
#include "server/snapshot_holder.h"

namespace aircargo::server {

// Largest request message the server accepts (bytes). gRPC rejects a larger one with
// RESOURCE_EXHAUSTED before any handler runs, so the list limits of the requests (10,000 entries)
// are reached first for codes and ids; a scenario of thousands of fully-specified extra routes
// (with departures) may meet this limit first.
inline constexpr int kMaxRequestBytes = 4 * 1024 * 1024;

struct ServerOptions {
  // host:port; port 0 picks a free port (see Server::port()). Empty: in-process only.
  std::string listen = "127.0.0.1:50051";
  // Planning computations run at once (server/compute_slots.h); further requests wait in line.
  // 0: one per hardware thread.
  int threads = 0;
  // See kMaxRequestBytes.
  int max_request_bytes = kMaxRequestBytes;
  // Longest one planning request may compute (server/request_context.h); then RESOURCE_EXHAUSTED.
  std::chrono::milliseconds compute_budget = kDefaultComputeBudget;
  // Tests only: makes each planning request's StopCheck instead of StopCheckFor (a deadline that
  // has passed, a cancel after N polls), so stopping can be tested deterministically.
  StopCheckMaker stop_check = {};
};

class Server {
 public:
  // Starts serving; returns an error message (empty on success) through `error`.
  static std::unique_ptr<Server> Start(std::shared_ptr<const routes::Network> network,
                                       const ServerOptions& options, std::string* error);
  ~Server();

  int port() const { return port_; }
  grpc::Server& grpc_server() { return *server_; }
  SnapshotHolder& snapshots() { return snapshots_; }

  // Stops accepting calls and waits up to `grace` for running calls; then cancels them.
  void Shutdown(std::chrono::milliseconds grace);
  void Wait();

 private:
  Server(std::shared_ptr<const routes::Network> network, const ServerOptions& options);

  SnapshotHolder snapshots_;
  NetworkServiceImpl network_service_;
  PlannerServiceImpl planner_service_;
  std::unique_ptr<grpc::Server> server_;
  int port_ = 0;
};

}  // namespace aircargo::server
