// GreatCircleKm: haversine distances on a 6,371 km sphere.
#include "routes/geo.h"

#include <gtest/gtest.h>

#include <numbers>

namespace aircargo::routes {
namespace {

// Airport reference points (WGS 84 degrees).
constexpr double kSheLat = 41.6398, kSheLon = 123.4834;   // Shenyang Taoxian
constexpr double kYvrLat = 49.1939, kYvrLon = -123.1844;  // Vancouver
constexpr double kIcnLat = 37.4602, kIcnLon = 126.4407;   // Incheon

TEST(GreatCircleKm, MatchesReferenceTableWhenSheToYvr) {
  // The reference's distance table gives SHE-YVR as 8,003 km.
  EXPECT_NEAR(GreatCircleKm(kSheLat, kSheLon, kYvrLat, kYvrLon), 8003, 8003 * 0.01);
  // Tighter: the haversine value for these coordinates is 8,002.8 km.
  EXPECT_NEAR(GreatCircleKm(kSheLat, kSheLon, kYvrLat, kYvrLon), 8002.8, 0.5);
}

TEST(GreatCircleKm, MatchesReferenceTableWhenSheToIcn) {
  EXPECT_NEAR(GreatCircleKm(kSheLat, kSheLon, kIcnLat, kIcnLon), 529, 529 * 0.01);
}

TEST(GreatCircleKm, IsSymmetricWhenEndpointsAreSwapped) {
  EXPECT_NEAR(GreatCircleKm(kSheLat, kSheLon, kYvrLat, kYvrLon),
              GreatCircleKm(kYvrLat, kYvrLon, kSheLat, kSheLon), 1e-9);
  EXPECT_NEAR(GreatCircleKm(kIcnLat, kIcnLon, kYvrLat, kYvrLon),
              GreatCircleKm(kYvrLat, kYvrLon, kIcnLat, kIcnLon), 1e-9);
}

TEST(GreatCircleKm, IsZeroWhenBothPointsAreTheSame) {
  EXPECT_EQ(GreatCircleKm(kSheLat, kSheLon, kSheLat, kSheLon), 0.0);
  EXPECT_EQ(GreatCircleKm(0, 0, 0, 0), 0.0);
}

TEST(GreatCircleKm, IsHalfTheCircumferenceWhenPointsAreAntipodal) {
  const double half = std::numbers::pi * kEarthRadiusKm;  // about 20,015 km
  EXPECT_NEAR(GreatCircleKm(0, 0, 0, 180), half, 1e-6);
  EXPECT_NEAR(GreatCircleKm(90, 0, -90, 0), half, 1e-6);
  EXPECT_NEAR(GreatCircleKm(kSheLat, kSheLon, -kSheLat, kSheLon - 180), half, 1e-6);
}

TEST(GreatCircleKm, IsAQuarterCircleWhenPoleToEquator) {
  EXPECT_NEAR(GreatCircleKm(90, 0, 0, 45), std::numbers::pi / 2 * kEarthRadiusKm, 1e-6);
}

TEST(GreatCircleKm, TakesTheShortWayWhenCrossingTheAntimeridian) {
  // Two degrees of the equator apart, not 358.
  const double two_degrees = 2 * std::numbers::pi / 180 * kEarthRadiusKm;  // about 222.4 km
  EXPECT_NEAR(GreatCircleKm(0, 179, 0, -179), two_degrees, 1e-6);
}

}  // namespace
}  // namespace aircargo::routes
