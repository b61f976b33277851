#include "routes/time_zones.h"

#include <date/tz.h>

#include <stdexcept>
#include <string>

namespace aircargo::routes {

bool IsKnownTimeZone(std::string_view name) {
  if (name.empty()) return false;
  try {
    return date::locate_zone(std::string(name)) != nullptr;
  } catch (const std::runtime_error&) {  // date/tz reports unknown names by throwing
    return false;
  }
}

}  // namespace aircargo::routes
