#include "server/store/postgres_store.h"

#include <cstdio>
#include <utility>

namespace aircargo::server::store {
namespace {

constexpr char kFormat[] = "aircargo-store-pg";
constexpr int kSchemaVersion = 1;
// pg_advisory_xact_lock key: "aircargo" schema creation and initialisation, one replica at a time.
constexpr long long kSchemaLock = 0x61697263617267;

constexpr char kSchema[] = R"sql(
CREATE TABLE aircargo_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE aircargo_head (id INTEGER PRIMARY KEY CHECK (id = 1), version BIGINT NOT NULL);
CREATE TABLE aircargo_checkpoints (version BIGINT PRIMARY KEY, network BYTEA NOT NULL);
CREATE TABLE aircargo_edits (
  version BIGINT PRIMARY KEY,
  time_unix_micros BIGINT NOT NULL,
  author TEXT NOT NULL,
  request_id TEXT NOT NULL,
  record BYTEA NOT NULL);
CREATE TABLE aircargo_scenarios (name TEXT PRIMARY KEY, version BIGINT NOT NULL,
                                 record BYTEA NOT NULL);
)sql";

std::string HexFingerprint(std::uint64_t fingerprint) {
  char text[17];
  std::snprintf(text, sizeof(text), "%016llx", static_cast<unsigned long long>(fingerprint));
  return text;
}

}  // namespace

routes::Result<std::unique_ptr<PostgresStore>> PostgresStore::Open(const std::string& url,
                                                                   const PostgresOptions& options) {
  if (options.checkpoint_every < 1 || options.keep_edits < options.checkpoint_every) {
    return routes::InvalidArgument("store", "checkpoint_every must be >= 1 and keep_edits >= it");
  }
  auto connection = PgConnection::Connect(url, RedactPassword(url));
  if (!connection.ok()) return connection.error();
  std::unique_ptr<PostgresStore> store(
      new PostgresStore(url, std::move(connection).value(), options));
  if (auto ok = store->CreateOrCheckSchema(); !ok.ok()) return ok.error();
  return store;
}

std::string PostgresStore::Describe() const { return connection_->describe(); }

routes::Result<bool> PostgresStore::Connected() {
  if (connection_->EnsureConnected()) return true;
  return connection_->Failure(PgResult(), "cannot reconnect");
}

routes::Result<bool> PostgresStore::Run(const std::string& sql, const std::string& what) {
  PgResult result = connection_->ExecScript(sql);
  if (!result.ok()) return connection_->Failure(result, what);
  return true;
}

routes::Result<bool> PostgresStore::CreateOrCheckSchema() {
  std::lock_guard lock(mutex_);
  const auto refuse = [&](const std::string& why) {
    connection_->ExecScript("ROLLBACK");
    return routes::MakeError(routes::ErrorCode::kFailedPrecondition, "store",
                             Describe() + ": " + why);
  };
  if (auto ok = Run("BEGIN", "cannot begin"); !ok.ok()) return ok;
  if (PgResult locked =
          connection_->Exec("SELECT pg_advisory_xact_lock($1)", {PgParam::Int(kSchemaLock)});
      !locked.ok()) {
    routes::Error error = connection_->Failure(locked, "cannot lock the schema");
    connection_->ExecScript("ROLLBACK");
    return error;
  }
  PgResult exists = connection_->Exec("SELECT to_regclass('aircargo_meta') IS NOT NULL");
  if (!exists.ok()) {
    routes::Error error = connection_->Failure(exists, "cannot read the catalog");
    connection_->ExecScript("ROLLBACK");
    return error;
  }
  if (exists.Text(0, 0) != "t") {
    if (PgResult created = connection_->ExecScript(kSchema); !created.ok()) {
      routes::Error error = connection_->Failure(created, "cannot create the store's tables");
      connection_->ExecScript("ROLLBACK");
      return error;
    }
    PgResult meta = connection_->Exec(
        "INSERT INTO aircargo_meta(key, value) VALUES('format', $1), ('schema_version', $2)",
        {PgParam::Text(kFormat), PgParam::Int(kSchemaVersion)});
    if (!meta.ok()) {
      routes::Error error = connection_->Failure(meta, "cannot write the store's meta table");
      connection_->ExecScript("ROLLBACK");
      return error;
    }
  } else {
    PgResult meta = connection_->Exec(
        "SELECT key, value FROM aircargo_meta WHERE key IN ('format', 'schema_version')");
    if (!meta.ok()) {
      routes::Error error = connection_->Failure(meta, "cannot read the store's meta table");
      connection_->ExecScript("ROLLBACK");
      return error;
    }
    std::string format;
    long long schema = 0;
    for (int row = 0; row < meta.rows(); ++row) {
      if (meta.Text(row, 0) == "format") format = meta.Text(row, 1);
      if (meta.Text(row, 0) == "schema_version") schema = std::stoll(meta.Text(row, 1));
    }
    if (format != kFormat) {
      return refuse("holds tables named aircargo_* that are not an aircargo store (format \"" +
                    format + "\"); refusing to start");
    }
    if (schema > kSchemaVersion) {
      return refuse("has schema version " + std::to_string(schema) + ", newer than this " +
                    "aircargod's " + std::to_string(kSchemaVersion) + ": upgrade aircargod");
    }
    // Migrations from older schema versions go here, in this transaction.
  }
  return Run("COMMIT", "cannot commit the schema");
}

routes::Result<std::optional<StoredNetwork>> PostgresStore::Load() {
  std::lock_guard lock(mutex_);
  if (auto ok = Connected(); !ok.ok()) return ok.error();
  // One snapshot of the tables: a repeatable-read, read-only transaction.
  if (auto ok = Run("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", "cannot begin"); !ok.ok()) {
    return ok.error();
  }
  const auto fail = [&](const PgResult& result, const std::string& what) {
    routes::Error error = connection_->Failure(result, what);
    connection_->ExecScript("ROLLBACK");
    return error;
  };
  StoredNetwork out;
  PgResult meta = connection_->Exec("SELECT key, value FROM aircargo_meta");
  if (!meta.ok()) return fail(meta, "cannot read the store's meta table");
  bool initialised = false;
  for (int row = 0; row < meta.rows(); ++row) {
    if (meta.Text(row, 0) == "base_fingerprint") {
      out.base_fingerprint = std::stoull(meta.Text(row, 1), nullptr, 16);
      initialised = true;
    } else if (meta.Text(row, 0) == "base_name") {
      out.base_name = meta.Text(row, 1);
    }
  }
  if (!initialised) {
    connection_->ExecScript("ROLLBACK");
    return std::optional<StoredNetwork>();
  }
  PgResult checkpoint = connection_->Exec(
      "SELECT version, network FROM aircargo_checkpoints ORDER BY version DESC LIMIT 1");
  if (!checkpoint.ok()) return fail(checkpoint, "cannot read the checkpoints");
  if (checkpoint.rows() != 1) {
    connection_->ExecScript("ROLLBACK");
    return routes::MakeError(routes::ErrorCode::kFailedPrecondition, "store",
                             Describe() + ": holds no checkpoint");
  }
  const long long checkpoint_version = checkpoint.Int(0, 0);
  if (!out.checkpoint.ParseFromString(checkpoint.Bytes(0, 1)) ||
      out.checkpoint.version() != checkpoint_version) {
    connection_->ExecScript("ROLLBACK");
    return routes::MakeError(routes::ErrorCode::kFailedPrecondition, "store",
                             Describe() + ": the checkpoint of version " +
                                 std::to_string(checkpoint_version) + " is damaged");
  }
  PgResult edits = connection_->Exec(
      "SELECT version, record FROM aircargo_edits WHERE version > $1 ORDER BY version",
      {PgParam::Int(checkpoint_version)});
  if (!edits.ok()) return fail(edits, "cannot read the edit log");
  long long expected = checkpoint_version + 1;
  for (int row = 0; row < edits.rows(); ++row) {
    v1::EditRecord record;
    if (!record.ParseFromString(edits.Bytes(row, 1)) || record.version() != edits.Int(row, 0) ||
        record.version() != expected) {
      connection_->ExecScript("ROLLBACK");
      return routes::MakeError(routes::ErrorCode::kFailedPrecondition, "store",
                               Describe() + ": the edit log is damaged at version " +
                                   std::to_string(edits.Int(row, 0)) + " (expected version " +
                                   std::to_string(expected) + ")");
    }
    ++expected;
    out.edits.push_back(std::move(record));
  }
  PgResult oldest = connection_->Exec("SELECT COALESCE(MIN(version), 0) FROM aircargo_edits");
  if (!oldest.ok()) return fail(oldest, "cannot read the edit log");
  out.oldest_kept_version = oldest.Int(0, 0);
  if (auto ok = Run("COMMIT", "cannot end the read"); !ok.ok()) return ok.error();
  return std::optional<StoredNetwork>(std::move(out));
}

routes::Result<bool> PostgresStore::Initialize(const v1::Network& base) {
  std::lock_guard lock(mutex_);
  if (auto ok = Connected(); !ok.ok()) return ok;
  if (auto ok = Run("BEGIN", "cannot begin"); !ok.ok()) return ok;
  const auto fail = [&](const PgResult& result, const std::string& what) {
    routes::Error error = connection_->Failure(result, what);
    connection_->ExecScript("ROLLBACK");
    return error;
  };
  if (PgResult locked =
          connection_->Exec("SELECT pg_advisory_xact_lock($1)", {PgParam::Int(kSchemaLock)});
      !locked.ok()) {
    return fail(locked, "cannot lock the store");
  }
  const std::string fingerprint = HexFingerprint(NetworkFingerprint(base));
  // Replicas starting together on an empty store: the first initialises it; for the others the
  // store already holds this base, which they keep (with any edits made since).
  PgResult current =
      connection_->Exec("SELECT value FROM aircargo_meta WHERE key = 'base_fingerprint'");
  if (!current.ok()) return fail(current, "cannot read the store's meta table");
  if (current.rows() == 1 && current.Text(0, 0) == fingerprint) {
    return Run("COMMIT", "cannot end the transaction");
  }
  if (PgResult emptied = connection_->ExecScript(
          "DELETE FROM aircargo_checkpoints; DELETE FROM aircargo_edits; DELETE FROM aircargo_head;"
          "DELETE FROM aircargo_meta WHERE key IN ('base_fingerprint', 'base_name');");
      !emptied.ok()) {
    return fail(emptied, "cannot empty the store");
  }
  PgResult meta = connection_->Exec(
      "INSERT INTO aircargo_meta(key, value) VALUES('base_fingerprint', $1), ('base_name', $2)",
      {PgParam::Text(fingerprint), PgParam::Text(base.name())});
  if (!meta.ok()) return fail(meta, "cannot write the store's meta table");
  PgResult head = connection_->Exec("INSERT INTO aircargo_head(id, version) VALUES(1, $1)",
                                    {PgParam::Int(base.version())});
  if (!head.ok()) return fail(head, "cannot write the store's head");
  PgResult checkpoint =
      connection_->Exec("INSERT INTO aircargo_checkpoints(version, network) VALUES($1, $2)",
                        {PgParam::Int(base.version()), PgParam::Bytes(base.SerializeAsString())});
  if (!checkpoint.ok()) return fail(checkpoint, "cannot write the base network");
  PgResult notify =
      connection_->Exec("SELECT pg_notify('aircargo_edits', $1)", {PgParam::Int(base.version())});
  if (!notify.ok()) return fail(notify, "cannot notify the replicas");
  return Run("COMMIT", "cannot commit the base network");
}

bool PostgresStore::WantsCheckpoint(std::int64_t version) const {
  return version % options_.checkpoint_every == 0;
}

routes::Result<bool> PostgresStore::Append(const v1::EditRecord& record,
                                           const v1::Network* checkpoint) {
  std::lock_guard lock(mutex_);
  if (auto ok = Connected(); !ok.ok()) return ok;
  if (auto ok = Run("BEGIN", "cannot begin"); !ok.ok()) return ok;
  const auto fail = [&](const PgResult& result, const std::string& what) {
    routes::Error error = connection_->Failure(result, what);
    connection_->ExecScript("ROLLBACK");
    return error;
  };
  const std::string version = std::to_string(record.version());
  // The version check: only the write that follows the head may take the next version. A
  // concurrent writer of the same version waits for the row lock, then finds the head moved.
  PgResult head =
      connection_->Exec("UPDATE aircargo_head SET version = $1 WHERE id = 1 AND version = $2",
                        {PgParam::Int(record.version()), PgParam::Int(record.version() - 1)});
  if (!head.ok()) return fail(head, "cannot advance the store's head to version " + version);
  if (head.affected() != 1) {
    connection_->ExecScript("ROLLBACK");
    return routes::MakeError(
        routes::ErrorCode::kAborted, "store",
        Describe() + ": version " + version + " was written by another replica first");
  }
  PgResult insert = connection_->Exec(
      "INSERT INTO aircargo_edits(version, time_unix_micros, author, request_id, record) "
      "VALUES($1, $2, $3, $4, $5)",
      {PgParam::Int(record.version()),
       PgParam::Int(record.time().seconds() * 1'000'000 + record.time().nanos() / 1000),
       PgParam::Text(record.author()), PgParam::Text(record.request_id()),
       PgParam::Bytes(record.SerializeAsString())});
  if (!insert.ok()) return fail(insert, "cannot store the edit of version " + version);
  if (checkpoint != nullptr) {
    PgResult stored = connection_->Exec(
        "INSERT INTO aircargo_checkpoints(version, network) VALUES($1, $2) "
        "ON CONFLICT (version) DO UPDATE SET network = EXCLUDED.network",
        {PgParam::Int(checkpoint->version()), PgParam::Bytes(checkpoint->SerializeAsString())});
    if (!stored.ok()) return fail(stored, "cannot store the checkpoint of version " + version);
    PgResult drop_checkpoints =
        connection_->Exec("DELETE FROM aircargo_checkpoints WHERE version < $1",
                          {PgParam::Int(checkpoint->version())});
    if (!drop_checkpoints.ok()) return fail(drop_checkpoints, "cannot compact the store");
    PgResult drop_edits = connection_->Exec("DELETE FROM aircargo_edits WHERE version <= $1",
                                            {PgParam::Int(record.version() - options_.keep_edits)});
    if (!drop_edits.ok()) return fail(drop_edits, "cannot compact the store");
  }
  PgResult notify =
      connection_->Exec("SELECT pg_notify('aircargo_edits', $1)", {PgParam::Int(record.version())});
  if (!notify.ok()) return fail(notify, "cannot notify the replicas");
  return Run("COMMIT", "cannot commit the edit of version " + version);
}

routes::Result<std::vector<v1::EditRecord>> PostgresStore::ListEdits(std::int64_t since_version,
                                                                     int limit) {
  std::lock_guard lock(mutex_);
  if (auto ok = Connected(); !ok.ok()) return ok.error();
  PgResult select = connection_->Exec(
      "SELECT record FROM aircargo_edits WHERE version > $1 ORDER BY version LIMIT $2",
      {PgParam::Int(since_version), PgParam::Int(limit)});
  if (!select.ok()) return connection_->Failure(select, "cannot read the edit log");
  std::vector<v1::EditRecord> out;
  for (int row = 0; row < select.rows(); ++row) {
    if (!out.emplace_back().ParseFromString(select.Bytes(row, 0))) {
      return routes::MakeError(routes::ErrorCode::kInternal, "store",
                               Describe() + ": a damaged edit record");
    }
  }
  return out;
}

routes::Result<std::int64_t> PostgresStore::OldestKeptVersion() {
  std::lock_guard lock(mutex_);
  if (auto ok = Connected(); !ok.ok()) return ok.error();
  PgResult select = connection_->Exec("SELECT COALESCE(MIN(version), 0) FROM aircargo_edits");
  if (!select.ok()) return connection_->Failure(select, "cannot read the edit log");
  return static_cast<std::int64_t>(select.Int(0, 0));
}

routes::Result<std::int64_t> PostgresStore::HeadVersion() {
  std::lock_guard lock(mutex_);
  if (auto ok = Connected(); !ok.ok()) return ok.error();
  PgResult select = connection_->Exec("SELECT version FROM aircargo_head WHERE id = 1");
  if (!select.ok()) return connection_->Failure(select, "cannot read the store's head");
  if (select.rows() != 1) {
    return routes::MakeError(routes::ErrorCode::kFailedPrecondition, "store",
                             Describe() + ": holds no network yet");
  }
  return static_cast<std::int64_t>(select.Int(0, 0));
}

routes::Result<std::vector<v1::StoredScenario>> PostgresStore::LoadScenarios() {
  std::lock_guard lock(mutex_);
  if (auto ok = Connected(); !ok.ok()) return ok.error();
  PgResult select = connection_->Exec("SELECT name, record FROM aircargo_scenarios ORDER BY name");
  if (!select.ok()) return connection_->Failure(select, "cannot read the stored scenarios");
  std::vector<v1::StoredScenario> out;
  for (int row = 0; row < select.rows(); ++row) {
    v1::StoredScenario& scenario = out.emplace_back();
    if (!scenario.ParseFromString(select.Bytes(row, 1)) || scenario.name() != select.Text(row, 0)) {
      return routes::MakeError(
          routes::ErrorCode::kFailedPrecondition, "store",
          Describe() + ": the stored scenario \"" + select.Text(row, 0) + "\" is damaged");
    }
  }
  return out;
}

routes::Result<bool> PostgresStore::PutScenario(const v1::StoredScenario& scenario) {
  std::lock_guard lock(mutex_);
  if (auto ok = Connected(); !ok.ok()) return ok;
  // Replicas share the scenarios: a create (version 1) only when the name is free, an update only
  // over the version it was made against, so of two replicas writing at once exactly one wins.
  const bool create = scenario.version() <= 1;
  PgResult put = connection_->Exec(
      create ? "WITH put AS (INSERT INTO aircargo_scenarios(name, version, record) "
               "VALUES($1, $2, $3) ON CONFLICT (name) DO NOTHING RETURNING 1) "
               "SELECT pg_notify('aircargo_scenarios', $1) FROM put"
             : "WITH put AS (UPDATE aircargo_scenarios SET version = $2, record = $3 "
               "WHERE name = $1 AND version = $2 - 1 RETURNING 1) "
               "SELECT pg_notify('aircargo_scenarios', $1) FROM put",
      {PgParam::Text(scenario.name()), PgParam::Int(scenario.version()),
       PgParam::Bytes(scenario.SerializeAsString())});
  if (!put.ok()) return connection_->Failure(put, "cannot store the scenario " + scenario.name());
  if (put.rows() != 1) {
    return routes::MakeError(
        create ? routes::ErrorCode::kAlreadyExists : routes::ErrorCode::kAborted, "scenario.name",
        "\"" + scenario.name() + "\" was " + (create ? "created" : "changed or deleted") +
            " by another replica meanwhile: re-read and retry");
  }
  return true;
}

routes::Result<bool> PostgresStore::DeleteScenario(const std::string& name) {
  std::lock_guard lock(mutex_);
  if (auto ok = Connected(); !ok.ok()) return ok;
  PgResult drop = connection_->Exec(
      "WITH dropped AS (DELETE FROM aircargo_scenarios WHERE name = $1) "
      "SELECT pg_notify('aircargo_scenarios', $1)",
      {PgParam::Text(name)});
  if (!drop.ok()) return connection_->Failure(drop, "cannot delete the scenario " + name);
  return true;
}

}  // namespace aircargo::server::store
