// ScenarioBook: the server's stored (named) scenarios (aircargo.v1.ScenarioService), kept in the
// durable store (server/store/store.h) and in memory, and their resolution in planning requests
// (docs/adr/0006-named-scenarios.md).
//
// A write (create, update, delete) is validated (the name rules of formats/stored_scenario.h, the
// overlay against the current network by the same rules as a request's inline scenario, with
// field paths "scenario.overlay.closed_routes[0]"), checked against the scenario's version
// (kAborted on a mismatch), stored durably, and only then visible to readers and watchers. Errors:
// kInvalidArgument / kNotFound naming the field, kAlreadyExists, kAborted, kResourceExhausted past
// kMaxStoredScenarios or kMaxStoredOverlayBytes, the store's errors (nothing changes then).
//
// Watching: every accepted write is a ScenarioChange with a sequence number (1, 2, ... since the
// server started); the newest kScenarioChangesKept are kept for watchers that fall behind.
//
// Thread-safe: one mutex over the scenarios and the change log; a write holds it across its
// store transaction, readers copy what they need.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "aircargo/v1/network.pb.h"
#include "aircargo/v1/scenario_service.pb.h"
#include "routes/network.h"
#include "routes/result.h"
#include "server/store/store.h"

namespace aircargo::server {

inline constexpr std::size_t kMaxStoredScenarios = 1000;
inline constexpr std::size_t kScenarioChangesKept = 1000;

// A request's scenario with its name resolved: what to apply, and which stored scenario it was.
struct ResolvedScenario {
  v1::Scenario overlay;  // name empty
  std::optional<v1::ScenarioRef> ref;
};

class ScenarioBook {
 public:
  // `store` must outlive the book; `restored`: the scenarios the store holds (LoadScenarios).
  ScenarioBook(store::Store& store, std::vector<v1::StoredScenario> restored);

  // `request`'s name, description and overlay; `network` judges the overlay; `author` is recorded.
  routes::Result<v1::StoredScenario> Create(const v1::StoredScenario& request,
                                            const routes::Network& network,
                                            const std::string& author);
  routes::Result<v1::StoredScenario> Update(const v1::StoredScenario& request,
                                            std::int64_t expected_version,
                                            const routes::Network& network,
                                            const std::string& author);
  // The deleted scenario's version. expected_version 0: any.
  routes::Result<std::int64_t> Delete(const std::string& name, std::int64_t expected_version);

  // Takes in the store's scenarios as other replicas wrote them (a shared store): each one created,
  // updated or deleted elsewhere is applied and published as a change like a local write. The
  // number of changes; the store's errors (nothing changes then).
  routes::Result<std::size_t> Refresh();

  // The stored scenario, without problems; nullopt when there is none of that name.
  std::optional<v1::StoredScenario> Find(const std::string& name) const;
  // With its problems against `network` (kNotFound naming "name").
  routes::Result<v1::StoredScenario> Get(const std::string& name, const routes::Network& network,
                                         std::chrono::year_month_day today) const;
  // Every scenario by name, each with its problems against `network`.
  std::vector<v1::StoredScenario> List(const routes::Network& network,
                                       std::chrono::year_month_day today) const;

  // The sequence number of the newest change (0: none since start-up).
  std::uint64_t head() const;
  // The changes after `after`, waiting up to `wait` for one when there is none yet (empty on
  // timeout); kResourceExhausted when some after `after` are no longer kept.
  routes::Result<std::vector<v1::ScenarioChange>> ChangesAfter(std::uint64_t after,
                                                               std::chrono::milliseconds wait,
                                                               std::uint64_t* newest) const;

 private:
  routes::Result<bool> Validate(const v1::StoredScenario& request,
                                const routes::Network& network) const;
  void Publish(v1::ScenarioChangeKind kind, const v1::StoredScenario& scenario);

  store::Store& store_;
  mutable std::mutex mutex_;
  mutable std::condition_variable changed_;
  std::map<std::string, v1::StoredScenario> scenarios_;
  std::deque<v1::ScenarioChange> changes_;  // the newest, oldest first
  std::uint64_t head_ = 0;
};

// `request` with its name (if any) resolved: a built-in, or a stored scenario of `book` (null: the
// server keeps none), with the rest of `request` added on top (formats::MergeScenarios). Errors:
// kNotFound on "scenario.name" for an unknown name; kFailedPrecondition on "scenario.name" with
// every problem of a stored scenario that no longer validates against `network`; the inline
// part's own errors (formats::MakeScenarioView), judged alone so its field paths are its own.
routes::Result<ResolvedScenario> ResolveScenario(const ScenarioBook* book,
                                                 const v1::Scenario& request,
                                                 const routes::Network& network,
                                                 std::chrono::year_month_day today);

}  // namespace aircargo::server
