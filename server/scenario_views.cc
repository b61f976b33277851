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
    if (derived_ != nullptr) derived_->retired.store(true);
    derived_ = std::make_shared<Derived>(shared);
  }
  return shared;
}

std::shared_ptr<routes::TimetableCache> ScenarioViews::TimetablesOf(const ViewPtr& view) {
  std::lock_guard lock(mutex_);
  // `view` is held by the caller, so an equal pointer is that very view, not a reused address.
  return view != nullptr && view == view_ ? timetables_ : nullptr;
}

std::shared_ptr<routes::TimetableCache> ScenarioViews::SnapshotTimetablesFor(const ViewPtr& view) {
  std::lock_guard lock(mutex_);
  return view != nullptr && view_ != nullptr && &view->network() == network_.get() ? timetables_
                                                                                   : nullptr;
}

ScenarioViews::FlowTemplatePtr ScenarioViews::FlowTemplateFor(const ViewPtr& view) {
  std::shared_ptr<Derived> derived;
  {
    std::lock_guard lock(mutex_);
    if (view == view_) derived = derived_;
  }
  if (derived == nullptr) {
    // A request's own view: a template for this call, owning a reference to its view.
    auto own = std::make_shared<Derived>(view);
    own->flows = std::make_unique<const routes::FlowTemplate>(*view);
    return FlowTemplatePtr(own, own->flows.get());
  }
  // Built outside the lock, once; concurrent first users wait here for it.
  std::call_once(derived->flows_once, [&derived] {
    derived->flows = std::make_unique<const routes::FlowTemplate>(*derived->view);
  });
  return FlowTemplatePtr(derived, derived->flows.get());
}

ScenarioViews::~ScenarioViews() {
  std::lock_guard lock(builders_mutex_);
  for (Builder& builder : builders_) builder.thread.request_stop();
  builders_.clear();  // joins
}

void ScenarioViews::WaitForOracles() {
  std::vector<Builder> builders;
  {
    std::lock_guard lock(builders_mutex_);
    builders.swap(builders_);
  }
  builders.clear();  // joins
}

ScenarioViews::OraclePtr ScenarioViews::OracleFor(const ViewPtr& view,
                                                  routes::Objective objective) {
  const auto index = static_cast<std::size_t>(objective);
  if (index >= 4) return nullptr;
  std::shared_ptr<Derived> derived;
  {
    std::lock_guard lock(mutex_);
    if (view == nullptr || view != view_) return nullptr;
    derived = derived_;
  }
  {
    std::lock_guard lock(derived->oracle_mutex);
    if (derived->oracles[index] != nullptr) {
      return OraclePtr(derived, derived->oracles[index].get());
    }
    if (derived->oracle_started[index]) return nullptr;
    derived->oracle_started[index] = true;
  }
  std::lock_guard builders_lock(builders_mutex_);
  // Finished builders are joined as new ones start, so the list stays short.
  std::erase_if(builders_, [](const Builder& b) { return b.done->load(); });
  auto done = std::make_shared<std::atomic<bool>>(false);
  builders_.push_back(
      {done, std::jthread([derived, objective, index, done](std::stop_token token) {
         routes::StopCheck stop(routes::StopCheck::Clock::time_point::max(), [token, &derived] {
           return token.stop_requested() || derived->retired.load();
         });
         auto built = routes::ContractionHierarchy::Build(*derived->view, objective, stop);
         if (built.ok()) {  // else cancelled: queries keep searching
           auto oracle =
               std::make_unique<const routes::ContractionHierarchy>(std::move(built).value());
           std::lock_guard oracle_lock(derived->oracle_mutex);
           derived->oracles[index] = std::move(oracle);
         }
         done->store(true);
       })});
  return nullptr;
}

}  // namespace aircargo::server
