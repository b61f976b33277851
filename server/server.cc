#include "server/server.h"

#include <grpcpp/ext/proto_server_reflection_plugin.h>
#include <grpcpp/health_check_service_interface.h>
#include <grpcpp/security/server_credentials.h>
#include <grpcpp/server_builder.h>

#include <utility>

#include "server/min_version.h"
#include "server/store/sqlite_store.h"

namespace aircargo::server {

Server::Server(ServerState state, const ServerOptions& options)
    : store_(std::move(state.store)),
      authorizer_(std::move(state.authorizer)),
      snapshots_(state.restored.network),
      feed_(options.keep_edits, state.restored.network->version(), state.restored.recent),
      editor_(snapshots_, *store_, [this](const v1::EditRecord& r) { feed_.Publish(r); }),
      scenarios_(*store_, std::move(state.restored.scenarios)),
      network_service_(snapshots_),
      planner_service_(snapshots_, options.compute_budget, options.threads, options.stop_check),
      edit_service_(editor_, feed_, authorizer_, options.watch_heartbeat),
      scenario_service_(scenarios_, snapshots_, authorizer_, options.watch_heartbeat) {
  editor_.RememberRestored(state.restored.recent);
  network_service_.UseScenarios(&scenarios_);
  planner_service_.UseScenarios(&scenarios_);
}

Server::~Server() {
  if (server_) {
    server_->Shutdown(std::chrono::system_clock::now());
    server_->Wait();
  }
  if (ReadGate() == &authorizer_) SetReadGate(nullptr);
  if (VersionSource() == &snapshots_) SetVersionSource(nullptr);
}

std::unique_ptr<Server> Server::Start(std::shared_ptr<const routes::Network> network,
                                      const ServerOptions& options, std::string* error) {
  auto store = store::SqliteStore::Open(":memory:", {});
  if (!store.ok()) {
    if (error != nullptr) *error = store.error().ToString();
    return nullptr;
  }
  ServerState state;
  state.store = std::move(store).value();
  auto restored = RestoreNetwork(*state.store, std::move(network), false);
  if (!restored.ok()) {
    if (error != nullptr) *error = restored.error().ToString();
    return nullptr;
  }
  state.restored = std::move(restored).value();
  return Start(std::move(state), options, error);
}

std::unique_ptr<Server> Server::Start(ServerState state, const ServerOptions& options,
                                      std::string* error) {
  grpc::EnableDefaultHealthCheckService(true);
  grpc::reflection::InitProtoReflectionServerBuilderPlugin();
  std::unique_ptr<Server> server(new Server(std::move(state), options));
  if (server->authorizer_.reads_need_token()) SetReadGate(&server->authorizer_);
  SetVersionSource(&server->snapshots_);
  grpc::ServerBuilder builder;
  // One server per address: without this gRPC sets SO_REUSEPORT and a second server on the same
  // address would silently share the port (and the callers) with the first.
  builder.AddChannelArgument(GRPC_ARG_ALLOW_REUSEPORT, 0);
  if (!options.listen.empty()) {
    std::shared_ptr<grpc::ServerCredentials> credentials = grpc::InsecureServerCredentials();
    if (!options.tls_cert_pem.empty()) {
      grpc::SslServerCredentialsOptions ssl(
          options.tls_client_ca_pem.empty()
              ? GRPC_SSL_DONT_REQUEST_CLIENT_CERTIFICATE
              : GRPC_SSL_REQUEST_AND_REQUIRE_CLIENT_CERTIFICATE_AND_VERIFY);
      ssl.pem_root_certs = options.tls_client_ca_pem;
      ssl.pem_key_cert_pairs.push_back({options.tls_key_pem, options.tls_cert_pem});
      credentials = grpc::SslServerCredentials(ssl);
    }
    builder.AddListeningPort(options.listen, credentials, &server->port_);
  }
  builder.SetMaxReceiveMessageSize(options.max_request_bytes);
  builder.RegisterService(&server->network_service_);
  builder.RegisterService(&server->planner_service_);
  builder.RegisterService(&server->edit_service_);
  builder.RegisterService(&server->scenario_service_);
  server->server_ = builder.BuildAndStart();
  if (!server->server_ || (!options.listen.empty() && server->port_ == 0)) {
    if (error != nullptr) {
      *error = "cannot listen on " + options.listen +
               " (address already in use, or not an address of this host)";
    }
    return nullptr;
  }
  if (auto* health = server->server_->GetHealthCheckService()) {
    health->SetServingStatus(true);
  }
  return server;
}

void Server::Shutdown(std::chrono::milliseconds grace) {
  if (auto* health = server_->GetHealthCheckService()) health->SetServingStatus(false);
  server_->Shutdown(std::chrono::system_clock::now() + grace);
}

void Server::Wait() { server_->Wait(); }

}  // namespace aircargo::server
