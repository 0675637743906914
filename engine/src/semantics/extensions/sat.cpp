#include "sat.hpp"

#include <cadical.hpp>

#include "agon/error.hpp"

namespace agon::detail::sat {

namespace {
struct Stop : CaDiCaL::Terminator {
    const Control* control;
    explicit Stop(const Control& c) : control(&c) {}
    bool terminate() override { return control->stop_requested(); }
};
}  // namespace

struct Solver::Impl {
    CaDiCaL::Solver solver;
    Stop stop;
    int vars = 0;
    explicit Impl(const Control& c) : stop(c) {
        solver.set("quiet", 1);    // CaDiCaL otherwise prints to stdout
        solver.set("profile", 0);  // its timers call getrusage on every solve: 7 % of a hinge search
        solver.connect_terminator(&stop);
    }
    ~Impl() { solver.disconnect_terminator(); }
};

Solver::Solver(const Control& control) : impl_(std::make_unique<Impl>(control)) {}
Solver::~Solver() = default;

int Solver::new_var() { return ++impl_->vars; }

int Solver::vars() const { return impl_->vars; }

void Solver::reserve(int n) {
    if (n > impl_->vars) impl_->vars = n;
}

void Solver::clause(std::initializer_list<int> lits) {
    for (int l : lits) impl_->solver.add(l);
    impl_->solver.add(0);
}

void Solver::clause(const std::vector<int>& lits) {
    for (int l : lits) impl_->solver.add(l);
    impl_->solver.add(0);
}

bool Solver::solve(const std::vector<int>& assumptions) {
    impl_->stop.control->check();
    for (int a : assumptions) impl_->solver.assume(a);
    const int result = impl_->solver.solve();
    if (result == 10) return true;
    if (result == 20) return false;
    impl_->stop.control->check();  // interrupted: report why
    throw Error(ErrorKind::cancelled, "the SAT solver was interrupted");
}

void Solver::phase(int lit) { impl_->solver.phase(lit); }

bool Solver::value(int lit) const { return impl_->solver.val(lit) > 0; }

bool Solver::failed(int lit) const { return impl_->solver.failed(lit); }

void Solver::set_control(const Control& control) { impl_->stop.control = &control; }

}  // namespace agon::detail::sat
