#include "server/store/postgres_listener.h"

#include <libpq-fe.h>
#include <poll.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <memory>

#include "server/store/pg_connection.h"

namespace aircargo::server::store {
namespace {

constexpr std::chrono::milliseconds kTick(100);  // how often the thread looks at stop_
constexpr std::chrono::milliseconds kFirstBackoff(100);
constexpr std::chrono::milliseconds kMaxBackoff(5000);

}  // namespace

PostgresListener::PostgresListener(std::string url, std::function<void()> on_edits,
                                   std::function<void()> on_scenarios,
                                   std::function<void(bool)> on_connection,
                                   std::chrono::milliseconds poll)
    : url_(std::move(url)),
      on_edits_(std::move(on_edits)),
      on_scenarios_(std::move(on_scenarios)),
      on_connection_(std::move(on_connection)),
      poll_(poll),
      thread_([this] { Run(); }) {}

PostgresListener::~PostgresListener() {
  stop_ = true;
  thread_.join();
}

void PostgresListener::Run() {
  using Clock = std::chrono::steady_clock;
  std::chrono::milliseconds backoff = kFirstBackoff;
  while (!stop_) {
    auto connection = PgConnection::Connect(url_, RedactPassword(url_));
    if (connection.ok()) {
      PgResult listen =
          (*connection)->ExecScript("LISTEN aircargo_edits; LISTEN aircargo_scenarios");
      if (!listen.ok()) {
        spdlog::warn("store listener: {}", (*connection)->Failure(listen, "cannot LISTEN").message);
        connection = routes::MakeError(routes::ErrorCode::kUnavailable, "store", "LISTEN failed");
      }
    }
    if (!connection.ok()) {
      if (connected_.exchange(false)) {
        spdlog::warn("store listener: disconnected");
        if (on_connection_) on_connection_(false);
      }
      spdlog::debug("store listener: {}; retrying in {} ms", connection.error().message,
                    backoff.count());
      for (auto until = Clock::now() + backoff; !stop_ && Clock::now() < until;) {
        std::this_thread::sleep_for(std::min<Clock::duration>(kTick, until - Clock::now()));
      }
      backoff = std::min(backoff * 2, kMaxBackoff);
      continue;
    }
    if (!connected_.exchange(true)) {
      spdlog::info("store listener: listening for other replicas");
      if (on_connection_) on_connection_(true);
    }
    backoff = kFirstBackoff;
    PgConnection& pg = **connection;
    // Catch up with whatever happened while not listening.
    on_edits_();
    on_scenarios_();
    auto last_catch_up = Clock::now();
    while (!stop_) {
      pollfd fd{pg.Socket(), POLLIN, 0};
      const int ready = ::poll(&fd, 1, static_cast<int>(kTick.count()));
      bool edits = false;
      bool scenarios = false;
      if (ready > 0) {
        if (PQconsumeInput(pg.raw()) == 0) break;  // the connection is gone: reconnect
        while (PGnotify* notify = PQnotifies(pg.raw())) {
          if (std::strcmp(notify->relname, "aircargo_edits") == 0) edits = true;
          if (std::strcmp(notify->relname, "aircargo_scenarios") == 0) scenarios = true;
          PQfreemem(notify);
        }
      } else if (ready < 0 && errno != EINTR) {
        break;
      }
      if (Clock::now() - last_catch_up >= poll_) {
        // The fallback: look at the store even without a notification (and notice a dead link).
        if (!pg.Healthy() || !pg.ExecScript("SELECT 1").ok()) break;
        edits = scenarios = true;
      }
      if (edits) on_edits_();
      if (scenarios) on_scenarios_();
      if (edits || scenarios) last_catch_up = Clock::now();
    }
    if (!stop_ && connected_.exchange(false)) {
      spdlog::warn("store listener: lost the connection to {}; reconnecting", pg.describe());
      if (on_connection_) on_connection_(false);
    }
  }
  connected_ = false;
}

}  // namespace aircargo::server::store
