// PlannerService.PlanItinerary through an in-process channel on the inline test network
// (tests/server/test_network.h): local and UTC times on the wire, waits, reasons, validation.
#include <grpcpp/create_channel.h>
#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "aircargo/v1/planner_service.grpc.pb.h"
#include "server/server.h"
#include "tests/server/test_network.h"

namespace aircargo::server {
namespace {

class ItineraryServiceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string error;
    server_ =
        Server::Start(testing::TestNetwork(), ServerOptions{.listen = "", .threads = 0}, &error);
    ASSERT_NE(server_, nullptr) << error;
    stub_ = v1::PlannerService::NewStub(
        server_->grpc_server().InProcessChannel(grpc::ChannelArguments()));
  }

  grpc::Status Call(const v1::PlanItineraryRequest& request, v1::PlanItineraryResponse* response) {
    grpc::ClientContext ctx;
    return stub_->PlanItinerary(&ctx, request, response);
  }

  static v1::PlanItineraryRequest Request(const char* origin, const char* destination) {
    v1::PlanItineraryRequest request;
    request.set_origin(origin);
    request.set_destination(destination);
    request.mutable_scenario()->set_as_of("2025-06-01");
    return request;
  }

  std::unique_ptr<Server> server_;
  std::unique_ptr<v1::PlannerService::Stub> stub_;
};

TEST_F(ItineraryServiceTest, LocalReadyTimeGivesTheWeeklyFreighterInLocalAndUtcTimes) {
  v1::PlanItineraryRequest request = Request("she", "YVR");
  request.set_ready_local("2025-06-01 12:00");  // Sunday, Shenyang (+08:00)
  v1::PlanItineraryResponse response;
  const grpc::Status status = Call(request, &response);
  ASSERT_TRUE(status.ok()) << status.error_message();
  EXPECT_EQ(response.network_version(), 1);
  EXPECT_EQ(response.ready().utc(), "2025-06-01T04:00:00Z");
  EXPECT_EQ(response.ready().local(), "2025-06-01 12:00 +08:00");
  EXPECT_EQ(response.horizon_minutes(), 14 * 24 * 60);
  ASSERT_EQ(response.itineraries_size(), 1);
  const v1::Itinerary& it = response.itineraries(0);
  ASSERT_EQ(it.legs_size(), 1);
  const v1::ItineraryLeg& leg = it.legs(0);
  EXPECT_EQ(leg.route_id(), "SHE-YVR-W8");
  EXPECT_EQ(leg.flight_date(), "2025-06-01");
  EXPECT_EQ(leg.departure().local(), "2025-06-01 19:30 +08:00");
  EXPECT_EQ(leg.departure().utc(), "2025-06-01T11:30:00Z");
  EXPECT_EQ(leg.departure().utc_offset_minutes(), 480);
  EXPECT_EQ(leg.arrival().local(), "2025-06-01 15:30 -07:00");  // before it left, by the clock
  EXPECT_EQ(leg.arrival().utc(), "2025-06-01T22:30:00Z");
  EXPECT_EQ(leg.arrival().airport(), "YVR");
  EXPECT_EQ(leg.wait_minutes(), 282);  // export clearance 168 min ends 14:48
  EXPECT_EQ(leg.mode(), v1::MODE_FREIGHTER);
  EXPECT_EQ(it.export_clearance().kind(), v1::CLEARANCE_KIND_EXPORT);
  EXPECT_EQ(it.export_clearance().duration_minutes(), 168);
  EXPECT_EQ(it.export_clearance().end().local(), "2025-06-01 14:48 +08:00");
  EXPECT_EQ(it.import_clearance().kind(), v1::CLEARANCE_KIND_IMPORT);
  EXPECT_EQ(it.delivered().utc(), "2025-06-01T22:30:00Z");
  EXPECT_EQ(it.door_to_door_minutes(), 18 * 60 + 30);
  EXPECT_EQ(response.reason(), v1::ITINERARY_REASON_UNSPECIFIED);
}

TEST_F(ItineraryServiceTest, Rfc3339ReadyTimeMatchesTheLocalOne) {
  v1::PlanItineraryRequest request = Request("SHE", "SEA");
  request.set_ready_time("2025-06-01T12:00:00+08:00");
  v1::PlanItineraryResponse response;
  ASSERT_TRUE(Call(request, &response).ok());
  EXPECT_EQ(response.ready().utc(), "2025-06-01T04:00:00Z");
  ASSERT_EQ(response.itineraries_size(), 1);
  const v1::Itinerary& it = response.itineraries(0);
  ASSERT_EQ(it.legs_size(), 2);
  // The truck (daily, spread from Monday 00:00 local) leaves YVR at 00:00 PDT on Monday.
  EXPECT_EQ(it.legs(1).route_id(), "YVR-SEA-TRUCK");
  EXPECT_EQ(it.legs(1).departure().local(), "2025-06-02 00:00 -07:00");
  EXPECT_EQ(it.legs(1).wait_minutes(), 8 * 60 + 30);
  EXPECT_EQ(it.total_wait_minutes(), 282 + 8 * 60 + 30);
}

TEST_F(ItineraryServiceTest, ArriveByLocalGivesTheLatestHandOver) {
  v1::PlanItineraryRequest request = Request("SHE", "YVR");
  request.set_ready_local("2025-06-02 09:00");
  request.set_arrive_by_local("2025-06-13 18:00");  // Vancouver
  v1::PlanItineraryResponse response;
  ASSERT_TRUE(Call(request, &response).ok());
  EXPECT_EQ(response.arrive_by().local(), "2025-06-13 18:00 -07:00");
  ASSERT_TRUE(response.has_latest_ready());
  // The Sunday 8 June freighter: hand over by 19:30 - 168 min = 16:42 local.
  EXPECT_EQ(response.latest_ready().ready().local(), "2025-06-08 16:42 +08:00");
  EXPECT_TRUE(response.latest_ready().itinerary().meets_arrive_by());
}

TEST_F(ItineraryServiceTest, ShipmentAboveEveryPayloadIsPayloadTooSmallWithSkippedRoutes) {
  v1::PlanItineraryRequest request = Request("SHE", "ICN");
  request.set_ready_local("2025-06-02 09:00");
  request.set_shipment_kg(20'000);
  v1::PlanItineraryResponse response;
  ASSERT_TRUE(Call(request, &response).ok());
  EXPECT_EQ(response.itineraries_size(), 0);
  EXPECT_EQ(response.reason(), v1::ITINERARY_REASON_PAYLOAD_TOO_SMALL);
  EXPECT_FALSE(response.reason_detail().empty());
  ASSERT_GE(response.skipped_routes_size(), 1);
  bool found = false;
  for (const auto& skipped : response.skipped_routes()) {
    if (skipped.route_id() == "SHE-ICN-KE") {
      found = true;
      EXPECT_EQ(skipped.payload_kg(), 10'000);
      EXPECT_EQ(skipped.reason(), "PAYLOAD_TOO_SMALL");
    }
  }
  EXPECT_TRUE(found);
}

TEST_F(ItineraryServiceTest, ClosedRouteInTheScenarioLeavesNoConnection) {
  v1::PlanItineraryRequest request = Request("SHE", "YVR");
  request.set_ready_local("2025-06-02 09:00");
  request.mutable_scenario()->add_closed_routes("SHE-YVR-W8");
  v1::PlanItineraryResponse response;
  ASSERT_TRUE(Call(request, &response).ok());
  EXPECT_EQ(response.itineraries_size(), 0);
  EXPECT_EQ(response.reason(), v1::ITINERARY_REASON_NO_CONNECTION);
}

struct BadRequest {
  const char* name;
  void (*edit)(v1::PlanItineraryRequest&);
  grpc::StatusCode code;
  const char* field;
};

TEST_F(ItineraryServiceTest, RejectsBadRequestsNamingTheField) {
  const BadRequest cases[] = {
      {"missing ready", [](v1::PlanItineraryRequest& r) { r.clear_ready_local(); },
       grpc::StatusCode::INVALID_ARGUMENT, "ready_time"},
      {"unparsable ready", [](v1::PlanItineraryRequest& r) { r.set_ready_local("tomorrow"); },
       grpc::StatusCode::INVALID_ARGUMENT, "ready_local"},
      {"bad rfc3339",
       [](v1::PlanItineraryRequest& r) {
         r.clear_ready_local();
         r.set_ready_time("2025-06-02 01:00");
       },
       grpc::StatusCode::INVALID_ARGUMENT, "ready_time"},
      {"horizon too long",
       [](v1::PlanItineraryRequest& r) { r.set_horizon_minutes(60 * 1440 + 1); },
       grpc::StatusCode::INVALID_ARGUMENT, "horizon_minutes"},
      {"negative horizon", [](v1::PlanItineraryRequest& r) { r.set_horizon_minutes(-5); },
       grpc::StatusCode::INVALID_ARGUMENT, "horizon_minutes"},
      {"arrive_by before ready",
       [](v1::PlanItineraryRequest& r) { r.set_arrive_by_time("2025-06-01T00:00:00Z"); },
       grpc::StatusCode::INVALID_ARGUMENT, "arrive_by_time"},
      {"negative shipment", [](v1::PlanItineraryRequest& r) { r.set_shipment_kg(-1); },
       grpc::StatusCode::INVALID_ARGUMENT, "shipment_kg"},
      {"k too large", [](v1::PlanItineraryRequest& r) { r.set_k(21); },
       grpc::StatusCode::INVALID_ARGUMENT, "k"},
      {"unknown origin", [](v1::PlanItineraryRequest& r) { r.set_origin("XXX"); },
       grpc::StatusCode::NOT_FOUND, "XXX"},
      {"unknown destination", [](v1::PlanItineraryRequest& r) { r.set_destination("ORD"); },
       grpc::StatusCode::NOT_FOUND, "ORD"},
  };
  for (const BadRequest& c : cases) {
    SCOPED_TRACE(c.name);
    v1::PlanItineraryRequest request = Request("SHE", "YVR");
    request.set_ready_local("2025-06-02 09:00");
    c.edit(request);
    v1::PlanItineraryResponse response;
    const grpc::Status status = Call(request, &response);
    EXPECT_EQ(status.error_code(), c.code) << status.error_message();
    EXPECT_NE(status.error_message().find(c.field), std::string::npos) << status.error_message();
  }
}

}  // namespace
}  // namespace aircargo::server
