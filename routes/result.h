// Errors as values: ErrorCode, Error and Result<T>, the return type of every fallible core call.
//
// An Error names the offending field or value in `field` (for example "routes[3].payload_kg" or
// "origin") and says what is wrong in `message`; the server maps the code to a gRPC status once,
// in server/convert. Exceptions are used only at I/O boundaries.
#pragma once

#include <cassert>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace aircargo::routes {

enum class ErrorCode {
  kInvalidArgument,     // a field's value is malformed or out of range
  kNotFound,            // an airport or route named in the request does not exist
  kFailedPrecondition,  // the request is well formed but cannot be answered on this network
  kResourceExhausted,   // a limit (k, sizes, work) was exceeded
  kDeadlineExceeded,    // the caller's deadline passed during the computation
  kCancelled,           // the caller cancelled the computation
  kInternal,            // a bug: an invariant did not hold
  // Raised by the server around the core (edits, the store, credentials), mapped in the same table:
  kAborted,          // a write's expected version is not the current one: re-read and retry
  kOutOfRange,       // a version asked for is no longer kept (compacted) or not reached yet
  kUnauthenticated,  // a write (or a read, when required) without a valid token
  kUnavailable,      // the store cannot take the write now (lock held, I/O error); retry later
  kAlreadyExists,    // a create named something that exists already (a stored scenario)
};

// The name of a code, for messages and logs ("INVALID_ARGUMENT").
const char* ErrorCodeName(ErrorCode code);

// One problem with one field, when an Error has several (a network file with many mistakes).
struct FieldViolation {
  std::string field;  // path, e.g. "routes[5].departures[1].local_time"
  std::string message;
};

struct Error {
  ErrorCode code = ErrorCode::kInternal;
  // The offending field, as a path into the request or file ("routes[3].payload_kg"); may be empty.
  std::string field;
  std::string message;
  // Every problem, when there are several; empty otherwise.
  std::vector<FieldViolation> violations;

  // "field: message", then one line per violation.
  std::string ToString() const;
};

inline Error MakeError(ErrorCode code, std::string field, std::string message) {
  Error error;
  error.code = code;
  error.field = std::move(field);
  error.message = std::move(message);
  return error;
}
inline Error InvalidArgument(std::string field, std::string message) {
  return MakeError(ErrorCode::kInvalidArgument, std::move(field), std::move(message));
}
inline Error NotFound(std::string field, std::string message) {
  return MakeError(ErrorCode::kNotFound, std::move(field), std::move(message));
}

// Holds either a T or an Error. Check ok() before value().
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::move(value)) {}      // NOLINT(google-explicit-constructor)
  Result(Error error) : v_(std::move(error)) {}  // NOLINT(google-explicit-constructor)

  bool ok() const { return std::holds_alternative<T>(v_); }
  explicit operator bool() const { return ok(); }

  const T& value() const& {
    assert(ok());
    return std::get<T>(v_);
  }
  T& value() & {
    assert(ok());
    return std::get<T>(v_);
  }
  T&& value() && {
    assert(ok());
    return std::get<T>(std::move(v_));
  }
  const T& operator*() const& { return value(); }
  const T* operator->() const { return &value(); }

  const Error& error() const {
    assert(!ok());
    return std::get<Error>(v_);
  }

 private:
  std::variant<T, Error> v_;
};

}  // namespace aircargo::routes
