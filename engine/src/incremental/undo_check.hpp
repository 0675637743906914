// Internal: whether a LiveGraph's changes exactly undo the last update's, so
// an answer can restore its state from before that update instead of
// recomputing: a claim switched off and on again, a weight set and set back.
// What counts as a slot's state is what the answer reads (Reads): the
// grounded labelling (grounded_answer.hpp) depends only on which claims are
// alive and which edges are live (an edge slot keeps its kind and ends for
// good), and under evidential support on which claims are tagged
// prima_facie; gradual strengths (gradual_worklist.hpp) also on base scores
// and weights.
#pragma once

#include <cstdint>
#include <vector>

#include "live_graph.hpp"

namespace agon::detail::incremental {

class UndoCheck {
public:
    /// What a slot's state is, besides claims alive and edges live: the
    /// prima_facie tag (evidential grounded), base scores and weights (gradual).
    enum class Reads { life, life_and_tags, life_and_numbers };
    explicit UndoCheck(Reads reads) : reads_(reads) {}

    /// Take `changes` of `g`. True when the last update was remembered and
    /// every claim and edge that it or these changes touched is as it was
    /// before the last update (slots added by the last update count as dead
    /// before it). Either way the update taking these changes is the last one now.
    bool take(const LiveGraph& g, const LiveGraph::Changes& changes);
    /// Instead of take() when an update takes the whole graph afresh (it can
    /// be undone by nothing): every slot's state as `g` has it now, no update
    /// remembered. O(claims + edges) with no record per slot.
    void reset(const LiveGraph& g);
    /// The update taking the changes of the last take() completed: the next
    /// changes may undo it. (An update stopped or undone is not remembered.)
    void remember() { remembered_ = true; }
    /// The next changes undo nothing, whatever they are (the answer left the
    /// state the last update reached).
    void forget() { remembered_ = false; }

private:
    // A slot's state: alive or live, tagged prima facie or deleted (2), and
    // its base score or weight when numbers count (else 0).
    struct State {
        std::uint8_t flags = 0;
        double number = 0;
        bool operator==(const State&) const = default;
    };
    State claim_state(const LiveGraph& g, std::uint32_t v) const;
    State edge_state(const LiveGraph& g, std::uint32_t e) const;
    // Every slot's state as the last take() saw it, a byte a slot (a number
    // too only when numbers count): reset() writes them all.
    struct Column {
        std::vector<std::uint8_t> flags;
        std::vector<double> numbers;
    };
    State get(const Column& c, std::uint32_t slot) const {
        return {c.flags[slot], reads_ == Reads::life_and_numbers ? c.numbers[slot] : 0.0};
    }
    void put(Column& c, std::uint32_t slot, const State& state) const {
        c.flags[slot] = state.flags;
        if (reads_ == Reads::life_and_numbers) c.numbers[slot] = state.number;
    }
    void resize(Column& c, std::uint32_t slots) const {
        c.flags.resize(slots);
        if (reads_ == Reads::life_and_numbers) c.numbers.resize(slots);
    }
    struct Before {
        std::uint32_t slot;
        bool edge;
        State state;
    };
    // A fresh mark for the slots of one pass.
    std::uint32_t next_mark();

    Column claim_, edge_;
    std::vector<std::uint32_t> claim_mark_, edge_mark_;  // sized by take()
    std::uint32_t mark_ = 0;
    std::vector<Before> last_, now_;  // the slots the last (this) update changed, as they were before
    bool remembered_ = false;
    Reads reads_;
};

}  // namespace agon::detail::incremental
