// evaluate's extension labels past its enumeration cap
// (semantics/extensions/acceptance.hpp): the labels from acceptance
// questions are those of full enumeration; the cap is forced low here so
// that small graphs take the question route.
#include <doctest/doctest.h>

#include <algorithm>

#include <random>
#include <string>
#include <utility>

#include "agon/bipolar.hpp"
#include "agon/extensions.hpp"
#include "agon/framework.hpp"
#include "agon/semantics.hpp"
#include "agon/snapshot.hpp"
#include "brute_force.hpp"
#include "same_answer.hpp"
#include "semantics/extensions/acceptance.hpp"

using namespace agon;
using agon::detail::acceptance_labels;

namespace {

const std::pair<ExtensionSemantics, const char*> kLabelled[] = {
    {ExtensionSemantics::complete, "complete"},       {ExtensionSemantics::preferred, "preferred"},
    {ExtensionSemantics::stable, "stable"},           {ExtensionSemantics::semi_stable, "semi-stable"},
    {ExtensionSemantics::stage, "stage"},             {ExtensionSemantics::ideal, "ideal"}};

// Past this many extensions enumerating them all is no oracle: a random
// claim graph's flattening can have more stage extensions than can be
// listed in minutes (seeds shifted by 31 and 32).
constexpr std::uint64_t kOracleLimit = 2000;

// Every semantics with the cap at 1 and 2 (questions) against no cap (every
// extension), where there are few enough to list; counts the answers that
// took the question route.
void check_capped(const Snapshot& s, int& questioned) {
    for (auto [sem, name] : kLabelled) {
        CAPTURE(name);
        if (enumerate(s, sem, kOracleLimit, {}) == kOracleLimit) continue;
        const Result all = acceptance_labels(s, s.size(), sem, name, 0, {});
        CHECK(all.method == "sat");
        for (std::uint64_t cap : {1, 2}) {
            const Result capped = acceptance_labels(s, s.size(), sem, name, cap, {});
            CHECK(capped.labels == all.labels);
            CHECK(capped.warnings == all.warnings);
            questioned += capped.method == "sat questions";
        }
    }
}

}  // namespace

TEST_CASE("labels past the enumeration cap are those of full enumeration: claim graphs under every support mode") {
    std::mt19937 rng(2027);
    int questioned = 0;
    for (int round = 0; round < 40; ++round) {
        CAPTURE(round);
        const auto graph = test::random_claim_graph(rng, 5 + round % 9, 8 + round % 23);
        const Snapshot snap = Snapshot::of(*graph);
        for (auto [mode, mode_name] : {std::pair{SupportMode::none, "none"},
                                       {SupportMode::deductive, "deductive"},
                                       {SupportMode::necessary, "necessary"}}) {
            CAPTURE(mode_name);
            const AttackView view(snap, mode);
            check_capped(view.snapshot(), questioned);
        }
    }
    CHECK(questioned > 40 * 3 * 5);
}

TEST_CASE("labels past the enumeration cap are those of full enumeration: random frameworks") {
    std::mt19937 rng(2028);
    int questioned = 0;
    for (int round = 0; round < 120; ++round) {
        CAPTURE(round);
        const auto n = static_cast<std::uint32_t>(2 + round % 13);
        check_capped(test::random_af(rng, n, 0.08 + 0.04 * (round % 6)), questioned);
    }
    CHECK(questioned > 120 * 5);
}

TEST_CASE("evaluate labels 2^20 extensions within seconds (by questions past the cap)") {
    // 20 pairs of arguments attacking each other (2^20 stable, preferred,
    // semi-stable and stage extensions, 3^20 complete ones), and x attacking
    // a0: a0 out, b0 in, the rest undecided; the ideal extension {x, b0}.
    Framework af;
    af.size = 41;
    for (std::uint32_t i = 0; i < 20; ++i) {
        af.attacks.emplace_back(2 * i, 2 * i + 1);
        af.attacks.emplace_back(2 * i + 1, 2 * i);
    }
    af.attacks.emplace_back(40, 0);
    const Snapshot s = Snapshot::of(af);
    for (auto [sem, name] : kLabelled) {
        CAPTURE(name);
        // Labels by questions report their progress: rising, ending at 1.
        std::vector<double> progress;
        Control control;
        control.progress = [&](std::string_view stage, double fraction) {
            CHECK(stage == "labels by acceptance questions");
            progress.push_back(fraction);
        };
        const Result r = evaluate(s, {name, {}}, control);
        CHECK(r.method == (sem == ExtensionSemantics::ideal ? "sat" : "sat questions"));
        if (sem != ExtensionSemantics::ideal) {
            REQUIRE(!progress.empty());
            if (sem == ExtensionSemantics::preferred) CHECK(progress.size() >= 3);  // a pair or so a question
            CHECK(std::is_sorted(progress.begin(), progress.end()));
            CHECK(progress.front() > 0);
            CHECK(progress.back() == 1.0);
            CHECK(std::count(progress.begin(), progress.end(), 1.0) == 1);
        }
        CHECK(r.labels[40] == Label::in);
        CHECK(r.labels[0] == Label::out);
        CHECK(r.labels[1] == Label::in);
        for (std::uint32_t v = 2; v < 40; ++v)
            CHECK(r.labels[v] == (sem == ExtensionSemantics::ideal ? Label::out : Label::undec));
    }
}
