// `aircargo itinerary ORIGIN DEST --ready "YYYY-MM-DD HH:MM" [--tonnes T] [-k N]
// [--arrive-by "YYYY-MM-DD HH:MM"] [--horizon 14d] [--max-legs N]` plus the scenario flags:
// PlannerService.PlanItinerary. --ready is a local time at the origin and --arrive-by one at the
// destination; the CLI sends them as ready_local / arrive_by_local and the server converts them
// with the airports' IANA zones (the CLI holds no time zone database). An RFC 3339 instant
// ("2025-06-02T01:00:00Z") is sent as ready_time / arrive_by_time instead.
#pragma once

#include <CLI/CLI.hpp>
#include <optional>
#include <string>

#include "client/command.h"

namespace aircargo::client {

void AddItineraryCommands(CLI::App& app, CommandRegistry& registry);

// True for an RFC 3339 instant (a 'T' and a zone: "Z" or "+08:00"); local times carry neither.
bool IsRfc3339(const std::string& text);
// Accepts "YYYY-MM-DD HH:MM" (local at the `what` airport) or an RFC 3339 instant.
CLI::Validator TimeValidator(const char* what);

// "14d", "36h", "90m" or a plain number of days -> minutes; nullopt when malformed or <= 0.
std::optional<std::int64_t> ParseHorizonMinutes(const std::string& text);

}  // namespace aircargo::client
