// Internal: the evidential grounded labelling (agon::evidential_grounded,
// docs/semantics.md §3) of a changing claim graph, repaired below the changes.
//
// A label of the least fixpoint depends only on the claims above it along
// attacks and supports (the "no evidential chain" rule too: a chain ends at
// the claim it reaches). So after a change the claims the changed ones reach
// along attacks and supports are labelled again with every other label
// fixed; a claim outside that part that is not out has a chain of claims not
// out from a prima facie one (else the fixpoint would have put it out), and
// that chain lies outside the part too. The attacks (undercuts flattened,
// auxiliary arguments prima facie) are the SupportMirror's framework; the
// supports are read from the LiveGraph. When whether any claim is tagged
// prima_facie changes, every claim is labelled again.
// Cost: O(part and its attacks and supports) per round of the chain rule.
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
    std::size_t last_repair_size() const { return region_.size(); }

private:
    // Supporters (`into`) or supported claims of slot s, as slots, to f.
    template <class F>
    void supports(const LiveGraph& g, const DynamicFramework& af, std::uint32_t s, bool into, F&& f) const;
    void decide(std::uint32_t s);
    void set(std::uint32_t s, Label l);
    void propagate(const LiveGraph& g, const DynamicFramework& af);
    // The chain rule on the part; true when it put a claim out.
    bool cut_unfounded(const LiveGraph& g, const DynamicFramework& af);

    std::vector<Label> labels_;
    std::vector<char> in_region_, prima_, tagged_;
    std::vector<std::uint32_t> region_, queue_, stack_, reached_;
    std::vector<std::uint32_t> att_live_, att_in_, sup_live_, sup_in_;  // per slot of the part
    std::uint32_t tagged_count_ = 0, visit_ = 0;
    bool tagged_mode_ = false;
};

}  // namespace agon::detail::incremental
