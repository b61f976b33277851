#include "client/command.h"

#include <CLI/CLI.hpp>
#include <chrono>
#include <string>
#include <utility>

#include "client/render_json.h"

namespace aircargo::client {

Outcome Session::Call(const std::function<grpc::Status(grpc::ClientContext*)>& rpc) const {
  grpc::ClientContext context;
  context.set_deadline(std::chrono::system_clock::now() +
                       std::chrono::duration_cast<std::chrono::system_clock::duration>(
                           std::chrono::duration<double>(options_.timeout_seconds)));
  Authorize(context);
  const grpc::Status status = rpc(&context);
  if (status.ok()) return Outcome::Ok();
  return Outcome::Fail(ExitCodeFor(status.error_code()),
                       DescribeFailure(status, options_.server, options_.timeout_seconds));
}

Outcome Session::Print(const google::protobuf::Message& response,
                       const std::function<std::string()>& render) {
  if (!options_.json) {
    out_ << render();
    return Outcome::Ok();
  }
  std::string error;
  const auto json = RenderJson(response, &error);
  if (!json)
    return Outcome::Fail(ExitCode::kInternal, "cannot print the response as JSON: " + error);
  out_ << *json;
  return Outcome::Ok();
}

void Session::Authorize(grpc::ClientContext& context) const {
  if (!options_.token.empty()) context.AddMetadata("authorization", "Bearer " + options_.token);
}

CLI::App* CommandRegistry::Add(CLI::App& parent, const std::string& name,
                               const std::string& description, CommandAction action) {
  CLI::App* command = parent.add_subcommand(name, description);
  commands_.emplace_back(command, std::move(action));
  return command;
}

const CommandAction* CommandRegistry::Selected() const {
  // Last first: a nested command is registered after its parent, and both count as parsed.
  for (auto it = commands_.rbegin(); it != commands_.rend(); ++it) {
    if (it->first->parsed()) return &it->second;
  }
  return nullptr;
}

}  // namespace aircargo::client
