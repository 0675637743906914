// ExtensionAnswer under stable and GroundedAnswer, driven directly through a
// LiveGraph by long random sequences of every kind of change, compared with
// evaluation from scratch after every update: claims switched off and on
// again under the same id, added and isolated; attacks (self-attacks among
// them), supports and undercuts (of attacks, supports and undercuts) added
// and deleted; several changes in one update; a change followed by its
// exact undo; updates stopped by their Control (in the session's questions:
// these graphs are too small for the mirror's sync to poll); and sequences
// that start with every claim off.
#include <doctest/doctest.h>

#include <algorithm>
#include <functional>
#include <random>
#include <string>
#include <vector>

#include "agon/error.hpp"
#include "agon/graph.hpp"
#include "agon/semantics.hpp"
#include "agon/snapshot.hpp"
#include "incremental/extension_answer.hpp"
#include "incremental/grounded_answer.hpp"
#include "incremental/live_graph.hpp"
#include "same_answer.hpp"

using namespace agon;
using agon::detail::incremental::ExtensionAnswer;
using agon::detail::incremental::GroundedAnswer;
using agon::detail::incremental::LiveGraph;

namespace {

// A random graph's changes, each with its exact undo where one exists.
struct Changer {
    std::mt19937& rng;
    LiveGraph& g;
    int fresh = 0;

    std::uint32_t any(std::uint32_t n) { return std::uniform_int_distribution<std::uint32_t>(0, n - 1)(rng); }
    std::uint32_t claim() { return any(g.claim_slots()); }

    // One change; `undo` is set to its inverse when it has one.
    void change(std::function<void()>& undo) {
        undo = nullptr;
        const std::uint32_t v = claim();
        switch (any(9)) {
            case 0:
            case 1:  // off, or on again as a new claim of the same id
                if (g.alive(v)) {
                    g.switch_off(v);
                    undo = [this, v] { g.switch_on(v, 0.5, ClaimKind::statement, {}); };
                } else {
                    g.switch_on(v, 0.5, ClaimKind::statement, {});
                    undo = [this, v] { g.switch_off(v); };
                }
                break;
            case 2:
                if (any(4) == 0) g.add_claim("n" + std::to_string(fresh++), 0.5, ClaimKind::statement, {});
                else {
                    const bool cut = !g.isolated(v);
                    g.isolate(v, cut);
                    undo = [this, v, cut] { g.isolate(v, !cut); };
                }
                break;
            case 3:
            case 4: {  // an attack, a self-attack now and then
                const std::uint32_t w = any(12) == 0 ? v : claim();
                g.add_edge("x" + std::to_string(fresh++), EdgeKind::attack, v, w, 1.0);
                break;
            }
            case 5:
                g.add_edge("x" + std::to_string(fresh++), EdgeKind::support, v, claim(), 1.0);
                break;
            case 6: {  // an undercut of any kind of edge, undercuts included
                if (g.edge_slots() == 0) break;
                const std::uint32_t e = any(g.edge_slots());
                if (!g.deleted(e)) g.add_edge("x" + std::to_string(fresh++), EdgeKind::undercut, v, e, 1.0);
                break;
            }
            default: {
                if (g.edge_slots() == 0) break;
                const std::uint32_t e = any(g.edge_slots());
                if (!g.deleted(e)) g.delete_edge(e);
            }
        }
    }
};

std::vector<std::uint32_t> alive_claims(const LiveGraph& g) {
    std::vector<std::uint32_t> alive;
    for (std::uint32_t v = 0; v < g.claim_slots(); ++v)
        if (g.alive(v)) alive.push_back(v);
    return alive;
}

const char* name(SupportMode mode) {
    switch (mode) {
        case SupportMode::none: return "none";
        case SupportMode::deductive: return "deductive";
        case SupportMode::necessary: return "necessary";
        default: return "evidential";
    }
}

// Counts of what the sequences met, so the test shows it covered them.
struct Met {
    int compared = 0, no_stable = 0, some_stable = 0, undec = 0, stopped = 0, undone = 0;
};

// Every answer equals from scratch on `g` now.
void check(const LiveGraph& g, const std::vector<ExtensionAnswer>& stable, const std::vector<GroundedAnswer>& grounded,
           const std::vector<SupportMode>& modes, Met& met) {
    const std::vector<std::uint32_t> alive = alive_claims(g);
    const Snapshot now = g.snapshot(alive);
    for (std::size_t i = 0; i < modes.size(); ++i) {
        const std::string mode_name = name(modes[i]);
        CAPTURE(mode_name);
        if (i < stable.size()) {
            const Result want = evaluate(now, {"stable", {{"support", name(modes[i])}}});
            for (std::size_t k = 0; k < alive.size(); ++k) {
                CAPTURE(k);
                CHECK(stable[i].label(alive[k]) == want.labels[k]);
            }
            CHECK(stable[i].has_extension() == want.warnings.empty());
            (want.warnings.empty() ? met.some_stable : met.no_stable)++;
            met.undec += std::count(want.labels.begin(), want.labels.end(), Label::undec) > 0;
            ++met.compared;
        }
        const Result want = evaluate(now, {"grounded", {{"support", name(modes[i])}}});
        for (std::size_t k = 0; k < alive.size(); ++k) {
            CAPTURE(k);
            CHECK(grounded[i].label(alive[k]) == want.labels[k]);
        }
    }
}

// A Control that stops at poll number `after` + 1.
Control stop_after(int& polls, int after) {
    Control stop;
    stop.should_stop = [&polls, after] { return ++polls > after; };
    return stop;
}

// `dead`: every claim off at the first update (the mirrors start with no
// argument and build afresh until one comes).
void run(std::uint32_t seed, int n, int m, int steps, bool dead, Met& met) {
    std::mt19937 rng(seed);
    const auto graph = test::random_claim_graph(rng, n, m);
    const Snapshot snapshot = Snapshot::of(*graph);
    LiveGraph g(snapshot);
    for (std::uint32_t v = 0; dead && v < g.claim_slots(); ++v) g.switch_off(v);
    const std::vector<SupportMode> modes = {SupportMode::none, SupportMode::deductive, SupportMode::necessary,
                                            SupportMode::evidential};
    std::vector<ExtensionAnswer> stable;
    std::vector<GroundedAnswer> grounded;
    for (SupportMode mode : modes) {
        if (mode != SupportMode::evidential) stable.emplace_back(ExtensionSemantics::stable, mode);
        grounded.emplace_back(mode);
    }
    Changer changer{rng, g};
    LiveGraph::Changes changes;
    std::function<void()> undo;
    auto update_all = [&](const Control& control) {
        g.take_changes(changes);
        int threw = 0;
        for (auto& a : stable) try {
                a.update(g, changes, control);
            } catch (const Error&) {
                ++threw;
            }
        for (auto& a : grounded) try {
                a.update(g, changes, control);
            } catch (const Error&) {
                ++threw;
            }
        return threw;
    };
    for (int step = 0; step <= steps; ++step) {
        CAPTURE(seed);
        CAPTURE(step);
        const int kind = step == 0 ? -1 : changer.any(10);
        if (kind == 0 && undo) {
            undo();  // the last change's exact undo
            ++met.undone;
            undo = nullptr;
        } else if (kind == 1) {
            for (std::uint32_t k = 0, many = 2 + changer.any(4); k < many; ++k) changer.change(undo);
            undo = nullptr;
        } else if (kind == 2) {
            // Stopped at some poll of the update (each answer polls on its own
            // count), then the same graph asked again with no change.
            changer.change(undo);
            undo = nullptr;
            int polls = 0;
            met.stopped += update_all(stop_after(polls, static_cast<int>(changer.any(6)))) > 0;
        } else if (kind > 0) {
            changer.change(undo);
        }
        update_all({});
        check(g, stable, grounded, modes, met);
    }
}

}  // namespace

TEST_CASE("stable and grounded re-evaluation equal from scratch under long random sequences of every kind of change") {
    Met met;
    for (std::uint32_t round = 0; round < 16; ++round) {
        const int n = 8 + static_cast<int>(round);
        run(7000 + round, n, round % 2 ? 2 * n : n, 300, round % 4 == 3, met);
    }
    CHECK(met.no_stable > 100);
    CHECK(met.some_stable > 100);
    CHECK(met.undec > 200);
    CHECK(met.stopped > 10);
    CHECK(met.undone > 20);
    MESSAGE(met.compared << " stable answers compared (" << met.no_stable << " without an extension), " << met.stopped
                         << " updates stopped, " << met.undone << " changes undone");
}

TEST_CASE("evidential grounded re-evaluation: a claim put out that both attacks and supports an undecided one counts once for each") {
    // s attacks and supports t, which has another supporter (p, prima facie)
    // and an attacker it attacks back (a): t is undecided. A support added
    // into b makes it a suspect; relabelled, b puts s out again, and t,
    // first counted then, learnt of s twice as a supporter out and went out.
    auto graph = std::make_shared<Graph>();
    for (const char* id : {"a", "b", "p", "s", "t"}) graph->add_claim({.id = id});
    auto edge = [&](EdgeKind kind, const char* from, const char* to) {
        graph->add_edge({.kind = kind, .from = from, .to = to});
    };
    edge(EdgeKind::attack, "a", "t");
    edge(EdgeKind::attack, "t", "a");
    edge(EdgeKind::attack, "s", "t");
    edge(EdgeKind::support, "s", "t");
    edge(EdgeKind::support, "p", "t");
    edge(EdgeKind::attack, "b", "s");
    edge(EdgeKind::support, "p", "b");
    const Snapshot snapshot = Snapshot::of(*graph);
    LiveGraph g(snapshot);
    GroundedAnswer answer(SupportMode::evidential);
    LiveGraph::Changes changes;
    g.take_changes(changes);
    answer.update(g, changes, {});
    g.add_edge("ab", EdgeKind::support, 0, 1, 1.0);
    g.take_changes(changes);
    answer.update(g, changes, {});
    const Result want = evaluate(g.snapshot(alive_claims(g)), {"grounded", {{"support", "evidential"}}});
    REQUIRE(want.labels[4] == Label::undec);
    for (std::uint32_t v = 0; v < 5; ++v) CHECK(answer.label(v) == want.labels[v]);
}
