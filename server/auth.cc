#include "server/auth.h"

#include <atomic>
#include <fstream>
#include <sstream>
#include <utility>

#include "server/convert.h"

namespace aircargo::server {
namespace {

// The bearer token of a call's metadata, or empty.
std::string_view BearerToken(const grpc::ServerContext& context) {
  const auto& metadata = context.client_metadata();
  const auto it = metadata.find("authorization");
  if (it == metadata.end()) return {};
  const std::string_view value(it->second.data(), it->second.size());
  constexpr std::string_view kPrefix = "Bearer ";
  if (value.size() <= kPrefix.size() || value.substr(0, kPrefix.size()) != kPrefix) return {};
  return value.substr(kPrefix.size());
}

bool IsNameChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
         c == '_' || c == '-';
}

}  // namespace

bool ConstantTimeEquals(std::string_view a, std::string_view b) {
  unsigned char diff = a.size() == b.size() ? 0 : 1;
  for (std::size_t i = 0; i < b.size(); ++i) {
    const unsigned char x = i < a.size() ? static_cast<unsigned char>(a[i]) : 0;
    diff |= static_cast<unsigned char>(x ^ static_cast<unsigned char>(b[i]));
  }
  return diff == 0;
}

routes::Result<std::vector<NamedToken>> ParseTokens(std::string_view text,
                                                    const std::string& source) {
  std::vector<NamedToken> tokens;
  std::vector<routes::FieldViolation> problems;
  std::istringstream lines{std::string(text)};
  std::string line;
  for (int number = 1; std::getline(lines, line); ++number) {
    const std::string at = source + ":" + std::to_string(number);
    if (!line.empty() && line.back() == '\r') line.pop_back();
    const auto first = line.find_first_not_of(" \t");
    if (first == std::string::npos || line[first] == '#') continue;
    std::istringstream words(line);
    NamedToken t;
    std::string extra;
    words >> t.name >> t.token >> extra;
    if (t.token.empty() || !extra.empty()) {
      problems.push_back({at, "expected \"NAME TOKEN\""});
      continue;
    }
    bool name_ok = true;
    for (char c : t.name) name_ok = name_ok && IsNameChar(c);
    if (!name_ok) problems.push_back({at, "the name may hold letters, digits, '.', '_', '-'"});
    if (t.token.size() < kMinTokenLength) {
      problems.push_back(
          {at, "the token is shorter than " + std::to_string(kMinTokenLength) + " characters"});
    }
    for (const auto& other : tokens) {
      if (other.name == t.name) problems.push_back({at, "the name \"" + t.name + "\" repeats"});
    }
    tokens.push_back(std::move(t));
  }
  if (problems.empty() && tokens.empty()) {
    problems.push_back({source, "holds no token (one \"NAME TOKEN\" per line)"});
  }
  if (problems.empty()) return tokens;
  routes::Error error = routes::InvalidArgument(problems.front().field, problems.front().message);
  error.violations.assign(problems.begin() + 1, problems.end());
  return error;
}

routes::Result<std::vector<NamedToken>> LoadTokens(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return routes::NotFound(path, "cannot read the token file");
  std::ostringstream text;
  text << in.rdbuf();
  return ParseTokens(text.str(), path);
}

Authorizer::Authorizer(std::vector<NamedToken> write_tokens, std::vector<NamedToken> read_tokens,
                       bool writes_need_token, bool reads_need_token)
    : write_tokens_(std::move(write_tokens)),
      read_tokens_(std::move(read_tokens)),
      writes_need_token_(writes_need_token),
      reads_need_token_(reads_need_token) {}

const NamedToken* Authorizer::Match(const std::vector<NamedToken>& tokens,
                                    std::string_view token) const {
  const NamedToken* found = nullptr;
  // Compare with every token, so the time does not tell which one matched.
  for (const NamedToken& t : tokens) {
    if (ConstantTimeEquals(token, t.token) && found == nullptr) found = &t;
  }
  return found;
}

routes::Result<std::string> Authorizer::AuthorizeWrite(const grpc::ServerContext& context) const {
  if (!writes_need_token_) return std::string(kAnonymousAuthor);
  const std::string_view token = BearerToken(context);
  if (token.empty()) {
    return routes::MakeError(routes::ErrorCode::kUnauthenticated, "authorization",
                             "writes need a write token (\"authorization: Bearer TOKEN\")");
  }
  if (const NamedToken* t = Match(write_tokens_, token)) return t->name;
  return routes::MakeError(routes::ErrorCode::kUnauthenticated, "authorization",
                           Match(read_tokens_, token) != nullptr
                               ? "this token may read, not write"
                               : "the token is not a write token of this server");
}

routes::Result<bool> Authorizer::AuthorizeRead(const grpc::ServerContext& context) const {
  if (!reads_need_token_) return true;
  const std::string_view token = BearerToken(context);
  if (token.empty()) {
    return routes::MakeError(routes::ErrorCode::kUnauthenticated, "authorization",
                             "reads need a token (\"authorization: Bearer TOKEN\")");
  }
  if (Match(read_tokens_, token) != nullptr || Match(write_tokens_, token) != nullptr) return true;
  return routes::MakeError(routes::ErrorCode::kUnauthenticated, "authorization",
                           "the token is not a token of this server");
}

namespace {
std::atomic<const Authorizer*> read_gate{nullptr};
}  // namespace

void SetReadGate(const Authorizer* authorizer) { read_gate.store(authorizer); }
const Authorizer* ReadGate() { return read_gate.load(); }

grpc::Status CheckReadGate(const grpc::ServerContext& context) {
  const Authorizer* gate = read_gate.load();
  if (gate == nullptr) return grpc::Status::OK;
  const auto ok = gate->AuthorizeRead(context);
  return ok.ok() ? grpc::Status::OK : ToStatus(ok.error());
}

}  // namespace aircargo::server
