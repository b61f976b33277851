// Fuzz target: the network text-format loader plus validation (formats::LoadNetworkText), the path
// for every hand-edited network file. The input is the file's content. Invariants: no crash, UB or
// leak; an error has a message; a loaded network re-exported with ToProto builds again.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "formats/network_file.h"
#include "formats/network_proto.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace aircargo;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const auto loaded = formats::LoadNetworkText(text, "fuzz.textproto");
  if (!loaded.ok()) {
    if (loaded.error().message.empty() && loaded.error().violations.empty()) __builtin_trap();
    return 0;
  }
  // Round trip: what the loader accepted, exported, must load again.
  const auto again = formats::BuildNetwork(formats::ToProto(**loaded));
  if (!again.ok()) __builtin_trap();
  return 0;
}
