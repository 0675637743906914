// Internal: does a gradual semantics' fixpoint on a LiveGraph depend on where
// the iteration starts? From scratch starts every claim at its base score;
// the incremental worklist starts from the last fixpoint. Where the fixpoint
// is unique the two agree, but a cycle through an edge whose rule can move
// its target as much as its source moves (slope 1 or more) can hold more
// than one: under DF-QuAD two claims of base 1 that attack each other are a
// fixpoint wherever they sum to 1, a claim of base 0 that supports itself is
// one at any value, MLP with heavy supports both ways is bistable, and
// card's count of attackers jumps when an undercut zeroes an edge. Such a
// graph is answered from scratch (reevaluator.hpp).
//
// An edge is steep when the product of the raw weights along its undercut
// chain times the largest slope of the acted-on claim's rule per unit of
// that edge's contribution reaches 1 (summed over a claim's edges that act
// on itself): QuAD tau (attack) or 1 - tau
// (support); DF-QuAD the same for a claim with one kind of edge in, and
// max(tau, 1 - tau) for one with both; QE 3 sqrt(3) / 8 times DF-QuAD's;
// Euler-based (1 - tau^2) / 4, MLP 1 / 4; h-categoriser and max-based
// (unique for plain attacks) tau for undercuts only; card an undercut that
// can zero its edge (weight times its source's base at least 1), or that
// cuts an undercut down its chain that can. The test is sufficient for the
// cases above, not for every multiple fixpoint: several edges each below
// slope 1 can still add up past it (docs/incremental.md).
//
// Only the part of such a graph the changes can disturb goes from scratch.
// From scratch, a strongly connected component's iterates depend on nothing
// but its own claims and their ancestors (every scheme updates a claim from
// its in-edges alone), so a component the changes cannot reach keeps its
// from-scratch value, and a reached component with a steep edge gets it
// again from scratch run on it and its ancestors (region()) alone. The
// reached components without one take the worklist (their fixpoint, given
// what flows in, is as unique as on any other graph).
#pragma once

#include <cstdint>
#include <vector>

#include "live_graph.hpp"
#include "semantics/gradual/rules.hpp"

namespace agon::detail::incremental {

class SteepCycles {
public:
    explicit SteepCycles(gradual::Sem semantics) : sem_(semantics) {}

    /// Take the graph's changes (the same the evaluator takes); true when a
    /// live steep edge lies on a cycle of live claims (a self-edge included)
    /// in a component the changes reach (a changed claim, what a changed
    /// claim's or edge's edges act on, and everything downstream of them).
    /// O(changed claims' in-edges) when no live edge is steep, else O(n + m).
    bool update(const LiveGraph& g, const LiveGraph::Changes& changes);
    /// After update() returned true: the claim slots from scratch must
    /// evaluate, the reached components with a steep edge and all their
    /// ancestors (closed under in-edges and the undercuts on them).
    const std::vector<std::uint32_t>& region() const noexcept { return region_; }
    /// Whether region() holds every live claim with an edge.
    bool region_is_all() const noexcept { return region_.size() == connected_; }

private:
    // Recompute edge e's flag, and those of the undercuts aimed at it.
    void refresh(const LiveGraph& g, std::uint32_t e);
    bool steep(const LiveGraph& g, std::uint32_t e) const;
    // The largest slope of the rule of the claim attack or support f acts
    // on, per unit of f's contribution; `undercut`: f is reached through one.
    double slope(const LiveGraph& g, std::uint32_t f, bool undercut) const;
    // How much edge h can move the claim it acts on per unit its source
    // moves, at most: its reach times that slope.
    double gain(const LiveGraph& g, std::uint32_t h) const;
    // card: whether undercut e or one down its chain can zero the edge it
    // cuts (weight times its source's base at least 1).
    static bool chain_can_zero(const LiveGraph& g, std::uint32_t e);
    // Tarjan's strongly connected components over the live edges (source to
    // the claim an edge acts on) into component_; true when a steep edge is
    // inside one, whose entry in steep_component_ is then set.
    bool steep_on_cycle(const LiveGraph& g);
    // Mark the components the changes reach; true when one is steep.
    bool reaches_steep(const LiveGraph& g, const LiveGraph::Changes& changes);
    // region_: the claims of the reached steep components and their ancestors.
    void collect_region(const LiveGraph& g);

    gradual::Sem sem_;
    std::vector<std::uint8_t> steep_;  // per edge slot
    std::uint32_t count_ = 0;          // edges flagged
    bool undercuts_seen_ = false;      // an undercut was among the changes once
    // Tarjan's state, kept for its buffers.
    std::vector<std::uint32_t> index_, low_, component_, stack_;
    std::vector<std::uint8_t> on_stack_;
    std::uint32_t components_ = 0, connected_ = 0;  // components found, claims in them
    std::vector<std::uint8_t> steep_component_, reached_, in_region_;  // per component; per claim
    std::vector<std::uint32_t> region_;
    std::vector<std::uint32_t> members_, start_;  // claims by component: members_[start_[c], start_[c + 1])
    struct Frame {
        std::uint32_t v, next;
    };
    std::vector<Frame> frames_;
};

}  // namespace agon::detail::incremental
