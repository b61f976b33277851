// PlannerService.ComputeScheduleCapacity through an in-process channel on the inline test network
// (tests/server/test_network.h: SHE --W8, Sun 19:30, 43.5 t--> YVR --truck, daily 00:00, 20 t-->
// SEA): the booking plan in local and UTC times, the cut, the static figure, a demand, the reason
// when nothing leaves in the window, and bad requests answered with the field they name.
#include <grpcpp/create_channel.h>
#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <memory>
#include <string>

#include "aircargo/v1/planner_service.grpc.pb.h"
#include "server/default_network.h"
#include "server/server.h"
#include "tests/server/test_network.h"

namespace aircargo::server {
namespace {

class ScheduleCapacityServiceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string error;
    server_ =
        Server::Start(testing::TestNetwork(), ServerOptions{.listen = "", .threads = 0}, &error);
    ASSERT_NE(server_, nullptr) << error;
    stub_ = v1::PlannerService::NewStub(
        server_->grpc_server().InProcessChannel(grpc::ChannelArguments()));
  }

  grpc::Status Call(const v1::ComputeScheduleCapacityRequest& request,
                    v1::ComputeScheduleCapacityResponse* response) {
    grpc::ClientContext ctx;
    return stub_->ComputeScheduleCapacity(&ctx, request, response);
  }

  static v1::ComputeScheduleCapacityRequest Request(const char* origin, const char* destination,
                                                    const char* ready, const char* deadline) {
    v1::ComputeScheduleCapacityRequest request;
    request.set_origin(origin);
    request.add_destinations(destination);
    request.set_ready_local(ready);
    request.set_deadline_local(deadline);
    request.mutable_scenario()->set_as_of("2025-06-01");
    return request;
  }

  std::unique_ptr<Server> server_;
  std::unique_ptr<v1::PlannerService::Stub> stub_;
};

TEST_F(ScheduleCapacityServiceTest, TheWeeklyFreighterIsTheBookingPlanAndTheCut) {
  // Sunday 12:00 in Shenyang to Monday 12:00 in Vancouver (39 hours).
  auto request = Request("she", "YVR", "2025-06-01 12:00", "2025-06-02 12:00");
  request.set_demand_kg(50'000);
  v1::ComputeScheduleCapacityResponse response;
  const grpc::Status status = Call(request, &response);
  ASSERT_TRUE(status.ok()) << status.error_message();
  EXPECT_EQ(response.network_version(), 1);
  EXPECT_EQ(response.max_kg(), 43'500);
  EXPECT_EQ(response.ready().utc(), "2025-06-01T04:00:00Z");
  EXPECT_EQ(response.deadline().local(), "2025-06-02 12:00 -07:00");
  ASSERT_EQ(response.bookings_size(), 1);
  const v1::FlightBooking& b = response.bookings(0);
  EXPECT_EQ(b.route_id(), "SHE-YVR-W8");
  EXPECT_EQ(b.flight_date(), "2025-06-01");
  EXPECT_EQ(b.departure().local(), "2025-06-01 19:30 +08:00");
  EXPECT_EQ(b.arrival().utc(), "2025-06-01T22:30:00Z");
  EXPECT_EQ(b.booked_kg(), 43'500);
  EXPECT_EQ(b.payload_kg(), 43'500);
  EXPECT_DOUBLE_EQ(b.utilisation(), 1.0);
  EXPECT_EQ(b.basis(), v1::EVIDENCE_BASIS_UNSPECIFIED);  // the test network states none
  ASSERT_EQ(response.min_cut_size(), 1);
  EXPECT_EQ(response.min_cut(0).route_id(), "SHE-YVR-W8");
  EXPECT_EQ(response.static_weekly_kg(), 43'500);
  EXPECT_EQ(response.static_window_kg(), 43'500 * 39 / 168);
  EXPECT_EQ(response.plan().demand_kg(), 50'000);
  EXPECT_EQ(response.plan().shipped_kg(), 43'500);
  EXPECT_EQ(response.plan().shortfall_kg(), 6'500);
  EXPECT_EQ(response.plan().total_cost_micros(), 43'500LL * 3'000'000);
  EXPECT_EQ(response.reason(), v1::SCHEDULE_CAPACITY_REASON_UNSPECIFIED);
  ASSERT_EQ(response.destinations_size(), 1);
  EXPECT_EQ(response.destinations(0), "YVR");
}

TEST_F(ScheduleCapacityServiceTest, OnwardTrucksLimitTheSecondLegAndCapacityFactorScales) {
  // Lands in YVR Sunday 15:30 local; trucks leave daily 00:00 local: Monday's and Tuesday's.
  auto request = Request("SHE", "SEA", "2025-06-01 12:00", "2025-06-03 12:00");
  v1::ComputeScheduleCapacityResponse response;
  ASSERT_TRUE(Call(request, &response).ok());
  EXPECT_EQ(response.max_kg(), 40'000);
  EXPECT_EQ(response.min_cut_size(), 2);
  request.set_flight_capacity_factor(0.5);
  v1::ComputeScheduleCapacityResponse half;
  ASSERT_TRUE(Call(request, &half).ok());
  EXPECT_EQ(half.max_kg(), 20'000);
}

TEST_F(ScheduleCapacityServiceTest, AWindowWithoutADepartureIsAnsweredWithAReason) {
  auto request = Request("SHE", "YVR", "2025-06-02 09:00", "2025-06-05 18:00");
  v1::ComputeScheduleCapacityResponse response;
  const grpc::Status status = Call(request, &response);
  ASSERT_TRUE(status.ok()) << status.error_message();
  EXPECT_EQ(response.max_kg(), 0);
  EXPECT_EQ(response.reason(), v1::SCHEDULE_CAPACITY_REASON_NO_DEPARTURE_IN_WINDOW);
  EXPECT_NE(response.reason_detail().find("SHE"), std::string::npos);
}

TEST(ScheduleCapacityDefaultNetwork, SheToOrdNamesEveryBookedFlightWithItsBasis) {
  auto network = LoadDefaultNetwork();
  ASSERT_TRUE(network.ok());
  std::string error;
  auto server = Server::Start(*network, ServerOptions{.listen = "", .threads = 0}, &error);
  ASSERT_NE(server, nullptr) << error;
  auto stub =
      v1::PlannerService::NewStub(server->grpc_server().InProcessChannel(grpc::ChannelArguments()));
  v1::ComputeScheduleCapacityRequest request;
  request.set_origin("SHE");
  request.add_destinations("ORD");
  request.set_ready_local("2025-06-02 09:00");
  request.set_deadline_local("2025-06-06 18:00");
  request.mutable_scenario()->set_as_of("2025-06-01");
  v1::ComputeScheduleCapacityResponse response;
  grpc::ClientContext ctx;
  const grpc::Status status = stub->ComputeScheduleCapacity(&ctx, request, &response);
  ASSERT_TRUE(status.ok()) << status.error_message();
  EXPECT_EQ(response.deadline().local(), "2025-06-06 18:00 -05:00");
  ASSERT_GT(response.max_kg(), 0);
  std::int64_t cut = 0;
  for (const v1::FlightBooking& b : response.min_cut()) cut += b.payload_kg();
  EXPECT_EQ(cut, response.max_kg());
  for (const v1::FlightBooking& b : response.bookings()) {
    EXPECT_NE(b.basis(), v1::EVIDENCE_BASIS_UNSPECIFIED) << b.route_id();
    EXPECT_TRUE(b.has_origin_position()) << b.route_id();
  }
}

struct BadRequest {
  const char* name;
  void (*edit)(v1::ComputeScheduleCapacityRequest&);
  grpc::StatusCode code;
  const char* field;
};

TEST_F(ScheduleCapacityServiceTest, RejectsBadRequestsNamingTheField) {
  const BadRequest cases[] = {
      {"unknown origin", [](auto& r) { r.set_origin("XXX"); }, grpc::StatusCode::NOT_FOUND, "XXX"},
      {"unknown destination", [](auto& r) { r.set_destinations(0, "ORD"); },
       grpc::StatusCode::NOT_FOUND, "destinations[0]"},
      {"no destination", [](auto& r) { r.clear_destinations(); },
       grpc::StatusCode::INVALID_ARGUMENT, "destinations"},
      {"missing ready", [](auto& r) { r.clear_ready_local(); }, grpc::StatusCode::INVALID_ARGUMENT,
       "ready_time"},
      {"missing deadline", [](auto& r) { r.clear_deadline_local(); },
       grpc::StatusCode::INVALID_ARGUMENT, "deadline_time"},
      {"unparsable deadline", [](auto& r) { r.set_deadline_local("friday"); },
       grpc::StatusCode::INVALID_ARGUMENT, "deadline_local"},
      {"deadline before ready", [](auto& r) { r.set_deadline_local("2025-06-01 09:00"); },
       grpc::StatusCode::INVALID_ARGUMENT, "deadline_local"},
      {"deadline before ready (utc)",
       [](auto& r) {
         r.clear_deadline_local();
         r.set_deadline_time("2025-06-02T00:59:59Z");
       },
       grpc::StatusCode::INVALID_ARGUMENT, "deadline_time"},
      {"window too long", [](auto& r) { r.set_deadline_local("2025-07-04 09:00"); },
       grpc::StatusCode::INVALID_ARGUMENT, "at most 31 days"},
      {"negative demand", [](auto& r) { r.set_demand_kg(-1); }, grpc::StatusCode::INVALID_ARGUMENT,
       "demand_kg"},
      {"negative factor", [](auto& r) { r.set_flight_capacity_factor(-0.5); },
       grpc::StatusCode::INVALID_ARGUMENT, "flight_capacity_factor"},
      {"NaN factor",
       [](auto& r) { r.set_flight_capacity_factor(std::numeric_limits<double>::quiet_NaN()); },
       grpc::StatusCode::INVALID_ARGUMENT, "flight_capacity_factor"},
  };
  for (const BadRequest& c : cases) {
    SCOPED_TRACE(c.name);
    // Ready Monday 09:00 in Shenyang = 01:00Z.
    auto request = Request("SHE", "YVR", "2025-06-02 09:00", "2025-06-05 18:00");
    c.edit(request);
    v1::ComputeScheduleCapacityResponse response;
    const grpc::Status status = Call(request, &response);
    EXPECT_EQ(status.error_code(), c.code) << status.error_message();
    EXPECT_NE(status.error_message().find(c.field), std::string::npos) << status.error_message();
  }
}

}  // namespace
}  // namespace aircargo::server
