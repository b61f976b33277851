// Loading networks: the OpenFlights world network (imported once per run into a temp dir) loaded
// from .pb and .textproto with LoadNetworkFile (read + parse + validate + build the snapshot),
// against two baselines measured in the same run: reading the file's bytes, and parsing the
// proto alone (binary ParseFromString / TextFormat). Also the import itself and the map writers.
// AIRCARGO_BENCH_SMOKE=1, or no OpenFlights data: the embedded Shenyang network instead.
//
// The load path in parts: BM_ParseArena is the parse LoadNetworkFile does (binary, on an arena),
// BM_BuildNetwork the validation and snapshot from a parsed message. BM_LoadNetworkFile reports
// snapshot_MiB, the heap a loaded snapshot holds (allocator bytes in use after minus before).
#include <benchmark/benchmark.h>
#include <google/protobuf/arena.h>
#include <google/protobuf/text_format.h>
#include <malloc.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "bench/bench_support.h"
#include "formats/geojson.h"
#include "formats/network_file.h"
#include "formats/network_layers.h"
#include "formats/network_proto.h"
#include "formats/openflights.h"
#include "formats/svg_map.h"
#include "routes/scenario_view.h"

namespace aircargo::formats {
namespace {

namespace fs = std::filesystem;

using bench::HaveWorld;
using bench::Smoke;

std::string ReadBytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// The network message under test and its two files, made once.
struct Fixture {
  v1::Network message;
  std::string pb_path;
  std::string text_path;

  static const Fixture& Get() {
    static const Fixture fixture = Make();
    return fixture;
  }

 private:
  static Fixture Make() {
    Fixture f;
    if (!Smoke() && HaveWorld()) {
      auto imported = ImportOpenFlights(OpenFlightsFiles::InDirectory(AIRCARGO_OPENFLIGHTS_DIR),
                                        OpenFlightsOptions{}, nullptr);
      if (imported.ok()) f.message = *imported;
    } else {
      auto parsed = ParseNetworkText(
          ReadBytes(std::string(AIRCARGO_SOURCE_DIR) + "/routes/networks/shenyang.textproto"),
          "shenyang.textproto");
      if (parsed.ok()) f.message = *parsed;
    }
    const fs::path dir =
        fs::temp_directory_path() / ("aircargo_formats_bench_" + std::to_string(::getpid()));
    fs::create_directories(dir);
    static std::string cleanup_dir = dir.string();
    std::atexit([] {
      std::error_code ec;
      fs::remove_all(cleanup_dir, ec);
    });
    f.pb_path = (dir / "world.pb").string();
    f.text_path = (dir / "world.textproto").string();
    (void)SaveNetworkFile(f.message, f.pb_path);
    (void)SaveNetworkFile(f.message, f.text_path);
    return f;
  }
};

// Bytes the allocator has handed out and not got back (heap chunks and mmapped ones).
double HeapInUseMiB() {
  const struct mallinfo2 info = ::mallinfo2();
  return static_cast<double>(info.uordblks + info.hblkhd) / (1 << 20);
}

void Label(benchmark::State& state, const std::string& path) {
  const auto& f = Fixture::Get();
  state.SetLabel(std::to_string(f.message.airports_size()) + " airports, " +
                 std::to_string(f.message.routes_size()) + " routes, " +
                 std::to_string(fs::file_size(path) / 1024) + " KiB");
}

void BM_ReadBytes(benchmark::State& state, bool binary) {
  const auto& f = Fixture::Get();
  const std::string& path = binary ? f.pb_path : f.text_path;
  for (auto _ : state) benchmark::DoNotOptimize(ReadBytes(path));
  Label(state, path);
}

void BM_ParseOnly(benchmark::State& state, bool binary) {
  const auto& f = Fixture::Get();
  const std::string& path = binary ? f.pb_path : f.text_path;
  for (auto _ : state) {
    const std::string bytes = ReadBytes(path);
    v1::Network message;
    const bool ok = binary ? message.ParseFromString(bytes)
                           : google::protobuf::TextFormat::ParseFromString(bytes, &message);
    if (!ok) state.SkipWithError("parse failed");
    benchmark::DoNotOptimize(message);
  }
  Label(state, path);
}

// The binary parse as LoadNetworkFile does it: into a message on an arena.
void BM_ParseArena(benchmark::State& state) {
  const auto& f = Fixture::Get();
  for (auto _ : state) {
    const std::string bytes = ReadBytes(f.pb_path);
    google::protobuf::ArenaOptions options;
    options.start_block_size = 64 << 10;
    options.max_block_size = 4 << 20;
    google::protobuf::Arena arena(options);
    auto* message = google::protobuf::Arena::CreateMessage<v1::Network>(&arena);
    if (!message->ParseFromString(bytes)) state.SkipWithError("parse failed");
    benchmark::DoNotOptimize(message);
  }
  Label(state, f.pb_path);
}

// Validation and the snapshot alone, from a parsed message (copied, not moved, so a bit more
// than the share of LoadNetworkFile, which moves the message's strings).
void BM_BuildNetwork(benchmark::State& state) {
  const auto& f = Fixture::Get();
  for (auto _ : state) {
    auto network = BuildNetwork(f.message);
    if (!network.ok()) state.SkipWithError(network.error().ToString().substr(0, 200).c_str());
    benchmark::DoNotOptimize(network);
  }
  Label(state, f.pb_path);
}

void BM_LoadNetworkFile(benchmark::State& state, bool binary) {
  const auto& f = Fixture::Get();
  const std::string& path = binary ? f.pb_path : f.text_path;
  for (auto _ : state) {
    auto network = LoadNetworkFile(path);
    if (!network.ok()) state.SkipWithError(network.error().ToString().substr(0, 200).c_str());
    benchmark::DoNotOptimize(network);
  }
  ::malloc_trim(0);
  const double before = HeapInUseMiB();
  const auto held = LoadNetworkFile(path);
  state.counters["snapshot_MiB"] = HeapInUseMiB() - before;
  Label(state, path);
}

void BM_ImportOpenFlights(benchmark::State& state) {
  if (Smoke() || !HaveWorld()) {
    state.SkipWithError("no OpenFlights data (or smoke mode)");
    return;
  }
  for (auto _ : state) {
    ImportReport report;
    auto message = ImportOpenFlights(OpenFlightsFiles::InDirectory(AIRCARGO_OPENFLIGHTS_DIR),
                                     OpenFlightsOptions{}, &report);
    benchmark::DoNotOptimize(message);
  }
}

void BM_WriteMap(benchmark::State& state, bool svg) {
  const auto& f = Fixture::Get();
  auto network = BuildNetwork(f.message);
  if (!network.ok()) {
    state.SkipWithError("network does not validate");
    return;
  }
  const auto view = routes::ScenarioView::Operating(
      **network, std::chrono::year_month_day{std::chrono::year{2026}, std::chrono::January,
                                             std::chrono::day{1}});
  for (auto _ : state) {
    const MapDocument doc = NetworkMap(view);
    benchmark::DoNotOptimize(svg ? ToSvgMap(doc) : ToGeoJson(doc));
  }
}

BENCHMARK_CAPTURE(BM_ReadBytes, pb, true)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_ParseOnly, pb, true)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_LoadNetworkFile, pb, true)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ParseArena)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_BuildNetwork)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_ReadBytes, textproto, false)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_ParseOnly, textproto, false)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_LoadNetworkFile, textproto, false)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ImportOpenFlights)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_WriteMap, geojson, false)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_WriteMap, svg, true)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace aircargo::formats
BENCHMARK_MAIN();
