// Internal: the one-shot SAT problem of a question on extension semantics -
// a fresh solver whose models are candidate sets on the grounded core (the
// whole framework for stage), shared by the acceptance questions (solve.cpp)
// and enumeration (enumerate.cpp).
#pragma once

#include <cstdint>
#include <vector>

#include "core.hpp"

namespace agon::detail::ext {

/// Is the semantics' every extension a complete one (grounded core)? All but stage.
inline bool complete_based(ExtensionSemantics s) { return s != ExtensionSemantics::stage; }

/// What the solver's models are.
enum class Candidates { admissible, complete, stable, conflict_free };

/// The weakest candidate sets that serve a semantics: maximal admissible sets
/// are the preferred extensions, and admissible sets with a maximal range the
/// semi-stable ones (Caminada 2006); fewer constraints make the satisfiable
/// calls of the maximisation loops much faster on dense frameworks.
inline Candidates candidates_for(ExtensionSemantics sem) {
    switch (sem) {
        case ExtensionSemantics::stable: return Candidates::stable;
        case ExtensionSemantics::stage: return Candidates::conflict_free;
        case ExtensionSemantics::complete: return Candidates::complete;
        default: return Candidates::admissible;
    }
}

/// A solver whose models are the candidate sets on the grounded core (the
/// whole framework for stage), with range variables for semi-stable and
/// stage. `relevant_to`: make_core's.
struct Problem {
    Core core;
    sat::Solver solver;
    Encoding enc;
    Problem(const Snapshot& s, ExtensionSemantics sem, const Control& control)
        : Problem(s, sem, candidates_for(sem), control) {}
    Problem(const Snapshot& s, ExtensionSemantics sem, Candidates kind, const Control& control,
            std::int64_t relevant_to = -1)
        : core(make_core(s, control, complete_based(sem), relevant_to)), solver(control), enc(core, solver) {
        switch (kind) {
            case Candidates::admissible: enc.admissible(); break;
            case Candidates::complete: enc.complete(); break;
            case Candidates::stable: enc.stable(); break;
            case Candidates::conflict_free: enc.conflict_free(); break;
        }
        if (sem == ExtensionSemantics::semi_stable || sem == ExtensionSemantics::stage) enc.define_range();
    }
    // The interface of cegar.hpp.
    std::uint32_t n() const { return core.n(); }
    int x(std::uint32_t a) const { return enc.x(a); }
    int d(std::uint32_t a) const { return enc.d(a); }
    int r(std::uint32_t a) const { return enc.r(a); }
    int fresh() { return solver.new_var(); }
    void clause(const std::vector<int>& lits) { solver.clause(lits); }
    bool solve(const std::vector<int>& assumptions) { return solver.solve(assumptions); }
    bool value(int lit) const { return solver.value(lit); }
    bool failed(int lit) const { return solver.failed(lit); }
    const Core& core_view() const { return core; }
};

}  // namespace agon::detail::ext
