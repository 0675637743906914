#include "warm_encoding.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>

namespace agon::detail::incremental {

namespace {
// Slots per activation group for n live arguments: a question assumes one
// literal per group, a change re-encodes whole groups (its arguments' and,
// when one loses an attacker, its targets'); sqrt(n) / 2 measured best on
// the dynamic benchmark's stable sequences (scc_2k, ws_10k).
std::uint32_t group_size(std::size_t n) {
    return std::max<std::uint32_t>(4, static_cast<std::uint32_t>(std::sqrt(static_cast<double>(n)) / 2));
}
}  // namespace

WarmEncoding::WarmEncoding(const DynamicFramework& af, Candidates kind, bool range)
    : solver_(idle_), kind_(kind), range_(range), true_(solver_.new_var()), group_(group_size(af.size())) {
    solver_.clause({true_});
    for (std::uint32_t s = 0; s < af.slots(); ++s)
        if (af.alive(s)) pending_.push_back(s);
    sync(af);
}

void WarmEncoding::changed(const std::vector<std::uint32_t>& slots) {
    pending_.insert(pending_.end(), slots.begin(), slots.end());
}

void WarmEncoding::add(std::uint32_t g, std::vector<int>& lits) {
    lits.push_back(-act_[g]);
    solver_.clause(lits);
    ++clauses_[g];
    ++live_clauses_;
}

void WarmEncoding::retire(std::uint32_t g) {
    if (!act_[g]) return;
    solver_.clause({-act_[g]});
    act_[g] = 0;
    --live_groups_;
    live_clauses_ -= clauses_[g];
    dead_clauses_ += clauses_[g];
    clauses_[g] = 0;
    retired_ += blocks_[g];
    blocks_[g] = 0;
}

// Variables x, d (and r for a range encoding) for slot s, with the clauses
// over them alone (permanent). No r otherwise (CaDiCaL would still decide an
// unused variable in every solve), and no d for stable candidates, where
// "attacked" is "out".
void WarmEncoding::fresh_vars(std::uint32_t s) {
    base_[s] = solver_.new_var();
    if (kind_ != Candidates::stable) solver_.new_var();
    if (range_) solver_.new_var();
    encoded_[s].clear();
    if (range_) {
        solver_.clause({-r(s), x(s), d(s)});
        solver_.clause({r(s), -x(s)});
        solver_.clause({r(s), -d(s)});
    }
}

// Slot s's variables are never used again: "out, attacked, in range"
// satisfies every permanent clause over them.
void WarmEncoding::fix_out(std::uint32_t s) {
    if (!base_[s]) return;
    solver_.clause({-x(s)});
    if (kind_ != Candidates::stable) solver_.clause({d(s)});
    if (range_) solver_.clause({r(s)});
    base_[s] = 0;  // from now on it reads as the constants
}

// The permanent clauses of the attack b -> a.
void WarmEncoding::emit_attack(std::uint32_t b, std::uint32_t a) {
    solver_.clause({-x(b), d(a)});  // b in -> a attacked
    if (kind_ != Candidates::stable) solver_.clause({-x(a), -x(b)});  // conflict-free (stable: the same clause)
    if (kind_ == Candidates::admissible || kind_ == Candidates::complete) solver_.clause({-x(a), d(b)});  // defended
}

// The clauses of s over its whole set of attackers, under its group's literal.
void WarmEncoding::emit_whole(const DynamicFramework& af, std::uint32_t s) {
    const std::uint32_t g = s / group_;
    const auto& att = af.attackers(s);
    std::vector<int>& lits = lits_;
    lits.assign(1, -d(s));  // d(s) -> some attacker is in
    for (std::uint32_t b : att) lits.push_back(x(b));
    add(g, lits);
    if (kind_ == Candidates::complete) {  // defended -> in
        lits.assign(1, x(s));
        for (std::uint32_t b : att) lits.push_back(-d(b));
        add(g, lits);
    }
    ++blocks_[g];
}

// Group g's whole clauses again, over its live slots, under a fresh literal
// (the old one retired).
void WarmEncoding::emit_group(const DynamicFramework& af, std::uint32_t g) {
    retire(g);
    const std::uint32_t end = std::min(af.slots(), (g + 1) * group_);
    for (std::uint32_t s = g * group_; s < end; ++s) {
        if (!af.alive(s)) continue;
        if (!act_[g]) {
            act_[g] = solver_.new_var();
            solver_.phase(-act_[g]);  // off unless a question assumes it
            ++live_groups_;
        }
        emit_whole(af, s);
    }
}

bool WarmEncoding::sync(const DynamicFramework& af) {
    const std::uint32_t n = af.slots();
    const std::uint32_t groups = (n + group_ - 1) / group_;
    base_.resize(n, 0);
    encoded_.resize(n);
    mark_.resize(n, 0);
    act_.resize(groups, 0);
    clauses_.resize(groups, 0);
    blocks_.resize(groups, 0);
    group_mark_.resize(groups, 0);
    if (pending_.empty()) return true;
    all_stale_ = true;
    // 1. Each touched slot: dead (fix its variables), new (fresh ones), or
    //    short of an attacker it had (fresh ones, the old fixed; mark 2).
    std::vector<std::uint32_t> todo;
    for (std::uint32_t s : pending_) {
        if (mark_[s]) continue;
        mark_[s] = 1;
        todo.push_back(s);
        if (!af.alive(s)) {
            fix_out(s);
            encoded_[s].clear();
            continue;
        }
        if (!base_[s]) {
            fresh_vars(s);
            continue;
        }
        const auto& now = af.attackers(s);
        for (std::uint32_t b : encoded_[s])
            if (af.alive(b) && std::find(now.begin(), now.end(), b) == now.end()) {
                fix_out(s);
                fresh_vars(s);
                mark_[s] = 2;
                break;
            }
    }
    pending_.clear();
    // 2. The targets of slots with fresh variables mention them: their attack
    //    from the slot and their whole clauses are encoded again.
    const std::size_t touched = todo.size();
    for (std::size_t i = 0; i < touched; ++i) {
        const std::uint32_t s = todo[i];
        if (mark_[s] != 2) continue;
        for (std::uint32_t t : af.targets(s))
            if (!mark_[t]) {
                mark_[t] = 3;
                todo.push_back(t);
            }
    }
    // 3. The attacks not encoded over the current variables, then the whole
    //    clauses of every group with a touched slot.
    std::vector<std::uint32_t> groups_todo;
    for (std::uint32_t s : todo) {
        if (!group_mark_[s / group_]) {
            group_mark_[s / group_] = 1;
            groups_todo.push_back(s / group_);
        }
        if (!af.alive(s)) continue;
        const auto& now = af.attackers(s);
        auto& was = encoded_[s];
        for (std::uint32_t b : now) {
            const bool new_attack = std::find(was.begin(), was.end(), b) == was.end();
            if (mark_[s] != 3 ? new_attack || mark_[b] == 2 : mark_[b] == 2) emit_attack(b, s);
        }
        was.assign(now.begin(), now.end());
    }
    for (std::uint32_t g : groups_todo) {
        emit_group(af, g);
        group_mark_[g] = 0;
    }
    for (std::uint32_t s : todo) mark_[s] = 0;
    // A rebuild pays off once retired clauses dominate, or once added slots
    // have made many more groups than a fresh encoding would have.
    return dead_clauses_ <= 2 * live_clauses_ + 100'000 && live_groups_ <= 2 * af.size() / group_size(af.size()) + 16;
}

// Fixed variables still cost every solve a little (CaDiCaL walks all of
// them to hand back a model): on a 76-argument framework whose stage
// questions make 4,500 variables each, the eighth question took 0.83 s
// against the first's 0.25 s. Past twice the live encoding's variables (and
// a floor, so that small frameworks keep their learnt clauses a while), a
// fresh encoding is cheaper.
bool WarmEncoding::swollen(const DynamicFramework& af) const {
    const std::uint64_t per_slot = 1 + (kind_ != Candidates::stable) + range_;
    const std::uint64_t live = std::uint64_t{af.size()} * per_slot + live_groups_ + 1;
    return static_cast<std::uint64_t>(solver_.vars()) > 2 * live + 4096;
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
    // The groups of the part on, every other group off.
    for (std::uint32_t s : *part) group_mark_[s / group_] = 1;
    for (std::uint32_t g = 0; g < act_.size(); ++g) {
        if (act_[g]) assumptions.push_back(group_mark_[g] ? act_[g] : -act_[g]);
        group_mark_[g] = 0;
    }
}

void WarmEncoding::note_refutation() {
    refutation_.clear();
    for (std::uint32_t g = 0; g < act_.size(); ++g)
        if (act_[g] && solver_.failed(act_[g])) refutation_.emplace_back(g, act_[g]);
    refuted_ = true;
}

bool WarmEncoding::refuted() const {
    return refuted_ && std::all_of(refutation_.begin(), refutation_.end(), [&](auto p) { return act_[p.first] == p.second; });
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
    // The question's clauses are now satisfied, which leaves its own
    // variables free: every later model would have to decide them all (a
    // session that asked a 1,296-round stage question six times took 0.4 s
    // for the first and 4 s for the fourth). Fixed, they cost only a walk
    // over them (WarmEncoding::swollen).
    for (std::size_t i = 0; i < made_.size(); ++i)
        if (!unit_[i]) enc_.solver().clause({-made_[i]});
    static const Control idle;
    enc_.solver().set_control(idle);
}

int Query::fresh() {
    made_.push_back(enc_.solver().new_var());
    unit_.push_back(0);
    return made_.back();
}

void Query::clause(std::vector<int> lits) {
    // A unit over the question's own variable means nothing outside it (a
    // search loop retiring its activation literal): fix it now, unguarded,
    // or the retired literals pile up as assignments every solve repeats.
    if (lits.size() == 1) {
        const auto own = std::lower_bound(made_.begin(), made_.end(), std::abs(lits[0]));
        if (own != made_.end() && *own == std::abs(lits[0])) {
            enc_.solver().clause(lits);
            unit_[static_cast<std::size_t>(own - made_.begin())] = 1;
            return;
        }
    }
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

void Query::note_if_general(const std::vector<int>& own) {
    const auto used = [&](int lit) { return failed(lit); };
    if (part_ || failed(guard_) || std::any_of(own.begin(), own.end(), used) ||
        std::any_of(fixed_.begin(), fixed_.end(), used))
        return;
    enc_.note_refutation();
}

Extension Query::ids(const std::vector<char>& in) const {
    Extension e;
    for (std::uint32_t a = 0; a < n(); ++a)
        if (in[a] && af_.alive(slot(a))) e.push_back(af_.id(slot(a)));
    std::sort(e.begin(), e.end());
    return e;
}

}  // namespace agon::detail::incremental
