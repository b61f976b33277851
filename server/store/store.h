// Store: where aircargod keeps the network it serves durably: the base network it started from,
// a checkpoint of the whole network every N accepted writes, and the edit log (every accepted write
// as an EditRecord: version, time, author, request id and the edits). The server restores the
// newest checkpoint and replays the edits after it, so a restart comes back to exactly the last
// acknowledged version. The core never sees a store; the implementations are SQLite
// (server/store/sqlite_store.h, in a file or in memory, for one server) and PostgreSQL
// (server/store/postgres_store.h, shared by replicas). It also keeps the stored (named) scenarios
// (server/scenario_book.h), one record per name, apart from the network and its versions.
//
// Errors are routes::Error values: kResourceExhausted when the disk or the store's size limit is
// full, kFailedPrecondition for a store that cannot be written (read-only), kUnavailable when the
// database is locked, kInternal for any other I/O failure, each naming the store. A failed call
// leaves the store as it was before the call (one transaction each). Thread-safe: the network's
// writer (server/network_editor.h) and the scenarios' (server/scenario_book.h) share it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "aircargo/v1/edits.pb.h"
#include "aircargo/v1/network.pb.h"
#include "aircargo/v1/scenario_service.pb.h"
#include "routes/result.h"

namespace aircargo::server::store {

// What a store that has been used holds.
struct StoredNetwork {
  std::uint64_t base_fingerprint = 0;  // of the base network (NetworkFingerprint)
  std::string base_name;
  v1::Network checkpoint;                // the whole network at its version
  std::vector<v1::EditRecord> edits;     // the writes after the checkpoint, in version order
  std::int64_t oldest_kept_version = 0;  // the oldest version whose EditRecord is kept; 0: none
};

// A stable 64-bit fingerprint of a network message (FNV-1a over its deterministic serialisation),
// to recognise the base a store was made from.
std::uint64_t NetworkFingerprint(const v1::Network& network);

class Store {
 public:
  virtual ~Store() = default;

  // Where the store lives, for messages and the start-up line ("/var/lib/x.sqlite", "memory").
  virtual std::string Describe() const = 0;

  // What the store holds; nullopt for a store never initialised.
  virtual routes::Result<std::optional<StoredNetwork>> Load() = 0;

  // Empties the store and makes `base` its base network (and first checkpoint).
  virtual routes::Result<bool> Initialize(const v1::Network& base) = 0;

  // Appends one accepted write; durable on disk when it returns ok. With `checkpoint` (the whole
  // network at record.version) it also stores a checkpoint and drops what compaction allows.
  virtual routes::Result<bool> Append(const v1::EditRecord& record,
                                      const v1::Network* checkpoint) = 0;

  // Whether the write that makes `version` should carry a checkpoint of the whole network.
  virtual bool WantsCheckpoint(std::int64_t version) const = 0;

  // Up to `limit` kept EditRecords with version > since_version, oldest first.
  virtual routes::Result<std::vector<v1::EditRecord>> ListEdits(std::int64_t since_version,
                                                                int limit) = 0;
  // The oldest version whose EditRecord is kept (0 when none is).
  virtual routes::Result<std::int64_t> OldestKeptVersion() = 0;

  // Every stored scenario, by name.
  virtual routes::Result<std::vector<v1::StoredScenario>> LoadScenarios() = 0;
  // Stores `scenario` under its name (replacing the record of that name); durable when ok.
  virtual routes::Result<bool> PutScenario(const v1::StoredScenario& scenario) = 0;
  // Removes the scenario of that name (nothing when there is none); durable when ok.
  virtual routes::Result<bool> DeleteScenario(const std::string& name) = 0;

  // Whether other servers write to this store too (PostgreSQL replicas): then a write may find
  // its version taken (Append answers kAborted) and the server must catch up with the store.
  virtual bool Shared() const { return false; }
  // The newest version the store holds (its head): the last edit's, or the checkpoint's.
  virtual routes::Result<std::int64_t> HeadVersion() {
    return routes::MakeError(routes::ErrorCode::kFailedPrecondition, "store",
                             Describe() + ": not a shared store");
  }
};

}  // namespace aircargo::server::store
