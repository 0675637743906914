// Internal: the evidential grounded labelling (agon::evidential_grounded,
// docs/semantics.md §3) of a changing claim graph, repaired around the
// changes by delete and rederive, as GroundedRepair does for attacks alone.
//
// What a label rests on: an in claim on its attackers being out and on one
// supporter being in (remembered), unless it is prima facie; an out claim
// on the in attacker that put it out (remembered), or, when it was put out
// for want of support (every supporter out, or no evidential chain left:
// at the fixpoint such a claim has every supporter out too), on all its
// supporters being out. The suspects start as the changed claims (life,
// attackers, supporters, tags) and grow along attacks and supports where a
// label rests on a suspect. They are labelled again with every other label
// fixed; the usual propagation goes on into undecided claims where a new
// label reaches them. The chain rule is then checked only on the claims a
// suspect or a claim newly put out reaches along supports through claims
// not out: any other claim not out keeps the chain it had. When whether any
// claim is tagged prima_facie changes, every claim is a suspect.
// The attacks (undercuts flattened, auxiliary arguments prima facie) are the
// SupportMirror's framework; the supports are read from the LiveGraph.
// Cost: O(suspects, labels that change, and their attacks and supports),
// plus the chain rule's part per round.
#pragma once

#include <cstdint>
#include <vector>

#include "agon/semantics.hpp"
#include "live_graph.hpp"
#include "support_mirror.hpp"

namespace agon::detail::incremental {

class EvidentialRepair {
public:
    /// Repair after `changes` of `g`, already synced into `mirror` (whose
    /// touched slots it takes). Labels per framework slot (dead slots: undec).
    const std::vector<Label>& update(const LiveGraph& g, const LiveGraph::Changes& changes, SupportMirror& mirror);
    /// Slots labelled again by the last update.
    std::size_t last_repair_size() const { return last_; }
    /// Give every slot the label (and why) it had before the last update,
    /// and every claim its prima facie tag: the graph and the mirror are
    /// back as they were (SupportMirror::undo) and nothing changed since.
    void undo();

private:
    // Supporters (`into`) or supported claims of slot s, as slots, to f.
    template <class F>
    void supports(std::uint32_t s, bool into, F&& f) const;
    bool prima_facie(std::uint32_t s) const;
    void suspect(std::uint32_t s);
    // The counters of s from the labels now, once per repair.
    void count(std::uint32_t s);
    void decide(std::uint32_t s);
    void set(std::uint32_t s, Label l, std::uint32_t why);
    // Journal slot s's label and why before the update first writes them.
    void keep(std::uint32_t s);
    struct Before {
        std::uint32_t slot;
        Label label;
        std::uint32_t why;
    };
    void propagate();
    // The chain rule where it may have changed; true when it put a claim out.
    bool cut_unfounded();

    const LiveGraph* g_ = nullptr;
    const DynamicFramework* af_ = nullptr;
    std::vector<Label> labels_;
    // Why a label holds: for in, the supporter in (or kPrima); for out, the
    // attacker in (or kWithoutSupport).
    std::vector<std::uint32_t> why_;
    std::vector<char> in_region_, counted_, pending_, prima_, tagged_;  // pending: labelled, not yet propagated
    std::vector<std::uint32_t> region_, touched_, queue_, labelled_, part_, stack_, part_round_, reached_round_;
    std::vector<std::uint32_t> changed_;  // the framework's touched slots (a buffer kept)
    std::vector<std::uint32_t> att_live_, att_in_, sup_live_, sup_in_;  // per counted slot
    std::uint32_t tagged_count_ = 0, round_ = 0;
    bool tagged_mode_ = false;
    // The last update's first writes, the claims whose tag it flipped, the mode before it.
    std::vector<Before> journal_;
    std::vector<std::uint32_t> kept_round_, flipped_tags_;  // journal_ holds s when kept_round_[s] == journal_round_
    std::uint32_t journal_round_ = 0;
    bool tagged_mode_before_ = false;
    std::size_t last_ = 0;
};

}  // namespace agon::detail::incremental
