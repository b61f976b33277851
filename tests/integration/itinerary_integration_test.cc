// `aircargo itinerary` against the real aircargod on the embedded Shenyang network: the dated
// flights with local and UTC times, the date line, the latest hand-over, JSON and errors.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "tests/integration/process.h"
#include "tests/integration/served_network_test.h"

namespace aircargo::testing {
namespace {

class ItineraryIntegrationTest : public ServedNetworkTest {};

void ExpectContains(const std::string& text, const std::string& part) {
  EXPECT_NE(text.find(part), std::string::npos) << "missing \"" << part << "\" in:\n" << text;
}

TEST_F(ItineraryIntegrationTest, SheToOrdListsTheMondayFreighterInLocalAndUtcTime) {
  const ProcessResult r = Cli({"itinerary", "SHE", "ORD", "--ready", "2025-06-02 09:00"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  ExpectContains(r.out, "ready 2025-06-02 09:00 +08:00  (2025-06-02T01:00:00Z)");
  ExpectContains(r.out, "SHE-ORD-CA");
  ExpectContains(r.out, "dep SHE  2025-06-02 23:00 +08:00  (2025-06-02T15:00:00Z)");
  ExpectContains(r.out, "arr ORD  2025-06-03 01:03 -05:00  (2025-06-03T06:03:00Z)");
  ExpectContains(r.out, ">> wait 11h 12m at SHE");
  EXPECT_TRUE(r.err.empty()) << r.err;
}

TEST_F(ItineraryIntegrationTest, SheToVancouverArrivesBeforeItLeftByTheClock) {
  const ProcessResult r =
      Cli({"itinerary", "SHE", "YVR", "--ready", "2025-06-02 09:00", "--tonnes", "20"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  ExpectContains(r.out, "dep SHE  2025-06-08 19:30 +08:00  (2025-06-08T11:30:00Z)");
  ExpectContains(r.out, "arr YVR  2025-06-08 16:31 -07:00  (2025-06-08T23:31:00Z)");
  ExpectContains(r.out, ">> wait 6d 7h 42m at SHE");
}

TEST_F(ItineraryIntegrationTest, ArriveByPrintsTheLatestHandOver) {
  const ProcessResult r = Cli({"itinerary", "SHE", "ORD", "--ready", "2025-06-02 09:00", "--tonnes",
                               "20", "--arrive-by", "2025-06-06 18:00"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  // The Wednesday 23:00 freighter, less the 168-minute export clearance.
  ExpectContains(r.out,
                 "Latest hand-over at SHE for delivery by 2025-06-06 18:00 -05:00: "
                 "2025-06-04 20:12 +08:00");
}

TEST_F(ItineraryIntegrationTest, JsonCarriesRfc3339Instants) {
  const ProcessResult r = Cli({"itinerary", "SHE", "ORD", "--ready", "2025-06-02 09:00", "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  ExpectContains(r.out, "\"utc\": \"2025-06-02T15:00:00Z\"");
  ExpectContains(r.out, "\"local\": \"2025-06-02 23:00 +08:00\"");
}

TEST_F(ItineraryIntegrationTest, UnknownAirportExitsThree) {
  const ProcessResult r = Cli({"itinerary", "SHE", "XXX", "--ready", "2025-06-02 09:00"});
  EXPECT_EQ(r.exit_code, 3);
  ExpectContains(r.err, "XXX");
}

}  // namespace
}  // namespace aircargo::testing
