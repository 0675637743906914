// agon_bench_incremental - one-change what-if re-evaluations per second with
// grounded semantics: the incremental session (labelling repaired below the
// change) against a scenario overlay evaluated from scratch, on the scenario
// benchmark's 1,000-claim graph (same generator and seed as bench_main.cpp)
// and on a 1M-claim graph. Each what-if removes one claim, evaluates, and
// puts the claim back with its attacks (the next evaluation repairs that too).
#include <chrono>
#include <cstdio>
#include <random>
#include <vector>

#include "agon/scenario.hpp"
#include "agon/session.hpp"

using namespace agon;
using Clock = std::chrono::steady_clock;

static double since(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }

struct Edges {
    std::vector<std::pair<std::uint32_t, std::uint32_t>> attacks;  // 1-based ids
};

static void run(std::uint32_t n, std::size_t m, unsigned seed, int rounds, int scratch_rounds) {
    auto g = std::make_shared<Graph>();
    std::mt19937 rng(seed);
    for (std::uint32_t i = 0; i < n; ++i) g->add_claim({.id = "c" + std::to_string(i)});
    std::uniform_int_distribution<std::uint32_t> pick(0, n - 1);
    Session session(ExtensionSemantics::grounded);
    for (std::uint32_t i = 1; i <= n; ++i) session.add_argument(i);
    std::vector<std::vector<std::uint32_t>> out(n + 1), in(n + 1);
    for (std::size_t e = 0; e < m; ++e) {
        const std::uint32_t a = pick(rng), b = pick(rng);
        const bool support = e % 4 == 0;
        g->add_edge({.kind = support ? EdgeKind::support : EdgeKind::attack, .from = "c" + std::to_string(a),
                     .to = "c" + std::to_string(b)});
        if (support || session.has_attack(a + 1, b + 1)) continue;
        session.add_attack(a + 1, b + 1);
        out[a + 1].push_back(b + 1);
        in[b + 1].push_back(a + 1);
    }
    std::size_t count = session.grounded_label(1) == Label::in;  // first full labelling
    auto t = Clock::now();
    for (int i = 0; i < rounds; ++i) {
        const std::uint32_t c = 1 + static_cast<std::uint32_t>(i) % n;
        session.remove_argument(c);
        count += session.grounded_label(c == 1 ? 2 : 1) == Label::in;
        session.add_argument(c);
        for (std::uint32_t b : out[c]) session.add_attack(c, b);
        for (std::uint32_t a : in[c])
            if (a != c) session.add_attack(a, c);
    }
    const double incremental = rounds / since(t);
    const double relabelled = double(session.stats().relabelled) / (rounds + 1);
    const Scenario base(g, "baseline");
    const Request grounded{"grounded", {}};
    t = Clock::now();
    for (int i = 0; i < scratch_rounds; ++i) {
        Scenario s = base.derive("what-if");
        s.remove_claim("c" + std::to_string(static_cast<std::uint32_t>(i) % n));
        count += evaluate(s, grounded).labels[0] == Label::in;
    }
    const double scratch = scratch_rounds / since(t);
    std::printf("%u claims, %zu edges: incremental %10.0f what-ifs/s   scenario from scratch %10.1f what-ifs/s   "
                "ratio %8.1f   (%.0f arguments relabelled per what-if)%s\n",
                n, m, incremental, scratch, incremental / scratch, relabelled, count ? "" : " ");
}

int main() {
    std::printf("### Incremental grounded re-evaluation (one claim removed per what-if)\n");
    run(1000, 3000, 7, 200000, 20000);
    std::fflush(stdout);
    run(1'000'000, 3'000'000, 7, 2000, 5);
    return 0;
}
