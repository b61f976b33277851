// aircargod: the aircargo planning service. See --help.
#include <malloc.h>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include <CLI/CLI.hpp>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <thread>

#include "formats/network_file.h"
#include "server/default_network.h"
#include "server/server.h"

namespace {

using aircargo::routes::Network;
using aircargo::routes::Result;

Result<std::shared_ptr<const Network>> Load(const std::string& path) {
  return path.empty() ? aircargo::server::LoadDefaultNetwork()
                      : aircargo::formats::LoadNetworkFile(path);
}

// glibc gives every thread that allocates its own arena (up to 8 per core) and keeps what each
// arena freed, and raises its mmap threshold after large frees so that later large blocks stay in
// the heap too: under load, gRPC's threads building flow networks and timetables per request left
// aircargod at ~280 MiB with the world network (46 MiB after loading). A few arenas and a fixed
// 1 MiB mmap threshold (large per-request buffers go back to the system when freed) keep it under
// 100 MiB at no measurable cost to the planning RPCs (docs/performance.md). Explicit
// MALLOC_ARENA_MAX / MALLOC_MMAP_THRESHOLD_ settings in the environment still win.
void TuneAllocator() {
  if (std::getenv("MALLOC_ARENA_MAX") == nullptr) mallopt(M_ARENA_MAX, 2);
  if (std::getenv("MALLOC_MMAP_THRESHOLD_") == nullptr) mallopt(M_MMAP_THRESHOLD, 1 << 20);
}

void PrintError(const aircargo::routes::Error& error) {
  std::cerr << "aircargod: " << error.ToString() << "\n";
}

}  // namespace

int main(int argc, char** argv) {
  TuneAllocator();
  CLI::App app{"aircargod: the aircargo air cargo planning service (gRPC)"};
  app.set_version_flag("--version", "aircargod 0.1.0");
  aircargo::server::ServerOptions options;
  std::string network_path;
  std::string check_path;
  std::string log_level = "info";
  app.add_option("--listen", options.listen, "host:port to serve on (port 0 picks a free one)")
      ->capture_default_str();
  app.add_option("--network", network_path,
                 "network file (.textproto text format or .pb binary of aircargo.v1.Network); "
                 "default: the embedded Shenyang network");
  app.add_option("--threads", options.threads,
                 "planning computations run at once; more requests wait in line (0: one per core)")
      ->check(CLI::Range(0, 1024))
      ->capture_default_str();
  double max_compute_seconds =
      std::chrono::duration<double>(aircargo::server::kDefaultComputeBudget).count();
  app.add_option("--max-compute-seconds", max_compute_seconds,
                 "longest one planning request may compute; then RESOURCE_EXHAUSTED")
      ->check(CLI::Range(0.001, 86400.0))
      ->capture_default_str();
  app.add_option("--check", check_path, "validate a network file, print the result and exit 0/1");
  app.add_option("--log-level", log_level, "trace, debug (one line per request), info, warn, error")
      ->check(CLI::IsMember({"trace", "debug", "info", "warn", "error"}))
      ->capture_default_str();
  app.footer(
      "Exit status: 0 after a clean shutdown (SIGINT/SIGTERM) or a valid --check; 1 when the "
      "network is invalid or the address cannot be used; 2 on a usage error.");
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? 0 : 2;
  }
  spdlog::set_default_logger(spdlog::stderr_color_mt("aircargod"));
  spdlog::set_level(spdlog::level::from_str(log_level));
  spdlog::set_pattern("%Y-%m-%dT%H:%M:%S.%e %^%l%$ %v");

  if (!check_path.empty()) {
    const auto network = aircargo::formats::LoadNetworkFile(check_path);
    if (!network.ok()) {
      PrintError(network.error());
      return 1;
    }
    std::cout << check_path << ": ok, \"" << (*network)->name() << "\", "
              << (*network)->airports().size() << " airports, " << (*network)->routes().size()
              << " routes\n";
    return 0;
  }

  auto network = Load(network_path);
  if (!network.ok()) {
    PrintError(network.error());
    return 1;
  }
  const auto snapshot = *network;
  // Loading freed the parsed file (tens of MB for a world network): give the free pages back to
  // the system rather than keep them resident for the server's lifetime.
  malloc_trim(0);

  // Handle SIGINT/SIGTERM on a dedicated thread: block them here, before gRPC starts its threads.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  options.compute_budget = std::chrono::duration_cast<std::chrono::milliseconds>(
      std::chrono::duration<double>(max_compute_seconds));
  std::string error;
  auto server = aircargo::server::Server::Start(snapshot, options, &error);
  if (!server) {
    std::cerr << "aircargod: " << error << "\n";
    return 1;
  }
  const std::string host = options.listen.substr(0, options.listen.rfind(':'));
  std::printf("aircargod: serving \"%s\" version %lld (%zu airports, %zu routes) on %s:%d\n",
              snapshot->name().c_str(), static_cast<long long>(snapshot->version()),
              snapshot->airports().size(), snapshot->routes().size(), host.c_str(), server->port());
  std::fflush(stdout);

  std::thread stopper([&server, signals] {
    int signal = 0;
    sigwait(&signals, &signal);
    spdlog::info("received signal {}, shutting down", signal);
    server->Shutdown(std::chrono::seconds(5));
  });
  server->Wait();
  stopper.join();
  spdlog::info("stopped");
  return 0;
}
