// agon/incremental.hpp - re-answer one question after each small change of
// a what-if scenario, recomputing only what the change can reach.
//
// An IncrementalEvaluation holds a Scenario, a Request and the last answer.
// Edits go through it (the same calls, checks and errors as Scenario and
// Editor: the scenario is edited first, so a refused edit changes nothing);
// the next question re-answers from the previous answer:
//   grounded (every support mode)
//                            the attack-only reading evaluate uses (supports
//                            read as derived attacks under deductive and
//                            necessary, undercuts flattened; bipolar.hpp) is
//                            kept in a framework whose labelling is repaired
//                            below the changed claims (delete and rederive,
//                            as agon::Session); under evidential, the
//                            evidential fixpoint is repaired the same way.
//                            Labels equal evaluate(scenario(), request).
//   stable (support none, deductive, necessary)
//                            the same attack-only reading feeds a warm
//                            agon::Session (session.hpp) that takes only the
//                            arguments and attacks a change touches. Each
//                            question then labels every claim: the grounded
//                            labelling settles those it labels in or out;
//                            every extension the session returns
//                            shows its members credulously and the rest not
//                            sceptically accepted; a claim no extension seen
//                            so far has settled is asked about, in batches
//                            (is one of them in some extension; are all of
//                            them in every one), each witness settling more.
//                            Witnesses are derived afresh
//                            after each change. Labels and warnings equal
//                            evaluate(scenario(), request), and also come past
//                            the 1,000,000 extensions where evaluate throws
//                            limit (nothing is enumerated). A question costs
//                            O(n) per extension seen on top of the session's
//                            own repair, and 1 + (extensions seen) + 2
//                            acceptance questions at most (NP- or
//                            second-level hard each, over the whole
//                            framework, where from scratch solves on the
//                            claims the grounded labelling leaves undecided:
//                            with few extensions and a small undecided part,
//                            from scratch is faster, which is why complete,
//                            preferred, semi-stable and ideal are not answered
//                            on a session; docs/incremental.md).
//   complete, preferred, semi-stable, ideal, stage (support none, deductive,
//   necessary)
//                            the same attack-only reading, its grounded
//                            labelling repaired; the claims it labels in or
//                            out keep that label (every extension is the
//                            grounded one plus one of the part it leaves
//                            undecided), and that part alone is evaluated
//                            from scratch as a framework of its own (counted
//                            as from scratch; stage: the whole scenario, as
//                            it is not complete-based), unless it is one of
//                            the last four parts evaluated. When the
//                            labelling decides every claim (an acyclic map)
//                            nothing is evaluated: the grounded extension is
//                            the only extension under all five. Labels equal
//                            evaluate(scenario(), request).
//   hcat, max, card, dfquad, quad, euler, qe, mlp (method auto)
//                            the changed claims are recomputed with the
//                            semantics' own rule, starting from the previous
//                            fixpoint, and a change travels along the edges
//                            only while it can still move a claim by more than
//                            epsilon (largest bound first). When the edits
//                            since the last question exactly undo the ones
//                            before it (a claim switched off and on again, a
//                            base or weight set and set back), the answer from
//                            before them comes back without recomputing.
//                            Acyclic parts get the exact value (up to
//                            that cut-off); on cycles the answer satisfies the
//                            same stopping rule as from scratch: no claim's
//                            residual |T(s)(v) - s(v)| exceeds epsilon. Two
//                            answers with residuals below epsilon differ by
//                            at most 2 epsilon / (1 - L) where the update is
//                            an L-contraction; the tests check 1e-6 against
//                            from scratch with the default epsilon 1e-10, and
//                            every re-answer's residuals against epsilon.
//   everything else          evaluated from scratch after each change
//                            (carneades, burden and burden-rank, an explicit
//                            `method`, extension semantics with any other
//                            parameter or support=evidential, which evaluate
//                            refuses with usage for them); also, case by case,
//                            dfquad/quad while an edge weighs more than 1 (so
//                            the usual usage error is thrown), and a gradual
//                            change the worklist has not settled within 64
//                            sweeps' worth of claim updates (cycles where the
//                            plain update oscillates; when it does not settle
//                            even from the from-scratch answer, every later
//                            question is evaluated from scratch).
// Result fields: method "incremental" and iterations = claims recomputed
// (grounded: relabelled; 0 for an undo; stable: extensions asked of the
// session, one plus one per acceptance question; complete, preferred,
// semi-stable, ideal and stage: arguments the grounded repair relabelled)
// when answered incrementally; those of evaluate (on the undecided part)
// otherwise. Costs: an edit O(degree) (removing a claim also walks its
// edges); a question O(what the change reaches), an undo O(what the undone
// change touched), a question after an added claim or edge O(n + m)
// more (gradual: the compact arrays are rebuilt); result() adds O(n) to copy
// the answer out. The first question labels everything (grounded), solves
// on the compact arrays from the base scores (hcat, max, card without
// max_iterations: method incremental, not counted as from scratch) or
// evaluates from scratch (the other gradual semantics); stable encodes the
// whole reading in the session first. Under grounded and stable the first
// question after a change also builds the kept framework's attack table,
// O(m) once (the first question needs none). Not
// thread-safe: one thread at a time per object.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "agon/control.hpp"
#include "agon/graph.hpp"
#include "agon/scenario.hpp"
#include "agon/semantics.hpp"

namespace agon {

class IncrementalEvaluation {
public:
    /// Start from `scenario` (its edits so far included) and `request`.
    /// Nothing is evaluated yet. A bad request throws usage: here for an
    /// unknown support mode or a bad gradual parameter, otherwise at the
    /// first question.
    IncrementalEvaluation(const Scenario& scenario, Request request);
    ~IncrementalEvaluation();
    IncrementalEvaluation(IncrementalEvaluation&&) noexcept;
    IncrementalEvaluation& operator=(IncrementalEvaluation&&) noexcept;

    /// The scenario with every edit made so far (for saving, diffing, rendering).
    const Scenario& scenario() const noexcept;
    const Request& request() const noexcept;
    /// False when every answer of this request is computed from scratch.
    bool incremental() const noexcept;

    /// Edits, as Scenario's (scenario.hpp) and Editor's (editor.hpp).
    /// Switching a base claim off is remove_claim, switching it on again
    /// restore_claim (Scenario::restore_claim: its base edges come back);
    /// add_claim of its id instead adds a new claim without them.
    void add_claim(Claim claim);
    void restore_claim(std::string_view id);
    /// Returns the edge's id (a fresh "eN" when empty).
    std::string add_edge(Edge edge);
    void remove_claim(std::string_view id);
    void remove_edge(std::string_view id);
    void set_base(std::string_view claim_id, double base);
    void set_weight(std::string_view edge_id, double weight);

    /// Take `target`'s edits (a scenario of the same base graph), changing
    /// only what differs from scenario() now: the next question recomputes
    /// what those differences reach, as if they had been edited one by one.
    /// For faces that get a whole what-if with each question (the
    /// workbench's clicks). Added claims and edges the two share in the same
    /// order are kept; from the first that differs on, they are removed and
    /// the target's added. Afterwards scenario() has target's edits (and
    /// name). Starts over (the next question is answered like a new object's
    /// first) when the base graphs differ, or when the two remove
    /// different base edges (also those a claim added again under a removed
    /// base claim's id, or an edge taking a gone edge's id, removes). O(k log k)
    /// for k edits in the two scenarios, plus the edits' own costs.
    void set_scenario(const Scenario& target);

    /// The claim's strength, or its label as a number (label_value), after
    /// the edits so far. Throws not_found for a claim not in the scenario.
    double value(std::string_view claim_id, const Control& control = {});
    /// The claim's label (extension semantics; usage for gradual ones).
    Label label(std::string_view claim_id, const Control& control = {});
    /// The whole answer, equal to evaluate(scenario(), request()) as stated
    /// above: claims in the scenario snapshot's order. O(n) on top of the
    /// re-evaluation.
    Result result(const Control& control = {});

    struct Stats {
        std::uint64_t questions = 0;     ///< re-evaluations run (one per question after edits)
        /// Of which evaluated from scratch: every question of a request that
        /// is not incremental(); otherwise the cases listed at the top (the
        /// first gradual question but under hcat, max and card, a heavy edge
        /// under dfquad, ...).
        std::uint64_t from_scratch = 0;
        /// Claims recomputed or relabelled by the last one (0 for an undo);
        /// other extension semantics: extensions asked of the session.
        std::uint64_t last_work = 0;
    };
    Stats stats() const noexcept;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace agon
