// Internal: the acceptance labels evaluate gives under complete, preferred,
// stable or semi-stable semantics (in: in every extension,
// undec: in some only, out: in none), kept for a changing claim graph.
//
// The attack-only reading (SupportMirror, as for grounded: supports read as
// derived attacks under deductive and necessary, undercuts flattened) feeds
// a warm agon::Session, which takes only the arguments and attacks a change
// touched. A question then labels every claim with few SAT calls: the
// grounded labelling settles the claims it labels in or out (all these
// semantics are complete-based); every extension the session returns (one
// to start, then the witnesses of the questions) shows its members
// credulously accepted and the rest not sceptically accepted, so a claim is
// asked about (credulous, then skeptical) only while no extension seen so
// far has shown it, and in batches: "is one of the unseen claims in some
// extension?" (Session::credulous_any: a "no" settles them all out, a "yes"
// brings an extension with one of them at least), then "are all the claims
// no extension has left out in every one?" (a "yes" settles them all with
// one proof, a "no" brings an extension without one of them). Witnesses
// are not kept across changes (each question derives its own); the session
// keeps what stays valid (learnt clauses, stable extensions that stay stable).
// Unlike enumeration from scratch there is no limit on the number of extensions.
#pragma once

#include <cstdint>
#include <vector>

#include "agon/bipolar.hpp"
#include "agon/control.hpp"
#include "agon/extensions.hpp"
#include "agon/semantics.hpp"
#include "agon/session.hpp"
#include "live_graph.hpp"
#include "support_mirror.hpp"

namespace agon::detail::incremental {

class ExtensionAnswer {
public:
    /// `sem` complete, preferred, stable or semi-stable (stage is not
    /// complete-based: the grounded labelling would not settle claims);
    /// `mode` none, deductive or necessary.
    ExtensionAnswer(ExtensionSemantics sem, SupportMode mode) : sem_(sem), mode_(mode), mirror_(mode), session_(sem) {}

    /// Take `changes` of `g` into the mirror and the session, then label
    /// every claim. Honours `control`; after a stop in the middle of taking
    /// changes the next update starts over.
    void update(const LiveGraph& g, const LiveGraph::Changes& changes, const Control& control);

    /// Claim slot v's label after the last update that returned true.
    Label label(std::uint32_t v) const { return v < labels_.size() ? labels_[v] : Label::undec; }
    /// False when the last labelling found no extension (stable only): every claim out.
    bool has_extension() const noexcept { return has_extension_; }
    /// Extensions asked of the session by the last labelling: one to start,
    /// plus one per acceptance question.
    std::uint64_t last_questions() const noexcept { return questions_; }

private:
    // Bring the session to the mirror's framework: the touched arguments
    // that went, then those that came, then the attackers of the touched ones.
    void feed();
    void relabel(const LiveGraph& g, const Control& control);
    // Members of `e` (session ids) seen in, the other live claims seen out.
    void mark(const Extension& e);

    ExtensionSemantics sem_;
    SupportMode mode_;
    bool stopped_ = false;  // the last update stopped before the session took its changes
    SupportMirror mirror_;
    Session session_;
    // Per mirror slot: whether its argument is in the session, and the
    // attacker ids last given to the session.
    std::vector<char> in_session_;
    std::vector<std::vector<std::uint32_t>> attackers_;
    // Per claim slot; `claims_`: the live ones of the last labelling.
    std::vector<Label> labels_;
    std::vector<char> seen_in_, seen_out_, member_;
    std::vector<std::uint32_t> claims_, fresh_, open_, touched_;
    bool has_extension_ = true;
    std::uint64_t questions_ = 0;
};

}  // namespace agon::detail::incremental
