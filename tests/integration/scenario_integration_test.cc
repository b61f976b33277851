// Named scenarios end to end: the real aircargod with a store in a temporary directory, driven by
// the real aircargo CLI. The README's workflow (plan-2025 compared with today, PEK closed inside
// it, compared again), every scenario command and error, a scenario surviving a restart, a
// scenario made stale by a network edit (reported by list, refused by a planning request), write
// tokens, and the watch.
#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>

#include "tests/integration/living_fixture.h"

namespace aircargo::testing {
namespace {

bool Has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

// The living network's fixture: a store in a temporary directory, the real server and CLI.
using ScenarioTest = LivingTest;

TEST_F(ScenarioTest, ThePlannersWorkflowPlan2025ComparedWithTodayThenWithPekClosed) {
  auto server = Serve();
  const auto create = Cli(*server, {"scenario", "create", "plan-2025", "--with-planned",
                                    "--description", "every announced and candidate route"});
  ASSERT_EQ(create.exit_code, 0) << create.err;
  EXPECT_EQ(create.out, "scenario \"plan-2025\" created: version 1\n");

  const auto first = Cli(*server, {"compare", "--base", "today", "--with", "plan-2025"});
  ASSERT_EQ(first.exit_code, 0) << first.err;
  EXPECT_TRUE(Has(first.out,
                  "Compares \"today\" (built-in) with \"plan-2025\" (stored scenario, "
                  "version 1)"))
      << first.out;
  // The same comparison as the built-in default (today vs. today with the planned routes).
  const auto builtin = Cli(*server, {"--json", "compare"});
  const auto named = Cli(*server, {"--json", "compare", "--base", "today", "--with", "plan-2025"});
  ASSERT_EQ(named.exit_code, 0) << named.err;
  const auto pairs = [](const std::string& json) {
    return json.substr(0, json.find("\"removed_routes_by_basis\""));
  };
  EXPECT_EQ(pairs(builtin.out), pairs(named.out));
  EXPECT_TRUE(Has(named.out,
                  "\"alternative_stored_scenario\": {\n  \"name\": \"plan-2025\",\n  "
                  "\"version\": \"1\""))
      << named.out;

  const auto update = Cli(*server, {"scenario", "update", "plan-2025", "--add", "--close", "PEK"});
  ASSERT_EQ(update.exit_code, 0) << update.err;
  EXPECT_EQ(update.out, "scenario \"plan-2025\" updated: version 2\n");
  const auto shown = Cli(*server, {"scenario", "show", "plan-2025"});
  EXPECT_TRUE(Has(shown.out, "with planned routes; closed airports PEK")) << shown.out;
  EXPECT_TRUE(Has(shown.out, "every announced and candidate route")) << shown.out;

  const auto second = Cli(*server, {"compare", "--base", "today", "--with", "plan-2025"});
  ASSERT_EQ(second.exit_code, 0) << second.err;
  EXPECT_TRUE(Has(second.out, "\"plan-2025\" (stored scenario, version 2)")) << second.out;
  EXPECT_NE(first.out.substr(first.out.find("\n\n")), second.out.substr(second.out.find("\n\n")));
  // PEK closed: SHE-PEK has no capacity in plan-2025, and the answer names the scenario.
  const auto pek = Cli(*server, {"--json", "capacity", "SHE", "PEK", "--scenario", "plan-2025"});
  ASSERT_EQ(pek.exit_code, 0) << pek.err;
  EXPECT_TRUE(Has(pek.out, "\"max_flow_kg_per_week\": \"0\"")) << pek.out;
  EXPECT_TRUE(Has(pek.out,
                  "\"stored_scenario\": {\n  \"name\": \"plan-2025\",\n  \"version\": "
                  "\"2\""))
      << pek.out;
  // An inline overlay on top of the stored one: closing FRA too.
  const auto path =
      Cli(*server, {"path", "SHE", "FRA", "--scenario", "plan-2025", "--close", "FRA"});
  EXPECT_EQ(path.exit_code, 0) << path.err;
  EXPECT_TRUE(Has(path.out, "CLOSED_BY_SCENARIO")) << path.out;
  EXPECT_FALSE(Has(Cli(*server, {"path", "SHE", "FRA", "--scenario", "plan-2025"}).out,
                   "CLOSED_BY_SCENARIO"));
}

TEST_F(ScenarioTest, EveryOperationAndError) {
  auto server = Serve();
  ASSERT_EQ(Cli(*server, {"scenario", "create", "ramp", "--factor", "SHE-YVR-W8=3"}).exit_code, 0);
  const auto again = Cli(*server, {"scenario", "create", "ramp"});
  EXPECT_EQ(again.exit_code, 3);
  EXPECT_TRUE(Has(again.err, "scenario.name: a scenario named \"ramp\" exists already"))
      << again.err;
  const auto bad_name = Cli(*server, {"scenario", "create", "no spaces"});
  EXPECT_EQ(bad_name.exit_code, 3);
  EXPECT_TRUE(Has(bad_name.err, "scenario.name: \"no spaces\" has a character outside"))
      << bad_name.err;
  const auto long_name = Cli(*server, {"scenario", "create", std::string(65, 'x')});
  EXPECT_EQ(long_name.exit_code, 3);
  EXPECT_TRUE(Has(long_name.err, "must be 1 to 64 characters, got 65")) << long_name.err;
  const auto builtin = Cli(*server, {"scenario", "create", "today"});
  EXPECT_EQ(builtin.exit_code, 3);
  EXPECT_TRUE(Has(builtin.err, "is a built-in scenario")) << builtin.err;
  const auto bad_overlay = Cli(*server, {"scenario", "create", "x", "--drop", "NO-SUCH-ROUTE"});
  EXPECT_EQ(bad_overlay.exit_code, 3);
  EXPECT_TRUE(
      Has(bad_overlay.err, "scenario.overlay.closed_routes[0]: route \"NO-SUCH-ROUTE\" not found"))
      << bad_overlay.err;

  const auto capacity = Cli(*server, {"--json", "capacity", "SHE", "YVR", "--scenario", "ramp"});
  ASSERT_EQ(capacity.exit_code, 0) << capacity.err;
  const auto inline_ramp =
      Cli(*server, {"--json", "capacity", "SHE", "YVR", "--factor", "SHE-YVR-W8=3"});
  const auto flow = [](const std::string& json) {
    const auto at = json.find("\"max_flow_kg_per_week\"");
    return json.substr(at, json.find('\n', at) - at);
  };
  EXPECT_EQ(flow(capacity.out), flow(inline_ramp.out));
  const auto unknown = Cli(*server, {"capacity", "SHE", "YVR", "--scenario", "nope"});
  EXPECT_EQ(unknown.exit_code, 3);
  EXPECT_TRUE(Has(unknown.err, "scenario.name: no stored scenario \"nope\"")) << unknown.err;
  for (const std::vector<std::string>& planning :
       {std::vector<std::string>{"path", "SHE", "YVR"},
        {"itinerary", "SHE", "YVR", "--ready", "2025-06-02 09:00"},
        {"flow", "SHE", "YVR", "--tonnes", "10"},
        {"closures", "SHE", "YVR"}}) {
    auto args = planning;
    args.insert(args.end(), {"--scenario", "nope"});
    const auto run = Cli(*server, args);
    EXPECT_EQ(run.exit_code, 3) << planning[0];
    EXPECT_TRUE(Has(run.err, "no stored scenario \"nope\"")) << planning[0] << ": " << run.err;
    args.back() = "ramp";
    EXPECT_EQ(Cli(*server, args).exit_code, 0) << planning[0];
  }
  const auto compare_unknown = Cli(*server, {"compare", "--base", "nope"});
  EXPECT_EQ(compare_unknown.exit_code, 3);
  EXPECT_TRUE(Has(compare_unknown.err, "baseline.name: no stored scenario \"nope\""))
      << compare_unknown.err;

  const auto stale_version = Cli(*server, {"scenario", "update", "ramp", "--factor", "SHE-YVR-W8=2",
                                           "--expected-version", "7"});
  EXPECT_EQ(stale_version.exit_code, 6);
  EXPECT_TRUE(Has(stale_version.err, "scenario \"ramp\" is at version 1, not 7"))
      << stale_version.err;
  EXPECT_TRUE(Has(Cli(*server, {"scenario", "show", "ramp"}).out, "SHE-YVR-W8=3"));
  const auto update_unknown = Cli(*server, {"scenario", "update", "nope"});
  EXPECT_EQ(update_unknown.exit_code, 3);

  const auto list = Cli(*server, {"scenario", "list"});
  ASSERT_EQ(list.exit_code, 0) << list.err;
  EXPECT_TRUE(Has(list.out, "ramp")) << list.out;
  EXPECT_TRUE(Has(list.out, "factors SHE-YVR-W8=3")) << list.out;
  const auto json_list = Cli(*server, {"--json", "scenario", "list"});
  EXPECT_TRUE(Has(json_list.out, "\"updated_by\": \"anonymous\"")) << json_list.out;

  const auto wrong_delete = Cli(*server, {"scenario", "delete", "ramp", "--expected-version", "2"});
  EXPECT_EQ(wrong_delete.exit_code, 6);
  const auto removed = Cli(*server, {"scenario", "delete", "ramp"});
  ASSERT_EQ(removed.exit_code, 0) << removed.err;
  EXPECT_EQ(removed.out, "scenario \"ramp\" deleted (was version 1)\n");
  EXPECT_EQ(Cli(*server, {"scenario", "show", "ramp"}).exit_code, 3);
  EXPECT_EQ(Cli(*server, {"scenario", "delete", "ramp"}).exit_code, 3);
  EXPECT_TRUE(Has(Cli(*server, {"scenario", "list"}).out, "No stored scenarios"));
}

TEST_F(ScenarioTest, AScenarioSurvivesARestart) {
  auto server = Serve();
  ASSERT_EQ(Cli(*server, {"scenario", "create", "kept", "--close", "ICN", "--description", "d"})
                .exit_code,
            0);
  ASSERT_EQ(Cli(*server, {"scenario", "update", "kept", "--add", "--close", "PEK"}).exit_code, 0);
  ASSERT_EQ(server->Stop(), 0);
  server = Serve();
  const auto shown = Cli(*server, {"scenario", "show", "kept"});
  ASSERT_EQ(shown.exit_code, 0) << shown.err;
  EXPECT_TRUE(Has(shown.out, "closed airports ICN,PEK")) << shown.out;
  EXPECT_TRUE(Has(shown.out, "Version      2")) << shown.out;
  // A crash (SIGKILL) right after an acknowledged write loses nothing either.
  ASSERT_EQ(Cli(*server, {"scenario", "create", "after-crash"}).exit_code, 0);
  server->Kill();
  server = Serve();
  EXPECT_EQ(Cli(*server, {"scenario", "show", "after-crash"}).exit_code, 0);
  ASSERT_EQ(server->Stop(), 0);
  const auto check = RunProcess({kServer, "--check-store", store_});
  EXPECT_EQ(check.exit_code, 0) << check.err;
  EXPECT_TRUE(Has(check.out, "; 2 stored scenarios\n")) << check.out;
}

TEST_F(ScenarioTest, ANetworkEditMakesAScenarioStaleWhichIsReportedAndRefused) {
  auto server = Serve();
  ASSERT_EQ(Cli(*server, {"scenario", "create", "no-pek-feeder", "--drop", "SHE-PEK-CA,PEK-SHE-CA",
                          "--factor", "SHE-PEK-CA=2"})
                .exit_code,
            0);
  ASSERT_EQ(Cli(*server, {"route", "delete", "SHE-PEK-CA"}).exit_code, 0);
  const auto list = Cli(*server, {"scenario", "list"});
  ASSERT_EQ(list.exit_code, 0) << list.err;
  EXPECT_TRUE(Has(list.out, "STALE (2)")) << list.out;
  EXPECT_TRUE(
      Has(list.out, "no-pek-feeder: scenario.closed_routes[0]: route \"SHE-PEK-CA\" not found"))
      << list.out;
  EXPECT_TRUE(Has(list.out, "no-pek-feeder: scenario.capacity_factors[0].route_id")) << list.out;
  const auto json = Cli(*server, {"--json", "scenario", "show", "no-pek-feeder"});
  EXPECT_TRUE(Has(json.out, "\"problems\"")) << json.out;
  const auto refused = Cli(*server, {"capacity", "SHE", "FRA", "--scenario", "no-pek-feeder"});
  EXPECT_EQ(refused.exit_code, 3);
  EXPECT_TRUE(Has(refused.err, "FAILED_PRECONDITION") ||
              Has(refused.err, "no longer validates against network version 2"))
      << refused.err;
  EXPECT_TRUE(Has(refused.err, "closed_routes[0]")) << refused.err;
  EXPECT_TRUE(Has(refused.err, "capacity_factors[0]")) << refused.err;
  // Updated to fit the network again, it is used again.
  ASSERT_EQ(Cli(*server, {"scenario", "update", "no-pek-feeder", "--drop", "PEK-SHE-CA"}).exit_code,
            0);
  EXPECT_EQ(Cli(*server, {"capacity", "SHE", "FRA", "--scenario", "no-pek-feeder"}).exit_code, 0);
  EXPECT_FALSE(Has(Cli(*server, {"scenario", "list"}).out, "STALE"));
}

TEST_F(ScenarioTest, WritesNeedAWriteTokenAndTheWatchSeesEveryChange) {
  const std::string tokens = (dir_ / "tokens").string();
  std::ofstream(tokens) << "planner planner-secret-0123456789\n";
  auto server = Serve({"--write-tokens", tokens});
  const std::vector<std::string> token = {"AIRCARGO_TOKEN=planner-secret-0123456789"};
  const auto none = Cli(*server, {"scenario", "create", "a"});
  EXPECT_EQ(none.exit_code, 7) << none.err;
  EXPECT_EQ(Cli(*server, {"scenario", "delete", "a"}).exit_code, 7);

  std::atomic<bool> done{false};
  ProcessResult watched;
  std::thread watcher([&] {
    watched = RunProcess({kCli, "--server", server->address(), "scenario", "watch", "--count", "1"},
                         {}, 90);
    done = true;
  });
  // Writes until the watcher (which may subscribe a little later) has seen one; bounded by time,
  // not a count: on a loaded machine a CLI process may take seconds to start.
  const auto since = std::chrono::steady_clock::now();
  for (int i = 0; !done && std::chrono::steady_clock::now() - since < std::chrono::seconds(80);
       ++i) {
    const auto made = Cli(*server, {"scenario", "create", "w" + std::to_string(i)}, token);
    EXPECT_EQ(made.exit_code, 0) << made.err;
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
  }
  watcher.join();
  EXPECT_EQ(watched.exit_code, 0) << watched.err;
  EXPECT_TRUE(Has(watched.out, "created w")) << watched.out;
  EXPECT_TRUE(Has(watched.out, "by planner")) << watched.out;
  EXPECT_TRUE(
      Has(Cli(*server, {"--json", "scenario", "show", "w0"}).out, "\"updated_by\": \"planner\""));
}

}  // namespace
}  // namespace aircargo::testing
