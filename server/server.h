// Server: aircargod's gRPC server (NetworkService, PlannerService, NetworkEditService,
// ScenarioService, health, reflection) over one SnapshotHolder, with the write path (NetworkEditor)
// over a durable Store and the ChangeFeed of its watchers. Used by main.cc and by the service tests
// (which talk to it in process). One server per address: port reuse (SO_REUSEPORT) is off, so a
// second server on an address in use fails to start instead of sharing the port.
#pragma once

#include <grpcpp/server.h>

#include <chrono>
#include <memory>
#include <string>

#include "server/auth.h"
#include "server/change_feed.h"
#include "server/durable_network.h"
#include "server/edit_service.h"
#include "server/network_editor.h"
#include "server/network_service.h"
#include "server/planner_service.h"
#include "server/scenario_book.h"
#include "server/scenario_service.h"
#include "server/snapshot_holder.h"
#include "server/store/store.h"

namespace aircargo::server {

// Largest request message the server accepts (bytes). gRPC rejects a larger one with
// RESOURCE_EXHAUSTED before any handler runs, so the list limits of the requests (10,000 entries)
// are reached first for codes and ids; a scenario of thousands of fully-specified extra routes
// (with departures) may meet this limit first.
inline constexpr int kMaxRequestBytes = 4 * 1024 * 1024;

// The health service's name for the shared store (replicas on PostgreSQL): SERVING while the
// server's link to the store is up, NOT_SERVING while PostgreSQL is unreachable (reads are still
// answered from the last snapshot; writes fail with UNAVAILABLE). The server itself ("") stays
// SERVING.
inline constexpr char kStoreHealthService[] = "aircargo.store";

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
  // WatchNetwork's heartbeat when nothing changes (at most 20 s: proxies close idle streams).
  std::chrono::milliseconds watch_heartbeat = kDefaultWatchHeartbeat;
  // TLS: PEM file contents; empty cert: plaintext. With client_ca, clients must present a
  // certificate signed by it (mutual TLS).
  std::string tls_cert_pem = {};
  std::string tls_key_pem = {};
  std::string tls_client_ca_pem = {};
  // Tests only: makes each planning request's StopCheck instead of StopCheckFor (a deadline that
  // has passed, a cancel after N polls), so stopping can be tested deterministically.
  StopCheckMaker stop_check = {};
  // How many EditRecords the ChangeFeed keeps (the store's keep_edits).
  std::size_t keep_edits = 1000;
};

// What a server serves and writes to: the store, what was restored from it, and who may write.
struct ServerState {
  std::unique_ptr<store::Store> store;
  RestoredNetwork restored;
  Authorizer authorizer;
};

class Server {
 public:
  // Starts serving `state`; returns an error message (empty on success) through `error`.
  static std::unique_ptr<Server> Start(ServerState state, const ServerOptions& options,
                                       std::string* error);
  // The same over a new in-memory store holding `network` (tests), anyone may write.
  static std::unique_ptr<Server> Start(std::shared_ptr<const routes::Network> network,
                                       const ServerOptions& options, std::string* error);
  ~Server();

  int port() const { return port_; }
  grpc::Server& grpc_server() { return *server_; }
  SnapshotHolder& snapshots() { return snapshots_; }
  NetworkEditor& editor() { return editor_; }
  ScenarioBook& scenarios() { return scenarios_; }
  ChangeFeed& feed() { return feed_; }

  // Stops accepting calls and waits up to `grace` for running calls; then cancels them.
  void Shutdown(std::chrono::milliseconds grace);
  void Wait();

 private:
  Server(ServerState state, const ServerOptions& options);

  std::unique_ptr<store::Store> store_;
  Authorizer authorizer_;
  SnapshotHolder snapshots_;
  ChangeFeed feed_;
  NetworkEditor editor_;
  ScenarioBook scenarios_;
  NetworkServiceImpl network_service_;
  PlannerServiceImpl planner_service_;
  NetworkEditServiceImpl edit_service_;
  ScenarioServiceImpl scenario_service_;
  std::unique_ptr<grpc::Server> server_;
  int port_ = 0;
};

}  // namespace aircargo::server
