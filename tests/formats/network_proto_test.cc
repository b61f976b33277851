// The proto <-> core mapping: BuildNetwork(message) then ToProto gives the message back, with the
// derived distance filled in; validation problems name fields by their path in the message.
#include "formats/network_proto.h"

#include <gmock/gmock.h>
#include <google/protobuf/util/message_differencer.h>
#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "routes/geo.h"

namespace aircargo::formats {
namespace {

v1::Airport ProtoAirport(const std::string& iata, const std::string& icao,
                         const std::string& country, double lat, double lon,
                         const std::string& zone) {
  v1::Airport a;
  a.set_iata(iata);
  a.set_icao(icao);
  a.set_name(iata + " International");
  a.set_city(iata + " city");
  a.set_country(country);
  a.set_latitude_deg(lat);
  a.set_longitude_deg(lon);
  a.set_time_zone(zone);
  a.set_min_connection_minutes(90);
  a.set_export_clearance_minutes(180);
  a.set_import_clearance_minutes(240);
  a.set_throughput_kg_per_week(4'000'000);
  return a;
}

// Every field of the message set, with two routes:
//
//   SHE --SHE-YVR-RS: freighter, Sun 19:30, distance 0 (derive), from 2024-11-17--> YVR
//   YVR --YVR-SHE-RS: truck(!), Mon 00:00 + Wed 07:05 + Fri 23:59, 8,100 km given, planned--> SHE
v1::Network FullMessage() {
  v1::Network n;
  n.set_name("full");
  n.set_description("every field set");
  n.set_version(42);
  *n.add_airports() = ProtoAirport("SHE", "ZYTX", "CN", 41.6398, 123.4834, "Asia/Shanghai");
  *n.add_airports() = ProtoAirport("YVR", "CYVR", "CA", 49.1939, -123.1844, "America/Vancouver");

  v1::Route* out = n.add_routes();
  out->set_id("SHE-YVR-RS");
  out->set_origin("SHE");
  out->set_destination("YVR");
  out->set_carrier("RS");
  out->set_mode(v1::MODE_FREIGHTER);
  out->set_aircraft("B767-300F");
  out->set_payload_kg(43'500);
  out->set_flights_per_week(1);
  v1::Departure* d = out->add_departures();
  d->set_weekday(v1::SUNDAY);
  d->set_local_time("19:32");
  out->set_block_minutes(620);
  out->set_distance_km(0);
  out->set_cost_per_kg_micros(3'250'000);
  out->set_status(v1::ROUTE_STATUS_OPERATING);
  out->set_effective_from("2024-11-17");
  out->set_effective_to("2025-10-31");
  out->set_basis(v1::EVIDENCE_BASIS_SOURCED);
  out->set_source("reference S1, S2");
  out->add_tags("e-commerce");
  out->add_tags("transpacific");

  v1::Route* back = n.add_routes();
  back->set_id("YVR-SHE-RS");
  back->set_origin("YVR");
  back->set_destination("SHE");
  back->set_carrier("RS");
  back->set_mode(v1::MODE_TRUCK);
  back->set_aircraft("");
  back->set_payload_kg(1);
  back->set_flights_per_week(3);
  for (const auto& [day, time] : {std::pair{v1::MONDAY, "00:00"}, std::pair{v1::WEDNESDAY, "07:05"},
                                  std::pair{v1::FRIDAY, "23:59"}}) {
    v1::Departure* dep = back->add_departures();
    dep->set_weekday(day);
    dep->set_local_time(time);
  }
  back->set_block_minutes(700);
  back->set_distance_km(8100.25);
  back->set_cost_per_kg_micros(0);
  back->set_status(v1::ROUTE_STATUS_PLANNED);
  back->set_effective_from("2028-02-29");
  back->set_basis(v1::EVIDENCE_BASIS_ILLUSTRATIVE);
  return n;
}

TEST(NetworkProto, PreservesEveryFieldWhenRoundTrippedThroughTheCore) {
  const v1::Network input = FullMessage();
  const auto built = BuildNetwork(input);
  ASSERT_TRUE(built.ok()) << built.error().ToString();
  const v1::Network output = ToProto(**built);

  // The only change: the derived great-circle distance is filled in.
  v1::Network expected = input;
  expected.mutable_routes(0)->set_distance_km(
      routes::GreatCircleKm(41.6398, 123.4834, 49.1939, -123.1844));
  std::string diff;
  google::protobuf::util::MessageDifferencer differencer;
  differencer.ReportDifferencesToString(&diff);
  EXPECT_TRUE(differencer.Compare(expected, output)) << diff;
}

TEST(NetworkProto, FillsTheDerivedDistanceWhenTheMessageStatesZero) {
  const auto built = BuildNetwork(FullMessage());
  ASSERT_TRUE(built.ok()) << built.error().ToString();
  const v1::Network output = ToProto(**built);
  EXPECT_NEAR(output.routes(0).distance_km(), 8003, 80);
  EXPECT_EQ(output.routes(1).distance_km(), 8100.25);
}

TEST(NetworkProto, KeepsLocalTimesAndDatesVerbatimWhenWellFormed) {
  const auto built = BuildNetwork(FullMessage());
  ASSERT_TRUE(built.ok()) << built.error().ToString();
  const v1::Route back = ToProto(**built, (*built)->route(routes::RouteId(1)));
  ASSERT_EQ(back.departures_size(), 3);
  EXPECT_EQ(back.departures(0).local_time(), "00:00");
  EXPECT_EQ(back.departures(1).weekday(), v1::WEDNESDAY);
  EXPECT_EQ(back.departures(1).local_time(), "07:05");
  EXPECT_EQ(back.departures(2).local_time(), "23:59");
  EXPECT_EQ(back.effective_from(), "2028-02-29");
  EXPECT_EQ(back.mode(), v1::MODE_TRUCK);
  EXPECT_EQ(back.status(), v1::ROUTE_STATUS_PLANNED);
}

TEST(NetworkProto, LeavesEffectiveFromEmptyWhenTheMessageHasNone) {
  v1::Network input = FullMessage();
  input.mutable_routes(0)->clear_effective_from();
  const auto built = BuildNetwork(input);
  ASSERT_TRUE(built.ok()) << built.error().ToString();
  EXPECT_EQ((*built)->route(routes::RouteId(0)).effective_from, std::nullopt);
  EXPECT_EQ(ToProto(**built).routes(0).effective_from(), "");
}

TEST(NetworkProto, MapsEveryAirportFieldWhenConvertingOneAirport) {
  const v1::Airport input = FullMessage().airports(1);
  const routes::Airport core = AirportFromProto(input);
  EXPECT_EQ(core.iata, "YVR");
  EXPECT_EQ(core.icao, "CYVR");
  EXPECT_EQ(core.name, "YVR International");
  EXPECT_EQ(core.city, "YVR city");
  EXPECT_EQ(core.latitude_deg, 49.1939);
  EXPECT_EQ(core.throughput_kg_per_week, 4'000'000);
  EXPECT_TRUE(google::protobuf::util::MessageDifferencer::Equals(ToProto(core), input));
}

TEST(NetworkProto, KeepsUnsetEnumsEmptyWhenConvertingOneRoute) {
  v1::Route r;
  r.set_id("X");
  r.add_departures()->set_local_time("07:30");
  const routes::RouteInput in = RouteInputFromProto(r);
  EXPECT_EQ(in.mode, std::nullopt);
  EXPECT_EQ(in.status, std::nullopt);
  ASSERT_EQ(in.departures.size(), 1u);
  EXPECT_EQ(in.departures[0].weekday, std::nullopt);
  EXPECT_EQ(in.departures[0].local_time, "07:30");
}

TEST(BuildNetwork, NamesMessagePathsWhenEnumsAreUnspecified) {
  v1::Network input = FullMessage();
  input.mutable_routes(1)->set_mode(v1::MODE_UNSPECIFIED);
  input.mutable_routes(1)->set_status(v1::ROUTE_STATUS_UNSPECIFIED);
  input.mutable_routes(1)->mutable_departures(2)->set_weekday(v1::WEEKDAY_UNSPECIFIED);
  const auto built = BuildNetwork(input);
  ASSERT_FALSE(built.ok());
  EXPECT_EQ(built.error().code, routes::ErrorCode::kInvalidArgument);
  std::vector<std::string> fields;
  for (const auto& v : built.error().violations) fields.push_back(v.field);
  EXPECT_THAT(fields, ::testing::UnorderedElementsAre("routes[1].mode", "routes[1].status",
                                                      "routes[1].departures[2].weekday"));
}

TEST(BuildNetwork, RejectsEnumValuesWhenOutsideTheSchema) {
  // proto3 enums are open: a newer writer may send values this build does not know.
  v1::Network input = FullMessage();
  input.mutable_routes(0)->set_mode(static_cast<v1::Mode>(9));
  input.mutable_routes(0)->set_status(static_cast<v1::RouteStatus>(-1));
  input.mutable_routes(0)->mutable_departures(0)->set_weekday(static_cast<v1::Weekday>(8));
  input.mutable_routes(0)->set_basis(static_cast<v1::EvidenceBasis>(7));
  const auto built = BuildNetwork(input);
  ASSERT_FALSE(built.ok());
  std::vector<std::string> fields;
  for (const auto& v : built.error().violations) fields.push_back(v.field);
  EXPECT_THAT(fields, ::testing::UnorderedElementsAre("routes[0].mode", "routes[0].status",
                                                      "routes[0].departures[0].weekday",
                                                      "routes[0].basis"));
}

TEST(NetworkProto, MapsEveryEvidenceBasisBothWays) {
  for (int b = 0; b < routes::kEvidenceBasisCount; ++b) {
    const auto core = static_cast<routes::EvidenceBasis>(b);
    const v1::EvidenceBasis wire = ToProto(core);
    EXPECT_TRUE(v1::EvidenceBasis_IsValid(wire));
    EXPECT_EQ(BasisInputFromProto(wire), b) << routes::BasisName(core);
    // The names agree: EVIDENCE_BASIS_SOURCED <-> "sourced".
    std::string name = v1::EvidenceBasis_Name(wire).substr(std::string("EVIDENCE_BASIS_").size());
    for (char& c : name) c = static_cast<char>(c - 'A' + 'a');
    EXPECT_EQ(name, routes::BasisName(core));
  }
  EXPECT_EQ(v1::EvidenceBasis_descriptor()->value_count(), routes::kEvidenceBasisCount);
}

// Every enumerator maps both ways and back to itself (the core numbers its enums for itself, so
// this is not a cast); unspecified and unknown proto values map to "unset".
TEST(NetworkProto, EnumsRoundTripThroughTheirOneSwitch) {
  for (auto mode : {routes::Mode::kFreighter, routes::Mode::kBelly, routes::Mode::kTruck}) {
    EXPECT_EQ(ModeFromProto(ToProto(mode)), mode);
    EXPECT_NE(ToProto(mode), v1::MODE_UNSPECIFIED);
  }
  EXPECT_EQ(ToProto(routes::Mode::kBelly), v1::MODE_BELLY);
  for (auto status : {routes::RouteStatus::kOperating, routes::RouteStatus::kPlanned,
                      routes::RouteStatus::kSuspended}) {
    EXPECT_EQ(RouteStatusFromProto(ToProto(status)), status);
    EXPECT_NE(ToProto(status), v1::ROUTE_STATUS_UNSPECIFIED);
  }
  EXPECT_EQ(ToProto(routes::RouteStatus::kSuspended), v1::ROUTE_STATUS_SUSPENDED);
  for (int day = 1; day <= 7; ++day) {
    const auto weekday = routes::Weekday{day};
    EXPECT_EQ(WeekdayFromProto(ToProto(weekday)), weekday);
  }
  EXPECT_EQ(ToProto(routes::Weekday::kMonday), v1::MONDAY);
  EXPECT_EQ(ToProto(routes::Weekday::kSunday), v1::SUNDAY);
  EXPECT_EQ(ModeFromProto(v1::MODE_UNSPECIFIED), std::nullopt);
  EXPECT_EQ(ModeFromProto(9), std::nullopt);
  EXPECT_EQ(RouteStatusFromProto(-1), std::nullopt);
  EXPECT_EQ(WeekdayFromProto(8), std::nullopt);
}

TEST(BuildNetwork, CarriesTheVersionWhenTheMessageHasOne) {
  const auto built = BuildNetwork(FullMessage());
  ASSERT_TRUE(built.ok()) << built.error().ToString();
  EXPECT_EQ((*built)->version(), 42);
  EXPECT_EQ((*built)->name(), "full");
  EXPECT_EQ((*built)->description(), "every field set");
}

}  // namespace
}  // namespace aircargo::formats
