// Country codes in requests and a country's airports: the one home (routes/country_code.h).
#include "routes/country_code.h"

#include <gtest/gtest.h>

#include "tests/routes/test_parts.h"

namespace aircargo::routes {
namespace {

// SHE and PEK in CN, YVR in CA, ICN in KR.
std::shared_ptr<const Network> SmallNetwork() {
  auto network =
      test::Build({test::Shenyang(), test::Vancouver(), test::Incheon(),
                   test::MakeAirport("PEK", "ZBAA", "CN", 40.08, 116.58, "Asia/Shanghai")},
                  {test::MakeRoute("SHE-YVR", "SHE", "YVR")});
  EXPECT_TRUE(network.ok());
  return *network;
}

TEST(NormalizeCountryCode, UppercasesTwoAsciiLetters) {
  const auto code = NormalizeCountryCode("country", "uS");
  ASSERT_TRUE(code.ok());
  EXPECT_EQ(*code, "US");
}

TEST(NormalizeCountryCode, RejectsAnythingButTwoAsciiLettersNamingTheField) {
  for (const char* bad : {"", "U", "USA", "U1", "1S", "U ", "\xc3\xa9u", "\xe9u"}) {
    const auto code = NormalizeCountryCode("destination_country", bad);
    ASSERT_FALSE(code.ok()) << bad;
    EXPECT_EQ(code.error().code, ErrorCode::kInvalidArgument) << bad;
    EXPECT_EQ(code.error().field, "destination_country") << bad;
  }
}

TEST(AirportsInCountry, ListsTheCountrysAirportsButTheOneLeftOut) {
  const auto network = SmallNetwork();
  const auto she = *network->FindAirport("SHE");
  auto all = AirportsInCountry(*network, "destination_country", "cn", AirportId(999'999));
  ASSERT_TRUE(all.ok()) << all.error().ToString();
  const std::size_t expected = 2;  // SHE, PEK
  EXPECT_EQ(all->size(), expected);
  auto others = AirportsInCountry(*network, "destination_country", "CN", she);
  ASSERT_TRUE(others.ok());
  EXPECT_EQ(others->size(), expected - 1);
  for (AirportId id : *others) {
    EXPECT_NE(id, she);
    EXPECT_EQ(network->airport(id).country, "CN");
  }
}

TEST(AirportsInCountry, IsNotFoundWhenNoOtherAirportIsThere) {
  const auto network = SmallNetwork();
  const auto none = AirportsInCountry(*network, "destination_country", "FR", AirportId(0));
  ASSERT_FALSE(none.ok());
  EXPECT_EQ(none.error().code, ErrorCode::kNotFound);
  EXPECT_EQ(none.error().field, "destination_country");
}

}  // namespace
}  // namespace aircargo::routes
