// OpenFlights import from files: reading the .dat files, finding them in a directory, and the
// world-network convenience loader.
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <utility>

#include "formats/network_proto.h"
#include "formats/openflights.h"

namespace aircargo::formats {
namespace {

routes::Result<std::string> ReadWholeFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return routes::NotFound(path, "cannot read file");
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

}  // namespace

OpenFlightsFiles OpenFlightsFiles::InDirectory(const std::string& dir) {
  namespace fs = std::filesystem;
  OpenFlightsFiles files;
  files.airports = (fs::path(dir) / "airports.dat").string();
  files.routes = (fs::path(dir) / "routes.dat").string();
  auto optional = [&](const char* name) {
    const fs::path p = fs::path(dir) / name;
    std::error_code ec;
    return fs::exists(p, ec) ? p.string() : std::string();
  };
  files.planes = optional("planes.dat");
  files.airlines = optional("airlines.dat");
  files.countries = optional("countries.dat");
  return files;
}

routes::Result<v1::Network> ImportOpenFlights(const OpenFlightsFiles& files,
                                              const OpenFlightsOptions& options,
                                              ImportReport* report) {
  OpenFlightsText text;
  const std::pair<const std::string*, std::string*> parts[] = {{&files.airports, &text.airports},
                                                               {&files.routes, &text.routes},
                                                               {&files.planes, &text.planes},
                                                               {&files.airlines, &text.airlines},
                                                               {&files.countries, &text.countries}};
  for (const auto& [path, content] : parts) {
    const bool required = path == &files.airports || path == &files.routes;
    if (path->empty()) {
      if (required)
        return routes::InvalidArgument(path == &files.airports ? "airports" : "routes",
                                       "is required (a path to the .dat file)");
      continue;
    }
    auto read = ReadWholeFile(*path);
    if (!read.ok()) return read.error();
    *content = std::move(read).value();
  }
  return ImportOpenFlightsText(text, options, report);
}

routes::Result<std::shared_ptr<const routes::Network>> LoadOpenFlightsWorld(
    const std::string& dir) {
  auto network =
      ImportOpenFlights(OpenFlightsFiles::InDirectory(dir), OpenFlightsOptions{}, nullptr);
  if (!network.ok()) return network.error();
  return BuildNetwork(network.value());
}

}  // namespace aircargo::formats
