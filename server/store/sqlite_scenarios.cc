// SqliteStore's stored scenarios: the `scenarios` table (name, version, binary StoredScenario).
#include "server/store/sqlite_statement.h"
#include "server/store/sqlite_store.h"

namespace aircargo::server::store {

routes::Result<std::vector<v1::StoredScenario>> SqliteStore::LoadScenarios() {
  std::lock_guard lock(mutex_);
  std::vector<v1::StoredScenario> out;
  if (!has_scenarios_) return out;
  Statement select(db_, "SELECT name, version, record FROM scenarios ORDER BY name");
  int rc = 0;
  while ((rc = select.Step()) == SQLITE_ROW) {
    v1::StoredScenario& scenario = out.emplace_back();
    if (!scenario.ParseFromString(select.Text(2)) || scenario.name() != select.Text(0) ||
        scenario.version() != select.Int(1)) {
      return routes::MakeError(
          routes::ErrorCode::kFailedPrecondition, "store",
          Describe() + ": the stored scenario \"" + select.Text(0) + "\" is damaged");
    }
  }
  if (rc != SQLITE_DONE) return Failure("cannot read the stored scenarios");
  return out;
}

routes::Result<bool> SqliteStore::PutScenario(const v1::StoredScenario& scenario) {
  std::lock_guard lock(mutex_);
  Statement put(db_, "INSERT OR REPLACE INTO scenarios(name, version, record) VALUES(?, ?, ?)");
  put.Bind(1, scenario.name());
  put.Bind(2, scenario.version());
  put.BindBlob(3, scenario.SerializeAsString());
  if (put.Step() != SQLITE_DONE) {
    return Failure("cannot store the scenario \"" + scenario.name() + "\"");
  }
  return true;
}

routes::Result<bool> SqliteStore::DeleteScenario(const std::string& name) {
  std::lock_guard lock(mutex_);
  Statement drop(db_, "DELETE FROM scenarios WHERE name = ?");
  drop.Bind(1, name);
  if (drop.Step() != SQLITE_DONE) return Failure("cannot delete the scenario \"" + name + "\"");
  return true;
}

}  // namespace aircargo::server::store
