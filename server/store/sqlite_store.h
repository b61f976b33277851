// SqliteStore: the Store (server/store/store.h) in one SQLite database, through SQLite's C API.
//
// Durability: WAL journal, synchronous=FULL, one transaction per accepted write, so a write is on
// disk (fsync'd) before Append returns and a crash at any moment leaves either the whole write or
// none of it. Tables: `meta` (format, base fingerprint and name), `checkpoints` (version, the whole
// network as a binary aircargo.v1.Network), `edits` (version, time, author, request id, the
// binary EditRecord), `scenarios` (name, version, the binary StoredScenario). Compaction: every
// `checkpoint_every` writes a checkpoint of the whole network is written with the edit, older
// checkpoints are dropped and only the newest `keep_edits` EditRecords are kept (older versions can
// no longer be watched or listed: OUT_OF_RANGE).
//
// Open refuses (kFailedPrecondition, naming the file) a file that is not a SQLite database, fails
// SQLite's quick_check, holds tables that are not an aircargo store or an unknown format, or
// cannot be written. A store of the previous format (aircargo-store-1, without `scenarios`) is
// migrated on open, in one transaction (a read-only open reads it as having no scenarios).
// Thread-safe: every public call holds the store's mutex (one SQLite transaction at a time).
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <string>

#include "server/store/store.h"

struct sqlite3;

namespace aircargo::server::store {

inline constexpr int kDefaultCheckpointEvery = 100;
inline constexpr int kDefaultKeepEdits = 1000;

struct SqliteOptions {
  // Write a checkpoint of the whole network with every Nth write (N >= 1).
  int checkpoint_every = kDefaultCheckpointEvery;
  // EditRecords kept for ListEdits and WatchNetwork; >= checkpoint_every.
  int keep_edits = kDefaultKeepEdits;
  // Fault injection for tests: SQLite's max_page_count (0: unlimited), to simulate a full disk.
  std::int64_t max_page_count = 0;
  // Open for reading only (aircargod --check-store).
  bool read_only = false;
};

class SqliteStore final : public Store {
 public:
  // Opens (creating when absent) the store at `path`; ":memory:" is an in-memory store that lives
  // as long as the object.
  static routes::Result<std::unique_ptr<SqliteStore>> Open(const std::string& path,
                                                           const SqliteOptions& options);
  ~SqliteStore() override;
  SqliteStore(const SqliteStore&) = delete;
  SqliteStore& operator=(const SqliteStore&) = delete;

  std::string Describe() const override;
  routes::Result<std::optional<StoredNetwork>> Load() override;
  routes::Result<bool> Initialize(const v1::Network& base) override;
  routes::Result<bool> Append(const v1::EditRecord& record, const v1::Network* checkpoint) override;
  bool WantsCheckpoint(std::int64_t version) const override;
  routes::Result<std::vector<v1::EditRecord>> ListEdits(std::int64_t since_version,
                                                        int limit) override;
  routes::Result<std::int64_t> OldestKeptVersion() override;
  routes::Result<std::vector<v1::StoredScenario>> LoadScenarios() override;
  routes::Result<bool> PutScenario(const v1::StoredScenario& scenario) override;
  routes::Result<bool> DeleteScenario(const std::string& name) override;

  // SQLite's full integrity_check ("ok", or the problems it lists).
  routes::Result<std::string> IntegrityCheck();
  const SqliteOptions& options() const { return options_; }

 private:
  SqliteStore(std::string path, sqlite3* db, const SqliteOptions& options)
      : path_(std::move(path)), db_(db), options_(options) {}

  // The error of the last failed SQLite call, mapped to a code; `what` says what was being done.
  routes::Error Failure(const std::string& what) const;
  routes::Result<bool> Exec(const std::string& sql);

  std::string path_;
  sqlite3* db_ = nullptr;
  SqliteOptions options_;
  bool has_scenarios_ = true;  // false: a read-only store of the previous format
  mutable std::recursive_mutex mutex_;
};

}  // namespace aircargo::server::store
