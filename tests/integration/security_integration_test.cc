// Security and store permissions end to end, with the real binaries: mutual TLS with a certificate
// authority, server and client certificates made by openssl for the test (a client without a
// certificate, or with one the server's CA did not sign, cannot talk to the server); the plaintext
// warning on a non-loopback address; and a store file the server's user cannot write refuses
// start-up (as root the server runs as nobody through setpriv, since root writes through file
// permissions).
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <string>
#include <vector>

#include "tests/integration/living_fixture.h"

namespace aircargo::testing {
namespace {

class SecurityTest : public LivingTest {
 protected:
  // Runs openssl with `args`; fails the test when it fails.
  void OpenSsl(std::vector<std::string> args) {
    args.insert(args.begin(), "/usr/bin/openssl");
    const auto result = RunProcess(args);
    ASSERT_EQ(result.exit_code, 0) << result.err;
  }

  // A P-256 key and a certificate for `name` signed by `ca` (self-signed when `ca` is empty), with
  // the X.509 extensions in `extensions`. Returns the certificate's path; the key is NAME.key.
  std::string Certificate(const std::string& name, const std::string& subject,
                          const std::string& ca, const std::string& extensions) {
    const std::string key = Path(name + ".key");
    const std::string cert = Path(name + ".pem");
    const std::string ext = Write(name + ".ext", extensions + "\n");
    if (ca.empty()) {
      OpenSsl({"req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
               "-nodes", "-keyout", key, "-out", cert, "-days", "1", "-subj", subject});
      return cert;
    }
    const std::string csr = Path(name + ".csr");
    OpenSsl({"req", "-new", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
             "-keyout", key, "-out", csr, "-subj", subject});
    OpenSsl({"x509", "-req", "-in", csr, "-CA", Path(ca + ".pem"), "-CAkey", Path(ca + ".key"),
             "-CAcreateserial", "-out", cert, "-days", "1", "-extfile", ext});
    return cert;
  }

  std::string Path(const std::string& name) const { return (dir_ / name).string(); }
};

TEST_F(SecurityTest, MutualTlsAdmitsOnlyClientsWithACertificateSignedByTheServersCa) {
  Certificate("ca", "/CN=aircargo test CA", "", "");
  const std::string ca = Path("ca.pem");
  Certificate("server", "/CN=localhost", "ca", "subjectAltName=IP:127.0.0.1,DNS:localhost");
  Certificate("planner", "/CN=planner", "ca", "extendedKeyUsage=clientAuth");
  Certificate("stranger", "/CN=stranger", "", "");  // self-signed: not from the server's CA
  ASSERT_FALSE(HasFailure());

  auto server = Serve(
      {"--tls-cert", Path("server.pem"), "--tls-key", Path("server.key"), "--tls-client-ca", ca});
  ASSERT_TRUE(server->started());
  EXPECT_NE(server->startup_line().find("with TLS"), std::string::npos) << server->startup_line();

  const auto admitted = Cli(*server, {"--tls-ca", ca, "--tls-cert", Path("planner.pem"),
                                      "--tls-key", Path("planner.key"), "network"});
  EXPECT_EQ(admitted.exit_code, 0) << admitted.err;
  EXPECT_NE(admitted.out.find("Shenyang"), std::string::npos) << admitted.out;
  const auto edit = Cli(
      *server, {"--tls-ca", ca, "--tls-cert", Path("planner.pem"), "--tls-key", Path("planner.key"),
                "route", "suspend", "SHE-YVR-W8", "--reason", "mutual tls"});
  EXPECT_EQ(edit.exit_code, 0) << edit.err;

  const auto no_certificate = Cli(*server, {"--timeout", "3", "--tls-ca", ca, "network"});
  EXPECT_EQ(no_certificate.exit_code, 4) << no_certificate.out;
  const auto stranger =
      Cli(*server, {"--timeout", "3", "--tls-ca", ca, "--tls-cert", Path("stranger.pem"),
                    "--tls-key", Path("stranger.key"), "network"});
  EXPECT_EQ(stranger.exit_code, 4) << stranger.out;
  const auto plaintext = Cli(*server, {"--timeout", "3", "network"});
  EXPECT_EQ(plaintext.exit_code, 4);
}

TEST_F(SecurityTest, TheClientCertificateNeedsItsKeyAndReadableFiles) {
  auto server = Serve();
  const auto no_key = Cli(*server, {"--tls-cert", Path("missing.pem"), "network"});
  EXPECT_EQ(no_key.exit_code, 2);
  EXPECT_NE(no_key.err.find("--tls-key"), std::string::npos) << no_key.err;
  const auto unreadable = Cli(
      *server, {"--tls-cert", Path("missing.pem"), "--tls-key", Path("missing.key"), "network"});
  EXPECT_EQ(unreadable.exit_code, 2);
  EXPECT_NE(unreadable.err.find("aircargo: --tls-cert: cannot read"), std::string::npos)
      << unreadable.err;
}

TEST_F(SecurityTest, PlaintextOnANonLoopbackAddressIsWarnedAbout) {
  // 192.0.2.1 (TEST-NET-1, RFC 5737) is no address of this machine: the warning comes first, then
  // the bind fails, so nothing is ever served off loopback.
  const auto result =
      RunProcess({kServer, "--in-memory", "--listen", "192.0.2.1:50051"}, {}, /*timeout=*/20);
  EXPECT_NE(result.err.find("without TLS: tokens and data cross the network in clear text"),
            std::string::npos)
      << result.err;
  EXPECT_NE(result.exit_code, 0);
  // On loopback there is nothing to warn about.
  auto server = Serve();
  ASSERT_TRUE(server->started());
  server->Stop();
}

TEST_F(SecurityTest, AStoreFileTheServerCannotWriteRefusesStartUp) {
  {
    auto server = Serve();
    ASSERT_TRUE(server->started());
    EXPECT_EQ(server->Stop(), 0);
  }
  fs::permissions(store_, fs::perms::owner_read | fs::perms::group_read | fs::perms::others_read);
  // The lock file stays writable, so that what is refused is the store itself.
  fs::permissions(store_ + ".lock", fs::perms::owner_read | fs::perms::owner_write |
                                        fs::perms::group_read | fs::perms::group_write |
                                        fs::perms::others_read | fs::perms::others_write);
  fs::permissions(dir_, fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec |
                            fs::perms::others_read | fs::perms::others_exec);
  std::vector<std::string> argv = {kServer, "--store", store_, "--listen", "127.0.0.1:0"};
  if (geteuid() == 0) {
    // Root ignores file permissions: run the server as nobody, who may read but not write. A copy
    // of the binary in the test's directory, which nobody can reach wherever the build tree is.
    argv[0] = Path("aircargod");
    fs::copy_file(kServer, argv[0]);
    argv.insert(argv.begin(),
                {"/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "--"});
  }
  const auto refused = RunProcess(argv, {}, /*timeout=*/20);
  EXPECT_EQ(refused.exit_code, 1) << refused.out << refused.err;
  EXPECT_NE(refused.err.find(store_ + ": cannot be written"), std::string::npos) << refused.err;
  EXPECT_EQ(refused.out.find("serving"), std::string::npos) << refused.out;
  // Nothing was lost: with write permission back the store serves its network again.
  fs::permissions(store_, fs::perms::owner_read | fs::perms::owner_write);
  auto again = Serve();
  EXPECT_TRUE(again->started());
}

}  // namespace
}  // namespace aircargo::testing
