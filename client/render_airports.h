// Text for `aircargo airports` (a table) and `aircargo airport IATA` (one airport's details).
// Pure.
#pragma once

#include <string>

#include "aircargo/v1/network_service.pb.h"

namespace aircargo::client {

// A table (IATA, ICAO, name, city, country, time zone, MCT, export and import clearance minutes),
// then "N airports".
std::string RenderAirports(const v1::ListAirportsResponse& response);

// "key  value" lines: the airport's fields, then its outbound and inbound route counts and
// operating capacities in t/week.
std::string RenderAirport(const v1::GetAirportResponse& response);

}  // namespace aircargo::client
