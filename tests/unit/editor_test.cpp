// One editing interface (agon/editor.hpp): a Graph, a Scenario over a copy of
// it and an IncrementalEvaluation of that scenario take the same edits through
// Editor and end with the same claims, edges, fresh edge ids and errors, step
// by step, on hand-picked cases and on long random edit sequences.
#include <doctest/doctest.h>

#include <memory>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "agon/editor.hpp"
#include "agon/error.hpp"
#include "agon/incremental.hpp"
#include "agon/scenario.hpp"

using namespace agon;

namespace {

// Everything an edit can change, in order: claims (id, base, kind) and edges
// (id, kind, endpoints by id, weight).
std::string describe(const Snapshot& s) {
    std::ostringstream os;
    for (std::uint32_t v = 0; v < s.size(); ++v)
        os << s.id(v) << ':' << s.base(v) << ':' << to_string(s.kind(v)) << ' ';
    os << '|';
    for (std::uint32_t e = 0; e < s.edge_count(); ++e) {
        const bool undercut = s.edge_kind(e) == EdgeKind::undercut;
        os << ' ' << s.edge_id(e) << ':' << to_string(s.edge_kind(e)) << ':' << s.id(s.edge_from(e)) << "->"
           << (undercut ? s.edge_id(s.edge_to(e)) : s.id(s.edge_to(e))) << ':' << s.edge_weight(e);
    }
    return os.str();
}

// a attacks b (ab), b attacks c (bc), c undercuts ab (u).
std::shared_ptr<Graph> chain() {
    auto g = std::make_shared<Graph>();
    for (const char* id : {"a", "b", "c"}) g->add_claim({.id = id, .base = 0.8});
    g->add_edge({.id = "ab", .kind = EdgeKind::attack, .from = "a", .to = "b"});
    g->add_edge({.id = "bc", .kind = EdgeKind::attack, .from = "b", .to = "c"});
    g->add_edge({.id = "u", .kind = EdgeKind::undercut, .from = "c", .to = "ab", .weight = 0.5});
    return g;
}

// A graph (a copy of the base), a scenario over the base and an incremental
// evaluation of another scenario over it, each behind an Editor.
struct Three {
    Graph graph;
    Scenario scenario;
    IncrementalEvaluation live;
    std::vector<Editor> editors;

    explicit Three(const std::shared_ptr<const Graph>& base)
        : graph(*base), scenario(base), live(Scenario(base), {"grounded", {}}) {
        editors = {Editor(graph), Editor(scenario), Editor(live)};
    }

    // Apply `edit` to all three: what it returned ("ok", an edge id, or the
    // error), the same for all three.
    template <typename Edit>
    std::string apply(Edit edit) {
        std::vector<std::string> outcomes;
        for (Editor& e : editors) {
            try {
                outcomes.push_back(edit(e));
            } catch (const Error& error) {
                const ErrorKind k = error.kind();
                outcomes.push_back(std::string(k == ErrorKind::invalid_input ? "invalid_input"
                                               : k == ErrorKind::not_found   ? "not_found"
                                                                             : "other") +
                                   ": " + error.what());
            }
        }
        CHECK(outcomes[1] == outcomes[0]);
        CHECK(outcomes[2] == outcomes[0]);
        return outcomes[0];
    }

    // The three hold the same claims and edges, in the same order, and the
    // incremental answer is that of the graph.
    void check_same() {
        const std::string want = describe(editors[0].snapshot());
        CHECK(describe(editors[1].snapshot()) == want);
        CHECK(describe(editors[2].snapshot()) == want);
        const Result scratch = evaluate(editors[0].snapshot(), live.request());
        const Result answer = live.result();
        CHECK(answer.labels == scratch.labels);
    }
};

std::string add_edge(Editor& e, Edge edge) { return e.add_edge(std::move(edge)); }

}  // namespace

TEST_CASE("the id of a removed edge is free again, and fresh ids count the edges there are") {
    Three t(chain());
    t.apply([](Editor& e) { e.remove("b"); return std::string("ok"); });  // ab and bc with b, u with ab
    t.check_same();
    // No edge is left: the fresh id is e1 in all three, not e4 (base edges + 1).
    CHECK(t.apply([](Editor& e) { return add_edge(e, {.kind = EdgeKind::attack, .from = "a", .to = "c"}); }) == "e1");
    // The ids ab and u were the edges of b: free again.
    CHECK(t.apply([](Editor& e) { return add_edge(e, {.id = "ab", .kind = EdgeKind::attack, .from = "c", .to = "a"}); }) == "ab");
    CHECK(t.apply([](Editor& e) { return add_edge(e, {.id = "u", .kind = EdgeKind::undercut, .from = "c", .to = "e1"}); }) == "u");
    t.check_same();
    CHECK(describe(t.editors[0].snapshot()) == "a:0.8:statement c:0.8:statement | e1:attack:a->c:1 ab:attack:c->a:1 u:undercut:c->e1:1");
    // Still a duplicate while the edge is there.
    CHECK(t.apply([](Editor& e) { return add_edge(e, {.id = "ab", .kind = EdgeKind::attack, .from = "a", .to = "c"}); }) ==
          "invalid_input: duplicate edge id 'ab'");
    // A removed edge's id, too; the undercut on it goes with it.
    t.apply([](Editor& e) { e.remove_edge("e1"); return std::string("ok"); });
    CHECK_FALSE(t.editors[1].has_edge("u"));
    CHECK(t.apply([](Editor& e) { return add_edge(e, {.kind = EdgeKind::support, .from = "a", .to = "c"}); }) == "e2");
    CHECK(t.apply([](Editor& e) { return add_edge(e, {.id = "bc", .kind = EdgeKind::support, .from = "c", .to = "a"}); }) == "bc");
    t.check_same();
}

TEST_CASE("a removed claim added again comes without its old edges") {
    Three t(chain());
    t.apply([](Editor& e) { e.remove_claim("b"); e.add_claim({.id = "b", .base = 0.3}); return std::string("ok"); });
    t.check_same();
    CHECK(describe(t.editors[0].snapshot()) == "a:0.8:statement c:0.8:statement b:0.3:statement |");
    for (const char* edge : {"ab", "bc", "u"}) CHECK_FALSE(t.editors[1].has_edge(edge));
    // Added edges of a claim go with it too, and undercuts with their targets, to any depth.
    t.apply([](Editor& e) {
        e.add_claim({.id = "d"});
        e.add_edge({.id = "db", .kind = EdgeKind::attack, .from = "d", .to = "b"});
        e.add_edge({.id = "v", .kind = EdgeKind::undercut, .from = "a", .to = "db"});
        e.add_edge({.id = "w", .kind = EdgeKind::undercut, .from = "c", .to = "v"});
        e.remove_claim("d");
        e.add_claim({.id = "d"});
        return std::string("ok");
    });
    t.check_same();
    for (const char* edge : {"db", "v", "w"}) CHECK_FALSE(t.editors[2].has_edge(edge));
}

TEST_CASE("restore_claim still switches a base claim on again with its edges") {
    auto base = chain();
    Scenario s(base);
    s.remove_claim("a");
    CHECK_FALSE(s.has_edge("ab"));
    s.restore_claim("a");
    CHECK(s.has_edge("ab"));
    CHECK(s.has_edge("u"));
    // Except the edges removed, or whose ids new edges took, meanwhile.
    s.remove_claim("a").remove_claim("b");
    s.add_edge({.id = "bc", .kind = EdgeKind::attack, .from = "c", .to = "c"});
    s.restore_claim("a").restore_claim("b");
    CHECK(s.has_edge("ab"));
    CHECK(describe(s.snapshot()) ==
          "a:0.8:statement b:0.8:statement c:0.8:statement | ab:attack:a->b:1 u:undercut:c->ab:0.5 bc:attack:c->c:1");
    IncrementalEvaluation live(Scenario(base), {"grounded", {}});
    live.remove_claim("b");
    live.add_edge({.id = "bc", .kind = EdgeKind::attack, .from = "c", .to = "c"});
    live.restore_claim("b");
    CHECK(describe(live.scenario().snapshot()) == describe(s.snapshot()));
    CHECK(live.result().labels == evaluate(s, {"grounded", {}}).labels);
}

TEST_CASE("a graph, a scenario and an incremental evaluation agree under random edits") {
    std::mt19937 rng(15);
    auto base = std::make_shared<Graph>();
    for (int i = 0; i < 8; ++i) base->add_claim({.id = "c" + std::to_string(i), .base = 0.5});
    for (int i = 0; i < 12; ++i)
        base->add_edge({.kind = i % 3 ? EdgeKind::attack : EdgeKind::support, .from = "c" + std::to_string(i % 8),
                        .to = "c" + std::to_string((i * 3 + 1) % 8)});
    base->add_edge({.id = "u0", .kind = EdgeKind::undercut, .from = "c5", .to = "e1"});
    base->add_edge({.id = "u1", .kind = EdgeKind::undercut, .from = "c6", .to = "u0"});
    Three t(base);
    auto pick = [&](int n) { return std::uniform_int_distribution<int>(0, n - 1)(rng); };
    auto claim = [&] { return "c" + std::to_string(pick(10)); };
    auto edge = [&] {
        const int k = pick(4);
        return k == 0 ? "u" + std::to_string(pick(4)) : k == 1 ? std::string{} : "e" + std::to_string(pick(16) + 1);
    };
    int accepted = 0;
    for (int step = 0; step < 400; ++step) {
        CAPTURE(step);
        const int op = pick(6);
        const std::string c1 = claim(), c2 = claim(), e1 = edge(), e2 = edge();
        const std::string removed = pick(2) ? c1 : e1;
        const EdgeKind kind = pick(2) ? EdgeKind::attack : EdgeKind::support;
        const double x = pick(11) / 10.0;
        const std::string out = t.apply([&](Editor& e) -> std::string {
            switch (op) {
                case 0: e.remove(removed); return "ok";
                case 1: e.add_claim({.id = c1, .base = x}); return "ok";
                case 2: return e.add_edge({.id = e1, .kind = kind, .from = c1, .to = c2});
                case 3: return e.add_edge({.id = e1, .kind = EdgeKind::undercut, .from = c1, .to = e2});
                case 4: e.set_base(c1, x); return "ok";
                default: e.set_weight(e1, x); return "ok";
            }
        });
        accepted += out.find(':') == std::string::npos;
        t.check_same();
    }
    CHECK(accepted > 100);
}
