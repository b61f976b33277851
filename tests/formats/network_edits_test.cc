// formats/network_edits: every edit kind on the inline test network (tests/server/test_network.h),
// every validation rule with its field path, atomic batches, and the same result whether edits
// come one by one or as one batch.
#include "formats/network_edits.h"

#include <gmock/gmock.h>
#include <google/protobuf/text_format.h>
#include <google/protobuf/util/message_differencer.h>
#include <gtest/gtest.h>

#include <string>

#include "aircargo/v1/network_edit_service.pb.h"
#include "formats/network_proto.h"
#include "tests/server/test_network.h"

namespace aircargo::formats {
namespace {

using ::testing::ElementsAre;
using ::testing::Field;
using ::testing::HasSubstr;
using ::testing::UnorderedElementsAre;

google::protobuf::RepeatedPtrField<v1::NetworkEdit> Edits(const std::string& text) {
  v1::ApplyEditsRequest request;
  EXPECT_TRUE(google::protobuf::TextFormat::ParseFromString(text, &request)) << text;
  return request.edits();
}

routes::Result<std::shared_ptr<const routes::Network>> Apply(const std::string& text,
                                                             bool batch = true) {
  const auto base = testing::TestNetwork();
  const auto edits = Edits(text);
  return ApplyNetworkEdits(*base, edits, EditPaths(edits, batch), base->version() + 1);
}

// The violations' field paths.
std::vector<std::string> Fields(const routes::Error& error) {
  std::vector<std::string> out;
  for (const auto& v : error.violations) out.push_back(v.field);
  return out;
}

TEST(ApplyNetworkEdits, UpdateRouteChangesOnlyTheMaskedFieldsAndMakesTheNextVersion) {
  const auto next = Apply(R"(edits { update_route {
      route { id: "SHE-YVR-W8" flights_per_week: 3 payload_kg: 1
              departures { weekday: SUNDAY local_time: "19:30" }
              departures { weekday: WEDNESDAY local_time: "19:30" }
              departures { weekday: FRIDAY local_time: "19:30" } }
      update_mask { paths: "flights_per_week" paths: "departures" } } })");
  ASSERT_TRUE(next.ok()) << next.error().ToString();
  const auto& network = **next;
  EXPECT_EQ(network.version(), testing::TestNetwork()->version() + 1);
  const auto& route = network.route(*network.FindRoute("SHE-YVR-W8"));
  EXPECT_EQ(route.flights_per_week, 3);
  EXPECT_EQ(route.departures.size(), 3u);
  EXPECT_EQ(route.payload_kg, 43500);  // not in the mask: unchanged
  EXPECT_EQ(route.carrier, "W8");
  EXPECT_EQ(network.routes().size(), testing::TestNetwork()->routes().size());
}

TEST(ApplyNetworkEdits, UpdateRouteRejectsAnUnknownRouteABadMaskAndTheId) {
  const auto next = Apply(R"(
    edits { update_route { route { id: "NOPE" flights_per_week: 2 }
                           update_mask { paths: "flights_per_week" } } }
    edits { update_route { route { id: "SHE-YVR-W8" }
                           update_mask { paths: "colour" paths: "id" } } }
    edits { update_route { route { id: "SHE-YVR-W8" } } })");
  ASSERT_FALSE(next.ok());
  EXPECT_EQ(next.error().code, routes::ErrorCode::kInvalidArgument);
  EXPECT_THAT(Fields(next.error()), ElementsAre("edits[0].update_route.route.id",
                                                "edits[1].update_route.update_mask.paths[0]",
                                                "edits[1].update_route.update_mask.paths[1]",
                                                "edits[2].update_route.update_mask"));
  EXPECT_THAT(next.error().ToString(), HasSubstr("nothing was applied"));
}

TEST(ApplyNetworkEdits, UpdateRouteIsValidatedAgainstTheWholeNetwork) {
  // Three flights a week but one departure listed: the loaded-network rule applies.
  const auto next = Apply(R"(edits { update_route { route { id: "SHE-YVR-W8" flights_per_week: 3 }
                                                    update_mask { paths: "flights_per_week" } } })",
                          false);
  ASSERT_FALSE(next.ok());
  EXPECT_THAT(Fields(next.error()), ElementsAre("edit.route.departures"));
}

TEST(ApplyNetworkEdits, CreateRouteAddsARouteAndRejectsDuplicatesAndUnknownAirports) {
  const std::string route = R"(carrier: "W8" mode: MODE_FREIGHTER aircraft: "B767-300F"
      payload_kg: 40000 flights_per_week: 2 block_minutes: 300 cost_per_kg_micros: 1
      status: ROUTE_STATUS_PLANNED source: "test")";
  const auto ok = Apply(R"(edits { create_route { route { id: "YVR-SEA-W8" origin: "YVR"
                          destination: "SEA" )" +
                        route + " } } }");
  ASSERT_TRUE(ok.ok()) << ok.error().ToString();
  EXPECT_TRUE((*ok)->FindRoute("YVR-SEA-W8").has_value());

  const auto bad = Apply(R"(
    edits { create_route { route { id: "SHE-YVR-W8" origin: "SHE" destination: "YVR" )" +
                         route +
                         R"( } } }
    edits { create_route { route { id: "SHE-XXX-W8" origin: "SHE" destination: "XXX" )" +
                         route + " } } }");
  ASSERT_FALSE(bad.ok());
  EXPECT_THAT(Fields(bad.error()), ElementsAre("edits[0].create_route.route.id",
                                               "edits[1].create_route.route.destination"));
  EXPECT_THAT(bad.error().violations[0].message, HasSubstr("already exists"));
}

TEST(ApplyNetworkEdits, DeleteRouteRemovesItAndRejectsAnUnknownId) {
  const auto ok = Apply(R"(edits { delete_route { route_id: "SHE-ICN-OZ" } })");
  ASSERT_TRUE(ok.ok());
  EXPECT_FALSE((*ok)->FindRoute("SHE-ICN-OZ").has_value());
  EXPECT_EQ((*ok)->routes().size(), testing::TestNetwork()->routes().size() - 1);
  const auto bad = Apply(R"(edits { delete_route { route_id: "NOPE" } })", false);
  ASSERT_FALSE(bad.ok());
  EXPECT_THAT(Fields(bad.error()), ElementsAre("edit.route_id"));
}

TEST(ApplyNetworkEdits, SetRouteStatusNeedsAKnownStatusAndAReason) {
  const auto ok = Apply(R"(edits { set_route_status { route_id: "SHE-YVR-W8"
                          status: ROUTE_STATUS_SUSPENDED reason: "crew shortage" } })");
  ASSERT_TRUE(ok.ok());
  EXPECT_EQ((*ok)->route(*(*ok)->FindRoute("SHE-YVR-W8")).status, routes::RouteStatus::kSuspended);
  const auto bad = Apply(R"(edits { set_route_status { route_id: "SHE-YVR-W8" } })", false);
  ASSERT_FALSE(bad.ok());
  EXPECT_THAT(Fields(bad.error()), ElementsAre("edit.status", "edit.reason"));
}

TEST(ApplyNetworkEdits, UpsertAirportAddsOrReplacesByCodeInAnyCase) {
  const auto ok = Apply(R"(
    edits { upsert_airport { airport { iata: "yyz" icao: "CYYZ" name: "Toronto Pearson"
            city: "Toronto" country: "CA" latitude_deg: 43.68 longitude_deg: -79.63
            time_zone: "America/Toronto" } } }
    edits { upsert_airport { airport { iata: "SEA" icao: "KSEA" name: "Sea-Tac" city: "Seattle"
            country: "US" latitude_deg: 47.45 longitude_deg: -122.31
            time_zone: "America/Los_Angeles" min_connection_minutes: 90 } } })");
  ASSERT_TRUE(ok.ok()) << ok.error().ToString();
  const auto& network = **ok;
  ASSERT_TRUE(network.FindAirport("YYZ").has_value());
  EXPECT_EQ(network.airport(*network.FindAirport("SEA")).name, "Sea-Tac");
  EXPECT_EQ(network.airports().size(), testing::TestNetwork()->airports().size() + 1);

  const auto bad =
      Apply(R"(edits { upsert_airport { airport { iata: "ABC" latitude_deg: 91 } } })");
  ASSERT_FALSE(bad.ok());
  EXPECT_THAT(Fields(bad.error()),
              ::testing::Contains("edits[0].upsert_airport.airport.latitude_deg"));
}

TEST(ApplyNetworkEdits, DeletingAnAirportThatRoutesStillUseNamesTheEditAndTheRoutes) {
  const auto bad = Apply(R"(edits { delete_airport { iata: "SEA" } })");
  ASSERT_FALSE(bad.ok());
  ASSERT_THAT(Fields(bad.error()), ElementsAre("edits[0].delete_airport.iata"));
  EXPECT_THAT(bad.error().violations[0].message, HasSubstr("YVR-SEA-TRUCK"));
  // With its route deleted in the same write, it goes.
  const auto ok = Apply(R"(edits { delete_route { route_id: "YVR-SEA-TRUCK" } }
                           edits { delete_airport { iata: "sea" } })");
  ASSERT_TRUE(ok.ok()) << ok.error().ToString();
  EXPECT_FALSE((*ok)->FindAirport("SEA").has_value());
  const auto unknown = Apply(R"(edits { delete_airport { iata: "XXX" } })", false);
  ASSERT_FALSE(unknown.ok());
  EXPECT_THAT(Fields(unknown.error()), ElementsAre("edit.iata"));
}

TEST(ApplyNetworkEdits, AnEmptyEditIsAProblem) {
  const auto bad = Apply("edits { }");
  ASSERT_FALSE(bad.ok());
  EXPECT_THAT(Fields(bad.error()), ElementsAre("edits[0]"));
}

TEST(ApplyNetworkEdits, OneBadEditInABatchAppliesNothingAndListsEveryProblem) {
  const auto bad = Apply(R"(
    edits { delete_route { route_id: "SHE-ICN-OZ" } }
    edits { update_route { route { id: "SHE-MIA-CA" payload_kg: 0 }
                           update_mask { paths: "payload_kg" } } }
    edits { set_route_status { route_id: "GONE" status: ROUTE_STATUS_OPERATING reason: "x" } })");
  ASSERT_FALSE(bad.ok());
  EXPECT_THAT(Fields(bad.error()), UnorderedElementsAre("edits[2].set_route_status.route_id",
                                                        "edits[1].update_route.route.payload_kg"));
}

TEST(ApplyNetworkEdits, ABatchGivesTheSameNetworkAsItsEditsOneByOne) {
  const std::string text = R"(
    edits { set_route_status { route_id: "SHE-MIA-CA" status: ROUTE_STATUS_OPERATING reason: "go" } }
    edits { update_route { route { id: "YVR-SEA-TRUCK" flights_per_week: 5 }
                           update_mask { paths: "flights_per_week" } } }
    edits { delete_route { route_id: "SHE-ICN-OZ" } }
    edits { create_route { route { id: "SHE-ICN-OZ" origin: "SHE" destination: "ICN" carrier: "OZ"
            mode: MODE_BELLY aircraft: "A350" payload_kg: 9000 flights_per_week: 3
            block_minutes: 110 status: ROUTE_STATUS_OPERATING } } })";
  const auto edits = Edits(text);
  const auto batch = Apply(text);
  ASSERT_TRUE(batch.ok()) << batch.error().ToString();
  std::shared_ptr<const routes::Network> one_by_one = testing::TestNetwork();
  for (const auto& edit : edits) {
    google::protobuf::RepeatedPtrField<v1::NetworkEdit> one;
    *one.Add() = edit;
    auto next = ApplyNetworkEdits(*one_by_one, one, EditPaths(one, false), one_by_one->version());
    ASSERT_TRUE(next.ok()) << next.error().ToString();
    one_by_one = *next;
  }
  v1::Network a = ToProto(**batch);
  v1::Network b = ToProto(*one_by_one);
  a.clear_version();
  b.clear_version();
  EXPECT_TRUE(google::protobuf::util::MessageDifferencer::Equals(a, b));
  EXPECT_EQ((*batch)->route(*(*batch)->FindRoute("SHE-ICN-OZ")).aircraft, "A350");
}

}  // namespace
}  // namespace aircargo::formats
