#include "warm_encoding.hpp"

#include <algorithm>

namespace agon::detail::incremental {

WarmEncoding::WarmEncoding(const DynamicFramework& af, Candidates kind, bool range)
    : solver_(idle_), kind_(kind), range_(range), true_(solver_.new_var()) {
    solver_.clause({true_});
    for (std::uint32_t s = 0; s < af.slots(); ++s)
        if (af.alive(s)) pending_.push_back(s);
    sync(af);
}

void WarmEncoding::changed(const std::vector<std::uint32_t>& slots) {
    pending_.insert(pending_.end(), slots.begin(), slots.end());
}

void WarmEncoding::add(std::uint32_t s, std::initializer_list<int> lits) {
    std::vector<int> v(lits);
    add(s, v);
}

void WarmEncoding::add(std::uint32_t s, std::vector<int>& lits) {
    lits.push_back(-act_[s]);
    solver_.clause(lits);
    ++clauses_[s];
    ++live_clauses_;
}

void WarmEncoding::retire(std::uint32_t s) {
    if (!act_[s]) return;
    solver_.clause({-act_[s]});
    act_[s] = 0;
    live_clauses_ -= clauses_[s];
    dead_clauses_ += clauses_[s];
    clauses_[s] = 0;
    ++retired_;
}

// The clauses of argument s over its current attackers, under a fresh activation literal.
void WarmEncoding::emit(const DynamicFramework& af, std::uint32_t s) {
    act_[s] = solver_.new_var();
    solver_.phase(-act_[s]);  // off unless a question assumes it
    const int xs = x(s), ds = d(s);
    const auto& att = af.attackers(s);
    std::vector<int> lits{-ds};  // d(s) -> some attacker is in
    for (std::uint32_t b : att) lits.push_back(x(b));
    add(s, lits);
    for (std::uint32_t b : att) {
        add(s, {-x(b), ds});  // an attacker in -> s attacked
        add(s, {-xs, -x(b)});  // conflict-free
        if (kind_ == Candidates::admissible || kind_ == Candidates::complete) add(s, {-xs, d(b)});  // defended
    }
    if (kind_ == Candidates::complete) {  // defended -> in
        lits.assign(1, xs);
        for (std::uint32_t b : att) lits.push_back(-d(b));
        add(s, lits);
    }
    if (kind_ == Candidates::stable) add(s, {xs, ds});
    if (range_) {
        add(s, {-r(s), xs, ds});
        add(s, {r(s), -xs});
        add(s, {r(s), -ds});
    }
}

bool WarmEncoding::sync(const DynamicFramework& af) {
    const std::uint32_t n = af.slots();
    base_.resize(n, 0);
    act_.resize(n, 0);
    clauses_.resize(n, 0);
    mark_.resize(n, 0);
    if (pending_.empty()) return true;
    all_stale_ = true;
    std::vector<std::uint32_t> todo;
    for (std::uint32_t s : pending_) {
        if (mark_[s]) continue;
        mark_[s] = 1;
        todo.push_back(s);
        retire(s);
    }
    pending_.clear();
    for (std::uint32_t s : todo) {
        mark_[s] = 0;
        if (!af.alive(s)) {
            if (base_[s]) solver_.clause({-base_[s]});  // the slot is never used again
            base_[s] = 0;                                // from now on it reads as the constants
            continue;
        }
        if (!base_[s]) {
            base_[s] = solver_.new_var();
            solver_.new_var();
            solver_.new_var();
        }
    }
    for (std::uint32_t s : todo)
        if (af.alive(s)) emit(af, s);
    return dead_clauses_ <= 2 * live_clauses_ + 100'000;
}

void WarmEncoding::activate(std::vector<int>& assumptions, const std::vector<std::uint32_t>* part) {
    if (all_stale_) {
        all_.clear();
        for (int a : act_)
            if (a) all_.push_back(a);
        all_stale_ = false;
    }
    if (!part) {
        assumptions.insert(assumptions.end(), all_.begin(), all_.end());
        return;
    }
    // The part on, every other block off (the solver never wanders outside).
    for (std::uint32_t s : *part) mark_[s] = 1;
    for (std::uint32_t s = 0; s < act_.size(); ++s)
        if (act_[s]) assumptions.push_back(mark_[s] ? act_[s] : -act_[s]);
    for (std::uint32_t s : *part) mark_[s] = 0;
}

Query::Query(WarmEncoding& enc, const DynamicFramework& af, const Control& control)
    : enc_(enc), af_(af), guard_(enc.solver().new_var()) {
    enc_.solver().set_control(control);
}

Query::Query(WarmEncoding& enc, const DynamicFramework& af, const Control& control,
             const std::vector<std::uint32_t>& part, const ext::Core& part_core)
    : Query(enc, af, control) {
    part_ = &part;
    part_core_ = &part_core;
}

std::vector<int> Query::all_in(const std::vector<char>& in) const {
    std::vector<int> out;
    for (std::uint32_t a = 0; a < n(); ++a)
        if (in[a]) out.push_back(x(a));
    return out;
}

Query::~Query() {
    enc_.solver().clause({-guard_});
    static const Control idle;
    enc_.solver().set_control(idle);
}

void Query::clause(std::vector<int> lits) {
    lits.push_back(-guard_);
    enc_.solver().clause(lits);
}

bool Query::solve(const std::vector<int>& assumptions) {
    std::vector<int> all = assumptions;
    all.insert(all.end(), fixed_.begin(), fixed_.end());
    enc_.activate(all, part_);
    all.push_back(guard_);
    return enc_.solver().solve(all);
}

Extension Query::ids(const std::vector<char>& in) const {
    Extension e;
    for (std::uint32_t a = 0; a < n(); ++a)
        if (in[a] && af_.alive(slot(a))) e.push_back(af_.id(slot(a)));
    std::sort(e.begin(), e.end());
    return e;
}

}  // namespace agon::detail::incremental
