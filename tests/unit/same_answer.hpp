// Test helpers: random claim graphs, whether an incremental evaluation did
// its work incrementally, and whether two results give the same answer - the same claims in the same order, the same labels, strengths
// within a tolerance (incremental gradual answers stop within epsilon of the
// fixpoint, incremental.hpp).
#pragma once

#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <memory>
#include <random>
#include <string>

#include "agon/graph.hpp"
#include "agon/incremental.hpp"
#include "agon/semantics.hpp"

namespace agon::test {

inline void check_same_answer(const Result& got, const Result& want, double tolerance = 1e-6) {
    REQUIRE(got.ids.size() == want.ids.size());
    for (std::uint32_t i = 0; i < want.ids.size(); ++i) REQUIRE(got.ids[i] == want.ids[i]);
    CHECK(got.labels == want.labels);
    REQUIRE(got.strength.size() == want.strength.size());
    double worst = 0;
    for (std::size_t i = 0; i < want.strength.size(); ++i) worst = std::max(worst, std::abs(got.strength[i] - want.strength[i]));
    CHECK(worst <= tolerance);
}

/// `live` did its work incrementally: at most one question in `ratio` (plus
/// a few) was answered from scratch.
inline void check_mostly_incremental(const IncrementalEvaluation& live, std::uint64_t ratio) {
    if (!live.incremental()) return;
    CAPTURE(live.request().semantics);
    CHECK(live.stats().from_scratch * ratio <= live.stats().questions + ratio);
}

/// A random claim graph of n claims "c0".. and m edges: attacks, supports
/// and a tenth undercuts, random bases and weights.
inline std::shared_ptr<Graph> random_claim_graph(std::mt19937& rng, int n, int m) {
    auto g = std::make_shared<Graph>();
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    for (int i = 0; i < n; ++i) g->add_claim({.id = "c" + std::to_string(i), .base = unit(rng)});
    std::uniform_int_distribution<int> pick(0, n - 1);
    for (int e = 0; e < m; ++e) {
        const int kind = std::uniform_int_distribution<int>(0, 9)(rng);
        if (kind == 0 && !g->edges().empty()) {
            const auto& target = g->edges()[std::uniform_int_distribution<std::size_t>(0, g->edges().size() - 1)(rng)];
            g->add_edge({.kind = EdgeKind::undercut, .from = "c" + std::to_string(pick(rng)), .to = target.id, .weight = unit(rng)});
        } else {
            g->add_edge({.kind = kind < 4 ? EdgeKind::support : EdgeKind::attack, .from = "c" + std::to_string(pick(rng)),
                         .to = "c" + std::to_string(pick(rng)), .weight = unit(rng)});
        }
    }
    return g;
}

}  // namespace agon::test
