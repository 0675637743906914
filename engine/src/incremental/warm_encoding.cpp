#include "warm_encoding.hpp"

#include <algorithm>
#include <cmath>

namespace agon::detail::incremental {

WarmEncoding::WarmEncoding(const DynamicFramework& af, Candidates kind, bool range)
    : solver_(idle_), kind_(kind), range_(range), true_(solver_.new_var()) {
    solver_.clause({true_});
    block_size_ = std::max<std::size_t>(64, static_cast<std::size_t>(std::sqrt(double(af.size()))));
    for (std::uint32_t s = 0; s < af.slots(); ++s)
        if (af.alive(s)) pending_.push_back(s);
    sync(af);
}

void WarmEncoding::changed(const std::vector<std::uint32_t>& slots) {
    pending_.insert(pending_.end(), slots.begin(), slots.end());
}

void WarmEncoding::add(std::initializer_list<int> lits) {
    std::vector<int> v(lits);
    add(v);
}

void WarmEncoding::add(std::vector<int>& lits) {
    lits.push_back(-blocks_.back().selector);
    solver_.clause(lits);
    ++blocks_.back().clauses;
    ++live_clauses_;
}

void WarmEncoding::open_block() {
    Block b;
    b.selector = solver_.new_var();
    blocks_.push_back(std::move(b));
    selectors_.push_back(blocks_.back().selector);
}

void WarmEncoding::retire(std::uint32_t block) {
    Block& b = blocks_[block];
    if (!b.live) return;
    b.live = false;
    solver_.clause({-b.selector});
    selectors_.erase(std::find(selectors_.begin(), selectors_.end(), b.selector));
    live_clauses_ -= b.clauses;
    dead_clauses_ += b.clauses;
    ++retired_;
}

// The clauses of argument s over its current attackers.
void WarmEncoding::emit(const DynamicFramework& af, std::uint32_t s) {
    if (blocks_.empty() || !blocks_.back().live || blocks_.back().members.size() >= block_size_) open_block();
    blocks_.back().members.push_back(s);
    block_of_[s] = static_cast<std::uint32_t>(blocks_.size() - 1);
    const int xs = x(s), ds = d(s);
    const auto& att = af.attackers(s);
    std::vector<int> lits{-ds};  // d(s) -> some attacker is in
    for (std::uint32_t b : att) lits.push_back(x(b));
    add(lits);
    for (std::uint32_t b : att) {
        add({-x(b), ds});  // an attacker in -> s attacked
        add({-xs, -x(b)});  // conflict-free
        if (kind_ == Candidates::admissible || kind_ == Candidates::complete) add({-xs, d(b)});  // defended
    }
    if (kind_ == Candidates::complete) {  // defended -> in
        lits.assign(1, xs);
        for (std::uint32_t b : att) lits.push_back(-d(b));
        add(lits);
    }
    if (kind_ == Candidates::stable) add({xs, ds});
    if (range_) {
        add({-r(s), xs, ds});
        add({r(s), -xs});
        add({r(s), -ds});
    }
}

bool WarmEncoding::sync(const DynamicFramework& af) {
    const std::uint32_t n = af.slots();
    base_.resize(n, 0);
    block_of_.resize(n, UINT32_MAX);
    mark_.resize(n, 0);
    std::vector<std::uint32_t> todo;
    for (std::uint32_t s : pending_) {
        if (mark_[s]) continue;
        mark_[s] = 1;
        todo.push_back(s);
        if (block_of_[s] == UINT32_MAX) continue;
        Block& b = blocks_[block_of_[s]];
        if (!b.live) continue;
        retire(block_of_[s]);
        for (std::uint32_t m : b.members)
            if (!mark_[m]) {
                mark_[m] = 1;
                todo.push_back(m);
            }
    }
    pending_.clear();
    for (std::uint32_t s : todo) {
        mark_[s] = 0;
        if (!af.alive(s)) {
            if (base_[s]) solver_.clause({-base_[s]});  // the slot is never used again
            base_[s] = 0;                                // from now on it reads as the constants
            block_of_[s] = UINT32_MAX;
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
    all.insert(all.end(), enc_.selectors().begin(), enc_.selectors().end());
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
