// PgConnection: one libpq connection to PostgreSQL with parameterised statements, and the one
// mapping of PostgreSQL's failures to routes::Error codes (used by server/store/postgres_store.h
// and server/store/postgres_listener.h).
//
// Statements take text parameters and, for `bytea` columns, binary ones (Param::Bytes); results
// come back in text format (Text, Int; Bytes decodes a bytea column). Failures map as: the server
// unreachable or shutting down (no connection, SQLSTATE class 08, 57P) -> kUnavailable;
// unique_violation (23505) -> kAborted; disk_full / out_of_memory (53xxx) -> kResourceExhausted;
// read_only_sql_transaction (25006) and insufficient_privilege (42501) -> kFailedPrecondition;
// anything else -> kInternal. Every message names the store (`describe`, without a password).
//
// Not thread-safe: one connection is used by one thread at a time (PostgresStore holds a mutex).
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "routes/result.h"

struct pg_conn;
struct pg_result;

namespace aircargo::server::store {

// A statement's result. Movable; frees the libpq result.
class PgResult {
 public:
  explicit PgResult(pg_result* result = nullptr) : result_(result) {}
  ~PgResult();
  PgResult(PgResult&& other) noexcept : result_(other.result_) { other.result_ = nullptr; }
  PgResult& operator=(PgResult&& other) noexcept;
  PgResult(const PgResult&) = delete;
  PgResult& operator=(const PgResult&) = delete;

  // True for a command or query that succeeded.
  bool ok() const;
  int rows() const;
  // Rows a command (INSERT/UPDATE/DELETE) affected.
  long affected() const;
  bool IsNull(int row, int column) const;
  std::string Text(int row, int column) const;
  long long Int(int row, int column) const;
  // A bytea column, decoded.
  std::string Bytes(int row, int column) const;
  // The five-character SQLSTATE of a failure ("" when none).
  std::string SqlState() const;
  std::string Message() const;

 private:
  pg_result* result_ = nullptr;
};

// One parameter of a statement.
struct PgParam {
  static PgParam Text(std::string value) { return {std::move(value), false}; }
  static PgParam Int(long long value) { return {std::to_string(value), false}; }
  static PgParam Bytes(std::string value) { return {std::move(value), true}; }
  std::string value;
  bool binary = false;
};

class PgConnection {
 public:
  // Connects to `url` (a libpq connection URI or key=value string). kUnavailable when the server
  // cannot be reached, naming `describe`.
  static routes::Result<std::unique_ptr<PgConnection>> Connect(const std::string& url,
                                                               const std::string& describe);
  ~PgConnection();
  PgConnection(const PgConnection&) = delete;
  PgConnection& operator=(const PgConnection&) = delete;

  // Runs one statement ($1, $2, ... for `params`). Never reconnects (a transaction must not go on
  // over a new connection): callers call EnsureConnected before they begin.
  PgResult Exec(std::string_view sql, const std::vector<PgParam>& params = {});
  // Runs statements without parameters (may hold several separated by ';').
  PgResult ExecScript(std::string_view sql);

  // The error of a failed result (or of the connection when `result` holds none), mapped as the
  // header says; `what` says what was being done.
  routes::Error Failure(const PgResult& result, const std::string& what) const;

  // Whether the connection is up.
  bool Healthy() const;
  // Re-establishes a broken connection (one attempt); true when the connection is up.
  bool EnsureConnected();

  // The socket, for waiting on notifications (postgres_listener).
  int Socket() const;
  pg_conn* raw() { return conn_; }
  const std::string& describe() const { return describe_; }

 private:
  PgConnection(pg_conn* conn, std::string describe) : conn_(conn), describe_(std::move(describe)) {}

  pg_conn* conn_ = nullptr;
  std::string describe_;
};

// `url` with any password removed (user:secret@ -> user@, password=... dropped), for messages.
std::string RedactPassword(const std::string& url);

// Whether `store` names a PostgreSQL store (postgresql:// or postgres://).
bool IsPostgresUrl(std::string_view store);

}  // namespace aircargo::server::store
