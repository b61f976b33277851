// The pieces every CLI command is built from: the global options, the Outcome a command returns,
// the Session a command runs in (options, stubs, stdout, deadlines, JSON vs text output) and the
// CommandRegistry that ties CLI11 subcommands to their actions.
//
// Adding a command group (planner, import/export, ...): write client/commands_<group>.{h,cc} with
// an Add<Group>Commands(CLI::App&, CommandRegistry&) like AddNetworkCommands, and call it from
// cli.cc. Actions bind their options to state they own (a shared_ptr captured by the action) and
// return an Outcome; they never print errors or call exit() themselves.
#pragma once

#include <google/protobuf/message.h>
#include <grpcpp/client_context.h>
#include <grpcpp/support/status.h>

#include <functional>
#include <memory>
#include <ostream>
#include <string>
#include <utility>
#include <vector>

#include "client/exit_codes.h"
#include "client/stubs.h"

namespace CLI {
class App;
}  // namespace CLI

namespace aircargo::client {

inline constexpr char kDefaultServer[] = "127.0.0.1:50051";
inline constexpr char kServerEnvVar[] = "AIRCARGO_SERVER";
inline constexpr double kDefaultTimeoutSeconds = 10.0;
inline constexpr char kTokenEnvVar[] = "AIRCARGO_TOKEN";

// Options that apply to every command.
struct GlobalOptions {
  std::string server = kDefaultServer;              // aircargod's "host:port"
  bool json = false;                                // print responses in the proto JSON mapping
  double timeout_seconds = kDefaultTimeoutSeconds;  // deadline of each call, > 0
  // Bearer token sent with every call (--token-file, else $AIRCARGO_TOKEN); empty: none.
  std::string token;
};

// How a command ended: ok, or the exit code and the one line to print on stderr (without the
// "aircargo: " prefix and the newline, which RunCli adds).
struct [[nodiscard]] Outcome {
  ExitCode code = ExitCode::kOk;
  std::string message;

  bool ok() const { return code == ExitCode::kOk; }
  static Outcome Ok() { return {}; }
  static Outcome Fail(ExitCode failure, std::string line) { return {failure, std::move(line)}; }
};

// What a command runs with. Not thread-safe; one per CLI run.
class Session {
 public:
  Session(const GlobalOptions& options, StubFactory& stubs, std::ostream& out)
      : options_(options), stubs_(stubs), out_(out) {}

  const GlobalOptions& options() const { return options_; }
  std::ostream& out() { return out_; }

  // The stub for --server.
  v1::NetworkService::StubInterface& NetworkStub() { return stubs_.NetworkStub(options_.server); }
  v1::PlannerService::StubInterface& PlannerStub() { return stubs_.PlannerStub(options_.server); }
  v1::NetworkEditService::StubInterface& EditStub() { return stubs_.EditStub(options_.server); }
  v1::ScenarioService::StubInterface& ScenarioStub() {
    return stubs_.ScenarioStub(options_.server);
  }

  // Runs one RPC with a fresh context whose deadline is --timeout from now (and the bearer token,
  // if any). OK -> Ok(); otherwise the status's exit code and DescribeFailure's line.
  Outcome Call(const std::function<grpc::Status(grpc::ClientContext*)>& rpc) const;

  // Prints `response` as JSON with --json, and the text `render` returns otherwise.
  Outcome Print(const google::protobuf::Message& response,
                const std::function<std::string()>& render);

  // Adds the bearer token, if any, to a context (for calls Call() does not make, such as streams).
  void Authorize(grpc::ClientContext& context) const;

 private:
  const GlobalOptions& options_;
  StubFactory& stubs_;
  std::ostream& out_;
};

using CommandAction = std::function<Outcome(Session&)>;

// The subcommands of the app and what each does.
class CommandRegistry {
 public:
  // Adds subcommand `name` to `parent` and remembers its action. Returns the subcommand, to which
  // the caller adds the command's options.
  CLI::App* Add(CLI::App& parent, const std::string& name, const std::string& description,
                CommandAction action);

  // The action of the subcommand the command line selected (the innermost one when commands nest),
  // or nullptr when it named none.
  const CommandAction* Selected() const;

 private:
  std::vector<std::pair<CLI::App*, CommandAction>> commands_;
};

}  // namespace aircargo::client
