// ScenarioViews: the ScenarioView each planning request runs on. A view costs a pass over every
// route (usability, capacities after factors): about a millisecond on the world network, several
// times a plain FindPaths. Most requests ask about the network as it operates today (no what-if
// scenario), so that view is built once per (snapshot, day) and shared by every request; a request
// with a scenario gets its own view.
//
// Thread safe. The shared view keeps its snapshot alive until the next snapshot or day replaces it.
#pragma once

#include <chrono>
#include <memory>
#include <mutex>

#include "aircargo/v1/network.pb.h"
#include "routes/network.h"
#include "routes/result.h"
#include "routes/scenario_view.h"

namespace aircargo::server {

class ScenarioViews {
 public:
  using ViewPtr = std::shared_ptr<const routes::ScenarioView>;

  // The view of `network` under `scenario` on `today` (formats::MakeScenarioView's errors).
  routes::Result<ViewPtr> For(const v1::Scenario& scenario,
                              const std::shared_ptr<const routes::Network>& network,
                              std::chrono::year_month_day today);

 private:
  std::mutex mutex_;
  std::shared_ptr<const routes::Network> network_;  // the cached view's snapshot
  std::chrono::year_month_day day_{};
  ViewPtr view_;
};

}  // namespace aircargo::server
