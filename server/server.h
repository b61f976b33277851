// Server: aircargod's gRPC server (NetworkService, PlannerService, health, reflection) over one
// SnapshotHolder. Used by main.cc and by the service tests (which talk to it in process).
#pragma once

#include <grpcpp/server.h>

#include <memory>
#include <string>

#include "server/network_service.h"
#include "server/planner_service.h"
#include "server/snapshot_holder.h"

namespace aircargo::server {

struct ServerOptions {
  // host:port; port 0 picks a free port (see Server::port()). Empty: in-process only.
  std::string listen = "127.0.0.1:50051";
  // Upper bound of request-handling threads; 0 leaves gRPC's default.
  int threads = 0;
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
  explicit Server(std::shared_ptr<const routes::Network> network);

  SnapshotHolder snapshots_;
  NetworkServiceImpl network_service_;
  PlannerServiceImpl planner_service_;
  std::unique_ptr<grpc::Server> server_;
  int port_ = 0;
};

}  // namespace aircargo::server
