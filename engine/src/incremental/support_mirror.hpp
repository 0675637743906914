// Internal: the attack-only reading of a LiveGraph (agon/bipolar.hpp) kept
// in a DynamicFramework while the graph changes, for the grounded repair.
//
// Each live attack edge e = b0 -> c0 stands for the attacks x -> y with x in
// the support closure of b0 and y in that of c0 (deductive: what supports
// the claim, transitively; necessary: what it supports; none and evidential:
// the claim alone). While a live undercut is aimed at e, each x instead
// attacks X_x ("x is not accepted"), X_x attacks Y_{x,e} ("x's attack along
// e is active") and Y_{x,e} attacks every y; an undercut z -> e attacks each
// Y_{x,e} (through its own X_z and Y_{z,u} while it is undercut itself).
// flatten() makes a fresh X and Y per derived attack; those copies have the
// same attackers as the shared ones here, so every claim keeps its grounded
// label. Parallel derivations of one attack are counted (by the framework's
// derive_attack), not repeated.
//
// After a change only the edges whose reading can differ are read again:
// the changed edges, the attacks an undercut among them is aimed at, and,
// when a support's life changed, the attacks at every claim whose closure
// the support is part of (deductive: the claims the support's target
// supports, transitively; necessary: those that support its source) with
// the undercuts aimed at them.
#pragma once

#include <cstdint>
#include <span>
#include <utility>
#include <vector>

#include "agon/bipolar.hpp"
#include "agon/control.hpp"
#include "dynamic_framework.hpp"
#include "live_graph.hpp"
#include "util/flat_map.hpp"

namespace agon::detail::incremental {

class SupportMirror {
public:
    /// Evidential mirrors the attacks as none does (the repair reads the supports).
    explicit SupportMirror(SupportMode mode) : mode_(mode) {}

    /// Take the changes of `g` into the framework. Honours `control`; when
    /// it stops the sync, the mirror is left half-synced (GroundedAnswer
    /// then starts over).
    void sync(const LiveGraph& g, const LiveGraph::Changes& changes, const Control& control);

    /// Go back to the state before the last sync, which must have completed
    /// (the framework rolled back, nothing touched) and must not have built
    /// the framework afresh: for changes that undo it.
    void undo();
    /// True when the last sync found the framework empty and built it from
    /// the whole graph at once (the first question on a large map), recording
    /// nothing for undo().
    bool built_afresh() const noexcept { return built_afresh_; }

    /// The framework: claim slot v has id v; auxiliary arguments have ids
    /// from 0x80000000 on.
    DynamicFramework& framework() noexcept { return af_; }
    const DynamicFramework& framework() const noexcept { return af_; }
    /// True when claim slot v is an argument of the framework (it is alive).
    bool has_claim(std::uint32_t v) const { return v < claim_in_af_.size() && claim_in_af_[v]; }
    /// Auxiliary arguments have ids from here on.
    static constexpr std::uint32_t kFirstAux = 0x80000000u;

private:
    // sync() into an empty framework: every edge read, the attacks put in at
    // once (DynamicFramework::assign).
    void build(const LiveGraph& g, const Control& control);
    // The framework attacks edge e stands for now, sorted, into `out`.
    void read(const LiveGraph& g, std::uint32_t e, std::vector<std::uint64_t>& out);
    // The support closure of claim v (sorted), remembered until a support
    // whose life changed may have changed it (note_closure_change()).
    const std::vector<std::uint32_t>& closure(const LiveGraph& g, std::uint32_t v);
    // The id of an auxiliary argument, made on first use: X_x (edge ~0u) or Y_{x,e}.
    std::uint32_t aux(std::uint32_t x, std::uint32_t e);
    // Edge e is to be read again (noted once per sync).
    void note(std::uint32_t e) {
        if (noted_[e]) return;
        noted_[e] = 1;
        edges_.push_back(e);
    }
    // A support from -> to came or went: note the edges whose reading
    // depends on a closure it is part of.
    void note_closure_change(const LiveGraph& g, std::uint32_t from, std::uint32_t to);
    // `pair` came (by = 1) or went (-1) for good: count its auxiliary ends' attacks.
    void count_aux(std::uint64_t pair, int by) {
        constexpr std::uint64_t aux_ends = std::uint64_t{kFirstAux} << 32 | kFirstAux;
        if (pair & aux_ends) count_aux_ends(pair, by);  // most pairs join two claims
    }
    void count_aux_ends(std::uint64_t pair, int by);
    void add_pair(std::uint64_t pair);
    void remove_pair(std::uint64_t pair) {
        if (af_.underive_attack(static_cast<std::uint32_t>(pair >> 32), static_cast<std::uint32_t>(pair)))
            count_aux(pair, -1);
    }
    // Drop what the last sync recorded for undo().
    void forget();

    SupportMode mode_;
    bool built_afresh_ = false;
    DynamicFramework af_;
    std::vector<char> claim_in_af_, leaving_;  // leaving_: alive in the framework, not in the graph
    // The attacks edge e stands for (sorted): in own_lists_[own_[e] - 1]
    // once a sync changed them, else as build() read them (in built_ from
    // built_start_[e] to built_start_[e + 1]; none for edges added since).
    // Four bytes an edge until it changes: a first question on a large map
    // sizes no list per edge.
    std::span<const std::uint64_t> mirrored(std::uint32_t e) const {
        if (own_[e]) return own_lists_[own_[e] - 1];
        if (e + std::size_t{1} >= built_start_.size()) return {};
        return {built_.data() + built_start_[e], built_start_[e + 1] - built_start_[e]};
    }
    // Edge e's own list, made empty on first use.
    std::vector<std::uint64_t>& own_list(std::uint32_t e) {
        if (!own_[e]) {
            own_lists_.emplace_back();
            own_[e] = static_cast<std::uint32_t>(own_lists_.size());
        }
        return own_lists_[own_[e] - 1];
    }
    std::vector<std::uint32_t> own_;
    std::vector<std::vector<std::uint64_t>> own_lists_;
    std::vector<std::uint64_t> built_;
    std::vector<std::size_t> built_start_;
    // Per edge slot: whether it is in edges_.
    std::vector<char> noted_, support_live_;  // noted_: 1 read again, 2 its attacks change
    std::vector<std::uint32_t> edges_, targets_, stack_;
    // The attacks the noted edges stand for after the sync: edge i's from start_[i].
    std::vector<std::uint64_t> wanted_;
    std::vector<std::size_t> start_;
    // What the last sync did, for undo(): the attacks that went and came, the
    // claims and supports whose life flipped, the claims whose closure may
    // have changed, and the old attacks of each edge whose attacks changed
    // (edge before_edge_[i]'s in before_[i]; the vectors beyond are spares).
    std::vector<std::uint64_t> went_, came_;
    std::vector<std::uint32_t> flipped_claims_, flipped_supports_, respread_, before_edge_;
    std::vector<std::vector<std::uint64_t>> before_;
    // Auxiliary ids by key (x, e or ~0u), and per id its attacks in the framework.
    FlatMap<> aux_;
    std::vector<std::uint32_t> aux_attacks_;
    std::vector<std::uint32_t> idle_aux_;  // lost their last attack: removed at the end of the sync
    std::vector<std::pair<std::uint32_t, int>> aux_log_;  // the last sync's count_aux calls
    // Closures (closure_known_: up to date), spreads of one sync (round_
    // stamps), BFS visits (visit_ stamps).
    std::vector<std::vector<std::uint32_t>> closure_;
    std::vector<char> closure_known_;
    std::vector<std::uint32_t> spread_round_, seen_;
    std::uint32_t round_ = 0, visit_ = 0;
};

}  // namespace agon::detail::incremental
