// Internal: the grounded labelling of a changing framework, repaired around
// the changes in the manner of delete-and-rederive (Gupta, Mumick &
// Subrahmanian 1993). In and out labels are well-founded: each out argument
// remembers the in attacker that put it out, and an in argument rests on all
// its attackers being out. The suspects start as the changed arguments and
// grow along attacks only where an in or out label may rest on a suspect (an
// out argument whose reason is a suspect, an in target of an out suspect).
// Every in or out argument has a rank above its reason (out) or all its
// attackers (in), so reasons stay well-founded; an out argument that loses
// its reason (changed, or its reason a suspect) keeps its label and is no
// suspect when another in attacker outside the suspects ranks below it,
// and a changed in argument whose attackers are all out, outside the
// suspects and below it keeps its label too. Should such an attacker become
// a suspect later, the growth reaches the argument through it. On dense
// frameworks (supports read as derived attacks) this stops most of the spread.
// The suspects are labelled again with the rest fixed, and the usual
// propagation then goes on into undecided arguments only where a new in or
// out label reaches them (an undecided label never supports another label).
// Cost: O(suspects, labels that change, and their attacks) per repair.
#pragma once

#include <cstdint>
#include <vector>

#include "agon/semantics.hpp"
#include "dynamic_framework.hpp"

namespace agon::detail::incremental {

class GroundedRepair {
public:
    /// Note changed slots (their life or attackers changed).
    void changed(const std::vector<std::uint32_t>& slots);
    /// Repair and return the labels per slot (dead slots: undec).
    const std::vector<Label>& labels(const DynamicFramework& af);
    /// Slots relabelled by the last repair (for tests and benchmarks).
    std::size_t last_repair_size() const { return last_; }
    /// Append to `into` the slots whose label the last repair changed.
    void relabelled(std::vector<std::uint32_t>& into) const {
        for (const Before& b : journal_)
            if (labels_[b.slot] != b.label) into.push_back(b.slot);
        for (std::size_t s = fresh_from_; s < labels_.size(); ++s)
            if (labels_[s] != Label::undec) into.push_back(static_cast<std::uint32_t>(s));
    }
    /// Give every slot the label (and reason, rank) it had before the last
    /// repair: the framework is back as it was (DynamicFramework::rollback)
    /// and nothing changed since.
    void undo();

private:
    // Journal slot s's label, reason and rank before the repair first writes
    // them. A slot the repair labels first needs no entry (undo() knows them).
    void keep(std::uint32_t s) {
        if (s >= fresh_from_ || kept_round_[s] == round_) return;
        kept_round_[s] = round_;
        journal_.push_back({s, labels_[s], reason_[s], rank_[s]});
    }
    struct Before {
        std::uint32_t slot;
        Label label;
        std::uint32_t reason, rank;
    };

    std::vector<Label> labels_;
    std::vector<std::uint32_t> reason_;  // per out slot: the in attacker that put it out
    std::vector<std::uint32_t> rank_;    // per in or out slot: above its attackers (in) or its reason (out)
    std::vector<std::uint32_t> pending_, region_, live_, queue_, touched_;
    std::vector<char> in_region_, counted_;
    std::vector<Before> journal_;          // the last repair's first writes
    std::vector<std::uint32_t> kept_round_;  // journal_ holds s when kept_round_[s] == round_
    std::uint32_t round_ = 0;
    // Slots from here on were first labelled by the last repair (undecided,
    // reason and rank 0 before it): a first labelling of n slots journals
    // nothing, where 16 bytes a slot cost it page faults (dynamic benchmark).
    std::size_t fresh_from_ = 0;
    std::size_t last_ = 0;
};

}  // namespace agon::detail::incremental
