// RoutesWithinLegs: the routes of a view that can be a leg of some chain of at most max_legs legs
// from an origin to a destination, by hop counts alone (no times): a usable route a -> b with
// hops(origin -> a) + 1 + hops(b -> destination) <= max_legs, a != destination and b != origin
// (chains never leave the destination nor return to the origin). Hop counts are over the view's
// usable routes (extra routes included) through any airport. PlanItinerary's pruning: it keeps
// every route of every chain within max_legs, and only routes that lie on a walk of at most
// max_legs legs, so between two world airports a small part of the 67,000 routes.
//
// Work: the edges of the airports less than max_legs - 2 hops from either end, read twice, plus
// one look at the edges of the airports next to the origin and destination that are max_legs - 1
// hops from the other end; not the edges max_legs - 2 hops away, which around a hub are most of
// the network. Pure; thread-safe on distinct arguments.
#pragma once

#include "routes/ids.h"
#include "routes/route_set.h"
#include "routes/scenario_view.h"

namespace aircargo::routes {

// `origin` and `destination` must be airports of the view's network; max_legs >= 1 (an empty
// set otherwise).
RouteSet RoutesWithinLegs(const ScenarioView& view, AirportId origin, AirportId destination,
                          int max_legs);

}  // namespace aircargo::routes
