// Edits to a network (the aircargo.v1 NetworkEdit messages of a write) applied to a snapshot: a
// pure function from (network, edits) to a new network or every problem with the edits.
//
// The edits apply in order to a copy of the network's message; the whole result is then validated
// and built by the same rules as a loaded network (formats/network_proto BuildNetwork). Problems
// come back as one INVALID_ARGUMENT Error whose violations name each field by its path in the
// request: "<edit path>.route.payload_kg" where the edit path is what `EditPaths` gives (for a
// batch "edits[2].create_route", for a single edit "edit"). A problem with a route or airport that
// no edit touched (a route still using an airport an edit deleted) is reported under the edit that
// caused it when that is known, else as "network.routes[N]". Nothing is applied unless all of it
// is valid. Thread-safe (no shared state); the cost is one copy and one rebuild of the network.
#pragma once

#include <google/protobuf/repeated_ptr_field.h>

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "aircargo/v1/edits.pb.h"
#include "routes/network.h"
#include "routes/result.h"

namespace aircargo::formats {

// The field path of each edit of a write: {"edit"} for a single-edit request, and
// "edits[i].<kind>" ("edits[0].update_route") for each edit of a batch.
std::vector<std::string> EditPaths(const google::protobuf::RepeatedPtrField<v1::NetworkEdit>& edits,
                                   bool batch);

// The network that results from applying `edits` in order to `base`, with version `new_version`.
// `paths` names each edit (EditPaths); it has one entry per edit.
routes::Result<std::shared_ptr<const routes::Network>> ApplyNetworkEdits(
    const routes::Network& base, const google::protobuf::RepeatedPtrField<v1::NetworkEdit>& edits,
    const std::vector<std::string>& paths, std::int64_t new_version);

// The same on a network message (the store replays its log onto a checkpoint this way).
routes::Result<std::shared_ptr<const routes::Network>> ApplyNetworkEdits(
    v1::Network base, const google::protobuf::RepeatedPtrField<v1::NetworkEdit>& edits,
    const std::vector<std::string>& paths, std::int64_t new_version);

}  // namespace aircargo::formats
