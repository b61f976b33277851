// StubFactory: where CLI commands get their gRPC stubs. main.cc opens real channels; tests hand
// out the generated gMock stubs (aircargo::v1::MockNetworkServiceStub, MockPlannerServiceStub), so
// every command can be exercised without a server.
#pragma once

#include <string>

#include "aircargo/v1/network_service.grpc.pb.h"
#include "aircargo/v1/planner_service.grpc.pb.h"

namespace aircargo::client {

class StubFactory {
 public:
  virtual ~StubFactory() = default;

  // The NetworkService stub for the server at `server` ("host:port"), opened on first use. The
  // factory owns it; it stays valid as long as the factory.
  virtual v1::NetworkService::StubInterface& NetworkStub(const std::string& server) = 0;

  // The PlannerService stub for `server`, likewise.
  virtual v1::PlannerService::StubInterface& PlannerStub(const std::string& server) = 0;
};

}  // namespace aircargo::client
