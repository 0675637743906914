// IncrementalEvaluation against evaluate() from scratch after every change of
// long random change sequences (claims switched off and on, added; attacks,
// supports and undercuts added and removed; base scores and weights changed),
// for every gradual semantics, grounded under every support mode, and
// semantics that fall back to from scratch; on random claim graphs and on public ICCMA frameworks.
#include <doctest/doctest.h>

#include <cmath>
#include <functional>
#include <limits>
#include <numeric>
#include <random>

#include "agon/editor.hpp"
#include "agon/error.hpp"
#include "agon/explain.hpp"
#include "agon/framework.hpp"
#include "agon/incremental.hpp"
#include "agon/io.hpp"
#include "agon/question.hpp"
#include "agon/scenario.hpp"
#include "worklist_knobs.hpp"
#include "same_answer.hpp"
#include "incremental/gradual_worklist.hpp"
#include "incremental/sweep_order.hpp"
#include "semantics/gradual/rules.hpp"

using namespace agon;

namespace {

const std::vector<Request> kRequests = {
    {"hcat", {}},        {"max", {}},       {"card", {}},        {"dfquad", {}},
    {"quad", {}},        {"euler", {}},     {"qe", {}},          {"mlp", {}},
    {"grounded", {}},    {"burden", {}},    {"carneades", {}},   {"grounded", {{"support", "deductive"}}},
    {"grounded", {{"support", "necessary"}}}, {"grounded", {{"support", "evidential"}}},
    {"hcat", {{"method", "jacobi"}}},
};

// max |T(sigma)(v) - sigma(v)| under gradual semantics `name`, read from
// the snapshot with the from-scratch kernel; -1 for other semantics.
double max_residual(const Snapshot& s, const std::string& name, const std::vector<double>& sigma) {
    using detail::gradual::Sem;
    const std::pair<const char*, Sem> table[] = {{"hcat", Sem::hcat}, {"max", Sem::max},   {"card", Sem::card},
                                                 {"dfquad", Sem::dfquad}, {"quad", Sem::quad}, {"euler", Sem::euler},
                                                 {"qe", Sem::qe},     {"mlp", Sem::mlp}};
    detail::gradual::Kernel k(s);
    std::vector<double> next(s.size());
    for (const auto& [n, sem] : table) {
        if (name != n) continue;
        switch (sem) {
            case Sem::hcat: detail::gradual::sweep<Sem::hcat>(k, sigma.data(), next.data()); break;
            case Sem::max: detail::gradual::sweep<Sem::max>(k, sigma.data(), next.data()); break;
            case Sem::card: detail::gradual::sweep<Sem::card>(k, sigma.data(), next.data()); break;
            case Sem::dfquad: detail::gradual::sweep<Sem::dfquad>(k, sigma.data(), next.data()); break;
            case Sem::quad: detail::gradual::sweep<Sem::quad>(k, sigma.data(), next.data()); break;
            case Sem::euler: detail::gradual::sweep<Sem::euler>(k, sigma.data(), next.data()); break;
            case Sem::qe: detail::gradual::sweep<Sem::qe>(k, sigma.data(), next.data()); break;
            case Sem::mlp: detail::gradual::sweep<Sem::mlp>(k, sigma.data(), next.data()); break;
        }
        double worst = 0;
        for (std::size_t v = 0; v < sigma.size(); ++v) worst = std::max(worst, std::abs(next[v] - sigma[v]));
        return worst;
    }
    return -1;
}

// The answer of `live` equals evaluate() on its scenario from scratch:
// same claims in the same order, same labels, strengths within 1e-6; a
// gradual answer re-evaluated incrementally has every residual below
// epsilon (1e-10), as from scratch.
void check_same(IncrementalEvaluation& live) {
    const Result want = evaluate(live.scenario(), live.request());
    const Result got = live.result();
    test::check_same_answer(got, want);
    if (got.method == "incremental" && !got.strength.empty())
        CHECK(max_residual(live.scenario().snapshot(), live.request().semantics, got.strength) <= 1e-10 * (1 + 1e-6));
    if (!want.ids.size()) return;
    const std::string first = want.ids[0];
    CHECK(std::abs(live.value(first) - want.value(0)) <= 1e-6);
}

// Applies one random change to every evaluation (all see the same edits, so
// they refuse the same ones). Returns false when the change was refused.
bool random_change(std::mt19937& rng, std::vector<IncrementalEvaluation>& lives, std::vector<std::string>& claims,
                   std::vector<std::string>& edges) {
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    auto pick = [&](const std::vector<std::string>& v) { return v[std::uniform_int_distribution<std::size_t>(0, v.size() - 1)(rng)]; };
    const int op = std::uniform_int_distribution<int>(0, 10)(rng);
    const double x = std::round(unit(rng) * 100) / 100;  // bases and weights on a grid: ties and exact 0 and 1 occur
    // Some claims are tagged prima facie (evidential support reads the tag).
    Claim fresh{.id = claims.size() % 7 == 0 ? "n" + std::to_string(claims.size()) : pick(claims), .base = x};
    if (x < 0.3) fresh.tags = {"prima_facie"};
    Edge edge{.kind = op == 4 ? EdgeKind::support : op == 5 ? EdgeKind::undercut : EdgeKind::attack,
              .from = pick(claims), .to = op == 5 && !edges.empty() ? pick(edges) : pick(claims), .weight = x};
    const std::string some_claim = pick(claims);
    const std::string some_edge = edges.empty() ? "none" : pick(edges);
    try {
        for (auto& live : lives) {
            switch (op) {
                case 0:
                case 1: live.remove_claim(some_claim); break;
                case 2: live.add_claim(fresh); break;
                case 3:
                case 4:
                case 5: edge.id = live.add_edge(edge); break;
                case 6: live.remove_edge(some_edge); break;
                case 7: live.set_base(some_claim, x); break;
                case 8: live.restore_claim(some_claim); break;
                default: live.set_weight(some_edge, x); break;
            }
        }
    } catch (const Error&) {
        return false;
    }
    if (op == 2 && std::find(claims.begin(), claims.end(), fresh.id) == claims.end()) claims.push_back(fresh.id);
    if (op >= 3 && op <= 5) edges.push_back(edge.id);
    return true;
}

void run_sequence(std::shared_ptr<const Graph> base, std::mt19937& rng, int steps, const std::vector<Request>& requests) {
    std::vector<std::string> claims, edges;
    for (const Claim& c : base->claims()) claims.push_back(c.id);
    for (const Edge& e : base->edges()) edges.push_back(e.id);
    std::vector<IncrementalEvaluation> lives;
    for (const Request& r : requests) lives.emplace_back(Scenario(base, "what-if"), r);
    for (auto& live : lives) check_same(live);
    for (int step = 0; step < steps; ++step) {
        if (!random_change(rng, lives, claims, edges)) continue;
        for (auto& live : lives) {
            CAPTURE(step);
            CAPTURE(live.request().semantics);
            check_same(live);
        }
    }
    // The incremental path did the work: gradual answers fell back to from
    // scratch only for the first question and the rare unsettled change.
    for (auto& live : lives) test::check_mostly_incremental(live, 10);
}

}  // namespace

TEST_CASE("incremental evaluation equals evaluation from scratch under random changes") {
    std::mt19937 rng(19);
    for (int round = 0; round < 6; ++round) {
        CAPTURE(round);
        // Sparse graphs are mostly acyclic (the exact pass); dense ones cyclic.
        run_sequence(test::random_claim_graph(rng, 20, round < 3 ? 15 : 50), rng, 250, kRequests);
    }
}

TEST_CASE("card re-evaluation settles where a claim that undercuts its own attacker flips by one ulp") {
    // The third graph here has a claim that undercuts an attack on itself
    // and whose value flips between two neighbouring doubles. Card queued the
    // claims an undercut acts on at any move (a move can switch an attacker
    // off in the count), so the flip kept the worklist busy to its budget and
    // every later answer came from scratch; now only a move that switches an
    // effective weight to or from 0 does.
    std::mt19937 rng(174237);
    for (int round = 0; round < 3; ++round) {
        CAPTURE(round);
        run_sequence(test::random_claim_graph(rng, 20, 15), rng, 250, kRequests);
    }
}

TEST_CASE("card re-answers when a small move switches an undercut attacker back into the count") {
    // u undercuts a -> c with weight W just above 1 / u: a's effective weight
    // is 0 and card does not count a, so c keeps its base 0.01. Raising y's
    // base by 4e-9 lowers u by about 1e-9: enough to recompute u, but c's
    // bound (2e-9) stays under its limit (about 1e-8 at 0.01). W u falls
    // below 1, so a is counted again and c halves: only the switch queues c.
    auto g = std::make_shared<Graph>();
    g->add_claim({.id = "a", .base = 0.5});
    g->add_claim({.id = "c", .base = 0.01});
    g->add_claim({.id = "u", .base = 1.0});
    g->add_claim({.id = "y", .base = 0.001});
    g->add_edge({.id = "ac", .kind = EdgeKind::attack, .from = "a", .to = "c"});
    g->add_edge({.id = "yu", .kind = EdgeKind::attack, .from = "y", .to = "u"});
    g->add_edge({.id = "cut", .kind = EdgeKind::undercut, .from = "u", .to = "ac", .weight = 2.0010000004});
    IncrementalEvaluation live(Scenario(g), {"card", {}});
    CHECK(live.value("c") == 0.01);
    live.set_base("y", 0.001000004);
    check_same(live);
    CHECK(live.value("c") < 0.006);
    CHECK(live.stats().from_scratch == 0);
    // Back out of the count by a change that is not an undo (an undo
    // brings the earlier fixpoint back without recomputing).
    live.set_base("y", 0.0010000002);
    check_same(live);
    CHECK(live.value("c") == 0.01);
    CHECK(live.stats().from_scratch == 0);
}

// Grounded under every support mode.
static const std::vector<Request> kGroundedModes = {{"grounded", {}},
                                                    {"grounded", {{"support", "deductive"}}},
                                                    {"grounded", {{"support", "necessary"}}},
                                                    {"grounded", {{"support", "evidential"}}}};

// Mostly supports (chains and cycles of them), some attacks and undercuts;
// with `tagged`, a third of the claims are tagged prima facie.
static std::shared_ptr<Graph> support_heavy_graph(std::mt19937& rng, int n, int m, bool tagged) {
    auto g = std::make_shared<Graph>();
    for (int i = 0; i < n; ++i) {
        Claim c{.id = "c" + std::to_string(i)};
        if (tagged && i % 3 == 0) c.tags = {"prima_facie"};
        g->add_claim(std::move(c));
    }
    auto pick = [&] { return "c" + std::to_string(std::uniform_int_distribution<int>(0, n - 1)(rng)); };
    for (int e = 0; e < m; ++e) {
        const int kind = std::uniform_int_distribution<int>(0, 9)(rng);
        if (kind == 0 && !g->edges().empty()) {
            const auto& target = g->edges()[std::uniform_int_distribution<std::size_t>(0, g->edges().size() - 1)(rng)];
            g->add_edge({.kind = EdgeKind::undercut, .from = pick(), .to = target.id});
        } else {
            g->add_edge({.kind = kind < 7 ? EdgeKind::support : EdgeKind::attack, .from = pick(), .to = pick()});
        }
    }
    return g;
}

TEST_CASE("incremental grounded under every support mode equals from scratch on support-heavy graphs under random changes") {
    const std::vector<Request>& requests = kGroundedModes;
    std::mt19937 rng(1919);
    for (int round = 0; round < 8; ++round) {
        CAPTURE(round);
        run_sequence(support_heavy_graph(rng, 18, round < 4 ? 20 : 45, round % 2 == 1), rng, 250, requests);
    }
}

// The extension semantics other than grounded and stage, under the support
// modes that read supports as attacks: stable re-answered on a session,
// the others from scratch (extension_answer_test.cpp checks the session's
// labelling under them).
static std::vector<Request> extension_requests() {
    std::vector<Request> out;
    for (const char* sem : {"complete", "preferred", "stable", "semi-stable", "ideal"})
        for (const char* mode : {"none", "deductive", "necessary"}) out.push_back({sem, {{"support", mode}}});
    return out;
}

// Attacks (odd cycles among them, so often no stable extension) and a third
// supports; with `undercuts`, a tenth undercuts.
static std::shared_ptr<Graph> extension_graph(std::mt19937& rng, int n, int m, bool undercuts) {
    auto g = std::make_shared<Graph>();
    for (int i = 0; i < n; ++i) g->add_claim({.id = "c" + std::to_string(i)});
    auto pick = [&] { return "c" + std::to_string(std::uniform_int_distribution<int>(0, n - 1)(rng)); };
    for (int e = 0; e < m; ++e) {
        const int kind = std::uniform_int_distribution<int>(0, 9)(rng);
        if (undercuts && kind == 0 && !g->edges().empty()) {
            const auto& target = g->edges()[std::uniform_int_distribution<std::size_t>(0, g->edges().size() - 1)(rng)];
            g->add_edge({.kind = EdgeKind::undercut, .from = pick(), .to = target.id});
        } else {
            g->add_edge({.kind = kind < 3 ? EdgeKind::support : EdgeKind::attack, .from = pick(), .to = pick()});
        }
    }
    return g;
}

TEST_CASE("incremental stable, and complete, preferred, semi-stable and ideal, equal acceptance from scratch under random changes") {
    const std::vector<Request> requests = extension_requests();
    std::mt19937 rng(1917);
    int no_stable = 0, some_stable = 0, undec = 0, answers = 0;
    std::uint64_t parts = 0;
    for (int round = 0; round < 8; ++round) {
        CAPTURE(round);
        auto g = extension_graph(rng, round < 4 ? 8 : 11, round % 4 < 2 ? 12 : 24, round % 2 == 1);
        std::vector<std::string> claims, edges;
        for (const Claim& c : g->claims()) claims.push_back(c.id);
        for (const Edge& e : g->edges()) edges.push_back(e.id);
        std::vector<IncrementalEvaluation> lives;
        for (const Request& r : requests) lives.emplace_back(Scenario(g, "what-if"), r);
        for (int step = 0; step <= 150; ++step) {
            if (step > 0 && !random_change(rng, lives, claims, edges)) continue;
            for (auto& live : lives) {
                CAPTURE(step);
                CAPTURE(live.request().semantics);
                CAPTURE(live.request().params.at("support"));
                const Result want = evaluate(live.scenario(), live.request());
                const Result got = live.result();
                test::check_same_answer(got, want);
                CHECK(got.warnings == want.warnings);
                ++answers;
                undec += std::count(got.labels.begin(), got.labels.end(), Label::undec) > 0;
                if (live.request().semantics == "stable") (want.warnings.empty() ? some_stable : no_stable)++;
            }
        }
        // Undercuts included, stable evaluated nothing from scratch; the
        // others only the part the grounded labelling leaves undecided, when
        // it was not among the last few parts (incremental/part_labels.hpp).
        for (auto& live : lives) {
            CAPTURE(live.request().semantics);
            CHECK(live.incremental());
            if (live.request().semantics == "stable") {
                CHECK(live.stats().from_scratch == 0);
            } else {
                CHECK(live.stats().from_scratch < live.stats().questions);
                parts += live.stats().from_scratch;
            }
        }
    }
    CHECK(parts > 100);
    // The sequences met both cases of stable, and answers with undecided claims.
    CHECK(no_stable > 50);
    CHECK(some_stable > 50);
    CHECK(undec > answers / 100);  // the lowest over seeds 1 to 25: 1.8 %
    MESSAGE(answers << " answers compared, " << no_stable << " without a stable extension");
}

TEST_CASE("incremental extension semantics: stage goes from scratch while grounded leaves claims undecided, evidential support is refused as from scratch") {
    std::mt19937 rng(4);
    auto g = extension_graph(rng, 10, 20, false);
    IncrementalEvaluation stage(Scenario(g), {"stage", {{"support", "deductive"}}});
    CHECK(stage.incremental());
    check_same(stage);
    stage.remove_claim("c1");
    check_same(stage);
    CHECK(stage.stats().from_scratch == 2);
    // With every claim decided by the grounded labelling, its extension is
    // the only stage extension: nothing from scratch.
    IncrementalEvaluation chain(Scenario(g), {"stage", {}});
    for (const Claim& c : g->claims()) chain.remove_claim(c.id);
    chain.add_claim({.id = "x"});
    chain.add_claim({.id = "y"});
    chain.add_edge({.kind = EdgeKind::attack, .from = "x", .to = "y"});
    check_same(chain);
    CHECK(chain.label("y") == Label::out);
    chain.add_edge({.kind = EdgeKind::attack, .from = "y", .to = "y"});
    check_same(chain);
    CHECK(chain.stats().from_scratch == 0);
    IncrementalEvaluation evidential(Scenario(g), {"preferred", {{"support", "evidential"}}});
    CHECK_FALSE(evidential.incremental());
    CHECK_THROWS_AS(evidential.result(), Error);
}

// A Control that stops a question at its poll number `after` + 1, counting
// the polls in `polls`.
static Control stop_after(int& polls, int after) {
    Control stop;
    stop.should_stop = [&polls, after] { return ++polls > after; };
    return stop;
}

TEST_CASE("incremental stable stopped by its Control answers right at the next question") {
    // Attacks only between two sides, supports within a side: every cycle
    // is even, so stable extensions exist and questions go to the solver.
    std::mt19937 rng(78);
    auto g = std::make_shared<Graph>();
    for (int i = 0; i < 60; ++i) g->add_claim({.id = "c" + std::to_string(i)});
    auto side = [&](int parity) { return "c" + std::to_string(2 * std::uniform_int_distribution<int>(0, 29)(rng) + parity); };
    for (int e = 0; e < 150; ++e) {
        const int from = e % 2;
        g->add_edge({.kind = EdgeKind::attack, .from = side(from), .to = side(1 - from)});
        if (e % 5 == 0) g->add_edge({.kind = EdgeKind::support, .from = side(from), .to = side(from)});
    }
    const Request request{"stable", {{"support", "deductive"}}};
    // How often a whole first answer polls: stop at its start, middle and end
    // (in the mirror's sync, or in the session's questions).
    int all_polls = 0;
    IncrementalEvaluation(Scenario(g), request).result(stop_after(all_polls, std::numeric_limits<int>::max()));
    REQUIRE(all_polls >= 2);
    for (int stop_at = 1; stop_at < all_polls; stop_at += std::max(1, all_polls / 4)) {
        CAPTURE(stop_at);
        IncrementalEvaluation live(Scenario(g), request);
        int polls = 0;
        CHECK_THROWS_AS(live.result(stop_after(polls, stop_at)), Error);
        check_same(live);
        live.remove_claim("c1");
        check_same(live);
        CHECK(live.stats().from_scratch == 0);
    }
}

TEST_CASE("incremental extension semantics answer past the enumeration limit of from scratch") {
    // 20 pairs of claims attacking each other: 2^20 stable, preferred and
    // semi-stable extensions (3^20 complete), where enumeration used to
    // throw limit; every claim is credulously but not sceptically accepted.
    // Stable is answered on the warm session, the others from scratch by
    // questions past evaluate's enumeration cap.
    auto g = std::make_shared<Graph>();
    for (int i = 0; i < 20; ++i) {
        const std::string a = "a" + std::to_string(i), b = "b" + std::to_string(i);
        g->add_claim({.id = a});
        g->add_claim({.id = b});
        g->add_edge({.kind = EdgeKind::attack, .from = a, .to = b});
        g->add_edge({.kind = EdgeKind::attack, .from = b, .to = a});
    }
    for (const char* semantics : {"stable", "complete", "preferred", "semi-stable"}) {
        CAPTURE(semantics);
        IncrementalEvaluation live(Scenario(g), {semantics, {}});
        for (Label l : live.result().labels) CHECK(l == Label::undec);
        live.add_claim({.id = "x"});
        live.add_edge({.kind = EdgeKind::attack, .from = "x", .to = "a0"});
        CHECK(live.label("a0") == Label::out);
        CHECK(live.label("b0") == Label::in);
        CHECK(live.label("a1") == Label::undec);
        CHECK(live.stats().from_scratch == (std::string(semantics) == "stable" ? 0 : 2));
    }
}

TEST_CASE("incremental evidential support: a claim put out on the way cuts the chain of a support cycle") {
    // a and b attack each other (undecided); a attacks x; x supports the
    // cycle w <-> w2, its only evidence. Once c defeats b, a is in, x out, and
    // w and w2 have no chain left, though nothing changed next to them.
    auto g = std::make_shared<Graph>();
    for (const char* id : {"a", "b", "x", "w", "w2"}) g->add_claim({.id = id});
    g->add_edge({.kind = EdgeKind::attack, .from = "a", .to = "b"});
    g->add_edge({.kind = EdgeKind::attack, .from = "b", .to = "a"});
    g->add_edge({.kind = EdgeKind::attack, .from = "a", .to = "x"});
    g->add_edge({.kind = EdgeKind::support, .from = "x", .to = "w"});
    g->add_edge({.kind = EdgeKind::support, .from = "w", .to = "w2"});
    g->add_edge({.kind = EdgeKind::support, .from = "w2", .to = "w"});
    IncrementalEvaluation live(Scenario(g), {"grounded", {{"support", "evidential"}}});
    CHECK(live.label("w") == Label::undec);
    live.add_claim({.id = "c"});
    live.add_edge({.kind = EdgeKind::attack, .from = "c", .to = "b"});
    check_same(live);
    CHECK(live.label("x") == Label::out);
    CHECK(live.label("w") == Label::out);
    CHECK(live.label("w2") == Label::out);
    CHECK(live.stats().from_scratch == 0);
}

TEST_CASE("incremental grounded stopped half-way by its Control answers right at the next question") {
    std::mt19937 rng(77);
    auto g = support_heavy_graph(rng, 300, 1500, false);
    for (const char* mode : {"deductive", "evidential"}) {
        CAPTURE(mode);
        IncrementalEvaluation live(Scenario(g), {"grounded", {{"support", mode}}});
        int polls = 0;
        CHECK_THROWS_AS(live.value("c0", stop_after(polls, 2)), Error);  // in the middle of the first sync
        CHECK(polls > 2);
        live.remove_claim("c1");
        check_same(live);
        live.restore_claim("c1");
        check_same(live);
        CHECK(live.stats().from_scratch == 0);
    }
}

TEST_CASE("incremental evaluation starts from a scenario's edits and handles switching a claim off and on") {
    auto g = std::make_shared<Graph>();
    for (const char* id : {"a", "b", "c"}) g->add_claim({.id = id, .base = 0.8});
    g->add_edge({.id = "ab", .kind = EdgeKind::attack, .from = "a", .to = "b"});
    g->add_edge({.id = "bc", .kind = EdgeKind::attack, .from = "b", .to = "c"});
    g->add_edge({.id = "u", .kind = EdgeKind::undercut, .from = "c", .to = "ab", .weight = 0.5});
    Scenario s(g, "edited");
    s.remove_claim("a");
    s.add_claim({.id = "d", .base = 0.3});
    s.add_edge({.id = "db", .kind = EdgeKind::support, .from = "d", .to = "b"});
    s.set_base("c", 0.4);
    for (const char* sem : {"grounded", "hcat", "dfquad"}) {
        IncrementalEvaluation live(s, {sem, {}});
        CHECK(live.incremental());
        check_same(live);
        live.restore_claim("a");  // switched on again: ab and u come back
        CHECK(live.scenario().has_edge("ab"));
        check_same(live);
        CHECK_THROWS_AS(live.restore_claim("a"), Error);
        CHECK_THROWS_AS(live.restore_claim("d"), Error);
        live.remove_claim("a");
        live.add_claim({.id = "a", .base = 0.9});  // a new claim a, as in a graph: without ab and u
        CHECK_FALSE(live.scenario().has_edge("ab"));
        CHECK_FALSE(live.scenario().has_edge("u"));
        check_same(live);
        live.remove_claim("d");  // db goes for good
        CHECK_FALSE(live.scenario().has_edge("db"));
        check_same(live);
        CHECK_THROWS_AS(live.remove_claim("d"), Error);
        CHECK_THROWS_AS(live.value("d"), Error);
        check_same(live);
    }
    IncrementalEvaluation labels(s, {"grounded", {}});
    CHECK(labels.label("b") == Label::in);
    IncrementalEvaluation strengths(s, {"hcat", {}});
    CHECK_THROWS_AS(strengths.label("b"), Error);
    CHECK_FALSE(IncrementalEvaluation(s, {"carneades", {}}).incremental());
}

namespace {

// A graph, a semantics, and edits after which (and before which) the
// incremental answer must be from scratch's.
struct SteepCase {
    const char* semantics;
    std::vector<Claim> claims;
    std::vector<Edge> edges;
    std::function<void(IncrementalEvaluation&)> edit;
};

void check_steep_cases(const std::vector<SteepCase>& cases) {
    for (const SteepCase& c : cases) {
        CAPTURE(c.semantics);
        auto g = std::make_shared<Graph>();
        for (const Claim& claim : c.claims) g->add_claim(claim);
        for (const Edge& e : c.edges) g->add_edge(e);
        IncrementalEvaluation live(Scenario(g), {c.semantics, {}});
        check_same(live);
        c.edit(live);
        check_same(live);
    }
}

}  // namespace

TEST_CASE("a cycle through a steep edge, where the fixpoint depends on the start, is answered from scratch") {
    // Each graph has more than one fixpoint once `cut` is switched off, and
    // the one the last answer leaves differs from the one from scratch's
    // start (every claim at its base score) reaches.
    auto cut = [](const char* id) {
        return [id](IncrementalEvaluation& live) {
            live.remove_claim(id);
            check_same(live);
            live.restore_claim(id);
        };
    };
    check_steep_cases({
        // Base 1 both, attacking each other: a fixpoint wherever a + b = 1.
        {"dfquad",
         {{.id = "a", .base = 1}, {.id = "b", .base = 1}, {.id = "c", .base = 0.9}},
         {{.id = "ab", .kind = EdgeKind::attack, .from = "a", .to = "b"},
          {.id = "ba", .kind = EdgeKind::attack, .from = "b", .to = "a"},
          {.id = "ca", .kind = EdgeKind::attack, .from = "c", .to = "a"}},
         cut("c")},
        // Base 0, supporting itself: a fixpoint at any value.
        {"quad",
         {{.id = "x", .base = 0.5}, {.id = "a", .base = 0}, {.id = "t", .base = 0.5}},
         {{.id = "aa", .kind = EdgeKind::support, .from = "a", .to = "a"},
          {.id = "xa", .kind = EdgeKind::support, .from = "x", .to = "a"},
          {.id = "at", .kind = EdgeKind::attack, .from = "a", .to = "t"}},
         cut("x")},
        // Heavy supports both ways: low and high fixpoints.
        {"mlp",
         {{.id = "x", .base = 0.99}, {.id = "a", .base = 0.01}, {.id = "b", .base = 0.01}},
         {{.id = "ab", .kind = EdgeKind::support, .from = "a", .to = "b", .weight = 10},
          {.id = "ba", .kind = EdgeKind::support, .from = "b", .to = "a", .weight = 10},
          {.id = "xa", .kind = EdgeKind::support, .from = "x", .to = "a", .weight = 10}},
         cut("x")},
        // A claim of base 1 that undercuts an attack on itself: card counts
        // the attack only while a is below 1.
        {"card",
         {{.id = "a", .base = 1}, {.id = "b", .base = 0.5}, {.id = "c", .base = 0.5}},
         {{.id = "ba", .kind = EdgeKind::attack, .from = "b", .to = "a"},
          {.id = "u", .kind = EdgeKind::undercut, .from = "a", .to = "ba"},
          {.id = "ca", .kind = EdgeKind::attack, .from = "c", .to = "a"}},
         cut("c")},
    });
    // The same shapes with slopes below 1 stay incremental.
    auto g = std::make_shared<Graph>();
    g->add_claim({.id = "a", .base = 0.9});
    g->add_claim({.id = "b", .base = 0.9});
    g->add_claim({.id = "c", .base = 0.9});
    g->add_edge({.kind = EdgeKind::attack, .from = "a", .to = "b"});
    g->add_edge({.kind = EdgeKind::attack, .from = "b", .to = "a"});
    g->add_edge({.kind = EdgeKind::attack, .from = "c", .to = "a"});
    IncrementalEvaluation live(Scenario(g), {"dfquad", {}});
    check_same(live);
    live.remove_claim("c");
    check_same(live);
    CHECK(live.result().method == "incremental");
    // Raising a base to 1 makes the cycle steep; lowering it again does not.
    live.set_base("a", 1);
    live.set_base("b", 1);
    check_same(live);
    CHECK(live.result().method != "incremental");
    live.set_base("b", 0.9);
    check_same(live);
    live.set_base("a", 0.8);
    check_same(live);
    CHECK(live.result().method == "incremental");
    live.restore_claim("c");
    check_same(live);
    CHECK(live.result().method == "incremental");
}

TEST_CASE("steep edges into a claim with both kinds of edge, and card undercuts that cut a zeroing undercut") {
    // Found by a bug hunt: the warm start kept a second fixpoint here.
    // DF-QuAD and QE move a claim whose supports outweigh its attacks by
    // 1 - tau per unit of either kind, and one whose attacks outweigh by tau:
    // with both kinds in, a claim of base 1 reacts to its support fully.
    // card's count jumps when an undercut further down the chain of the one
    // that moves can zero its edge.
    check_steep_cases({
        {"dfquad",  // c: 0 warm, 1 from scratch
         {{.id = "c", .base = 1}, {.id = "a", .base = 1}},
         {{.id = "att", .kind = EdgeKind::attack, .from = "a", .to = "c"},
          {.id = "self", .kind = EdgeKind::support, .from = "c", .to = "c", .weight = 0.5}},
         [](IncrementalEvaluation& live) { live.set_weight("self", 1); }},
        {"dfquad",  // c = 1, d = 0 warm; both 0.5 from scratch
         {{.id = "c", .base = 0}, {.id = "d", .base = 0}, {.id = "s", .base = 1}},
         {{.id = "sc", .kind = EdgeKind::support, .from = "s", .to = "c"},
          {.id = "sd", .kind = EdgeKind::support, .from = "s", .to = "d"},
          {.id = "cd", .kind = EdgeKind::attack, .from = "c", .to = "d", .weight = 0},
          {.id = "dc", .kind = EdgeKind::attack, .from = "d", .to = "c", .weight = 0}},
         [](IncrementalEvaluation& live) {
             live.set_weight("cd", 1);
             check_same(live);
             live.set_weight("dc", 1);
         }},
        {"dfquad",  // c: 0 warm, 1 from scratch
         {{.id = "c", .base = 1}, {.id = "a", .base = 1}, {.id = "x", .base = 1}},
         {{.id = "att", .kind = EdgeKind::attack, .from = "a", .to = "c"},
          {.id = "self", .kind = EdgeKind::support, .from = "c", .to = "c"},
          {.id = "cut", .kind = EdgeKind::undercut, .from = "x", .to = "self"}},
         [](IncrementalEvaluation& live) { live.remove_claim("x"); }},
        {"qe",  // c: 0.146 warm, 1 from scratch
         {{.id = "c", .base = 1}, {.id = "a", .base = 1}},
         {{.id = "att", .kind = EdgeKind::attack, .from = "a", .to = "c", .weight = 3},
          {.id = "self", .kind = EdgeKind::support, .from = "c", .to = "c", .weight = 0}},
         [](IncrementalEvaluation& live) { live.set_weight("self", 4); }},
        {"quad",  // parallel self-supports, 0.5 + 0.75 from base 0: 0.667 warm, 0 from scratch
         {{.id = "c", .base = 0.6}},
         {{.id = "s1", .kind = EdgeKind::support, .from = "c", .to = "c", .weight = 0.5},
          {.id = "s2", .kind = EdgeKind::support, .from = "c", .to = "c"}},
         [](IncrementalEvaluation& live) {
             live.set_weight("s2", 0.75);
             check_same(live);
             live.set_base("c", 0);
         }},
        {"dfquad",  // two undercuts of 0.5 from a on the attack on a
         {{.id = "a", .base = 1}, {.id = "b", .base = 1}},
         {{.id = "ba", .kind = EdgeKind::attack, .from = "b", .to = "a"},
          {.id = "u1", .kind = EdgeKind::undercut, .from = "a", .to = "ba", .weight = 0.5},
          {.id = "u2", .kind = EdgeKind::undercut, .from = "a", .to = "ba", .weight = 0}},
         [](IncrementalEvaluation& live) { live.set_weight("u2", 0.5); }},
        {"card",  // u2 moves u's weight across the point where u zeroes f
         {{.id = "v", .base = 1}, {.id = "a", .base = 1}, {.id = "s", .base = 1}, {.id = "x", .base = 1}},
         {{.id = "f", .kind = EdgeKind::attack, .from = "a", .to = "v"},
          {.id = "u", .kind = EdgeKind::undercut, .from = "s", .to = "f", .weight = 1.25},
          {.id = "u2", .kind = EdgeKind::undercut, .from = "x", .to = "u", .weight = 0.5},
          {.id = "vx", .kind = EdgeKind::attack, .from = "v", .to = "x"}},
         [](IncrementalEvaluation& live) {
             live.set_base("s", 0);
             check_same(live);
             live.set_base("s", 1);
         }},
    });
}

TEST_CASE("only the part of a graph with a steep cycle that a change disturbs is evaluated from scratch") {
    // a and b (base 1) attack each other, a steep cycle whose fixpoint
    // depends on the start; c attacks a from upstream. Downstream of a, a
    // chain with a cycle; beside it, a cycle the steep one cannot reach.
    auto g = std::make_shared<Graph>();
    for (const char* id : {"a", "b"}) g->add_claim({.id = id, .base = 1});
    g->add_claim({.id = "c", .base = 0.9});
    for (const char* id : {"d1", "d2", "d3", "e1", "e2", "e3"}) g->add_claim({.id = id, .base = 0.5});
    const std::pair<const char*, const char*> attacks[] = {{"a", "b"},   {"b", "a"},   {"c", "a"},   {"a", "d1"},
                                                           {"d2", "d3"}, {"d3", "d2"}, {"e1", "e2"}, {"e2", "e3"},
                                                           {"e3", "e1"}};
    for (auto [from, to] : attacks) g->add_edge({.kind = EdgeKind::attack, .from = from, .to = to});
    g->add_edge({.kind = EdgeKind::support, .from = "d1", .to = "d2"});
    for (const char* sem : {"dfquad", "quad", "qe"}) {
        CAPTURE(sem);
        IncrementalEvaluation live(Scenario(g), {sem, {}});
        check_same(live);
        const std::uint64_t scratch = live.stats().from_scratch;
        auto step = [&](auto edit) {
            edit();
            check_same(live);
            CHECK(live.result().method == "incremental");
            CHECK(live.stats().from_scratch == scratch);
        };
        // Downstream of the steep cycle, or beside it: the worklist alone.
        step([&] { live.set_base("d2", 0.7); });
        step([&] { live.set_base("e1", 0.2); });
        // Upstream of it: the cycle and its ancestors from scratch (a warm
        // start would keep a where the last answer left it: the first test
        // above), the chain below by the worklist.
        step([&] { live.remove_claim("c"); });
        step([&] { live.restore_claim("c"); });
        step([&] { live.set_base("c", 0.3); });
        step([&] { live.set_base("b", 0.95); });
        step([&] { live.set_base("b", 1); });
    }
}

TEST_CASE("incremental dfquad refuses weights above 1 as evaluate does, and recovers") {
    auto g = std::make_shared<Graph>();
    g->add_claim({.id = "a"});
    g->add_claim({.id = "b"});
    g->add_edge({.id = "ab", .kind = EdgeKind::attack, .from = "a", .to = "b"});
    IncrementalEvaluation live(Scenario(g), {"dfquad", {}});
    check_same(live);
    live.set_weight("ab", 1.5);
    CHECK_THROWS_AS(live.result(), Error);
    live.set_weight("ab", 0.5);
    check_same(live);
    IncrementalEvaluation bad(Scenario(g), {"nonsense", {}});
    CHECK_THROWS_AS(bad.result(), Error);
}

TEST_CASE("incremental evaluation matches from scratch on public ICCMA frameworks under random changes") {
    const char* files[] = {"ba_40_m2.i23", "chain_10.i23", "ba_100_m1.i23", "er_30_p01.i23", "grid_8x8.i23", "cycle_7.i23"};
    const std::vector<Request> requests = {{"grounded", {}}, {"hcat", {}}, {"dfquad", {}}, {"euler", {}}, {"card", {}},
                                           {"grounded", {{"support", "deductive"}}},
                                           {"grounded", {{"support", "necessary"}}},
                                           {"grounded", {{"support", "evidential"}}}};
    std::mt19937 rng(2023);
    for (const char* file : files) {
        CAPTURE(file);
        const Framework af = load_framework(std::string(AGON_SHARED_DIR) + "/data/iccma/public/instances/" + file);
        // Base 0.5, not an abstract argument's 1: under DF-QuAD a cycle of
        // claims at base 1 is evaluated from scratch (its iteration can swing).
        auto g = std::make_shared<Graph>(to_graph(af));
        for (const Claim& c : g->claims()) g->set_base(c.id, 0.5);
        run_sequence(g, rng, 120, requests);
    }
}

TEST_CASE("robustness re-evaluates incrementally: same statistics as from scratch, whatever the thread count") {
    std::mt19937 rng(5);
    auto g = test::random_claim_graph(rng, 40, 90);
    const Snapshot s = Snapshot::of(*g);
    Uncertainty u;
    u.presence["c3"] = 0.6;
    u.presence["c7"] = 0.3;
    u.weight_range[g->edges()[2].id] = {0.2, 0.9};
    for (const char* sem : {"hcat", "dfquad", "euler"}) {
        CAPTURE(sem);
        const Robustness one = robustness(s, {sem, {}}, u, 300, 11, {}, 1);
        const Robustness three = robustness(s, {sem, {}}, u, 300, 11, {}, 3);
        CHECK(one.mean == three.mean);
        CHECK(one.q95 == three.q95);
        // An explicit method is evaluated from scratch every sample.
        const Robustness scratch = robustness(s, {sem, {{"method", std::string(sem) == "hcat" ? "jacobi" : "rk4"}}}, u, 300, 11, {}, 2);
        for (std::size_t v = 0; v < s.size(); ++v) {
            CHECK(std::abs(one.mean[v] - scratch.mean[v]) < 1e-5);
            CHECK(std::abs(one.q05[v] - scratch.q05[v]) < 1e-5);
        }
    }
    // Labels: attack-only graph, so support=deductive (from scratch) reads it the same.
    auto attacks = std::make_shared<Graph>();
    for (int i = 0; i < 30; ++i) attacks->add_claim({.id = "a" + std::to_string(i)});
    for (int e = 0; e < 50; ++e)
        attacks->add_edge({.kind = EdgeKind::attack, .from = "a" + std::to_string(rng() % 30), .to = "a" + std::to_string(rng() % 30)});
    Uncertainty absent;
    for (int i = 0; i < 30; i += 3) absent.presence["a" + std::to_string(i)] = 0.5;
    const Snapshot as = Snapshot::of(*attacks);
    const Robustness live = robustness(as, {"grounded", {}}, absent, 400, 3, {}, 2);
    const Robustness scratch = robustness(as, {"grounded", {{"support", "deductive"}}}, absent, 400, 3, {}, 2);
    CHECK(live.p_in == scratch.p_in);
    CHECK(live.p_out == scratch.p_out);
}

TEST_CASE("incremental evaluation is edited through Editor and answered through the question layer") {
    std::mt19937 rng(8);
    auto g = test::random_claim_graph(rng, 12, 20);
    IncrementalEvaluation live(Scenario(g), {"hcat", {}});
    Editor editor(live);
    editor.remove("c1");
    CHECK_FALSE(editor.has_claim("c1"));
    editor.add_claim({.id = "x", .base = 0.7});
    const std::string id = editor.add_edge({.kind = EdgeKind::attack, .from = "x", .to = "c2"});
    CHECK(editor.has_edge(id));
    editor.set_weight(id, 0.4);
    editor.set_base("c2", 0.9);
    CHECK_THROWS_AS(editor.add_claim({.id = "x"}), Error);
    CHECK(editor.snapshot().size() == 12);
    const Result answer = evaluate(live);
    const Result scratch = evaluate(Subject(live.scenario()), live.request());
    REQUIRE(answer.strength.size() == scratch.strength.size());
    for (std::size_t i = 0; i < answer.strength.size(); ++i) CHECK(std::abs(answer.strength[i] - scratch.strength[i]) < 1e-6);
    CHECK(to_json(answer).find("\"x\"") != std::string::npos);
}

// Every edit is followed by its inverse (and sometimes the edit again): the
// answer after the inverse is the fixpoint remembered from before the edit,
// restored without recomputing a claim; between them other edits, no-op
// edits and added edges must not be taken for undos.
static void check_undo_sequence(std::mt19937& rng, int rounds) {
    const std::vector<std::string> semantics = {"hcat", "max", "card", "dfquad", "quad", "euler", "qe", "mlp"};
    for (int round = 0; round < rounds; ++round) {
        auto g = test::random_claim_graph(rng, 25, round < 2 ? 30 : 60);
        std::vector<IncrementalEvaluation> lives;
        for (const auto& sem : semantics) lives.emplace_back(Scenario(g, "toggles"), Request{sem, {}});
        for (auto& live : lives) check_same(live);
        std::uniform_real_distribution<double> unit(0.0, 1.0);
        for (int step = 0; step < 60; ++step) {
            CAPTURE(round);
            CAPTURE(step);
            const Claim& claim = g->claims()[rng() % g->claims().size()];
            const Edge& edge = g->edges()[rng() % g->edges().size()];
            const int op = static_cast<int>(rng() % 4);
            const double x = std::round(unit(rng) * 100) / 100;
            auto edit = [&](IncrementalEvaluation& live, bool forward) {
                switch (op) {
                    case 0: forward ? live.remove_claim(claim.id) : live.restore_claim(claim.id); break;
                    case 1: live.set_base(claim.id, forward ? x : claim.base); break;
                    case 2: live.set_weight(edge.id, forward ? x : edge.weight); break;
                    default:  // two edits at once, undone together
                        live.set_base(claim.id, forward ? x : claim.base);
                        live.set_weight(edge.id, forward ? 1 - x : edge.weight);
                }
            };
            const bool redo = step % 3 == 0, noise = step % 5 == 0;
            for (auto& live : lives) {
                CAPTURE(live.request().semantics);
                edit(live, true);
                check_same(live);
                const auto scratch = live.stats().from_scratch;
                edit(live, false);
                check_same(live);
                // Restored, not recomputed (unless the edit itself went from scratch).
                if (live.stats().from_scratch == scratch) CHECK(live.stats().last_work == 0);
                if (redo) {
                    edit(live, true);
                    check_same(live);
                    if (live.stats().from_scratch == scratch) CHECK(live.stats().last_work == 0);
                    edit(live, false);
                    check_same(live);
                }
                if (noise) {
                    // Not an undo: a no-op edit, then an added edge and a no-op edit again.
                    live.set_base(claim.id, claim.base);
                    check_same(live);
                    live.add_edge({.kind = EdgeKind::attack, .from = claim.id, .to = g->claims()[0].id, .weight = x});
                    check_same(live);
                    live.set_base(claim.id, claim.base);
                    check_same(live);
                    live.remove_edge(live.scenario().added_edges().back().id);
                    check_same(live);
                }
            }
        }
    }
}

TEST_CASE("gradual re-evaluation brings the previous fixpoint back when a change is undone, and only then") {
    std::mt19937 rng(31);
    check_undo_sequence(rng, 4);
}

TEST_CASE("a first question under h-categoriser, max and card is solved on the worklist's arrays, not from scratch") {
    // Claims switched off, added, bases and weights moved before the first
    // question; supports, undercuts and self-edges from the generator. An
    // iteration limit (from scratch's last iterate when reached) and the
    // bipolar semantics still start from scratch.
    std::mt19937 rng(4242);
    for (int round = 0; round < 12; ++round) {
        CAPTURE(round);
        const int n = round < 10 ? 25 : 400;
        auto g = test::random_claim_graph(rng, n, round < 5 ? 30 : 3 * n);
        g->add_edge({.kind = EdgeKind::attack, .from = "c1", .to = "c1"});
        Scenario what_if(g, "edited");
        what_if.remove_claim("c" + std::to_string(5 + rng() % (n - 5)));  // not c1-c4, edited below
        what_if.set_base("c2", 0.25);
        what_if.add_claim({.id = "new", .base = 0.9});
        what_if.add_edge({.kind = EdgeKind::attack, .from = "new", .to = "c3"});
        for (const char* semantics : {"hcat", "max", "card"}) {
            CAPTURE(semantics);
            IncrementalEvaluation live(what_if, {semantics, {}});
            check_same(live);
            CHECK(live.result().method == "incremental");
            CHECK(live.stats().from_scratch == 0);
            live.remove_claim("c4");  // and it re-answers from there
            check_same(live);
            CHECK(live.stats().from_scratch == 0);
            if (n < 400) continue;
            // Stopped by its Control in the middle of the solve (which polls
            // once a pass, and last): the next question solves again.
            int all_polls = 0;
            IncrementalEvaluation(what_if, {semantics, {}}).result(stop_after(all_polls, std::numeric_limits<int>::max()));
            REQUIRE(all_polls >= 3);
            IncrementalEvaluation stopped(what_if, {semantics, {}});
            int polls = 0;
            CHECK_THROWS_AS(stopped.result(stop_after(polls, all_polls / 2)), Error);
            check_same(stopped);
            CHECK(stopped.stats().from_scratch == 0);
        }
        if (round == 0) {  // nothing to solve
            IncrementalEvaluation empty(Scenario(std::make_shared<Graph>()), {"hcat", {}});
            CHECK(empty.result().strength.empty());
            empty.add_claim({.id = "only", .base = 0.3});
            CHECK(empty.value("only") == 0.3);
        }
        for (const Request& scratch : {Request{"hcat", {{"max_iterations", "100000"}}}, Request{"dfquad", {}}}) {
            IncrementalEvaluation live(what_if, scratch);
            check_same(live);
            CHECK(live.stats().from_scratch == 1);
        }
    }
}

TEST_CASE("a first question whose solve runs over its budget is answered from scratch, and later ones incrementally") {
    // With no budget the solve stops after its first pass: the answer comes
    // from scratch, and with the budget back the next changes re-answer
    // from there. (The settling of the from-scratch answer runs with no
    // budget too; it passes because its worklist empties before its first
    // check, under 25 recomputes under hcat and 150 under max and card on
    // this graph: else the object would answer from scratch from then on.)
    using detail::incremental::GradualWorklist;
    std::mt19937 rng(77);
    auto g = test::random_claim_graph(rng, 300, 900);
    for (const char* semantics : {"hcat", "max", "card"}) {
        CAPTURE(semantics);
        IncrementalEvaluation live(Scenario(g, "what-if"), {semantics, {}});
        double c0 = 0;
        {
            const test::Knob<std::uint64_t> no_budget(GradualWorklist::budget_sweeps, 0);
            c0 = live.value("c0");
        }
        CHECK(live.stats().from_scratch == 1);
        CHECK(live.result().method != "incremental");
        CHECK(c0 == doctest::Approx(evaluate(live.scenario(), {semantics, {}}).value(0)).epsilon(1e-9));
        check_same(live);
        live.remove_claim("c7");
        check_same(live);
        live.restore_claim("c7");
        live.set_base("c3", 0.2);
        check_same(live);
        CHECK(live.result().method == "incremental");
        CHECK(live.stats().from_scratch == 1);
    }
}

TEST_CASE("gradual re-evaluation by Gauss-Seidel sweeps equals from scratch, undo included") {
    // Sweeps from the first recompute on: every update of every gradual
    // semantics ends by sweeps and the worklist's tail.
    const test::ForceSweeps force;
    const std::vector<Request> gradual(kRequests.begin(), kRequests.begin() + 8);
    std::mt19937 rng(1931);
    for (int round = 0; round < 4; ++round) {
        CAPTURE(round);
        run_sequence(test::random_claim_graph(rng, 20, round < 2 ? 15 : 50), rng, 150, gradual);
    }
    check_undo_sequence(rng, 4);
}

TEST_CASE("damped bipolar re-evaluation equals from scratch with every residual below epsilon") {
    // Damped from the first update (where the plain update circles it goes
    // damped after 8 sweeps' worth): each answer is checked against from
    // scratch and for its residuals, by the worklist and by sweeps.
    using detail::incremental::GradualWorklist;
    const test::Knob<std::uint64_t> damp_at_once(GradualWorklist::damp_after_sweeps, 0);
    const std::vector<Request> bipolar(kRequests.begin() + 3, kRequests.begin() + 8);
    std::mt19937 rng(2718);
    for (int round = 0; round < 4; ++round) {
        CAPTURE(round);
        const test::ForceSweeps force(round % 2 == 1);
        run_sequence(test::random_claim_graph(rng, 20, round < 2 ? 15 : 50), rng, 150, bipolar);
    }
}

TEST_CASE("gradual sweeps leave to the closing sweep the claims that cannot feed back into a cycle") {
    // s attacks c0 of the cycle c0 -> c1 -> c2 -> c0, which attacks the head
    // of a chain of 200 claims. A change of s, swept: the plain passes (about
    // four until the cycle moves by less than 1e-6) visit only the cycle,
    // since s has no attackers and nothing on the chain reaches a cycle; the
    // closing sweep then computes every claim once, the chain after what
    // acts on it. Passes over every claim would recompute over 800.
    const test::ForceSweeps force;
    auto g = std::make_shared<Graph>();
    g->add_claim({.id = "s", .base = 0.5});
    for (const char* c : {"c0", "c1", "c2"}) g->add_claim({.id = c});
    g->add_edge({.kind = EdgeKind::attack, .from = "s", .to = "c0"});
    g->add_edge({.kind = EdgeKind::attack, .from = "c0", .to = "c1"});
    g->add_edge({.kind = EdgeKind::attack, .from = "c1", .to = "c2"});
    g->add_edge({.kind = EdgeKind::attack, .from = "c2", .to = "c0"});
    std::string last = "c0";
    for (int i = 0; i < 200; ++i) {
        const std::string t = "t" + std::to_string(i);
        g->add_claim({.id = t});
        g->add_edge({.kind = EdgeKind::attack, .from = last, .to = t});
        last = t;
    }
    for (const char* semantics : {"hcat", "dfquad"}) {
        CAPTURE(semantics);
        IncrementalEvaluation live(Scenario(g, "tail"), Request{semantics, {}});
        check_same(live);
        for (double base : {0.9, 0.1, 0.6}) {
            live.set_base("s", base);
            check_same(live);
            CHECK(live.result().method == "incremental");
            CHECK(live.stats().last_work > 204);  // the closing sweep, at least
            CHECK(live.stats().last_work < 2 * 204);
        }
    }
}

// The forward edges' longest path in a sweep order, counted in claims, and
// the edges going backwards.
static std::pair<std::uint32_t, std::uint32_t> levels_and_back(const std::vector<std::uint32_t>& order,
                                                               const std::vector<std::uint32_t>& first,
                                                               const std::vector<std::uint32_t>& targets) {
    std::vector<std::uint32_t> rank(order.size()), level(order.size(), 1);
    for (std::uint32_t k = 0; k < order.size(); ++k) rank[order[k]] = k;
    std::uint32_t levels = 0, back = 0;
    for (std::uint32_t v : order) {
        levels = std::max(levels, level[v]);
        for (std::uint32_t i = first[v]; i < first[v + 1]; ++i) {
            const std::uint32_t t = targets[i];
            if (rank[t] > rank[v]) level[t] = std::max(level[t], level[v] + 1);
            else back += t != v;
        }
    }
    return {levels, back};
}

TEST_CASE("gradual sweeps visit the claims in an order with few edges backwards and a short longest path") {
    using detail::incremental::sweep_order;
    // The benchmark's kind of graph (1,000 claims, 3,000 random edges, seed
    // 7): in a depth-first reverse postorder the forward edges' longest path
    // has 499 claims, so the claims of a level are few and wait for each
    // other's values in a sweep, and 874 edges go backwards; in this order 95
    // and 415.
    const std::uint32_t n = 1000;
    std::vector<std::vector<std::uint32_t>> out(n);
    std::mt19937 rng(7);
    std::uniform_int_distribution<std::uint32_t> pick(0, n - 1);
    for (std::uint32_t e = 0; e < 3 * n; ++e) {
        const std::uint32_t from = pick(rng);
        out[from].push_back(pick(rng));
    }
    std::vector<std::uint32_t> first{0}, targets;
    for (const auto& o : out) {
        targets.insert(targets.end(), o.begin(), o.end());
        first.push_back(static_cast<std::uint32_t>(targets.size()));
    }
    std::vector<std::uint8_t> inputs(n, 0);
    for (std::uint32_t t : targets) inputs[t] = 1;
    const auto order = sweep_order(first, targets, inputs, true);
    std::vector<std::uint32_t> sorted = order.all, every(n);
    std::sort(sorted.begin(), sorted.end());
    std::iota(every.begin(), every.end(), 0u);
    CHECK(sorted == every);
    const auto [levels, back] = levels_and_back(order.all, first, targets);
    CHECK(levels < 150);
    CHECK(back < 500);
    // The reverse postorder (a first question's closing sweep) passes over the same claims.
    auto passes = order.passes, postorder_passes = sweep_order(first, targets, inputs, false).passes;
    std::sort(passes.begin(), passes.end());
    std::sort(postorder_passes.begin(), postorder_passes.end());
    CHECK(passes == postorder_passes);
    // Its edges from a lower to a higher number, the claims renumbered at
    // random: no cycle, so no edge backwards and nothing in the passes.
    std::vector<std::uint32_t> rename(n);
    for (std::uint32_t k = 0; k < n; ++k) rename[k] = k;
    std::shuffle(rename.begin(), rename.end(), rng);
    std::vector<std::vector<std::uint32_t>> dag(n);
    for (std::uint32_t v = 0; v < n; ++v)
        for (std::uint32_t t : out[v])
            if (v < t) dag[rename[v]].push_back(rename[t]);
    std::vector<std::uint32_t> dag_first{0}, dag_targets;
    for (const auto& o : dag) {
        dag_targets.insert(dag_targets.end(), o.begin(), o.end());
        dag_first.push_back(static_cast<std::uint32_t>(dag_targets.size()));
    }
    const auto dag_order = sweep_order(dag_first, dag_targets, inputs, true);
    CHECK(levels_and_back(dag_order.all, dag_first, dag_targets).second == 0);
    CHECK(dag_order.passes.empty());
    CHECK(order.passes.size() > n / 2);
}

TEST_CASE("gradual re-evaluation restores each claim's recompute limit with the fixpoint it brings back") {
    // hcat: b (base 1) attacked by a (0.5) and by x (1). With x off b is
    // 1/1.5 and is recomputed once its inputs move by 2.25e-10; with x on it
    // is 1/2.5 and waits for 6.25e-10. Switching x off again after x was
    // switched back on restores b's value from x off, and must restore that
    // limit too: a then moving by 4e-10 moves b by 1.8e-10 > epsilon.
    auto g = std::make_shared<Graph>();
    g->add_claim({.id = "a", .base = 0.5});
    g->add_claim({.id = "b", .base = 1});
    g->add_claim({.id = "x", .base = 1});
    g->add_claim({.id = "z", .base = 0.5});
    g->add_edge({.kind = EdgeKind::attack, .from = "a", .to = "b"});
    g->add_edge({.kind = EdgeKind::attack, .from = "x", .to = "b"});
    IncrementalEvaluation live(Scenario(g, "limits"), Request{"hcat", {}});
    check_same(live);
    live.remove_claim("x");
    check_same(live);
    live.set_base("z", 0.3);  // an update of its own: the next two are not undos
    check_same(live);
    live.restore_claim("x");
    check_same(live);
    live.remove_claim("x");  // undoes the last update: b is 1/1.5 again, restored
    check_same(live);
    CHECK(live.stats().last_work == 0);
    live.set_base("a", 0.5 + 4e-10);
    check_same(live);
    CHECK(live.result().method == "incremental");
}

TEST_CASE("quad re-evaluation waits twice as long at a claim that averages its attacks and supports") {
    // b (base 0.5) attacked by a, supported by c: b = (0.5 (1 - a) + 1 - 0.5 (1 - c)) / 2
    // moves by a quarter of a's move, so b waits until a has moved by 4e-10
    // (epsilon over half of max(base, 1 - base)). a moving by 3.6e-10 leaves b
    // as it is (it would be 0.9e-10 off); a further 3.6e-10 (b 1.8e-10 off)
    // recomputes it.
    auto g = std::make_shared<Graph>();
    g->add_claim({.id = "a", .base = 0.5});
    g->add_claim({.id = "b", .base = 0.5});
    g->add_claim({.id = "c", .base = 0.5});
    g->add_edge({.kind = EdgeKind::attack, .from = "a", .to = "b"});
    g->add_edge({.kind = EdgeKind::support, .from = "c", .to = "b"});
    IncrementalEvaluation live(Scenario(g, "halves"), Request{"quad", {}});
    check_same(live);
    live.set_base("a", 0.5 + 3.6e-10);
    check_same(live);
    CHECK(live.result().method == "incremental");
    CHECK(live.stats().last_work == 1);
    live.set_base("a", 0.5 + 7.2e-10);
    check_same(live);
    CHECK(live.stats().last_work == 2);
}

TEST_CASE("gradual re-evaluation solves a claim that acts on itself in a few recomputes, as from scratch") {
    // b supports itself and c attacks itself, both acted on by a. Alone, b
    // and c would close in on their own fixpoint by the slope of their rule
    // in their own value (0.5 under dfquad and quad at base 0.5: about 30
    // recomputes from a 0.1 move down to epsilon); the secant step
    // (GradualWorklist::rule_slow) lands there at once: a, then b and c
    // twice (the second recompute checks the claim's own move).
    auto g = std::make_shared<Graph>();
    g->add_claim({.id = "a", .base = 0.5});
    g->add_claim({.id = "b", .base = 0.5});
    g->add_claim({.id = "c", .base = 0.5});
    g->add_edge({.kind = EdgeKind::support, .from = "b", .to = "b"});
    g->add_edge({.kind = EdgeKind::attack, .from = "c", .to = "c"});
    g->add_edge({.kind = EdgeKind::support, .from = "a", .to = "b", .weight = 0.5});
    g->add_edge({.kind = EdgeKind::attack, .from = "a", .to = "c", .weight = 0.5});
    // The rule is affine in the claim's own value under dfquad and quad
    // (exact in one step); euler, qe and mlp take a few more (7 each; 19 to
    // 36 without the step).
    const std::pair<std::string, int> most_recomputed[] = {{"dfquad", 4}, {"quad", 4}, {"euler", 8}, {"qe", 8}, {"mlp", 8}};
    for (const auto& [semantics, most] : most_recomputed) {
        CAPTURE(semantics);
        IncrementalEvaluation live(Scenario(g, "self"), Request{semantics, {}});
        check_same(live);
        for (double base : {0.7, 0.2, 0.9}) {
            live.set_base("a", base);
            check_same(live);
            CHECK(live.result().method == "incremental");
            CHECK(live.stats().last_work <= most);
        }
    }
    // Many claims acting on themselves in random graphs, worklist and sweeps.
    const std::vector<Request> bipolar(kRequests.begin() + 3, kRequests.begin() + 8);
    std::mt19937 rng(77);
    for (int round = 0; round < 4; ++round) {
        CAPTURE(round);
        auto loops = test::random_claim_graph(rng, 20, 30);
        for (int i = 0; i < 20; i += 2)
            loops->add_edge({.kind = i % 4 ? EdgeKind::attack : EdgeKind::support, .from = "c" + std::to_string(i),
                             .to = "c" + std::to_string(i), .weight = 0.3 + 0.035 * i});
        const test::ForceSweeps force(round % 2 == 1);
        run_sequence(loops, rng, 100, bipolar);
    }
}

TEST_CASE("grounded re-evaluation under every support mode restores the labels when a change is undone, and only then") {
    // Each edit is followed by its inverse (sometimes the edit and its
    // inverse again): the inverse restores the state before the edit
    // without relabelling an argument.
    // Edits that only look like inverses (an edge added and removed, which
    // stays deleted; a no-op; a stopped question) must not be taken for undos.
    const std::vector<Request>& requests = kGroundedModes;
    std::mt19937 rng(1931);
    for (int round = 0; round < 4; ++round) {
        auto g = support_heavy_graph(rng, 16, round < 2 ? 20 : 40, round % 2 == 1);
        std::vector<IncrementalEvaluation> lives;
        for (const Request& r : requests) lives.emplace_back(Scenario(g, "toggles"), r);
        for (auto& live : lives) check_same(live);
        for (int step = 0; step < 30; ++step) {
            CAPTURE(round);
            CAPTURE(step);
            const std::string a = g->claims()[rng() % g->claims().size()].id;
            const std::string b = g->claims()[rng() % g->claims().size()].id;
            const int op = static_cast<int>(rng() % 4);
            const std::string fresh = "n" + std::to_string(round) + "_" + std::to_string(step);
            auto edit = [&](IncrementalEvaluation& live, bool forward) {
                switch (op) {
                    case 0: forward ? live.remove_claim(a) : live.restore_claim(a); break;
                    case 1:  // two claims at once, back together
                        if (a == b) return forward ? live.remove_claim(a) : live.restore_claim(a);
                        forward ? live.remove_claim(a) : live.restore_claim(a);
                        forward ? live.remove_claim(b) : live.restore_claim(b);
                        break;
                    case 2:  // a new claim (new slots) and gone again
                        forward ? live.add_claim({.id = fresh}) : live.remove_claim(fresh);
                        break;
                    default:  // a new claim attacking `a`, supported by `b`, and gone again with its edges
                        if (!forward) return live.remove_claim(fresh);
                        live.add_claim({.id = fresh});
                        live.add_edge({.kind = EdgeKind::attack, .from = fresh, .to = a});
                        live.add_edge({.kind = EdgeKind::support, .from = b, .to = fresh});
                }
            };
            const bool redo = step % 3 == 0, noise = step % 4 == 0;
            for (auto& live : lives) {
                const auto& params = live.request().params;
                const std::string mode = params.count("support") ? params.at("support") : "none";
                CAPTURE(mode);
                const bool restores = op < 3;
                edit(live, true);
                check_same(live);
                edit(live, false);
                check_same(live);
                if (restores) CHECK(live.stats().last_work == 0);
                if (redo && op < 2) {
                    edit(live, true);
                    check_same(live);
                    edit(live, false);
                    check_same(live);
                    if (restores) CHECK(live.stats().last_work == 0);
                }
                if (noise) {
                    // An attack added and removed: it stays deleted, so a
                    // later restore of `a` is no undo of the removal.
                    const std::string id =
                        live.add_edge({.kind = op % 2 ? EdgeKind::attack : EdgeKind::support, .from = a, .to = b});
                    check_same(live);
                    live.remove_edge(id);
                    check_same(live);
                    live.set_base(a, 0.5);  // no change to grounded labels: neither undo nor harm
                    check_same(live);
                }
            }
        }
    }
    // A claim without edges taken away and added again without its
    // prima_facie tag: alive as before, but under evidential support no
    // longer prima facie (so out, in tagged mode), which is no undo.
    for (const Request& r : requests) {
        IncrementalEvaluation live(Scenario(support_heavy_graph(rng, 10, 15, true)), r);
        live.add_claim({.id = "alone", .tags = {"prima_facie"}});
        check_same(live);
        live.remove_claim("alone");
        check_same(live);
        live.add_claim({.id = "alone"});
        check_same(live);
    }
    // A question stopped half-way: the labelling afresh after it is no
    // update to undo; later undos restore again.
    auto big = support_heavy_graph(rng, 100, 400, false);
    for (const Request& r : requests) {
        IncrementalEvaluation live(Scenario(big), r);
        Control stop;
        stop.should_stop = [] { return true; };
        CHECK_THROWS_AS(live.value("c0", stop), Error);
        live.remove_claim("c1");
        check_same(live);
        live.restore_claim("c1");
        check_same(live);
        live.remove_claim("c2");
        check_same(live);
        live.restore_claim("c2");
        check_same(live);
        CHECK(live.stats().last_work == 0);
    }
}
