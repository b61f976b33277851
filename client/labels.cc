#include "client/labels.h"

#include "client/text.h"

namespace aircargo::client {

std::string_view RouteStatusLabel(v1::RouteStatus status) {
  switch (status) {
    case v1::ROUTE_STATUS_OPERATING:
      return "operating";
    case v1::ROUTE_STATUS_PLANNED:
      return "planned";
    case v1::ROUTE_STATUS_SUSPENDED:
      return "suspended";
    case v1::ROUTE_STATUS_UNSPECIFIED:
      return "-";
    default:
      return "unknown";
  }
}

std::optional<v1::RouteStatus> ParseRouteStatus(std::string_view text) {
  const std::string lower = ToLowerAscii(text);
  for (v1::RouteStatus status :
       {v1::ROUTE_STATUS_OPERATING, v1::ROUTE_STATUS_PLANNED, v1::ROUTE_STATUS_SUSPENDED}) {
    if (lower == RouteStatusLabel(status)) return status;
  }
  return std::nullopt;
}

std::string_view ModeLabel(v1::Mode mode) {
  switch (mode) {
    case v1::MODE_FREIGHTER:
      return "freighter";
    case v1::MODE_BELLY:
      return "belly";
    case v1::MODE_TRUCK:
      return "truck";
    case v1::MODE_UNSPECIFIED:
      return "-";
    default:
      return "unknown";
  }
}

}  // namespace aircargo::client
