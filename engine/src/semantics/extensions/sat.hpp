// Internal: a thin wrapper over CaDiCaL - clauses, assumptions, models, and
// cancellation through agon::Control. The only file that includes cadical.hpp.
#pragma once

#include <initializer_list>
#include <memory>
#include <vector>

#include "agon/control.hpp"

namespace agon::detail::sat {

class Solver {
public:
    explicit Solver(const Control& control);
    ~Solver();
    Solver(const Solver&) = delete;
    Solver& operator=(const Solver&) = delete;

    /// A fresh variable (1-based).
    int new_var();
    /// Variables made so far.
    int vars() const;
    /// Reserve variables 1..n.
    void reserve(int n);
    void clause(std::initializer_list<int> lits);
    void clause(const std::vector<int>& lits);
    /// Solve under assumptions; true = satisfiable. Throws Error(cancelled or
    /// limit) when the Control stops the search.
    bool solve(const std::vector<int>& assumptions = {});
    /// Prefer `lit` when deciding (a hint, not a constraint).
    void phase(int lit);
    /// Is the literal true in the last model?
    bool value(int lit) const;
    /// After an unsatisfiable solve: was the assumption `lit` used to refute it?
    bool failed(int lit) const;
    /// Poll `control` instead from now on (a long-lived solver answers many
    /// questions, each with its own limits). It must outlive its use.
    void set_control(const Control& control);

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace agon::detail::sat
