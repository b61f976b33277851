// NetworkServiceImpl: aircargo.v1.NetworkService over the server's current snapshot. Each RPC takes
// the snapshot once and answers from it; responses carry its version. Thread-safe.
#pragma once

#include "aircargo/v1/network_service.grpc.pb.h"
#include "server/scenario_book.h"
#include "server/snapshot_holder.h"

namespace aircargo::server {

class NetworkServiceImpl final : public v1::NetworkService::Service {
 public:
  explicit NetworkServiceImpl(const SnapshotHolder& snapshots) : snapshots_(snapshots) {}
  // Where GetNetwork resolves a scenario's name (server/scenario_book.h); set before serving.
  void UseScenarios(const ScenarioBook* book) { scenarios_ = book; }

  grpc::Status GetNetwork(grpc::ServerContext* context, const v1::GetNetworkRequest* request,
                          v1::GetNetworkResponse* response) override;
  grpc::Status ListAirports(grpc::ServerContext* context, const v1::ListAirportsRequest* request,
                            v1::ListAirportsResponse* response) override;
  grpc::Status GetAirport(grpc::ServerContext* context, const v1::GetAirportRequest* request,
                          v1::GetAirportResponse* response) override;
  grpc::Status ListRoutes(grpc::ServerContext* context, const v1::ListRoutesRequest* request,
                          v1::ListRoutesResponse* response) override;

 private:
  const SnapshotHolder& snapshots_;
  const ScenarioBook* scenarios_ = nullptr;
};

}  // namespace aircargo::server
