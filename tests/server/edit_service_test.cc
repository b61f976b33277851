// NetworkEditService through an in-process channel on the inline test network: writes publish a
// new version, stale versions are ABORTED, invalid edits change nothing, retries are answered once,
// a failing store publishes nothing, tokens guard writes (and reads when asked), and ListEdits
// serves the log.
#include <grpcpp/create_channel.h>
#include <gtest/gtest.h>

#include <atomic>
#include <string>

#include "aircargo/v1/network_edit_service.grpc.pb.h"
#include "aircargo/v1/network_service.grpc.pb.h"
#include "server/server.h"
#include "server/store/sqlite_store.h"
#include "tests/server/test_network.h"

namespace aircargo::server {
namespace {

// A store that fails every write (disk full), to show a failed write publishes nothing.
class FailingStore final : public store::Store {
 public:
  std::string Describe() const override { return "failing"; }
  routes::Result<std::optional<store::StoredNetwork>> Load() override {
    return std::optional<store::StoredNetwork>();
  }
  routes::Result<bool> Initialize(const v1::Network&) override { return true; }
  routes::Result<bool> Append(const v1::EditRecord&, const v1::Network*) override {
    ++appends;
    return routes::MakeError(routes::ErrorCode::kResourceExhausted, "store", "failing: disk full");
  }
  bool WantsCheckpoint(std::int64_t) const override { return false; }
  routes::Result<std::vector<v1::EditRecord>> ListEdits(std::int64_t, int) override {
    return std::vector<v1::EditRecord>();
  }
  routes::Result<std::int64_t> OldestKeptVersion() override { return std::int64_t{0}; }
  routes::Result<std::vector<v1::StoredScenario>> LoadScenarios() override {
    return std::vector<v1::StoredScenario>();
  }
  routes::Result<bool> PutScenario(const v1::StoredScenario&) override {
    return routes::MakeError(routes::ErrorCode::kResourceExhausted, "store", "failing: disk full");
  }
  routes::Result<bool> DeleteScenario(const std::string&) override { return true; }
  // Written on a gRPC thread, read by the test after the call: the call's completion orders them,
  // but through gRPC internals ThreadSanitizer cannot see (uninstrumented), hence atomic.
  std::atomic<int> appends{0};
};

class EditServiceTest : public ::testing::Test {
 protected:
  void Start(std::unique_ptr<store::Store> store = nullptr, Authorizer authorizer = {},
             std::size_t keep_edits = 1000) {
    ServerState state;
    if (!store) store = std::move(store::SqliteStore::Open(":memory:", {})).value();
    state.store = std::move(store);
    auto restored = RestoreNetwork(*state.store, testing::TestNetwork(), false);
    ASSERT_TRUE(restored.ok()) << restored.error().ToString();
    state.restored = std::move(restored).value();
    state.authorizer = std::move(authorizer);
    ServerOptions options{.listen = "", .threads = 1};
    options.keep_edits = keep_edits;
    std::string error;
    server_ = Server::Start(std::move(state), options, &error);
    ASSERT_NE(server_, nullptr) << error;
    auto channel = server_->grpc_server().InProcessChannel(grpc::ChannelArguments());
    edits_ = v1::NetworkEditService::NewStub(channel);
    network_ = v1::NetworkService::NewStub(channel);
  }

  grpc::Status SetFlights(std::int64_t expected, int flights, v1::EditResponse* response,
                          const std::string& request_id = "", const std::string& token = "") {
    v1::UpdateRouteRequest request;
    request.mutable_write()->set_expected_version(expected);
    request.mutable_write()->set_request_id(request_id);
    auto* route = request.mutable_edit()->mutable_route();
    route->set_id("YVR-SEA-TRUCK");
    route->set_flights_per_week(flights);
    request.mutable_edit()->mutable_update_mask()->add_paths("flights_per_week");
    grpc::ClientContext context;
    if (!token.empty()) context.AddMetadata("authorization", "Bearer " + token);
    return edits_->UpdateRoute(&context, request, response);
  }

  int Flights() {
    v1::ListRoutesRequest request;
    request.set_origin("YVR");
    v1::ListRoutesResponse response;
    grpc::ClientContext context;
    EXPECT_TRUE(network_->ListRoutes(&context, request, &response).ok());
    return response.routes(0).flights_per_week();
  }

  std::int64_t Version() { return server_->snapshots().Get()->version(); }

  std::unique_ptr<Server> server_;
  std::unique_ptr<v1::NetworkEditService::Stub> edits_;
  std::unique_ptr<v1::NetworkService::Stub> network_;
};

TEST_F(EditServiceTest, AnAcceptedWriteIsTheNextVersionForEveryLaterRead) {
  Start();
  const auto before = server_->snapshots().Get();
  v1::EditResponse response;
  ASSERT_TRUE(SetFlights(1, 5, &response).ok());
  EXPECT_EQ(response.network_version(), 2);
  EXPECT_FALSE(response.replayed());
  EXPECT_EQ(Flights(), 5);
  // A request that took the old snapshot keeps it whole.
  EXPECT_EQ(before->version(), 1);
  EXPECT_EQ(before->route(*before->FindRoute("YVR-SEA-TRUCK")).flights_per_week, 7);
}

TEST_F(EditServiceTest, AStaleExpectedVersionIsAbortedAndChangesNothing) {
  Start();
  v1::EditResponse response;
  ASSERT_TRUE(SetFlights(1, 5, &response).ok());
  const grpc::Status stale = SetFlights(1, 3, &response);
  EXPECT_EQ(stale.error_code(), grpc::StatusCode::ABORTED);
  EXPECT_NE(stale.error_message().find("re-read and retry"), std::string::npos);
  EXPECT_EQ(Flights(), 5);
  EXPECT_EQ(Version(), 2);
}

TEST_F(EditServiceTest, AMissingExpectedVersionIsInvalid) {
  Start();
  v1::EditResponse response;
  const grpc::Status status = SetFlights(0, 5, &response);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_NE(status.error_message().find("write.expected_version"), std::string::npos);
}

TEST_F(EditServiceTest, AnInvalidBatchListsEveryProblemAndAppliesNothing) {
  Start();
  v1::ApplyEditsRequest request;
  request.mutable_write()->set_expected_version(1);
  request.add_edits()->mutable_delete_route()->set_route_id("SHE-ICN-OZ");
  auto* update = request.add_edits()->mutable_update_route();
  update->mutable_route()->set_id("YVR-SEA-TRUCK");
  update->mutable_route()->set_flights_per_week(71);
  update->mutable_update_mask()->add_paths("flights_per_week");
  request.add_edits()->mutable_delete_airport()->set_iata("SEA");
  grpc::ClientContext context;
  v1::EditResponse response;
  const grpc::Status status = edits_->ApplyEdits(&context, request, &response);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_NE(status.error_message().find("edits[1].update_route.route.flights_per_week"),
            std::string::npos)
      << status.error_message();
  EXPECT_NE(status.error_message().find("edits[2].delete_airport.iata"), std::string::npos);
  EXPECT_EQ(Version(), 1);
  EXPECT_TRUE(server_->snapshots().Get()->FindRoute("SHE-ICN-OZ").has_value());
}

TEST_F(EditServiceTest, ARetryWithTheSameRequestIdIsAnsweredOnce) {
  Start();
  v1::EditResponse first;
  ASSERT_TRUE(SetFlights(1, 5, &first, "req-1").ok());
  v1::EditResponse again;
  ASSERT_TRUE(SetFlights(1, 5, &again, "req-1").ok());
  EXPECT_EQ(again.network_version(), first.network_version());
  EXPECT_TRUE(again.replayed());
  EXPECT_EQ(Version(), 2);
  v1::EditResponse other;
  EXPECT_EQ(SetFlights(2, 6, &other, "req-1").error_code(), grpc::StatusCode::INVALID_ARGUMENT);
}

TEST_F(EditServiceTest, AWriteTheStoreCannotKeepIsRefusedAndNothingIsPublished) {
  auto failing = std::make_unique<FailingStore>();
  FailingStore* raw = failing.get();
  Start(std::move(failing));
  v1::EditResponse response;
  const grpc::Status status = SetFlights(1, 5, &response);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::RESOURCE_EXHAUSTED);
  EXPECT_NE(status.error_message().find("disk full"), std::string::npos);
  EXPECT_EQ(raw->appends.load(), 1);
  EXPECT_EQ(Version(), 1);
  EXPECT_EQ(Flights(), 7);
  EXPECT_EQ(server_->feed().head(), 1);
  // A stored scenario the store cannot keep is refused the same way, and is not kept in memory.
  v1::StoredScenario scenario;
  scenario.set_name("kept-nowhere");
  auto made = server_->scenarios().Create(scenario, *server_->snapshots().Get(), "p");
  ASSERT_FALSE(made.ok());
  EXPECT_EQ(made.error().code, routes::ErrorCode::kResourceExhausted);
  EXPECT_FALSE(server_->scenarios().Find("kept-nowhere"));
  EXPECT_EQ(server_->scenarios().head(), 0u);
}

TEST_F(EditServiceTest, WritesNeedAWriteTokenAndTheLogNamesIt) {
  Start(nullptr, Authorizer({{"planner", "write-token-0123456789"}},
                            {{"viewer", "read-token-0123456789"}}, true, false));
  v1::EditResponse response;
  EXPECT_EQ(SetFlights(1, 5, &response).error_code(), grpc::StatusCode::UNAUTHENTICATED);
  EXPECT_EQ(SetFlights(1, 5, &response, "", "wrong-token-0123456789").error_code(),
            grpc::StatusCode::UNAUTHENTICATED);
  const grpc::Status read_only = SetFlights(1, 5, &response, "", "read-token-0123456789");
  EXPECT_EQ(read_only.error_code(), grpc::StatusCode::UNAUTHENTICATED);
  EXPECT_EQ(read_only.error_message().find("read-token"), std::string::npos)
      << "a token never appears in a message";
  EXPECT_EQ(Version(), 1);
  ASSERT_TRUE(SetFlights(1, 5, &response, "", "write-token-0123456789").ok());

  grpc::ClientContext context;
  v1::ListEditsResponse log;
  ASSERT_TRUE(edits_->ListEdits(&context, v1::ListEditsRequest(), &log).ok())
      << "reads stay open without --read-tokens";
  ASSERT_EQ(log.edits_size(), 1);
  EXPECT_EQ(log.edits(0).author(), "planner");
  EXPECT_EQ(log.edits(0).version(), 2);
}

TEST_F(EditServiceTest, ReadsNeedATokenWhenTheServerHasReadTokens) {
  Start(nullptr, Authorizer({{"planner", "write-token-0123456789"}},
                            {{"viewer", "read-token-0123456789"}}, true, true));
  v1::ListEditsResponse log;
  grpc::ClientContext none;
  EXPECT_EQ(edits_->ListEdits(&none, v1::ListEditsRequest(), &log).error_code(),
            grpc::StatusCode::UNAUTHENTICATED);
  grpc::ClientContext viewer;
  viewer.AddMetadata("authorization", "Bearer read-token-0123456789");
  EXPECT_TRUE(edits_->ListEdits(&viewer, v1::ListEditsRequest(), &log).ok());
  // Every read RPC, NetworkService's too.
  v1::GetNetworkResponse network;
  grpc::ClientContext anonymous;
  EXPECT_EQ(network_->GetNetwork(&anonymous, v1::GetNetworkRequest(), &network).error_code(),
            grpc::StatusCode::UNAUTHENTICATED);
  grpc::ClientContext planner;
  planner.AddMetadata("authorization", "Bearer write-token-0123456789");
  EXPECT_TRUE(network_->GetNetwork(&planner, v1::GetNetworkRequest(), &network).ok())
      << "a write token may read";
}

TEST_F(EditServiceTest, ListEditsIsOutOfRangeOnceTheVersionsAreCompacted) {
  Start(nullptr, {}, /*keep_edits=*/2);
  v1::EditResponse response;
  for (int v = 1; v <= 4; ++v) ASSERT_TRUE(SetFlights(v, v, &response).ok());
  v1::ListEditsRequest request;
  request.set_since_version(3);
  v1::ListEditsResponse log;
  grpc::ClientContext ok_context;
  ASSERT_TRUE(edits_->ListEdits(&ok_context, request, &log).ok());
  ASSERT_EQ(log.edits_size(), 2);
  EXPECT_EQ(log.edits(0).version(), 4);
  EXPECT_EQ(log.network_version(), 5);
  EXPECT_EQ(log.oldest_version(), 4);
  request.set_since_version(1);
  grpc::ClientContext old_context;
  EXPECT_EQ(edits_->ListEdits(&old_context, request, &log).error_code(),
            grpc::StatusCode::OUT_OF_RANGE);
}

}  // namespace
}  // namespace aircargo::server
