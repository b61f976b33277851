// The one shape of every RPC handler.
//
// HandleRpc is the one place every RPC passes: it applies the read gate first (--read-tokens,
// server/auth.h), runs the handler body, logs one line per call at debug level (method, peer,
// status code, server-side latency) and is the catch-all: an exception escaping the body is logged
// at error level with a request id and answers INTERNAL "internal error (request id N); ..." (never
// gRPC's UNKNOWN).
//
// PlannerCall is the skeleton of a planning RPC: take the snapshot once, validate the request into
// a core query, build the scenario view(s), make the StopCheck (and stop at once if it already
// says so), wait for a compute slot, call the core, map the result into the response, stamp the
// snapshot's version. Every error goes through the one status table (server/convert.h).
//
// Thread safe: the request ids come from one atomic counter.
#pragma once

#include <grpcpp/server_context.h>
#include <grpcpp/support/status.h>

#include <chrono>
#include <exception>
#include <memory>
#include <string_view>
#include <utility>

#include "formats/scenario_proto.h"
#include "routes/network.h"
#include "server/auth.h"
#include "server/compute_slots.h"
#include "server/convert.h"
#include "server/min_version.h"
#include "server/request_context.h"
#include "server/snapshot_holder.h"

namespace aircargo::server {

// Logs the exception a handler of `method` let escape, with a fresh request id, and returns the
// INTERNAL status naming that id.
grpc::Status ExceptionStatus(std::string_view method, const char* what);

// The debug line for a finished call: "<method> peer=<peer> status=<code> <micros>us[ message]".
void LogRpc(std::string_view method, const grpc::ServerContext* context, const grpc::Status& status,
            std::chrono::steady_clock::time_point start);

// Runs `body` (returning grpc::Status), catching whatever it throws, and logs the call.
template <typename Body>
grpc::Status HandleRpc(std::string_view method, const grpc::ServerContext* context, Body&& body) {
  const auto start = std::chrono::steady_clock::now();
  grpc::Status status = CheckReadGate(*context);
  if (status.ok()) status = AwaitMinVersion(*context);
  try {
    if (status.ok()) status = std::forward<Body>(body)();
  } catch (const std::exception& e) {
    status = ExceptionStatus(method, e.what());
  } catch (...) {
    status = ExceptionStatus(method, "an exception that is not a std::exception");
  }
  LogRpc(method, context, status, start);
  return status;
}

// What a planning handler runs with.
struct PlannerEnv {
  const SnapshotHolder& snapshots;
  ComputeSlots& slots;
  std::chrono::milliseconds compute_budget;
  const StopCheckMaker& stop_check;  // empty: StopCheckFor
};

// The planning skeleton (see the top of this file). The steps, each a callable:
//   validate(const routes::Network&) -> routes::Result<Query>
//   make_view(const std::shared_ptr<const routes::Network>&, std::chrono::year_month_day today)
//       -> routes::Result<View>
//   compute(const View&, const Query&, ComputeSlots::Lease&, routes::StopCheck&)
//       -> routes::Result<Output>
//   map(const View&, const Query&, const Output&) fills the response.
template <typename Response, typename Validate, typename MakeView, typename Compute, typename Map>
grpc::Status PlannerCall(std::string_view method, const PlannerEnv& env,
                         grpc::ServerContext* context, Response* response, Validate&& validate,
                         MakeView&& make_view, Compute&& compute, Map&& map) {
  return HandleRpc(method, context, [&]() -> grpc::Status {
    const std::shared_ptr<const routes::Network> network = env.snapshots.Get();
    auto query = validate(*network);
    if (!query.ok()) return ToStatus(query.error());
    auto view = make_view(network, formats::TodayUtc());
    if (!view.ok()) return ToStatus(view.error());
    RequestStop stop = env.stop_check ? env.stop_check(context, env.compute_budget)
                                      : StopCheckFor(context, env.compute_budget);
    const auto stopped = [&](const routes::Error& error) {
      return ToStatus(error, env.compute_budget, stop.budget_set_the_deadline);
    };
    if (auto error = stop.check.Check()) return stopped(*error);
    // Waits for one of the server's compute slots (aircargod --threads).
    auto slot = env.slots.Acquire(stop.check);
    if (!slot.ok()) return stopped(slot.error());
    auto output = compute(*view, *query, slot.value(), stop.check);
    if (!output.ok()) return stopped(output.error());
    map(*view, *query, *output);
    response->set_network_version(network->version());
    return grpc::Status::OK;
  });
}

}  // namespace aircargo::server
