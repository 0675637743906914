#include "core.hpp"

#include <algorithm>

#include "semantics/registry.hpp"

namespace agon::detail::ext {

Core make_core(const Snapshot& s, const Control& control, bool reduce, std::int64_t relevant_to) {
    Core c;
    c.grounded = reduce ? grounded_labelling(s, control, nullptr) : std::vector<Label>(s.size(), Label::undec);
    c.local.assign(s.size(), -1);
    std::vector<char> relevant;
    if (relevant_to >= 0 && c.grounded[static_cast<std::uint32_t>(relevant_to)] == Label::undec) {
        relevant.assign(s.size(), 0);
        std::vector<std::uint32_t> stack{static_cast<std::uint32_t>(relevant_to)};
        relevant[stack[0]] = 1;
        while (!stack.empty()) {
            const std::uint32_t v = stack.back();
            stack.pop_back();
            for (std::uint32_t u : s.attackers().neighbours(v))
                if (!relevant[u] && c.grounded[u] == Label::undec) {
                    relevant[u] = 1;
                    stack.push_back(u);
                }
        }
    }
    for (std::uint32_t v = 0; v < s.size(); ++v) {
        if (c.grounded[v] == Label::in) c.grounded_in.push_back(v);
        if (c.grounded[v] != Label::undec || (!relevant.empty() && !relevant[v])) continue;
        c.local[v] = static_cast<std::int64_t>(c.global.size());
        c.global.push_back(v);
    }
    std::vector<std::uint32_t> row, target_count(c.global.size(), 0);
    for (std::uint32_t a = 0; a < c.global.size(); ++a) {
        row.clear();
        for (std::uint32_t b : s.attackers().neighbours(c.global[a]))
            if (c.local[b] >= 0) row.push_back(static_cast<std::uint32_t>(c.local[b]));
        std::sort(row.begin(), row.end());
        row.erase(std::unique(row.begin(), row.end()), row.end());
        for (std::uint32_t b : row) ++target_count[b];
        c.attackers.add_list(row);
    }
    c.targets.assign(target_count);
    for (std::uint32_t a = 0; a < c.global.size(); ++a)
        for (std::uint32_t b : c.attackers[a]) c.targets.push_back(b, a);
    return c;
}

void close_under_defence(const Core& core, std::vector<char>& in) {
    const std::uint32_t n = core.n();
    const auto& targets = core.targets;
    // Attackers outside the core are out in grounded: already defeated.
    std::vector<char> defeated(n, 0);
    std::vector<std::uint32_t> open(n), queue;
    for (std::uint32_t a = 0; a < n; ++a) open[a] = static_cast<std::uint32_t>(core.attackers[a].size());
    auto defeat = [&](std::uint32_t b) {
        if (defeated[b]) return;
        defeated[b] = 1;
        for (std::uint32_t c : targets[b])
            if (--open[c] == 0 && !in[c]) queue.push_back(c);
    };
    for (std::uint32_t a = 0; a < n; ++a)
        if (in[a])
            for (std::uint32_t b : targets[a]) defeat(b);
    for (std::uint32_t a = 0; a < n; ++a)
        if (open[a] == 0 && !in[a]) queue.push_back(a);
    while (!queue.empty()) {
        const std::uint32_t a = queue.back();
        queue.pop_back();
        if (in[a]) continue;
        in[a] = 1;
        for (std::uint32_t b : targets[a]) defeat(b);
    }
}

void greatest_admissible(const Core& core, std::vector<char>& keep, const Control& control) {
    for (bool changed = true; changed;) {
        control.check();
        changed = false;
        for (std::uint32_t a = 0; a < core.n(); ++a) {
            if (!keep[a]) continue;
            for (std::uint32_t b : core.attackers[a]) {
                bool defended = false;
                for (std::uint32_t c : core.attackers[b]) defended |= keep[c] != 0;
                if (!defended) {
                    keep[a] = 0;
                    changed = true;
                    break;
                }
            }
        }
    }
}

Encoding::Encoding(const Core& core, sat::Solver& solver) : core_(core), solver_(solver), n_(core.n()) {
    solver_.reserve(static_cast<int>(2 * n_));
    // d(a) <-> some attacker of a is in.
    std::vector<int> lits;
    for (std::uint32_t a = 0; a < n_; ++a) {
        lits.assign(1, -d(a));
        for (std::uint32_t b : core_.attackers[a]) {
            lits.push_back(x(b));
            solver_.clause({d(a), -x(b)});
        }
        solver_.clause(lits);
    }
}

void Encoding::conflict_free() {
    for (std::uint32_t a = 0; a < n_; ++a)
        for (std::uint32_t b : core_.attackers[a]) solver_.clause({-x(a), -x(b)});
}

void Encoding::admissible() {
    conflict_free();
    for (std::uint32_t a = 0; a < n_; ++a)
        for (std::uint32_t b : core_.attackers[a]) solver_.clause({-x(a), d(b)});
}

void Encoding::complete() {
    admissible();
    std::vector<int> lits;
    for (std::uint32_t a = 0; a < n_; ++a) {
        lits.assign(1, x(a));
        for (std::uint32_t b : core_.attackers[a]) lits.push_back(-d(b));
        solver_.clause(lits);
    }
}

void Encoding::stable() {
    conflict_free();
    for (std::uint32_t a = 0; a < n_; ++a) solver_.clause({x(a), d(a)});
}

void Encoding::define_range() {
    solver_.reserve(static_cast<int>(3 * n_));
    for (std::uint32_t a = 0; a < n_; ++a) {
        solver_.clause({-r(a), x(a), d(a)});
        solver_.clause({r(a), -x(a)});
        solver_.clause({r(a), -d(a)});
    }
}

Extension Encoding::extension() const {
    Extension e = core_.grounded_in;
    for (std::uint32_t a = 0; a < n_; ++a)
        if (solver_.value(x(a))) e.push_back(core_.global[a]);
    std::sort(e.begin(), e.end());
    return e;
}

std::vector<char> Encoding::range() const {
    std::vector<char> r(n_);
    for (std::uint32_t a = 0; a < n_; ++a) r[a] = solver_.value(x(a)) || solver_.value(d(a));
    return r;
}

}  // namespace agon::detail::ext
