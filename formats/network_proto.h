// The one mapping between the aircargo.v1 Network message (files, RPCs) and the core's network
// types. Shared by the server and the CLI's offline commands; the core itself never sees protobuf.
#pragma once

#include <memory>
#include <optional>

#include "aircargo/v1/network.pb.h"
#include "routes/network.h"
#include "routes/network_builder.h"
#include "routes/result.h"

namespace aircargo::formats {

// Core input from a proto route (unvalidated; NetworkBuilder validates).
routes::RouteInput RouteInputFromProto(const v1::Route& route);
routes::Airport AirportFromProto(const v1::Airport& airport);
// The same, moving the text out of a message that is being consumed (its strings end up empty).
routes::RouteInput RouteInputFromProto(v1::Route&& route);
routes::Airport AirportFromProto(v1::Airport&& airport);

// Validates and builds a snapshot; violations name fields by their path in the message
// ("routes[5].payload_kg"). The message's `version` is carried over.
routes::Result<std::shared_ptr<const routes::Network>> BuildNetwork(const v1::Network& network);
// The same for a message that is no longer needed (a file just parsed): the text fields are moved
// into the snapshot instead of copied, and the message is left with empty strings.
routes::Result<std::shared_ptr<const routes::Network>> BuildNetwork(v1::Network&& network);

// Evidence basis across the seam (exhaustive switches). BasisInputFromProto returns the core's
// numeric value, or the wire value unchanged when it is unknown (the builder then rejects it).
v1::EvidenceBasis ToProto(routes::EvidenceBasis basis);
int BasisInputFromProto(v1::EvidenceBasis basis);
// The core's basis for a wire value; empty for a value this build does not know.
std::optional<routes::EvidenceBasis> BasisFromProto(int basis);
// The enums of the Network message, one exhaustive switch each way per enum (the core numbers its
// enums for itself). From the proto: empty for *_UNSPECIFIED and for values this build does not
// know (a newer peer's), which NetworkBuilder reports as "is required (...)".
std::optional<routes::Mode> ModeFromProto(int mode);
std::optional<routes::RouteStatus> RouteStatusFromProto(int status);
std::optional<routes::Weekday> WeekdayFromProto(int weekday);
v1::Mode ToProto(routes::Mode mode);
v1::RouteStatus ToProto(routes::RouteStatus status);
v1::Weekday ToProto(routes::Weekday weekday);

v1::Airport ToProto(const routes::Airport& airport);
// The airport's position.
v1::GeoPoint PositionOf(const routes::Airport& airport);
v1::Route ToProto(const routes::Network& network, const routes::Route& route);
// The whole network, airports and routes in snapshot order.
v1::Network ToProto(const routes::Network& network);

}  // namespace aircargo::formats
