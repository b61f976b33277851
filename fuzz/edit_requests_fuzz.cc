// Fuzz target: the edits of a write (an ApplyEditsRequest in binary), applied to the embedded
// Shenyang network by formats::ApplyNetworkEdits exactly as NetworkEditService does, as a batch
// and, for the first edit, as a single-edit request. Invariants: no crash, UB or leak; a refused
// write names at least one problem, each with a field path and a message; an accepted one is the
// next version and survives a round trip through the Network message (what the store keeps).
#include <cstddef>
#include <cstdint>

#include "aircargo/v1/network_edit_service.pb.h"
#include "formats/network_edits.h"
#include "formats/network_proto.h"
#include "fuzz/service_fuzz.h"

namespace {

void Check(const aircargo::routes::Network& base,
           const google::protobuf::RepeatedPtrField<aircargo::v1::NetworkEdit>& edits, bool batch) {
  using namespace aircargo;
  const auto next =
      formats::ApplyNetworkEdits(base, edits, formats::EditPaths(edits, batch), base.version() + 1);
  if (!next.ok()) {
    if (next.error().violations.empty()) __builtin_trap();
    for (const auto& v : next.error().violations) {
      if (v.field.empty() || v.message.empty()) __builtin_trap();
    }
    return;
  }
  if ((*next)->version() != base.version() + 1) __builtin_trap();
  if (!formats::BuildNetwork(formats::ToProto(**next)).ok()) __builtin_trap();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace aircargo;
  fuzz::QuietProtobuf();
  v1::ApplyEditsRequest request;
  if (!request.ParseFromArray(data, static_cast<int>(size))) return 0;
  if (request.edits_size() > 64) return 0;  // the server takes 1,000; keep runs fast
  const auto base = fuzz::Snapshots().Get();
  Check(*base, request.edits(), true);
  if (request.edits_size() > 0) {
    google::protobuf::RepeatedPtrField<v1::NetworkEdit> one;
    *one.Add() = request.edits(0);
    Check(*base, one, false);
  }
  return 0;
}
