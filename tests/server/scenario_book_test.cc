// Stored scenarios without a server: the name rules, the merge of a stored overlay with a
// request's inline one, the list of every problem of a stale overlay, the book's writes (versions,
// ALREADY_EXISTS, ABORTED, limits), durability in a SQLite file, the migration of a store of the
// previous format, and the resolution of names in planning requests and in GetNetwork.
#include "server/scenario_book.h"

#include <grpcpp/client_context.h>
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <unistd.h>

#include <filesystem>
#include <string>

#include "formats/network_edits.h"
#include "formats/network_proto.h"
#include "formats/scenario_proto.h"
#include "formats/stored_scenario.h"
#include "server/durable_network.h"
#include "server/server.h"
#include "server/store/sqlite_store.h"
#include "tests/server/test_network.h"

namespace aircargo::server {
namespace {

namespace fs = std::filesystem;

const std::chrono::year_month_day kToday{std::chrono::year{2025}, std::chrono::June,
                                         std::chrono::day{1}};

v1::StoredScenario Named(const std::string& name, v1::Scenario overlay = {}) {
  v1::StoredScenario s;
  s.set_name(name);
  *s.mutable_overlay() = std::move(overlay);
  return s;
}

TEST(ScenarioName, DocumentedCharacterSetAndLengthAndBuiltins) {
  EXPECT_TRUE(formats::CheckScenarioName("plan-2025_v1.2", "f").ok());
  EXPECT_TRUE(formats::CheckScenarioName(std::string(64, 'a'), "f").ok());
  const std::vector<std::string> bad_names = {
      "", std::string(65, 'a'), "a b", "a/b", "\xc3\xa9", "today", "today-with-planned"};
  for (const std::string& bad : bad_names) {
    const auto ok = formats::CheckScenarioName(bad, "scenario.name");
    ASSERT_FALSE(ok.ok()) << bad;
    EXPECT_EQ(ok.error().code, routes::ErrorCode::kInvalidArgument);
    EXPECT_EQ(ok.error().field, "scenario.name");
  }
  EXPECT_TRUE(formats::BuiltinScenario("today-with-planned")->include_planned());
  EXPECT_EQ(formats::BuiltinScenario("today")->ByteSizeLong(), 0u);
  EXPECT_FALSE(formats::BuiltinScenario("plan"));
}

TEST(MergeScenarios, ClosuresUnionFactorsInlineWinsExtrasAppendedAsOfInlineWhenSet) {
  v1::Scenario stored;
  stored.set_as_of("2025-01-01");
  stored.set_include_planned(true);
  stored.add_closed_airports("PEK");
  stored.add_closed_routes("A");
  stored.add_excluded_carriers("CZ");
  auto* f = stored.add_capacity_factors();
  f->set_route_id("R1");
  f->set_factor(3);
  stored.add_extra_routes()->set_id("X1");
  v1::Scenario added;
  added.add_closed_airports("PEK");
  added.add_closed_airports("ICN");
  added.add_closed_routes("B");
  auto* g = added.add_capacity_factors();
  g->set_route_id("R1");
  g->set_factor(2);
  auto* h = added.add_capacity_factors();
  h->set_route_id("R2");
  h->set_factor(0.5);
  added.add_extra_routes()->set_id("X2");
  added.set_name("ignored");

  v1::Scenario merged = formats::MergeScenarios(stored, added);
  EXPECT_EQ(merged.name(), "");
  EXPECT_EQ(merged.as_of(), "2025-01-01");  // inline empty: stored kept
  EXPECT_TRUE(merged.include_planned());
  ASSERT_EQ(merged.closed_airports_size(), 2);
  EXPECT_EQ(merged.closed_airports(1), "ICN");
  ASSERT_EQ(merged.closed_routes_size(), 2);
  ASSERT_EQ(merged.capacity_factors_size(), 2);
  EXPECT_EQ(merged.capacity_factors(0).factor(), 2);  // inline wins for R1
  EXPECT_EQ(merged.capacity_factors(1).route_id(), "R2");
  ASSERT_EQ(merged.extra_routes_size(), 2);
  EXPECT_EQ(merged.extra_routes(1).id(), "X2");
  added.set_as_of("2026-02-02");
  EXPECT_EQ(formats::MergeScenarios(stored, added).as_of(), "2026-02-02");
}

TEST(ScenarioProblems, ListsEveryProblemWithItsOwnIndex) {
  const auto network = testing::TestNetwork();
  v1::Scenario overlay;
  overlay.add_closed_routes("SHE-YVR-W8");  // fine
  overlay.add_closed_routes("GONE-1");
  overlay.add_closed_airports("ZZZ");
  auto* factor = overlay.add_capacity_factors();
  factor->set_route_id("GONE-2");
  factor->set_factor(2);
  v1::Route* extra = overlay.add_extra_routes();
  *extra = formats::ToProto(*network, network->routes()[0]);  // its id is taken
  EXPECT_TRUE(formats::ScenarioProblems(v1::Scenario(), *network, kToday).empty());
  const auto problems = formats::ScenarioProblems(overlay, *network, kToday);
  ASSERT_EQ(problems.size(), 4u);
  EXPECT_EQ(problems[0].field, "scenario.closed_airports[0]");
  EXPECT_EQ(problems[1].field, "scenario.closed_routes[1]");
  EXPECT_EQ(problems[2].field, "scenario.extra_routes[0].id");
  EXPECT_EQ(problems[3].field, "scenario.capacity_factors[0].route_id");
}

class BookTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto opened = store::SqliteStore::Open(":memory:", {});
    ASSERT_TRUE(opened.ok());
    store_ = std::move(opened).value();
  }
  std::unique_ptr<store::SqliteStore> store_;
  std::shared_ptr<const routes::Network> network_ = testing::TestNetwork();
};

TEST_F(BookTest, CreateUpdateDeleteWithVersionsConflictsAndLimits) {
  ScenarioBook book(*store_, {});
  v1::Scenario overlay;
  overlay.add_closed_airports("ICN");
  auto made = book.Create(Named("a", overlay), *network_, "planner");
  ASSERT_TRUE(made.ok()) << made.error().ToString();
  EXPECT_EQ(made->version(), 1);
  EXPECT_EQ(made->updated_by(), "planner");
  EXPECT_GT(made->updated_time().seconds(), 0);
  auto again = book.Create(Named("a"), *network_, "planner");
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().code, routes::ErrorCode::kAlreadyExists);

  auto stale = book.Update(Named("a"), 2, *network_, "p");
  ASSERT_FALSE(stale.ok());
  EXPECT_EQ(stale.error().code, routes::ErrorCode::kAborted);
  EXPECT_EQ(book.Find("a")->overlay().closed_airports_size(), 1);  // nothing changed
  auto updated = book.Update(Named("a"), 1, *network_, "p");
  ASSERT_TRUE(updated.ok());
  EXPECT_EQ(updated->version(), 2);
  EXPECT_EQ(book.Update(Named("b"), 1, *network_, "p").error().code, routes::ErrorCode::kNotFound);
  EXPECT_EQ(book.Update(Named("a"), 0, *network_, "p").error().field, "expected_version");

  v1::Scenario bad;
  bad.add_closed_routes("NOPE");
  auto invalid = book.Create(Named("c", bad), *network_, "p");
  ASSERT_FALSE(invalid.ok());
  EXPECT_EQ(invalid.error().code, routes::ErrorCode::kNotFound);
  EXPECT_EQ(invalid.error().field, "scenario.overlay.closed_routes[0]");
  v1::Scenario nested;
  nested.set_name("a");
  EXPECT_EQ(book.Create(Named("d", nested), *network_, "p").error().field, "scenario.overlay.name");
  v1::StoredScenario long_description = Named("e");
  long_description.set_description(std::string(formats::kMaxScenarioDescriptionLength + 1, 'x'));
  EXPECT_EQ(book.Create(long_description, *network_, "p").error().field, "scenario.description");
  v1::Scenario huge;
  for (int i = 0; i < 10'000; ++i) huge.add_excluded_carriers(std::string(30, 'C'));
  EXPECT_EQ(book.Create(Named("f", huge), *network_, "p").error().code,
            routes::ErrorCode::kResourceExhausted);

  EXPECT_EQ(book.Delete("a", 1).error().code, routes::ErrorCode::kAborted);
  EXPECT_EQ(*book.Delete("a", 2), 2);
  EXPECT_EQ(book.Delete("a", 0).error().code, routes::ErrorCode::kNotFound);
  EXPECT_TRUE(store_->LoadScenarios()->empty());
  EXPECT_EQ(book.head(), 3u);  // created, updated, deleted
  std::uint64_t newest = 0;
  auto changes = book.ChangesAfter(0, std::chrono::milliseconds(0), &newest);
  ASSERT_TRUE(changes.ok());
  ASSERT_EQ(changes->size(), 3u);
  EXPECT_EQ((*changes)[2].kind(), v1::SCENARIO_CHANGE_KIND_DELETED);
}

TEST_F(BookTest, AtMostTheLimitOfScenarios) {
  ScenarioBook book(*store_, {});
  for (std::size_t i = 0; i < kMaxStoredScenarios; ++i) {
    ASSERT_TRUE(book.Create(Named("s" + std::to_string(i)), *network_, "p").ok());
  }
  auto over = book.Create(Named("one-more"), *network_, "p");
  ASSERT_FALSE(over.ok());
  EXPECT_EQ(over.error().code, routes::ErrorCode::kResourceExhausted);
}

TEST_F(BookTest, ResolveMergesTheStoredOverlayAndFlagsStaleOnes) {
  ScenarioBook book(*store_, {});
  v1::Scenario overlay;
  overlay.add_closed_routes("SHE-YVR-W8");
  ASSERT_TRUE(book.Create(Named("closed", overlay), *network_, "p").ok());
  v1::Scenario request;
  request.set_name("closed");
  request.add_closed_airports("ICN");
  auto resolved = ResolveScenario(&book, request, *network_, kToday);
  ASSERT_TRUE(resolved.ok()) << resolved.error().ToString();
  EXPECT_EQ(resolved->ref->name(), "closed");
  EXPECT_EQ(resolved->ref->version(), 1);
  EXPECT_EQ(resolved->overlay.closed_routes(0), "SHE-YVR-W8");
  EXPECT_EQ(resolved->overlay.closed_airports(0), "ICN");

  request.set_name("nope");
  EXPECT_EQ(ResolveScenario(&book, request, *network_, kToday).error().field, "scenario.name");
  EXPECT_EQ(ResolveScenario(nullptr, request, *network_, kToday).error().code,
            routes::ErrorCode::kNotFound);
  request.set_name("today-with-planned");
  auto builtin = ResolveScenario(nullptr, request, *network_, kToday);
  ASSERT_TRUE(builtin.ok());
  EXPECT_TRUE(builtin->overlay.include_planned());
  EXPECT_EQ(builtin->ref->version(), 0);
  // An inline error keeps its own field path, even on top of a stored overlay.
  request.set_name("closed");
  request.add_closed_routes("NOPE");
  EXPECT_EQ(ResolveScenario(&book, request, *network_, kToday).error().field,
            "scenario.closed_routes[0]");

  // Delete the closed route from the network: the scenario is stale.
  google::protobuf::RepeatedPtrField<v1::NetworkEdit> edits;
  edits.Add()->mutable_delete_route()->set_route_id("SHE-YVR-W8");
  auto edited = formats::ApplyNetworkEdits(formats::ToProto(*network_), edits,
                                           formats::EditPaths(edits, true), 2);
  ASSERT_TRUE(edited.ok()) << edited.error().ToString();
  v1::Scenario plain;
  plain.set_name("closed");
  auto refused = ResolveScenario(&book, plain, **edited, kToday);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, routes::ErrorCode::kFailedPrecondition);
  ASSERT_EQ(refused.error().violations.size(), 1u);
  EXPECT_EQ(refused.error().violations[0].field, "scenario.closed_routes[0]");
  const auto listed = book.List(**edited, kToday);
  ASSERT_EQ(listed.size(), 1u);
  ASSERT_EQ(listed[0].problems_size(), 1);
  EXPECT_EQ(listed[0].problems(0), "scenario.closed_routes[0]: route \"SHE-YVR-W8\" not found");
  EXPECT_EQ(book.List(*network_, kToday)[0].problems_size(), 0);
}

class StoreFileTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("aircargo_scenario_store_" + std::to_string(getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    path_ = (dir_ / "store.sqlite").string();
  }
  void TearDown() override { fs::remove_all(dir_); }
  fs::path dir_;
  std::string path_;
};

TEST_F(StoreFileTest, ScenariosSurviveReopeningAndAreRestoredWithTheNetwork) {
  const auto network = testing::TestNetwork();
  {
    auto store = store::SqliteStore::Open(path_, {});
    ASSERT_TRUE(store.ok());
    ASSERT_TRUE(RestoreNetwork(**store, network, false).ok());
    ScenarioBook book(**store, {});
    ASSERT_TRUE(book.Create(Named("kept"), *network, "p").ok());
    ASSERT_TRUE(book.Update(Named("kept"), 1, *network, "q").ok());
  }
  auto store = store::SqliteStore::Open(path_, {});
  ASSERT_TRUE(store.ok());
  auto restored = RestoreNetwork(**store, network, false);
  ASSERT_TRUE(restored.ok());
  ASSERT_EQ(restored->scenarios.size(), 1u);
  EXPECT_EQ(restored->scenarios[0].version(), 2);
  EXPECT_EQ(restored->scenarios[0].updated_by(), "q");
}

TEST_F(StoreFileTest, AStoreOfThePreviousFormatIsMigratedKeepingItsNetwork) {
  const auto network = testing::TestNetwork();
  {
    auto store = store::SqliteStore::Open(path_, {});
    ASSERT_TRUE(store.ok());
    ASSERT_TRUE(RestoreNetwork(**store, network, false).ok());
  }
  // Make it a format-1 store: no scenarios table, the old format name.
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path_.c_str(), &db), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(db,
                         "DROP TABLE scenarios; UPDATE meta SET value='aircargo-store-1' "
                         "WHERE key='format';",
                         nullptr, nullptr, nullptr),
            SQLITE_OK);
  sqlite3_close(db);
  {
    store::SqliteOptions read_only;
    read_only.read_only = true;
    auto old = store::SqliteStore::Open(path_, read_only);
    ASSERT_TRUE(old.ok()) << old.error().ToString();
    EXPECT_TRUE((*old)->LoadScenarios()->empty());
  }
  auto store = store::SqliteStore::Open(path_, {});
  ASSERT_TRUE(store.ok()) << store.error().ToString();
  auto restored = RestoreNetwork(**store, network, false);
  ASSERT_TRUE(restored.ok()) << restored.error().ToString();
  EXPECT_FALSE(restored->created);
  ScenarioBook book(**store, {});
  ASSERT_TRUE(book.Create(Named("after-migration"), *network, "p").ok());
  EXPECT_EQ((*store)->LoadScenarios()->size(), 1u);
}

// GetNetwork's scenario view resolves names like the planning RPCs (one resolution function).
TEST(ScenarioInGetNetwork, AStoredScenarioNamedInGetNetworkIsApplied) {
  std::string error;
  auto server =
      Server::Start(testing::TestNetwork(), ServerOptions{.listen = "", .threads = 1}, &error);
  ASSERT_NE(server, nullptr) << error;
  v1::Scenario overlay;
  overlay.add_closed_routes("SHE-YVR-W8");
  ASSERT_TRUE(
      server->scenarios().Create(Named("closed", overlay), *server->snapshots().Get(), "p").ok());
  auto stub = v1::NetworkService::NewStub(server->grpc_server().InProcessChannel({}));
  v1::GetNetworkRequest request;
  request.mutable_scenario()->set_name("closed");
  v1::GetNetworkResponse response;
  grpc::ClientContext context;
  ASSERT_TRUE(stub->GetNetwork(&context, request, &response).ok());
  for (const auto& route : response.scenario_network().routes()) {
    EXPECT_NE(route.route().id(), "SHE-YVR-W8");
  }
  request.mutable_scenario()->set_name("unknown");
  grpc::ClientContext again;
  const grpc::Status status = stub->GetNetwork(&again, request, &response);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::NOT_FOUND);
  EXPECT_EQ(status.error_message(), "scenario.name: no stored scenario \"unknown\"");
}

}  // namespace
}  // namespace aircargo::server
