// Fuzz target: the OpenFlights importer (formats::ImportOpenFlightsText) and the validation of what
// it produces (formats::BuildNetwork). The input is the database's files one after another,
// separated by lines holding only "%%": airports.dat, routes.dat, then optionally planes.dat,
// airlines.dat and countries.dat. Each input is imported twice: default options and strict.
// Invariants: no crash, UB or leak; every error has a message.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "formats/network_proto.h"
#include "formats/openflights.h"

namespace {

std::vector<std::string> SplitParts(std::string_view input) {
  std::vector<std::string> parts;
  constexpr std::string_view kSeparator = "\n%%\n";
  while (parts.size() < 4) {
    const auto at = input.find(kSeparator);
    if (at == std::string_view::npos) break;
    parts.emplace_back(input.substr(0, at + 1));
    input.remove_prefix(at + kSeparator.size());
  }
  parts.emplace_back(input);
  parts.resize(5);
  return parts;
}

void Import(const aircargo::formats::OpenFlightsText& text, bool strict) {
  using namespace aircargo;
  formats::OpenFlightsOptions options;
  options.strict = strict;
  formats::ImportReport report;
  const auto imported = formats::ImportOpenFlightsText(text, options, &report);
  if (!imported.ok()) {
    if (imported.error().message.empty() && imported.error().violations.empty()) __builtin_trap();
    return;
  }
  (void)report.Summary();
  const auto built = formats::BuildNetwork(*imported);
  if (!built.ok() && built.error().message.empty() && built.error().violations.empty()) {
    __builtin_trap();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::vector<std::string> parts =
      SplitParts(std::string_view(reinterpret_cast<const char*>(data), size));
  aircargo::formats::OpenFlightsText text{.airports = std::move(parts[0]),
                                          .routes = std::move(parts[1]),
                                          .planes = std::move(parts[2]),
                                          .airlines = std::move(parts[3]),
                                          .countries = std::move(parts[4])};
  Import(text, false);
  Import(text, true);
  return 0;
}
