// agon/bipolar.hpp - support and undercut edges for extension semantics.
//
// Dung's semantics know only attacks. A claim graph is turned into an
// attack-only framework first (docs/semantics.md §3):
//  - support is read by an interpretation and replaced by derived attacks
//    computed from the reflexive-transitive support closure S*: deductive
//    (a supports b: a accepted => b accepted; x attacks y whenever x D* b0
//    and y D* c0 for a direct attack b0 -> c0: supported, mediated and
//    super-mediated attacks; Boella, Gabbay, van der Torre & Villata 2010;
//    Cayrol & Lagasquie-Schiex 2013), necessary (a supports b: b accepted =>
//    a accepted; x attacks y whenever b0 N* x and c0 N* y: secondary and
//    extended attacks; Nouioua & Risch 2010, 2011; the dual of deductive),
//    or none (supports ignored). Evidential support (Oren & Norman 2008)
//    has no attack-only reading and is evaluated directly, for grounded
//    semantics only;
//  - an undercut attacks the attack it targets, flattened by
//    meta-argumentation (Gabbay 2009; Boella et al. 2009): an attack x -> y
//    standing on an undercut edge becomes x -> X -> Y -> y with auxiliary
//    claims X ("x is not accepted") and Y ("the attack is active"), and each
//    undercutter z of the edge attacks Y (recursively for undercuts of
//    undercuts). A derived attack inherits the undercuts of the direct
//    attack it is built on. Undercuts of support edges are ignored.
// agon::evaluate does this itself for every extension semantics when the
// request carries `support` or the graph has undercuts (the parameter is
// removed before the semantics sees it); auxiliary claims are never reported.
#pragma once

#include <cstdint>
#include <limits>
#include <optional>
#include <string_view>
#include <vector>

#include "agon/control.hpp"
#include "agon/graph.hpp"
#include "agon/semantics.hpp"
#include "agon/snapshot.hpp"

namespace agon {

/// How support edges are read by extension semantics.
enum class SupportMode { none, deductive, necessary, evidential };

/// "none", "deductive", "necessary", "evidential"; std::nullopt otherwise.
std::optional<SupportMode> support_mode_from_string(std::string_view name);
/// The name support_mode_from_string reads.
std::string_view to_string(SupportMode mode);
/// The mode a request asks for: its `support` parameter, none when absent.
/// Throws usage on an unknown name.
SupportMode support_mode(const Request& request);

/// An attack of the attack-only reading: from claim `from` to claim `to`,
/// standing on the direct attack edge `edge` of the snapshot (the edge whose
/// undercuts it inherits).
struct DerivedAttack {
    std::uint32_t from;
    std::uint32_t to;
    std::uint32_t edge;
};

/// Every attack of the reading `mode` of `s`, grouped by direct attack edge
/// in edge order: for none and evidential the direct attacks themselves; for
/// deductive {(x, y, e) : e = b0 -> c0, x D* b0, y D* c0}; for necessary
/// {(x, y, e) : b0 N* x, c0 N* y}. Each closure is computed once by a BFS,
/// so the cost is O(n + m) plus the number of attacks returned (which can be
/// quadratic: a support chain of k claims under one attack gives k).
/// Undercuts play no part here (see flatten). Honours `control`.
std::vector<DerivedAttack> derived_attacks(const Snapshot& s, SupportMode mode, const Control& control = {});

/// The attack-only snapshot of `s` under `mode`: the derived attacks, each
/// once, with undercut attacks flattened through auxiliary claims. Its first
/// s.size() claims are those of `s`, in order, with their ids, bases, kinds
/// and tags; auxiliary claims follow (kind argument, tag "auxiliary", ids
/// starting with '\x1f', never meant to be shown). For evidential, undercuts
/// are flattened and the support edges are kept as they are (read by
/// evidential_grounded). Cost: that of derived_attacks plus
/// O(k log k) for k derived attacks. Honours `control`.
Snapshot flatten(const Snapshot& s, SupportMode mode, const Control& control = {});

/// The attack-only reading that extension semantics, their explanations and
/// their extensions all see: `s` itself when nothing needs flattening (no
/// undercuts, and supports absent or ignored by `mode`), else flatten(s,
/// mode). Claims 0..s.size()-1 keep their indices; `s` must outlive the view.
/// Cost: that of flatten when it flattens, O(1) otherwise.
class AttackView {
public:
    AttackView(const Snapshot& s, SupportMode mode, const Control& control = {});
    const Snapshot& snapshot() const noexcept { return flat_ ? *flat_ : *original_; }
    /// The number of original claims (auxiliary claims have larger indices).
    std::uint32_t originals() const noexcept { return original_->size(); }
    /// The id under which claim v of the view is reported: its own for an
    /// original claim; for an auxiliary claim, the id of the attack edge it
    /// stands for (the undercut edge's target).
    std::string reported_id(std::uint32_t v) const;
    /// For the auxiliary claim "x is not accepted" of a flattened attack, the
    /// source x (its only attacker); std::nullopt for every other claim.
    std::optional<std::uint32_t> negated_source(std::uint32_t v) const;

private:
    const Snapshot* original_;
    std::optional<Snapshot> flat_;
};

/// The same for export (`agon convert --support MODE`): the claims of `g`
/// unchanged, then the auxiliary claims (kind argument, tag "auxiliary",
/// ids "aux:not:X:N" and "aux:active:EDGE:N", primed if a claim already has
/// that id); the derived attacks as attack edges with fresh ids; support and
/// undercut edges dropped, except under evidential, which keeps the supports.
Graph flatten(const Graph& g, SupportMode mode, const Control& control = {});

/// Grounded labelling under evidential support: the least fixpoint of
/// docs/semantics.md §3. A claim is in iff every attacker is out and it is prima
/// facie or has a supporter in; out iff an attacker is in, or it is not
/// prima facie and every supporter is out, or no support chain from a prima
/// facie claim reaches it through claims not out. Prima facie: the claims
/// tagged `prima_facie`, or, when none is, the claims without incoming
/// support. Claims from index `originals` on are auxiliary claims of
/// flatten() and always prima facie. One label per claim of `s`.
/// Cost O(n + m) per round of the chain rule, rounds repeated only while it
/// labels claims out (worst case O(n (n + m))). Honours `control`.
std::vector<Label> evidential_grounded(const Snapshot& s, const Control& control = {},
                                       std::uint32_t originals = std::numeric_limits<std::uint32_t>::max());

}  // namespace agon
