// Internal: the grounded labelling of a changing claim graph under a support
// mode, repaired after each change: the attack-only reading is kept in a
// framework by SupportMirror and its labelling repaired by GroundedRepair
// (none, deductive, necessary), or by EvidentialRepair (evidential). When
// the changes undo the last update's (UndoCheck), the mirror and the labels
// go back to their state before it (not before the first update, which
// builds the mirror in bulk and keeps nothing to go back to).
#pragma once

#include <cstdint>
#include <vector>

#include "agon/bipolar.hpp"
#include "agon/control.hpp"
#include "agon/semantics.hpp"
#include "evidential_repair.hpp"
#include "grounded_repair.hpp"
#include "live_graph.hpp"
#include "support_mirror.hpp"
#include "undo_check.hpp"

namespace agon::detail::incremental {

class GroundedAnswer {
public:
    explicit GroundedAnswer(SupportMode mode)
        : mode_(mode),
          undo_(mode == SupportMode::evidential ? UndoCheck::Reads::life_and_tags : UndoCheck::Reads::life),
          mirror_(mode) {}

    /// Take `changes` of `g` and repair the labels, or restore those before
    /// the last update when the changes undo it. Honours `control`; after a
    /// stop (or an error) the next update labels the whole graph afresh.
    void update(const LiveGraph& g, const LiveGraph::Changes& changes, const Control& control);
    /// Claim slot v's label (undec for a claim that is not alive).
    Label label(std::uint32_t v) const {
        return mirror_.has_claim(v) ? (*labels_)[mirror_.framework().slot(v)] : Label::undec;
    }
    /// Arguments relabelled by the last update.
    std::size_t last_repair_size() const;
    /// The attack-only framework and its labels per slot (dead slots:
    /// undec), as of the last update.
    const SupportMirror& mirror() const noexcept { return mirror_; }
    const std::vector<Label>& slot_labels() const { return *labels_; }

private:
    void repair(const LiveGraph& g, const LiveGraph::Changes& changes, const Control& control);

    SupportMode mode_;
    bool stopped_ = false;  // the last update was stopped half-way
    UndoCheck undo_;
    SupportMirror mirror_;
    GroundedRepair repair_;
    EvidentialRepair evidential_;
    const std::vector<Label>* labels_ = nullptr;
    std::vector<std::uint32_t> touched_;  // the framework's touched slots (a buffer kept)
};

}  // namespace agon::detail::incremental
