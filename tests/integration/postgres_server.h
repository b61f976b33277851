// PostgresServer: a throwaway PostgreSQL server for one test, from Debian's postgresql package:
// initdb in a temporary directory, the server on 127.0.0.1 on a free port, trust authentication
// for the user `aircargo`. PostgreSQL refuses to run as root, so when the test runs as root the
// server runs as nobody (setpriv). Stopped and removed on destruction. POSIX only.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace aircargo::testing {

// A TCP port on 127.0.0.1 that was free a moment ago (0 when none could be bound).
int FreeLoopbackPort();

class PostgresServer {
 public:
  PostgresServer();  // initdb + start; check started() / error()
  ~PostgresServer();
  PostgresServer(const PostgresServer&) = delete;
  PostgresServer& operator=(const PostgresServer&) = delete;

  bool started() const { return running_; }
  const std::string& error() const { return error_; }
  // postgresql://aircargo@127.0.0.1:PORT/postgres
  std::string url() const;
  int port() const { return port_; }

  // Stops the server (`mode`: "fast" or "immediate", a crash) and waits; true on success.
  bool Stop(const std::string& mode = "fast");
  // Starts it again on the same port and data; true once it accepts connections.
  bool Start();

 private:
  std::string Run(const std::vector<std::string>& args, int timeout_seconds);

  std::filesystem::path dir_;
  std::string bin_;
  int port_ = 0;
  bool running_ = false;
  std::string error_;
};

}  // namespace aircargo::testing
