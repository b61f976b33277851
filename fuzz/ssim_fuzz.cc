// Fuzz target: the SSIM Chapter 7 reader and importer (formats::ImportSsim) on one file, against a
// fixed station table, lenient and strict, then the export of what it imported and its re-import.
// Invariants: no crash, UB or leak; every error has a message; an import that succeeds validates
// (BuildNetwork), and its export succeeds and imports again with no bad record.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "formats/network_proto.h"
#include "formats/ssim.h"

namespace {

using namespace aircargo;

const std::vector<v1::Airport>& Stations() {
  static const std::vector<v1::Airport> stations = [] {
    struct Row {
      const char* iata;
      const char* zone;
      double lat;
      double lon;
    };
    const Row rows[] = {
        {"PVG", "Asia/Shanghai", 31.1, 121.8},        {"SHE", "Asia/Shanghai", 41.6, 123.5},
        {"NRT", "Asia/Tokyo", 35.8, 140.4},           {"HNL", "Pacific/Honolulu", 21.3, -157.9},
        {"ANC", "America/Anchorage", 61.2, -150.0},   {"ORD", "America/Chicago", 42.0, -87.9},
        {"LAX", "America/Los_Angeles", 33.9, -118.4}, {"JFK", "America/New_York", 40.6, -73.8},
        {"FRA", "Europe/Berlin", 50.0, 8.6},          {"RUN", "Indian/Reunion", -20.9, 55.5},
        {"DZA", "Indian/Mayotte", -12.8, 45.3},       {"MRU", "Indian/Mauritius", -20.4, 57.7}};
    std::vector<v1::Airport> out;
    for (const Row& r : rows) {
      v1::Airport a;
      a.set_iata(r.iata);
      a.set_country("ZZ");
      a.set_time_zone(r.zone);
      a.set_latitude_deg(r.lat);
      a.set_longitude_deg(r.lon);
      out.push_back(a);
    }
    return out;
  }();
  return stations;
}

void CheckError(const routes::Error& error) {
  if (error.message.empty() && error.violations.empty()) __builtin_trap();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  for (bool strict : {false, true}) {
    formats::SsimOptions options;
    options.strict = strict;
    formats::SsimReport report;
    const auto imported = formats::ImportSsim({{"fuzz.ssim", text}}, Stations(), options, &report);
    if (!imported.ok()) {
      CheckError(imported.error());
      continue;
    }
    (void)report.Summary();
    const auto built = formats::BuildNetwork(*imported);
    if (!built.ok()) __builtin_trap();  // the importer must only write valid networks
    const std::chrono::year_month_day from{std::chrono::year{2026}, std::chrono::January,
                                           std::chrono::day{5}};
    const auto exported = formats::ExportSsim(*imported, {from, from}, nullptr);
    if (!exported.ok()) {
      CheckError(exported.error());
      continue;
    }
    formats::SsimReport again;
    const auto reimported = formats::ImportSsim({{"export.ssim", *exported}}, Stations(),
                                                formats::SsimOptions{}, &again);
    if (!reimported.ok() || again.bad_records() != 0) __builtin_trap();
  }
  return 0;
}
