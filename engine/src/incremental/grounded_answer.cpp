#include "grounded_answer.hpp"

namespace agon::detail::incremental {

void GroundedAnswer::update(const LiveGraph& g, const LiveGraph::Changes& changes) {
    mirror_.sync(g, changes);
    if (mode_ == SupportMode::evidential) {
        labels_ = &evidential_.update(g, changes, mirror_);
        return;
    }
    repair_.changed(mirror_.framework().take_touched());
    labels_ = &repair_.labels(mirror_.framework());
}

std::size_t GroundedAnswer::last_repair_size() const {
    return mode_ == SupportMode::evidential ? evidential_.last_repair_size() : repair_.last_repair_size();
}

}  // namespace agon::detail::incremental
