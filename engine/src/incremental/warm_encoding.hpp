// Internal: the SAT encoding of a changing framework, kept in one CaDiCaL
// solver for the life of a session.
//
// The clauses of one attack b -> a (conflict-freeness, "b in means a
// attacked", defence) are binary and permanent: they stand while the
// variables of a and b keep their meaning. The clauses over an argument's
// whole set of attackers ("attacked means some attacker is in",
// completeness) carry the activation literal of the argument's group (about
// sqrt(n) consecutive slots share one: a question assumes one literal per
// group, not per argument, and a change re-encodes its arguments' groups).
// A change that adds attackers to an argument retires its group's literal (a
// unit clause falsifies it) and re-adds the group's clauses under a fresh
// one, with the new attacks' binary clauses. A change that takes an attacker away gives the argument fresh
// variables and fixes the old ones to "out and attacked", which satisfies
// every clause that mentions them; its attacks are then encoded again. So a
// change costs the touched arguments and their targets, learnt clauses stay
// valid, and binary clauses stay binary (CaDiCaL propagates them far faster
// than the ternary ones a guard literal would make of them). A question
// assumes the activation literals of the arguments it is about - all of
// them, or the groups meeting an unattacked part (directional semantics,
// complete candidates), the other groups switched off. The part's answers
// are then those of the part alone: every complete set of the part extends
// to a complete extension of the whole framework (directionality), whose
// values satisfy every clause switched on outside the part.
// Questions add their own clauses under a question literal retired at the
// end (Query below). A dead slot reads as "in, attacked by nobody, in range"
// (constant literals), which the search loops treat as a fixed, harmless
// member; it never enters an answer.
#pragma once

#include <cstdint>
#include <vector>

#include "dynamic_framework.hpp"
#include "semantics/extensions/sat.hpp"

namespace agon::detail::incremental {

/// What the solver's models are.
enum class Candidates { admissible, complete, stable, conflict_free };

class WarmEncoding {
public:
    WarmEncoding(const DynamicFramework& af, Candidates kind, bool range);

    /// Note changed slots (life or attackers).
    void changed(const std::vector<std::uint32_t>& slots);
    /// Re-encode the blocks of the changed slots. Returns false when so much
    /// has been retired that a fresh encoding is cheaper (the caller rebuilds).
    bool sync(const DynamicFramework& af);

    sat::Solver& solver() { return solver_; }
    int x(std::uint32_t s) const { return s < base_.size() && base_[s] ? base_[s] : true_; }
    int d(std::uint32_t s) const {
        if (kind_ == Candidates::stable) return -x(s);  // a stable candidate attacks every argument it leaves out
        return s < base_.size() && base_[s] ? base_[s] + 1 : -true_;
    }
    int r(std::uint32_t s) const { return s < base_.size() && base_[s] ? base_[s] + 2 : true_; }  // range encodings only
    /// Append the activation assumptions of a question about every live
    /// argument (`part` null) or about `part` only (groups without a slot of
    /// it off).
    void activate(std::vector<int>& assumptions, const std::vector<std::uint32_t>* part);
    /// The variables of finished questions (fixed, but walked by every
    /// solve) outnumber the live encoding's twice over and by 4,096: a fresh
    /// encoding is then cheaper.
    bool swollen(const DynamicFramework& af) const;
    /// Argument blocks retired so far.
    std::uint64_t blocks_retired() const { return retired_; }
    /// After an unsatisfiable solve that used no question's own assumption or
    /// clause: remember the activation literals it used. Their groups' clauses
    /// and the permanent ones (which only grow) have no model, so neither has
    /// the framework while none of those groups is re-encoded - on a framework
    /// without a stable extension, later changes elsewhere leave it without.
    void note_refutation();
    /// The noted refutation still stands.
    bool refuted() const;

private:
    void fresh_vars(std::uint32_t s);
    void fix_out(std::uint32_t s);
    void emit_attack(std::uint32_t b, std::uint32_t a);
    void emit_whole(const DynamicFramework& af, std::uint32_t s);
    void emit_group(const DynamicFramework& af, std::uint32_t g);
    void add(std::uint32_t g, std::vector<int>& lits);
    void retire(std::uint32_t g);

    Control idle_;
    sat::Solver solver_;
    Candidates kind_;
    bool range_;
    int true_;
    std::uint32_t group_;    // slots per group: slot s is in group s / group_
    std::vector<int> base_;  // first variable of a slot (x; d unless stable; r when range_), 0 = none yet
    std::vector<std::vector<std::uint32_t>> encoded_;  // a slot's attackers when last encoded
    std::vector<int> act_;   // a group's activation literal, 0 = none (no live slot)
    std::vector<std::size_t> clauses_;  // clauses under a group's literal
    std::vector<std::uint32_t> blocks_;  // argument blocks under a group's literal
    std::vector<int> all_;   // every group's activation literal, when not stale
    std::vector<std::pair<std::uint32_t, int>> refutation_;  // groups and their literals then
    bool refuted_ = false;
    bool all_stale_ = true;
    std::vector<std::uint32_t> pending_;
    std::vector<char> mark_, group_mark_;
    std::vector<int> lits_;  // a clause being built (kept to spare allocations)
    std::size_t live_clauses_ = 0, dead_clauses_ = 0, live_groups_ = 0;
    std::uint64_t retired_ = 0;
};

/// One question over the session's solver, in the problem interface of
/// cegar.hpp (local indices are slots). Its clauses are guarded by a question
/// literal that is retired when the Query ends.
class Query {
public:
    Query(WarmEncoding& enc, const DynamicFramework& af, const Control& control);
    /// A question that compares sets only on `part` (slots in the order of
    /// their local indices; `part_core` its attacks in local indices), an
    /// unattacked part of the framework (directionality). Both must outlive it.
    Query(WarmEncoding& enc, const DynamicFramework& af, const Control& control, const std::vector<std::uint32_t>& part,
          const ext::Core& part_core);
    ~Query();
    Query(const Query&) = delete;
    Query& operator=(const Query&) = delete;

    std::uint32_t n() const { return part_ ? static_cast<std::uint32_t>(part_->size()) : af_.slots(); }
    int x(std::uint32_t a) const { return enc_.x(slot(a)); }
    int d(std::uint32_t a) const { return enc_.d(slot(a)); }
    int r(std::uint32_t a) const { return enc_.r(slot(a)); }
    /// A variable of this question's own, fixed when it ends.
    int fresh();
    /// Assume `lit` in every solve of this question (a fixed value of an
    /// argument outside the part that the part's clauses mention).
    void fix(int lit) { fixed_.push_back(lit); }
    void clause(std::vector<int> lits);
    bool solve(const std::vector<int>& assumptions);
    bool value(int lit) const { return enc_.solver().value(lit); }
    bool failed(int lit) const { return enc_.solver().failed(lit); }
    /// After an unsatisfiable solve over the whole framework that used none
    /// of `own` (the question's assumptions), its fixed values or clauses:
    /// the framework has no candidate at all (WarmEncoding::note_refutation).
    void note_if_general(const std::vector<int>& own);
    const ext::Core& core_view() const { return part_ ? *part_core_ : af_.core(); }

    /// The ids of the live arguments in the set `in` (per local index), ascending.
    Extension ids(const std::vector<char>& in) const;
    /// Assumptions "the arguments of `in` (per local index) are in".
    std::vector<int> all_in(const std::vector<char>& in) const;

private:
    std::uint32_t slot(std::uint32_t a) const { return part_ ? (*part_)[a] : a; }
    WarmEncoding& enc_;
    const DynamicFramework& af_;
    const std::vector<std::uint32_t>* part_ = nullptr;
    const ext::Core* part_core_ = nullptr;
    std::vector<int> fixed_;
    std::vector<int> made_;   // fresh() variables, ascending
    std::vector<char> unit_;  // per made_: fixed by a unit clause already
    int guard_;
};

}  // namespace agon::detail::incremental
