// Internal: the SAT encoding of a changing framework, kept in one CaDiCaL
// solver for the life of a session.
//
// Each live argument owns its clauses (attack definitions, conflict-freeness,
// defence, completeness or stability, range) over its current attackers.
// Arguments are grouped in blocks of about sqrt(n); every clause of a block
// carries the negation of the block's selector, and questions assume the
// selectors of the live blocks. When an argument changes, its block is
// retired for good (a unit clause falsifies the selector) and the block's
// arguments are encoded again in a fresh block: a change costs one block, not
// the framework, and learnt clauses from other blocks stay valid (a learnt
// clause that used a retired block carries its selector and is satisfied).
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
    int d(std::uint32_t s) const { return s < base_.size() && base_[s] ? base_[s] + 1 : -true_; }
    int r(std::uint32_t s) const { return s < base_.size() && base_[s] ? base_[s] + 2 : true_; }
    /// Selectors of the live blocks (assume them in every solve).
    const std::vector<int>& selectors() const { return selectors_; }
    std::uint64_t blocks_retired() const { return retired_; }

private:
    struct Block {
        int selector = 0;
        std::vector<std::uint32_t> members;
        std::size_t clauses = 0;
        bool live = true;
    };
    void emit(const DynamicFramework& af, std::uint32_t s);
    void add(std::initializer_list<int> lits);
    void add(std::vector<int>& lits);
    void open_block();
    void retire(std::uint32_t block);

    Control idle_;
    sat::Solver solver_;
    Candidates kind_;
    bool range_;
    int true_;
    std::size_t block_size_ = 64;
    std::vector<int> base_;  // first variable of a slot (x, d, r), 0 = none yet
    std::vector<std::uint32_t> block_of_;
    std::vector<Block> blocks_;
    std::vector<int> selectors_;
    std::vector<std::uint32_t> pending_;
    std::vector<char> mark_;
    std::size_t live_clauses_ = 0, dead_clauses_ = 0;
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
    int fresh() { return enc_.solver().new_var(); }
    void clause(std::vector<int> lits);
    bool solve(const std::vector<int>& assumptions);
    bool value(int lit) const { return enc_.solver().value(lit); }
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
    int guard_;
};

}  // namespace agon::detail::incremental
