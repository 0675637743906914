#include "undo_check.hpp"

#include <algorithm>

namespace agon::detail::incremental {

UndoCheck::State UndoCheck::claim_state(const LiveGraph& g, std::uint32_t v) const {
    const bool tag = reads_ == Reads::life_and_tags && g.tagged(v, "prima_facie");
    return {static_cast<std::uint8_t>(g.alive(v) | tag << 1), reads_ == Reads::life_and_numbers ? g.base(v) : 0.0};
}

UndoCheck::State UndoCheck::edge_state(const LiveGraph& g, std::uint32_t e) const {
    return {static_cast<std::uint8_t>(g.live(e) | g.deleted(e) << 1),
            reads_ == Reads::life_and_numbers ? g.weight(e) : 0.0};
}

std::uint32_t UndoCheck::next_mark() {
    if (++mark_ == 0) {  // wrapped: clear the old marks
        for (auto* marks : {&claim_mark_, &edge_mark_}) std::fill(marks->begin(), marks->end(), 0);
        mark_ = 1;
    }
    return mark_;
}

void UndoCheck::reset(const LiveGraph& g) {
    remembered_ = false;
    last_.clear();
    resize(claim_, g.claim_slots());
    resize(edge_, g.edge_slots());
    for (std::uint32_t v = 0; v < g.claim_slots(); ++v) put(claim_, v, claim_state(g, v));
    for (std::uint32_t e = 0; e < g.edge_slots(); ++e) put(edge_, e, edge_state(g, e));
}

bool UndoCheck::take(const LiveGraph& g, const LiveGraph::Changes& changes) {
    bool undo = remembered_;
    remembered_ = false;
    resize(claim_, g.claim_slots());
    resize(edge_, g.edge_slots());
    claim_mark_.resize(g.claim_slots(), 0);
    edge_mark_.resize(g.edge_slots(), 0);
    const std::uint32_t in_last = next_mark();
    for (const Before& b : last_) (b.edge ? edge_mark_ : claim_mark_)[b.slot] = in_last;
    const std::uint32_t seen = next_mark();
    now_.clear();
    // A slot the last update did not change must not change now; one it
    // changed is checked below against its state before it.
    auto take_slot = [&](std::uint32_t slot, bool edge, const State& state) {
        std::uint32_t& mark = (edge ? edge_mark_ : claim_mark_)[slot];
        if (mark == seen) return;
        const bool in_last_update = mark == in_last;
        mark = seen;
        Column& column = edge ? edge_ : claim_;
        const State known = get(column, slot);
        if (!in_last_update && known != state) undo = false;
        now_.push_back({slot, edge, known});
        put(column, slot, state);
    };
    for (std::uint32_t v : changes.claims) take_slot(v, false, claim_state(g, v));
    for (std::uint32_t e : changes.edges) take_slot(e, true, edge_state(g, e));
    for (const Before& b : last_)
        if (get(b.edge ? edge_ : claim_, b.slot) != b.state) undo = false;
    last_.swap(now_);
    return undo;
}

}  // namespace agon::detail::incremental
