// The guard that keeps curved edges off maps whose cycles would make
// Graphviz's curve placement run for minutes: its step count on small
// graphs worked out by hand, and the DOT a map gets on either side of it.
#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <functional>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include "agon/render.hpp"
#include "render/curve_cost.hpp"

using agon::detail::curves_affordable;

TEST_CASE("the cycle search's steps are counted as Graphviz walks them") {
    // a -> b -> c: from a 3 steps (a, b, c), from b 2, from c 1.
    CHECK(curves_affordable({{"a", "b"}, {"b", "c"}}, 6));
    CHECK_FALSE(curves_affordable({{"a", "b"}, {"b", "c"}}, 5));
    // a <-> b: from a: a, b, a again (on the path); the same from b.
    CHECK(curves_affordable({{"a", "b"}, {"b", "a"}}, 6));
    CHECK_FALSE(curves_affordable({{"a", "b"}, {"b", "a"}}, 5));
    CHECK(curves_affordable({}, 0));
}

namespace {
using Arcs = std::vector<std::pair<std::string, std::string>>;

// The steps of Graphviz's walk, path by path (the reference the count must
// equal): from every node, every simple path, a node already on it a step too.
std::uint64_t walked_steps(const Arcs& arcs, int n) {
    std::vector<std::vector<int>> out(static_cast<std::size_t>(n));
    for (const auto& [a, b] : arcs) out[std::stoul(a)].push_back(std::stoi(b));
    std::vector<char> on(static_cast<std::size_t>(n), 0);
    std::function<std::uint64_t(int)> below = [&](int v) {
        std::uint64_t s = 0;
        on[static_cast<std::size_t>(v)] = 1;
        for (const int w : out[static_cast<std::size_t>(v)]) s += 1 + (on[static_cast<std::size_t>(w)] ? 0 : below(w));
        on[static_cast<std::size_t>(v)] = 0;
        return s;
    };
    std::uint64_t steps = 0;
    for (int v = 0; v < n; ++v) steps += 1 + below(v);
    return steps;
}

// n nodes "0" .. "n-1" and m random arcs (self-loops and repeats too).
Arcs random_arcs(std::mt19937& rng, int n, int m) {
    Arcs arcs;
    for (int e = 0; e < m; ++e)
        arcs.emplace_back(std::to_string(rng() % static_cast<unsigned>(n)), std::to_string(rng() % static_cast<unsigned>(n)));
    return arcs;
}
}  // namespace

TEST_CASE("the count with acyclic parts counted once is the count of every path walked") {
    std::mt19937 rng(11);
    for (int t = 0; t < 400; ++t) {
        const int n = 1 + static_cast<int>(rng() % 10);
        const Arcs arcs = random_arcs(rng, n, 1 + static_cast<int>(rng() % 25));
        // Only nodes with an arc are in the graph: count those.
        std::vector<char> used(static_cast<std::size_t>(n), 0);
        for (const auto& [a, b] : arcs) used[std::stoul(a)] = used[std::stoul(b)] = 1;
        const std::uint64_t steps = walked_steps(arcs, n) - static_cast<std::uint64_t>(std::count(used.begin(), used.end(), 0));
        CHECK(curves_affordable(arcs, steps));
        CHECK_FALSE(curves_affordable(arcs, steps - 1));
    }
}

TEST_CASE("a map without cycles is judged without walking its paths one by one") {
    // 30 diamonds in a row: 2^30 paths from the first claim. Walking them one
    // by one ran to the budget, 2 million steps (about 23 ms a call, 2-core
    // machine); counted by component it takes microseconds.
    Arcs arcs;
    for (int i = 0; i < 30; ++i) {
        const std::string d = "d" + std::to_string(i), next = "d" + std::to_string(i + 1);
        for (const std::string& side : {"a" + std::to_string(i), "b" + std::to_string(i)}) {
            arcs.emplace_back(d, side);
            arcs.emplace_back(side, next);
        }
    }
    const auto t0 = std::chrono::steady_clock::now();
    for (int k = 0; k < 100; ++k) CHECK_FALSE(curves_affordable(arcs, agon::detail::kCurveBudget));
    CHECK(std::chrono::steady_clock::now() - t0 < std::chrono::seconds(1));
}

#ifdef AGON_HAVE_GRAPHVIZ
namespace {
// n claims and m random edges (a quarter supports), cyclic unless `forward`
// sends every edge to a later claim.
agon::Graph random_map(int n, int m, bool forward) {
    agon::Graph g;
    for (int i = 0; i < n; ++i) g.add_claim({.id = "c" + std::to_string(i)});
    std::mt19937 rng(3);
    std::uniform_int_distribution<int> pick(0, n - 1);
    for (int e = 0; e < m;) {
        int a = pick(rng), b = pick(rng);
        if (a == b) continue;
        if (forward && a > b) std::swap(a, b);
        g.add_edge({.kind = e % 4 == 0 ? agon::EdgeKind::support : agon::EdgeKind::attack, .from = "c" + std::to_string(a),
                    .to = "c" + std::to_string(b)});
        ++e;
    }
    return g;
}

// The DOT's splines=; with every claim pinned where the workbench keeps it
// when `pinned`.
std::string splines(const agon::Graph& g, bool pinned = false) {
    agon::RenderOptions o;
    o.format = "dot";
    if (pinned)
        for (std::size_t i = 0; i < g.claims().size(); ++i)
            o.positions[g.claims()[i].id] = {200.0 * static_cast<double>(i % 10), 100.0 * static_cast<double>(i / 10)};
    const std::string dot = agon::render(g, o);
    const auto at = dot.find("splines=");
    return dot.substr(at + 8, dot.find_first_of(",]", at) - at - 8);
}
}  // namespace

TEST_CASE("large maps with many cycles get straight edges, others curved ones") {
    // 160 claims and 320 random edges: hundreds of millions of paths (sfdp
    // with curved edges ran past a minute); the same edges sent forwards: few.
    CHECK(splines(random_map(160, 320, true)) == "curved");
    CHECK(splines(random_map(160, 320, false)) == "line");
    // Small maps are laid out by dot, which routes every edge.
    CHECK(splines(random_map(40, 80, false)) == "true");
}
#endif

#ifdef AGON_HAVE_GRAPHVIZ
TEST_CASE("pinned maps route edges around claims only while that stays cheap") {
    // Routing between 140 pinned claims took 7.9 s, in the workbench's own
    // process; 30 took 0.17 s.
    CHECK(splines(random_map(30, 40, true), true) == "true");
    CHECK(splines(random_map(140, 140, true), true) == "curved");
    CHECK(splines(random_map(160, 320, false), true) == "line");
}
#endif
