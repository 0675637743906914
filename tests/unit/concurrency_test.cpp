// Several threads at once (run under the tsan preset for data races):
// separate graphs are independent, one graph and one snapshot are safe for
// concurrent reads, and rendering serialises internally. Each thread checks
// its answers against those computed before the threads start.
#include <doctest/doctest.h>

#include <atomic>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "agon/render.hpp"
#include "agon/scenario.hpp"
#include "agon/semantics.hpp"

using namespace agon;

namespace {

// A chain c0 <- c1 <- ... with a support from every third claim: grounded
// alternates in/out along the chain.
Graph chain(int n, const std::string& prefix) {
    Graph g;
    for (int i = 0; i < n; ++i) g.add_claim({.id = prefix + std::to_string(i), .text = "claim " + std::to_string(i)});
    for (int i = 1; i < n; ++i) {
        const std::string from = prefix + std::to_string(i), to = prefix + std::to_string(i - 1);
        g.add_edge({.kind = i % 3 == 0 ? EdgeKind::support : EdgeKind::attack, .from = from, .to = to});
    }
    return g;
}

constexpr int kThreads = 4;
constexpr const char* kSemantics[] = {"grounded", "preferred", "stable", "dfquad", "hcat"};

}  // namespace

TEST_CASE("one shared snapshot evaluated from several threads gives the same answers") {
    const Graph g = chain(300, "c");
    const Snapshot s = Snapshot::of(g);
    std::vector<Result> expected;
    for (const char* sem : kSemantics) expected.push_back(evaluate(s, Request{sem, {}}));
    std::atomic<int> mismatches{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t)
        threads.emplace_back([&] {
            for (int round = 0; round < 5; ++round)
                for (std::size_t k = 0; k < std::size(kSemantics); ++k) {
                    const Result r = evaluate(s, Request{kSemantics[k], {}});
                    if (r.labels != expected[k].labels || r.strength != expected[k].strength) ++mismatches;
                }
        });
    for (auto& th : threads) th.join();
    CHECK(mismatches == 0);
}

TEST_CASE("scenarios over one shared base graph evaluate in parallel, and lookups race-free") {
    auto base = std::make_shared<const Graph>(chain(200, "s"));
    const Snapshot shared = Snapshot::of(*base);
    std::atomic<int> mismatches{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t)
        threads.emplace_back([&, t] {
            // The snapshot's id index is built on first use by whichever thread asks first.
            if (shared.index_of("s" + std::to_string(t)) != static_cast<std::uint32_t>(t)) ++mismatches;
            for (int k = 1; k < 30; k += 2) {
                Scenario s(base, "drop " + std::to_string(k));
                s.remove_claim("s" + std::to_string(k));
                const Result r = evaluate(s, Request{"grounded", {}});
                // Dropping an attacker reinstates the claim it attacked.
                if (r.labels[static_cast<std::size_t>(k - 1)] != Label::in) ++mismatches;
            }
        });
    for (auto& th : threads) th.join();
    CHECK(mismatches == 0);
}

TEST_CASE("separate graphs built, changed and evaluated in parallel are independent") {
    // Thread t builds its own graph, drops claim 2 in a scenario, and evaluates
    // both; the answers must be those of the same work done alone.
    auto work = [](int t) {
        const std::string prefix = "t" + std::to_string(t) + "_";
        auto g = std::make_shared<const Graph>(chain(50 + t, prefix));
        Scenario what_if(g, "without claim 2");
        what_if.remove_claim(prefix + "2");
        return std::make_pair(evaluate(Snapshot::of(*g), Request{"preferred", {}}).labels,
                              evaluate(what_if, Request{"grounded", {}}).labels);
    };
    std::vector<std::pair<std::vector<Label>, std::vector<Label>>> expected;
    for (int t = 0; t < kThreads; ++t) expected.push_back(work(t));
    // Claim 2 is unattacked (claim 3 only supports it), so claim 1 is out and
    // claim 0 in; without claim 2, claim 1 is in and claim 0 out.
    CHECK(expected[0].first[0] == Label::in);
    CHECK(expected[0].second[0] == Label::out);
    std::atomic<int> mismatches{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t)
        threads.emplace_back([&, t] {
            for (int round = 0; round < 20; ++round)
                if (work(t) != expected[static_cast<std::size_t>(t)]) ++mismatches;
        });
    for (auto& th : threads) th.join();
    CHECK(mismatches == 0);
}

#ifdef AGON_HAVE_GRAPHVIZ
TEST_CASE("rendering from several threads gives the same map as rendering alone") {
    const Graph g = chain(40, "m");
    const Result r = evaluate(Snapshot::of(g), Request{"grounded", {}});
    RenderOptions o;
    o.result = &r;
    o.layout = "dot";
    const std::string alone = render(g, o);
    std::atomic<int> mismatches{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t)
        threads.emplace_back([&] {
            for (int round = 0; round < 3; ++round)
                if (render(g, o) != alone) ++mismatches;
        });
    for (auto& th : threads) th.join();
    CHECK(mismatches == 0);
}
#endif
