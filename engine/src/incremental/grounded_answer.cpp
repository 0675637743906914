#include "grounded_answer.hpp"

namespace agon::detail::incremental {

void GroundedAnswer::update(const LiveGraph& g, const LiveGraph::Changes& changes, const Control& control) {
    if (stopped_) {
        // Start over: a fresh framework takes every claim and edge as changed.
        *this = GroundedAnswer(mode_);
        return update(g, g.everything(), control);
    }
    stopped_ = true;  // until this update completes
    if (mirror_.framework().slots() == 0) {
        // The mirror builds everything afresh (SupportMirror::built_afresh): nothing to undo.
        undo_.reset(g);
        repair(g, changes, control);
    } else if (undo_.take(g, changes)) {
        mirror_.undo();
        if (mode_ == SupportMode::evidential) evidential_.undo();
        else repair_.undo();
    } else {
        repair(g, changes, control);
        undo_.remember();
    }
    stopped_ = false;
}

void GroundedAnswer::repair(const LiveGraph& g, const LiveGraph::Changes& changes, const Control& control) {
    mirror_.sync(g, changes, control);
    if (mode_ == SupportMode::evidential) {
        labels_ = &evidential_.update(g, changes, mirror_);
        return;
    }
    mirror_.framework().take_touched(touched_);
    repair_.changed(touched_);
    labels_ = &repair_.labels(mirror_.framework());
}

std::size_t GroundedAnswer::last_repair_size() const {
    return mode_ == SupportMode::evidential ? evidential_.last_repair_size() : repair_.last_repair_size();
}

}  // namespace agon::detail::incremental
