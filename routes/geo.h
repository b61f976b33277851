// Great-circle geometry on a spherical Earth (radius 6,371 km), enough for planning distances and
// admissible A* bounds. Inputs in WGS 84 degrees.
#pragma once

namespace aircargo::routes {

inline constexpr double kEarthRadiusKm = 6371.0;

// Haversine distance in kilometres between two points given in degrees.
double GreatCircleKm(double lat1_deg, double lon1_deg, double lat2_deg, double lon2_deg);

}  // namespace aircargo::routes
