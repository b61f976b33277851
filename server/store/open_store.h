// OpenStore: the store aircargod's --store names. A postgresql:// (or postgres://) URL opens the
// PostgreSQL store replicas share (server/store/postgres_store.h; no lock: sharing is the point);
// ":memory:" an in-memory SQLite store; anything else a SQLite file, locked for this server alone
// (server/store/store_lock.h, `holder` says who holds it). Errors: the store's and the lock's.
#pragma once

#include <memory>
#include <string>

#include "routes/result.h"
#include "server/store/sqlite_store.h"
#include "server/store/store.h"
#include "server/store/store_lock.h"

namespace aircargo::server::store {

struct OpenedStore {
  std::unique_ptr<Store> store;
  std::unique_ptr<StoreLock> lock;  // null for memory and PostgreSQL
  std::string postgres_url;         // empty unless PostgreSQL (the listener connects to it)
};

// `options`' checkpoint_every and keep_edits apply to either kind.
routes::Result<OpenedStore> OpenStore(const std::string& store, const SqliteOptions& options,
                                      const std::string& holder);

}  // namespace aircargo::server::store
