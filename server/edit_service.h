// NetworkEditServiceImpl: aircargo.v1.NetworkEditService. Writes go through the NetworkEditor
// (version check, validation, durable store, publish); ListEdits and WatchNetwork read the
// ChangeFeed. Credentials are checked by the Authorizer before anything else. Thread-safe.
#pragma once

#include <chrono>

#include "aircargo/v1/network_edit_service.grpc.pb.h"
#include "server/auth.h"
#include "server/change_feed.h"
#include "server/network_editor.h"

namespace aircargo::server {

// WatchNetwork sends a heartbeat when nothing changed for this long (proxies close idle streams).
inline constexpr std::chrono::milliseconds kDefaultWatchHeartbeat{15'000};
inline constexpr int kMaxListEdits = 1000;

class NetworkEditServiceImpl final : public v1::NetworkEditService::Service {
 public:
  NetworkEditServiceImpl(NetworkEditor& editor, ChangeFeed& feed, const Authorizer& authorizer,
                         std::chrono::milliseconds heartbeat)
      : editor_(editor), feed_(feed), authorizer_(authorizer), heartbeat_(heartbeat) {}

  grpc::Status UpsertAirport(grpc::ServerContext* context, const v1::UpsertAirportRequest* request,
                             v1::EditResponse* response) override;
  grpc::Status DeleteAirport(grpc::ServerContext* context, const v1::DeleteAirportRequest* request,
                             v1::EditResponse* response) override;
  grpc::Status CreateRoute(grpc::ServerContext* context, const v1::CreateRouteRequest* request,
                           v1::EditResponse* response) override;
  grpc::Status UpdateRoute(grpc::ServerContext* context, const v1::UpdateRouteRequest* request,
                           v1::EditResponse* response) override;
  grpc::Status DeleteRoute(grpc::ServerContext* context, const v1::DeleteRouteRequest* request,
                           v1::EditResponse* response) override;
  grpc::Status SetRouteStatus(grpc::ServerContext* context,
                              const v1::SetRouteStatusRequest* request,
                              v1::EditResponse* response) override;
  grpc::Status ApplyEdits(grpc::ServerContext* context, const v1::ApplyEditsRequest* request,
                          v1::EditResponse* response) override;
  grpc::Status ListEdits(grpc::ServerContext* context, const v1::ListEditsRequest* request,
                         v1::ListEditsResponse* response) override;
  grpc::Status WatchNetwork(grpc::ServerContext* context, const v1::WatchNetworkRequest* request,
                            grpc::ServerWriter<v1::WatchNetworkResponse>* writer) override;

 private:
  grpc::Status Write(const char* method, grpc::ServerContext* context,
                     const google::protobuf::RepeatedPtrField<v1::NetworkEdit>& edits, bool batch,
                     const v1::WriteOptions& options, v1::EditResponse* response);

  NetworkEditor& editor_;
  ChangeFeed& feed_;
  const Authorizer& authorizer_;
  std::chrono::milliseconds heartbeat_;
};

}  // namespace aircargo::server
