// Extension labels of claim graphs whose attack-only reading has auxiliary
// arguments (undercuts flattened, supports read as deductive or necessary):
// only the graph's claims are asked about (semantics/extensions/acceptance.hpp),
// and the labels stay those of the flattening's every extension.
#include <doctest/doctest.h>

#include <random>
#include <string>

#include "agon/bipolar.hpp"
#include "agon/io.hpp"
#include "flat_oracle.hpp"
#include "semantics/extensions/acceptance.hpp"

using namespace agon;
using agon::detail::acceptance_labels;

namespace {

// Random claim graphs of 2 to 14 claims with attacks, supports, undercuts
// (of attacks, supports and undercuts) and self-attacks.
Graph random_graph(std::mt19937& rng) {
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

}  // namespace

TEST_CASE("stage and semi-stable labels of a deductive map with undercuts take a few questions per claim") {
    // 9 claims, 5 undercuts: 300 arguments once flattened, with over 3,000
    // stage extensions. Asking about every auxiliary argument too ran for
    // minutes; the deadline only turns such a regression into a failure.
    const Graph g = load_graph(std::string(AGON_SOURCE_DIR) + "/tests/unit/data/stage_deductive.json");
    const Snapshot s = Snapshot::of(g);
    const Snapshot flat = flatten(s, SupportMode::deductive);
    REQUIRE(flat.size() > 250);
    for (const char* name : {"stage", "semi-stable"}) {
        CAPTURE(std::string(name));
        Control control;
        control.set_timeout(60);
        const Result r = evaluate(s, {name, {{"support", "deductive"}}}, control);
        // Stage takes the question route (semi-stable has few enough
        // extensions to list): one extension to start, then at most a
        // credulous and a skeptical question per claim.
        CHECK((r.method == "sat questions") == (std::string(name) == "stage"));
        if (r.method == "sat questions") CHECK(r.iterations <= 1 + 2 * s.size());
        // Listing every extension as an oracle takes longer than the
        // deadline here: the random maps below check the labels.
        CHECK(r.labels.size() == s.size());
    }
}

TEST_CASE("range-maximal labels asked of the claims only equal a bit-mask enumeration of the flattening") {
    std::mt19937 rng(4242);
    int checked = 0, with_auxiliary = 0;
    const char* const supports[] = {"none", "deductive", "necessary"};
    for (int round = 0; round < 400; ++round) {
        const Snapshot s = Snapshot::of(random_graph(rng));
        for (const char* support : supports) {
            const Snapshot flat = flatten(s, *support_mode_from_string(support));
            if (flat.size() > 20) continue;
            CAPTURE(round);
            CAPTURE(support);
            const auto want = test::oracle(flat, s.size());
            for (std::size_t k = 0; k < std::size(test::kOracleSemantics); ++k) {
                const std::string name = test::kOracleSemantics[k];
                CAPTURE(name);
                const ExtensionSemantics sem = *extension_semantics_from_string(name);
                // Cap 1: the question route whenever there is an extension.
                CHECK(acceptance_labels(flat, s.size(), sem, name, 1, {}).labels == want[k]);
                CHECK(evaluate(s, {name, {{"support", support}}}).labels == want[k]);
            }
            ++checked;
            with_auxiliary += flat.size() > s.size();
        }
    }
    // Most maps checked, a good share of them with auxiliary arguments.
    CHECK(checked > 600);
    CHECK(with_auxiliary > 100);
    MESSAGE(checked << " flattenings checked, " << with_auxiliary << " with auxiliary arguments");
}
