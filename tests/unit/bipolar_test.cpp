// Support and undercut in extension semantics: derived attacks by hand and
// against a naive closure, duality, and undercut reinstatement.
#include <doctest/doctest.h>

#include <random>
#include <set>

#include "agon/bipolar.hpp"
#include "agon/semantics.hpp"

using namespace agon;

namespace {

using Pairs = std::set<std::pair<std::string, std::string>>;

Pairs attacks_of(const Snapshot& s) {
    Pairs out;
    for (std::uint32_t e = 0; e < s.edge_count(); ++e) out.emplace(s.id(s.edge_from(e)), s.id(s.edge_to(e)));
    return out;
}

Graph graph(std::initializer_list<const char*> claims, std::initializer_list<std::tuple<const char*, const char*, EdgeKind>> edges) {
    Graph g;
    for (const char* c : claims) g.add_claim({.id = c});
    for (auto [f, t, k] : edges) g.add_edge({.kind = k, .from = f, .to = t});
    return g;
}

std::string labels(const Graph& g, const char* support) {
    Result r = evaluate(Snapshot::of(g), Request{"grounded", {{"support", support}}});
    std::string out;
    for (Label l : r.labels) out += l == Label::in ? 'I' : l == Label::out ? 'O' : 'U';
    return out;
}

}  // namespace

TEST_CASE("deductive support derives supported and mediated attacks") {
    // a supports b, b attacks c: supported attack a -> c.  d supports c: mediated b -> d.
    Graph g = graph({"a", "b", "c", "d"}, {{"a", "b", EdgeKind::support}, {"b", "c", EdgeKind::attack}, {"d", "c", EdgeKind::support}});
    Pairs got = attacks_of(flatten(Snapshot::of(g), SupportMode::deductive));
    CHECK(got == Pairs{{"a", "c"}, {"a", "d"}, {"b", "c"}, {"b", "d"}});
    // Grounded: a, b, d unattacked by... a and b are unattacked; c and d fall.
    CHECK(labels(g, "deductive") == "IIOO");
    CHECK(labels(g, "none") == "IIOI");
}

TEST_CASE("necessary support derives secondary and extended attacks") {
    // a is necessary for b; c attacks a: b loses its necessary support -> c attacks b (secondary).
    // a attacks d: b needs a, so b... extended: b0 N+ x -> x attacks c0: a attacks d and a N b -> b attacks d.
    Graph g = graph({"a", "b", "c", "d"}, {{"a", "b", EdgeKind::support}, {"c", "a", EdgeKind::attack}, {"a", "d", EdgeKind::attack}});
    Pairs got = attacks_of(flatten(Snapshot::of(g), SupportMode::necessary));
    CHECK(got == Pairs{{"c", "a"}, {"c", "b"}, {"a", "d"}, {"b", "d"}});
    CHECK(labels(g, "necessary") == "OOII");
}

TEST_CASE("necessary support is deductive support reversed") {
    std::mt19937 rng(3);
    for (int round = 0; round < 50; ++round) {
        Graph n, d;
        for (int i = 0; i < 6; ++i) {
            n.add_claim({.id = "c" + std::to_string(i)});
            d.add_claim({.id = "c" + std::to_string(i)});
        }
        for (int k = 0; k < 8; ++k) {
            std::string a = "c" + std::to_string(rng() % 6), b = "c" + std::to_string(rng() % 6);
            if (rng() % 2) {
                n.add_edge({.kind = EdgeKind::support, .from = a, .to = b});
                d.add_edge({.kind = EdgeKind::support, .from = b, .to = a});
            } else {
                n.add_edge({.kind = EdgeKind::attack, .from = a, .to = b});
                d.add_edge({.kind = EdgeKind::attack, .from = a, .to = b});
            }
        }
        CHECK(attacks_of(flatten(Snapshot::of(n), SupportMode::necessary)) ==
              attacks_of(flatten(Snapshot::of(d), SupportMode::deductive)));
    }
}

TEST_CASE("deductive derived attacks match a naive closure") {
    std::mt19937 rng(9);
    for (int round = 0; round < 50; ++round) {
        const int n = 7;
        Graph g;
        for (int i = 0; i < n; ++i) g.add_claim({.id = "c" + std::to_string(i)});
        bool sup[n][n] = {};
        std::vector<std::pair<int, int>> att;
        for (int k = 0; k < 10; ++k) {
            int a = static_cast<int>(rng() % n), b = static_cast<int>(rng() % n);
            if (rng() % 2) {
                g.add_edge({.kind = EdgeKind::support, .from = "c" + std::to_string(a), .to = "c" + std::to_string(b)});
                sup[a][b] = true;
            } else {
                g.add_edge({.kind = EdgeKind::attack, .from = "c" + std::to_string(a), .to = "c" + std::to_string(b)});
                att.emplace_back(a, b);
            }
        }
        // Reflexive-transitive closure, Floyd-Warshall style.
        bool reach[n][n];
        for (int i = 0; i < n; ++i)
            for (int j = 0; j < n; ++j) reach[i][j] = i == j || sup[i][j];
        for (int k = 0; k < n; ++k)
            for (int i = 0; i < n; ++i)
                for (int j = 0; j < n; ++j) reach[i][j] = reach[i][j] || (reach[i][k] && reach[k][j]);
        Pairs want;
        for (auto [b0, c0] : att)
            for (int x = 0; x < n; ++x)
                for (int y = 0; y < n; ++y)
                    if (reach[x][b0] && reach[y][c0]) want.emplace("c" + std::to_string(x), "c" + std::to_string(y));
        CHECK(attacks_of(flatten(Snapshot::of(g), SupportMode::deductive)) == want);
    }
}

TEST_CASE("an undercut reinstates the claim its attack targeted") {
    // b attacks a; u undercuts that attack: a stands again, b still stands.
    Graph g;
    for (const char* c : {"a", "b", "u"}) g.add_claim({.id = c});
    g.add_edge({.id = "e1", .kind = EdgeKind::attack, .from = "b", .to = "a"});
    CHECK(labels(g, "none") == "OII");
    g.add_edge({.id = "u1", .kind = EdgeKind::undercut, .from = "u", .to = "e1"});
    CHECK(labels(g, "none") == "III");
    // An undercut of the undercut (from w) restores the attack.
    g.add_claim({.id = "w"});
    g.add_edge({.id = "u2", .kind = EdgeKind::undercut, .from = "w", .to = "u1"});
    CHECK(labels(g, "none") == "OIII");
    // Auxiliary claims are never reported.
    CHECK(evaluate(Snapshot::of(g), Request{"grounded", {}}).labels.size() == 4);
}

TEST_CASE("evidential support needs a chain from prima facie claims") {
    // p (prima facie, no supporters) supports q; r is supported only by q2, which
    // has no support from a prima facie claim... q2 supports r and r supports q2: a loop.
    Graph g;
    for (const char* c : {"p", "q", "r", "q2"}) g.add_claim({.id = c});
    g.add_edge({.kind = EdgeKind::support, .from = "p", .to = "q"});
    g.add_edge({.kind = EdgeKind::support, .from = "q2", .to = "r"});
    g.add_edge({.kind = EdgeKind::support, .from = "r", .to = "q2"});
    CHECK(labels(g, "evidential") == "IIOO");
    CHECK_THROWS(evaluate(Snapshot::of(g), Request{"grounded", {{"support", "bogus"}}}));
}
