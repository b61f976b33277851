#include "server/scenario_service.h"

#include <spdlog/spdlog.h>

#include <algorithm>

#include "formats/scenario_proto.h"
#include "server/convert.h"
#include "server/rpc_handler.h"

namespace aircargo::server {

grpc::Status ScenarioServiceImpl::CreateScenario(grpc::ServerContext* context,
                                                 const v1::CreateScenarioRequest* request,
                                                 v1::StoredScenario* response) {
  return HandleRpc("CreateScenario", context, [&] {
    const auto author = authorizer_.AuthorizeWrite(*context);
    if (!author.ok()) return ToStatus(author.error());
    auto stored = book_.Create(request->scenario(), *snapshots_.Get(), *author);
    if (!stored.ok()) return ToStatus(stored.error());
    spdlog::info("CreateScenario by {}: {} version 1", *author, stored->name());
    *response = std::move(stored).value();
    return grpc::Status::OK;
  });
}

grpc::Status ScenarioServiceImpl::UpdateScenario(grpc::ServerContext* context,
                                                 const v1::UpdateScenarioRequest* request,
                                                 v1::StoredScenario* response) {
  return HandleRpc("UpdateScenario", context, [&] {
    const auto author = authorizer_.AuthorizeWrite(*context);
    if (!author.ok()) return ToStatus(author.error());
    auto stored =
        book_.Update(request->scenario(), request->expected_version(), *snapshots_.Get(), *author);
    if (!stored.ok()) return ToStatus(stored.error());
    spdlog::info("UpdateScenario by {}: {} version {}", *author, stored->name(), stored->version());
    *response = std::move(stored).value();
    return grpc::Status::OK;
  });
}

grpc::Status ScenarioServiceImpl::DeleteScenario(grpc::ServerContext* context,
                                                 const v1::DeleteScenarioRequest* request,
                                                 v1::DeleteScenarioResponse* response) {
  return HandleRpc("DeleteScenario", context, [&] {
    const auto author = authorizer_.AuthorizeWrite(*context);
    if (!author.ok()) return ToStatus(author.error());
    auto version = book_.Delete(request->name(), request->expected_version());
    if (!version.ok()) return ToStatus(version.error());
    spdlog::info("DeleteScenario by {}: {} (was version {})", *author, request->name(), *version);
    response->set_version(*version);
    return grpc::Status::OK;
  });
}

grpc::Status ScenarioServiceImpl::GetScenario(grpc::ServerContext* context,
                                              const v1::GetScenarioRequest* request,
                                              v1::GetScenarioResponse* response) {
  return HandleRpc("GetScenario", context, [&] {
    const auto network = snapshots_.Get();
    auto stored = book_.Get(request->name(), *network, formats::TodayUtc());
    if (!stored.ok()) return ToStatus(stored.error());
    *response->mutable_scenario() = std::move(stored).value();
    response->set_network_version(network->version());
    return grpc::Status::OK;
  });
}

grpc::Status ScenarioServiceImpl::ListScenarios(grpc::ServerContext* context,
                                                const v1::ListScenariosRequest*,
                                                v1::ListScenariosResponse* response) {
  return HandleRpc("ListScenarios", context, [&] {
    const auto network = snapshots_.Get();
    for (auto& s : book_.List(*network, formats::TodayUtc())) {
      *response->add_scenarios() = std::move(s);
    }
    response->set_network_version(network->version());
    return grpc::Status::OK;
  });
}

grpc::Status ScenarioServiceImpl::WatchScenarios(
    grpc::ServerContext* context, const v1::WatchScenariosRequest*,
    grpc::ServerWriter<v1::WatchScenariosResponse>* writer) {
  return HandleRpc("WatchScenarios", context, [&] {
    // Wake up at least every second to notice a cancelled call or a server shutting down.
    const auto tick = std::min<std::chrono::milliseconds>(heartbeat_, std::chrono::seconds(1));
    std::uint64_t seen = book_.head();
    auto quiet_since = std::chrono::steady_clock::now();
    while (!context->IsCancelled()) {
      auto changes = book_.ChangesAfter(seen, tick, &seen);
      if (!changes.ok()) return ToStatus(changes.error());
      for (const v1::ScenarioChange& change : *changes) {
        v1::WatchScenariosResponse message;
        *message.mutable_change() = change;
        if (!writer->Write(message)) return grpc::Status::OK;  // the client went away
        quiet_since = std::chrono::steady_clock::now();
      }
      if (changes->empty() && std::chrono::steady_clock::now() - quiet_since >= heartbeat_) {
        v1::WatchScenariosResponse message;
        message.mutable_heartbeat();
        if (!writer->Write(message)) return grpc::Status::OK;
        quiet_since = std::chrono::steady_clock::now();
      }
    }
    return grpc::Status::OK;
  });
}

}  // namespace aircargo::server
