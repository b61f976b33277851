// Every request limit of the planning API, through the in-process server on the inline test
// network (tests/server/test_network.h): the value at the limit is accepted, one past it fails
// with the documented code and a message naming the field (docs/robustness.md lists them), and
// the server keeps serving afterwards.
#include <grpcpp/create_channel.h>
#include <gtest/gtest.h>

#include <cstdint>
#include <functional>
#include <limits>
#include <string>

#include "aircargo/v1/planner_service.grpc.pb.h"
#include "formats/scenario_proto.h"
#include "server/convert_capacity.h"
#include "server/convert_paths.h"
#include "server/default_network.h"
#include "server/server.h"
#include "tests/server/test_network.h"

namespace aircargo::server {
namespace {

using grpc::StatusCode;

class LimitsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string error;
    server_ =
        Server::Start(testing::TestNetwork(), ServerOptions{.listen = "", .threads = 0}, &error);
    ASSERT_NE(server_, nullptr) << error;
    stub_ = v1::PlannerService::NewStub(
        server_->grpc_server().InProcessChannel(grpc::ChannelArguments()));
  }

  static v1::FindPathsRequest Paths() {
    v1::FindPathsRequest request;
    request.set_origin("SHE");
    request.set_destination("SEA");
    request.set_k(1);
    return request;
  }

  grpc::Status Call(const v1::FindPathsRequest& request,
                    v1::FindPathsResponse* response = nullptr) {
    v1::FindPathsResponse ignored;
    grpc::ClientContext context;
    return stub_->FindPaths(&context, request, response != nullptr ? response : &ignored);
  }

  // `status` has `code` and its message contains `text` (the field, usually).
  static void ExpectStatus(const grpc::Status& status, StatusCode code, const std::string& text) {
    EXPECT_EQ(status.error_code(), code) << status.error_message();
    EXPECT_NE(status.error_message().find(text), std::string::npos) << status.error_message();
  }

  std::unique_ptr<Server> server_;
  std::unique_ptr<v1::PlannerService::Stub> stub_;
};

TEST_F(LimitsTest, RequestOfExactlyTheMaximumSizeIsServedAndOneByteMoreIsResourceExhausted) {
  // One long excluded carrier pads the request to an exact size (it matches no route).
  const auto padded = [](std::size_t size) {
    v1::FindPathsRequest request = Paths();
    std::string* carrier = request.mutable_scenario()->add_excluded_carriers();
    std::size_t pad = size - request.ByteSizeLong();
    carrier->assign(pad, 'Z');
    // The length prefixes grew with the string; take the difference back off.
    carrier->resize(pad - (request.ByteSizeLong() - size));
    return request;
  };
  const v1::FindPathsRequest at_limit = padded(kMaxRequestBytes);
  ASSERT_EQ(at_limit.ByteSizeLong(), static_cast<std::size_t>(kMaxRequestBytes));
  v1::FindPathsResponse response;
  ASSERT_TRUE(Call(at_limit, &response).ok());
  EXPECT_EQ(response.paths_size(), 1);

  const v1::FindPathsRequest over = padded(kMaxRequestBytes + 1);
  ASSERT_EQ(over.ByteSizeLong(), static_cast<std::size_t>(kMaxRequestBytes) + 1);
  const grpc::Status status = Call(over);
  EXPECT_EQ(status.error_code(), StatusCode::RESOURCE_EXHAUSTED) << status.error_message();
  EXPECT_TRUE(Call(Paths()).ok()) << "the server keeps serving";
}

TEST_F(LimitsTest, RequestSizeLimitFollowsTheServerOption) {
  std::string error;
  auto small =
      Server::Start(testing::TestNetwork(),
                    ServerOptions{.listen = "", .threads = 0, .max_request_bytes = 1024}, &error);
  ASSERT_NE(small, nullptr) << error;
  auto stub =
      v1::PlannerService::NewStub(small->grpc_server().InProcessChannel(grpc::ChannelArguments()));
  v1::FindPathsRequest request = Paths();
  request.mutable_scenario()->add_excluded_carriers(std::string(2048, 'Z'));
  v1::FindPathsResponse response;
  grpc::ClientContext context;
  EXPECT_EQ(stub->FindPaths(&context, request, &response).error_code(),
            StatusCode::RESOURCE_EXHAUSTED);
}

TEST_F(LimitsTest, FindPathsKIsBetweenOneAndFifty) {
  v1::FindPathsRequest request = Paths();
  request.set_k(50);
  EXPECT_TRUE(Call(request).ok());
  request.set_k(51);
  ExpectStatus(Call(request), StatusCode::INVALID_ARGUMENT, "k: must be between 1 and 50, got 51");
  request.set_k(std::numeric_limits<std::int32_t>::min());
  ExpectStatus(Call(request), StatusCode::INVALID_ARGUMENT, "k: must be between 1 and 50");
}

TEST_F(LimitsTest, FindPathsMaxLegsIsAtMostTen) {
  v1::FindPathsRequest request = Paths();
  request.set_max_legs(10);
  EXPECT_TRUE(Call(request).ok());
  request.set_max_legs(11);
  ExpectStatus(Call(request), StatusCode::INVALID_ARGUMENT, "max_legs");
}

TEST_F(LimitsTest, FindPathsViaListsAtMostEightAirports) {
  // The Shenyang network has enough airports for eight distinct via airports.
  auto network = LoadDefaultNetwork();
  ASSERT_TRUE(network.ok());
  std::string error;
  auto server = Server::Start(*network, ServerOptions{.listen = "", .threads = 0}, &error);
  ASSERT_NE(server, nullptr) << error;
  auto stub =
      v1::PlannerService::NewStub(server->grpc_server().InProcessChannel(grpc::ChannelArguments()));
  v1::FindPathsRequest request;
  request.set_origin("SHE");
  request.set_destination("JFK");
  request.set_k(1);
  for (const char* via : {"PEK", "PVG", "CAN", "ICN", "NRT", "KIX", "FRA", "ANC"}) {
    request.add_via(via);
  }
  v1::FindPathsResponse response;
  {
    grpc::ClientContext context;
    const grpc::Status status = stub->FindPaths(&context, request, &response);
    EXPECT_TRUE(status.ok()) << status.error_message();
  }
  request.add_via("LAX");
  grpc::ClientContext context;
  ExpectStatus(stub->FindPaths(&context, request, &response), StatusCode::INVALID_ARGUMENT,
               "via: at most 8 airports, got 9");
}

TEST_F(LimitsTest, FindPathsAvoidListsAtMostAThousandAirports) {
  v1::FindPathsRequest request = Paths();
  for (int i = 0; i < 1001; ++i) request.add_avoid("ICN");
  ExpectStatus(Call(request), StatusCode::INVALID_ARGUMENT, "avoid: at most 1000 airports");
}

TEST_F(LimitsTest, FindPathsExcludedCarriersAndModesAreBounded) {
  v1::FindPathsRequest request = Paths();
  for (int i = 0; i < kMaxPathExcludedCarriers; ++i) request.add_excluded_carriers("QQ");
  EXPECT_TRUE(Call(request).ok());
  request.add_excluded_carriers("QQ");
  ExpectStatus(Call(request), StatusCode::INVALID_ARGUMENT,
               "excluded_carriers: at most 100 carriers, got 101");
  request = Paths();
  for (int i = 0; i < kMaxPathModes; ++i) request.add_modes(v1::MODE_TRUCK);
  request.set_origin("YVR");
  EXPECT_TRUE(Call(request).ok());
  request.add_modes(v1::MODE_TRUCK);
  ExpectStatus(Call(request), StatusCode::INVALID_ARGUMENT, "modes: at most 16 entries, got 17");
}

TEST_F(LimitsTest, FindPathsHugeMinimumCapacityIsAnAnswerNotAnOverflow) {
  v1::FindPathsRequest request = Paths();
  request.set_min_capacity_kg_per_week(std::numeric_limits<std::int64_t>::max());
  v1::FindPathsResponse response;
  ASSERT_TRUE(Call(request, &response).ok());
  EXPECT_EQ(response.paths_size(), 0);
  EXPECT_EQ(response.reason(), v1::PATH_REASON_CAPACITY_TOO_LOW);
}

class ItineraryLimitsTest : public LimitsTest {
 protected:
  static v1::PlanItineraryRequest Itinerary() {
    v1::PlanItineraryRequest request;
    request.set_origin("SHE");
    request.set_destination("SEA");
    request.set_ready_time("2025-06-01T00:00:00Z");
    request.mutable_scenario()->set_as_of("2025-06-01");
    return request;
  }
  grpc::Status Call(const v1::PlanItineraryRequest& request,
                    v1::PlanItineraryResponse* response = nullptr) {
    v1::PlanItineraryResponse ignored;
    grpc::ClientContext context;
    return stub_->PlanItinerary(&context, request, response != nullptr ? response : &ignored);
  }
};

TEST_F(ItineraryLimitsTest, KIsAtMostTwenty) {
  v1::PlanItineraryRequest request = Itinerary();
  request.set_k(20);
  EXPECT_TRUE(Call(request).ok());
  request.set_k(21);
  ExpectStatus(Call(request), StatusCode::INVALID_ARGUMENT, "k: must be between 1 and 20, got 21");
}

TEST_F(ItineraryLimitsTest, HorizonIsAtMostSixtyDays) {
  v1::PlanItineraryRequest request = Itinerary();
  request.set_horizon_minutes(60 * 24 * 60);
  v1::PlanItineraryResponse response;
  ASSERT_TRUE(Call(request, &response).ok());
  EXPECT_GT(response.itineraries_size(), 0);
  request.set_horizon_minutes(60 * 24 * 60 + 1);
  ExpectStatus(Call(request), StatusCode::INVALID_ARGUMENT, "horizon_minutes: must be between 1");
  request.set_horizon_minutes(std::numeric_limits<std::int32_t>::max());
  ExpectStatus(Call(request), StatusCode::INVALID_ARGUMENT, "horizon_minutes");
}

TEST_F(ItineraryLimitsTest, ArriveByIsAtMostSixtyDaysAfterReady) {
  v1::PlanItineraryRequest request = Itinerary();
  request.set_arrive_by_time("2025-07-31T00:00:00Z");  // exactly 60 days
  EXPECT_TRUE(Call(request).ok());
  request.set_arrive_by_time("2025-07-31T00:01:00Z");
  ExpectStatus(Call(request), StatusCode::INVALID_ARGUMENT,
               "arrive_by_time: must be at most 60 days after the ready time");
}

TEST_F(ItineraryLimitsTest, MaxLegsIsAtMostSix) {
  v1::PlanItineraryRequest request = Itinerary();
  request.set_max_legs(6);
  EXPECT_TRUE(Call(request).ok());
  request.set_max_legs(7);
  ExpectStatus(Call(request), StatusCode::INVALID_ARGUMENT, "max_legs: must be between 1 and 6");
}

TEST_F(ItineraryLimitsTest, HugeShipmentIsPayloadTooSmallNotAnOverflow) {
  v1::PlanItineraryRequest request = Itinerary();
  request.set_shipment_kg(std::numeric_limits<std::int64_t>::max());
  v1::PlanItineraryResponse response;
  ASSERT_TRUE(Call(request, &response).ok());
  EXPECT_EQ(response.itineraries_size(), 0);
  EXPECT_EQ(response.reason(), v1::ITINERARY_REASON_PAYLOAD_TOO_SMALL);
}

TEST_F(ItineraryLimitsTest, ReadyTimesAtTheEndsOfTheCalendarAreAnswered) {
  for (const char* ready : {"0001-01-01T00:00:00Z", "9999-12-01T00:00:00Z"}) {
    SCOPED_TRACE(ready);
    v1::PlanItineraryRequest request = Itinerary();
    request.set_ready_time(ready);
    request.set_horizon_minutes(60 * 24 * 60);
    v1::PlanItineraryResponse response;
    const grpc::Status status = Call(request, &response);
    ASSERT_TRUE(status.ok()) << status.error_message();
  }
}

TEST_F(LimitsTest, CapacityDestinationsAreAtMostTenThousand) {
  v1::ComputeCapacityRequest request;
  request.set_origin("SHE");
  for (int i = 0; i <= kMaxCapacityDestinations; ++i) request.add_destinations("SEA");
  v1::ComputeCapacityResponse response;
  grpc::ClientContext context;
  ExpectStatus(stub_->ComputeCapacity(&context, request, &response), StatusCode::INVALID_ARGUMENT,
               "destinations: must list at most 10000");
}

TEST_F(LimitsTest, ClosuresLimitIsAtMostTenThousand) {
  v1::AnalyzeClosuresRequest request;
  request.set_origin("SHE");
  request.add_destinations("SEA");
  request.set_limit(kMaxClosuresLimit);
  v1::AnalyzeClosuresResponse response;
  {
    grpc::ClientContext context;
    EXPECT_TRUE(stub_->AnalyzeClosures(&context, request, &response).ok());
  }
  request.set_limit(kMaxClosuresLimit + 1);
  grpc::ClientContext context;
  ExpectStatus(stub_->AnalyzeClosures(&context, request, &response), StatusCode::INVALID_ARGUMENT,
               "limit: must be between 0 (all) and 10000");
}

TEST_F(LimitsTest, FlowDemandIsAtMostAMillionTonnesAWeek) {
  v1::PlanFlowRequest request;
  request.set_origin("SHE");
  request.add_destinations("SEA");
  request.set_demand_kg_per_week(1'000'000'000'000);
  v1::PlanFlowResponse response;
  {
    grpc::ClientContext context;
    ASSERT_TRUE(stub_->PlanFlow(&context, request, &response).ok());
  }
  EXPECT_EQ(response.shipped_kg_per_week(), 43'500);
  EXPECT_EQ(response.shortfall_kg_per_week(), 1'000'000'000'000 - 43'500);
  request.set_demand_kg_per_week(std::numeric_limits<std::int64_t>::max());
  grpc::ClientContext context;
  ExpectStatus(stub_->PlanFlow(&context, request, &response), StatusCode::INVALID_ARGUMENT,
               "demand_kg_per_week");
}

TEST_F(LimitsTest, ComparePairsAreAtMostTenThousand) {
  v1::CompareScenariosRequest request;
  for (int i = 0; i < 10'001; ++i) {
    auto* pair = request.add_pairs();
    pair->set_origin("SHE");
    pair->set_destination("SEA");
  }
  v1::CompareScenariosResponse response;
  grpc::ClientContext context;
  ExpectStatus(stub_->CompareScenarios(&context, request, &response), StatusCode::INVALID_ARGUMENT,
               "pairs: must list at most 10000 pairs, got 10001");
}

TEST_F(LimitsTest, EveryScenarioListIsAtMostTenThousandEntries) {
  using Fill = std::function<void(v1::Scenario&)>;
  const std::pair<const char*, Fill> lists[] = {
      {"scenario.closed_airports", [](v1::Scenario& s) { s.add_closed_airports("ICN"); }},
      {"scenario.closed_routes", [](v1::Scenario& s) { s.add_closed_routes("SHE-ICN-KE"); }},
      {"scenario.excluded_carriers", [](v1::Scenario& s) { s.add_excluded_carriers("QQ"); }},
      {"scenario.capacity_factors",
       [](v1::Scenario& s) { s.add_capacity_factors()->set_route_id("SHE-ICN-KE"); }},
      {"scenario.extra_routes", [](v1::Scenario& s) { s.add_extra_routes()->set_id("X"); }},
  };
  for (const auto& [field, fill] : lists) {
    SCOPED_TRACE(field);
    v1::FindPathsRequest request = Paths();
    for (int i = 0; i <= formats::kMaxScenarioListSize; ++i) fill(*request.mutable_scenario());
    ExpectStatus(Call(request), StatusCode::INVALID_ARGUMENT,
                 std::string(field) + ": lists 10001 entries; at most 10000 allowed");
  }
  // The same limit under CompareScenarios names the scenario it is in.
  v1::CompareScenariosRequest compare;
  for (int i = 0; i <= formats::kMaxScenarioListSize; ++i) {
    compare.mutable_alternative()->add_excluded_carriers("QQ");
  }
  v1::CompareScenariosResponse response;
  grpc::ClientContext context;
  ExpectStatus(stub_->CompareScenarios(&context, compare, &response), StatusCode::INVALID_ARGUMENT,
               "alternative.excluded_carriers");
}

}  // namespace
}  // namespace aircargo::server
