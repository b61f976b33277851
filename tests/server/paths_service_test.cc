// PlannerService.FindPaths through an in-process channel on the inline test network
// (tests/server/test_network.h): the answer's mapping, reason codes and every error path.
#include <grpcpp/create_channel.h>
#include <gtest/gtest.h>

#include <chrono>
#include <string>

#include "aircargo/v1/planner_service.grpc.pb.h"
#include "server/server.h"
#include "tests/server/test_network.h"

namespace aircargo::server {
namespace {

class FindPathsServiceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string error;
    server_ =
        Server::Start(testing::TestNetwork(), ServerOptions{.listen = "", .threads = 0}, &error);
    ASSERT_NE(server_, nullptr) << error;
    stub_ = v1::PlannerService::NewStub(
        server_->grpc_server().InProcessChannel(grpc::ChannelArguments()));
  }

  static v1::FindPathsRequest Request(const char* from, const char* to) {
    v1::FindPathsRequest request;
    request.set_origin(from);
    request.set_destination(to);
    request.set_k(1);
    return request;
  }

  grpc::Status Call(const v1::FindPathsRequest& request, v1::FindPathsResponse* response) {
    grpc::ClientContext ctx;
    ctx.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(10));
    return stub_->FindPaths(&ctx, request, response);
  }

  // The status code and message of a request expected to fail.
  void ExpectError(const v1::FindPathsRequest& request, grpc::StatusCode code,
                   const std::string& field) {
    v1::FindPathsResponse response;
    const grpc::Status status = Call(request, &response);
    EXPECT_EQ(status.error_code(), code) << status.error_message();
    EXPECT_NE(status.error_message().find(field), std::string::npos) << status.error_message();
  }

  std::unique_ptr<Server> server_;
  std::unique_ptr<v1::PlannerService::Stub> stub_;
};

TEST_F(FindPathsServiceTest, ReturnsLegsAndTotals) {
  v1::FindPathsResponse response;
  ASSERT_TRUE(Call(Request("she", "SEA"), &response).ok());
  EXPECT_EQ(response.network_version(), 1);
  EXPECT_EQ(response.reason(), v1::PATH_REASON_FOUND);
  EXPECT_EQ(response.objective(), v1::PATH_OBJECTIVE_DISTANCE);
  ASSERT_EQ(response.paths_size(), 1);
  const v1::PathPlan& plan = response.paths(0);
  ASSERT_EQ(plan.legs_size(), 2);
  EXPECT_EQ(plan.legs(0).route_id(), "SHE-YVR-W8");
  EXPECT_EQ(plan.legs(0).origin(), "SHE");
  EXPECT_EQ(plan.legs(0).destination(), "YVR");
  EXPECT_EQ(plan.legs(0).carrier(), "W8");
  EXPECT_EQ(plan.legs(0).mode(), v1::MODE_FREIGHTER);
  EXPECT_EQ(plan.legs(0).aircraft(), "B767-300F");
  EXPECT_EQ(plan.legs(0).block_minutes(), 660);
  EXPECT_EQ(plan.legs(0).capacity_kg_per_week(), 43'500);
  EXPECT_EQ(plan.legs(1).route_id(), "YVR-SEA-TRUCK");
  EXPECT_EQ(plan.legs(1).mode(), v1::MODE_TRUCK);
  // Each leg carries its airports' positions (maps need no second call).
  EXPECT_DOUBLE_EQ(plan.legs(0).origin_position().latitude_deg(), 41.6398);
  EXPECT_DOUBLE_EQ(plan.legs(0).destination_position().longitude_deg(), -123.1844);
  EXPECT_DOUBLE_EQ(plan.legs(1).origin_position().latitude_deg(), 49.1939);
  EXPECT_DOUBLE_EQ(plan.legs(1).destination_position().latitude_deg(), 47.4502);
  EXPECT_EQ(plan.leg_count(), 2);
  EXPECT_EQ(plan.bottleneck_kg_per_week(), 43'500);
  EXPECT_EQ(plan.cost_per_kg_micros(), 3'300'000);
  EXPECT_DOUBLE_EQ(plan.distance_km(), plan.legs(0).distance_km() + plan.legs(1).distance_km());
  // SHE export 168 + (660 + 5040) + YVR connection 0 + (240 + 720) + SEA import 0.
  EXPECT_EQ(plan.transit_minutes(), 168 + 660 + 5040 + 240 + 720);
}

TEST_F(FindPathsServiceTest, ClosedByScenarioWhenOnlyPlannedRoutesReach) {
  v1::FindPathsResponse response;
  ASSERT_TRUE(Call(Request("SHE", "MIA"), &response).ok());
  EXPECT_EQ(response.paths_size(), 0);
  EXPECT_EQ(response.reason(), v1::PATH_REASON_CLOSED_BY_SCENARIO);
  EXPECT_EQ(response.network_version(), 1);

  v1::FindPathsRequest planned = Request("SHE", "MIA");
  planned.mutable_scenario()->set_include_planned(true);
  v1::FindPathsResponse with_planned;
  ASSERT_TRUE(Call(planned, &with_planned).ok());
  ASSERT_EQ(with_planned.paths_size(), 1);
  EXPECT_EQ(with_planned.paths(0).legs(0).route_id(), "SHE-MIA-CA");
}

TEST_F(FindPathsServiceTest, ParetoNeedsNoK) {
  v1::FindPathsRequest request = Request("SHE", "ICN");
  request.set_k(0);
  request.set_pareto(true);
  v1::FindPathsResponse response;
  ASSERT_TRUE(Call(request, &response).ok());
  EXPECT_TRUE(response.pareto());
  ASSERT_EQ(response.paths_size(), 1);  // OZ is suspended
  EXPECT_EQ(response.paths(0).legs(0).route_id(), "SHE-ICN-KE");
}

TEST_F(FindPathsServiceTest, ConstraintsReachTheCore) {
  v1::FindPathsRequest request = Request("SHE", "SEA");
  request.set_max_legs(1);
  v1::FindPathsResponse response;
  ASSERT_TRUE(Call(request, &response).ok());
  EXPECT_EQ(response.reason(), v1::PATH_REASON_TOO_MANY_LEGS);

  request = Request("SHE", "SEA");
  request.add_modes(v1::MODE_FREIGHTER);
  response.Clear();
  ASSERT_TRUE(Call(request, &response).ok());
  EXPECT_EQ(response.reason(), v1::PATH_REASON_EXCLUDED_BY_FILTERS);

  request = Request("SHE", "SEA");
  request.set_min_capacity_kg_per_week(50'000);
  response.Clear();
  ASSERT_TRUE(Call(request, &response).ok());
  EXPECT_EQ(response.reason(), v1::PATH_REASON_CAPACITY_TOO_LOW);

  request = Request("SHE", "SEA");
  request.add_via("ICN");
  response.Clear();
  ASSERT_TRUE(Call(request, &response).ok());
  EXPECT_EQ(response.reason(), v1::PATH_REASON_VIA_UNREACHABLE);
}

TEST_F(FindPathsServiceTest, RejectsOriginEqualToDestination) {
  ExpectError(Request("SHE", "she"), grpc::StatusCode::INVALID_ARGUMENT, "destination");
}

TEST_F(FindPathsServiceTest, RejectsKOutOfRange) {
  v1::FindPathsRequest request = Request("SHE", "SEA");
  request.set_k(0);
  ExpectError(request, grpc::StatusCode::INVALID_ARGUMENT, "k: must be between 1 and 50, got 0");
  request.set_k(51);
  ExpectError(request, grpc::StatusCode::INVALID_ARGUMENT, "got 51");
}

TEST_F(FindPathsServiceTest, RejectsNegativeCapacityAndBadLimits) {
  v1::FindPathsRequest request = Request("SHE", "SEA");
  request.set_min_capacity_kg_per_week(-1);
  ExpectError(request, grpc::StatusCode::INVALID_ARGUMENT, "min_capacity_kg_per_week");
  request = Request("SHE", "SEA");
  request.set_max_legs(11);
  ExpectError(request, grpc::StatusCode::INVALID_ARGUMENT, "max_legs");
  request = Request("SHE", "SEA");
  for (int i = 0; i < 9; ++i) request.add_via("ICN");
  ExpectError(request, grpc::StatusCode::INVALID_ARGUMENT, "via");
}

TEST_F(FindPathsServiceTest, RejectsUnknownEnums) {
  v1::FindPathsRequest request = Request("SHE", "SEA");
  request.set_objective(static_cast<v1::PathObjective>(42));
  ExpectError(request, grpc::StatusCode::INVALID_ARGUMENT, "objective");
  request = Request("SHE", "SEA");
  request.add_modes(static_cast<v1::Mode>(42));
  ExpectError(request, grpc::StatusCode::INVALID_ARGUMENT, "modes[0]");
  request = Request("SHE", "SEA");
  request.add_modes(v1::MODE_UNSPECIFIED);
  ExpectError(request, grpc::StatusCode::INVALID_ARGUMENT, "modes[0]");
}

TEST_F(FindPathsServiceTest, UnknownAirportsAreNotFound) {
  ExpectError(Request("XXX", "SEA"), grpc::StatusCode::NOT_FOUND, "origin");
  ExpectError(Request("SHE", "XXX"), grpc::StatusCode::NOT_FOUND, "destination");
  v1::FindPathsRequest request = Request("SHE", "SEA");
  request.add_via("XXX");
  ExpectError(request, grpc::StatusCode::NOT_FOUND, "via[0]");
  request = Request("SHE", "SEA");
  request.add_avoid("ICN");
  request.add_avoid("QQQ");
  ExpectError(request, grpc::StatusCode::NOT_FOUND, "avoid[1]");
}

TEST_F(FindPathsServiceTest, MalformedAirportCodeIsInvalid) {
  ExpectError(Request("SH1", "SEA"), grpc::StatusCode::INVALID_ARGUMENT, "origin");
}

TEST_F(FindPathsServiceTest, UnknownScenarioRouteIsNotFound) {
  v1::FindPathsRequest request = Request("SHE", "SEA");
  request.mutable_scenario()->add_closed_routes("NO-SUCH-ROUTE");
  ExpectError(request, grpc::StatusCode::NOT_FOUND, "scenario.closed_routes[0]");
}

TEST_F(FindPathsServiceTest, ScenarioExcludedCarrierClosesPath) {
  v1::FindPathsRequest request = Request("SHE", "SEA");
  request.mutable_scenario()->add_excluded_carriers("w8");
  v1::FindPathsResponse response;
  ASSERT_TRUE(Call(request, &response).ok());
  EXPECT_EQ(response.paths_size(), 0);
  EXPECT_EQ(response.reason(), v1::PATH_REASON_CLOSED_BY_SCENARIO);
}

TEST_F(FindPathsServiceTest, PassedDeadlineIsDeadlineExceeded) {
  grpc::ClientContext ctx;
  ctx.set_deadline(std::chrono::system_clock::now() - std::chrono::seconds(1));
  v1::FindPathsResponse response;
  const grpc::Status status = stub_->FindPaths(&ctx, Request("SHE", "SEA"), &response);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::DEADLINE_EXCEEDED);
}

}  // namespace
}  // namespace aircargo::server
