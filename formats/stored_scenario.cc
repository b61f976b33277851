#include "formats/stored_scenario.h"

#include <algorithm>
#include <set>
#include <utility>

#include "formats/scenario_proto.h"

namespace aircargo::formats {
namespace {

bool NameChar(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' ||
         c == '_' || c == '-';
}

// "scenario.<list>[from]..." -> "scenario.<list>[to]..." in the error's field paths.
void Reindex(routes::Error& error, const std::string& list, std::size_t from, std::size_t to) {
  const std::string old_prefix = "scenario." + list + "[" + std::to_string(from) + "]";
  const std::string new_prefix = "scenario." + list + "[" + std::to_string(to) + "]";
  const auto fix = [&](std::string& field) {
    if (field.rfind(old_prefix, 0) == 0) field = new_prefix + field.substr(old_prefix.size());
  };
  fix(error.field);
  for (routes::FieldViolation& v : error.violations) fix(v.field);
}

void Add(std::vector<routes::FieldViolation>& out, const routes::Error& error) {
  if (error.violations.empty()) {
    out.push_back({error.field, error.message});
  } else {
    out.insert(out.end(), error.violations.begin(), error.violations.end());
  }
}

template <typename List>
void AppendOnce(const List& from, List* to) {
  for (const auto& value : from) {
    if (std::find(to->begin(), to->end(), value) == to->end()) *to->Add() = value;
  }
}

}  // namespace

routes::Result<bool> CheckScenarioName(std::string_view name, const std::string& field) {
  if (name.empty() || name.size() > kMaxScenarioNameLength) {
    return routes::InvalidArgument(field, "must be 1 to " + std::to_string(kMaxScenarioNameLength) +
                                              " characters, got " + std::to_string(name.size()));
  }
  for (char c : name) {
    if (!NameChar(c)) {
      return routes::InvalidArgument(
          field, "\"" + std::string(name) + "\" has a character outside [A-Za-z0-9._-]");
    }
  }
  if (BuiltinScenario(name)) {
    return routes::InvalidArgument(field, "\"" + std::string(name) + "\" is a built-in scenario");
  }
  return true;
}

std::optional<v1::Scenario> BuiltinScenario(std::string_view name) {
  if (name == kBuiltinToday) return v1::Scenario();
  if (name == kBuiltinTodayWithPlanned) {
    v1::Scenario planned;
    planned.set_include_planned(true);
    return planned;
  }
  return std::nullopt;
}

v1::Scenario MergeScenarios(const v1::Scenario& stored, const v1::Scenario& added) {
  v1::Scenario out = stored;
  out.clear_name();
  if (!added.as_of().empty()) out.set_as_of(added.as_of());
  out.set_include_planned(stored.include_planned() || added.include_planned());
  AppendOnce(added.closed_airports(), out.mutable_closed_airports());
  AppendOnce(added.closed_routes(), out.mutable_closed_routes());
  AppendOnce(added.excluded_carriers(), out.mutable_excluded_carriers());
  for (const v1::CapacityFactor& factor : added.capacity_factors()) {
    auto* factors = out.mutable_capacity_factors();
    auto same = std::find_if(factors->begin(), factors->end(), [&](const v1::CapacityFactor& f) {
      return f.route_id() == factor.route_id();
    });
    if (same != factors->end()) {
      *same = factor;
    } else {
      *factors->Add() = factor;
    }
  }
  for (const v1::Route& route : added.extra_routes()) *out.add_extra_routes() = route;
  return out;
}

std::vector<routes::FieldViolation> ScenarioProblems(const v1::Scenario& overlay,
                                                     const routes::Network& network,
                                                     std::chrono::year_month_day today) {
  std::vector<routes::FieldViolation> out;
  // The common case: it validates as a whole.
  if (MakeScenarioView(overlay, network, today).ok()) return out;
  // Otherwise each part on its own, so every problem is listed.
  v1::Scenario scalars = overlay;
  scalars.clear_closed_airports();
  scalars.clear_closed_routes();
  scalars.clear_capacity_factors();
  scalars.clear_extra_routes();
  if (auto view = MakeScenarioView(scalars, network, today); !view.ok()) Add(out, view.error());
  for (int i = 0; i < overlay.closed_airports_size(); ++i) {
    v1::Scenario one;
    one.add_closed_airports(overlay.closed_airports(i));
    if (auto view = MakeScenarioView(one, network, today); !view.ok()) {
      routes::Error error = view.error();
      Reindex(error, "closed_airports", 0, i);
      Add(out, error);
    }
  }
  for (int i = 0; i < overlay.closed_routes_size(); ++i) {
    v1::Scenario one;
    one.add_closed_routes(overlay.closed_routes(i));
    if (auto view = MakeScenarioView(one, network, today); !view.ok()) {
      routes::Error error = view.error();
      Reindex(error, "closed_routes", 0, i);
      Add(out, error);
    }
  }
  // Extra routes one at a time on top of the valid ones before them (a clash between two extras
  // is the later one's problem); capacity factors against the valid extras.
  v1::Scenario extras;
  for (int i = 0; i < overlay.extra_routes_size(); ++i) {
    v1::Scenario more = extras;
    *more.add_extra_routes() = overlay.extra_routes(i);
    if (auto view = MakeScenarioView(more, network, today); !view.ok()) {
      routes::Error error = view.error();
      Reindex(error, "extra_routes", static_cast<std::size_t>(extras.extra_routes_size()), i);
      Add(out, error);
    } else {
      extras = std::move(more);
    }
  }
  for (int i = 0; i < overlay.capacity_factors_size(); ++i) {
    v1::Scenario one = extras;
    *one.add_capacity_factors() = overlay.capacity_factors(i);
    if (auto view = MakeScenarioView(one, network, today); !view.ok()) {
      routes::Error error = view.error();
      Reindex(error, "capacity_factors", 0, i);
      Add(out, error);
    }
  }
  if (out.empty()) {
    // Parts valid alone but not together (should not happen; report the whole's error).
    Add(out, MakeScenarioView(overlay, network, today).error());
  }
  return out;
}

}  // namespace aircargo::formats
