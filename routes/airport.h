// Airport: one node of the route network, with the ground times cargo spends there.
#pragma once

#include <cstdint>
#include <string>

namespace aircargo::routes {

struct Airport {
  std::string iata;                         // three uppercase letters, unique in a network ("SHE")
  std::string icao;                         // four uppercase letters or digits, or empty ("ZYTX")
  std::string name;                         // "Shenyang Taoxian International Airport"
  std::string city;                         // "Shenyang"
  std::string country;                      // ISO 3166-1 alpha-2 ("CN")
  double latitude_deg = 0;                  // WGS 84, [-90, 90]
  double longitude_deg = 0;                 // WGS 84, [-180, 180]
  std::string time_zone;                    // IANA name ("Asia/Shanghai")
  std::int32_t min_connection_minutes = 0;  // transfer time between two legs here
  std::int32_t export_clearance_minutes = 0;  // before cargo may depart from here
  std::int32_t import_clearance_minutes = 0;  // after cargo arrives here
  std::int64_t throughput_kg_per_week = 0;    // terminal handling limit; 0 = unlimited
};

}  // namespace aircargo::routes
