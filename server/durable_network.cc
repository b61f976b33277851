#include "server/durable_network.h"

#include <cstdio>
#include <limits>
#include <optional>
#include <utility>

#include "formats/network_edits.h"
#include "formats/network_proto.h"

namespace aircargo::server {
namespace {

std::string Hex(std::uint64_t value) {
  char text[17];
  std::snprintf(text, sizeof(text), "%016llx", static_cast<unsigned long long>(value));
  return text;
}

}  // namespace

routes::Result<RestoredNetwork> ReplayStore(store::Store& store, store::StoredNetwork state) {
  RestoredNetwork out;
  v1::Network current = std::move(state.checkpoint);
  auto network = formats::BuildNetwork(current);
  if (!network.ok()) {
    return routes::MakeError(routes::ErrorCode::kFailedPrecondition, "store",
                             store.Describe() + ": the checkpoint of version " +
                                 std::to_string(current.version()) +
                                 " is not a valid network: " + network.error().ToString());
  }
  std::shared_ptr<const routes::Network> snapshot = *network;
  for (const v1::EditRecord& record : state.edits) {
    auto next =
        formats::ApplyNetworkEdits(std::move(current), record.edits(),
                                   formats::EditPaths(record.edits(), true), record.version());
    if (!next.ok()) {
      return routes::MakeError(routes::ErrorCode::kFailedPrecondition, "store",
                               store.Describe() + ": the edit of version " +
                                   std::to_string(record.version()) +
                                   " no longer applies: " + next.error().ToString());
    }
    snapshot = *next;
    current = formats::ToProto(*snapshot);
    ++out.replayed;
  }
  out.network = std::move(snapshot);
  auto recent = store.ListEdits(state.oldest_kept_version - 1, std::numeric_limits<int>::max());
  if (!recent.ok()) return recent.error();
  out.recent = std::move(recent).value();
  out.oldest_kept_version = state.oldest_kept_version;
  return out;
}

routes::Result<RestoredNetwork> RestoreNetwork(store::Store& store,
                                               std::shared_ptr<const routes::Network> loaded,
                                               bool replace) {
  const v1::Network base = formats::ToProto(*loaded);
  auto loaded_state = store.Load();
  if (!loaded_state.ok()) return loaded_state.error();
  std::optional<store::StoredNetwork> stored = std::move(loaded_state).value();
  const std::uint64_t fingerprint = store::NetworkFingerprint(base);
  if (stored.has_value() && stored->base_fingerprint != fingerprint && !replace) {
    return routes::MakeError(
        routes::ErrorCode::kFailedPrecondition, "store",
        store.Describe() + " was made from another base network (\"" + stored->base_name +
            "\", fingerprint " + Hex(stored->base_fingerprint) + ") than the one loaded (\"" +
            base.name() + "\", fingerprint " + Hex(fingerprint) +
            "); refusing to start. Use --replace-store to discard the store's edits and start "
            "from the loaded network, or pick another --store");
  }
  RestoredNetwork out;
  if (!stored.has_value() || stored->base_fingerprint != fingerprint) {
    if (auto ok = store.Initialize(base); !ok.ok()) return ok.error();
    out.network = std::move(loaded);
    out.base_version = base.version();
    out.created = true;
  } else {
    auto replayed = ReplayStore(store, std::move(*stored));
    if (!replayed.ok()) return replayed.error();
    out = std::move(replayed).value();
    out.base_version = base.version();
  }
  auto scenarios = store.LoadScenarios();
  if (!scenarios.ok()) return scenarios.error();
  out.scenarios = std::move(scenarios).value();
  return out;
}

}  // namespace aircargo::server
