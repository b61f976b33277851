#include "server/edit_service.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <string>

#include "server/convert.h"
#include "server/rpc_handler.h"

namespace aircargo::server {
namespace {

// One edit of a single-edit request, as the repeated field the editor takes.
template <typename Edit>
google::protobuf::RepeatedPtrField<v1::NetworkEdit> One(const Edit& edit,
                                                        Edit* (v1::NetworkEdit::*mutate)()) {
  google::protobuf::RepeatedPtrField<v1::NetworkEdit> edits;
  *(edits.Add()->*mutate)() = edit;
  return edits;
}

}  // namespace

grpc::Status NetworkEditServiceImpl::Write(
    const char* method, grpc::ServerContext* context,
    const google::protobuf::RepeatedPtrField<v1::NetworkEdit>& edits, bool batch,
    const v1::WriteOptions& options, v1::EditResponse* response) {
  return HandleRpc(method, context, [&] {
    const auto author = authorizer_.AuthorizeWrite(*context);
    if (!author.ok()) return ToStatus(author.error());
    const auto result = editor_.Write(edits, batch, options, *author);
    if (!result.ok()) return ToStatus(result.error());
    response->set_network_version(result->version);
    response->set_replayed(result->replayed);
    if (!result->replayed) {
      spdlog::info("{} by {}: version {}", method, *author, result->version);
    }
    return grpc::Status::OK;
  });
}

grpc::Status NetworkEditServiceImpl::UpsertAirport(grpc::ServerContext* context,
                                                   const v1::UpsertAirportRequest* request,
                                                   v1::EditResponse* response) {
  return Write("UpsertAirport", context,
               One(request->edit(), &v1::NetworkEdit::mutable_upsert_airport), false,
               request->write(), response);
}

grpc::Status NetworkEditServiceImpl::DeleteAirport(grpc::ServerContext* context,
                                                   const v1::DeleteAirportRequest* request,
                                                   v1::EditResponse* response) {
  return Write("DeleteAirport", context,
               One(request->edit(), &v1::NetworkEdit::mutable_delete_airport), false,
               request->write(), response);
}

grpc::Status NetworkEditServiceImpl::CreateRoute(grpc::ServerContext* context,
                                                 const v1::CreateRouteRequest* request,
                                                 v1::EditResponse* response) {
  return Write("CreateRoute", context, One(request->edit(), &v1::NetworkEdit::mutable_create_route),
               false, request->write(), response);
}

grpc::Status NetworkEditServiceImpl::UpdateRoute(grpc::ServerContext* context,
                                                 const v1::UpdateRouteRequest* request,
                                                 v1::EditResponse* response) {
  return Write("UpdateRoute", context, One(request->edit(), &v1::NetworkEdit::mutable_update_route),
               false, request->write(), response);
}

grpc::Status NetworkEditServiceImpl::DeleteRoute(grpc::ServerContext* context,
                                                 const v1::DeleteRouteRequest* request,
                                                 v1::EditResponse* response) {
  return Write("DeleteRoute", context, One(request->edit(), &v1::NetworkEdit::mutable_delete_route),
               false, request->write(), response);
}

grpc::Status NetworkEditServiceImpl::SetRouteStatus(grpc::ServerContext* context,
                                                    const v1::SetRouteStatusRequest* request,
                                                    v1::EditResponse* response) {
  return Write("SetRouteStatus", context,
               One(request->edit(), &v1::NetworkEdit::mutable_set_route_status), false,
               request->write(), response);
}

grpc::Status NetworkEditServiceImpl::ApplyEdits(grpc::ServerContext* context,
                                                const v1::ApplyEditsRequest* request,
                                                v1::EditResponse* response) {
  return Write("ApplyEdits", context, request->edits(), true, request->write(), response);
}

grpc::Status NetworkEditServiceImpl::ListEdits(grpc::ServerContext* context,
                                               const v1::ListEditsRequest* request,
                                               v1::ListEditsResponse* response) {
  return HandleRpc("ListEdits", context, [&] {
    if (auto ok = authorizer_.AuthorizeRead(*context); !ok.ok()) return ToStatus(ok.error());
    if (request->since_version() < 0) {
      return ToStatus(routes::InvalidArgument("since_version", "must be >= 0"));
    }
    if (request->limit() < 0 || request->limit() > kMaxListEdits) {
      return ToStatus(routes::InvalidArgument(
          "limit", "must be between 0 and " + std::to_string(kMaxListEdits)));
    }
    const std::int64_t head = feed_.head();
    const std::int64_t oldest = feed_.oldest();
    // 0: from the oldest kept.
    const std::int64_t since =
        request->since_version() == 0 ? std::min(oldest, head + 1) - 1 : request->since_version();
    auto records = feed_.Since(since, request->limit() == 0 ? 100 : request->limit());
    if (!records.ok()) {
      routes::Error error = records.error();
      error.field = "since_version";
      return ToStatus(error);
    }
    for (auto& r : *records) *response->add_edits() = r;
    response->set_network_version(head);
    response->set_oldest_version(oldest);
    return grpc::Status::OK;
  });
}

grpc::Status NetworkEditServiceImpl::WatchNetwork(
    grpc::ServerContext* context, const v1::WatchNetworkRequest* request,
    grpc::ServerWriter<v1::WatchNetworkResponse>* writer) {
  return HandleRpc("WatchNetwork", context, [&] {
    if (auto ok = authorizer_.AuthorizeRead(*context); !ok.ok()) return ToStatus(ok.error());
    if (request->from_version() < 0) {
      return ToStatus(routes::InvalidArgument("from_version", "must be >= 0"));
    }
    const std::int64_t from = request->from_version() == 0 ? feed_.head() : request->from_version();
    auto subscription = feed_.Subscribe(from);
    if (!subscription.ok()) return ToStatus(subscription.error());
    const auto& watch = *subscription;
    // Wake up at least every second to notice a cancelled call or a server shutting down.
    const auto tick = std::min<std::chrono::milliseconds>(heartbeat_, std::chrono::seconds(1));
    auto quiet_since = std::chrono::steady_clock::now();
    std::int64_t last_sent = from;
    grpc::Status status = grpc::Status::OK;
    while (!context->IsCancelled()) {
      v1::WatchNetworkResponse message;
      if (watch->Next(tick, message.mutable_change())) {
        last_sent = message.change().version();
      } else if (watch->overflowed()) {
        status = ToStatus(routes::MakeError(
            routes::ErrorCode::kResourceExhausted, "watch",
            "this watcher fell more than " + std::to_string(kWatchQueueLimit) +
                " changes behind; watch again from version " + std::to_string(last_sent)));
        break;
      } else if (std::chrono::steady_clock::now() - quiet_since >= heartbeat_) {
        message.mutable_heartbeat();
      } else {
        continue;
      }
      message.set_head_version(feed_.head());
      if (!writer->Write(message)) break;  // the client went away
      quiet_since = std::chrono::steady_clock::now();
    }
    feed_.Unsubscribe(watch);
    return status;
  });
}

}  // namespace aircargo::server
