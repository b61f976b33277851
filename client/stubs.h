// StubFactory: where CLI commands get their gRPC stubs. main.cc opens real channels; tests hand
// out the generated gMock stubs (aircargo::v1::MockNetworkServiceStub, MockPlannerServiceStub), so
// every command can be exercised without a server.
#pragma once

#include <string>

#include "aircargo/v1/network_edit_service.grpc.pb.h"
#include "aircargo/v1/network_service.grpc.pb.h"
#include "aircargo/v1/planner_service.grpc.pb.h"
#include "aircargo/v1/scenario_service.grpc.pb.h"

namespace aircargo::client {

class StubFactory {
 public:
  virtual ~StubFactory() = default;

  // The NetworkService stub for the server at `server` ("host:port"), opened on first use. The
  // factory owns it; it stays valid as long as the factory.
  virtual v1::NetworkService::StubInterface& NetworkStub(const std::string& server) = 0;

  // The PlannerService stub for `server`, likewise.
  virtual v1::PlannerService::StubInterface& PlannerStub(const std::string& server) = 0;

  // The NetworkEditService stub for `server`, likewise.
  virtual v1::NetworkEditService::StubInterface& EditStub(const std::string& server) = 0;

  // The ScenarioService stub for `server`, likewise.
  virtual v1::ScenarioService::StubInterface& ScenarioStub(const std::string& server) = 0;

  // Channels opened from now on use TLS, trusting the PEM certificates `ca_pem` (empty: the
  // system's roots); with `cert_pem`/`key_pem` they present that client certificate (servers
  // started with --tls-client-ca require one). Factories without channels ignore it.
  virtual void UseTls(const std::string& ca_pem, const std::string& cert_pem,
                      const std::string& key_pem) {
    (void)ca_pem;
    (void)cert_pem;
    (void)key_pem;
  }
};

}  // namespace aircargo::client
