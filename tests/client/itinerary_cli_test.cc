// `aircargo itinerary` against the gMock planner stub: the request it sends (local vs RFC 3339
// times, tonnes, k, horizon, scenario flags), what it prints (local and UTC times, waits, latest
// hand-over, reasons), --json, and usage errors.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "client/commands_itinerary.h"
#include "client/render_itinerary.h"
#include "tests/client/cli_test_support.h"

namespace aircargo::client {
namespace {

using ::testing::_;
using testing::CliRun;
using ::testing::DoAll;
using testing::FakeStubs;
using ::testing::HasSubstr;
using ::testing::Not;
using ::testing::Return;
using testing::RunArgs;
using ::testing::SaveArg;
using ::testing::SetArgPointee;

v1::ItineraryTime Time(const char* airport, const char* local, const char* utc, int offset) {
  v1::ItineraryTime t;
  t.set_airport(airport);
  t.set_local(local);
  t.set_utc(utc);
  t.set_utc_offset_minutes(offset);
  return t;
}

// SHE 2025-06-02 09:00 -> SHE-ORD-CA Mon 23:00 -> ORD, as the server would answer.
v1::PlanItineraryResponse SheOrdResponse() {
  v1::PlanItineraryResponse r;
  r.set_network_version(7);
  *r.mutable_ready() = Time("SHE", "2025-06-02 09:00 +08:00", "2025-06-02T01:00:00Z", 480);
  r.set_horizon_minutes(14 * 1440);
  v1::Itinerary* it = r.add_itineraries();
  *it->mutable_ready() = *r.mutable_ready();
  it->mutable_export_clearance()->set_kind(v1::CLEARANCE_KIND_EXPORT);
  it->mutable_export_clearance()->set_airport("SHE");
  *it->mutable_export_clearance()->mutable_end() =
      Time("SHE", "2025-06-02 11:48 +08:00", "2025-06-02T03:48:00Z", 480);
  it->mutable_export_clearance()->set_duration_minutes(168);
  v1::ItineraryLeg* leg = it->add_legs();
  leg->set_route_id("SHE-ORD-CA");
  leg->set_origin("SHE");
  leg->set_destination("ORD");
  leg->set_carrier("CA");
  leg->set_aircraft("B777F");
  leg->set_flight_date("2025-06-02");
  *leg->mutable_departure() = Time("SHE", "2025-06-02 23:00 +08:00", "2025-06-02T15:00:00Z", 480);
  *leg->mutable_arrival() = Time("ORD", "2025-06-03 01:03 -05:00", "2025-06-03T06:03:00Z", -300);
  leg->set_wait_minutes(9960);
  leg->set_block_minutes(903);
  it->mutable_import_clearance()->set_kind(v1::CLEARANCE_KIND_IMPORT);
  it->mutable_import_clearance()->set_airport("ORD");
  *it->mutable_import_clearance()->mutable_end() =
      Time("ORD", "2025-06-03 07:03 -05:00", "2025-06-03T12:03:00Z", -300);
  it->mutable_import_clearance()->set_duration_minutes(360);
  *it->mutable_delivered() = it->import_clearance().end();
  it->set_door_to_door_minutes(1 * 1440 + 11 * 60 + 3);
  it->set_total_wait_minutes(9960);
  it->set_meets_arrive_by(true);
  return r;
}

TEST(ItineraryCommand, SendsLocalReadyTimeTonnesAndOptions) {
  FakeStubs stubs;
  v1::PlanItineraryRequest sent;
  EXPECT_CALL(stubs.planner, PlanItinerary(_, _, _))
      .WillOnce(
          DoAll(SaveArg<1>(&sent), SetArgPointee<2>(SheOrdResponse()), Return(grpc::Status::OK)));
  const CliRun run =
      RunArgs(stubs, {"itinerary", "she", "ord", "--ready", "2025-06-02 09:00", "--tonnes", "20",
                      "-k", "3", "--arrive-by", "2025-06-06 18:00", "--horizon", "21d", "--close",
                      "icn", "--as-of", "2025-06-01"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(sent.origin(), "SHE");
  EXPECT_EQ(sent.destination(), "ORD");
  EXPECT_EQ(sent.ready_local(), "2025-06-02 09:00");
  EXPECT_EQ(sent.ready_time(), "");
  EXPECT_EQ(sent.arrive_by_local(), "2025-06-06 18:00");
  EXPECT_EQ(sent.shipment_kg(), 20'000);
  EXPECT_EQ(sent.k(), 3);
  EXPECT_EQ(sent.horizon_minutes(), 21 * 1440);
  EXPECT_EQ(sent.scenario().as_of(), "2025-06-01");
  ASSERT_EQ(sent.scenario().closed_airports_size(), 1);
  EXPECT_EQ(sent.scenario().closed_airports(0), "ICN");
}

TEST(ItineraryCommand, Rfc3339ReadyGoesAsAnInstant) {
  FakeStubs stubs;
  v1::PlanItineraryRequest sent;
  EXPECT_CALL(stubs.planner, PlanItinerary(_, _, _))
      .WillOnce(
          DoAll(SaveArg<1>(&sent), SetArgPointee<2>(SheOrdResponse()), Return(grpc::Status::OK)));
  const CliRun run = RunArgs(stubs, {"itinerary", "SHE", "ORD", "--ready", "2025-06-02T01:00:00Z"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(sent.ready_time(), "2025-06-02T01:00:00Z");
  EXPECT_EQ(sent.ready_local(), "");
  EXPECT_EQ(sent.horizon_minutes(), 14 * 1440);
  EXPECT_EQ(sent.k(), 1);
}

TEST(ItineraryCommand, PrintsLegsInLocalAndUtcTimeWithWaitsHighlighted) {
  FakeStubs stubs;
  EXPECT_CALL(stubs.planner, PlanItinerary(_, _, _))
      .WillOnce(DoAll(SetArgPointee<2>(SheOrdResponse()), Return(grpc::Status::OK)));
  const CliRun run = RunArgs(stubs, {"itinerary", "SHE", "ORD", "--ready", "2025-06-02 09:00"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_THAT(run.out, HasSubstr(">> wait 6d 22h at SHE"));
  EXPECT_THAT(run.out, HasSubstr("SHE-ORD-CA"));
  EXPECT_THAT(run.out, HasSubstr("dep SHE  2025-06-02 23:00 +08:00  (2025-06-02T15:00:00Z)"));
  EXPECT_THAT(run.out, HasSubstr("arr ORD  2025-06-03 01:03 -05:00  (2025-06-03T06:03:00Z)"));
  EXPECT_THAT(run.out, HasSubstr("delivered 2025-06-03 07:03 -05:00 at ORD"));
  EXPECT_THAT(run.out, HasSubstr("export clearance  SHE  until 2025-06-02 11:48 +08:00"));
}

TEST(ItineraryCommand, PrintsLatestHandOverForArriveBy) {
  FakeStubs stubs;
  v1::PlanItineraryResponse response = SheOrdResponse();
  *response.mutable_arrive_by() =
      Time("ORD", "2025-06-06 18:00 -05:00", "2025-06-06T23:00:00Z", -300);
  *response.mutable_latest_ready()->mutable_ready() =
      Time("SHE", "2025-06-04 20:12 +08:00", "2025-06-04T12:12:00Z", 480);
  *response.mutable_latest_ready()->mutable_itinerary() = response.itineraries(0);
  EXPECT_CALL(stubs.planner, PlanItinerary(_, _, _))
      .WillOnce(DoAll(SetArgPointee<2>(response), Return(grpc::Status::OK)));
  const CliRun run = RunArgs(stubs, {"itinerary", "SHE", "ORD", "--ready", "2025-06-02 09:00",
                                     "--arrive-by", "2025-06-06 18:00"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_THAT(run.out, HasSubstr("Latest hand-over at SHE for delivery by 2025-06-06 18:00 -05:00: "
                                 "2025-06-04 20:12 +08:00"));
}

TEST(ItineraryCommand, PrintsTheReasonWhenNothingWasFound) {
  FakeStubs stubs;
  v1::PlanItineraryResponse response;
  *response.mutable_ready() = Time("SHE", "2025-06-02 09:00 +08:00", "2025-06-02T01:00:00Z", 480);
  response.set_reason(v1::ITINERARY_REASON_PAYLOAD_TOO_SMALL);
  response.set_reason_detail(
      "itineraries to ORD exist only on flights carrying less than 200000 kg");
  response.add_skipped_routes()->set_route_id("SHE-ICN-KE");
  EXPECT_CALL(stubs.planner, PlanItinerary(_, _, _))
      .WillOnce(DoAll(SetArgPointee<2>(response), Return(grpc::Status::OK)));
  const CliRun run =
      RunArgs(stubs, {"itinerary", "SHE", "ORD", "--ready", "2025-06-02 09:00", "--tonnes", "200"});
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_THAT(run.out, HasSubstr("No itinerary: PAYLOAD_TOO_SMALL: itineraries to ORD"));
  EXPECT_THAT(run.out, HasSubstr("Skipped 1 route whose payload"));
}

TEST(ItineraryCommand, JsonPrintsTheResponseFields) {
  FakeStubs stubs;
  EXPECT_CALL(stubs.planner, PlanItinerary(_, _, _))
      .WillOnce(DoAll(SetArgPointee<2>(SheOrdResponse()), Return(grpc::Status::OK)));
  const CliRun run =
      RunArgs(stubs, {"itinerary", "SHE", "ORD", "--ready", "2025-06-02 09:00", "--json"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_THAT(run.out, HasSubstr("\"route_id\": \"SHE-ORD-CA\""));
  EXPECT_THAT(run.out, HasSubstr("\"utc\": \"2025-06-02T15:00:00Z\""));
  EXPECT_THAT(run.out, Not(HasSubstr(">> wait")));
}

TEST(ItineraryCommand, InvalidArgumentFromTheServerExitsThree) {
  FakeStubs stubs;
  EXPECT_CALL(stubs.planner, PlanItinerary(_, _, _))
      .WillOnce(Return(grpc::Status(grpc::StatusCode::NOT_FOUND, "origin: no airport \"XXX\"")));
  const CliRun run = RunArgs(stubs, {"itinerary", "XXX", "ORD", "--ready", "2025-06-02 09:00"});
  EXPECT_EQ(run.exit_code, 3);
  EXPECT_THAT(run.err, HasSubstr("XXX"));
}

TEST(ItineraryCommand, MalformedOptionsAreUsageErrorsWithoutACall) {
  for (const std::vector<std::string>& args : std::vector<std::vector<std::string>>{
           {"itinerary", "SHE", "ORD"},
           {"itinerary", "SHE", "ORD", "--ready", "next monday"},
           {"itinerary", "SHE", "ORD", "--ready", "2025-06-02 09:00", "--horizon", "61d"},
           {"itinerary", "SHE", "ORD", "--ready", "2025-06-02 09:00", "--horizon", "0d"},
           {"itinerary", "SHE", "ORD", "--ready", "2025-06-02 09:00", "-k", "0"},
           {"itinerary", "SHE", "ORD", "--ready", "2025-06-02 09:00", "--tonnes", "-1"},
           {"itinerary", "SHE", "ORD", "--ready", "2025-06-02 09:00", "--arrive-by", "friday"}}) {
    FakeStubs stubs;  // strict: any call fails the test
    const CliRun run = RunArgs(stubs, args);
    EXPECT_EQ(run.exit_code, 2) << args.back() << ": " << run.err;
  }
}

TEST(ItineraryFormat, HorizonAndWaitTexts) {
  EXPECT_EQ(ParseHorizonMinutes("14d"), 14 * 1440);
  EXPECT_EQ(ParseHorizonMinutes("36h"), 36 * 60);
  EXPECT_EQ(ParseHorizonMinutes("90m"), 90);
  EXPECT_EQ(ParseHorizonMinutes("7"), 7 * 1440);
  EXPECT_EQ(ParseHorizonMinutes("60d"), 60 * 1440);
  EXPECT_EQ(ParseHorizonMinutes("61d"), std::nullopt);
  EXPECT_EQ(ParseHorizonMinutes("d"), std::nullopt);
  EXPECT_EQ(ParseHorizonMinutes("-1d"), std::nullopt);
  EXPECT_EQ(FormatWait(9960), "6d 22h");
  EXPECT_EQ(FormatWait(9965), "6d 22h 05m");
  EXPECT_EQ(FormatWait(20160), "14d");
  EXPECT_EQ(FormatWait(185), "3h 05m");
  EXPECT_EQ(FormatWait(45), "45m");
  EXPECT_EQ(ItineraryReasonName(v1::ITINERARY_REASON_NO_DEPARTURE_IN_HORIZON),
            "NO_DEPARTURE_IN_HORIZON");
}

}  // namespace
}  // namespace aircargo::client
