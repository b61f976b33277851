// RunCli: the aircargo command line, from argv to an exit code, with stubs injected so tests can
// drive it against gMock stubs and capture its output.
//
//   aircargo [--server ADDR] [--json] [--timeout SECONDS] COMMAND [ARGS]
//
// ADDR defaults to $AIRCARGO_SERVER, then 127.0.0.1:50051; --timeout (default 10 s) is the gRPC
// deadline of each call. Commands: see commands_network.h.
//
// Exit codes (client/exit_codes.h; also in the footer of `aircargo --help`):
//   0 ok; 1 unexpected failure inside aircargo; 2 usage error; 3 the server rejected the request
//   (NOT_FOUND, INVALID_ARGUMENT, FAILED_PRECONDITION, OUT_OF_RANGE); 4 server unreachable
//   (UNAVAILABLE) or DEADLINE_EXCEEDED; 5 any other server error (UNIMPLEMENTED, INTERNAL, ...).
// Every failure prints exactly one line on `err`, starting "aircargo: ".
#pragma once

#include <ostream>

#include "client/stubs.h"

namespace aircargo::client {

// Parses the command line and runs the command it names. Results go to `out`; --help and --version
// also print to `out`; errors print one line to `err`. Reads the AIRCARGO_SERVER environment
// variable. Returns the process exit code.
int RunCli(int argc, const char* const* argv, StubFactory& stubs, std::ostream& out,
           std::ostream& err);

}  // namespace aircargo::client
