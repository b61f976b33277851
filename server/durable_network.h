// Start-up with a store: the network to serve is the store's newest checkpoint with its edit log
// replayed on top (exactly the last acknowledged version), or, for a new store, the loaded network,
// which becomes the store's base.
//
// A store made from a different base network than the one loaded (--network FILE or the embedded
// default) refuses to start (kFailedPrecondition naming both) unless `replace` says to discard the
// store's contents and start again from the loaded network. Any record that no longer applies is a
// damaged store: kFailedPrecondition naming its version, never a silent reset. The stored
// scenarios come back as they were (also after a replace: they are the planners' work, and any
// that no longer fit the network are reported as stale, server/scenario_book.h).
#pragma once

#include <memory>
#include <vector>

#include "aircargo/v1/edits.pb.h"
#include "aircargo/v1/scenario_service.pb.h"
#include "routes/network.h"
#include "routes/result.h"
#include "server/store/store.h"

namespace aircargo::server {

struct RestoredNetwork {
  std::shared_ptr<const routes::Network> network;  // the version to serve
  std::vector<v1::EditRecord> recent;              // the kept edit log, oldest first
  std::int64_t oldest_kept_version = 0;            // 0: no edit kept
  std::int64_t base_version = 0;                   // the version the store started from
  bool created = false;                            // a new (or replaced) store
  std::size_t replayed = 0;                        // edits replayed on the checkpoint
  std::vector<v1::StoredScenario> scenarios;       // the stored scenarios (kept on a replace)
};

// The network a used store holds: its checkpoint with the kept log after it replayed (what
// RestoreNetwork does once the base matches; aircargod --check-store calls it directly).
routes::Result<RestoredNetwork> ReplayStore(store::Store& store, store::StoredNetwork state);

routes::Result<RestoredNetwork> RestoreNetwork(store::Store& store,
                                               std::shared_ptr<const routes::Network> loaded,
                                               bool replace);

}  // namespace aircargo::server
