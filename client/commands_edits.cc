#include "client/commands_edits.h"

#include <google/protobuf/io/tokenizer.h>
#include <google/protobuf/text_format.h>

#include <CLI/CLI.hpp>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "client/edit_fields.h"
#include "client/render_edits.h"
#include "client/text.h"
#include "client/watch_stream.h"

namespace aircargo::client {
namespace {

struct WriteFlags {
  std::int64_t expected_version = 0;
  std::string request_id;
};

void AddWriteFlags(CLI::App& command, WriteFlags& flags) {
  command
      .add_option("--expected-version", flags.expected_version,
                  "The network version this edit was made against (default: read it first)")
      ->check(CLI::PositiveNumber);
  command.add_option("--request-id", flags.request_id,
                     "An id for this write: retrying with it never applies the write twice");
}

// The write options: --expected-version, or the version the server holds now.
Outcome PrepareWrite(Session& session, const WriteFlags& flags, v1::WriteOptions* write) {
  write->set_request_id(flags.request_id);
  if (flags.expected_version > 0) {
    write->set_expected_version(flags.expected_version);
    return Outcome::Ok();
  }
  v1::GetNetworkRequest request;
  v1::GetNetworkResponse response;
  auto& stub = session.NetworkStub();
  Outcome outcome = session.Call(
      [&](grpc::ClientContext* context) { return stub.GetNetwork(context, request, &response); });
  write->set_expected_version(response.network_version());
  return outcome;
}

Outcome PrintWrite(Session& session, const v1::EditResponse& response, const std::string& what) {
  return session.Print(response, [&] { return RenderEditResponse(response, what); });
}

// One write: prepares the options, calls `rpc` with them and prints the version.
template <typename Request, typename Rpc>
Outcome Write(Session& session, const WriteFlags& flags, Request& request, Rpc rpc,
              const std::string& what) {
  Outcome outcome = PrepareWrite(session, flags, request.mutable_write());
  if (!outcome.ok()) return outcome;
  v1::EditResponse response;
  auto& stub = session.EditStub();
  outcome = session.Call(
      [&](grpc::ClientContext* context) { return (stub.*rpc)(context, request, &response); });
  if (!outcome.ok()) return outcome;
  return PrintWrite(session, response, what);
}

struct RouteFields {
  std::string id;
  WriteFlags write;
  std::unique_ptr<FieldOptions> fields;
};

Outcome RunRouteAdd(Session& session, const RouteFields& options) {
  v1::CreateRouteRequest request;
  v1::Route* route = request.mutable_edit()->mutable_route();
  if (std::string error = options.fields->Apply(*route); !error.empty()) {
    return Outcome::Fail(ExitCode::kUsage, error);
  }
  route->set_id(options.id);
  return Write(session, options.write, request, &v1::NetworkEditService::StubInterface::CreateRoute,
               options.id + " added");
}

Outcome RunRouteUpdate(Session& session, const RouteFields& options) {
  const std::vector<std::string> given = options.fields->Given();
  if (given.empty()) {
    return Outcome::Fail(ExitCode::kUsage,
                         "route update: give at least one field to change (see 'aircargo route "
                         "update --help')");
  }
  v1::UpdateRouteRequest request;
  v1::Route* route = request.mutable_edit()->mutable_route();
  if (std::string error = options.fields->Apply(*route); !error.empty()) {
    return Outcome::Fail(ExitCode::kUsage, error);
  }
  route->set_id(options.id);
  std::string names;
  for (const std::string& field : given) {
    request.mutable_edit()->mutable_update_mask()->add_paths(field);
    names += (names.empty() ? "" : ", ") + field;
  }
  return Write(session, options.write, request, &v1::NetworkEditService::StubInterface::UpdateRoute,
               options.id + " updated (" + names + ")");
}

struct RouteIdOptions {
  std::string id;
  std::string reason;
  WriteFlags write;
};

Outcome RunRouteDelete(Session& session, const RouteIdOptions& options) {
  v1::DeleteRouteRequest request;
  request.mutable_edit()->set_route_id(options.id);
  return Write(session, options.write, request, &v1::NetworkEditService::StubInterface::DeleteRoute,
               options.id + " deleted");
}

Outcome RunRouteStatus(Session& session, const RouteIdOptions& options, v1::RouteStatus status,
                       const std::string& done) {
  v1::SetRouteStatusRequest request;
  request.mutable_edit()->set_route_id(options.id);
  request.mutable_edit()->set_status(status);
  request.mutable_edit()->set_reason(options.reason);
  return Write(session, options.write, request,
               &v1::NetworkEditService::StubInterface::SetRouteStatus, options.id + " " + done);
}

struct AirportFields {
  std::string iata;
  WriteFlags write;
  std::unique_ptr<FieldOptions> fields;
};

Outcome RunAirportSet(Session& session, const AirportFields& options) {
  v1::UpsertAirportRequest request;
  v1::Airport* airport = request.mutable_edit()->mutable_airport();
  // Start from the airport as the server holds it, so only the fields given change.
  v1::GetAirportRequest get;
  get.set_iata(ToUpperAscii(options.iata));
  v1::GetAirportResponse current;
  auto& network = session.NetworkStub();
  grpc::Status status;
  Outcome read = session.Call([&](grpc::ClientContext* context) {
    status = network.GetAirport(context, get, &current);
    return status;
  });
  if (!read.ok() && status.error_code() != grpc::StatusCode::NOT_FOUND) return read;
  const bool exists = read.ok();
  if (exists) *airport = current.airport();
  if (std::string error = options.fields->Apply(*airport); !error.empty()) {
    return Outcome::Fail(ExitCode::kUsage, error);
  }
  airport->set_iata(ToUpperAscii(options.iata));
  WriteFlags write = options.write;
  if (write.expected_version == 0 && exists) write.expected_version = current.network_version();
  return Write(session, write, request, &v1::NetworkEditService::StubInterface::UpsertAirport,
               airport->iata() + (exists ? " updated" : " added"));
}

struct ApplyOptions {
  std::string file;
  WriteFlags write;
};

Outcome RunEditsApply(Session& session, const ApplyOptions& options) {
  std::ifstream in(options.file, std::ios::binary);
  if (!in) return Outcome::Fail(ExitCode::kUsage, "cannot read " + options.file);
  std::ostringstream text;
  text << in.rdbuf();
  v1::ApplyEditsRequest request;
  std::string parse_error;
  class Collector : public google::protobuf::io::ErrorCollector {
   public:
    explicit Collector(std::string* out) : out_(out) {}
    void AddError(int line, int column, const std::string& message) override {
      if (out_->empty()) {
        *out_ = std::to_string(line + 1) + ":" + std::to_string(column + 1) + ": " + message;
      }
    }

   private:
    std::string* out_;
  } collector(&parse_error);
  google::protobuf::TextFormat::Parser parser;
  parser.RecordErrorsTo(&collector);
  if (!parser.ParseFromString(text.str(), &request)) {
    return Outcome::Fail(ExitCode::kUsage, options.file + ":" + parse_error);
  }
  WriteFlags write = options.write;
  if (write.expected_version == 0) write.expected_version = request.write().expected_version();
  if (write.request_id.empty()) write.request_id = request.write().request_id();
  return Write(session, write, request, &v1::NetworkEditService::StubInterface::ApplyEdits,
               std::to_string(request.edits_size()) + " edits applied");
}

struct HistoryOptions {
  std::int64_t since = 0;
  int limit = 100;
};

Outcome RunHistory(Session& session, const HistoryOptions& options) {
  v1::ListEditsRequest request;
  request.set_since_version(options.since);
  request.set_limit(options.limit);
  v1::ListEditsResponse response;
  auto& stub = session.EditStub();
  Outcome outcome = session.Call(
      [&](grpc::ClientContext* context) { return stub.ListEdits(context, request, &response); });
  if (!outcome.ok()) return outcome;
  return session.Print(response, [&] { return RenderHistory(response); });
}

struct WatchOptions {
  std::int64_t from = 0;
  int count = 0;
  bool heartbeats = false;
};

Outcome RunWatch(Session& session, const WatchOptions& options) {
  v1::WatchNetworkRequest request;
  request.set_from_version(options.from);
  grpc::ClientContext context;
  session.Authorize(context);
  auto& stub = session.EditStub();
  auto reader = stub.WatchNetwork(&context, request);
  return FollowWatch<v1::WatchNetworkResponse>(
      session, context, *reader, options.count, [&](const v1::WatchNetworkResponse& message) {
        if (!message.has_change() && !options.heartbeats) return Outcome::Ok();
        Outcome printed = session.Print(message, [&] { return RenderWatchEvent(message); });
        session.out().flush();
        return printed;
      });
}

}  // namespace

void AddEditCommands(CLI::App& app, CLI::App& airport_command, CommandRegistry& registry) {
  CLI::App* route = app.add_subcommand("route", "Change one route of the served network");
  route->require_subcommand(1);

  auto add = std::make_shared<RouteFields>();
  CLI::App* add_command =
      registry.Add(*route, "add", "Add a route (CreateRoute)",
                   [add](Session& session) { return RunRouteAdd(session, *add); });
  add_command->add_option("ID", add->id, "The new route's id (e.g. SHE-YVR-W8)")->required();
  add->fields = std::make_unique<FieldOptions>(*add_command, v1::Route::descriptor(),
                                               std::vector<std::string>{"id"});
  AddWriteFlags(*add_command, add->write);

  auto update = std::make_shared<RouteFields>();
  CLI::App* update_command = registry.Add(
      *route, "update", "Change the given fields of a route (UpdateRoute with a field mask)",
      [update](Session& session) { return RunRouteUpdate(session, *update); });
  update_command->add_option("ID", update->id, "The route's id")->required();
  update->fields = std::make_unique<FieldOptions>(*update_command, v1::Route::descriptor(),
                                                  std::vector<std::string>{"id"});
  AddWriteFlags(*update_command, update->write);

  auto remove = std::make_shared<RouteIdOptions>();
  CLI::App* delete_command =
      registry.Add(*route, "delete", "Delete a route (DeleteRoute)",
                   [remove](Session& session) { return RunRouteDelete(session, *remove); });
  delete_command->add_option("ID", remove->id, "The route's id")->required();
  AddWriteFlags(*delete_command, remove->write);

  for (const auto& [name, status, done] :
       {std::tuple("suspend", v1::ROUTE_STATUS_SUSPENDED, "suspended"),
        std::tuple("resume", v1::ROUTE_STATUS_OPERATING, "operating again")}) {
    auto options = std::make_shared<RouteIdOptions>();
    const v1::RouteStatus to = status;
    const std::string what = done;
    CLI::App* command =
        registry.Add(*route, name,
                     std::string(name == std::string("suspend") ? "Suspend" : "Resume") +
                         " a route, with a reason (SetRouteStatus)",
                     [options, to, what](Session& session) {
                       return RunRouteStatus(session, *options, to, what);
                     });
    command->add_option("ID", options->id, "The route's id")->required();
    command->add_option("--reason", options->reason, "Why (kept in the edit log)")->required();
    AddWriteFlags(*command, options->write);
  }

  auto airport = std::make_shared<AirportFields>();
  CLI::App* set_command = registry.Add(
      airport_command, "set", "Add an airport or change the given fields of one (UpsertAirport)",
      [airport](Session& session) { return RunAirportSet(session, *airport); });
  set_command->add_option("IATA", airport->iata, "The airport's IATA code")->required();
  airport->fields = std::make_unique<FieldOptions>(*set_command, v1::Airport::descriptor(),
                                                   std::vector<std::string>{"iata"});
  AddWriteFlags(*set_command, airport->write);

  CLI::App* edits = app.add_subcommand("edits", "Apply several edits at once");
  edits->require_subcommand(1);
  auto apply = std::make_shared<ApplyOptions>();
  CLI::App* apply_command = registry.Add(
      *edits, "apply",
      "Apply the edits of FILE (an aircargo.v1.ApplyEditsRequest in text format) atomically",
      [apply](Session& session) { return RunEditsApply(session, *apply); });
  apply_command->add_option("FILE", apply->file, "The edits, .textproto")->required();
  AddWriteFlags(*apply_command, apply->write);

  auto history = std::make_shared<HistoryOptions>();
  CLI::App* history_command =
      registry.Add(app, "history", "List the edit log: versions, times, authors, edits",
                   [history](Session& session) { return RunHistory(session, *history); });
  history_command->add_option("--since", history->since, "Edits after this version")
      ->check(CLI::NonNegativeNumber);
  history_command->add_option("--limit", history->limit, "At most this many (1..1000)")
      ->check(CLI::Range(1, 1000))
      ->capture_default_str();

  auto watch = std::make_shared<WatchOptions>();
  CLI::App* watch_command =
      registry.Add(app, "watch", "Print every change as it is accepted (until Ctrl-C)",
                   [watch](Session& session) { return RunWatch(session, *watch); });
  watch_command->add_option("--from", watch->from, "Start after this version (default: now)")
      ->check(CLI::NonNegativeNumber);
  watch_command->add_option("--count", watch->count, "Stop after this many changes")
      ->check(CLI::PositiveNumber);
  watch_command->add_flag("--heartbeats", watch->heartbeats, "Also print the heartbeats");
}

}  // namespace aircargo::client
