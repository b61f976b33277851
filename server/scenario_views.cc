#include "server/scenario_views.h"

#include <utility>

#include "formats/scenario_proto.h"

namespace aircargo::server {

routes::Result<ScenarioViews::ViewPtr> ScenarioViews::SharedFor(
    const std::shared_ptr<const routes::Network>& network, std::chrono::year_month_day today,
    bool include_planned) {
  Shared& slot = shared_[include_planned ? 1 : 0];
  {
    std::lock_guard lock(mutex_);
    if (slot.view != nullptr && slot.network == network && slot.day == today) return slot.view;
  }
  // Built outside the lock: requests on other snapshots or scenarios do not wait for it.
  routes::Scenario scenario;
  scenario.as_of = today;
  scenario.include_planned = include_planned;
  auto view = routes::ScenarioView::Make(*network, scenario);
  if (!view.ok()) return view.error();
  auto shared = std::make_shared<const routes::ScenarioView>(std::move(view).value());
  std::vector<std::chrono::sys_seconds> held;  // the replaced view's weeks, to build ahead
  std::shared_ptr<routes::TimetableCache> timetables;
  std::shared_ptr<Derived> derived;
  {
    std::lock_guard lock(mutex_);
    if (slot.timetables != nullptr) held = slot.timetables->HeldWeeks();
    slot.network = network;
    slot.day = today;
    slot.view = shared;
    slot.timetables = timetables =
        std::make_shared<routes::TimetableCache>(shared, timetable_max_bytes_);
    if (slot.derived != nullptr) slot.derived->retired.store(true);
    slot.derived = derived = std::make_shared<Derived>(shared);
  }
  if (!held.empty()) WarmUp(std::move(timetables), std::move(derived), std::move(held));
  return shared;
}

void ScenarioViews::WarmUp(std::shared_ptr<routes::TimetableCache> timetables,
                           std::shared_ptr<Derived> derived,
                           std::vector<std::chrono::sys_seconds> weeks) {
  StartBuilder([timetables = std::move(timetables), derived = std::move(derived),
                weeks = std::move(weeks)](std::stop_token token) {
    for (const std::chrono::sys_seconds week : weeks) {
      if (token.stop_requested() || derived->retired.load()) return;
      routes::StopCheck stop(routes::StopCheck::Clock::time_point::max(), [&token, &derived] {
        return token.stop_requested() || derived->retired.load();
      });
      // A failed build (a time zone the rules cannot resolve) is the requests' to report.
      (void)timetables->Weeks(week, week, stop);
    }
  });
}

void ScenarioViews::StartBuilder(std::function<void(std::stop_token)> build) {
  std::lock_guard builders_lock(builders_mutex_);
  // Finished builders are joined as new ones start, so the list stays short.
  std::erase_if(builders_, [](const Builder& b) { return b.done->load(); });
  auto done = std::make_shared<std::atomic<bool>>(false);
  builders_.push_back({done, std::jthread([build = std::move(build), done](std::stop_token token) {
                         build(token);
                         done->store(true);
                       })});
}

routes::Result<ScenarioViews::ViewPtr> ScenarioViews::For(
    const v1::Scenario& scenario, const std::shared_ptr<const routes::Network>& network,
    std::chrono::year_month_day today) {
  if (scenario.ByteSizeLong() == 0) return SharedFor(network, today, false);
  auto core = formats::ScenarioFromProto(scenario, *network, today);
  if (!core.ok()) return core.error();
  if (core->as_of != today) {
    auto view = routes::ScenarioView::Make(*network, *core);
    if (!view.ok()) return view.error();
    return std::make_shared<const routes::ScenarioView>(std::move(view).value());
  }
  auto base = SharedFor(network, today, core->include_planned);
  if (!base.ok() || routes::IsPlain(*core)) return base;
  auto view = routes::ScenarioView::Make(**base, *core);  // a delta over the shared view
  if (!view.ok()) return view.error();
  return std::make_shared<const routes::ScenarioView>(std::move(view).value());
}

std::shared_ptr<ScenarioViews::Derived> ScenarioViews::DerivedOfLocked(const ViewPtr& view) const {
  // `view` is held by the caller, so an equal pointer is that very view, not a reused address.
  for (const Shared& slot : shared_) {
    if (view != nullptr && view == slot.view) return slot.derived;
  }
  return nullptr;
}

std::shared_ptr<routes::TimetableCache> ScenarioViews::TimetablesOf(const ViewPtr& view) {
  std::lock_guard lock(mutex_);
  for (const Shared& slot : shared_) {
    if (view != nullptr && view == slot.view) return slot.timetables;
  }
  return nullptr;
}

std::shared_ptr<routes::TimetableCache> ScenarioViews::SnapshotTimetablesFor(const ViewPtr& view) {
  if (view == nullptr) return nullptr;
  std::lock_guard lock(mutex_);
  const auto on_snapshot = [&](const Shared& slot) {
    return slot.view != nullptr && &view->network() == slot.network.get();
  };
  const Shared& own = shared_[view->scenario().include_planned ? 1 : 0];
  if (on_snapshot(own)) return own.timetables;
  return on_snapshot(shared_[0]) ? shared_[0].timetables : nullptr;
}

const routes::FlowTemplate& ScenarioViews::SharedFlows(Derived& derived) {
  // Built outside the lock, once; concurrent first users wait here for it.
  std::call_once(derived.flows_once, [&derived] {
    derived.flows = std::make_unique<const routes::FlowTemplate>(*derived.view);
  });
  return *derived.flows;
}

ScenarioViews::FlowTemplatePtr ScenarioViews::FlowTemplateFor(const ViewPtr& view) {
  std::shared_ptr<Derived> derived;
  std::shared_ptr<Derived> base;  // the shared view a request's own view may derive from
  {
    std::lock_guard lock(mutex_);
    derived = DerivedOfLocked(view);
    const Shared& slot = shared_[view->scenario().include_planned ? 1 : 0];
    if (derived == nullptr && slot.view != nullptr && &slot.view->network() == &view->network() &&
        slot.view->scenario().as_of == view->scenario().as_of) {
      base = slot.derived;
    }
  }
  if (derived != nullptr) {
    const routes::FlowTemplate& flows = SharedFlows(*derived);
    return FlowTemplatePtr(derived, &flows);
  }
  // A request's own view: a template for this call, owning a reference to its view.
  auto own = std::make_shared<Derived>(view);
  if (base != nullptr) own->flows = routes::FlowTemplate::Over(SharedFlows(*base), *view);
  if (own->flows == nullptr) own->flows = std::make_unique<const routes::FlowTemplate>(*view);
  return FlowTemplatePtr(own, own->flows.get());
}

ScenarioViews::~ScenarioViews() {
  std::lock_guard lock(builders_mutex_);
  for (Builder& builder : builders_) builder.thread.request_stop();
  builders_.clear();  // joins
}

void ScenarioViews::WaitForBuilds() {
  std::vector<Builder> builders;
  {
    std::lock_guard lock(builders_mutex_);
    builders.swap(builders_);
  }
  // Joined without a stop request (a jthread's destructor would request one).
  for (Builder& builder : builders) builder.thread.join();
}

ScenarioViews::OraclePtr ScenarioViews::OracleFor(const ViewPtr& view,
                                                  routes::Objective objective) {
  const auto index = static_cast<std::size_t>(objective);
  if (index >= 4) return nullptr;
  std::shared_ptr<Derived> derived;
  {
    std::lock_guard lock(mutex_);
    derived = DerivedOfLocked(view);
    if (derived == nullptr) return nullptr;
  }
  {
    std::lock_guard lock(derived->oracle_mutex);
    if (derived->oracles[index] != nullptr) {
      return OraclePtr(derived, derived->oracles[index].get());
    }
    if (derived->oracle_started[index]) return nullptr;
    derived->oracle_started[index] = true;
  }
  StartBuilder([derived, objective, index](std::stop_token token) {
    routes::StopCheck stop(routes::StopCheck::Clock::time_point::max(), [&token, &derived] {
      return token.stop_requested() || derived->retired.load();
    });
    auto built = routes::ContractionHierarchy::Build(*derived->view, objective, stop);
    if (built.ok()) {  // else cancelled: queries keep searching
      auto oracle = std::make_unique<const routes::ContractionHierarchy>(std::move(built).value());
      std::lock_guard oracle_lock(derived->oracle_mutex);
      derived->oracles[index] = std::move(oracle);
    }
  });
  return nullptr;
}

}  // namespace aircargo::server
