// PostgresListener: how a replica learns of the other replicas' writes. A thread of its own holds
// a second connection to the shared PostgreSQL store, LISTENs on aircargo_edits and
// aircargo_scenarios (sent by server/store/postgres_store.h in the writing transaction) and calls
// `on_edits` / `on_scenarios` after each notification. It also calls both after every (re)connect
// and every `poll` without a notification, so a lost notification or connection delays a replica
// by at most `poll`, never forever. A lost connection is retried with backoff (100 ms doubling to
// 5 s); `connected()` says whether it is up, and `on_connection` is called on every change (the
// server reports it through the health service as "aircargo.store").
//
// The callbacks run on the listener's thread, one at a time. Thread-safe: construction and
// destruction from one thread; connected() from any.
#pragma once

#include <atomic>
#include <chrono>
#include <functional>
#include <string>
#include <thread>

namespace aircargo::server::store {

class PostgresListener {
 public:
  PostgresListener(std::string url, std::function<void()> on_edits,
                   std::function<void()> on_scenarios,
                   std::function<void(bool connected)> on_connection = {},
                   std::chrono::milliseconds poll = std::chrono::seconds(1));
  // Stops the thread (within ~100 ms) and closes the connection.
  ~PostgresListener();
  PostgresListener(const PostgresListener&) = delete;
  PostgresListener& operator=(const PostgresListener&) = delete;

  bool connected() const { return connected_.load(); }

 private:
  void Run();

  std::string url_;
  std::function<void()> on_edits_;
  std::function<void()> on_scenarios_;
  std::function<void(bool)> on_connection_;
  std::chrono::milliseconds poll_;
  std::atomic<bool> stop_{false};
  std::atomic<bool> connected_{false};
  std::thread thread_;
};

}  // namespace aircargo::server::store
