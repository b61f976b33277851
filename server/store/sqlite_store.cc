#include "server/store/sqlite_store.h"

#include <google/protobuf/io/coded_stream.h>
#include <google/protobuf/io/zero_copy_stream_impl_lite.h>
#include <sqlite3.h>

#include <cstdio>
#include <set>
#include <utility>

#include "server/store/sqlite_statement.h"

namespace aircargo::server::store {
namespace {

// Format 2 added the scenarios table; a format-1 store is migrated on open.
constexpr char kFormat[] = "aircargo-store-2";
constexpr char kFormatWithoutScenarios[] = "aircargo-store-1";

constexpr char kScenariosTable[] = R"sql(
CREATE TABLE scenarios (name TEXT PRIMARY KEY, version INTEGER NOT NULL, record BLOB NOT NULL);
)sql";

constexpr char kSchema[] = R"sql(
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE checkpoints (version INTEGER PRIMARY KEY, network BLOB NOT NULL);
CREATE TABLE edits (
  version INTEGER PRIMARY KEY,
  time_unix_micros INTEGER NOT NULL,
  author TEXT NOT NULL,
  request_id TEXT NOT NULL,
  record BLOB NOT NULL);
CREATE TABLE scenarios (name TEXT PRIMARY KEY, version INTEGER NOT NULL, record BLOB NOT NULL);
)sql";

}  // namespace

std::uint64_t NetworkFingerprint(const v1::Network& network) {
  std::string bytes;
  {
    google::protobuf::io::StringOutputStream stream(&bytes);
    google::protobuf::io::CodedOutputStream coded(&stream);
    coded.SetSerializationDeterministic(true);
    network.SerializeToCodedStream(&coded);
  }
  std::uint64_t hash = 14695981039346656037ull;
  for (unsigned char c : bytes) {
    hash ^= c;
    hash *= 1099511628211ull;
  }
  return hash;
}

routes::Result<std::unique_ptr<SqliteStore>> SqliteStore::Open(const std::string& path,
                                                               const SqliteOptions& options) {
  const auto refuse = [&](const std::string& why) {
    return routes::MakeError(routes::ErrorCode::kFailedPrecondition, "store", path + ": " + why);
  };
  if (options.checkpoint_every < 1 || options.keep_edits < options.checkpoint_every) {
    return routes::InvalidArgument("store", "checkpoint_every must be >= 1 and keep_edits >= it");
  }
  sqlite3* db = nullptr;
  const int flags =
      options.read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
  if (sqlite3_open_v2(path.c_str(), &db, flags, nullptr) != SQLITE_OK) {
    std::string why = db != nullptr ? sqlite3_errmsg(db) : "out of memory";
    sqlite3_close(db);
    return refuse("cannot open: " + why);
  }
  std::unique_ptr<SqliteStore> store(new SqliteStore(path, db, options));
  sqlite3_extended_result_codes(db, 1);
  sqlite3_busy_timeout(db, 2000);
  if (!options.read_only && sqlite3_db_readonly(db, "main") == 1) {
    return refuse("cannot be written (read-only file or directory); refusing to start");
  }
  {
    Statement check(db, "PRAGMA quick_check");
    if (!check.prepared() || check.Step() != SQLITE_ROW) {
      return refuse(std::string("is not a readable SQLite database (") + sqlite3_errmsg(db) +
                    "); refusing to start rather than replace it");
    }
    if (check.Text(0) != "ok") {
      return refuse("is corrupt (SQLite quick_check: " + check.Text(0) +
                    "); refusing to start: restore it from a backup or move it away");
    }
  }
  if (options.max_page_count > 0) {
    if (auto ok = store->Exec("PRAGMA max_page_count=" + std::to_string(options.max_page_count));
        !ok.ok()) {
      return ok.error();
    }
  }
  if (!options.read_only) {
    if (auto ok = store->Exec("PRAGMA journal_mode=WAL"); !ok.ok()) return ok.error();
    if (auto ok = store->Exec("PRAGMA synchronous=FULL"); !ok.ok()) return ok.error();
  }
  std::set<std::string> tables;
  {
    Statement list(db, "SELECT name FROM sqlite_master WHERE type='table'");
    while (list.Step() == SQLITE_ROW) tables.insert(list.Text(0));
  }
  if (tables.empty()) {
    if (options.read_only) return refuse("is empty: not an aircargo store");
    if (auto ok = store->Exec(kSchema); !ok.ok()) return ok.error();
    Statement put(db, "INSERT INTO meta(key, value) VALUES('format', ?)");
    put.Bind(1, std::string(kFormat));
    if (put.Step() != SQLITE_DONE) return store->Failure("cannot create the store's tables");
    return store;
  }
  if (!tables.count("meta") || !tables.count("checkpoints") || !tables.count("edits")) {
    std::string names;
    for (const auto& t : tables) names += (names.empty() ? "" : ", ") + t;
    return refuse("is a SQLite database of something else (tables: " + names +
                  "), not an aircargo store; refusing to start");
  }
  std::string format_name;
  {
    Statement format(db, "SELECT value FROM meta WHERE key='format'");
    if (format.prepared() && format.Step() == SQLITE_ROW) format_name = format.Text(0);
  }
  if (format_name == kFormatWithoutScenarios && !tables.count("scenarios")) {
    if (options.read_only) {
      store->has_scenarios_ = false;
      return store;
    }
    // The migration to format 2: the scenarios table, in one transaction.
    const std::string migrate = std::string("BEGIN IMMEDIATE;") + kScenariosTable +
                                "UPDATE meta SET value='" + kFormat +
                                "' WHERE key='format'; COMMIT;";
    if (sqlite3_exec(db, migrate.c_str(), nullptr, nullptr, nullptr) != SQLITE_OK) {
      routes::Error error = store->Failure("cannot migrate the store to " + std::string(kFormat));
      sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr);
      return error;
    }
    return store;
  }
  if (format_name != kFormat || !tables.count("scenarios")) {
    return refuse(std::string("has an unknown store format (expected ") + kFormat + " or " +
                  kFormatWithoutScenarios + "); refusing to start");
  }
  return store;
}

SqliteStore::~SqliteStore() { sqlite3_close(db_); }

std::string SqliteStore::Describe() const { return path_ == ":memory:" ? "memory" : path_; }

routes::Error SqliteStore::Failure(const std::string& what) const {
  const int code = sqlite3_extended_errcode(db_);
  routes::ErrorCode mapped = routes::ErrorCode::kInternal;
  std::string hint;
  switch (code & 0xff) {
    case SQLITE_FULL:
      mapped = routes::ErrorCode::kResourceExhausted;
      hint = " (the disk or the store's size limit is full)";
      break;
    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_CANTOPEN:
      mapped = routes::ErrorCode::kFailedPrecondition;
      hint = " (the store cannot be written)";
      break;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      mapped = routes::ErrorCode::kUnavailable;
      hint = " (the store is locked; retry)";
      break;
    default:
      break;
  }
  return routes::MakeError(mapped, "store",
                           Describe() + ": " + what + ": " + sqlite3_errmsg(db_) + hint);
}

routes::Result<bool> SqliteStore::Exec(const std::string& sql) {
  if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, nullptr) != SQLITE_OK) {
    return Failure("cannot run \"" + sql.substr(0, sql.find('\n')) + "\"");
  }
  return true;
}

routes::Result<std::optional<StoredNetwork>> SqliteStore::Load() {
  std::lock_guard lock(mutex_);
  StoredNetwork out;
  {
    Statement meta(db_, "SELECT key, value FROM meta");
    bool initialised = false;
    int rc = 0;
    while ((rc = meta.Step()) == SQLITE_ROW) {
      if (meta.Text(0) == "base_fingerprint") {
        out.base_fingerprint = std::stoull(meta.Text(1), nullptr, 16);
        initialised = true;
      } else if (meta.Text(0) == "base_name") {
        out.base_name = meta.Text(1);
      }
    }
    if (rc != SQLITE_DONE) return Failure("cannot read the store's meta table");
    if (!initialised) return std::optional<StoredNetwork>();
  }
  std::int64_t checkpoint_version = 0;
  {
    Statement checkpoint(db_,
                         "SELECT version, network FROM checkpoints ORDER BY version DESC LIMIT 1");
    if (checkpoint.Step() != SQLITE_ROW) return Failure("holds no checkpoint");
    checkpoint_version = checkpoint.Int(0);
    if (!out.checkpoint.ParseFromString(checkpoint.Text(1)) ||
        out.checkpoint.version() != checkpoint_version) {
      return routes::MakeError(routes::ErrorCode::kFailedPrecondition, "store",
                               Describe() + ": the checkpoint of version " +
                                   std::to_string(checkpoint_version) + " is damaged");
    }
  }
  Statement edits(db_, "SELECT version, record FROM edits WHERE version > ? ORDER BY version");
  edits.Bind(1, checkpoint_version);
  int rc = 0;
  std::int64_t expected = checkpoint_version + 1;
  while ((rc = edits.Step()) == SQLITE_ROW) {
    v1::EditRecord record;
    if (!record.ParseFromString(edits.Text(1)) || record.version() != edits.Int(0) ||
        record.version() != expected) {
      return routes::MakeError(routes::ErrorCode::kFailedPrecondition, "store",
                               Describe() + ": the edit log is damaged at version " +
                                   std::to_string(edits.Int(0)) + " (expected version " +
                                   std::to_string(expected) + ")");
    }
    ++expected;
    out.edits.push_back(std::move(record));
  }
  if (rc != SQLITE_DONE) return Failure("cannot read the edit log");
  auto oldest = OldestKeptVersion();
  if (!oldest.ok()) return oldest.error();
  out.oldest_kept_version = *oldest;
  return std::optional<StoredNetwork>(std::move(out));
}

routes::Result<bool> SqliteStore::Initialize(const v1::Network& base) {
  std::lock_guard lock(mutex_);
  if (auto ok = Exec("BEGIN IMMEDIATE"); !ok.ok()) return ok;
  const auto fail = [&](const std::string& what) {
    routes::Error error = Failure(what);
    sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
    return error;
  };
  if (sqlite3_exec(db_, "DELETE FROM checkpoints; DELETE FROM edits; DELETE FROM meta;", nullptr,
                   nullptr, nullptr) != SQLITE_OK) {
    return fail("cannot empty the store");
  }
  char fingerprint[17];
  std::snprintf(fingerprint, sizeof(fingerprint), "%016llx",
                static_cast<unsigned long long>(NetworkFingerprint(base)));
  for (const auto& [key, value] : {std::pair<std::string, std::string>("format", kFormat),
                                   {"base_fingerprint", fingerprint},
                                   {"base_name", base.name()}}) {
    Statement put(db_, "INSERT INTO meta(key, value) VALUES(?, ?)");
    put.Bind(1, key);
    put.Bind(2, value);
    if (put.Step() != SQLITE_DONE) return fail("cannot write the store's meta table");
  }
  Statement checkpoint(db_, "INSERT INTO checkpoints(version, network) VALUES(?, ?)");
  checkpoint.Bind(1, base.version());
  checkpoint.BindBlob(2, base.SerializeAsString());
  if (checkpoint.Step() != SQLITE_DONE) return fail("cannot write the base network");
  if (sqlite3_exec(db_, "COMMIT", nullptr, nullptr, nullptr) != SQLITE_OK) {
    return fail("cannot commit the base network");
  }
  return true;
}

bool SqliteStore::WantsCheckpoint(std::int64_t version) const {
  return version % options_.checkpoint_every == 0;
}

routes::Result<bool> SqliteStore::Append(const v1::EditRecord& record,
                                         const v1::Network* checkpoint) {
  std::lock_guard lock(mutex_);
  if (auto ok = Exec("BEGIN IMMEDIATE"); !ok.ok()) return ok;
  const auto fail = [&](const std::string& what) {
    routes::Error error = Failure(what);
    sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);  // may already be rolled back
    return error;
  };
  {
    Statement insert(db_,
                     "INSERT INTO edits(version, time_unix_micros, author, request_id, record) "
                     "VALUES(?, ?, ?, ?, ?)");
    insert.Bind(1, record.version());
    insert.Bind(2, record.time().seconds() * 1'000'000 + record.time().nanos() / 1000);
    insert.Bind(3, record.author());
    insert.Bind(4, record.request_id());
    insert.BindBlob(5, record.SerializeAsString());
    if (insert.Step() != SQLITE_DONE) {
      return fail("cannot store the edit of version " + std::to_string(record.version()));
    }
  }
  if (checkpoint != nullptr) {
    Statement insert(db_, "INSERT OR REPLACE INTO checkpoints(version, network) VALUES(?, ?)");
    insert.Bind(1, checkpoint->version());
    insert.BindBlob(2, checkpoint->SerializeAsString());
    if (insert.Step() != SQLITE_DONE) {
      return fail("cannot store the checkpoint of version " + std::to_string(record.version()));
    }
    Statement drop_checkpoints(db_, "DELETE FROM checkpoints WHERE version < ?");
    drop_checkpoints.Bind(1, checkpoint->version());
    Statement drop_edits(db_, "DELETE FROM edits WHERE version <= ?");
    drop_edits.Bind(1, record.version() - options_.keep_edits);
    if (drop_checkpoints.Step() != SQLITE_DONE || drop_edits.Step() != SQLITE_DONE) {
      return fail("cannot compact the store");
    }
  }
  if (sqlite3_exec(db_, "COMMIT", nullptr, nullptr, nullptr) != SQLITE_OK) {
    return fail("cannot commit the edit of version " + std::to_string(record.version()));
  }
  return true;
}

routes::Result<std::vector<v1::EditRecord>> SqliteStore::ListEdits(std::int64_t since_version,
                                                                   int limit) {
  std::lock_guard lock(mutex_);
  Statement select(db_, "SELECT record FROM edits WHERE version > ? ORDER BY version LIMIT ?");
  select.Bind(1, since_version);
  select.Bind(2, static_cast<std::int64_t>(limit));
  std::vector<v1::EditRecord> out;
  int rc = 0;
  while ((rc = select.Step()) == SQLITE_ROW) {
    if (!out.emplace_back().ParseFromString(select.Text(0))) {
      return routes::MakeError(routes::ErrorCode::kInternal, "store",
                               Describe() + ": a damaged edit record");
    }
  }
  if (rc != SQLITE_DONE) return Failure("cannot read the edit log");
  return out;
}

routes::Result<std::int64_t> SqliteStore::OldestKeptVersion() {
  std::lock_guard lock(mutex_);
  Statement select(db_, "SELECT COALESCE(MIN(version), 0) FROM edits");
  if (select.Step() != SQLITE_ROW) return Failure("cannot read the edit log");
  return select.Int(0);
}

routes::Result<std::string> SqliteStore::IntegrityCheck() {
  std::lock_guard lock(mutex_);
  Statement check(db_, "PRAGMA integrity_check");
  std::string out;
  int rc = 0;
  while ((rc = check.Step()) == SQLITE_ROW) out += (out.empty() ? "" : "; ") + check.Text(0);
  if (rc != SQLITE_DONE) return Failure("integrity_check failed");
  return out;
}

}  // namespace aircargo::server::store
