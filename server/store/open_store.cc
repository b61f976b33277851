#include "server/store/open_store.h"

#include "server/store/pg_connection.h"
#include "server/store/postgres_store.h"

namespace aircargo::server::store {

routes::Result<OpenedStore> OpenStore(const std::string& store, const SqliteOptions& options,
                                      const std::string& holder) {
  OpenedStore out;
  if (IsPostgresUrl(store)) {
    PostgresOptions postgres;
    postgres.checkpoint_every = options.checkpoint_every;
    postgres.keep_edits = options.keep_edits;
    auto opened = PostgresStore::Open(store, postgres);
    if (!opened.ok()) return opened.error();
    out.store = std::move(opened).value();
    out.postgres_url = store;
    return out;
  }
  if (store != ":memory:") {
    auto lock = StoreLock::Acquire(store, holder);
    if (!lock.ok()) return lock.error();
    out.lock = std::move(lock).value();
  }
  auto opened = SqliteStore::Open(store, options);
  if (!opened.ok()) return opened.error();
  out.store = std::move(opened).value();
  return out;
}

}  // namespace aircargo::server::store
