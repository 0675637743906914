// Burden-based ranking (Amgoud & Ben-Naim 2013, SUM, "Ranking-based semantics
// for argumentation frameworks"): Bur_0 = 1, Bur_i(a) = 1 + sum over attack
// edges of 1 / Bur_{i-1}(attacker). Claims are ranked by comparing the
// sequences (Bur_0, ..., Bur_depth) lexicographically, smaller is better.
// Both run in O(depth * (n + m)) time (the ranking adds a sort per step) and
// O(n) memory: only the last two steps are kept.
#include <algorithm>
#include <cmath>
#include <numeric>

#include "semantics/registry.hpp"

namespace agon::detail {

namespace {

// Values closer than this are equal when ranking (docs/semantics.md §2.9).
constexpr double tie = 1e-9;

// Bur_i from Bur_{i-1}.
void burden_step(const Snapshot& s, const std::vector<double>& prev, std::vector<double>& next) {
    const Adjacency& att = s.attackers();
    for (std::uint32_t v = 0; v < s.size(); ++v) {
        double b = 1.0;
        for (std::uint32_t i = att.offsets[v]; i < att.offsets[v + 1]; ++i) b += 1.0 / prev[att.nodes[i]];
        next[v] = b;
    }
}

std::int64_t depth_of(const Request& req) {
    req.only({"depth"});
    return req.integer("depth", 10, 0, 10000);
}

}  // namespace

Result burden(const Snapshot& s, const Request& req, const Control& control) {
    const auto depth = depth_of(req);
    std::vector<double> cur(s.size(), 1.0), next(s.size());
    for (std::int64_t i = 0; i < depth; ++i) {
        control.check();
        burden_step(s, cur, next);
        cur.swap(next);
    }
    Result r;
    r.method = "burden";
    r.iterations = static_cast<std::uint64_t>(depth);
    r.strength = std::move(cur);
    return r;
}

Result burden_rank(const Snapshot& s, const Request& req, const Control& control) {
    const auto depth = depth_of(req);
    const std::uint32_t n = s.size();
    // Refine a partition step by step: after step i, claims share a class iff
    // their sequences agree (within `tie`) up to Bur_i, and classes are numbered
    // in lexicographic order. Bur_0 = 1 everywhere: one class.
    std::vector<std::uint32_t> cls(n, 0), order(n), fresh(n);
    std::iota(order.begin(), order.end(), 0u);
    std::vector<double> cur(n, 1.0), next(n);
    for (std::int64_t i = 0; i < depth; ++i) {
        control.check();
        burden_step(s, cur, next);
        cur.swap(next);
        std::stable_sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
            return cls[a] != cls[b] ? cls[a] < cls[b] : cur[a] < cur[b];
        });
        std::uint32_t c = 0;
        for (std::uint32_t k = 0; k < n; ++k) {
            const std::uint32_t v = order[k], u = k ? order[k - 1] : v;
            if (k && (cls[u] != cls[v] || cur[v] - cur[u] > tie)) ++c;
            fresh[v] = c;
        }
        cls.swap(fresh);
    }
    Result r;
    r.method = "burden";
    r.iterations = static_cast<std::uint64_t>(depth);
    r.strength.resize(n);
    for (std::uint32_t v = 0; v < n; ++v) r.strength[v] = cls[v] + 1.0;  // dense rank, 1 = best
    return r;
}

}  // namespace agon::detail
