#include "routes/route.h"

namespace aircargo::routes {

const char* ModeName(Mode mode) {
  switch (mode) {
    case Mode::kFreighter:
      return "freighter";
    case Mode::kBelly:
      return "belly";
    case Mode::kTruck:
      return "truck";
  }
  return "?";
}

const char* StatusName(RouteStatus status) {
  switch (status) {
    case RouteStatus::kOperating:
      return "operating";
    case RouteStatus::kPlanned:
      return "planned";
    case RouteStatus::kSuspended:
      return "suspended";
  }
  return "?";
}

}  // namespace aircargo::routes
