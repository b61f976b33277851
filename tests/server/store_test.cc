// The SQLite store: restart restores exactly the acknowledged version (checkpoint + replayed log),
// compaction, and every fault refuses clearly: a file that is not SQLite, another program's
// database, corrupted pages, another base network, a full disk (max_page_count), a read-only
// store, and a second holder of the lock.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include "formats/network_edits.h"
#include "formats/network_proto.h"
#include "server/durable_network.h"
#include "server/store/sqlite_store.h"
#include "server/store/store_lock.h"
#include "tests/server/test_network.h"

namespace aircargo::server::store {
namespace {

namespace fs = std::filesystem;

class StoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("aircargo_store_test_" + std::to_string(getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    path_ = (dir_ / "store.sqlite").string();
  }
  void TearDown() override { fs::remove_all(dir_); }

  // Opens the store, restores it and writes `count` edits (flights of YVR-SEA-TRUCK = 1, 2, ...)
  // the way the server does: the new network, then the record (and a checkpoint when due).
  std::shared_ptr<const routes::Network> WriteEdits(SqliteStore& store, int count) {
    auto restored = RestoreNetwork(store, testing::TestNetwork(), false);
    EXPECT_TRUE(restored.ok()) << restored.error().ToString();
    auto network = restored->network;
    for (int i = 0; i < count; ++i) {
      auto record = Edit(network->version() + 1, 1 + (network->version() % 70));
      if (big_edits_) {  // ~3 KB each, so a small page limit fills after a few edits
        auto* update = record.mutable_edits(0)->mutable_update_route();
        update->mutable_route()->set_source(std::string(3000, 'a' + record.version() % 26));
        update->mutable_update_mask()->add_paths("source");
      }
      auto next = formats::ApplyNetworkEdits(
          *network, record.edits(), formats::EditPaths(record.edits(), true), record.version());
      EXPECT_TRUE(next.ok());
      v1::Network checkpoint = formats::ToProto(**next);
      auto stored =
          store.Append(record, store.WantsCheckpoint(record.version()) ? &checkpoint : nullptr);
      if (!stored.ok()) {
        last_error_ = stored.error();
        return network;
      }
      network = *next;
    }
    return network;
  }

  static v1::EditRecord Edit(std::int64_t version, int flights) {
    v1::EditRecord record;
    record.set_version(version);
    record.set_author("test");
    auto* update = record.add_edits()->mutable_update_route();
    update->mutable_route()->set_id("YVR-SEA-TRUCK");
    update->mutable_route()->set_flights_per_week(flights);
    update->mutable_update_mask()->add_paths("flights_per_week");
    return record;
  }

  static std::unique_ptr<SqliteStore> Open(const std::string& path, SqliteOptions options = {}) {
    auto store = SqliteStore::Open(path, options);
    EXPECT_TRUE(store.ok()) << store.error().ToString();
    return store.ok() ? std::move(store).value() : nullptr;
  }

  fs::path dir_;
  std::string path_;
  routes::Error last_error_;
  bool big_edits_ = false;
};

TEST_F(StoreTest, RestartRestoresExactlyTheLastWrittenVersion) {
  SqliteOptions options;
  options.checkpoint_every = 4;
  options.keep_edits = 6;
  std::shared_ptr<const routes::Network> written;
  {
    auto store = Open(path_, options);
    written = WriteEdits(*store, 10);
    EXPECT_EQ(written->version(), 11);
  }
  auto store = Open(path_, options);
  auto restored = RestoreNetwork(*store, testing::TestNetwork(), false);
  ASSERT_TRUE(restored.ok()) << restored.error().ToString();
  EXPECT_FALSE(restored->created);
  EXPECT_EQ(restored->network->version(), 11);
  EXPECT_EQ(restored->replayed, 3u) << "checkpoint at version 8, then 9, 10, 11";
  const v1::Network a = formats::ToProto(*restored->network);
  const v1::Network b = formats::ToProto(*written);
  EXPECT_EQ(a.SerializeAsString(), b.SerializeAsString());
  // Compaction runs with each checkpoint: at version 8 it dropped the records older than the
  // newest 6 (versions 2 and 3... up to 8 - 6 = 2), so versions 3..11 are kept (at least 6).
  ASSERT_EQ(restored->recent.size(), 9u);
  EXPECT_EQ(restored->recent.front().version(), 3);
  EXPECT_EQ(restored->oldest_kept_version, 3);
}

TEST_F(StoreTest, AStoreOfAnotherBaseRefusesUnlessReplaced) {
  {
    auto store = Open(path_);
    WriteEdits(*store, 2);
  }
  v1::Network other = formats::ToProto(*testing::TestNetwork());
  other.set_name("another network");
  auto other_network = formats::BuildNetwork(other);
  ASSERT_TRUE(other_network.ok());
  auto store = Open(path_);
  auto refused = RestoreNetwork(*store, *other_network, false);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, routes::ErrorCode::kFailedPrecondition);
  EXPECT_NE(refused.error().message.find("--replace-store"), std::string::npos);
  EXPECT_NE(refused.error().message.find("test network"), std::string::npos);
  auto replaced = RestoreNetwork(*store, *other_network, true);
  ASSERT_TRUE(replaced.ok());
  EXPECT_TRUE(replaced->created);
  EXPECT_EQ(replaced->network->name(), "another network");
}

TEST_F(StoreTest, AFileThatIsNotSqliteRefusesToOpen) {
  std::ofstream(path_) << "name: \"a network file, not a store\"\n" << std::string(5000, 'x');
  const auto size = fs::file_size(path_);
  auto store = SqliteStore::Open(path_, {});
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.error().code, routes::ErrorCode::kFailedPrecondition);
  EXPECT_NE(store.error().message.find("not a readable SQLite database"), std::string::npos)
      << store.error().message;
  // Nothing was overwritten.
  EXPECT_EQ(fs::file_size(path_), size);
}

TEST_F(StoreTest, ASqliteDatabaseOfAnotherProgramRefusesToOpen) {
  { auto store = Open(path_); }
  // Rename our tables away: the file is now "someone else's" database.
  {
    std::string cmd = "sqlite3 '" + path_ + "' 'DROP TABLE edits; CREATE TABLE users(id);'";
    ASSERT_EQ(std::system(cmd.c_str()), 0);
  }
  auto store = SqliteStore::Open(path_, {});
  ASSERT_FALSE(store.ok());
  EXPECT_NE(store.error().message.find("not an aircargo store"), std::string::npos)
      << store.error().message;
}

TEST_F(StoreTest, CorruptedPagesInACopyRefuseToStartAndTheOriginalStillOpens) {
  {
    auto store = Open(path_);
    WriteEdits(*store, 30);
  }
  const std::string copy = (dir_ / "copy.sqlite").string();
  fs::copy_file(path_, copy);
  {
    std::fstream f(copy, std::ios::in | std::ios::out | std::ios::binary);
    const auto size = static_cast<std::streamoff>(fs::file_size(copy));
    ASSERT_GT(size, 3 * 4096);
    // Flip bytes across every page after the first (headers, cells and payloads).
    for (std::streamoff at = 4096 + 17; at < size; at += 97) {
      f.seekg(at);
      char c = 0;
      f.get(c);
      f.seekp(at);
      f.put(static_cast<char>(c ^ 0x5a));
    }
  }
  auto damaged = SqliteStore::Open(copy, {});
  bool refused = !damaged.ok();
  if (damaged.ok()) {
    auto restored = RestoreNetwork(**damaged, testing::TestNetwork(), false);
    refused = !restored.ok();
  }
  EXPECT_TRUE(refused) << "a corrupted store must never start";
  if (!damaged.ok()) {
    EXPECT_EQ(damaged.error().code, routes::ErrorCode::kFailedPrecondition);
  }
  auto original = Open(path_);
  auto restored = RestoreNetwork(*original, testing::TestNetwork(), false);
  ASSERT_TRUE(restored.ok());
  EXPECT_EQ(restored->network->version(), 31);
}

TEST_F(StoreTest, AFullDiskFailsTheWriteClearlyAndLosesNothingAcknowledged) {
  std::int64_t acknowledged = 0;
  {
    SqliteOptions options;
    options.max_page_count = 24;  // a few pages past the base network: fills after some edits
    auto store = Open(path_, options);
    big_edits_ = true;
    auto network = WriteEdits(*store, 500);
    acknowledged = network->version();
    ASSERT_EQ(last_error_.code, routes::ErrorCode::kResourceExhausted) << last_error_.ToString();
    EXPECT_NE(last_error_.message.find("full"), std::string::npos) << last_error_.message;
    EXPECT_GT(acknowledged, 1);
    EXPECT_LT(acknowledged, 501);
  }
  auto store = Open(path_);
  auto restored = RestoreNetwork(*store, testing::TestNetwork(), false);
  ASSERT_TRUE(restored.ok()) << restored.error().ToString();
  EXPECT_EQ(restored->network->version(), acknowledged);
}

TEST_F(StoreTest, AReadOnlyStoreFailsTheWriteAndStartUpRefusesIt) {
  {
    auto store = Open(path_);
    WriteEdits(*store, 1);
  }
  SqliteOptions read_only;
  read_only.read_only = true;
  auto store = Open(path_, read_only);
  const auto failed = store->Append(Edit(3, 3), nullptr);
  ASSERT_FALSE(failed.ok());
  EXPECT_EQ(failed.error().code, routes::ErrorCode::kFailedPrecondition);
  EXPECT_NE(failed.error().message.find("cannot be written"), std::string::npos);
  // Root writes through file permissions; security_integration_test runs the server as nobody.
  if (geteuid() != 0) {
    fs::permissions(path_, fs::perms::owner_read);
    auto refused = SqliteStore::Open(path_, {});
    EXPECT_FALSE(refused.ok());
  }
}

TEST_F(StoreTest, ASecondHolderOfTheLockIsRefusedWithTheHoldersName) {
  auto first = StoreLock::Acquire(path_, "pid 1, 127.0.0.1:50051");
  ASSERT_TRUE(first.ok());
  // flock locks belong to open file descriptions: a second open in this process conflicts too.
  auto second = StoreLock::Acquire(path_, "pid 2");
  ASSERT_FALSE(second.ok());
  EXPECT_NE(second.error().message.find("pid 1, 127.0.0.1:50051"), std::string::npos)
      << second.error().message;
  first = routes::Error{};
  EXPECT_TRUE(StoreLock::Acquire(path_, "pid 3").ok()) << "released with its holder";
}

}  // namespace
}  // namespace aircargo::server::store
