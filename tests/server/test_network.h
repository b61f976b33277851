// A small network for service tests, written inline:
//
//   SHE --W8 freighter--> YVR --TRUCK--> SEA
//    |  \--CA freighter (planned)--> MIA
//    +--KE belly--> ICN   and   +--OZ belly--> ICN   (two carriers on one pair)
//   ICN --KE belly--> SHE
#pragma once

#include <memory>
#include <string_view>

#include "formats/network_file.h"

namespace aircargo::testing {

inline constexpr std::string_view kTestNetworkText = R"(
  name: "test network"
  description: "service tests"
  airports { iata: "SHE" icao: "ZYTX" name: "Shenyang Taoxian" city: "Shenyang" country: "CN"
             latitude_deg: 41.6398 longitude_deg: 123.4834 time_zone: "Asia/Shanghai"
             min_connection_minutes: 180 export_clearance_minutes: 168 import_clearance_minutes: 168 }
  airports { iata: "YVR" icao: "CYVR" name: "Vancouver" city: "Vancouver" country: "CA"
             latitude_deg: 49.1939 longitude_deg: -123.1844 time_zone: "America/Vancouver" }
  airports { iata: "SEA" icao: "KSEA" name: "Seattle-Tacoma" city: "Seattle" country: "US"
             latitude_deg: 47.4502 longitude_deg: -122.3088 time_zone: "America/Los_Angeles" }
  airports { iata: "MIA" icao: "KMIA" name: "Miami" city: "Miami" country: "US"
             latitude_deg: 25.7959 longitude_deg: -80.2870 time_zone: "America/New_York" }
  airports { iata: "ICN" icao: "RKSI" name: "Incheon" city: "Seoul" country: "KR"
             latitude_deg: 37.4602 longitude_deg: 126.4407 time_zone: "Asia/Seoul" }
  routes { id: "SHE-YVR-W8" origin: "SHE" destination: "YVR" carrier: "W8" mode: MODE_FREIGHTER
           aircraft: "B767-300F" payload_kg: 43500 flights_per_week: 1 block_minutes: 660
           departures { weekday: SUNDAY local_time: "19:30" }
           cost_per_kg_micros: 3000000 status: ROUTE_STATUS_OPERATING
           effective_from: "2024-11-17" source: "test" tags: "e-commerce" }
  routes { id: "YVR-SEA-TRUCK" origin: "YVR" destination: "SEA" carrier: "TRUCK" mode: MODE_TRUCK
           aircraft: "truck" payload_kg: 20000 flights_per_week: 7 block_minutes: 240
           cost_per_kg_micros: 300000 status: ROUTE_STATUS_OPERATING source: "test" }
  routes { id: "SHE-MIA-CA" origin: "SHE" destination: "MIA" carrier: "CA" mode: MODE_FREIGHTER
           aircraft: "B777F" payload_kg: 95000 flights_per_week: 3 block_minutes: 900
           cost_per_kg_micros: 4000000 status: ROUTE_STATUS_PLANNED
           effective_from: "2025-04-26" source: "test" }
  routes { id: "SHE-ICN-KE" origin: "SHE" destination: "ICN" carrier: "KE" mode: MODE_BELLY
           aircraft: "A330-300" payload_kg: 10000 flights_per_week: 7 block_minutes: 110
           cost_per_kg_micros: 1000000 status: ROUTE_STATUS_OPERATING source: "test" }
  routes { id: "SHE-ICN-OZ" origin: "SHE" destination: "ICN" carrier: "OZ" mode: MODE_BELLY
           aircraft: "A321" payload_kg: 3000 flights_per_week: 2 block_minutes: 110
           cost_per_kg_micros: 1000000 status: ROUTE_STATUS_SUSPENDED source: "test" }
  routes { id: "ICN-SHE-KE" origin: "ICN" destination: "SHE" carrier: "KE" mode: MODE_BELLY
           aircraft: "A330-300" payload_kg: 10000 flights_per_week: 7 block_minutes: 120
           cost_per_kg_micros: 1000000 status: ROUTE_STATUS_OPERATING source: "test" }
)";

inline std::shared_ptr<const routes::Network> TestNetwork() {
  auto network = formats::LoadNetworkText(kTestNetworkText, "test_network");
  if (!network.ok()) std::abort();
  return *network;
}

}  // namespace aircargo::testing
