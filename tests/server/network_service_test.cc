// NetworkService handlers through an in-process channel, on the inline test network.
#include <grpcpp/create_channel.h>
#include <grpcpp/generic/generic_stub.h>
#include <grpcpp/health_check_service_interface.h>
#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <future>
#include <vector>

#include "aircargo/v1/network_service.grpc.pb.h"
#include "formats/network_proto.h"
#include "server/default_network.h"
#include "server/server.h"
#include "tests/server/test_network.h"

namespace aircargo::server {
namespace {

class NetworkServiceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string error;
    server_ =
        Server::Start(testing::TestNetwork(), ServerOptions{.listen = "", .threads = 0}, &error);
    ASSERT_NE(server_, nullptr) << error;
    channel_ = server_->grpc_server().InProcessChannel(grpc::ChannelArguments());
    stub_ = v1::NetworkService::NewStub(channel_);
  }

  std::unique_ptr<Server> server_;
  std::shared_ptr<grpc::Channel> channel_;
  std::unique_ptr<v1::NetworkService::Stub> stub_;
};

TEST_F(NetworkServiceTest, GetNetworkSummarisesRoutesByStatus) {
  grpc::ClientContext ctx;
  v1::GetNetworkResponse response;
  ASSERT_TRUE(stub_->GetNetwork(&ctx, v1::GetNetworkRequest(), &response).ok());
  EXPECT_EQ(response.network().name(), "test network");
  EXPECT_EQ(response.network_version(), 1);
  EXPECT_EQ(response.network().airports_size(), 0) << "summary view carries no airports";
  const v1::NetworkSummary& s = response.summary();
  EXPECT_EQ(s.airport_count(), 5);
  EXPECT_EQ(s.route_count(), 6);
  EXPECT_EQ(s.operating().route_count(), 4);
  EXPECT_EQ(s.operating().weekly_capacity_kg(), 43500 + 7 * 20000 + 7 * 10000 + 7 * 10000);
  EXPECT_EQ(s.planned().route_count(), 1);
  EXPECT_EQ(s.planned().weekly_capacity_kg(), 3 * 95000);
  EXPECT_EQ(s.suspended().route_count(), 1);
  EXPECT_EQ(s.carrier_count(), 5);
  EXPECT_EQ(s.country_count(), 4);
}

// On the embedded network, the Vladivostok service that flew Aug-Oct 2025 is not today's capacity:
// the summary counts routes last flown before today (UTC) as ended, and names the day.
TEST(NetworkSummary, RoutesLastFlownBeforeTodayAreEndedNotOperating) {
  auto network = LoadDefaultNetwork();
  ASSERT_TRUE(network.ok()) << network.error().ToString();
  std::string error;
  auto server = Server::Start(*network, ServerOptions{.listen = "", .threads = 0}, &error);
  ASSERT_NE(server, nullptr) << error;
  auto stub =
      v1::NetworkService::NewStub(server->grpc_server().InProcessChannel(grpc::ChannelArguments()));
  grpc::ClientContext ctx;
  v1::GetNetworkResponse response;
  ASSERT_TRUE(stub->GetNetwork(&ctx, v1::GetNetworkRequest(), &response).ok());
  // Today from the clock, as "YYYY-MM-DD" (ISO dates order as strings).
  const std::chrono::year_month_day day{
      std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now())};
  char today[32];
  std::snprintf(today, sizeof(today), "%04d-%02u-%02u", static_cast<int>(day.year()),
                static_cast<unsigned>(day.month()), static_cast<unsigned>(day.day()));
  const v1::NetworkSummary& s = response.summary();
  ASSERT_EQ(s.as_of(), today);
  // Counted from the routes themselves: not suspended, effective_to set and before today.
  int ended = 0, operating = 0;
  const v1::Network routes = formats::ToProto(**network);
  for (const v1::Route& r : routes.routes()) {
    const bool over = !r.effective_to().empty() && r.effective_to() < s.as_of();
    if (r.status() != v1::ROUTE_STATUS_SUSPENDED && over) ++ended;
    if (r.status() == v1::ROUTE_STATUS_OPERATING && !over) ++operating;
  }
  EXPECT_GE(ended, 2) << "SHE-VVO and VVO-SHE flew until 2025-10-31";
  EXPECT_EQ(s.ended().route_count(), ended);
  EXPECT_EQ(s.operating().route_count(), operating);
  EXPECT_EQ(s.ended().weekly_capacity_kg(), ended * 1500 * 2)
      << "each VVO leg: 1.5 t, twice a week";
}

TEST_F(NetworkServiceTest, GetNetworkFullViewCarriesEveryAirportAndRoute) {
  grpc::ClientContext ctx;
  v1::GetNetworkRequest request;
  request.set_view(v1::NETWORK_VIEW_FULL);
  v1::GetNetworkResponse response;
  ASSERT_TRUE(stub_->GetNetwork(&ctx, request, &response).ok());
  ASSERT_EQ(response.network().airports_size(), 5);
  ASSERT_EQ(response.network().routes_size(), 6);
  const v1::Route& yvr = response.network().routes(0);
  EXPECT_EQ(yvr.id(), "SHE-YVR-W8");
  EXPECT_EQ(yvr.departures(0).local_time(), "19:30");
  EXPECT_EQ(yvr.effective_from(), "2024-11-17");
  EXPECT_NEAR(yvr.distance_km(), 8000, 80) << "derived great-circle distance";
}

// The scenario is applied in the server: the CLI's export draws what this answers.
TEST_F(NetworkServiceTest, GetNetworkWithAScenarioAnswersTheNetworkAsItSeesIt) {
  grpc::ClientContext ctx;
  v1::GetNetworkRequest request;
  request.set_view(v1::NETWORK_VIEW_FULL);
  request.mutable_scenario()->set_as_of("2025-06-01");
  request.mutable_scenario()->set_include_planned(true);
  request.mutable_scenario()->add_closed_airports("icn");
  v1::CapacityFactor* factor = request.mutable_scenario()->add_capacity_factors();
  factor->set_route_id("YVR-SEA-TRUCK");
  factor->set_factor(0.5);
  v1::GetNetworkResponse response;
  ASSERT_TRUE(stub_->GetNetwork(&ctx, request, &response).ok());
  EXPECT_EQ(response.network().routes_size(), 6) << "the network itself, unchanged";
  const v1::ScenarioNetwork& seen = response.scenario_network();
  EXPECT_EQ(seen.as_of(), "2025-06-01");
  ASSERT_EQ(seen.closed_airports_size(), 1);
  EXPECT_EQ(seen.closed_airports(0), "ICN");
  std::vector<std::string> ids;
  for (const v1::ScenarioRoute& r : seen.routes()) {
    ids.push_back(r.route().id());
    if (r.route().id() == "YVR-SEA-TRUCK") {
      EXPECT_EQ(r.weekly_capacity_kg(), 7 * 20000 / 2);
    }
    EXPECT_FALSE(r.extra());
  }
  // SHE-ICN-* and ICN-SHE-KE touch closed ICN; SHE-MIA-CA is planned (included) and effective.
  EXPECT_EQ(ids, (std::vector<std::string>{"SHE-YVR-W8", "YVR-SEA-TRUCK", "SHE-MIA-CA"}));
}

TEST_F(NetworkServiceTest, GetNetworkWithoutAScenarioHasNoScenarioNetwork) {
  grpc::ClientContext ctx;
  v1::GetNetworkRequest request;
  request.set_view(v1::NETWORK_VIEW_FULL);
  v1::GetNetworkResponse response;
  ASSERT_TRUE(stub_->GetNetwork(&ctx, request, &response).ok());
  EXPECT_FALSE(response.has_scenario_network());
}

TEST_F(NetworkServiceTest, GetNetworkRejectsABadScenarioNamingTheField) {
  grpc::ClientContext ctx;
  v1::GetNetworkRequest request;
  request.mutable_scenario()->add_closed_airports("XXX");
  v1::GetNetworkResponse response;
  const grpc::Status status = stub_->GetNetwork(&ctx, request, &response);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::NOT_FOUND);
  EXPECT_NE(status.error_message().find("scenario.closed_airports[0]"), std::string::npos)
      << status.error_message();
}

TEST_F(NetworkServiceTest, GetNetworkRejectsUnknownView) {
  grpc::ClientContext ctx;
  v1::GetNetworkRequest request;
  request.set_view(static_cast<v1::NetworkView>(42));
  v1::GetNetworkResponse response;
  const grpc::Status status = stub_->GetNetwork(&ctx, request, &response);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_NE(status.error_message().find("view"), std::string::npos);
}

TEST_F(NetworkServiceTest, ListAirportsFiltersByCountryCaseInsensitively) {
  grpc::ClientContext ctx;
  v1::ListAirportsRequest request;
  request.set_country("us");
  v1::ListAirportsResponse response;
  ASSERT_TRUE(stub_->ListAirports(&ctx, request, &response).ok());
  ASSERT_EQ(response.airports_size(), 2);
  EXPECT_EQ(response.airports(0).iata(), "SEA");
  EXPECT_EQ(response.airports(1).iata(), "MIA");
  EXPECT_EQ(response.network_version(), 1);
}

TEST_F(NetworkServiceTest, ListAirportsRejectsMalformedCountry) {
  grpc::ClientContext ctx;
  v1::ListAirportsRequest request;
  request.set_country("USA");
  v1::ListAirportsResponse response;
  const grpc::Status status = stub_->ListAirports(&ctx, request, &response);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_NE(status.error_message().find("country"), std::string::npos);
}

TEST_F(NetworkServiceTest, GetAirportAcceptsLowercaseCodeAndCountsRoutes) {
  grpc::ClientContext ctx;
  v1::GetAirportRequest request;
  request.set_iata("she");
  v1::GetAirportResponse response;
  ASSERT_TRUE(stub_->GetAirport(&ctx, request, &response).ok());
  EXPECT_EQ(response.airport().iata(), "SHE");
  EXPECT_EQ(response.airport().time_zone(), "Asia/Shanghai");
  EXPECT_EQ(response.outbound_route_count(), 4);
  EXPECT_EQ(response.inbound_route_count(), 1);
  // Operating only: the YVR freighter and the KE belly; not the planned MIA, not suspended OZ.
  EXPECT_EQ(response.outbound_weekly_capacity_kg(), 43500 + 70000);
  EXPECT_EQ(response.inbound_weekly_capacity_kg(), 70000);
}

TEST_F(NetworkServiceTest, GetAirportUnknownCodeIsNotFoundNamingTheCode) {
  grpc::ClientContext ctx;
  v1::GetAirportRequest request;
  request.set_iata("XXX");
  v1::GetAirportResponse response;
  const grpc::Status status = stub_->GetAirport(&ctx, request, &response);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::NOT_FOUND);
  EXPECT_NE(status.error_message().find("\"XXX\""), std::string::npos) << status.error_message();
}

TEST_F(NetworkServiceTest, GetAirportMalformedCodeIsInvalidArgumentNamingTheField) {
  for (const char* bad : {"", "SH", "SHEN", "S1E"}) {
    grpc::ClientContext ctx;
    v1::GetAirportRequest request;
    request.set_iata(bad);
    v1::GetAirportResponse response;
    const grpc::Status status = stub_->GetAirport(&ctx, request, &response);
    EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT) << bad;
    EXPECT_EQ(status.error_message().rfind("iata:", 0), 0u) << status.error_message();
  }
}

TEST_F(NetworkServiceTest, ListRoutesFromOriginListsItsRoutes) {
  grpc::ClientContext ctx;
  v1::ListRoutesRequest request;
  request.set_origin("she");
  v1::ListRoutesResponse response;
  ASSERT_TRUE(stub_->ListRoutes(&ctx, request, &response).ok());
  ASSERT_EQ(response.routes_size(), 4);
  EXPECT_EQ(response.routes(0).id(), "SHE-YVR-W8");
  EXPECT_EQ(response.network_version(), 1);
}

TEST_F(NetworkServiceTest, ListRoutesCombinesFilters) {
  grpc::ClientContext ctx;
  v1::ListRoutesRequest request;
  request.set_origin("SHE");
  request.set_destination("ICN");
  request.set_status(v1::ROUTE_STATUS_OPERATING);
  v1::ListRoutesResponse response;
  ASSERT_TRUE(stub_->ListRoutes(&ctx, request, &response).ok());
  ASSERT_EQ(response.routes_size(), 1);
  EXPECT_EQ(response.routes(0).id(), "SHE-ICN-KE");
}

TEST_F(NetworkServiceTest, ListRoutesFiltersByCarrierAndStatusWithoutOrigin) {
  {
    grpc::ClientContext ctx;
    v1::ListRoutesRequest request;
    request.set_carrier("ke");
    v1::ListRoutesResponse response;
    ASSERT_TRUE(stub_->ListRoutes(&ctx, request, &response).ok());
    ASSERT_EQ(response.routes_size(), 2);
  }
  {
    grpc::ClientContext ctx;
    v1::ListRoutesRequest request;
    request.set_status(v1::ROUTE_STATUS_PLANNED);
    v1::ListRoutesResponse response;
    ASSERT_TRUE(stub_->ListRoutes(&ctx, request, &response).ok());
    ASSERT_EQ(response.routes_size(), 1);
    EXPECT_EQ(response.routes(0).id(), "SHE-MIA-CA");
  }
}

TEST_F(NetworkServiceTest, ListRoutesUnknownDestinationIsNotFound) {
  grpc::ClientContext ctx;
  v1::ListRoutesRequest request;
  request.set_destination("ZZZ");
  v1::ListRoutesResponse response;
  const grpc::Status status = stub_->ListRoutes(&ctx, request, &response);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::NOT_FOUND);
  EXPECT_NE(status.error_message().find("destination"), std::string::npos);
}

TEST_F(NetworkServiceTest, ListRoutesRejectsUnknownStatusValue) {
  grpc::ClientContext ctx;
  v1::ListRoutesRequest request;
  request.set_status(static_cast<v1::RouteStatus>(9));
  v1::ListRoutesResponse response;
  EXPECT_EQ(stub_->ListRoutes(&ctx, request, &response).error_code(),
            grpc::StatusCode::INVALID_ARGUMENT);
}

TEST_F(NetworkServiceTest, ResponsesCarryTheVersionOfTheCurrentSnapshot) {
  v1::Network replacement = formats::ToProto(*testing::TestNetwork());
  replacement.set_version(7);
  auto next = formats::BuildNetwork(replacement);
  ASSERT_TRUE(next.ok());
  server_->snapshots().Replace(*next);
  grpc::ClientContext ctx;
  v1::ListRoutesResponse response;
  ASSERT_TRUE(stub_->ListRoutes(&ctx, v1::ListRoutesRequest(), &response).ok());
  EXPECT_EQ(response.network_version(), 7);
}

// grpc.health.v1.Health/Check through a generic stub: the request is empty (service ""), and a
// SERVING answer is field 1 = 1, i.e. the bytes 08 01.
TEST_F(NetworkServiceTest, HealthCheckAnswersServing) {
  grpc::GenericStub generic(channel_);
  grpc::ClientContext ctx;
  grpc::Slice empty(std::string{});
  grpc::ByteBuffer request(&empty, 1);
  grpc::ByteBuffer response;
  std::promise<grpc::Status> done;
  generic.UnaryCall(&ctx, "/grpc.health.v1.Health/Check", grpc::StubOptions(), &request, &response,
                    [&done](grpc::Status s) { done.set_value(s); });
  const grpc::Status status = done.get_future().get();
  ASSERT_TRUE(status.ok()) << status.error_message();
  std::vector<grpc::Slice> slices;
  ASSERT_TRUE(response.Dump(&slices).ok());
  std::string bytes;
  for (const grpc::Slice& s : slices)
    bytes.append(reinterpret_cast<const char*>(s.begin()), s.size());
  EXPECT_EQ(bytes, std::string("\x08\x01", 2));
}

}  // namespace
}  // namespace aircargo::server
