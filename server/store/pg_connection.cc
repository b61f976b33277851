#include "server/store/pg_connection.h"

#include <libpq-fe.h>

#include <cstdlib>
#include <regex>

namespace aircargo::server::store {

PgResult::~PgResult() { PQclear(result_); }

PgResult& PgResult::operator=(PgResult&& other) noexcept {
  if (this != &other) {
    PQclear(result_);
    result_ = other.result_;
    other.result_ = nullptr;
  }
  return *this;
}

bool PgResult::ok() const {
  if (result_ == nullptr) return false;
  const ExecStatusType status = PQresultStatus(result_);
  return status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK;
}

int PgResult::rows() const { return result_ == nullptr ? 0 : PQntuples(result_); }

long PgResult::affected() const {
  if (result_ == nullptr) return 0;
  const char* n = PQcmdTuples(result_);
  return n == nullptr || *n == '\0' ? 0 : std::strtol(n, nullptr, 10);
}

bool PgResult::IsNull(int row, int column) const { return PQgetisnull(result_, row, column) == 1; }

std::string PgResult::Text(int row, int column) const {
  return std::string(PQgetvalue(result_, row, column),
                     static_cast<std::size_t>(PQgetlength(result_, row, column)));
}

long long PgResult::Int(int row, int column) const {
  return std::strtoll(PQgetvalue(result_, row, column), nullptr, 10);
}

std::string PgResult::Bytes(int row, int column) const {
  std::size_t length = 0;
  unsigned char* bytes = PQunescapeBytea(
      reinterpret_cast<const unsigned char*>(PQgetvalue(result_, row, column)), &length);
  if (bytes == nullptr) return {};
  std::string out(reinterpret_cast<const char*>(bytes), length);
  PQfreemem(bytes);
  return out;
}

std::string PgResult::SqlState() const {
  if (result_ == nullptr) return {};
  const char* state = PQresultErrorField(result_, PG_DIAG_SQLSTATE);
  return state == nullptr ? std::string() : std::string(state);
}

std::string PgResult::Message() const {
  if (result_ == nullptr) return {};
  const char* primary = PQresultErrorField(result_, PG_DIAG_MESSAGE_PRIMARY);
  return primary != nullptr ? std::string(primary) : std::string(PQresultErrorMessage(result_));
}

routes::Result<std::unique_ptr<PgConnection>> PgConnection::Connect(const std::string& url,
                                                                    const std::string& describe) {
  pg_conn* conn = PQconnectdb(url.c_str());
  if (conn == nullptr) {
    return routes::MakeError(routes::ErrorCode::kUnavailable, "store",
                             describe + ": cannot connect: out of memory");
  }
  if (PQstatus(conn) != CONNECTION_OK) {
    std::string why = PQerrorMessage(conn);
    while (!why.empty() && (why.back() == '\n' || why.back() == ' ')) why.pop_back();
    PQfinish(conn);
    return routes::MakeError(routes::ErrorCode::kUnavailable, "store",
                             describe + ": PostgreSQL is unreachable: " + why);
  }
  // Notices (e.g. "relation already exists, skipping") are not the server's log's business.
  PQsetNoticeProcessor(
      conn, [](void*, const char*) {}, nullptr);
  return std::unique_ptr<PgConnection>(new PgConnection(conn, describe));
}

PgConnection::~PgConnection() { PQfinish(conn_); }

PgResult PgConnection::Exec(std::string_view sql, const std::vector<PgParam>& params) {
  std::vector<const char*> values;
  std::vector<int> lengths;
  std::vector<int> formats;
  for (const PgParam& p : params) {
    values.push_back(p.value.data());
    lengths.push_back(static_cast<int>(p.value.size()));
    formats.push_back(p.binary ? 1 : 0);
  }
  const std::string text(sql);
  return PgResult(PQexecParams(conn_, text.c_str(), static_cast<int>(params.size()), nullptr,
                               values.data(), lengths.data(), formats.data(), 0));
}

PgResult PgConnection::ExecScript(std::string_view sql) {
  const std::string text(sql);
  return PgResult(PQexec(conn_, text.c_str()));
}

bool PgConnection::Healthy() const { return PQstatus(conn_) == CONNECTION_OK; }

bool PgConnection::EnsureConnected() {
  if (Healthy()) return true;
  PQreset(conn_);
  if (!Healthy()) return false;
  PQsetNoticeProcessor(
      conn_, [](void*, const char*) {}, nullptr);
  return true;
}

int PgConnection::Socket() const { return PQsocket(conn_); }

routes::Error PgConnection::Failure(const PgResult& result, const std::string& what) const {
  const std::string state = result.SqlState();
  std::string message = result.Message();
  if (message.empty()) message = PQerrorMessage(conn_);
  while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) message.pop_back();
  routes::ErrorCode code = routes::ErrorCode::kInternal;
  std::string hint;
  if (!Healthy() || state.empty() || state.rfind("08", 0) == 0 || state.rfind("57P", 0) == 0) {
    code = routes::ErrorCode::kUnavailable;
    hint = " (PostgreSQL is unreachable; retry)";
  } else if (state == "23505") {
    code = routes::ErrorCode::kAborted;
  } else if (state.rfind("53", 0) == 0) {
    code = routes::ErrorCode::kResourceExhausted;
    hint = " (PostgreSQL is out of disk or memory)";
  } else if (state == "25006" || state == "42501") {
    code = routes::ErrorCode::kFailedPrecondition;
    hint = " (the store cannot be written)";
  }
  return routes::MakeError(code, "store", describe_ + ": " + what + ": " + message + hint);
}

std::string RedactPassword(const std::string& url) {
  static const std::regex user_password(R"(://([^:/@]*):[^@/]*@)");
  static const std::regex password_key(R"((^|\s|[?&])password=[^\s&]*)");
  std::string out = std::regex_replace(url, user_password, "://$1@");
  return std::regex_replace(out, password_key, "$1password=...");
}

bool IsPostgresUrl(std::string_view store) {
  return store.rfind("postgresql://", 0) == 0 || store.rfind("postgres://", 0) == 0;
}

}  // namespace aircargo::server::store
