#include "client/units.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <limits>

#include "client/text.h"

namespace aircargo::client {
namespace {

TEST(FormatCount, GroupsThousandsWhenValueIsLarge) {
  EXPECT_EQ(FormatCount(0), "0");
  EXPECT_EQ(FormatCount(999), "999");
  EXPECT_EQ(FormatCount(1000), "1,000");
  EXPECT_EQ(FormatCount(1234567), "1,234,567");
  EXPECT_EQ(FormatCount(-1500), "-1,500");
  EXPECT_EQ(FormatCount(std::numeric_limits<std::int64_t>::min()), "-9,223,372,036,854,775,808");
}

TEST(FormatTonnes, ShowsOneDecimalWhenGivenKilograms) {
  EXPECT_EQ(FormatTonnes(43500), "43.5");
  EXPECT_EQ(FormatTonnes(120000), "120.0");
  EXPECT_EQ(FormatTonnes(0), "0.0");
  EXPECT_EQ(FormatTonnes(1234567), "1,234.6");
}

TEST(FormatTonnes, RoundsHalfAwayFromZeroWhenBetweenTenths) {
  EXPECT_EQ(FormatTonnes(149), "0.1");
  EXPECT_EQ(FormatTonnes(150), "0.2");
  EXPECT_EQ(FormatTonnes(49), "0.0");
  EXPECT_EQ(FormatTonnes(-43500), "-43.5");
  EXPECT_EQ(FormatTonnes(-49), "0.0");
}

TEST(FormatSeconds, DropsTrailingZerosWhenWholeOrFractional) {
  EXPECT_EQ(FormatSeconds(10), "10s");
  EXPECT_EQ(FormatSeconds(2.5), "2.5s");
}

TEST(Ellipsize, KeepsTextWhenItFits) { EXPECT_EQ(Ellipsize("abc", 3), "abc"); }

TEST(Ellipsize, CutsToWidthWithEllipsisWhenTooLong) {
  EXPECT_EQ(Ellipsize("abcdef", 4), "abc…");
  EXPECT_EQ(DisplayWidth(Ellipsize("abcdef", 4)), 4u);
  EXPECT_EQ(Ellipsize("ab defg", 4), "ab…");  // no space before the ellipsis
}

TEST(Ellipsize, NeverSplitsACodePointWhenTextIsUtf8) { EXPECT_EQ(Ellipsize("ééééé", 3), "éé…"); }

TEST(OneLine, CollapsesWhitespaceRunsWhenTextSpansLines) {
  EXPECT_EQ(OneLine("  first line\n\tsecond   line \n"), "first line second line");
}

TEST(ToUpperAscii, UppercasesLettersOnlyWhenMixedCase) {
  EXPECT_EQ(ToUpperAscii("she-Icn 1"), "SHE-ICN 1");
}

}  // namespace
}  // namespace aircargo::client
