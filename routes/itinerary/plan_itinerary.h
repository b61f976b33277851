// PlanItinerary: the dated flights to book from a ready time. Expands the scenario's usable routes
// into dated flights (dated_flights.h) over [ready, ready + horizon] (extended to arrive_by when
// that is later), runs the connection scan (connection_scan.h) for the k earliest itineraries and,
// with arrive_by, the backward scan for the latest ready time that still delivers by then.
//
// When no itinerary exists the plan is OK with a reason: NO_DEPARTURE_IN_HORIZON, PAYLOAD_TOO_SMALL
// (one exists on smaller flights), CONNECTION_TOO_SHORT (one exists if export clearance and
// connection times were ignored) or NO_CONNECTION. Errors: INVALID_ARGUMENT naming the query
// field ("k", "horizon", "arrive_by", "shipment_kg", "destination", "max_legs"), or an unknown
// time zone; DEADLINE_EXCEEDED / CANCELLED from `stop`. Thread-safe for distinct StopChecks.
//
// The overload with a TimetableCache (timetable_cache.h) reads the dated flights from shared
// weekly timetables (built once, binary-searched per request) instead of expanding them for this
// request; the plan is the same. The cache is `view`'s, or one that serves it
// (TimetableCache::Serves: a what-if view that only closes, excludes or scales reads the shared
// view's weeks, filtered to its own routes). Windows spanning more than
// TimetableCache::kMaxWeeksPerRequest weeks are expanded per request. INTERNAL when the cache does
// not serve `view`.
#pragma once

#include "routes/itinerary/itinerary.h"
#include "routes/itinerary/itinerary_query.h"
#include "routes/result.h"
#include "routes/scenario_view.h"
#include "routes/stop_check.h"

namespace aircargo::routes {

class TimetableCache;

Result<ItineraryPlan> PlanItinerary(const ScenarioView& view, const ItineraryQuery& query,
                                    StopCheck& stop);
Result<ItineraryPlan> PlanItinerary(const ScenarioView& view, const ItineraryQuery& query,
                                    TimetableCache& timetables, StopCheck& stop);

}  // namespace aircargo::routes
