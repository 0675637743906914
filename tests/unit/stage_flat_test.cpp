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
#include "random_claim_graph.hpp"
#include "semantics/extensions/acceptance.hpp"

using namespace agon;
using agon::detail::acceptance_labels;

TEST_CASE("stage and semi-stable labels of a deductive map with undercuts agree by listing and by questions") {
    // 9 claims, 5 undercuts: 300 arguments once flattened, with over 3,000
    // stage extensions but two sets of claims among them, so evaluate lists
    // those (projections_test.cpp). Asking about every auxiliary argument too
    // ran for minutes; the deadline only turns such a regression into a failure.
    const Graph g = load_graph(std::string(AGON_SOURCE_DIR) + "/tests/unit/data/stage_deductive.json");
    const Snapshot s = Snapshot::of(g);
    const Snapshot flat = flatten(s, SupportMode::deductive);
    REQUIRE(flat.size() > 250);
    for (const char* name : {"stage", "semi-stable"}) {
        CAPTURE(std::string(name));
        Control control;
        control.set_timeout(60);
        const Result listed = evaluate(s, {name, {{"support", "deductive"}}}, control);
        CHECK(listed.method == "sat");
        // Cap 1: one extension to start, then at most a credulous and a
        // skeptical question per claim.
        const ExtensionSemantics sem = *extension_semantics_from_string(name);
        const Result asked = acceptance_labels(flat, s.size(), sem, name, 1, control);
        CHECK(asked.method == "sat questions");
        CHECK(asked.iterations <= 1 + 2 * s.size());
        CHECK(listed.labels == asked.labels);
    }
}

TEST_CASE("range-maximal labels asked of the claims only equal a bit-mask enumeration of the flattening") {
    std::mt19937 rng(4242);
    int checked = 0, with_auxiliary = 0;
    const char* const supports[] = {"none", "deductive", "necessary"};
    for (int round = 0; round < 400; ++round) {
        const Snapshot s = Snapshot::of(test::random_claim_graph(rng));
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
