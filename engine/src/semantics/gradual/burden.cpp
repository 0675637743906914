// Burden-based ranking (Amgoud & Ben-Naim 2013): Bur_0 = 1,
// Bur_i(a) = 1 + sum over attack edges of 1 / Bur_{i-1}(attacker).
#include <algorithm>
#include <cmath>

#include "semantics/registry.hpp"

namespace agon::detail {

namespace {

// Bur_0 .. Bur_depth for every claim, row i holding step i.
std::vector<std::vector<double>> burden_steps(const Snapshot& s, std::int64_t depth, const Control& control) {
    const std::uint32_t n = s.size();
    std::vector<std::vector<double>> steps(static_cast<std::size_t>(depth) + 1, std::vector<double>(n, 1.0));
    for (std::size_t i = 1; i < steps.size(); ++i) {
        control.check();
        for (std::uint32_t v = 0; v < n; ++v) {
            double b = 1.0;
            for (std::uint32_t a : s.attackers().neighbours(v)) b += 1.0 / steps[i - 1][a];
            steps[i][v] = b;
        }
    }
    return steps;
}

}  // namespace

Result burden(const Snapshot& s, const Request& req, const Control& control) {
    req.only({"depth"});
    const auto depth = req.integer("depth", 10, 0, 10000);
    auto steps = burden_steps(s, depth, control);
    Result r;
    r.method = "burden";
    r.iterations = static_cast<std::uint64_t>(depth);
    r.strength = std::move(steps.back());
    return r;
}

Result burden_rank(const Snapshot& s, const Request& req, const Control& control) {
    req.only({"depth"});
    const auto depth = req.integer("depth", 10, 0, 10000);
    auto steps = burden_steps(s, depth, control);
    const std::uint32_t n = s.size();
    // Lexicographic comparison of (Bur_0, ..., Bur_depth); smaller is better;
    // values within 1e-9 are equal.
    auto cmp = [&](std::uint32_t a, std::uint32_t b) {
        for (const auto& row : steps)
            if (std::abs(row[a] - row[b]) > 1e-9) return row[a] < row[b] ? -1 : 1;
        return 0;
    };
    std::vector<std::uint32_t> order(n);
    for (std::uint32_t v = 0; v < n; ++v) order[v] = v;
    std::stable_sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) { return cmp(a, b) < 0; });
    Result r;
    r.method = "burden";
    r.iterations = static_cast<std::uint64_t>(depth);
    r.strength.assign(n, 0);
    double rank = 0;
    for (std::size_t i = 0; i < n; ++i) {
        if (i == 0 || cmp(order[i - 1], order[i]) != 0) rank += 1;
        r.strength[order[i]] = rank;
    }
    return r;
}

}  // namespace agon::detail
