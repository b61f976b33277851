#include "routes/paths/path_workspace.h"

#include "routes/paths/path_scratch.h"

namespace aircargo::routes {

PathWorkspace::PathWorkspace() : scratch_(std::make_unique<Scratch>()) {}
PathWorkspace::~PathWorkspace() = default;
PathWorkspace::PathWorkspace(PathWorkspace&&) noexcept = default;
PathWorkspace& PathWorkspace::operator=(PathWorkspace&&) noexcept = default;

std::size_t PathWorkspace::settled_states() const { return scratch_->settled_count; }
void PathWorkspace::set_use_bounds(bool use_bounds) { scratch_->use_bounds = use_bounds; }

}  // namespace aircargo::routes
