// Child processes for integration tests: run a program to completion capturing its output, or keep
// aircargod running for the length of a test. POSIX only.
#pragma once

#include <sys/types.h>

#include <string>
#include <utility>
#include <vector>

namespace aircargo::testing {

struct ProcessResult {
  int exit_code = -1;  // the exit status, or 128 + signal when killed
  std::string out;
  std::string err;
};

// Runs argv[0] with argv and extra environment entries ("NAME=value"), waits for it to finish
// (killing it after `timeout_seconds`), and returns its exit code and output.
ProcessResult RunProcess(const std::vector<std::string>& argv,
                         const std::vector<std::string>& extra_env = {}, int timeout_seconds = 30);

// aircargod started on 127.0.0.1:0; the port is read from its start-up line.
class ServerProcess {
 public:
  // Starts `binary` with `args` (--listen 127.0.0.1:0 is added, and --in-memory unless `args` name
  // --store or --in-memory) and waits for it to serve.
  ServerProcess(const std::string& binary, std::vector<std::string> args = {});
  ~ServerProcess();
  ServerProcess(const ServerProcess&) = delete;
  ServerProcess& operator=(const ServerProcess&) = delete;

  bool started() const { return port_ > 0; }
  int port() const { return port_; }
  std::string address() const { return "127.0.0.1:" + std::to_string(port_); }
  const std::string& startup_line() const { return startup_line_; }
  // Sends SIGTERM and returns the exit code (0 for a clean shutdown). Idempotent.
  int Stop();
  // Sends SIGKILL (a crash) and waits for the process. Idempotent.
  void Kill();
  pid_t pid() const { return pid_; }

 private:
  pid_t pid_ = -1;
  int port_ = 0;
  int exit_code_ = -1;
  std::string startup_line_;
};

}  // namespace aircargo::testing
