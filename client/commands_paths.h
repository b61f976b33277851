// `aircargo path FROM TO`: PlannerService.FindPaths from the command line (objective, k
// alternatives or the Pareto set, constraints, and the shared scenario flags).
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace CLI {
class App;
}  // namespace CLI

namespace aircargo::client {

class CommandRegistry;

void AddPathCommands(CLI::App& app, CommandRegistry& registry);

// A weekly capacity as typed: "40t" / "40.5t" (tonnes), "40000kg" or "40000" (kilograms);
// case-insensitive. nullopt for anything else, negative values included.
std::optional<std::int64_t> ParseCapacityKg(std::string_view text);

}  // namespace aircargo::client
