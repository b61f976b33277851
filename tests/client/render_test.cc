#include <gmock/gmock.h>
#include <google/protobuf/util/json_util.h>
#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

#include "client/render_airports.h"
#include "client/render_json.h"
#include "client/render_network.h"
#include "client/render_routes.h"
#include "client/text.h"
#include "tests/client/cli_test_support.h"

namespace aircargo::client {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
using ::testing::StartsWith;

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

v1::GetNetworkResponse SampleNetwork() {
  v1::GetNetworkResponse response;
  response.mutable_network()->set_name("Shenyang cargo");
  response.mutable_network()->set_description("Freighter and belly routes\nout of SHE");
  response.set_network_version(7);
  v1::NetworkSummary* summary = response.mutable_summary();
  summary->set_airport_count(12);
  summary->set_route_count(20);
  summary->mutable_operating()->set_route_count(15);
  summary->mutable_operating()->set_weekly_capacity_kg(1234500);
  summary->mutable_planned()->set_route_count(4);
  summary->mutable_planned()->set_weekly_capacity_kg(43500);
  summary->mutable_suspended()->set_route_count(1);
  summary->mutable_suspended()->set_weekly_capacity_kg(20000);
  summary->set_carrier_count(8);
  summary->set_country_count(6);
  return response;
}

TEST(RenderNetworkSummary, ShowsTotalsInTonnesWhenGivenASummary) {
  const std::string text = RenderNetworkSummary(SampleNetwork());
  EXPECT_THAT(text, HasSubstr("name                Shenyang cargo\n"));
  EXPECT_THAT(text, HasSubstr("version             7\n"));
  EXPECT_THAT(text, HasSubstr("description         Freighter and belly routes out of SHE\n"));
  EXPECT_THAT(text, HasSubstr("airports            12\n"));
  EXPECT_THAT(text, HasSubstr("  operating         15 routes, 1,234.5 t/week\n"));
  EXPECT_THAT(text, HasSubstr("  planned           4 routes, 43.5 t/week\n"));
  EXPECT_THAT(text, HasSubstr("  suspended         1 route, 20.0 t/week\n"));
  EXPECT_THAT(text, HasSubstr("carriers            8\n"));
  EXPECT_THAT(text, HasSubstr("countries           6\n"));
  EXPECT_THAT(text, HasSubstr("operating capacity  1,234.5 t/week\n"));
}

TEST(RenderRoutes, ListsEveryRouteThenTheTotalLineThenEverySourceInFull) {
  v1::ListRoutesResponse routes = testing::SampleRoutes();
  routes.mutable_routes(0)->set_basis(v1::EVIDENCE_BASIS_SOURCED);
  routes.mutable_routes(0)->set_effective_to("2025-10-31");
  routes.mutable_routes(1)->set_basis(v1::EVIDENCE_BASIS_CANDIDATE);
  const std::vector<std::string> lines = Lines(RenderRoutes(routes));
  ASSERT_EQ(lines.size(), 9u);
  EXPECT_THAT(lines[0], StartsWith("ID          FROM  TO   CARRIER  MODE       AIRCRAFT"));
  EXPECT_THAT(lines[1], StartsWith("SHE-YVR-W8  SHE   YVR  W8       freighter  B767-300F"));
  EXPECT_THAT(lines[2], StartsWith("SHE-ICN-KE  SHE   ICN  KE       belly      A321"));
  EXPECT_THAT(lines[1], HasSubstr("  operating  2024-05-01 to 2025-10-31  sourced"));
  EXPECT_THAT(lines[2], HasSubstr("  planned    -                         candidate"));
  EXPECT_EQ(lines[3], "2 routes, 147.0 t/week");
  EXPECT_EQ(lines[4],
            "Note: 1 of 2 routes rest on evidence weaker than announced (1 cand); levels: "
            "docs/data.md");
  EXPECT_EQ(lines[5], "");
  EXPECT_EQ(lines[6], "Sources:");
  EXPECT_EQ(
      lines[7],
      "  SHE-YVR-W8  Cargojet press release 2024-04-10: twice-weekly B767F Shenyang-Vancouver "
      "service, confirmed in the OAG schedule");
  EXPECT_EQ(lines[8], "  SHE-ICN-KE  KE winter schedule");
}

TEST(RenderRoutes, RightAlignsCapacityUnderItsHeader) {
  const std::vector<std::string> lines = Lines(RenderRoutes(testing::SampleRoutes()));
  ASSERT_GE(lines.size(), 3u);
  const std::size_t header_end = lines[0].find("T/WEEK") + std::string("T/WEEK").size();
  EXPECT_EQ(lines[1].find("87.0") + 4, header_end);
  EXPECT_EQ(lines[2].find("60.0") + 4, header_end);
}

TEST(RenderRoutes, NeedsNoFootnoteWhenEveryRouteIsSourcedOrAnnounced) {
  v1::ListRoutesResponse routes = testing::SampleRoutes();
  routes.mutable_routes(0)->set_basis(v1::EVIDENCE_BASIS_SOURCED);
  routes.mutable_routes(1)->set_basis(v1::EVIDENCE_BASIS_ANNOUNCED);
  EXPECT_THAT(RenderRoutes(routes), Not(HasSubstr("Note:")));
}

TEST(RenderRoutes, PrintsOnlyTheTotalWhenNoRouteMatches) {
  EXPECT_EQ(RenderRoutes(v1::ListRoutesResponse()), "0 routes, 0.0 t/week\n");
}

TEST(RenderAirports, AlignsTheTableAndCountsAirports) {
  v1::ListAirportsResponse response;
  v1::Airport* she = response.add_airports();
  she->set_iata("SHE");
  she->set_icao("ZYTX");
  she->set_name("Shenyang Taoxian");
  she->set_city("Shenyang");
  she->set_country("CN");
  she->set_time_zone("Asia/Shanghai");
  she->set_min_connection_minutes(90);
  she->set_export_clearance_minutes(120);
  she->set_import_clearance_minutes(180);
  v1::Airport* yvr = response.add_airports();
  yvr->set_iata("YVR");
  yvr->set_name("Vancouver");
  yvr->set_city("Vancouver");
  yvr->set_country("CA");
  yvr->set_time_zone("America/Vancouver");
  yvr->set_min_connection_minutes(1440);
  EXPECT_EQ(
      RenderAirports(response),
      "IATA  ICAO  NAME              CITY       COUNTRY  TIME ZONE          MCT MIN  EXPORT MIN"
      "  IMPORT MIN\n"
      "SHE   ZYTX  Shenyang Taoxian  Shenyang   CN       Asia/Shanghai           90         120"
      "         180\n"
      "YVR   -     Vancouver         Vancouver  CA       America/Vancouver    1,440           0"
      "           0\n"
      "2 airports\n");
}

TEST(RenderAirport, ShowsDetailsAndRouteTotalsWhenGivenAnAirport) {
  v1::GetAirportResponse response;
  v1::Airport* she = response.mutable_airport();
  she->set_iata("SHE");
  she->set_icao("ZYTX");
  she->set_name("Shenyang Taoxian");
  she->set_latitude_deg(41.6398);
  she->set_longitude_deg(123.4834);
  she->set_time_zone("Asia/Shanghai");
  she->set_min_connection_minutes(90);
  response.set_outbound_route_count(12);
  response.set_outbound_weekly_capacity_kg(543210);
  response.set_inbound_route_count(1);
  response.set_inbound_weekly_capacity_kg(43500);
  const std::string text = RenderAirport(response);
  EXPECT_THAT(text, StartsWith("iata               SHE\n"));
  EXPECT_THAT(text, HasSubstr("icao               ZYTX\n"));
  EXPECT_THAT(text, HasSubstr("location           41.6398, 123.4834\n"));
  EXPECT_THAT(text, HasSubstr("min connection     90 min\n"));
  EXPECT_THAT(text, HasSubstr("throughput         unlimited\n"));
  EXPECT_THAT(text, HasSubstr("outbound routes    12\n"));
  EXPECT_THAT(text, HasSubstr("outbound capacity  543.2 t/week (operating)\n"));
  EXPECT_THAT(text, HasSubstr("inbound routes     1\n"));
  EXPECT_THAT(text, HasSubstr("inbound capacity   43.5 t/week (operating)\n"));
}

TEST(RenderJson, ParsesBackToTheSameMessageWhenPrinted) {
  const v1::ListRoutesResponse routes = testing::SampleRoutes();
  const auto json = RenderJson(routes);
  ASSERT_TRUE(json.has_value());
  v1::ListRoutesResponse parsed;
  ASSERT_TRUE(google::protobuf::util::JsonStringToMessage(*json, &parsed).ok());
  EXPECT_EQ(parsed.SerializeAsString(), routes.SerializeAsString());
}

TEST(RenderJson, UsesSnakeCaseNamesAndPrintsZerosWhenFieldsAreDefault) {
  const auto json = RenderJson(testing::SampleRoutes());
  ASSERT_TRUE(json.has_value());
  EXPECT_THAT(*json, HasSubstr("\"network_version\": \"7\""));
  EXPECT_THAT(*json, HasSubstr("\"payload_kg\": \"43500\""));
  EXPECT_THAT(*json, HasSubstr("\"flights_per_week\": 2"));
  EXPECT_THAT(*json, HasSubstr("\"status\": \"ROUTE_STATUS_OPERATING\""));
  EXPECT_THAT(*json, HasSubstr("\"block_minutes\": 0"));  // default, printed anyway
  EXPECT_THAT(*json, Not(HasSubstr("networkVersion")));
  EXPECT_THAT(*json, Not(HasSubstr("payloadKg")));
  EXPECT_THAT(*json, ::testing::EndsWith("}\n"));
}

}  // namespace
}  // namespace aircargo::client
