#include "server/scenario_book.h"

#include <google/protobuf/util/time_util.h>

#include <utility>

#include "formats/scenario_proto.h"
#include "formats/stored_scenario.h"

namespace aircargo::server {
namespace {

// "scenario.closed_routes[0]" (an overlay's path) -> "scenario.overlay.closed_routes[0]".
routes::Error InOverlay(routes::Error error) {
  const auto fix = [](std::string& field) {
    if (field.rfind("scenario.", 0) == 0) field = "scenario.overlay." + field.substr(9);
  };
  fix(error.field);
  for (routes::FieldViolation& v : error.violations) fix(v.field);
  return error;
}

v1::StoredScenario WithProblems(v1::StoredScenario scenario, const routes::Network& network,
                                std::chrono::year_month_day today) {
  for (const routes::FieldViolation& v :
       formats::ScenarioProblems(scenario.overlay(), network, today)) {
    scenario.add_problems(v.field + ": " + v.message);
  }
  return scenario;
}

routes::Error Aborted(const v1::StoredScenario& current, std::int64_t expected) {
  return routes::MakeError(routes::ErrorCode::kAborted, "expected_version",
                           "scenario \"" + current.name() + "\" is at version " +
                               std::to_string(current.version()) + ", not " +
                               std::to_string(expected) + "; re-read it and retry");
}

routes::Error Unknown(const std::string& field, const std::string& name) {
  return routes::NotFound(field, "no stored scenario \"" + name + "\"");
}

}  // namespace

ScenarioBook::ScenarioBook(store::Store& store, std::vector<v1::StoredScenario> restored)
    : store_(store) {
  for (v1::StoredScenario& s : restored) {
    std::string name = s.name();
    scenarios_.emplace(std::move(name), std::move(s));
  }
}

routes::Result<bool> ScenarioBook::Validate(const v1::StoredScenario& request,
                                            const routes::Network& network) const {
  if (auto ok = formats::CheckScenarioName(request.name(), "scenario.name"); !ok.ok()) return ok;
  if (request.description().size() > formats::kMaxScenarioDescriptionLength) {
    return routes::InvalidArgument(
        "scenario.description",
        "has " + std::to_string(request.description().size()) + " characters; at most " +
            std::to_string(formats::kMaxScenarioDescriptionLength) + " allowed");
  }
  if (!request.overlay().name().empty()) {
    return routes::InvalidArgument("scenario.overlay.name",
                                   "must be empty: a stored scenario cannot name another");
  }
  if (const std::size_t bytes = request.overlay().ByteSizeLong();
      bytes > formats::kMaxStoredOverlayBytes) {
    return routes::MakeError(routes::ErrorCode::kResourceExhausted, "scenario.overlay",
                             "is " + std::to_string(bytes) + " bytes; at most " +
                                 std::to_string(formats::kMaxStoredOverlayBytes) + " allowed");
  }
  auto view = formats::MakeScenarioView(request.overlay(), network, formats::TodayUtc());
  if (!view.ok()) return InOverlay(view.error());
  return true;
}

void ScenarioBook::Publish(v1::ScenarioChangeKind kind, const v1::StoredScenario& scenario) {
  v1::ScenarioChange& change = changes_.emplace_back();
  change.set_kind(kind);
  *change.mutable_scenario() = scenario;
  if (changes_.size() > kScenarioChangesKept) changes_.pop_front();
  ++head_;
  changed_.notify_all();
}

routes::Result<v1::StoredScenario> ScenarioBook::Create(const v1::StoredScenario& request,
                                                        const routes::Network& network,
                                                        const std::string& author) {
  if (auto ok = Validate(request, network); !ok.ok()) return ok.error();
  std::lock_guard lock(mutex_);
  if (scenarios_.count(request.name())) {
    return routes::MakeError(routes::ErrorCode::kAlreadyExists, "scenario.name",
                             "a scenario named \"" + request.name() +
                                 "\" exists already; update it or pick another name");
  }
  if (scenarios_.size() >= kMaxStoredScenarios) {
    return routes::MakeError(routes::ErrorCode::kResourceExhausted, "scenario.name",
                             "the server keeps at most " + std::to_string(kMaxStoredScenarios) +
                                 " scenarios; delete one first");
  }
  v1::StoredScenario stored;
  stored.set_name(request.name());
  stored.set_description(request.description());
  *stored.mutable_overlay() = request.overlay();
  stored.set_version(1);
  stored.set_updated_by(author);
  *stored.mutable_updated_time() = google::protobuf::util::TimeUtil::GetCurrentTime();
  if (auto ok = store_.PutScenario(stored); !ok.ok()) return ok.error();
  scenarios_[stored.name()] = stored;
  Publish(v1::SCENARIO_CHANGE_KIND_CREATED, stored);
  return stored;
}

routes::Result<v1::StoredScenario> ScenarioBook::Update(const v1::StoredScenario& request,
                                                        std::int64_t expected_version,
                                                        const routes::Network& network,
                                                        const std::string& author) {
  if (expected_version <= 0) {
    return routes::InvalidArgument("expected_version",
                                   "is required (> 0): the version the update was made against");
  }
  if (auto ok = Validate(request, network); !ok.ok()) return ok.error();
  std::lock_guard lock(mutex_);
  const auto found = scenarios_.find(request.name());
  if (found == scenarios_.end()) return Unknown("scenario.name", request.name());
  if (found->second.version() != expected_version) return Aborted(found->second, expected_version);
  v1::StoredScenario stored = found->second;
  stored.set_description(request.description());
  *stored.mutable_overlay() = request.overlay();
  stored.set_version(stored.version() + 1);
  stored.set_updated_by(author);
  *stored.mutable_updated_time() = google::protobuf::util::TimeUtil::GetCurrentTime();
  if (auto ok = store_.PutScenario(stored); !ok.ok()) return ok.error();
  found->second = stored;
  Publish(v1::SCENARIO_CHANGE_KIND_UPDATED, stored);
  return stored;
}

routes::Result<std::int64_t> ScenarioBook::Delete(const std::string& name,
                                                  std::int64_t expected_version) {
  if (expected_version < 0) return routes::InvalidArgument("expected_version", "must be >= 0");
  std::lock_guard lock(mutex_);
  const auto found = scenarios_.find(name);
  if (found == scenarios_.end()) return Unknown("name", name);
  if (expected_version != 0 && found->second.version() != expected_version) {
    return Aborted(found->second, expected_version);
  }
  if (auto ok = store_.DeleteScenario(name); !ok.ok()) return ok.error();
  const v1::StoredScenario deleted = std::move(found->second);
  scenarios_.erase(found);
  Publish(v1::SCENARIO_CHANGE_KIND_DELETED, deleted);
  return deleted.version();
}

routes::Result<std::size_t> ScenarioBook::Refresh() {
  std::lock_guard lock(mutex_);
  auto loaded = store_.LoadScenarios();
  if (!loaded.ok()) return loaded.error();
  std::map<std::string, v1::StoredScenario> now;
  for (const v1::StoredScenario& scenario : *loaded) now[scenario.name()] = scenario;
  std::size_t changes = 0;
  for (auto it = scenarios_.begin(); it != scenarios_.end();) {
    if (now.count(it->first)) {
      ++it;
      continue;
    }
    Publish(v1::SCENARIO_CHANGE_KIND_DELETED, it->second);
    it = scenarios_.erase(it);
    ++changes;
  }
  for (auto& [name, scenario] : now) {
    const auto found = scenarios_.find(name);
    if (found == scenarios_.end()) {
      Publish(v1::SCENARIO_CHANGE_KIND_CREATED, scenario);
    } else if (found->second.version() != scenario.version() ||
               found->second.SerializeAsString() != scenario.SerializeAsString()) {
      Publish(v1::SCENARIO_CHANGE_KIND_UPDATED, scenario);
    } else {
      continue;
    }
    scenarios_[name] = scenario;
    ++changes;
  }
  return changes;
}

std::optional<v1::StoredScenario> ScenarioBook::Find(const std::string& name) const {
  std::lock_guard lock(mutex_);
  const auto found = scenarios_.find(name);
  if (found == scenarios_.end()) return std::nullopt;
  return found->second;
}

routes::Result<v1::StoredScenario> ScenarioBook::Get(const std::string& name,
                                                     const routes::Network& network,
                                                     std::chrono::year_month_day today) const {
  auto found = Find(name);
  if (!found) return Unknown("name", name);
  return WithProblems(std::move(*found), network, today);
}

std::vector<v1::StoredScenario> ScenarioBook::List(const routes::Network& network,
                                                   std::chrono::year_month_day today) const {
  std::vector<v1::StoredScenario> copies;
  {
    std::lock_guard lock(mutex_);
    for (const auto& [name, scenario] : scenarios_) copies.push_back(scenario);
  }
  for (v1::StoredScenario& s : copies) s = WithProblems(std::move(s), network, today);
  return copies;
}

std::uint64_t ScenarioBook::head() const {
  std::lock_guard lock(mutex_);
  return head_;
}

routes::Result<std::vector<v1::ScenarioChange>> ScenarioBook::ChangesAfter(
    std::uint64_t after, std::chrono::milliseconds wait, std::uint64_t* newest) const {
  std::unique_lock lock(mutex_);
  changed_.wait_for(lock, wait, [&] { return head_ > after; });
  std::vector<v1::ScenarioChange> out;
  *newest = head_;
  if (head_ <= after) return out;
  const std::uint64_t oldest_kept = head_ - changes_.size() + 1;
  if (after + 1 < oldest_kept) {
    return routes::MakeError(routes::ErrorCode::kResourceExhausted, "watch",
                             "the watcher fell too far behind; list the scenarios and watch again");
  }
  for (std::uint64_t seq = after + 1; seq <= head_; ++seq) {
    out.push_back(changes_[seq - oldest_kept]);
  }
  return out;
}

routes::Result<ResolvedScenario> ResolveScenario(const ScenarioBook* book,
                                                 const v1::Scenario& request,
                                                 const routes::Network& network,
                                                 std::chrono::year_month_day today) {
  ResolvedScenario out;
  if (request.name().empty()) {
    out.overlay = request;
    return out;
  }
  v1::Scenario added = request;
  added.clear_name();
  v1::ScenarioRef ref;
  ref.set_name(request.name());
  std::optional<v1::Scenario> base = formats::BuiltinScenario(request.name());
  if (!base) {
    std::optional<v1::StoredScenario> stored;
    if (book != nullptr) stored = book->Find(request.name());
    if (!stored) return Unknown("scenario.name", request.name());
    std::vector<routes::FieldViolation> problems =
        formats::ScenarioProblems(stored->overlay(), network, today);
    if (!problems.empty()) {
      routes::Error error = routes::MakeError(
          routes::ErrorCode::kFailedPrecondition, "scenario.name",
          "the stored scenario \"" + stored->name() + "\" (version " +
              std::to_string(stored->version()) + ") no longer validates against network version " +
              std::to_string(network.version()) + "; update or delete it");
      error.violations = std::move(problems);
      return error;
    }
    // The inline part alone first, so its errors name its own fields.
    if (added.ByteSizeLong() != 0) {
      auto view = formats::MakeScenarioView(added, network, today);
      if (!view.ok()) return view.error();
    }
    base = stored->overlay();
    ref.set_version(stored->version());
  }
  out.overlay = formats::MergeScenarios(*base, added);
  out.ref = std::move(ref);
  return out;
}

}  // namespace aircargo::server
