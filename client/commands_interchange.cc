#include "client/commands_interchange.h"

#include <unistd.h>

#include <CLI/CLI.hpp>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "client/scenario_flags.h"
#include "formats/dot.h"
#include "formats/geojson.h"
#include "formats/land.h"
#include "formats/network_file.h"
#include "formats/network_layers.h"
#include "formats/network_proto.h"
#include "formats/openflights.h"
#include "formats/scenario_proto.h"
#include "formats/ssim.h"
#include "formats/svg_map.h"
#include "routes/scenario_view.h"

namespace aircargo::client {
namespace {

// routes.dat above this size gets a progress line on a terminal.
constexpr std::int64_t kProgressMinBytes = 1 << 20;

struct ImportOptions {
  formats::OpenFlightsFiles files;
  formats::OpenFlightsOptions model;
  std::string output;
};

struct SsimImportOptions {
  std::vector<std::string> files;
  std::string airports;   // airports.dat
  std::string countries;  // countries.dat (default: beside airports.dat)
  formats::SsimOptions model;
  std::string output;
};

struct ExportOptions {
  std::string format;
  std::string from;  // ssim: first date of the schedule, "YYYY-MM-DD" (default today)
  std::string output;
  std::string title;
  std::string network_file;  // offline: draw this file instead of the server's network
  bool land = false;         // GeoJSON: add the land polygons as a "land" layer
  bool no_land = false;      // SVG: draw no land under the routes
  ScenarioFlags scenario;
};

ExitCode ExitCodeForError(const routes::Error& error) { return ExitCodeFor(error.code); }

std::string FirstLines(const routes::Error& error, int max_lines) {
  std::string text = error.ToString();
  std::size_t pos = 0;
  for (int i = 0; i < max_lines && pos != std::string::npos; ++i) pos = text.find('\n', pos + 1);
  if (pos != std::string::npos) text = text.substr(0, pos) + "\n  ...";
  return text;
}

// Validates an imported network, writes it to `output` and prints the import's summary line
// (shared by every importer).
Outcome SaveImported(Session& session, const v1::Network& message, const std::string& output,
                     const std::string& summary) {
  auto network = formats::BuildNetwork(message);
  if (!network.ok()) {
    return Outcome::Fail(ExitCode::kRejected, "the imported network does not validate: " +
                                                  FirstLines(network.error(), 10));
  }
  auto saved = formats::SaveNetworkFile(message, output);
  if (!saved.ok()) {
    return Outcome::Fail(ExitCode::kInternal,
                         "cannot write " + output + ": " + saved.error().ToString());
  }
  session.out() << "wrote " << output << ": " << summary << "\n";
  return Outcome::Ok();
}

Outcome RunImportOpenFlights(Session& session, ImportOptions options) {
  namespace fs = std::filesystem;
  if (options.files.countries.empty()) {
    const fs::path beside = fs::path(options.files.airports).parent_path() / "countries.dat";
    std::error_code ec;
    if (fs::exists(beside, ec)) options.files.countries = beside.string();
  }
  std::error_code ec;
  const auto routes_size = static_cast<std::int64_t>(fs::file_size(options.files.routes, ec));
  if (!ec && routes_size >= kProgressMinBytes && isatty(STDERR_FILENO) == 1) {
    options.model.progress = [](std::int64_t done, std::int64_t total) {
      std::fprintf(stderr, "\rimporting routes.dat: %3d%%",
                   static_cast<int>(total > 0 ? done * 100 / total : 100));
      if (done >= total) std::fputc('\n', stderr);
      std::fflush(stderr);
    };
  }
  formats::ImportReport report;
  auto message = formats::ImportOpenFlights(options.files, options.model, &report);
  if (!message.ok()) {
    return Outcome::Fail(ExitCodeForError(message.error()),
                         "import failed: " + message.error().ToString());
  }
  return SaveImported(session, *message, options.output, report.Summary());
}

routes::Result<std::string> ReadText(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return routes::NotFound(path, "cannot read file");
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

Outcome RunImportSsim(Session& session, const SsimImportOptions& options) {
  namespace fs = std::filesystem;
  std::vector<v1::Airport> airports;
  if (!options.airports.empty()) {
    auto text = ReadText(options.airports);
    if (!text.ok()) return Outcome::Fail(ExitCode::kRejected, text.error().ToString());
    std::string countries_path = options.countries;
    std::error_code ec;
    const fs::path beside = fs::path(options.airports).parent_path() / "countries.dat";
    if (countries_path.empty() && fs::exists(beside, ec)) countries_path = beside.string();
    std::string countries;
    if (!countries_path.empty()) {
      auto read = ReadText(countries_path);
      if (!read.ok()) return Outcome::Fail(ExitCode::kRejected, read.error().ToString());
      countries = std::move(read).value();
    }
    airports = formats::ReadOpenFlightsAirports(*text, countries, nullptr);
  }
  std::vector<formats::SsimInput> files;
  for (const std::string& path : options.files) {
    auto text = ReadText(path);
    if (!text.ok()) return Outcome::Fail(ExitCode::kRejected, text.error().ToString());
    files.push_back({fs::path(path).filename().string(), std::move(text).value()});
  }
  formats::SsimReport report;
  auto message = formats::ImportSsim(files, airports, options.model, &report);
  if (!message.ok()) {
    return Outcome::Fail(ExitCodeForError(message.error()),
                         "import failed: " + message.error().ToString());
  }
  Outcome outcome = SaveImported(session, *message, options.output, report.Summary());
  if (outcome.ok()) {
    for (const std::string& example : report.examples) session.out() << "  " << example << "\n";
  }
  return outcome;
}

std::string ScenarioLabel(const ScenarioFlags& flags) {
  std::string label = flags.as_of.empty() ? "as of today" : "as of " + flags.as_of;
  if (flags.with_planned) label += ", with planned";
  for (const auto& a : flags.close) label += ", closed " + a;
  for (const auto& r : flags.drop) label += ", dropped " + r;
  for (const auto& c : flags.exclude_carriers) label += ", without " + c;
  for (const auto& f : flags.factors) label += ", factor " + f;
  return label;
}

// The network message to export: the --network file's (offline, loaded and validated by the
// library) or the server's (GetNetwork, FULL view).
Outcome FetchNetworkMessage(Session& session, const ExportOptions& options, v1::Network* out) {
  if (!options.network_file.empty()) {
    auto network = formats::LoadNetworkFile(options.network_file);
    if (!network.ok()) {
      return Outcome::Fail(ExitCodeForError(network.error()), FirstLines(network.error(), 10));
    }
    *out = formats::ToProto(**network);
    return Outcome::Ok();
  }
  v1::GetNetworkRequest request;
  request.set_view(v1::NETWORK_VIEW_FULL);
  v1::GetNetworkResponse response;
  auto& stub = session.NetworkStub();
  Outcome outcome = session.Call(
      [&](grpc::ClientContext* context) { return stub.GetNetwork(context, request, &response); });
  if (!outcome.ok()) return outcome;
  *out = std::move(*response.mutable_network());
  if (out->version() == 0) out->set_version(response.network_version());
  return Outcome::Ok();
}

// Offline (export --network FILE): this process loads the file and applies the scenario flags
// with the library (formats + the core), as the server would.
Outcome OfflineDocument(const ExportOptions& options, const formats::NetworkMapOptions& map_options,
                        formats::MapDocument* document) {
  auto network = formats::LoadNetworkFile(options.network_file);
  if (!network.ok()) {
    return Outcome::Fail(ExitCodeForError(network.error()), FirstLines(network.error(), 10));
  }
  auto view =
      formats::MakeScenarioView(ToScenario(options.scenario), **network, formats::TodayUtc());
  if (!view.ok()) return Outcome::Fail(ExitCodeForError(view.error()), view.error().ToString());
  *document = formats::NetworkMap(*view, map_options);
  return Outcome::Ok();
}

// Online: the server applies the scenario (GetNetwork, FULL view, with the scenario) and answers
// the network as it sees it; the CLI only draws.
Outcome OnlineDocument(Session& session, const ExportOptions& options,
                       const formats::NetworkMapOptions& map_options,
                       formats::MapDocument* document) {
  v1::GetNetworkRequest request;
  request.set_view(v1::NETWORK_VIEW_FULL);
  *request.mutable_scenario() = ToScenario(options.scenario);
  v1::GetNetworkResponse response;
  auto& stub = session.NetworkStub();
  Outcome outcome = session.Call(
      [&](grpc::ClientContext* context) { return stub.GetNetwork(context, request, &response); });
  if (!outcome.ok()) return outcome;
  v1::Network& network = *response.mutable_network();
  if (network.version() == 0) network.set_version(response.network_version());
  *document = formats::NetworkMap(network, response.scenario_network(), map_options);
  return Outcome::Ok();
}

Outcome WriteText(Session& session, const std::string& output, const std::string& text) {
  if (output.empty() || output == "-") {
    session.out() << text;
    return Outcome::Ok();
  }
  std::ofstream file(output, std::ios::binary | std::ios::trunc);
  file << text;
  file.close();
  if (!file) return Outcome::Fail(ExitCode::kInternal, "cannot write " + output);
  return Outcome::Ok();
}

// The whole network's schedule from --from (default today) as SSIM Chapter 7.
Outcome WriteSsim(Session& session, const v1::Network& network, const ExportOptions& options,
                  std::chrono::year_month_day today) {
  formats::SsimExportOptions ssim;
  ssim.from = today;
  ssim.created = today;
  if (!options.from.empty()) {
    const auto from = routes::ParseIsoDate(options.from);
    if (!from) {
      return Outcome::Fail(ExitCode::kUsage,
                           "--from must be a date YYYY-MM-DD, got \"" + options.from + "\"");
    }
    ssim.from = *from;
  }
  auto text = formats::ExportSsim(network, ssim, nullptr);
  if (!text.ok()) return Outcome::Fail(ExitCodeForError(text.error()), text.error().ToString());
  return WriteText(session, options.output, *text);
}

Outcome RunExport(Session& session, const ExportOptions& options) {
  if (options.format == "ssim") {
    v1::Network network;
    Outcome outcome = FetchNetworkMessage(session, options, &network);
    if (!outcome.ok()) return outcome;
    return WriteSsim(session, network, options, formats::TodayUtc());
  }
  formats::NetworkMapOptions map_options;
  map_options.title = options.title;
  map_options.scenario_label = ScenarioLabel(options.scenario);
  formats::MapDocument document;
  Outcome outcome = options.network_file.empty()
                        ? OnlineDocument(session, options, map_options, &document)
                        : OfflineDocument(options, map_options, &document);
  if (!outcome.ok()) return outcome;
  std::string text;
  if (options.format == "geojson") {
    if (options.land) formats::AddLand(document);
    text = formats::ToGeoJson(document);
  } else if (options.format == "dot") {
    text = formats::ToDot(document);
  } else {
    formats::SvgMapOptions svg_options;
    svg_options.land = !options.no_land;
    text = formats::ToSvgMap(document, svg_options);
  }
  return WriteText(session, options.output, text);
}

}  // namespace

void AddInterchangeCommands(CLI::App& app, CommandRegistry& registry) {
  CLI::App* import = app.add_subcommand("import", "Import a network from another format (offline)");
  import->require_subcommand(1);
  auto of = std::make_shared<ImportOptions>();
  CLI::App* openflights = registry.Add(
      *import, "openflights",
      "Import the OpenFlights database (https://openflights.org/data.php) into a network file; "
      "frequency, payload and cost are modelled (see formats/openflights.h)",
      [of](Session& session) { return RunImportOpenFlights(session, *of); });
  openflights->add_option("--airports", of->files.airports, "airports.dat")
      ->required()
      ->check(CLI::ExistingFile);
  openflights->add_option("--routes", of->files.routes, "routes.dat")
      ->required()
      ->check(CLI::ExistingFile);
  openflights->add_option("--planes", of->files.planes, "planes.dat (aircraft names)")
      ->check(CLI::ExistingFile);
  openflights
      ->add_option("--airlines", of->files.airlines, "airlines.dat (codes for routes without one)")
      ->check(CLI::ExistingFile);
  openflights
      ->add_option("--countries", of->files.countries,
                   "countries.dat (default: beside airports.dat when present)")
      ->check(CLI::ExistingFile);
  openflights
      ->add_option("-o,--output", of->output, "Network file to write (.pb binary, text otherwise)")
      ->required();
  openflights
      ->add_option("--flights-per-week", of->model.flights_per_week,
                   "Modelled frequency of every route")
      ->check(CLI::Range(1, 70))
      ->capture_default_str();
  openflights
      ->add_option("--payload-kg", of->model.payload_override_kg,
                   "Payload per flight for every route (default: by equipment type)")
      ->check(CLI::Range(std::int64_t{1}, std::int64_t{1'000'000}));
  openflights
      ->add_option("--default-payload-kg", of->model.default_payload_kg,
                   "Payload per flight for equipment missing from the table")
      ->check(CLI::Range(std::int64_t{1}, std::int64_t{1'000'000}))
      ->capture_default_str();
  openflights->add_flag("--skip-codeshares", of->model.skip_codeshares,
                        "Leave codeshare rows out (default: import them tagged \"codeshare\")");
  openflights->add_flag("--skip-unknown-tz", of->model.skip_unknown_time_zone,
                        "Skip airports without a known tz name (default: Etc/GMT offset or UTC)");
  openflights->add_flag("--strict", of->model.strict, "Fail (exit 3) on the first skipped row");
  openflights->add_option("--name", of->model.network_name, "Network name")->capture_default_str();

  auto ss = std::make_shared<SsimImportOptions>();
  CLI::App* ssim = registry.Add(
      *import, "ssim",
      "Import IATA SSIM Chapter 7 schedule files into a network file; payload and cost are "
      "modelled (see formats/ssim.h)",
      [ss](Session& session) { return RunImportSsim(session, *ss); });
  ssim->add_option("files", ss->files, "SSIM files")->required()->check(CLI::ExistingFile);
  ssim->add_option("--airports", ss->airports,
                   "OpenFlights airports.dat giving the stations' coordinates and time zones")
      ->check(CLI::ExistingFile);
  ssim->add_option("--countries", ss->countries,
                   "countries.dat (default: beside airports.dat when present)")
      ->check(CLI::ExistingFile);
  ssim->add_option("-o,--output", ss->output, "Network file to write (.pb binary, text otherwise)")
      ->required();
  ssim->add_flag("--strict", ss->model.strict, "Fail (exit 3) on the first bad record");
  ssim->add_option("--name", ss->model.network_name, "Network name")->capture_default_str();

  auto ex = std::make_shared<ExportOptions>();
  CLI::App* export_command =
      registry.Add(app, "export",
                   "Draw the server's network as GeoJSON, Graphviz DOT or an SVG map, or write its "
                   "schedule as IATA SSIM",
                   [ex](Session& session) { return RunExport(session, *ex); });
  export_command->add_option("--format", ex->format, "geojson, dot, svg or ssim")
      ->required()
      ->check(CLI::IsMember({"geojson", "dot", "svg", "ssim"}, CLI::ignore_case));
  export_command->add_option(
      "--from", ex->from,
      "ssim: first date of the exported schedule, YYYY-MM-DD (default today; scenario flags "
      "do not apply)");
  export_command->add_option("-o,--output", ex->output, "File to write (default: stdout)");
  export_command->add_option("--title", ex->title,
                             "Title (default: the network's name and version)");
  export_command->add_option(
      "--network", ex->network_file,
      "Draw this network file (.pb or text) instead of the server's (offline)");
  export_command->add_flag("--land", ex->land,
                           "GeoJSON: add the world's land (Natural Earth 1:110m) as a \"land\" "
                           "layer of Polygon features");
  export_command->add_flag("--no-land", ex->no_land, "SVG: draw no land under the routes");
  AddScenarioFlags(*export_command, ex->scenario);
}

}  // namespace aircargo::client
