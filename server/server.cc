#include "server/server.h"

#include <grpcpp/ext/proto_server_reflection_plugin.h>
#include <grpcpp/health_check_service_interface.h>
#include <grpcpp/security/server_credentials.h>
#include <grpcpp/server_builder.h>

#include <utility>

namespace aircargo::server {

Server::Server(std::shared_ptr<const routes::Network> network, const ServerOptions& options)
    : snapshots_(std::move(network)),
      network_service_(snapshots_),
      planner_service_(snapshots_, options.compute_budget, options.threads, options.stop_check) {}

Server::~Server() {
  if (server_) {
    server_->Shutdown(std::chrono::system_clock::now());
    server_->Wait();
  }
}

std::unique_ptr<Server> Server::Start(std::shared_ptr<const routes::Network> network,
                                      const ServerOptions& options, std::string* error) {
  grpc::EnableDefaultHealthCheckService(true);
  grpc::reflection::InitProtoReflectionServerBuilderPlugin();
  std::unique_ptr<Server> server(new Server(std::move(network), options));
  grpc::ServerBuilder builder;
  if (!options.listen.empty()) {
    builder.AddListeningPort(options.listen, grpc::InsecureServerCredentials(), &server->port_);
  }
  builder.SetMaxReceiveMessageSize(options.max_request_bytes);
  builder.RegisterService(&server->network_service_);
  builder.RegisterService(&server->planner_service_);
  server->server_ = builder.BuildAndStart();
  if (!server->server_ || (!options.listen.empty() && server->port_ == 0)) {
    if (error != nullptr) *error = "cannot listen on " + options.listen;
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
