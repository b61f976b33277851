#include "tests/integration/process.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <cstring>
#include <regex>

#include "tests/sanitized_build.h"

extern char** environ;

namespace aircargo::testing {
namespace {

int DecodeStatus(int status) {
  if (WIFEXITED(status)) return WEXITSTATUS(status);
  if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
  return -1;
}

// Forks and execs argv with stdout/stderr going to the given fds (-1: inherit).
pid_t Spawn(const std::vector<std::string>& argv, const std::vector<std::string>& extra_env,
            int out_fd, int err_fd) {
  std::vector<std::string> env;
  for (char** e = environ; *e != nullptr; ++e) env.emplace_back(*e);
  for (const auto& e : extra_env) env.push_back(e);
  std::vector<char*> cargv;
  std::vector<char*> cenv;
  for (const auto& a : argv) cargv.push_back(const_cast<char*>(a.c_str()));
  for (const auto& e : env) cenv.push_back(const_cast<char*>(e.c_str()));
  cargv.push_back(nullptr);
  cenv.push_back(nullptr);
  const pid_t pid = fork();
  if (pid == 0) {
    const int devnull = open("/dev/null", O_RDONLY);
    dup2(devnull, STDIN_FILENO);
    if (out_fd >= 0) dup2(out_fd, STDOUT_FILENO);
    if (err_fd >= 0) dup2(err_fd, STDERR_FILENO);
    execve(cargv[0], cargv.data(), cenv.data());
    _exit(127);
  }
  return pid;
}

}  // namespace

ProcessResult RunProcess(const std::vector<std::string>& argv,
                         const std::vector<std::string>& extra_env, int timeout_seconds) {
  int out_pipe[2];
  int err_pipe[2];
  if (pipe(out_pipe) != 0 || pipe(err_pipe) != 0) return {};
  const pid_t pid = Spawn(argv, extra_env, out_pipe[1], err_pipe[1]);
  close(out_pipe[1]);
  close(err_pipe[1]);
  ProcessResult result;
  pollfd fds[2] = {{out_pipe[0], POLLIN, 0}, {err_pipe[0], POLLIN, 0}};
  std::string* sinks[2] = {&result.out, &result.err};
  int open_fds = 2;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(timeout_seconds);
  while (open_fds > 0) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) {
      kill(pid, SIGKILL);
      break;
    }
    if (poll(fds, 2, static_cast<int>(left.count())) <= 0) continue;
    for (int i = 0; i < 2; ++i) {
      if (fds[i].fd < 0 || (fds[i].revents & (POLLIN | POLLHUP)) == 0) continue;
      char buf[4096];
      const ssize_t n = read(fds[i].fd, buf, sizeof buf);
      if (n <= 0) {
        close(fds[i].fd);
        fds[i].fd = -1;
        --open_fds;
      } else {
        sinks[i]->append(buf, static_cast<std::size_t>(n));
      }
    }
  }
  for (auto& f : fds) {
    if (f.fd >= 0) close(f.fd);
  }
  int status = 0;
  waitpid(pid, &status, 0);
  result.exit_code = DecodeStatus(status);
  return result;
}

ServerProcess::ServerProcess(const std::string& binary, std::vector<std::string> args) {
  int out_pipe[2];
  if (pipe(out_pipe) != 0) return;
  std::vector<std::string> argv = {binary, "--listen", "127.0.0.1:0"};
  // Tests keep their edits in memory unless they name a store.
  bool names_store = false;
  for (const auto& a : args) names_store = names_store || a == "--store" || a == "--in-memory";
  if (!names_store) argv.emplace_back("--in-memory");
  argv.insert(argv.end(), args.begin(), args.end());
  pid_ = Spawn(argv, {}, out_pipe[1], -1);
  close(out_pipe[1]);
  // Read the start-up line: "aircargod: serving ... on 127.0.0.1:PORT". A sanitizer build of
  // aircargod loading the world network at -O0 took over 30 s on a busy 2-core machine: 120 s.
  std::string line;
  pollfd fd = {out_pipe[0], POLLIN, 0};
  const auto deadline =
      std::chrono::steady_clock::now() + std::chrono::seconds(kSanitizedBuild ? 120 : 30);
  while (line.find('\n') == std::string::npos && std::chrono::steady_clock::now() < deadline) {
    if (poll(&fd, 1, 100) <= 0) continue;
    char c[256];
    const ssize_t n = read(out_pipe[0], c, sizeof c);
    if (n <= 0) break;
    line.append(c, static_cast<std::size_t>(n));
  }
  close(out_pipe[0]);
  startup_line_ = line.substr(0, line.find('\n'));
  std::smatch m;
  if (std::regex_search(startup_line_, m, std::regex(R"(on 127\.0\.0\.1:(\d+)$)"))) {
    port_ = std::atoi(m[1].str().c_str());
  }
}

int ServerProcess::Stop() {
  if (pid_ > 0) {
    kill(pid_, SIGTERM);
    int status = 0;
    waitpid(pid_, &status, 0);
    exit_code_ = DecodeStatus(status);
    pid_ = -1;
  }
  return exit_code_;
}

void ServerProcess::Kill() {
  if (pid_ > 0) {
    kill(pid_, SIGKILL);
    int status = 0;
    waitpid(pid_, &status, 0);
    exit_code_ = DecodeStatus(status);
    pid_ = -1;
  }
}

ServerProcess::~ServerProcess() { Stop(); }

}  // namespace aircargo::testing
