// aircargod: the aircargo planning service. See --help.
#include <grpcpp/health_check_service_interface.h>
#include <malloc.h>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <string_view>
#include <thread>
#include <tuple>
#include <vector>

#include "formats/network_file.h"
#include "formats/network_proto.h"
#include "server/default_network.h"
#include "server/server.h"
#include "server/store/open_store.h"
#include "server/store/postgres_listener.h"
#include "server/store/sqlite_store.h"

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
// MALLOC_ARENA_MAX / MALLOC_MMAP_THRESHOLD_ settings in the environment still win, and
// AIRCARGO_MALLOC_DEFAULTS=1 leaves glibc's defaults alone (to measure what the tuning is worth).
void TuneAllocator() {
  if (const char* defaults = std::getenv("AIRCARGO_MALLOC_DEFAULTS");
      defaults != nullptr && *defaults != 0 && std::string_view(defaults) != "0") {
    return;
  }
  if (std::getenv("MALLOC_ARENA_MAX") == nullptr) mallopt(M_ARENA_MAX, 2);
  if (std::getenv("MALLOC_MMAP_THRESHOLD_") == nullptr) mallopt(M_MMAP_THRESHOLD, 1 << 20);
}

void PrintError(const aircargo::routes::Error& error) {
  std::cerr << "aircargod: " << error.ToString() << "\n";
}

// Where the store lives without --store: $XDG_STATE_HOME/aircargo (else ~/.local/state/aircargo),
// one file per network: "shenyang.sqlite" for the embedded one, the file's stem otherwise.
Result<std::string> DefaultStorePath(const std::string& network_path) {
  std::filesystem::path dir;
  if (const char* state = std::getenv("XDG_STATE_HOME"); state != nullptr && *state != 0) {
    dir = std::filesystem::path(state) / "aircargo";
  } else if (const char* home = std::getenv("HOME"); home != nullptr && *home != 0) {
    dir = std::filesystem::path(home) / ".local" / "state" / "aircargo";
  } else {
    return aircargo::routes::InvalidArgument(
        "--store", "no HOME or XDG_STATE_HOME for the default store; give --store or --in-memory");
  }
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) {
    return aircargo::routes::InvalidArgument("--store",
                                             "cannot create " + dir.string() + ": " + ec.message());
  }
  const std::string stem =
      network_path.empty() ? "shenyang" : std::filesystem::path(network_path).stem().string();
  return (dir / (stem + ".sqlite")).string();
}

Result<std::string> ReadFile(const std::string& path, const std::string& flag) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return aircargo::routes::NotFound(flag, "cannot read " + path);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// aircargod --check-store PATH: integrity check, replay, version and counts. Exit 0 or 1.
int CheckStore(const std::string& path) {
  namespace store = aircargo::server::store;
  if (!std::filesystem::exists(path)) {
    std::cerr << "aircargod: " << path << ": no such store\n";
    return 1;
  }
  store::SqliteOptions options;
  options.read_only = true;
  auto opened = store::SqliteStore::Open(path, options);
  if (!opened.ok()) {
    PrintError(opened.error());
    return 1;
  }
  auto& db = **opened;
  const auto integrity = db.IntegrityCheck();
  if (!integrity.ok() || *integrity != "ok") {
    std::cerr << "aircargod: " << path << ": integrity check failed: "
              << (integrity.ok() ? *integrity : integrity.error().ToString()) << "\n";
    return 1;
  }
  auto state = db.Load();
  if (!state.ok()) {
    PrintError(state.error());
    return 1;
  }
  if (!state->has_value()) {
    std::cerr << "aircargod: " << path << ": an empty store (no base network)\n";
    return 1;
  }
  const std::int64_t checkpoint = (*state)->checkpoint.version();
  // Replays the log onto the checkpoint exactly as start-up does.
  auto restored = aircargo::server::ReplayStore(db, *std::move(state).value());
  if (!restored.ok()) {
    PrintError(restored.error());
    return 1;
  }
  auto scenarios = db.LoadScenarios();
  if (!scenarios.ok()) {
    PrintError(scenarios.error());
    return 1;
  }
  const auto& n = *restored->network;
  std::cout << path << ": ok, \"" << n.name() << "\" version " << n.version() << ", "
            << n.airports().size() << " airports, " << n.routes().size() << " routes; checkpoint "
            << checkpoint << " + " << restored->replayed << " edits replayed; "
            << restored->recent.size() << " edits kept"
            << (restored->recent.empty()
                    ? std::string()
                    : " (versions " + std::to_string(restored->recent.front().version()) + ".." +
                          std::to_string(restored->recent.back().version()) + ")")
            << "; " << scenarios->size() << " stored scenarios\n";
  return 0;
}

bool IsLoopback(const std::string& listen) {
  const std::string host = listen.substr(0, listen.rfind(':'));
  return host == "localhost" || host.rfind("127.", 0) == 0 || host == "[::1]" || host.empty();
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
  std::string store_path;
  std::string check_store_path;
  bool in_memory = false;
  bool replace_store = false;
  aircargo::server::store::SqliteOptions store_options;
  std::string write_tokens_path;
  std::string read_tokens_path;
  std::string tls_cert_path;
  std::string tls_key_path;
  std::string tls_client_ca_path;
  double heartbeat_seconds = 15;
  auto* store_option = app.add_option(
      "--store", store_path,
      "SQLite store keeping the network and every edit durably (default: "
      "$XDG_STATE_HOME/aircargo/NETWORK.sqlite, else ~/.local/state/aircargo/NETWORK.sqlite; "
      "NETWORK is the --network file's stem, or shenyang), or a postgresql://USER@HOST:PORT/DB "
      "URL: a PostgreSQL store shared by replicas, each learning the others' edits at once");
  app.add_flag("--in-memory", in_memory, "keep edits in memory only (lost on exit; for tests)")
      ->excludes(store_option);
  app.add_flag("--replace-store", replace_store,
               "start the store again from the loaded network when it holds another base network "
               "(its edits are discarded)");
  app.add_option("--check-store", check_store_path,
                 "verify a store (integrity, replay), print its version and counts, exit 0/1");
  app.add_option("--checkpoint-every", store_options.checkpoint_every,
                 "write a checkpoint of the whole network every N edits")
      ->check(CLI::Range(1, 1'000'000))
      ->capture_default_str();
  app.add_option("--keep-edits", store_options.keep_edits,
                 "edits kept for history and watchers (older ones are compacted away; >= "
                 "--checkpoint-every)")
      ->check(CLI::Range(1, 10'000'000))
      ->capture_default_str();
  app.add_option("--write-tokens", write_tokens_path,
                 "file of \"NAME TOKEN\" lines: writes need \"authorization: Bearer TOKEN\"");
  app.add_option("--read-tokens", read_tokens_path,
                 "file of \"NAME TOKEN\" lines: reads need a read or write token");
  auto* cert = app.add_option("--tls-cert", tls_cert_path, "serve TLS with this PEM certificate");
  auto* key = app.add_option("--tls-key", tls_key_path, "the certificate's PEM private key");
  cert->needs(key);
  key->needs(cert);
  app.add_option("--tls-client-ca", tls_client_ca_path,
                 "require client certificates signed by this PEM CA (mutual TLS)")
      ->needs(cert);
  app.add_option("--watch-heartbeat-seconds", heartbeat_seconds,
                 "WatchNetwork heartbeat when nothing changes")
      ->check(CLI::Range(0.05, 20.0))
      ->capture_default_str();
  app.add_option("--log-level", log_level, "trace, debug (one line per request), info, warn, error")
      ->check(CLI::IsMember({"trace", "debug", "info", "warn", "error"}))
      ->capture_default_str();
  app.footer(
      "Exit status: 0 after a clean shutdown (SIGINT/SIGTERM) or a valid --check/--check-store; "
      "1 when the network or the store is invalid, the store is in use, or the address cannot be "
      "used; 2 on a usage error.");
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

  if (!check_store_path.empty()) return CheckStore(check_store_path);
  if (store_options.keep_edits < store_options.checkpoint_every) {
    std::cerr << "aircargod: --keep-edits must be >= --checkpoint-every\n";
    return 2;
  }

  auto network = Load(network_path);
  if (!network.ok()) {
    PrintError(network.error());
    return 1;
  }

  aircargo::server::ServerState state;
  std::vector<aircargo::server::NamedToken> write_tokens;
  std::vector<aircargo::server::NamedToken> read_tokens;
  for (auto [path, tokens] :
       {std::pair(&write_tokens_path, &write_tokens), std::pair(&read_tokens_path, &read_tokens)}) {
    if (path->empty()) continue;
    auto loaded = aircargo::server::LoadTokens(*path);
    if (!loaded.ok()) {
      PrintError(loaded.error());
      return 1;
    }
    *tokens = std::move(loaded).value();
  }
  state.authorizer =
      aircargo::server::Authorizer(std::move(write_tokens), std::move(read_tokens),
                                   !write_tokens_path.empty(), !read_tokens_path.empty());
  for (auto [path, pem, flag] :
       {std::tuple(&tls_cert_path, &options.tls_cert_pem, "--tls-cert"),
        std::tuple(&tls_key_path, &options.tls_key_pem, "--tls-key"),
        std::tuple(&tls_client_ca_path, &options.tls_client_ca_pem, "--tls-client-ca")}) {
    if (path->empty()) continue;
    auto text = ReadFile(*path, flag);
    if (!text.ok()) {
      PrintError(text.error());
      return 1;
    }
    *pem = std::move(text).value();
  }

  // The store: a SQLite file locked for this server alone, or PostgreSQL shared by replicas; then
  // restored (or started from the network).
  if (in_memory) {
    store_path = ":memory:";
  } else if (store_path.empty()) {
    auto path = DefaultStorePath(network_path);
    if (!path.ok()) {
      PrintError(path.error());
      return 1;
    }
    store_path = *path;
  }
  auto opened = aircargo::server::store::OpenStore(
      store_path, store_options, "pid " + std::to_string(getpid()) + ", " + options.listen);
  if (!opened.ok()) {
    PrintError(opened.error());
    return 1;
  }
  aircargo::server::store::OpenedStore store = std::move(opened).value();
  std::unique_ptr<aircargo::server::store::StoreLock> store_lock = std::move(store.lock);
  const std::string postgres_url = store.postgres_url;
  state.store = std::move(store.store);
  auto restored = aircargo::server::RestoreNetwork(*state.store, *network, replace_store);
  if (!restored.ok()) {
    PrintError(restored.error());
    return 1;
  }
  state.restored = std::move(restored).value();
  const auto snapshot = state.restored.network;
  const std::string store_text =
      "store " + state.store->Describe() +
      (state.restored.created
           ? std::string(" (new)")
           : " (" + std::to_string(state.restored.replayed) + " edits replayed)");
  options.keep_edits = static_cast<std::size_t>(store_options.keep_edits);
  options.watch_heartbeat = std::chrono::duration_cast<std::chrono::milliseconds>(
      std::chrono::duration<double>(heartbeat_seconds));
  // The loaded network is the store's base; once edits were replayed on top it is no longer served.
  network = Result<std::shared_ptr<const Network>>(snapshot);
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
  if (options.tls_cert_pem.empty() && !IsLoopback(options.listen)) {
    spdlog::warn(
        "serving {} without TLS: tokens and data cross the network in clear text (give "
        "--tls-cert and --tls-key)",
        options.listen);
  }
  auto server = aircargo::server::Server::Start(std::move(state), options, &error);
  if (!server) {
    std::cerr << "aircargod: " << error << "\n";
    return 1;
  }
  const std::string host = options.listen.substr(0, options.listen.rfind(':'));
  if (store_lock) {
    store_lock->SetHolder("pid " + std::to_string(getpid()) + ", " + host + ":" +
                          std::to_string(server->port()));
  }
  std::printf(
      "aircargod: serving \"%s\" version %lld (%zu airports, %zu routes) from %s%s on "
      "%s:%d\n",
      snapshot->name().c_str(), static_cast<long long>(snapshot->version()),
      snapshot->airports().size(), snapshot->routes().size(), store_text.c_str(),
      options.tls_cert_pem.empty() ? "" : " with TLS", host.c_str(), server->port());
  std::fflush(stdout);

  // Replicas on PostgreSQL: apply the other replicas' writes as they are notified.
  std::unique_ptr<aircargo::server::store::PostgresListener> listener;
  if (!postgres_url.empty()) {
    auto* served = server.get();
    if (auto* health = served->grpc_server().GetHealthCheckService()) {
      health->SetServingStatus(aircargo::server::kStoreHealthService, false);  // until connected
    }
    listener = std::make_unique<aircargo::server::store::PostgresListener>(
        postgres_url,
        [served] {
          if (auto caught_up = served->editor().CatchUp(); !caught_up.ok()) {
            spdlog::warn("catching up with the store: {}", caught_up.error().message);
          }
        },
        [served] {
          if (auto refreshed = served->scenarios().Refresh(); !refreshed.ok()) {
            spdlog::warn("refreshing the stored scenarios: {}", refreshed.error().message);
          }
        },
        [served](bool connected) {
          // Reads go on from the last snapshot either way (the server stays SERVING); the
          // "aircargo.store" service says whether writes and replication work.
          if (auto* health = served->grpc_server().GetHealthCheckService()) {
            health->SetServingStatus(aircargo::server::kStoreHealthService, connected);
          }
        });
  }
  std::thread stopper([&server, signals] {
    int signal = 0;
    sigwait(&signals, &signal);
    spdlog::info("received signal {}, shutting down", signal);
    server->Shutdown(std::chrono::seconds(5));
  });
  server->Wait();
  stopper.join();
  listener.reset();
  spdlog::info("stopped");
  return 0;
}
