// Edit commands: change the served network and read its history.
//
//   aircargo route add ID --origin SHE --destination YVR --carrier W8 ...   CreateRoute
//   aircargo route update ID --flights-per-week 3 ...   UpdateRoute (mask = the fields given)
//   aircargo route delete ID | suspend ID --reason R | resume ID --reason R
//   aircargo airport set IATA --name ... --time-zone ...  UpsertAirport (the current airport
//                                                         with the fields given changed)
//   aircargo edits apply FILE.textproto   ApplyEdits: an ApplyEditsRequest in text format
//   aircargo history [--since V] [--limit N]   ListEdits
//   aircargo watch [--from V] [--count N]      WatchNetwork, one line per change
//
// Every write takes --expected-version V (default: the version read just before) and
// --request-id ID, and prints the new network version. A conflict (ABORTED) exits 6 and says to
// re-read and retry; a missing or wrong token exits 7.
#pragma once

#include "client/command.h"

namespace aircargo::client {

// Adds "route", "airport set" (under the existing `airport_command`), "edits", "history" and
// "watch".
void AddEditCommands(CLI::App& app, CLI::App& airport_command, CommandRegistry& registry);

}  // namespace aircargo::client
