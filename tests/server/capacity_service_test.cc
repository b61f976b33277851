// ComputeCapacity, PlanFlow, AnalyzeClosures and CompareScenarios through an in-process channel,
// on the inline test network (tests/server/test_network.h):
//   SHE --43.5 t/wk--> YVR --140 t/wk truck--> SEA;  SHE --285 t/wk planned--> MIA;  SHE <-> ICN.
#include <grpcpp/create_channel.h>
#include <gtest/gtest.h>

#include "aircargo/v1/planner_service.grpc.pb.h"
#include "server/server.h"
#include "tests/server/test_network.h"

namespace aircargo::server {
namespace {

class CapacityServiceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string error;
    server_ =
        Server::Start(testing::TestNetwork(), ServerOptions{.listen = "", .threads = 0}, &error);
    ASSERT_NE(server_, nullptr) << error;
    channel_ = server_->grpc_server().InProcessChannel(grpc::ChannelArguments());
    stub_ = v1::PlannerService::NewStub(channel_);
  }

  grpc::Status Capacity(const v1::ComputeCapacityRequest& request,
                        v1::ComputeCapacityResponse* response) {
    grpc::ClientContext context;
    return stub_->ComputeCapacity(&context, request, response);
  }

  std::unique_ptr<Server> server_;
  std::shared_ptr<grpc::Channel> channel_;
  std::unique_ptr<v1::PlannerService::Stub> stub_;
};

v1::ComputeCapacityRequest CapacityRequest(const std::string& origin,
                                           std::vector<std::string> destinations) {
  v1::ComputeCapacityRequest request;
  request.set_origin(origin);
  for (auto& d : destinations) request.add_destinations(d);
  return request;
}

TEST_F(CapacityServiceTest, ComputeCapacityNamesTheBottleneck) {
  v1::ComputeCapacityResponse response;
  ASSERT_TRUE(Capacity(CapacityRequest("she", {"SEA"}), &response).ok());
  EXPECT_EQ(response.network_version(), 1);
  EXPECT_EQ(response.max_flow_kg_per_week(), 43'500);
  ASSERT_EQ(response.min_cut_size(), 1);
  EXPECT_EQ(response.min_cut(0).kind(), v1::CAPACITY_ELEMENT_KIND_ROUTE);
  EXPECT_EQ(response.min_cut(0).route_id(), "SHE-YVR-W8");
  EXPECT_EQ(response.min_cut(0).capacity_kg_per_week(), 43'500);
  ASSERT_EQ(response.route_flows_size(), 2);
  EXPECT_EQ(response.route_flows(0).route_id(), "SHE-YVR-W8");
  EXPECT_DOUBLE_EQ(response.route_flows(0).utilisation(), 1.0);
  EXPECT_EQ(response.destinations(0), "SEA");
}

TEST_F(CapacityServiceTest, ComputeCapacityToACountryAddsPlannedRoutesWhenAsked) {
  v1::ComputeCapacityRequest request;
  request.set_origin("SHE");
  request.set_destination_country("us");
  v1::ComputeCapacityResponse today;
  ASSERT_TRUE(Capacity(request, &today).ok());
  EXPECT_EQ(today.max_flow_kg_per_week(), 43'500);
  EXPECT_EQ(today.destinations_size(), 2);  // SEA and MIA
  request.mutable_scenario()->set_include_planned(true);
  v1::ComputeCapacityResponse planned;
  ASSERT_TRUE(Capacity(request, &planned).ok());
  EXPECT_EQ(planned.max_flow_kg_per_week(), 43'500 + 285'000);
}

TEST_F(CapacityServiceTest, ComputeCapacityRejectsBadDestinations) {
  v1::ComputeCapacityResponse response;
  grpc::Status status = Capacity(CapacityRequest("SHE", {}), &response);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_NE(status.error_message().find("destinations"), std::string::npos);
  status = Capacity(CapacityRequest("SHE", {"XXX"}), &response);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::NOT_FOUND);
  EXPECT_NE(status.error_message().find("destinations[0]"), std::string::npos);
  status = Capacity(CapacityRequest("ZZZ", {"SEA"}), &response);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::NOT_FOUND);
  status = Capacity(CapacityRequest("SHE", {"SEA", "SHE"}), &response);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_NE(status.error_message().find("destinations[1]"), std::string::npos);
  v1::ComputeCapacityRequest both = CapacityRequest("SHE", {"SEA"});
  both.set_destination_country("US");
  EXPECT_EQ(Capacity(both, &response).error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  v1::ComputeCapacityRequest nowhere = CapacityRequest("SHE", {});
  nowhere.set_destination_country("FR");
  EXPECT_EQ(Capacity(nowhere, &response).error_code(), grpc::StatusCode::NOT_FOUND);
}

TEST_F(CapacityServiceTest, PlanFlowReportsShortfallAndCost) {
  v1::PlanFlowRequest request;
  request.set_origin("SHE");
  request.add_destinations("SEA");
  request.set_demand_kg_per_week(50'000);
  v1::PlanFlowResponse response;
  grpc::ClientContext context;
  ASSERT_TRUE(stub_->PlanFlow(&context, request, &response).ok());
  EXPECT_EQ(response.network_version(), 1);
  EXPECT_EQ(response.shipped_kg_per_week(), 43'500);
  EXPECT_EQ(response.shortfall_kg_per_week(), 6'500);
  EXPECT_EQ(response.total_cost_micros(), 43'500LL * (3'000'000 + 300'000));
  ASSERT_EQ(response.paths_size(), 1);
  EXPECT_EQ(response.paths(0).kg_per_week(), 43'500);
  ASSERT_EQ(response.paths(0).airports_size(), 3);
  EXPECT_EQ(response.paths(0).airports(1), "YVR");
  EXPECT_EQ(response.paths(0).route_ids(1), "YVR-SEA-TRUCK");
}

TEST_F(CapacityServiceTest, PlanFlowRejectsNegativeAndAbsurdDemands) {
  for (std::int64_t demand : {std::int64_t{-5}, std::int64_t{1'000'000'000'001}}) {
    v1::PlanFlowRequest request;
    request.set_origin("SHE");
    request.add_destinations("SEA");
    request.set_demand_kg_per_week(demand);
    v1::PlanFlowResponse response;
    grpc::ClientContext context;
    const grpc::Status status = stub_->PlanFlow(&context, request, &response);
    EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
    EXPECT_NE(status.error_message().find("demand_kg_per_week"), std::string::npos);
  }
}

TEST_F(CapacityServiceTest, AnalyzeClosuresRanksAndLimits) {
  v1::AnalyzeClosuresRequest request;
  request.set_origin("SHE");
  request.add_destinations("SEA");
  v1::AnalyzeClosuresResponse response;
  {
    grpc::ClientContext context;
    ASSERT_TRUE(stub_->AnalyzeClosures(&context, request, &response).ok());
  }
  EXPECT_EQ(response.base_kg_per_week(), 43'500);
  ASSERT_EQ(response.closures_size(), 3);  // two routes and YVR, each disconnecting
  for (const v1::ClosureImpact& c : response.closures()) {
    EXPECT_TRUE(c.disconnects());
    EXPECT_EQ(c.lost_kg_per_week(), 43'500);
    EXPECT_DOUBLE_EQ(c.lost_fraction(), 1.0);
  }
  EXPECT_EQ(response.closures(2).kind(), v1::CAPACITY_ELEMENT_KIND_AIRPORT);
  EXPECT_EQ(response.closures(2).airport(), "YVR");
  request.set_limit(1);
  v1::AnalyzeClosuresResponse limited;
  grpc::ClientContext context;
  ASSERT_TRUE(stub_->AnalyzeClosures(&context, request, &limited).ok());
  EXPECT_EQ(limited.closures_size(), 1);
  EXPECT_EQ(limited.total_closures(), 3);
}

TEST_F(CapacityServiceTest, CompareScenariosDefaultsToTodayVersusPlanned) {
  v1::CompareScenariosResponse response;
  grpc::ClientContext context;
  ASSERT_TRUE(stub_->CompareScenarios(&context, v1::CompareScenariosRequest(), &response).ok());
  EXPECT_EQ(response.network_version(), 1);
  ASSERT_EQ(response.pairs_size(), 4);  // SHE to the four others
  const v1::PairComparison* mia = nullptr;
  for (const auto& p : response.pairs()) {
    EXPECT_EQ(p.origin(), "SHE");
    if (p.destination() == "MIA") mia = &p;
  }
  ASSERT_NE(mia, nullptr);
  EXPECT_FALSE(mia->baseline().reachable());
  EXPECT_TRUE(mia->alternative().reachable());
  EXPECT_TRUE(mia->newly_reachable());
  EXPECT_EQ(mia->alternative().max_capacity_kg_per_week(), 285'000);
  EXPECT_EQ(mia->alternative().fewest_legs(), 1);
  EXPECT_EQ(mia->alternative().cheapest_cost_per_kg_micros(), 4'000'000);
  EXPECT_EQ(response.newly_reachable_count(), 1);
  EXPECT_EQ(response.total_capacity_change_kg_per_week(), 285'000);
}

TEST_F(CapacityServiceTest, CompareScenariosRejectsUnknownPairs) {
  v1::CompareScenariosRequest request;
  auto* pair = request.add_pairs();
  pair->set_origin("SHE");
  pair->set_destination("QQQ");
  v1::CompareScenariosResponse response;
  grpc::ClientContext context;
  const grpc::Status status = stub_->CompareScenarios(&context, request, &response);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::NOT_FOUND);
  EXPECT_NE(status.error_message().find("pairs[0].destination"), std::string::npos);
}

// An empty CompareScenarios request on a network without SHE: the default origin comes from the
// network (its hub), not from the Shenyang network's.
TEST(CompareScenariosDefaults, EmptyRequestOnANetworkWithoutSheUsesItsHub) {
  auto network = formats::LoadNetworkText(R"(
    name: "no SHE"
    airports { iata: "FRA" icao: "EDDF" name: "Frankfurt" city: "Frankfurt" country: "DE"
               latitude_deg: 50.03 longitude_deg: 8.57 time_zone: "Europe/Berlin" }
    airports { iata: "LHR" icao: "EGLL" name: "Heathrow" city: "London" country: "GB"
               latitude_deg: 51.47 longitude_deg: -0.45 time_zone: "Europe/London" }
    airports { iata: "JFK" icao: "KJFK" name: "Kennedy" city: "New York" country: "US"
               latitude_deg: 40.64 longitude_deg: -73.78 time_zone: "America/New_York" }
    routes { id: "FRA-LHR" origin: "FRA" destination: "LHR" carrier: "LH" mode: MODE_BELLY
             aircraft: "A321" payload_kg: 3000 flights_per_week: 14 block_minutes: 90
             cost_per_kg_micros: 1000000 status: ROUTE_STATUS_OPERATING source: "test" }
    routes { id: "FRA-JFK" origin: "FRA" destination: "JFK" carrier: "LH" mode: MODE_FREIGHTER
             aircraft: "B777F" payload_kg: 100000 flights_per_week: 3 block_minutes: 540
             cost_per_kg_micros: 3000000 status: ROUTE_STATUS_OPERATING source: "test" }
    routes { id: "LHR-JFK" origin: "LHR" destination: "JFK" carrier: "BA" mode: MODE_BELLY
             aircraft: "B777" payload_kg: 15000 flights_per_week: 7 block_minutes: 480
             cost_per_kg_micros: 2000000 status: ROUTE_STATUS_OPERATING source: "test" }
  )",
                                          "no_she");
  ASSERT_TRUE(network.ok()) << network.error().ToString();
  std::string error;
  auto server = Server::Start(*network, ServerOptions{.listen = "", .threads = 1}, &error);
  ASSERT_NE(server, nullptr) << error;
  auto stub =
      v1::PlannerService::NewStub(server->grpc_server().InProcessChannel(grpc::ChannelArguments()));
  grpc::ClientContext context;
  v1::CompareScenariosResponse response;
  const grpc::Status status =
      stub->CompareScenarios(&context, v1::CompareScenariosRequest(), &response);
  ASSERT_TRUE(status.ok()) << status.error_message();
  ASSERT_EQ(response.pairs_size(), 2);  // FRA (two routes out) to LHR and JFK
  for (const auto& pair : response.pairs()) EXPECT_EQ(pair.origin(), "FRA");
}

}  // namespace
}  // namespace aircargo::server
