// aircargo-loadgen: closed-loop gRPC load on a running aircargod; see options.cc (--help) and
// docs/performance.md ("Service under load"). Exit status: 0 after a run (errors are reported, not
// fatal), 2 on a usage error, 4 when the server cannot be reached, 5 when it fails to describe
// its network or serves fewer than two airports with routes.
#include <grpcpp/channel.h>
#include <grpcpp/client_context.h>
#include <grpcpp/create_channel.h>
#include <grpcpp/security/credentials.h>
#include <grpcpp/support/channel_arguments.h>

#include <chrono>
#include <iostream>
#include <memory>
#include <vector>

#include "aircargo/v1/network_service.grpc.pb.h"
#include "bench/loadgen/client_loop.h"
#include "bench/loadgen/options.h"
#include "bench/loadgen/pairs.h"
#include "bench/loadgen/report.h"

namespace aircargo::loadgen {
namespace {

constexpr int kMaxNetworkBytes = 256 << 20;  // a world-scale GetNetwork FULL is ~13 MB

std::shared_ptr<grpc::Channel> NewChannel(const std::string& server, int index) {
  grpc::ChannelArguments args;
  args.SetMaxReceiveMessageSize(kMaxNetworkBytes);
  // A subchannel (TCP connection) of the channel's own, not shared through gRPC's global pool:
  // each client is an independent caller on its own connection.
  args.SetInt(GRPC_ARG_USE_LOCAL_SUBCHANNEL_POOL, 1);
  args.SetInt("aircargo.loadgen.client", index);  // distinct args: distinct channels
  return grpc::CreateCustomChannel(server, grpc::InsecureChannelCredentials(), args);
}

int Run(const Options& given) {
  Options options = given;
  if (options.request.ready_time.empty()) options.request.ready_time = NowRfc3339();

  std::vector<std::shared_ptr<grpc::Channel>> channels;
  for (int c = 0; c < options.clients; ++c) channels.push_back(NewChannel(options.server, c));

  v1::GetNetworkRequest request;
  request.set_view(v1::NETWORK_VIEW_FULL);
  v1::GetNetworkResponse response;
  grpc::ClientContext context;
  context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(30));
  const grpc::Status status =
      v1::NetworkService::NewStub(channels[0])->GetNetwork(&context, request, &response);
  if (!status.ok()) {
    const bool unreachable = status.error_code() == grpc::StatusCode::UNAVAILABLE ||
                             status.error_code() == grpc::StatusCode::DEADLINE_EXCEEDED;
    std::cerr << "aircargo-loadgen: " << (unreachable ? "cannot reach " : "GetNetwork failed on ")
              << options.server << ": " << StatusCodeName(status.error_code()) << ": "
              << status.error_message() << "\n";
    return unreachable ? 4 : 5;
  }
  const std::vector<std::string> airports = ServedAirports(response.network());
  if (airports.size() < 2) {
    std::cerr << "aircargo-loadgen: the served network has " << airports.size()
              << " airports with routes out and in; need at least 2\n";
    return 5;
  }
  for (const auto& channel : channels) {
    if (!channel->WaitForConnected(std::chrono::system_clock::now() + std::chrono::seconds(10))) {
      std::cerr << "aircargo-loadgen: cannot connect every client to " << options.server << "\n";
      return 4;
    }
  }

  RunInfo info;
  info.network_name = response.network().name();
  info.network_version = response.network_version();
  info.airports = response.network().airports_size();
  info.served_airports = static_cast<int>(airports.size());
  info.ready_time = options.request.ready_time;

  std::vector<ModeResult> results;
  for (const Mode mode : options.modes) {
    if (!options.json) {
      std::cerr << "aircargo-loadgen: " << ModeName(mode) << " ...\n";
    }
    results.push_back(RunMode(mode, options, channels, airports));
  }
  if (options.json) {
    PrintJson(options, info, results, std::cout);
  } else {
    PrintTable(options, info, results, std::cout);
  }
  return 0;
}

}  // namespace
}  // namespace aircargo::loadgen

int main(int argc, char** argv) {
  const aircargo::loadgen::ParseOutcome parsed = aircargo::loadgen::ParseOptions(argc, argv);
  if (!parsed.options) {
    (parsed.exit_code == 0 ? std::cout : std::cerr) << parsed.message << "\n";
    return parsed.exit_code;
  }
  return aircargo::loadgen::Run(*parsed.options);
}
