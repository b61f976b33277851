// `aircargo capacity FROM TO --ready ... --deadline ... [--tonnes T]` against the mock
// PlannerService stub: the ComputeScheduleCapacity request built from the arguments (local or
// RFC 3339 times, tonnes as kg), the booking-plan and cut tables, the reason line when nothing
// arrives, --json, usage errors (exit 2) and server errors (their exit codes).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <iterator>
#include <string>

#include "tests/client/cli_test_support.h"

namespace aircargo::client {
namespace {

using ::testing::_;
using testing::CliRun;
using ::testing::DoAll;
using testing::FakeStubs;
using ::testing::HasSubstr;
using ::testing::Return;
using testing::RunArgs;
using ::testing::SaveArg;
using ::testing::SetArgPointee;

v1::ItineraryTime Time(const char* utc, const char* local, const char* airport) {
  v1::ItineraryTime t;
  t.set_utc(utc);
  t.set_local(local);
  t.set_airport(airport);
  return t;
}

v1::FlightBooking Booking(const char* route, const char* from, const char* to, std::int64_t booked,
                          std::int64_t payload) {
  v1::FlightBooking b;
  b.set_route_id(route);
  b.set_origin(from);
  b.set_destination(to);
  b.set_flight_date("2025-06-02");
  *b.mutable_departure() = Time("2025-06-02T02:00:00Z", "2025-06-02 10:00 +08:00", from);
  *b.mutable_arrival() = Time("2025-06-02T14:00:00Z", "2025-06-02 09:00 -05:00", to);
  b.set_booked_kg(booked);
  b.set_payload_kg(payload);
  b.set_utilisation(static_cast<double>(booked) / static_cast<double>(payload));
  b.set_basis(v1::EVIDENCE_BASIS_ANNOUNCED);
  b.mutable_origin_position()->set_latitude_deg(41.64);
  b.mutable_origin_position()->set_longitude_deg(123.48);
  b.mutable_destination_position()->set_latitude_deg(41.98);
  b.mutable_destination_position()->set_longitude_deg(-87.90);
  return b;
}

v1::ComputeScheduleCapacityResponse Sample() {
  v1::ComputeScheduleCapacityResponse r;
  r.set_network_version(1);
  r.set_max_kg(102'000);
  r.add_destinations("ORD");
  *r.mutable_ready() = Time("2025-06-02T01:00:00Z", "2025-06-02 09:00 +08:00", "SHE");
  *r.mutable_deadline() = Time("2025-06-06T23:00:00Z", "2025-06-06 18:00 -05:00", "ORD");
  *r.add_bookings() = Booking("SHE-ORD-CA", "SHE", "ORD", 102'000, 102'000);
  *r.add_min_cut() = Booking("SHE-ORD-CA", "SHE", "ORD", 102'000, 102'000);
  r.set_static_weekly_kg(306'000);
  r.set_static_window_kg(200'000);
  r.set_flights_in_window(12);
  r.set_flights_in_network(3);
  v1::ScheduleBookingPlan* plan = r.mutable_plan();
  plan->set_demand_kg(300'000);
  plan->set_shipped_kg(102'000);
  plan->set_shortfall_kg(198'000);
  plan->set_total_cost_micros(255'000'000'000);
  *plan->add_bookings() = Booking("SHE-ORD-CA", "SHE", "ORD", 102'000, 102'000);
  return r;
}

TEST(ScheduleCapacityCommand, SendsLocalTimesAndTonnesAndPrintsThePlanAndTheCut) {
  FakeStubs stubs;
  v1::ComputeScheduleCapacityRequest sent;
  EXPECT_CALL(stubs.planner, ComputeScheduleCapacity(_, _, _))
      .WillOnce(DoAll(SaveArg<1>(&sent), SetArgPointee<2>(Sample()), Return(grpc::Status::OK)));
  const CliRun run = RunArgs(stubs, {"capacity", "she", "ord", "--ready", "2025-06-02 09:00",
                                     "--deadline", "2025-06-06 18:00", "--tonnes", "300"});
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(sent.origin(), "SHE");
  ASSERT_EQ(sent.destinations_size(), 1);
  EXPECT_EQ(sent.destinations(0), "ORD");
  EXPECT_EQ(sent.ready_local(), "2025-06-02 09:00");
  EXPECT_EQ(sent.deadline_local(), "2025-06-06 18:00");
  EXPECT_TRUE(sent.ready_time().empty());
  EXPECT_EQ(sent.demand_kg(), 300'000);
  EXPECT_EQ(sent.flight_capacity_factor(), 0.0);
  EXPECT_THAT(run.out, HasSubstr("SHE -> ORD: 102.0 t delivered by the deadline"));
  EXPECT_THAT(run.out,
              HasSubstr("static weekly figure 306.0 t/week, prorated to the window 200.0 t"));
  EXPECT_THAT(run.out, HasSubstr("Booking plan"));
  EXPECT_THAT(run.out, HasSubstr("06-02 10:00 +08:00"));
  EXPECT_THAT(run.out, HasSubstr("Bottleneck (minimum cut)"));
  EXPECT_THAT(run.out, HasSubstr("100.0%"));
  EXPECT_THAT(run.out, HasSubstr("Cheapest plan for 300.0 t: ships 102.0 t, shortfall 198.0 t"));
}

TEST(ScheduleCapacityCommand, SendsRfc3339TimesAsUtcFieldsAndTheLoadFactor) {
  FakeStubs stubs;
  v1::ComputeScheduleCapacityRequest sent;
  EXPECT_CALL(stubs.planner, ComputeScheduleCapacity(_, _, _))
      .WillOnce(DoAll(SaveArg<1>(&sent), SetArgPointee<2>(Sample()), Return(grpc::Status::OK)));
  const CliRun run = RunArgs(stubs, {"capacity", "SHE", "ORD", "--ready", "2025-06-02T01:00:00Z",
                                     "--deadline", "2025-06-06T23:00:00Z", "--load-factor", "0.8"});
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(sent.ready_time(), "2025-06-02T01:00:00Z");
  EXPECT_EQ(sent.deadline_time(), "2025-06-06T23:00:00Z");
  EXPECT_DOUBLE_EQ(sent.flight_capacity_factor(), 0.8);
  EXPECT_EQ(sent.demand_kg(), 0);
}

TEST(ScheduleCapacityCommand, SaysWhyNothingArrives) {
  FakeStubs stubs;
  v1::ComputeScheduleCapacityResponse response;
  response.add_destinations("ORD");
  response.set_reason(v1::SCHEDULE_CAPACITY_REASON_NO_DEPARTURE_IN_WINDOW);
  response.set_reason_detail("no usable flight towards ORD leaves SHE between ...");
  EXPECT_CALL(stubs.planner, ComputeScheduleCapacity(_, _, _))
      .WillOnce(DoAll(SetArgPointee<2>(response), Return(grpc::Status::OK)));
  const CliRun run = RunArgs(stubs, {"capacity", "SHE", "ORD", "--ready", "2025-06-02 09:00",
                                     "--deadline", "2025-06-02 18:00"});
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_THAT(run.out, HasSubstr("Nothing arrives in time: NO_DEPARTURE_IN_WINDOW: no usable"));
}

TEST(ScheduleCapacityCommand, PrintsJsonWhenAsked) {
  FakeStubs stubs;
  EXPECT_CALL(stubs.planner, ComputeScheduleCapacity(_, _, _))
      .WillOnce(DoAll(SetArgPointee<2>(Sample()), Return(grpc::Status::OK)));
  const CliRun run = RunArgs(stubs, {"capacity", "SHE", "ORD", "--ready", "2025-06-02 09:00",
                                     "--deadline", "2025-06-06 18:00", "--json"});
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_THAT(run.out, HasSubstr("\"max_kg\": \"102000\""));
  EXPECT_THAT(run.out, HasSubstr("\"booked_kg\": \"102000\""));
}

TEST(ScheduleCapacityCommand, DrawsTheBookedFlightsAsGeoJson) {
  FakeStubs stubs;
  EXPECT_CALL(stubs.planner, ComputeScheduleCapacity(_, _, _))
      .WillOnce(DoAll(SetArgPointee<2>(Sample()), Return(grpc::Status::OK)));
  const std::string file = ::testing::TempDir() + "schedule_capacity_cli_test.geojson";
  const CliRun run = RunArgs(stubs, {"capacity", "SHE", "ORD", "--ready", "2025-06-02 09:00",
                                     "--deadline", "2025-06-06 18:00", "--geojson", file});
  EXPECT_EQ(run.exit_code, 0) << run.err;
  std::ifstream in(file);
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  EXPECT_THAT(text, HasSubstr("SHE-ORD-CA"));
  EXPECT_THAT(text, HasSubstr("\"tonnes_booked\""));
  EXPECT_THAT(text, HasSubstr("bottleneck"));
  std::remove(file.c_str());
}

TEST(ScheduleCapacityCommand, UsageErrorsExitTwoWithoutACall) {
  FakeStubs stubs;  // strict mocks: no RPC may be made
  CliRun run = RunArgs(stubs, {"capacity", "SHE", "ORD", "--ready", "2025-06-02 09:00"});
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_THAT(run.err, HasSubstr("--deadline"));
  run = RunArgs(stubs, {"capacity", "SHE", "ORD", "--svg", "x.svg"});
  EXPECT_EQ(run.exit_code, 2);
  run = RunArgs(stubs, {"capacity", "SHE", "ORD", "--tonnes", "300"});
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_THAT(run.err, HasSubstr("--ready"));
  run = RunArgs(stubs,
                {"capacity", "SHE", "ORD", "--ready", "monday", "--deadline", "2025-06-06 18:00"});
  EXPECT_EQ(run.exit_code, 2);
  run = RunArgs(stubs, {"capacity", "SHE", "ORD", "--ready", "2025-06-02 09:00", "--deadline",
                        "2025-06-06 18:00", "--load-factor", "-1"});
  EXPECT_EQ(run.exit_code, 2);
}

TEST(ScheduleCapacityCommand, ServerErrorsKeepTheirExitCodes) {
  FakeStubs stubs;
  EXPECT_CALL(stubs.planner, ComputeScheduleCapacity(_, _, _))
      .WillOnce(
          Return(grpc::Status(grpc::StatusCode::INVALID_ARGUMENT,
                              "deadline_local: must be at most 31 days after the ready time")));
  const CliRun run = RunArgs(stubs, {"capacity", "SHE", "ORD", "--ready", "2025-06-02 09:00",
                                     "--deadline", "2025-07-06 18:00"});
  EXPECT_EQ(run.exit_code, 3);  // rejected by the server (client/exit_codes.cc)
  EXPECT_THAT(run.err, HasSubstr("aircargo: "));
  EXPECT_THAT(run.err, HasSubstr("deadline_local"));
}

}  // namespace
}  // namespace aircargo::client
