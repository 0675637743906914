// Test helper: random claim graphs whose attack-only reading has auxiliary
// arguments - undercuts (of attacks, supports and undercuts) flattened,
// supports read as deductive or necessary - and self-attacks.
#pragma once

#include <random>
#include <string>

#include "agon/graph.hpp"

namespace agon::test {

// 2 to 14 claims, as many edges as claims up to twice as many.
inline Graph random_claim_graph(std::mt19937& rng) {
    const int n = 2 + static_cast<int>(rng() % 13);
    const int m = n + static_cast<int>(rng() % (n + 1));
    Graph g;
    for (int i = 0; i < n; ++i) g.add_claim({.id = "c" + std::to_string(i)});
    auto claim = [&] { return "c" + std::to_string(rng() % n); };
    for (int e = 0; e < m; ++e) {
        const int kind = static_cast<int>(rng() % 10);
        if (kind < 2 && !g.edges().empty())
            g.add_edge({.kind = EdgeKind::undercut, .from = claim(), .to = g.edges()[rng() % g.edges().size()].id});
        else
            g.add_edge({.kind = kind < 5 ? EdgeKind::support : EdgeKind::attack, .from = claim(), .to = claim()});
    }
    return g;
}

}  // namespace agon::test
