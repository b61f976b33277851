// aircargo: the planning CLI. Opens a channel to aircargod (one per address; TLS with --tls-ca) and
// runs the command line; everything else lives in the aircargo::client library.
#include <grpcpp/create_channel.h>
#include <grpcpp/security/credentials.h>

#include <iostream>
#include <map>
#include <memory>
#include <string>

#include "aircargo/v1/network_edit_service.grpc.pb.h"
#include "aircargo/v1/network_service.grpc.pb.h"
#include "aircargo/v1/planner_service.grpc.pb.h"
#include "client/cli.h"
#include "client/stubs.h"

namespace {

constexpr int kMaxResponseBytes = 256 << 20;

class ChannelStubFactory : public aircargo::client::StubFactory {
 public:
  aircargo::v1::NetworkService::StubInterface& NetworkStub(const std::string& server) override {
    auto& stub = network_stubs_[server];
    if (!stub) stub = aircargo::v1::NetworkService::NewStub(Channel(server));
    return *stub;
  }
  aircargo::v1::PlannerService::StubInterface& PlannerStub(const std::string& server) override {
    auto& stub = planner_stubs_[server];
    if (!stub) stub = aircargo::v1::PlannerService::NewStub(Channel(server));
    return *stub;
  }
  aircargo::v1::NetworkEditService::StubInterface& EditStub(const std::string& server) override {
    auto& stub = edit_stubs_[server];
    if (!stub) stub = aircargo::v1::NetworkEditService::NewStub(Channel(server));
    return *stub;
  }
  aircargo::v1::ScenarioService::StubInterface& ScenarioStub(const std::string& server) override {
    auto& stub = scenario_stubs_[server];
    if (!stub) stub = aircargo::v1::ScenarioService::NewStub(Channel(server));
    return *stub;
  }
  void UseTls(const std::string& ca_pem, const std::string& cert_pem,
              const std::string& key_pem) override {
    grpc::SslCredentialsOptions options;
    options.pem_root_certs = ca_pem;
    options.pem_cert_chain = cert_pem;
    options.pem_private_key = key_pem;
    credentials_ = grpc::SslCredentials(options);
  }

 private:
  std::shared_ptr<grpc::Channel> Channel(const std::string& server) {
    auto& channel = channels_[server];
    if (!channel) {
      grpc::ChannelArguments args;
      // Whole world-scale networks (GetNetwork FULL, exports) are ~13 MB; gRPC's default is 4 MB.
      args.SetMaxReceiveMessageSize(kMaxResponseBytes);
      channel = grpc::CreateCustomChannel(
          server, credentials_ ? credentials_ : grpc::InsecureChannelCredentials(), args);
    }
    return channel;
  }

  std::shared_ptr<grpc::ChannelCredentials> credentials_;  // TLS when set
  std::map<std::string, std::shared_ptr<grpc::Channel>> channels_;
  std::map<std::string, std::unique_ptr<aircargo::v1::NetworkService::StubInterface>>
      network_stubs_;
  std::map<std::string, std::unique_ptr<aircargo::v1::ScenarioService::StubInterface>>
      scenario_stubs_;
  std::map<std::string, std::unique_ptr<aircargo::v1::PlannerService::StubInterface>>
      planner_stubs_;
  std::map<std::string, std::unique_ptr<aircargo::v1::NetworkEditService::StubInterface>>
      edit_stubs_;
};

}  // namespace

int main(int argc, char** argv) {
  ChannelStubFactory stubs;
  return aircargo::client::RunCli(argc, argv, stubs, std::cout, std::cerr);
}
