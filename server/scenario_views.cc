#include "server/scenario_views.h"

#include <utility>

#include "formats/scenario_proto.h"

namespace aircargo::server {

routes::Result<ScenarioViews::ViewPtr> ScenarioViews::For(
    const v1::Scenario& scenario, const std::shared_ptr<const routes::Network>& network,
    std::chrono::year_month_day today) {
  const bool operating_today = scenario.ByteSizeLong() == 0;
  if (operating_today) {
    std::lock_guard lock(mutex_);
    if (view_ != nullptr && network_ == network && day_ == today) return view_;
  }
  // Built outside the lock: requests on other snapshots or scenarios do not wait for it.
  auto view = formats::MakeScenarioView(scenario, *network, today);
  if (!view.ok()) return view.error();
  auto shared = std::make_shared<const routes::ScenarioView>(std::move(view).value());
  if (operating_today) {
    std::lock_guard lock(mutex_);
    network_ = network;
    day_ = today;
    view_ = shared;
    timetables_ = std::make_shared<routes::TimetableCache>(shared, timetable_max_bytes_);
  }
  return shared;
}

std::shared_ptr<routes::TimetableCache> ScenarioViews::TimetablesOf(const ViewPtr& view) {
  std::lock_guard lock(mutex_);
  // `view` is held by the caller, so an equal pointer is that very view, not a reused address.
  return view != nullptr && view == view_ ? timetables_ : nullptr;
}

}  // namespace aircargo::server
