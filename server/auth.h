// Authorizer: bearer tokens for aircargod. `--write-tokens FILE` makes every write need
// `authorization: Bearer TOKEN` metadata with one of the file's tokens; `--read-tokens FILE` makes
// every read need a read or a write token too (reads are open otherwise).
//
// Token files: one token per line as "NAME TOKEN" (NAME: letters, digits, '.', '_', '-'; TOKEN: at
// least 16 printable characters without spaces); blank lines and lines starting with '#' are
// skipped. The edit log records the NAME of the token a write used, never the token. Tokens are
// compared in constant time (over the stored token's length) and never logged; error messages
// name the file and line, not the token. Thread-safe after construction (read-only).
#pragma once

#include <grpcpp/server_context.h>

#include <string>
#include <string_view>
#include <vector>

#include "routes/result.h"

namespace aircargo::server {

inline constexpr std::size_t kMinTokenLength = 16;
// The author recorded for writes when the server takes writes without tokens.
inline constexpr char kAnonymousAuthor[] = "anonymous";

struct NamedToken {
  std::string name;
  std::string token;
};

// Parses a token file's text; `source` names it in errors (kInvalidArgument "FILE:LINE: ...").
routes::Result<std::vector<NamedToken>> ParseTokens(std::string_view text,
                                                    const std::string& source);
routes::Result<std::vector<NamedToken>> LoadTokens(const std::string& path);

// True when a and b are equal; the time taken depends only on b's length.
bool ConstantTimeEquals(std::string_view a, std::string_view b);

class Authorizer {
 public:
  Authorizer() = default;  // open: anyone may read and write
  Authorizer(std::vector<NamedToken> write_tokens, std::vector<NamedToken> read_tokens,
             bool writes_need_token, bool reads_need_token);

  bool writes_need_token() const { return writes_need_token_; }
  bool reads_need_token() const { return reads_need_token_; }

  // The author to record for a write: the write token's name, kAnonymousAuthor when writes need
  // no token; kUnauthenticated when the call has no valid write token.
  routes::Result<std::string> AuthorizeWrite(const grpc::ServerContext& context) const;
  // kUnauthenticated when reads need a token and the call has no valid read or write token.
  routes::Result<bool> AuthorizeRead(const grpc::ServerContext& context) const;

 private:
  const NamedToken* Match(const std::vector<NamedToken>& tokens, std::string_view token) const;

  std::vector<NamedToken> write_tokens_;
  std::vector<NamedToken> read_tokens_;
  bool writes_need_token_ = false;
  bool reads_need_token_ = false;
};

// The process's read gate, checked by every RPC handler (server/rpc_handler.h HandleRpc) when
// set: Server::Start sets it to its Authorizer when reads need a token, and clears it when that
// server is destroyed. Thread-safe (an atomic pointer).
void SetReadGate(const Authorizer* authorizer);
const Authorizer* ReadGate();
// OK, or UNAUTHENTICATED when the gate is set and the call carries no read or write token.
grpc::Status CheckReadGate(const grpc::ServerContext& context);

}  // namespace aircargo::server
