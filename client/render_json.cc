#include "client/render_json.h"

#include <google/protobuf/util/json_util.h>

#include <string>

namespace aircargo::client {

std::optional<std::string> RenderJson(const google::protobuf::Message& message,
                                      std::string* error) {
  google::protobuf::util::JsonPrintOptions options;
  options.add_whitespace = true;
  options.always_print_primitive_fields = true;
  options.preserve_proto_field_names = true;
  std::string json;
  const auto status = google::protobuf::util::MessageToJsonString(message, &json, options);
  if (!status.ok()) {
    if (error != nullptr) *error = status.ToString();
    return std::nullopt;
  }
  if (json.empty() || json.back() != '\n') json += '\n';
  return json;
}

}  // namespace aircargo::client
