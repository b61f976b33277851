// The living network end to end: the real aircargod with a store in a temporary directory, driven
// by the real aircargo CLI. The README's flow (ramp SHE-YVR with `route update`, see it in
// `capacity`, restart, still there), conflicts, batches, history, watch, --check-store, one
// server per store and per address, a store of another base, write tokens and TLS with a
// certificate made by openssl for the test.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>

#include "tests/integration/living_fixture.h"

namespace aircargo::testing {
namespace {

constexpr char kRamp[] = "SUN 19:32,WED 19:32,FRI 19:32";

TEST_F(LivingTest, TheSheYvrRampMadeWithRouteUpdateSurvivesARestart) {
  auto server = Serve();
  EXPECT_NE(server->startup_line().find("store " + store_ + " (new)"), std::string::npos)
      << server->startup_line();
  const auto before = Cli(*server, {"capacity", "SHE", "YVR"});
  ASSERT_EQ(before.exit_code, 0) << before.err;
  EXPECT_NE(before.out.find("44.6 t/week"), std::string::npos) << before.out;

  const auto ramp = Cli(
      *server, {"route", "update", "SHE-YVR-W8", "--flights-per-week", "3", "--departures", kRamp});
  ASSERT_EQ(ramp.exit_code, 0) << ramp.err;
  EXPECT_EQ(ramp.out, "SHE-YVR-W8 updated (flights_per_week, departures): network version 2\n");
  const auto after = Cli(*server, {"capacity", "SHE", "YVR"});
  EXPECT_NE(after.out.find("133.9 t/week"), std::string::npos) << after.out;

  ASSERT_EQ(server->Stop(), 0);
  server = Serve();
  EXPECT_NE(server->startup_line().find("version 2"), std::string::npos) << server->startup_line();
  EXPECT_NE(server->startup_line().find("(1 edits replayed)"), std::string::npos);
  const auto restarted = Cli(*server, {"capacity", "SHE", "YVR"});
  EXPECT_NE(restarted.out.find("133.9 t/week"), std::string::npos) << restarted.out;
  const auto history = Cli(*server, {"history"});
  ASSERT_EQ(history.exit_code, 0) << history.err;
  EXPECT_NE(history.out.find("version 2"), std::string::npos) << history.out;
  EXPECT_NE(history.out.find("update_route SHE-YVR-W8 (flights_per_week=3, departures)"),
            std::string::npos)
      << history.out;
  EXPECT_NE(history.out.find("anonymous"), std::string::npos);
  ASSERT_EQ(server->Stop(), 0);
  const auto check = RunProcess({kServer, "--check-store", store_});
  EXPECT_EQ(check.exit_code, 0) << check.err;
  EXPECT_NE(check.out.find("ok, \"Shenyang (SHE) cargo network\" version 2"), std::string::npos)
      << check.out;
}

TEST_F(LivingTest, EveryEditCommandPrintsTheNewVersionAndAConflictSaysToRetry) {
  auto server = Serve();
  const auto suspend =
      Cli(*server, {"route", "suspend", "SHE-YVR-W8-RAMP", "--reason", "merged into SHE-YVR-W8"});
  ASSERT_EQ(suspend.exit_code, 0) << suspend.err;
  EXPECT_EQ(suspend.out, "SHE-YVR-W8-RAMP suspended: network version 2\n");
  const auto resume = Cli(*server, {"route", "resume", "SHE-YVR-W8-RAMP", "--reason", "back"});
  EXPECT_EQ(resume.out, "SHE-YVR-W8-RAMP operating again: network version 3\n") << resume.err;
  const auto airport = Cli(*server, {"airport", "set", "YVR", "--min-connection-minutes", "150"});
  EXPECT_EQ(airport.out, "YVR updated: network version 4\n") << airport.err;
  const auto shown = Cli(*server, {"--json", "airport", "YVR"});
  EXPECT_NE(shown.out.find("\"min_connection_minutes\": 150"), std::string::npos) << shown.out;
  const auto add = Cli(*server, {"route",
                                 "add",
                                 "YVR-SHE-W8-2",
                                 "--origin",
                                 "YVR",
                                 "--destination",
                                 "SHE",
                                 "--carrier",
                                 "W8",
                                 "--mode",
                                 "freighter",
                                 "--aircraft",
                                 "B767-300F",
                                 "--payload-kg",
                                 "40000",
                                 "--flights-per-week",
                                 "1",
                                 "--block-minutes",
                                 "720",
                                 "--status",
                                 "planned",
                                 "--source",
                                 "illustrative: a test route"});
  EXPECT_EQ(add.out, "YVR-SHE-W8-2 added: network version 5\n") << add.err;
  const auto remove = Cli(*server, {"route", "delete", "YVR-SHE-W8-2"});
  EXPECT_EQ(remove.out, "YVR-SHE-W8-2 deleted: network version 6\n") << remove.err;

  const auto stale = Cli(*server, {"route", "update", "SHE-YVR-W8", "--payload-kg", "40000",
                                   "--expected-version", "3"});
  EXPECT_EQ(stale.exit_code, 6);
  EXPECT_NE(stale.err.find("re-read and retry"), std::string::npos) << stale.err;
  const auto invalid =
      Cli(*server, {"route", "add", "X", "--origin", "SHE", "--destination", "XXX"});
  EXPECT_EQ(invalid.exit_code, 3);
  EXPECT_NE(invalid.err.find("edit.route.destination: unknown airport \"XXX\""), std::string::npos)
      << invalid.err;
}

TEST_F(LivingTest, EditsApplyIsAtomicAndWatchSeesTheChange) {
  auto server = Serve();
  const std::string bad = Write("bad.textproto", R"(
    edits { set_route_status { route_id: "SHE-YVR-W8" status: ROUTE_STATUS_SUSPENDED reason: "x" } }
    edits { delete_route { route_id: "NO-SUCH-ROUTE" } })");
  const auto refused = Cli(*server, {"edits", "apply", bad});
  EXPECT_EQ(refused.exit_code, 3);
  EXPECT_NE(refused.err.find("edits[1].delete_route.route_id"), std::string::npos) << refused.err;
  EXPECT_NE(Cli(*server, {"history"}).out.find("no edits; network version 1"), std::string::npos);

  // A watcher started from version 1 sees the batch as one change.
  ProcessResult watched;
  std::thread watcher([&] {
    watched =
        RunProcess({kCli, "--server", server->address(), "watch", "--from", "1", "--count", "1"});
  });
  const std::string good = Write("good.textproto", R"(
    edits { set_route_status { route_id: "SHE-YVR-W8" status: ROUTE_STATUS_SUSPENDED reason: "x" } }
    edits { set_route_status { route_id: "YVR-SHE-W8" status: ROUTE_STATUS_SUSPENDED reason: "x" } })");
  const auto applied = Cli(*server, {"edits", "apply", good});
  EXPECT_EQ(applied.out, "2 edits applied: network version 2\n") << applied.err;
  watcher.join();
  EXPECT_EQ(watched.exit_code, 0) << watched.err;
  EXPECT_NE(watched.out.find("version 2"), std::string::npos) << watched.out;
  EXPECT_NE(watched.out.find("set_route_status YVR-SHE-W8 suspended"), std::string::npos)
      << watched.out;
}

TEST_F(LivingTest, OneServerPerStoreAndPerAddress) {
  auto server = Serve();
  const auto second = RunProcess({kServer, "--listen", "127.0.0.1:0", "--store", store_});
  EXPECT_EQ(second.exit_code, 1);
  EXPECT_NE(second.err.find("is in use by another aircargod (pid " + std::to_string(server->pid()) +
                            ", 127.0.0.1:" + std::to_string(server->port()) + ")"),
            std::string::npos)
      << second.err;
  const auto same_address = RunProcess({kServer, "--listen", server->address(), "--in-memory"});
  EXPECT_EQ(same_address.exit_code, 1);
  EXPECT_NE(same_address.err.find("address already in use"), std::string::npos) << same_address.err;
}

TEST_F(LivingTest, AStoreOfAnotherBaseRefusesToStartUnlessReplaced) {
  {
    auto server = Serve();
    ASSERT_EQ(Cli(*server, {"route", "delete", "SHE-YVR-W8-RAMP"}).exit_code, 0);
  }
  const std::string file = Write("small.textproto", R"(name: "small"
    airports { iata: "SHE" name: "Shenyang" city: "Shenyang" country: "CN" latitude_deg: 41.6
               longitude_deg: 123.5 time_zone: "Asia/Shanghai" })");
  const auto refused =
      RunProcess({kServer, "--listen", "127.0.0.1:0", "--store", store_, "--network", file});
  EXPECT_EQ(refused.exit_code, 1);
  EXPECT_NE(refused.err.find("another base network"), std::string::npos) << refused.err;
  EXPECT_NE(refused.err.find("--replace-store"), std::string::npos);
  auto replaced = Serve({"--network", file, "--replace-store"});
  EXPECT_NE(replaced->startup_line().find("\"small\" version 1"), std::string::npos)
      << replaced->startup_line();
}

TEST_F(LivingTest, WritesNeedAWriteTokenFromAFileOrTheEnvironment) {
  const std::string tokens = Write("tokens", "# name token\nplanner planner-secret-0123456789\n");
  const std::string token_file = Write("token", "planner-secret-0123456789\n");
  auto server = Serve({"--write-tokens", tokens});
  const auto none = Cli(*server, {"route", "delete", "SHE-YVR-W8-RAMP"});
  EXPECT_EQ(none.exit_code, 7);
  EXPECT_NE(none.err.find("write token"), std::string::npos) << none.err;
  const auto wrong = Cli(*server, {"route", "delete", "SHE-YVR-W8-RAMP"},
                         {"AIRCARGO_TOKEN=not-the-secret-0123456789"});
  EXPECT_EQ(wrong.exit_code, 7);
  const auto from_file =
      Cli(*server, {"--token-file", token_file, "route", "delete", "SHE-YVR-W8-RAMP"});
  EXPECT_EQ(from_file.exit_code, 0) << from_file.err;
  const auto from_env = Cli(*server, {"route", "suspend", "SHE-YVR-W8", "--reason", "test"},
                            {"AIRCARGO_TOKEN=planner-secret-0123456789"});
  EXPECT_EQ(from_env.exit_code, 0) << from_env.err;
  const auto history = Cli(*server, {"history"});
  EXPECT_NE(history.out.find("planner  delete_route SHE-YVR-W8-RAMP"), std::string::npos)
      << history.out;
  EXPECT_EQ(history.out.find("secret"), std::string::npos);
}

TEST_F(LivingTest, TlsWithACertificateMadeForTheTest) {
  const std::string key = (dir_ / "key.pem").string();
  const std::string cert = (dir_ / "cert.pem").string();
  const auto openssl =
      RunProcess({"/usr/bin/openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout",
                  key, "-out", cert, "-days", "1", "-subj", "/CN=localhost", "-addext",
                  "subjectAltName=IP:127.0.0.1,DNS:localhost"});
  ASSERT_EQ(openssl.exit_code, 0) << openssl.err;
  auto server = Serve({"--tls-cert", cert, "--tls-key", key});
  EXPECT_NE(server->startup_line().find("with TLS"), std::string::npos) << server->startup_line();
  const auto secure = Cli(*server, {"--tls-ca", cert, "network"});
  EXPECT_EQ(secure.exit_code, 0) << secure.err;
  EXPECT_NE(secure.out.find("Shenyang"), std::string::npos);
  const auto edit =
      Cli(*server, {"--tls-ca", cert, "route", "suspend", "SHE-YVR-W8", "--reason", "tls"});
  EXPECT_EQ(edit.exit_code, 0) << edit.err;
  const auto plaintext = Cli(*server, {"--timeout", "2", "network"});
  EXPECT_EQ(plaintext.exit_code, 4) << "a plaintext client cannot talk to a TLS server";
}

}  // namespace
}  // namespace aircargo::testing
