// Every planning answer carries each leg's evidence basis: FindPaths legs, PlanItinerary legs,
// capacity cuts and route flows, PlanFlow paths, CompareScenarios rows and the routes it adds, and
// GetNetwork's totals by basis. On the inline test network with a basis set on every route:
//   SHE-YVR-W8 sourced, YVR-SEA-TRUCK illustrative, SHE-MIA-CA candidate (planned),
//   SHE-ICN-KE announced, SHE-ICN-OZ sourced (suspended), ICN-SHE-KE assumed.
#include <gtest/gtest.h>

#include <chrono>
#include <map>
#include <string>

#include "aircargo/v1/network_service.grpc.pb.h"
#include "aircargo/v1/planner_service.grpc.pb.h"
#include "formats/network_file.h"
#include "formats/network_proto.h"
#include "server/server.h"
#include "tests/server/test_network.h"

namespace aircargo::server {
namespace {

std::shared_ptr<const routes::Network> NetworkWithBases() {
  auto parsed = formats::ParseNetworkText(testing::kTestNetworkText, "test_network");
  if (!parsed.ok()) std::abort();
  v1::Network message = *parsed;
  const std::map<std::string, v1::EvidenceBasis> bases = {
      {"SHE-YVR-W8", v1::EVIDENCE_BASIS_SOURCED},
      {"YVR-SEA-TRUCK", v1::EVIDENCE_BASIS_ILLUSTRATIVE},
      {"SHE-MIA-CA", v1::EVIDENCE_BASIS_CANDIDATE},
      {"SHE-ICN-KE", v1::EVIDENCE_BASIS_ANNOUNCED},
      {"SHE-ICN-OZ", v1::EVIDENCE_BASIS_SOURCED},
      {"ICN-SHE-KE", v1::EVIDENCE_BASIS_ASSUMED},
  };
  for (v1::Route& r : *message.mutable_routes()) r.set_basis(bases.at(r.id()));
  auto built = formats::BuildNetwork(message);
  if (!built.ok()) std::abort();
  return *built;
}

class BasisServiceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string error;
    server_ = Server::Start(NetworkWithBases(), ServerOptions{.listen = "", .threads = 0}, &error);
    ASSERT_NE(server_, nullptr) << error;
    auto channel = server_->grpc_server().InProcessChannel(grpc::ChannelArguments());
    planner_ = v1::PlannerService::NewStub(channel);
    network_ = v1::NetworkService::NewStub(channel);
  }

  static void Deadline(grpc::ClientContext& ctx) {
    ctx.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(10));
  }

  static v1::Scenario June2025() {
    v1::Scenario s;
    s.set_as_of("2025-06-01");
    return s;
  }

  std::unique_ptr<Server> server_;
  std::unique_ptr<v1::PlannerService::Stub> planner_;
  std::unique_ptr<v1::NetworkService::Stub> network_;
};

TEST_F(BasisServiceTest, PathLegsCarryTheirRoutesBasis) {
  v1::FindPathsRequest request;
  request.set_origin("SHE");
  request.set_destination("SEA");
  request.set_k(1);
  *request.mutable_scenario() = June2025();
  v1::FindPathsResponse response;
  grpc::ClientContext ctx;
  Deadline(ctx);
  ASSERT_TRUE(planner_->FindPaths(&ctx, request, &response).ok());
  ASSERT_EQ(response.paths_size(), 1);
  ASSERT_EQ(response.paths(0).legs_size(), 2);
  EXPECT_EQ(response.paths(0).legs(0).basis(), v1::EVIDENCE_BASIS_SOURCED);
  EXPECT_EQ(response.paths(0).legs(1).basis(), v1::EVIDENCE_BASIS_ILLUSTRATIVE);
}

TEST_F(BasisServiceTest, ItineraryLegsCarryTheirRoutesBasis) {
  v1::PlanItineraryRequest request;
  request.set_origin("SHE");
  request.set_destination("ICN");
  *request.mutable_scenario() = June2025();
  request.set_ready_local("2025-06-02 09:00");
  v1::PlanItineraryResponse response;
  grpc::ClientContext ctx;
  Deadline(ctx);
  ASSERT_TRUE(planner_->PlanItinerary(&ctx, request, &response).ok());
  ASSERT_GE(response.itineraries_size(), 1);
  ASSERT_EQ(response.itineraries(0).legs_size(), 1);
  EXPECT_EQ(response.itineraries(0).legs(0).basis(), v1::EVIDENCE_BASIS_ANNOUNCED);
}

TEST_F(BasisServiceTest, CapacityCutsAndRouteFlowsCarryTheirRoutesBasis) {
  v1::ComputeCapacityRequest request;
  request.set_origin("SHE");
  request.add_destinations("SEA");
  *request.mutable_scenario() = June2025();
  v1::ComputeCapacityResponse response;
  grpc::ClientContext ctx;
  Deadline(ctx);
  ASSERT_TRUE(planner_->ComputeCapacity(&ctx, request, &response).ok());
  ASSERT_EQ(response.min_cut_size(), 1);
  EXPECT_EQ(response.min_cut(0).route_id(), "SHE-YVR-W8");
  EXPECT_EQ(response.min_cut(0).basis(), v1::EVIDENCE_BASIS_SOURCED);
  std::map<std::string, v1::EvidenceBasis> flows;
  for (const v1::RouteFlow& f : response.route_flows()) flows[f.route_id()] = f.basis();
  EXPECT_EQ(flows.at("SHE-YVR-W8"), v1::EVIDENCE_BASIS_SOURCED);
  EXPECT_EQ(flows.at("YVR-SEA-TRUCK"), v1::EVIDENCE_BASIS_ILLUSTRATIVE);
}

TEST_F(BasisServiceTest, FlowPathsListTheBasisOfEachRoute) {
  v1::PlanFlowRequest request;
  request.set_origin("SHE");
  request.add_destinations("SEA");
  request.set_demand_kg_per_week(10'000);
  *request.mutable_scenario() = June2025();
  v1::PlanFlowResponse response;
  grpc::ClientContext ctx;
  Deadline(ctx);
  ASSERT_TRUE(planner_->PlanFlow(&ctx, request, &response).ok());
  ASSERT_EQ(response.paths_size(), 1);
  ASSERT_EQ(response.paths(0).bases_size(), response.paths(0).route_ids_size());
  EXPECT_EQ(response.paths(0).bases(0), v1::EVIDENCE_BASIS_SOURCED);
  EXPECT_EQ(response.paths(0).bases(1), v1::EVIDENCE_BASIS_ILLUSTRATIVE);
  for (const v1::RouteFlow& f : response.route_flows()) {
    EXPECT_NE(f.basis(), v1::EVIDENCE_BASIS_UNSPECIFIED) << f.route_id();
  }
}

TEST_F(BasisServiceTest, CompareCountsTheAddedRoutesByBasisAndGivesEachRowItsWeakestLeg) {
  v1::CompareScenariosRequest request;
  *request.mutable_baseline() = June2025();
  v1::CompareScenariosResponse response;
  grpc::ClientContext ctx;
  Deadline(ctx);
  ASSERT_TRUE(planner_->CompareScenarios(&ctx, request, &response).ok());
  // The alternative adds the planned SHE-MIA-CA, a candidate, and removes nothing.
  ASSERT_EQ(response.added_routes_by_basis_size(), 1);
  EXPECT_EQ(response.added_routes_by_basis(0).basis(), v1::EVIDENCE_BASIS_CANDIDATE);
  EXPECT_EQ(response.added_routes_by_basis(0).route_count(), 1);
  EXPECT_EQ(response.added_routes_by_basis(0).weekly_capacity_kg(), 95'000 * 3);
  EXPECT_EQ(response.removed_routes_by_basis_size(), 0);
  std::map<std::string, const v1::PairComparison*> rows;
  for (const v1::PairComparison& p : response.pairs()) rows[p.destination()] = &p;
  EXPECT_EQ(rows.at("MIA")->alternative().weakest_basis(), v1::EVIDENCE_BASIS_CANDIDATE);
  EXPECT_EQ(rows.at("MIA")->baseline().weakest_basis(), v1::EVIDENCE_BASIS_UNSPECIFIED);
  EXPECT_EQ(rows.at("SEA")->baseline().weakest_basis(), v1::EVIDENCE_BASIS_ILLUSTRATIVE);
  EXPECT_EQ(rows.at("ICN")->baseline().weakest_basis(), v1::EVIDENCE_BASIS_ANNOUNCED);
}

TEST_F(BasisServiceTest, NetworkSummarySplitsOperatingAndPlannedCapacityByBasis) {
  v1::GetNetworkResponse response;
  grpc::ClientContext ctx;
  Deadline(ctx);
  ASSERT_TRUE(network_->GetNetwork(&ctx, v1::GetNetworkRequest(), &response).ok());
  std::map<v1::EvidenceBasis, std::int64_t> operating;
  std::int64_t sum = 0;
  for (const v1::BasisTotals& t : response.summary().operating_by_basis()) {
    operating[t.basis()] = t.weekly_capacity_kg();
    sum += t.weekly_capacity_kg();
  }
  EXPECT_EQ(sum, response.summary().operating().weekly_capacity_kg());
  EXPECT_EQ(operating.at(v1::EVIDENCE_BASIS_SOURCED), 43'500);
  EXPECT_EQ(operating.at(v1::EVIDENCE_BASIS_ILLUSTRATIVE), 140'000);
  EXPECT_EQ(operating.at(v1::EVIDENCE_BASIS_ANNOUNCED), 70'000);
  EXPECT_EQ(operating.at(v1::EVIDENCE_BASIS_ASSUMED), 70'000);
  ASSERT_EQ(response.summary().planned_by_basis_size(), 1);
  EXPECT_EQ(response.summary().planned_by_basis(0).basis(), v1::EVIDENCE_BASIS_CANDIDATE);
}

}  // namespace
}  // namespace aircargo::server
