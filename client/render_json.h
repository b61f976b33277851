// JSON output (--json): a response message in the proto3 JSON mapping, as scripts and jq expect.
#pragma once

#include <google/protobuf/message.h>

#include <optional>
#include <string>

namespace aircargo::client {

// `message` as indented JSON ending in a newline, with the .proto field names (snake_case:
// "network_version", not "networkVersion") and every field printed, zeros and empty lists too, so
// consumers never have to guess a default. int64 fields are JSON strings, enums their names, as the
// mapping specifies. On failure: nullopt, and the reason in `*error` when error is not null.
std::optional<std::string> RenderJson(const google::protobuf::Message& message,
                                      std::string* error = nullptr);

}  // namespace aircargo::client
