// PostgresStore: the Store (server/store/store.h) in a PostgreSQL database that several aircargod
// replicas share (`aircargod --store postgresql://...`; docs/adr/0010-postgresql-replicas.md).
//
// Tables (created on first open, under an advisory lock so replicas starting together create them
// once): aircargo_meta (format, schema version, base fingerprint and name), aircargo_head (the one
// row holding the newest version), aircargo_checkpoints, aircargo_edits, aircargo_scenarios, as in
// the SQLite store. Versions stay totally ordered across replicas: Append advances the head from
// record.version - 1 to record.version in the same transaction as the edit, so of two replicas
// writing the same version exactly one commits; the other gets kAborted ("written by another
// replica") and must catch up (NetworkEditor::CatchUp). Every committed edit sends NOTIFY
// aircargo_edits (payload: the version) and every scenario write NOTIFY aircargo_scenarios, which
// PostgresListener (server/store/postgres_listener.h) turns into catch-ups on every replica.
//
// Durability: PostgreSQL's (a commit returns once its WAL is flushed, with the server's default
// synchronous_commit). Errors as PgConnection maps them: kUnavailable while PostgreSQL is
// unreachable (reads keep being answered from the last snapshot by the server; writes fail), a
// store of another format or a newer schema version is refused (kFailedPrecondition).
// Thread-safe: one connection, every public call holds the store's mutex.
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <string>

#include "server/store/pg_connection.h"
#include "server/store/store.h"

namespace aircargo::server::store {

struct PostgresOptions {
  // Write a checkpoint of the whole network with every Nth write (N >= 1).
  int checkpoint_every = 100;
  // EditRecords kept for ListEdits, WatchNetwork and replicas that fall behind; >=
  // checkpoint_every.
  int keep_edits = 1000;
};

class PostgresStore final : public Store {
 public:
  // Connects to `url` (postgresql://user@host:port/db), creating or checking the schema.
  static routes::Result<std::unique_ptr<PostgresStore>> Open(const std::string& url,
                                                             const PostgresOptions& options);

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
  bool Shared() const override { return true; }
  routes::Result<std::int64_t> HeadVersion() override;

  const std::string& url() const { return url_; }

 private:
  PostgresStore(std::string url, std::unique_ptr<PgConnection> connection,
                const PostgresOptions& options)
      : url_(std::move(url)), connection_(std::move(connection)), options_(options) {}

  // Re-establishes a broken connection; kUnavailable when PostgreSQL cannot be reached.
  routes::Result<bool> Connected();
  // Runs `sql` (no parameters); the mapped error on failure.
  routes::Result<bool> Run(const std::string& sql, const std::string& what);
  routes::Result<bool> CreateOrCheckSchema();

  std::string url_;
  std::unique_ptr<PgConnection> connection_;
  PostgresOptions options_;
  mutable std::mutex mutex_;
};

}  // namespace aircargo::server::store
