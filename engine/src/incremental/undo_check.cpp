#include "undo_check.hpp"

#include <algorithm>

namespace agon::detail::incremental {

std::uint32_t UndoCheck::next_mark() {
    if (++mark_ == 0) {  // wrapped: clear the old marks
        for (auto* marks : {&claim_mark_, &edge_mark_}) std::fill(marks->begin(), marks->end(), 0);
        mark_ = 1;
    }
    return mark_;
}

bool UndoCheck::take(const LiveGraph& g, const LiveGraph::Changes& changes) {
    bool undo = remembered_;
    remembered_ = false;
    claim_.resize(g.claim_slots(), 0);
    edge_.resize(g.edge_slots(), 0);
    claim_mark_.resize(g.claim_slots(), 0);
    edge_mark_.resize(g.edge_slots(), 0);
    const std::uint32_t in_last = next_mark();
    for (const Before& b : last_) (b.edge ? edge_mark_ : claim_mark_)[b.slot] = in_last;
    const std::uint32_t seen = next_mark();
    now_.clear();
    // A slot the last update did not change must not change now; one it
    // changed is checked below against its state before it.
    auto take_slot = [&](std::uint32_t slot, bool edge, std::uint8_t state) {
        std::uint32_t& mark = (edge ? edge_mark_ : claim_mark_)[slot];
        if (mark == seen) return;
        const bool in_last_update = mark == in_last;
        mark = seen;
        std::uint8_t& known = (edge ? edge_ : claim_)[slot];
        if (!in_last_update && known != state) undo = false;
        now_.push_back({slot, edge, known});
        known = state;
    };
    for (std::uint32_t v : changes.claims) take_slot(v, false, claim_state(g, v));
    for (std::uint32_t e : changes.edges) take_slot(e, true, static_cast<std::uint8_t>(g.live(e) | g.deleted(e) << 1));
    for (const Before& b : last_)
        if ((b.edge ? edge_ : claim_)[b.slot] != b.state) undo = false;
    last_.swap(now_);
    return undo;
}

}  // namespace agon::detail::incremental
