// Time zone lookups against the IANA database installed on the system (/usr/share/zoneinfo, via
// howardhinnant date/tz). Thread-safe after the first call, which loads the database.
#pragma once

#include <string_view>

namespace aircargo::routes {

// True when `name` is a zone or link of the IANA time zone database ("Asia/Shanghai").
bool IsKnownTimeZone(std::string_view name);

}  // namespace aircargo::routes
