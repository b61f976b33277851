// NetworkEditor: the server's one write path. A write (one edit or a batch) is checked against its
// expected version, applied to the current snapshot by formats/network_edits (the same validation
// as a loaded network), stored durably (server/store), and only then published as the new
// snapshot (version + 1) and handed to the watchers; requests already running keep the snapshot
// they took. A failure at any step publishes nothing.
//
// Retries: a write with a request id that an earlier write used (kept for the last
// kRememberedRequestIds writes, and rebuilt from the store's edit log on restart) is answered with
// that write's version instead of being applied again.
//
// Replicas (a shared store, server/store/postgres_store.h): other servers write to the same store.
// CatchUp applies their writes, in version order, exactly as if they had been made here (published,
// handed to the watchers, request ids remembered); the store's listener calls it on every
// notification. A write whose expected_version is newer than the version served here catches up
// first; a write whose version another replica took first (the store answers kAborted) catches up
// and answers kAborted naming the version now served, or, for a retry of a write another replica
// accepted, that write's version.
//
// Thread-safe: writes and catch-ups are serialised by one mutex (a write takes a copy and a rebuild
// of the network plus one fsync'd transaction); readers never wait for it.
#pragma once

#include <google/protobuf/repeated_ptr_field.h>

#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <vector>

#include "aircargo/v1/edits.pb.h"
#include "aircargo/v1/network_edit_service.pb.h"
#include "routes/result.h"
#include "server/snapshot_holder.h"
#include "server/store/store.h"

namespace aircargo::server {

inline constexpr int kMaxEditsPerWrite = 1000;
inline constexpr std::size_t kMaxRequestIdLength = 128;
inline constexpr std::size_t kRememberedRequestIds = 10'000;

struct WriteResult {
  std::int64_t version = 0;
  bool replayed = false;
};

class NetworkEditor {
 public:
  // `store` must outlive the editor. `on_accepted` is called (under the write lock, so in version
  // order) with every accepted write after it is durable and published.
  NetworkEditor(SnapshotHolder& snapshots, store::Store& store,
                std::function<void(const v1::EditRecord&)> on_accepted);

  // Remembers the request ids of writes restored from the store (oldest first).
  void RememberRestored(const std::vector<v1::EditRecord>& records);

  // Applies one write. `batch`: the edits came as ApplyEdits (field paths "edits[i]...") rather
  // than one single-edit request ("edit..."). `author` is recorded in the edit log.
  // Errors: kInvalidArgument (every problem), kAborted (stale expected_version), the store's
  // errors (store.h) when the write could not be made durable.
  routes::Result<WriteResult> Write(
      const google::protobuf::RepeatedPtrField<v1::NetworkEdit>& edits, bool batch,
      const v1::WriteOptions& options, const std::string& author);

  // Applies the store's writes after the served version (see above); the version served after.
  // Errors: the store's (nothing changes), kFailedPrecondition when the store no longer keeps the
  // edits after the served version (this server fell more than keep_edits behind: restart it),
  // kInternal when a stored edit does not apply.
  routes::Result<std::int64_t> CatchUp();

 private:
  routes::Result<std::int64_t> CatchUpLocked();  // under mutex_
  struct Remembered {
    std::int64_t version = 0;
    std::string edits;  // the serialised edits, to tell a retry from a reuse of the id
  };
  void Remember(const std::string& request_id, std::int64_t version, std::string edits);

  SnapshotHolder& snapshots_;
  store::Store& store_;
  std::function<void(const v1::EditRecord&)> on_accepted_;
  std::mutex mutex_;
  std::map<std::string, Remembered> request_ids_;
  std::deque<std::string> request_id_order_;
};

}  // namespace aircargo::server
