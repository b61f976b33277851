// PlanDemand through an in-process channel, on the inline test network
// (tests/server/test_network.h):
//   SHE --43.5 t/wk--> YVR --140 t/wk truck--> SEA;  SHE --285 t/wk planned--> MIA;  SHE <-> ICN
//   70 t/wk each way.
// The answer's figures, shadow prices and upgrades; bad input with the right status naming the
// field.
#include <grpcpp/create_channel.h>
#include <gtest/gtest.h>

#include "aircargo/v1/planner_service.grpc.pb.h"
#include "routes/demand/demand.h"
#include "server/server.h"
#include "tests/server/test_network.h"

namespace aircargo::server {
namespace {

class DemandServiceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string error;
    server_ =
        Server::Start(testing::TestNetwork(), ServerOptions{.listen = "", .threads = 0}, &error);
    ASSERT_NE(server_, nullptr) << error;
    stub_ = v1::PlannerService::NewStub(server_->grpc_server().InProcessChannel({}));
  }

  grpc::Status Plan(const v1::PlanDemandRequest& request, v1::PlanDemandResponse* response) {
    grpc::ClientContext context;
    return stub_->PlanDemand(&context, request, response);
  }

  std::unique_ptr<Server> server_;
  std::unique_ptr<v1::PlannerService::Stub> stub_;
};

void AddDemand(v1::PlanDemandRequest& request, const std::string& from, const std::string& to,
               std::int64_t kg, double priority = 0) {
  v1::Demand* d = request.add_demands();
  d->set_origin(from);
  d->set_destination(to);
  d->set_kg_per_week(kg);
  d->set_priority(priority);
}

TEST_F(DemandServiceTest, AllocatesPricesTheBottleneckAndRanksUpgrades) {
  v1::PlanDemandRequest request;
  AddDemand(request, "SHE", "SEA", 50'000);
  AddDemand(request, "she", "MIA", 100'000);
  AddDemand(request, "SHE", "ICN", 30'000, 2.0);
  request.set_verify_upgrades(3);
  v1::PlanDemandResponse response;
  const grpc::Status status = Plan(request, &response);
  ASSERT_TRUE(status.ok()) << status.error_message();
  EXPECT_EQ(response.network_version(), 1);
  EXPECT_EQ(response.objective(), v1::DEMAND_OBJECTIVE_MAX_DELIVERED);
  ASSERT_EQ(response.allocations_size(), 3);
  EXPECT_EQ(response.allocations(0).origin(), "SHE");
  EXPECT_EQ(response.allocations(0).delivered_kg_per_week(), 43'500);
  EXPECT_EQ(response.allocations(0).shortfall_kg_per_week(), 6'500);
  ASSERT_EQ(response.allocations(0).paths_size(), 1);
  EXPECT_EQ(response.allocations(0).paths(0).route_ids(0), "SHE-YVR-W8");
  EXPECT_EQ(response.allocations(0).paths(0).airports_size(), 3);
  EXPECT_EQ(response.allocations(0).cost_per_kg_micros(), 3'300'000);
  EXPECT_EQ(response.allocations(1).delivered_kg_per_week(), 0);  // SHE-MIA is only planned
  EXPECT_EQ(response.allocations(2).delivered_kg_per_week(), 30'000);
  EXPECT_DOUBLE_EQ(response.allocations(2).priority(), 2.0);
  EXPECT_EQ(response.delivered_kg_per_week(), 73'500);
  EXPECT_NEAR(response.weighted_delivered(), 43'500 + 60'000, 1e-3);
  ASSERT_EQ(response.shadow_prices_size(), 1);
  EXPECT_EQ(response.shadow_prices(0).route_id(), "SHE-YVR-W8");
  EXPECT_NEAR(response.shadow_prices(0).weighted_kg_per_kg(), 1.0, 1e-9);
  // Opening SHE-MIA delivers MIA's 100 t; one more W8 flight the missing 6.5 t of SEA's demand
  // (predicted 43.5 t: a bound).
  ASSERT_GE(response.upgrades_size(), 2);
  EXPECT_EQ(response.upgrades(0).kind(), v1::UPGRADE_KIND_OPEN_PLANNED_ROUTE);
  EXPECT_EQ(response.upgrades(0).route_id(), "SHE-MIA-CA");
  EXPECT_TRUE(response.upgrades(0).verified());
  EXPECT_NEAR(response.upgrades(0).verified_gain(), 100'000, 1e-3);
  EXPECT_EQ(response.upgrades(1).kind(), v1::UPGRADE_KIND_ROUTE_FREQUENCY);
  EXPECT_EQ(response.upgrades(1).route_id(), "SHE-YVR-W8");
  EXPECT_NEAR(response.upgrades(1).predicted_gain(), 43'500, 1e-3);
  EXPECT_NEAR(response.upgrades(1).verified_gain(), 6'500, 1e-3);
  EXPECT_TRUE(response.best_upgrade_proven());
  EXPECT_GT(response.lp_columns(), 0);
  EXPECT_NE(response.solver().find("CLP"), std::string::npos);
}

TEST_F(DemandServiceTest, FairShareAndScenarios) {
  v1::PlanDemandRequest request;
  AddDemand(request, "SHE", "SEA", 40'000);
  AddDemand(request, "SHE", "YVR", 47'000);
  request.set_objective(v1::DEMAND_OBJECTIVE_FAIR_SHARE);
  v1::PlanDemandResponse response;
  ASSERT_TRUE(Plan(request, &response).ok());
  // 43.5 t shared by 87 t of demand: half each.
  EXPECT_NEAR(response.fair_fraction(), 0.5, 1e-9);
  EXPECT_EQ(response.allocations(0).delivered_kg_per_week(), 20'000);
  EXPECT_EQ(response.allocations(1).delivered_kg_per_week(), 23'500);
  request.mutable_scenario()->add_closed_routes("SHE-YVR-W8");
  ASSERT_TRUE(Plan(request, &response).ok());
  EXPECT_EQ(response.delivered_kg_per_week(), 0);
}

TEST_F(DemandServiceTest, RejectsBadInputNamingTheField) {
  const auto status_of = [&](const v1::PlanDemandRequest& request) {
    v1::PlanDemandResponse response;
    return Plan(request, &response);
  };
  v1::PlanDemandRequest request;
  grpc::Status status = status_of(request);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_NE(status.error_message().find("demands"), std::string::npos);

  AddDemand(request, "SHE", "XXX", 1'000);
  status = status_of(request);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::NOT_FOUND);
  EXPECT_NE(status.error_message().find("demands[0].destination"), std::string::npos);

  request.Clear();
  AddDemand(request, "SHE", "SEA", -5);
  status = status_of(request);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_NE(status.error_message().find("demands[0].kg_per_week"), std::string::npos);

  request.Clear();
  AddDemand(request, "SHE", "SEA", 5, -1);
  status = status_of(request);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_NE(status.error_message().find("demands[0].priority"), std::string::npos);

  request.Clear();
  for (std::size_t i = 0; i <= routes::kMaxDemands; ++i) AddDemand(request, "SHE", "SEA", 1);
  status = status_of(request);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::RESOURCE_EXHAUSTED);
  EXPECT_NE(status.error_message().find("demands"), std::string::npos);

  request.Clear();
  AddDemand(request, "SHE", "SEA", 1);
  request.set_objective(static_cast<v1::DemandObjective>(7));
  status = status_of(request);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_NE(status.error_message().find("objective"), std::string::npos);

  request.set_objective(v1::DEMAND_OBJECTIVE_MAX_DELIVERED);
  request.set_verify_upgrades(51);
  status = status_of(request);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_NE(status.error_message().find("verify_upgrades"), std::string::npos);
}

}  // namespace
}  // namespace aircargo::server
