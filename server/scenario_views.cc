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
  }
  return shared;
}

}  // namespace aircargo::server
