// FakeStubs' out-of-line members: the one translation unit that instantiates the generated mock
// stub classes (see cli_test_support.h).
#include "tests/client/cli_test_support.h"

namespace aircargo::client::testing {

FakeStubs::FakeStubs() = default;
FakeStubs::~FakeStubs() = default;

v1::NetworkService::StubInterface& FakeStubs::NetworkStub(const std::string& server) {
  servers.push_back(server);
  return network;
}

v1::PlannerService::StubInterface& FakeStubs::PlannerStub(const std::string& server) {
  servers.push_back(server);
  return planner;
}

v1::NetworkEditService::StubInterface& FakeStubs::EditStub(const std::string& server) {
  servers.push_back(server);
  return edit;
}

v1::ScenarioService::StubInterface& FakeStubs::ScenarioStub(const std::string& server) {
  servers.push_back(server);
  return scenario;
}

}  // namespace aircargo::client::testing
