#include "tests/integration/postgres_server.h"

#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <vector>

namespace aircargo::testing {
namespace {

namespace fs = std::filesystem;

constexpr unsigned kNobody = 65534;

// The newest /usr/lib/postgresql/N/bin holding pg_ctl and initdb ("" when none).
std::string FindBin() {
  std::vector<fs::path> found;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator("/usr/lib/postgresql", ec)) {
    if (fs::exists(entry.path() / "bin" / "pg_ctl") &&
        fs::exists(entry.path() / "bin" / "initdb")) {
      found.push_back(entry.path() / "bin");
    }
  }
  std::sort(found.begin(), found.end(), [](const fs::path& a, const fs::path& b) {
    return std::stoi(a.parent_path().filename().string()) <
           std::stoi(b.parent_path().filename().string());
  });
  return found.empty() ? std::string() : found.back().string();
}

}  // namespace

int FreeLoopbackPort() {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  address.sin_port = 0;
  socklen_t length = sizeof(address);
  int port = 0;
  if (::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof(address)) == 0 &&
      ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) == 0) {
    port = ntohs(address.sin_port);
  }
  ::close(fd);
  return port;
}

PostgresServer::PostgresServer() {
  bin_ = FindBin();
  if (bin_.empty()) {
    error_ = "no PostgreSQL server under /usr/lib/postgresql (scripts/install-deps installs it)";
    return;
  }
  dir_ = fs::temp_directory_path() /
         ("aircargo_pg_" + std::to_string(getpid()) + "_" + std::to_string(FreeLoopbackPort()));
  fs::remove_all(dir_);
  fs::create_directories(dir_ / "data");
  if (geteuid() == 0) {
    for (const fs::path& p : {dir_, dir_ / "data"}) {
      if (::chown(p.c_str(), kNobody, kNobody) != 0) {
        error_ = "cannot hand " + p.string() + " to nobody";
        return;
      }
    }
  }
  port_ = FreeLoopbackPort();
  error_ = Run({bin_ + "/initdb", "-D", (dir_ / "data").string(), "-U", "aircargo", "-A", "trust",
                "--no-sync", "-E", "UTF8"},
               120);
  if (!error_.empty()) return;
  Start();
}

PostgresServer::~PostgresServer() {
  if (running_) Stop("immediate");
  std::error_code ec;
  fs::remove_all(dir_, ec);
}

std::string PostgresServer::url() const {
  return "postgresql://aircargo@127.0.0.1:" + std::to_string(port_) + "/postgres";
}

std::string PostgresServer::Run(const std::vector<std::string>& args, int timeout_seconds) {
  // Through std::system, waiting only for the command: the server pg_ctl starts keeps running and
  // holds whatever it inherited, so its output goes to a file rather than a pipe read to the end.
  const auto quote = [](const std::string& word) {
    std::string out = "'";
    for (char c : word) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
  };
  std::string command = "timeout " + std::to_string(timeout_seconds) + " ";
  if (geteuid() == 0) {
    command += "/usr/bin/setpriv --reuid=" + std::to_string(kNobody) +
               " --regid=" + std::to_string(kNobody) + " --clear-groups -- ";
  }
  for (const std::string& word : args) command += quote(word) + " ";
  const std::string output = (dir_ / "command.log").string();
  command += "> " + quote(output) + " 2>&1 < /dev/null";
  const int status = std::system(command.c_str());
  if (status == 0) return {};
  std::ifstream log(output);
  const std::string text((std::istreambuf_iterator<char>(log)), std::istreambuf_iterator<char>());
  return args.front() + " failed (status " + std::to_string(status) + "): " + text;
}

bool PostgresServer::Start() {
  const std::string options = "-p " + std::to_string(port_) + " -k " + dir_.string() +
                              " -c listen_addresses=127.0.0.1 -c fsync=off";
  error_ = Run({bin_ + "/pg_ctl", "start", "-w", "-t", "60", "-D", (dir_ / "data").string(), "-l",
                (dir_ / "server.log").string(), "-o", options},
               90);
  running_ = error_.empty();
  return running_;
}

bool PostgresServer::Stop(const std::string& mode) {
  error_ = Run(
      {bin_ + "/pg_ctl", "stop", "-w", "-t", "60", "-m", mode, "-D", (dir_ / "data").string()}, 90);
  running_ = !error_.empty();
  return error_.empty();
}

}  // namespace aircargo::testing
