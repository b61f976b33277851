#include "formats/network_file.h"

#include <fcntl.h>
#include <google/protobuf/arena.h>
#include <google/protobuf/io/tokenizer.h>
#include <google/protobuf/io/zero_copy_stream_impl.h>
#include <google/protobuf/text_format.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <utility>
#include <vector>

#include "formats/network_proto.h"

namespace aircargo::formats {
namespace {

using google::protobuf::Descriptor;
using google::protobuf::TextFormat;

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

bool IsBinaryPath(std::string_view path) {
  return EndsWith(path, ".pb") || EndsWith(path, ".binpb");
}

// Keeps the first syntax error with its position.
class FirstErrorCollector : public google::protobuf::io::ErrorCollector {
 public:
  void AddError(int line, google::protobuf::io::ColumnNumber column,
                const std::string& message) override {
    if (!has_error_) {
      has_error_ = true;
      line_ = line;
      column_ = column;
      message_ = message;
    }
  }
  void AddWarning(int, google::protobuf::io::ColumnNumber, const std::string&) override {}

  std::string Describe(std::string_view source) const {
    return std::string(source) + ":" + std::to_string(line_ + 1) + ":" +
           std::to_string(column_ + 1) + ": " + message_;
  }

 private:
  bool has_error_ = false;
  int line_ = 0;
  int column_ = 0;
  std::string message_;
};

// Resolves a path such as "routes[5].departures[1].local_time" to the position of the deepest
// element of it that the file states (a missing field points at its enclosing element).
std::string LocateField(const TextFormat::ParseInfoTree& root, std::string_view path) {
  const TextFormat::ParseInfoTree* tree = &root;
  const Descriptor* descriptor = v1::Network::descriptor();
  TextFormat::ParseLocation best;
  bool found = false;
  std::size_t pos = 0;
  while (pos < path.size() && descriptor != nullptr && tree != nullptr) {
    std::size_t end = path.find('.', pos);
    if (end == std::string_view::npos) end = path.size();
    std::string_view part = path.substr(pos, end - pos);
    pos = end + 1;
    int index = -1;
    if (const auto bracket = part.find('['); bracket != std::string_view::npos) {
      index = std::stoi(std::string(part.substr(bracket + 1)));
      part = part.substr(0, bracket);
    }
    const auto* field = descriptor->FindFieldByName(std::string(part));
    if (field == nullptr) break;
    if (!field->is_repeated()) {
      index = -1;
    } else if (index < 0) {
      index = 0;  // a whole list ("routes[2].departures") points at its first element
    }
    const TextFormat::ParseLocation loc = tree->GetLocation(field, index);
    if (loc.line < 0) break;
    best = loc;
    found = true;
    if (field->message_type() == nullptr) break;
    tree = tree->GetTreeForNested(field, index);
    descriptor = field->message_type();
  }
  if (!found) return "";
  return std::to_string(best.line + 1) + ":" + std::to_string(best.column + 1);
}

routes::Error CannotRead(const std::string& path, std::string_view why = "") {
  return routes::NotFound("network", "cannot read network file " + path + std::string(why));
}

routes::Result<std::string> ReadFile(const std::string& path) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) return CannotRead(path, " (a directory)");
  std::ifstream in(path, std::ios::binary);
  if (!in) return CannotRead(path);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) return CannotRead(path);
  return buffer.str();
}

std::string BaseName(std::string_view path) {
  const auto slash = path.rfind('/');
  return std::string(slash == std::string_view::npos ? path : path.substr(slash + 1));
}

// Parses a binary network file into `message`, reading it through a small buffer (no copy of the
// whole file). NOT_FOUND when it cannot be opened or read; INVALID_ARGUMENT when it is not a
// Network message.
routes::Result<bool> ParseBinaryFile(const std::string& path, v1::Network& message) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) return CannotRead(path, " (a directory)");
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return CannotRead(path);
  google::protobuf::io::FileInputStream input(fd, 64 << 10);
  input.SetCloseOnDelete(true);
  const bool parsed = message.ParseFromZeroCopyStream(&input);
  if (input.GetErrno() != 0) return CannotRead(path);
  if (!parsed) {
    return routes::InvalidArgument("", BaseName(path) + ": not a binary aircargo.v1.Network");
  }
  return true;
}

}  // namespace

routes::Result<v1::Network> ParseNetworkText(std::string_view text, std::string_view source_name) {
  v1::Network network;
  FirstErrorCollector errors;
  TextFormat::Parser parser;
  parser.RecordErrorsTo(&errors);
  if (!parser.ParseFromString(std::string(text), &network)) {
    return routes::InvalidArgument("", errors.Describe(source_name));
  }
  return network;
}

routes::Result<std::shared_ptr<const routes::Network>> LoadNetworkText(
    std::string_view text, std::string_view source_name) {
  v1::Network message;
  FirstErrorCollector errors;
  TextFormat::ParseInfoTree locations;
  TextFormat::Parser parser;
  parser.RecordErrorsTo(&errors);
  parser.WriteLocationsTo(&locations);
  if (!parser.ParseFromString(std::string(text), &message)) {
    return routes::InvalidArgument("", errors.Describe(source_name));
  }
  if (message.version() < 1) message.set_version(1);
  auto built = BuildNetwork(std::move(message));
  if (built.ok()) return built;
  routes::Error error = built.error();
  for (routes::FieldViolation& v : error.violations) {
    const std::string where = LocateField(locations, v.field);
    v.field = std::string(source_name) + (where.empty() ? "" : ":" + where) + ": " + v.field;
  }
  error.message = std::string(source_name) + ": " + error.message;
  return error;
}

routes::Result<std::shared_ptr<const routes::Network>> LoadNetworkFile(const std::string& path) {
  if (!IsBinaryPath(path)) {
    auto content = ReadFile(path);
    if (!content.ok()) return content.error();
    return LoadNetworkText(*content, BaseName(path));
  }
  // Binary: parsed straight from the file, 64 KiB at a time, into a message on an arena (a few
  // large blocks rather than one allocation per message and string); BuildNetwork moves the
  // message's text into the snapshot, and the arena goes on return.
  google::protobuf::ArenaOptions arena_options;
  arena_options.start_block_size = 64 << 10;
  arena_options.max_block_size = 4 << 20;
  google::protobuf::Arena arena(arena_options);
  auto* message = google::protobuf::Arena::CreateMessage<v1::Network>(&arena);
  if (auto parsed = ParseBinaryFile(path, *message); !parsed.ok()) return parsed.error();
  if (message->version() < 1) message->set_version(1);
  auto built = BuildNetwork(std::move(*message));
  if (built.ok()) return built;
  routes::Error error = built.error();
  error.message = BaseName(path) + ": " + error.message;
  return error;
}

routes::Result<bool> SaveNetworkFile(const v1::Network& network, const std::string& path) {
  std::string bytes;
  if (IsBinaryPath(path)) {
    if (!network.SerializeToString(&bytes)) {
      return routes::MakeError(routes::ErrorCode::kInternal, "network", "cannot serialise network");
    }
  } else if (!TextFormat::PrintToString(network, &bytes)) {
    return routes::MakeError(routes::ErrorCode::kInternal, "network", "cannot print network");
  }
  const std::string tmp = path + ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out << bytes;
    out.close();
    if (!out) return routes::InvalidArgument("output", "cannot write " + tmp);
  }
  if (std::rename(tmp.c_str(), path.c_str()) != 0) {
    return routes::InvalidArgument("output", "cannot rename " + tmp + " to " + path);
  }
  return true;
}

}  // namespace aircargo::formats
