// Internal: whether a LiveGraph's changes exactly undo the last update's, for
// the grounded answer (grounded_answer.hpp), which then restores the state
// before that update instead of repairing: a claim switched off and on again.
// The attack-only reading, so the grounded labelling, depends only on which
// claims are alive and which edges are live (an edge slot keeps its kind and
// ends for good), and under evidential support on which claims are tagged
// prima_facie; weights and base scores do not count.
#pragma once

#include <cstdint>
#include <vector>

#include "live_graph.hpp"

namespace agon::detail::incremental {

class UndoCheck {
public:
    /// With `tags`, a claim's prima_facie tag is part of its state.
    explicit UndoCheck(bool tags) : tags_(tags) {}

    /// Take `changes` of `g`. True when the last update was remembered and
    /// every claim and edge that it or these changes touched is as it was
    /// before the last update (slots added by the last update count as dead
    /// before it). Either way the update taking these changes is the last one now.
    bool take(const LiveGraph& g, const LiveGraph::Changes& changes);
    /// The update taking the changes of the last take() completed: the next
    /// changes may undo it. (An update stopped or undone is not remembered.)
    void remember() { remembered_ = true; }

private:
    // Claim v's state: alive, and tagged prima facie (2) when tags count.
    std::uint8_t claim_state(const LiveGraph& g, std::uint32_t v) const {
        return static_cast<std::uint8_t>(g.alive(v) | (tags_ && g.tagged(v, "prima_facie")) << 1);
    }
    struct Before {
        std::uint32_t slot;
        bool edge;
        std::uint8_t state;
    };
    // A fresh mark for the slots of one pass.
    std::uint32_t next_mark();

    std::vector<std::uint8_t> claim_, edge_;  // per slot: alive; live, and deleted (2)
    std::vector<std::uint32_t> claim_mark_, edge_mark_;
    std::uint32_t mark_ = 0;
    std::vector<Before> last_, now_;  // the slots the last (this) update changed, as they were before
    bool remembered_ = false, tags_;
};

}  // namespace agon::detail::incremental
