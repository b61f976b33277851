// Numbers at their extremes through the in-process server on the inline test network
// (tests/server/test_network.h): non-finite or absurd scenario factors and extra-route values are
// rejected naming the field; capacities x factors and costs x kilograms at the largest accepted
// values are exact or saturate, never overflow (docs/robustness.md).
#include <grpcpp/create_channel.h>
#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <functional>
#include <limits>
#include <string>
#include <vector>

#include "aircargo/v1/planner_service.grpc.pb.h"
#include "formats/scenario_proto.h"
#include "routes/ascii.h"
#include "routes/network_builder.h"
#include "routes/scenario.h"
#include "routes/scenario_view.h"
#include "server/server.h"
#include "tests/server/test_network.h"

namespace aircargo::server {
namespace {

using grpc::StatusCode;
constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr std::int64_t kInt64Max = std::numeric_limits<std::int64_t>::max();

// SHE -> SEA direct at the largest payload, frequency and cost a route may have.
v1::Route LargestRoute() {
  v1::Route r;
  r.set_id("SHE-SEA-MAX");
  r.set_origin("SHE");
  r.set_destination("SEA");
  r.set_carrier("ZZ");
  r.set_mode(v1::MODE_FREIGHTER);
  r.set_aircraft("max");
  r.set_payload_kg(routes::kMaxPayloadKg);
  r.set_flights_per_week(routes::kMaxFlightsPerWeek);
  r.set_block_minutes(600);
  r.set_cost_per_kg_micros(routes::kMaxCostPerKgMicros);
  r.set_status(v1::ROUTE_STATUS_OPERATING);
  return r;
}

class LimitsValuesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string error;
    server_ =
        Server::Start(testing::TestNetwork(), ServerOptions{.listen = "", .threads = 0}, &error);
    ASSERT_NE(server_, nullptr) << error;
    stub_ = v1::PlannerService::NewStub(
        server_->grpc_server().InProcessChannel(grpc::ChannelArguments()));
  }

  grpc::Status Capacity(const v1::Scenario& scenario, v1::ComputeCapacityResponse* response) {
    v1::ComputeCapacityRequest request;
    request.set_origin("SHE");
    request.add_destinations("SEA");
    *request.mutable_scenario() = scenario;
    grpc::ClientContext context;
    return stub_->ComputeCapacity(&context, request, response);
  }

  static void ExpectStatus(const grpc::Status& status, StatusCode code, const std::string& text) {
    EXPECT_EQ(status.error_code(), code) << status.error_message();
    EXPECT_NE(status.error_message().find(text), std::string::npos) << status.error_message();
  }

  std::unique_ptr<Server> server_;
  std::unique_ptr<v1::PlannerService::Stub> stub_;
};

TEST_F(LimitsValuesTest, NonFiniteNegativeOrAbsurdFactorsAreInvalidArgumentNamingTheFactor) {
  for (double factor : {std::nan(""), kInf, -kInf, -1.0, routes::kMaxCapacityFactor * 1.000001,
                        std::numeric_limits<double>::max()}) {
    SCOPED_TRACE(factor);
    v1::Scenario scenario;
    scenario.add_capacity_factors()->set_route_id("SHE-ICN-KE");
    auto* bad = scenario.add_capacity_factors();
    bad->set_route_id("SHE-YVR-W8");
    bad->set_factor(factor);
    v1::ComputeCapacityResponse response;
    ExpectStatus(Capacity(scenario, &response), StatusCode::INVALID_ARGUMENT,
                 "scenario.capacity_factors[1].factor");
  }
}

TEST_F(LimitsValuesTest, CompareScenariosNamesTheScenarioOfABadFactor) {
  v1::CompareScenariosRequest request;
  auto* factor = request.mutable_baseline()->add_capacity_factors();
  factor->set_route_id("SHE-YVR-W8");
  factor->set_factor(std::nan(""));
  v1::CompareScenariosResponse response;
  grpc::ClientContext context;
  ExpectStatus(stub_->CompareScenarios(&context, request, &response), StatusCode::INVALID_ARGUMENT,
               "baseline.capacity_factors[0].factor");
}

TEST_F(LimitsValuesTest, TinyFactorRoundsToZeroAndClosesTheRoute) {
  v1::Scenario scenario;
  auto* factor = scenario.add_capacity_factors();
  factor->set_route_id("SHE-YVR-W8");
  factor->set_factor(std::numeric_limits<double>::denorm_min());
  v1::ComputeCapacityResponse response;
  ASSERT_TRUE(Capacity(scenario, &response).ok());
  EXPECT_EQ(response.max_flow_kg_per_week(), 0);
}

TEST_F(LimitsValuesTest, LargestPayloadTimesFrequencyTimesFactorIsExact) {
  v1::Scenario scenario;
  *scenario.add_extra_routes() = LargestRoute();
  auto* factor = scenario.add_capacity_factors();
  factor->set_route_id("SHE-SEA-MAX");
  factor->set_factor(routes::kMaxCapacityFactor);
  v1::ComputeCapacityResponse response;
  ASSERT_TRUE(Capacity(scenario, &response).ok());
  // 1e6 kg x 70 flights x 1000 = 7e10 kg/week, plus 43,500 via YVR.
  EXPECT_EQ(response.max_flow_kg_per_week(), 70'000'000'000 + 43'500);
}

TEST_F(LimitsValuesTest, LargestCostTimesKilogramsIsExactWhileItFitsInt64) {
  v1::PlanFlowRequest request;
  request.set_origin("SHE");
  request.add_destinations("SEA");
  request.set_demand_kg_per_week(1'000'000'000'000);
  *request.mutable_scenario()->add_extra_routes() = LargestRoute();
  v1::PlanFlowResponse response;
  grpc::ClientContext context;
  ASSERT_TRUE(stub_->PlanFlow(&context, request, &response).ok());
  EXPECT_EQ(response.shipped_kg_per_week(), 70'000'000 + 43'500);
  // 7e7 kg at 1e9 micros + 43,500 kg at 3.3e6 micros: 7.00000014355e16, exact.
  EXPECT_EQ(response.total_cost_micros(), 70'000'000LL * 1'000'000'000 + 43'500LL * 3'300'000);
  EXPECT_FALSE(response.cost_saturated());
}

TEST_F(LimitsValuesTest, CostBeyondInt64SaturatesAndSaysSo) {
  v1::PlanFlowRequest request;
  request.set_origin("SHE");
  request.add_destinations("SEA");
  request.set_demand_kg_per_week(1'000'000'000'000);
  *request.mutable_scenario()->add_extra_routes() = LargestRoute();
  auto* factor = request.mutable_scenario()->add_capacity_factors();
  factor->set_route_id("SHE-SEA-MAX");
  factor->set_factor(routes::kMaxCapacityFactor);
  v1::PlanFlowResponse response;
  grpc::ClientContext context;
  ASSERT_TRUE(stub_->PlanFlow(&context, request, &response).ok());
  // 7e10 kg x 1e9 micros = 7e19 > INT64_MAX (9.2e18).
  EXPECT_EQ(response.shipped_kg_per_week(), 70'000'000'000 + 43'500);
  EXPECT_EQ(response.total_cost_micros(), kInt64Max);
  EXPECT_TRUE(response.cost_saturated());
}

TEST_F(LimitsValuesTest, ExtraRouteValuesOutsideTheirRangesAreInvalidArgumentNamingTheField) {
  using Edit = std::function<void(v1::Route&)>;
  const std::pair<const char*, Edit> cases[] = {
      {"payload_kg", [](v1::Route& r) { r.set_payload_kg(routes::kMaxPayloadKg + 1); }},
      {"payload_kg", [](v1::Route& r) { r.set_payload_kg(kInt64Max); }},
      {"flights_per_week",
       [](v1::Route& r) { r.set_flights_per_week(std::numeric_limits<std::int32_t>::max()); }},
      {"block_minutes",
       [](v1::Route& r) { r.set_block_minutes(std::numeric_limits<std::int32_t>::max()); }},
      {"cost_per_kg_micros",
       [](v1::Route& r) { r.set_cost_per_kg_micros(routes::kMaxCostPerKgMicros + 1); }},
      {"cost_per_kg_micros", [](v1::Route& r) { r.set_cost_per_kg_micros(kInt64Max); }},
      {"distance_km", [](v1::Route& r) { r.set_distance_km(std::nan("")); }},
      {"distance_km", [](v1::Route& r) { r.set_distance_km(kInf); }},
      {"distance_km", [](v1::Route& r) { r.set_distance_km(-kInf); }},
  };
  for (const auto& [field, edit] : cases) {
    SCOPED_TRACE(field);
    v1::Scenario scenario;
    v1::Route route = LargestRoute();
    edit(route);
    *scenario.add_extra_routes() = route;
    v1::ComputeCapacityResponse response;
    ExpectStatus(Capacity(scenario, &response), StatusCode::INVALID_ARGUMENT,
                 std::string("scenario.extra_routes[0].") + field);
  }
}

TEST(ScenarioValues, LongExcludedCarrierListExcludesExactlyTheListedCarriersCaseInsensitively) {
  v1::Scenario scenario;
  for (int i = 0; i < 9'990; ++i) scenario.add_excluded_carriers("Q" + std::to_string(i));
  for (const char* carrier : {"w8", "W8", "ke", "XX"}) scenario.add_excluded_carriers(carrier);
  v1::Route extra = LargestRoute();
  extra.set_carrier("xx");
  *scenario.add_extra_routes() = extra;
  const auto network = testing::TestNetwork();
  const auto core = formats::ScenarioFromProto(scenario, *network, formats::TodayUtc());
  ASSERT_TRUE(core.ok()) << core.error().ToString();
  const auto view = routes::ScenarioView::Make(*network, *core);
  ASSERT_TRUE(view.ok());
  int excluded = 0;
  for (std::uint32_t i = 0; i < static_cast<std::uint32_t>(view->route_count()); ++i) {
    const routes::RouteId id(i);
    const std::string carrier = routes::ToUpperAscii(view->route(id).carrier);
    const bool listed = carrier == "W8" || carrier == "KE" || carrier == "XX";
    SCOPED_TRACE(view->route(id).id);
    EXPECT_EQ(view->exclusion(id) == routes::RouteExclusion::kExcludedCarrier, listed);
    excluded += listed ? 1 : 0;
  }
  EXPECT_GE(excluded, 2);  // the W8 route and the extra route at least
}

TEST(NetworkValues, InfiniteCoordinatesInANetworkFileAreRejectedNamingTheField) {
  std::string text(testing::kTestNetworkText);
  text.replace(text.find("latitude_deg: 41.6398"), 21, "latitude_deg: inf");
  text.replace(text.find("longitude_deg: -123.1844"), 24, "longitude_deg: -infinity");
  const auto network = formats::LoadNetworkText(text, "net.textproto");
  ASSERT_FALSE(network.ok());
  EXPECT_EQ(network.error().code, routes::ErrorCode::kInvalidArgument);
  const std::string message = network.error().ToString();
  EXPECT_NE(message.find("airports[0].latitude_deg"), std::string::npos) << message;
  EXPECT_NE(message.find("airports[1].longitude_deg"), std::string::npos) << message;
}

}  // namespace
}  // namespace aircargo::server
