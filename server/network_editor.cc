#include "server/network_editor.h"

#include <google/protobuf/util/time_util.h>

#include <chrono>
#include <utility>

#include "formats/network_edits.h"
#include "formats/network_proto.h"

namespace aircargo::server {
namespace {

std::string SerializeEdits(const google::protobuf::RepeatedPtrField<v1::NetworkEdit>& edits) {
  std::string out;
  for (const auto& edit : edits) {
    std::string one = edit.SerializeAsString();
    out += std::to_string(one.size()) + ":" + one;
  }
  return out;
}

}  // namespace

NetworkEditor::NetworkEditor(SnapshotHolder& snapshots, store::Store& store,
                             std::function<void(const v1::EditRecord&)> on_accepted)
    : snapshots_(snapshots), store_(store), on_accepted_(std::move(on_accepted)) {}

void NetworkEditor::RememberRestored(const std::vector<v1::EditRecord>& records) {
  std::lock_guard lock(mutex_);
  for (const v1::EditRecord& r : records) {
    if (!r.request_id().empty()) Remember(r.request_id(), r.version(), SerializeEdits(r.edits()));
  }
}

void NetworkEditor::Remember(const std::string& request_id, std::int64_t version,
                             std::string edits) {
  if (request_ids_.emplace(request_id, Remembered{version, std::move(edits)}).second) {
    request_id_order_.push_back(request_id);
  }
  while (request_id_order_.size() > kRememberedRequestIds) {
    request_ids_.erase(request_id_order_.front());
    request_id_order_.pop_front();
  }
}

routes::Result<WriteResult> NetworkEditor::Write(
    const google::protobuf::RepeatedPtrField<v1::NetworkEdit>& edits, bool batch,
    const v1::WriteOptions& options, const std::string& author) {
  if (edits.empty()) return routes::InvalidArgument("edits", "name at least one edit");
  if (edits.size() > kMaxEditsPerWrite) {
    return routes::InvalidArgument("edits", "at most " + std::to_string(kMaxEditsPerWrite) +
                                                " edits in one write, got " +
                                                std::to_string(edits.size()));
  }
  if (options.expected_version() <= 0) {
    return routes::InvalidArgument(
        "write.expected_version",
        "required: the network_version the edit was made against (read it with GetNetwork)");
  }
  if (options.request_id().size() > kMaxRequestIdLength) {
    return routes::InvalidArgument(
        "write.request_id", "at most " + std::to_string(kMaxRequestIdLength) + " characters");
  }
  std::string serialized = options.request_id().empty() ? std::string() : SerializeEdits(edits);

  std::lock_guard lock(mutex_);
  if (!options.request_id().empty()) {
    const auto seen = request_ids_.find(options.request_id());
    if (seen != request_ids_.end()) {
      if (seen->second.edits != serialized) {
        return routes::InvalidArgument(
            "write.request_id", "\"" + options.request_id() +
                                    "\" was used by an earlier write with other edits (version " +
                                    std::to_string(seen->second.version) + ")");
      }
      return WriteResult{seen->second.version, true};
    }
  }
  if (store_.Shared() && options.expected_version() > snapshots_.Get()->version()) {
    // Another replica wrote versions this one has not applied yet.
    if (auto caught_up = CatchUpLocked(); !caught_up.ok()) return caught_up.error();
  }
  const auto current = snapshots_.Get();
  if (options.expected_version() != current->version()) {
    return routes::MakeError(routes::ErrorCode::kAborted, "write.expected_version",
                             "the network is at version " + std::to_string(current->version()) +
                                 ", not " + std::to_string(options.expected_version()) +
                                 ": re-read and retry");
  }
  const std::int64_t version = current->version() + 1;
  auto next =
      formats::ApplyNetworkEdits(*current, edits, formats::EditPaths(edits, batch), version);
  if (!next.ok()) return next.error();

  v1::EditRecord record;
  record.set_version(version);
  *record.mutable_time() = google::protobuf::util::TimeUtil::GetCurrentTime();
  record.set_author(author);
  record.set_request_id(options.request_id());
  *record.mutable_edits() = edits;
  v1::Network checkpoint;
  if (store_.WantsCheckpoint(version)) checkpoint = formats::ToProto(**next);
  if (auto stored = store_.Append(record, store_.WantsCheckpoint(version) ? &checkpoint : nullptr);
      !stored.ok()) {
    if (stored.error().code != routes::ErrorCode::kAborted || !store_.Shared()) {
      return stored.error();
    }
    // Another replica wrote this version first: apply what it wrote, then answer as a conflict
    // (or, when that write was this very request retried elsewhere, with its version).
    auto caught_up = CatchUpLocked();
    if (!caught_up.ok()) return caught_up.error();
    if (!options.request_id().empty()) {
      const auto seen = request_ids_.find(options.request_id());
      if (seen != request_ids_.end() && seen->second.edits == serialized) {
        return WriteResult{seen->second.version, true};
      }
    }
    return routes::MakeError(routes::ErrorCode::kAborted, "write.expected_version",
                             "the network is at version " + std::to_string(*caught_up) +
                                 " (another replica wrote version " + std::to_string(version) +
                                 " first), not " + std::to_string(options.expected_version()) +
                                 ": re-read and retry");
  }
  snapshots_.Replace(*next);
  if (!options.request_id().empty()) Remember(options.request_id(), version, std::move(serialized));
  if (on_accepted_) on_accepted_(record);
  return WriteResult{version, false};
}

routes::Result<std::int64_t> NetworkEditor::CatchUp() {
  std::lock_guard lock(mutex_);
  return CatchUpLocked();
}

routes::Result<std::int64_t> NetworkEditor::CatchUpLocked() {
  constexpr int kBatch = 200;
  auto current = snapshots_.Get();
  for (;;) {
    auto records = store_.ListEdits(current->version(), kBatch);
    if (!records.ok()) return records.error();
    if (records->empty()) {
      if (!store_.Shared()) return current->version();
      auto head = store_.HeadVersion();
      if (!head.ok()) return head.error();
      if (*head <= current->version()) return current->version();
      // Written between the two reads, or compacted away: look again.
      records = store_.ListEdits(current->version(), kBatch);
      if (!records.ok()) return records.error();
      if (records->empty()) {
        return routes::MakeError(
            routes::ErrorCode::kFailedPrecondition, "store",
            "this server serves version " + std::to_string(current->version()) +
                " but the store no longer keeps the edits after it (head " + std::to_string(*head) +
                "): it fell more than keep_edits behind; restart it to load the newest checkpoint");
      }
    }
    for (const v1::EditRecord& record : *records) {
      if (record.version() != current->version() + 1) {
        return routes::MakeError(routes::ErrorCode::kFailedPrecondition, "store",
                                 "the store's edit log jumps from version " +
                                     std::to_string(current->version()) + " to " +
                                     std::to_string(record.version()) +
                                     ": restart this server to load the newest checkpoint");
      }
      auto next = formats::ApplyNetworkEdits(
          *current, record.edits(), formats::EditPaths(record.edits(), true), record.version());
      if (!next.ok()) {
        return routes::MakeError(routes::ErrorCode::kInternal, "store",
                                 "the stored edit of version " + std::to_string(record.version()) +
                                     " does not apply: " + next.error().message);
      }
      snapshots_.Replace(*next);
      current = *next;
      if (!record.request_id().empty()) {
        Remember(record.request_id(), record.version(), SerializeEdits(record.edits()));
      }
      if (on_accepted_) on_accepted_(record);
    }
    if (static_cast<int>(records->size()) < kBatch) return current->version();
  }
}

}  // namespace aircargo::server
