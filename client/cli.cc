#include "client/cli.h"

#include <CLI/CLI.hpp>
#include <charconv>
#include <cstdlib>
#include <exception>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "client/command.h"
#include "client/commands_capacity.h"
#include "client/commands_demand.h"
#include "client/commands_edits.h"
#include "client/commands_interchange.h"
#include "client/commands_itinerary.h"
#include "client/commands_network.h"
#include "client/commands_paths.h"
#include "client/commands_scenarios.h"
#include "client/exit_codes.h"
#include "client/text.h"

#ifndef AIRCARGO_VERSION
#define AIRCARGO_VERSION "unknown"
#endif

namespace aircargo::client {
namespace {

constexpr double kMaxTimeoutSeconds = 24 * 60 * 60;

// A number of seconds in (0, one day]; anything else is a usage error naming the value.
CLI::Validator TimeoutValidator() {
  return CLI::Validator(
      [](std::string& value) -> std::string {
        double seconds = 0;
        const char* end = value.data() + value.size();
        const auto [ptr, ec] = std::from_chars(value.data(), end, seconds);
        if (ec != std::errc() || ptr != end || !(seconds > 0) || seconds > kMaxTimeoutSeconds) {
          return "must be a number of seconds greater than 0 and at most 86400, not \"" + value +
                 "\"";
        }
        return {};
      },
      "SECONDS", "Timeout");
}

// The innermost subcommand the command line selected, or nullptr.
const CLI::App* SelectedCommand(const CLI::App& app) {
  const CLI::App* selected = nullptr;
  for (const CLI::App* command = &app;;) {
    const auto subcommands = command->get_subcommands();
    if (subcommands.empty()) return selected;
    selected = command = subcommands.front();
  }
}

// One line for a parse error, with a pointer to the relevant --help.
std::string UsageMessage(const CLI::App& app, const CLI::ParseError& error) {
  const CLI::App* command = SelectedCommand(app);
  std::string message;
  const std::vector<std::string> extras = app.remaining(true);
  if (dynamic_cast<const CLI::ExtrasError*>(&error) != nullptr && !extras.empty()) {
    const std::string& first = extras.front();
    if (!first.empty() && first.front() == '-') {
      message = "unknown option \"" + first + "\"";
    } else if (command == nullptr) {
      message = "unknown command \"" + first + "\"";
    } else {
      message = "unexpected argument \"" + first + "\"";
    }
  } else {
    message = OneLine(error.what());
  }
  const std::string help =
      command == nullptr ? "aircargo --help" : "aircargo " + command->get_name() + " --help";
  return message + " (see '" + help + "')";
}

}  // namespace

int RunCli(int argc, const char* const* argv, StubFactory& stubs, std::ostream& out,
           std::ostream& err) {
  try {
    CLI::App app("Plan air cargo routes with aircargod.", "aircargo");
    app.footer(std::string("Environment:\n  AIRCARGO_SERVER  default for --server\n"
                           "  AIRCARGO_TOKEN   bearer token for writes (and reads, when the "
                           "server asks)\n\n") +
               kExitCodesHelp);
    app.set_version_flag("--version", "aircargo " AIRCARGO_VERSION);
    app.fallthrough();  // global options may follow the command: `aircargo routes --json`
    app.require_subcommand(0, 1);

    GlobalOptions options;
    app.add_option("--server", options.server, "aircargod address, host:port")
        ->envname(kServerEnvVar)
        ->capture_default_str();
    app.add_flag("--json", options.json,
                 "Print the response in the proto JSON mapping (snake_case fields)");
    app.add_option("--timeout", options.timeout_seconds, "Deadline of each call, in seconds")
        ->check(TimeoutValidator())
        ->capture_default_str();

    std::string token_file;
    std::string tls_ca;
    bool tls = false;
    app.add_option("--token-file", token_file,
                   "Send the bearer token in FILE (its first line) with every call; default: "
                   "$AIRCARGO_TOKEN");
    app.add_flag("--tls", tls, "Connect with TLS, trusting the system's certificate authorities");
    app.add_option("--tls-ca", tls_ca, "Connect with TLS, trusting the PEM certificate(s) in FILE");
    std::string tls_cert;
    std::string tls_key;
    auto* cert_option = app.add_option(
        "--tls-cert", tls_cert,
        "Present this PEM client certificate (servers with --tls-client-ca require one)");
    auto* key_option = app.add_option("--tls-key", tls_key, "The client certificate's PEM key");
    cert_option->needs(key_option);
    key_option->needs(cert_option);

    CommandRegistry registry;
    CLI::App& airport_command = AddNetworkCommands(app, registry);
    AddEditCommands(app, airport_command, registry);
    AddCapacityCommands(app, registry);
    AddDemandCommands(app, registry);
    AddItineraryCommands(app, registry);
    AddInterchangeCommands(app, registry);
    AddPathCommands(app, registry);
    AddScenarioCommands(app, registry);

    try {
      app.parse(argc, argv);
    } catch (const CLI::Success& success) {  // --help, --version
      return app.exit(success, out, err);
    } catch (const CLI::ParseError& error) {
      err << "aircargo: " << UsageMessage(app, error) << '\n';
      return static_cast<int>(ExitCode::kUsage);
    }

    if (!token_file.empty()) {
      std::ifstream in(token_file);
      if (!in || !std::getline(in, options.token) || options.token.empty()) {
        err << "aircargo: --token-file: cannot read a token from " << token_file << '\n';
        return static_cast<int>(ExitCode::kUsage);
      }
      while (!options.token.empty() &&
             (options.token.back() == '\r' || options.token.back() == ' ')) {
        options.token.pop_back();
      }
    } else if (const char* token = std::getenv(kTokenEnvVar); token != nullptr) {
      options.token = token;
    }
    if (!tls_ca.empty() || tls || !tls_cert.empty()) {
      std::string pem[3];
      const std::pair<const std::string*, const char*> files[3] = {
          {&tls_ca, "--tls-ca"}, {&tls_cert, "--tls-cert"}, {&tls_key, "--tls-key"}};
      for (int i = 0; i < 3; ++i) {
        if (files[i].first->empty()) continue;
        std::ifstream in(*files[i].first, std::ios::binary);
        std::ostringstream text;
        text << in.rdbuf();
        pem[i] = text.str();
        if (!in || pem[i].empty()) {
          err << "aircargo: " << files[i].second << ": cannot read " << *files[i].first << '\n';
          return static_cast<int>(ExitCode::kUsage);
        }
      }
      stubs.UseTls(pem[0], pem[1], pem[2]);
    }

    const CommandAction* action = registry.Selected();
    if (action == nullptr) {
      err << "aircargo: no command given (see 'aircargo --help')\n";
      return static_cast<int>(ExitCode::kUsage);
    }
    Session session(options, stubs, out);
    const Outcome outcome = (*action)(session);
    if (!outcome.ok()) err << "aircargo: " << outcome.message << '\n';
    return static_cast<int>(outcome.code);
  } catch (const std::exception& e) {
    err << "aircargo: internal error: " << OneLine(e.what()) << '\n';
    return static_cast<int>(ExitCode::kInternal);
  }
}

}  // namespace aircargo::client
