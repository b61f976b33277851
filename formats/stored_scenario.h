// Stored (named) scenarios, the parts that need no server: the name rules, the built-in names,
// the merge of a stored overlay with a request's inline overlay, and the list of every problem an
// overlay has against a network (docs/adr/0006-named-scenarios.md).
//
// Names: 1 to kMaxScenarioNameLength characters of [A-Za-z0-9._-]; "today" and
// "today-with-planned" are built in (an empty overlay; include_planned) and cannot be stored.
// Errors: kInvalidArgument naming the field. Pure functions; thread-safe.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "aircargo/v1/network.pb.h"
#include "routes/network.h"
#include "routes/result.h"

namespace aircargo::formats {

inline constexpr std::size_t kMaxScenarioNameLength = 64;
inline constexpr std::size_t kMaxScenarioDescriptionLength = 1024;
// A stored overlay's serialised size (bytes); within the request size limit, so one stored
// scenario always fits in a planning request's answer and in ListScenarios.
inline constexpr std::size_t kMaxStoredOverlayBytes = 256 * 1024;

inline constexpr char kBuiltinToday[] = "today";
inline constexpr char kBuiltinTodayWithPlanned[] = "today-with-planned";

// OK, or kInvalidArgument on `field` saying what is wrong with `name`.
routes::Result<bool> CheckScenarioName(std::string_view name, const std::string& field);

// The overlay of a built-in name; nullopt for any other name.
std::optional<v1::Scenario> BuiltinScenario(std::string_view name);

// `stored` with `added` on top: closed airports, closed routes, excluded carriers and extra
// routes appended (duplicate closures and carriers once); a capacity factor of `added` replaces
// the stored one for the same route id, others appended; `added`'s as_of wins when not empty;
// include_planned when either has it. The result's name is empty.
v1::Scenario MergeScenarios(const v1::Scenario& stored, const v1::Scenario& added);

// Every reason `overlay` does not validate against `network` (as formats::MakeScenarioView would
// judge it, but all of them, not the first), as "scenario.closed_routes[2]"-style field paths;
// empty when it validates.
std::vector<routes::FieldViolation> ScenarioProblems(const v1::Scenario& overlay,
                                                     const routes::Network& network,
                                                     std::chrono::year_month_day today);

}  // namespace aircargo::formats
