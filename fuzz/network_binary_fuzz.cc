// Fuzz target: the binary network loader (.pb / .binpb files): the bytes are parsed as an
// aircargo.v1.Network message, then validated and built (formats::BuildNetwork), as
// formats::LoadNetworkFile does for binary paths. Invariants: no crash, UB or leak; an error has a
// message; an accepted network round-trips through ToProto.
#include <cstddef>
#include <cstdint>

#include "aircargo/v1/network.pb.h"
#include "formats/network_proto.h"
#include "fuzz/quiet_protobuf.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace aircargo;
  fuzz::QuietProtobuf();
  v1::Network message;
  if (!message.ParseFromArray(data, static_cast<int>(size))) return 0;
  if (message.version() < 1) message.set_version(1);
  const auto built = formats::BuildNetwork(message);
  if (!built.ok()) {
    if (built.error().message.empty() && built.error().violations.empty()) __builtin_trap();
    return 0;
  }
  const auto again = formats::BuildNetwork(formats::ToProto(**built));
  if (!again.ok()) __builtin_trap();
  return 0;
}
