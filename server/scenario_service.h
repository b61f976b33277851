// ScenarioServiceImpl: aircargo.v1.ScenarioService over the ScenarioBook (server/scenario_book.h).
// Writes need a write token like network edits (the Authorizer names the author); reads pass the
// read gate (HandleRpc). Problems of stored scenarios are judged against the snapshot each call
// takes. Thread-safe.
#pragma once

#include <chrono>

#include "aircargo/v1/scenario_service.grpc.pb.h"
#include "server/auth.h"
#include "server/scenario_book.h"
#include "server/snapshot_holder.h"

namespace aircargo::server {

class ScenarioServiceImpl final : public v1::ScenarioService::Service {
 public:
  ScenarioServiceImpl(ScenarioBook& book, const SnapshotHolder& snapshots,
                      const Authorizer& authorizer, std::chrono::milliseconds heartbeat)
      : book_(book), snapshots_(snapshots), authorizer_(authorizer), heartbeat_(heartbeat) {}

  grpc::Status CreateScenario(grpc::ServerContext* context,
                              const v1::CreateScenarioRequest* request,
                              v1::StoredScenario* response) override;
  grpc::Status UpdateScenario(grpc::ServerContext* context,
                              const v1::UpdateScenarioRequest* request,
                              v1::StoredScenario* response) override;
  grpc::Status GetScenario(grpc::ServerContext* context, const v1::GetScenarioRequest* request,
                           v1::GetScenarioResponse* response) override;
  grpc::Status ListScenarios(grpc::ServerContext* context, const v1::ListScenariosRequest* request,
                             v1::ListScenariosResponse* response) override;
  grpc::Status DeleteScenario(grpc::ServerContext* context,
                              const v1::DeleteScenarioRequest* request,
                              v1::DeleteScenarioResponse* response) override;
  grpc::Status WatchScenarios(grpc::ServerContext* context,
                              const v1::WatchScenariosRequest* request,
                              grpc::ServerWriter<v1::WatchScenariosResponse>* writer) override;

 private:
  ScenarioBook& book_;
  const SnapshotHolder& snapshots_;
  const Authorizer& authorizer_;
  std::chrono::milliseconds heartbeat_;
};

}  // namespace aircargo::server
