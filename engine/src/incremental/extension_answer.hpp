// Internal: the acceptance labels evaluate gives under complete, preferred,
// stable or semi-stable semantics (in: in every extension, undec: in some
// only, out: in none), kept for a changing claim graph.
//
// The attack-only reading (SupportMirror, as for grounded: supports read as
// derived attacks under deductive and necessary, undercuts flattened) has
// its grounded labelling repaired after each change (GroundedRepair), which
// settles the arguments it labels in or out. Every extension of these
// semantics is the grounded one plus an extension of the part the labelling
// leaves undecided, with the attacks among that part only (an undecided
// argument has no in attacker; the out ones are in no extension and the
// grounded extension defends against them), so a warm agon::Session holds
// that part alone: a change gives it the arguments that entered or left the
// part and the attacks into those and into the touched arguments. The first
// question thus encodes only what from scratch solves too. A session
// starts afresh once it has been given many more arguments than it
// holds (its framework never reuses a slot); should the changes have moved
// many arguments each (labels flipping through long chains), the fresh one
// holds the whole framework instead, and its own grounded labelling settles
// what the changes reach; one change that moves over a tenth of the
// framework (and 256 arguments at least) makes the session take the whole
// framework at once. A question then labels the undecided claims with
// few SAT calls
// (QuestionLabels: the extensions the session returns, and batched
// credulous and skeptical questions about the claims those leave open).
// Witnesses are not kept across changes (each question derives its own);
// the session keeps what stays valid (learnt clauses, stable extensions that
// stay stable). Unlike enumeration there is no limit on the number of
// extensions.
#pragma once

#include <cstdint>
#include <vector>

#include "agon/bipolar.hpp"
#include "agon/control.hpp"
#include "agon/extensions.hpp"
#include "agon/semantics.hpp"
#include "agon/session.hpp"
#include "grounded_repair.hpp"
#include "live_graph.hpp"
#include "semantics/extensions/question_labels.hpp"
#include "support_mirror.hpp"

namespace agon::detail::incremental {

class ExtensionAnswer {
public:
    /// `sem` complete, preferred, stable or semi-stable (not stage: the
    /// mirror shares the auxiliary arguments of undercuts, which keeps the
    /// labels of complete-based semantics only); `mode` none, deductive or
    /// necessary.
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
    /// plus one per acceptance question; none when the grounded labelling
    /// left nothing undecided.
    std::uint64_t last_questions() const noexcept { return asked_ ? questions_.questions() : 0; }
    /// Arguments in the session: those the grounded labelling leaves undecided.
    std::size_t session_size() const { return session_.argument_count(); }
    /// Sessions started afresh so far (feed()), for tests.
    std::uint64_t fresh_sessions() const noexcept { return sessions_; }
    /// The session holds the whole framework (feed()), for tests.
    bool whole() const noexcept { return whole_; }
    /// Arguments given to a session beyond four per argument it holds before
    /// the next update starts a fresh one.
    static constexpr std::size_t kFreshAfter = 4096;
    /// A change (after the first update) that moves more than one argument
    /// in kWholeShare of the framework, and kWholeAtLeast arguments at
    /// least, into or out of the undecided part makes the session hold the
    /// whole framework from then on.
    static constexpr std::size_t kWholeShare = 10, kWholeAtLeast = 256;

private:
    // Bring the session to the undecided part of the mirror's framework
    // (`grounded` its labelling), for the slots in touched_ (their life,
    // attackers or label changed): those that left the part go, then those
    // that entered come, then the attackers of the touched slots and of the
    // targets of those that came or went are given again.
    void feed(const std::vector<Label>& grounded);
    void relabel(const LiveGraph& g, const std::vector<Label>& grounded, const Control& control);

    ExtensionSemantics sem_;
    SupportMode mode_;
    bool stopped_ = false;  // the last update stopped before the session took its changes
    SupportMirror mirror_;
    GroundedRepair repair_;  // the mirror's grounded labelling
    Session session_;
    std::size_t added_ = 0;     // arguments given to the session since it started
    std::size_t updates_ = 0;   // updates since it started
    bool whole_ = false;        // it holds every argument, not only the undecided ones
    std::uint64_t sessions_ = 0;  // sessions started afresh
    // Per mirror slot: whether its argument is in the session, and the
    // attacker ids last given to the session.
    std::vector<char> in_session_;
    std::vector<std::vector<std::uint32_t>> attackers_;
    // Per claim slot; `claims_`: the undecided live ones of the last labelling.
    std::vector<Label> labels_;
    std::vector<std::uint32_t> claims_, fresh_, touched_, moved_;
    QuestionLabels questions_;
    bool asked_ = false;  // the last labelling asked the session (something was undecided)
    bool has_extension_ = true;
};

}  // namespace agon::detail::incremental
