// Support and undercut in extension semantics (SEMANTICS.md §3): derived
// attacks by hand and against a naive closure, duality, undercut
// reinstatement, evidential support, export.
#include <doctest/doctest.h>

#include <optional>
#include <random>
#include <set>

#include "agon/bipolar.hpp"
#include "agon/error.hpp"
#include "agon/semantics.hpp"

using namespace agon;

namespace {

using Pairs = std::set<std::pair<std::string, std::string>>;

Pairs attacks_of(const Snapshot& s) {
    Pairs out;
    for (std::uint32_t e = 0; e < s.edge_count(); ++e)
        if (s.edge_kind(e) == EdgeKind::attack) out.emplace(s.id(s.edge_from(e)), s.id(s.edge_to(e)));
    return out;
}

struct E {
    const char* from;
    const char* to;
    EdgeKind kind;
    const char* id = "";
};

Graph graph(std::initializer_list<const char*> claims, std::initializer_list<E> edges) {
    Graph g;
    for (const char* c : claims) g.add_claim({.id = c});
    for (const E& e : edges) g.add_edge({.id = e.id, .kind = e.kind, .from = e.from, .to = e.to});
    return g;
}

// One letter per claim: I(n), O(ut), U(ndec).
std::string labels(const Graph& g, const char* support, const char* semantics = "grounded") {
    Result r = evaluate(Snapshot::of(g), Request{semantics, {{"support", support}}});
    std::string out;
    for (Label l : r.labels) out += l == Label::in ? 'I' : l == Label::out ? 'O' : 'U';
    return out;
}

constexpr auto S = EdgeKind::support;
constexpr auto A = EdgeKind::attack;
constexpr auto U = EdgeKind::undercut;

// Random graph on claims c0..c{n-1}, with its support and attack relations.
struct Random {
    Graph g;
    std::vector<std::vector<bool>> sup;
    std::vector<std::pair<int, int>> att;
};

Random random_graph(std::mt19937& rng, int n, int edges) {
    Random r;
    r.sup.assign(n, std::vector<bool>(n, false));
    auto name = [](int i) { return "c" + std::to_string(i); };
    for (int i = 0; i < n; ++i) r.g.add_claim({.id = name(i)});
    for (int k = 0; k < edges; ++k) {
        int a = static_cast<int>(rng() % n), b = static_cast<int>(rng() % n);
        if (rng() % 2) {
            r.g.add_edge({.kind = S, .from = name(a), .to = name(b)});
            r.sup[a][b] = true;
        } else {
            r.g.add_edge({.kind = A, .from = name(a), .to = name(b)});
            r.att.emplace_back(a, b);
        }
    }
    return r;
}

// The derived attacks straight from the definition: reflexive-transitive
// closure by Floyd-Warshall, then every pair of closure members.
Pairs naive_derived(const Random& r, SupportMode mode) {
    const int n = static_cast<int>(r.sup.size());
    std::vector<std::vector<bool>> reach(n, std::vector<bool>(n));
    for (int i = 0; i < n; ++i)
        for (int j = 0; j < n; ++j) reach[i][j] = i == j || r.sup[i][j];
    for (int k = 0; k < n; ++k)
        for (int i = 0; i < n; ++i)
            for (int j = 0; j < n; ++j) reach[i][j] = reach[i][j] || (reach[i][k] && reach[k][j]);
    Pairs want;
    for (auto [b0, c0] : r.att)
        for (int x = 0; x < n; ++x)
            for (int y = 0; y < n; ++y) {
                // deductive: x D* b0, y D* c0; necessary: b0 N* x, c0 N* y.
                bool hit = mode == SupportMode::deductive ? reach[x][b0] && reach[y][c0] : reach[b0][x] && reach[c0][y];
                if (hit) want.emplace("c" + std::to_string(x), "c" + std::to_string(y));
            }
    return want;
}

}  // namespace

TEST_CASE("deductive support derives supported and mediated attacks") {
    // a supports b and b attacks c: supported attack a -> c. d supports c:
    // mediated b -> d, super-mediated a -> d.
    Graph g = graph({"a", "b", "c", "d"}, {{"a", "b", S}, {"b", "c", A}, {"d", "c", S}});
    CHECK(attacks_of(flatten(Snapshot::of(g), SupportMode::deductive)) ==
          Pairs{{"a", "c"}, {"a", "d"}, {"b", "c"}, {"b", "d"}});
    // a and b are unattacked, so c and d fall; without the reading d stands.
    CHECK(labels(g, "deductive") == "IIOO");
    CHECK(labels(g, "none") == "IIOI");
}

TEST_CASE("necessary support derives secondary and extended attacks") {
    // a is necessary for b. c attacks a: secondary c -> b (b loses what it needs).
    // a attacks d: extended b -> d (b's acceptance brings a's).
    Graph g = graph({"a", "b", "c", "d"}, {{"a", "b", S}, {"c", "a", A}, {"a", "d", A}});
    CHECK(attacks_of(flatten(Snapshot::of(g), SupportMode::necessary)) ==
          Pairs{{"c", "a"}, {"c", "b"}, {"a", "d"}, {"b", "d"}});
    CHECK(labels(g, "necessary") == "OOII");
    CHECK(labels(g, "none") == "OIII");
}

TEST_CASE("necessary support is deductive support reversed") {
    std::mt19937 rng(3);
    for (int round = 0; round < 100; ++round) {
        Random r = random_graph(rng, 6, 9);
        Graph reversed;
        for (const Claim& c : r.g.claims()) reversed.add_claim(c);
        for (const Edge& e : r.g.edges())
            reversed.add_edge({.kind = e.kind, .from = e.kind == S ? e.to : e.from, .to = e.kind == S ? e.from : e.to});
        CHECK(attacks_of(flatten(Snapshot::of(r.g), SupportMode::necessary)) ==
              attacks_of(flatten(Snapshot::of(reversed), SupportMode::deductive)));
    }
}

TEST_CASE("derived attacks match a naive closure") {
    std::mt19937 rng(9);
    for (int round = 0; round < 100; ++round) {
        Random r = random_graph(rng, 2 + round % 7, 4 + round % 11);
        const Snapshot s = Snapshot::of(r.g);
        CHECK(attacks_of(flatten(s, SupportMode::deductive)) == naive_derived(r, SupportMode::deductive));
        CHECK(attacks_of(flatten(s, SupportMode::necessary)) == naive_derived(r, SupportMode::necessary));
        Pairs direct;
        for (auto [a, b] : r.att) direct.emplace("c" + std::to_string(a), "c" + std::to_string(b));
        CHECK(attacks_of(flatten(s, SupportMode::none)) == direct);
    }
}

TEST_CASE("a support cycle shares every attack among its members") {
    // a and b support each other (deductive): an attack on a is an attack on b,
    // and each attacks what the other attacks.
    Graph g = graph({"a", "b", "x", "y"}, {{"a", "b", S}, {"b", "a", S}, {"x", "a", A}, {"b", "y", A}});
    CHECK(attacks_of(flatten(Snapshot::of(g), SupportMode::deductive)) ==
          Pairs{{"x", "a"}, {"x", "b"}, {"a", "y"}, {"b", "y"}});
    CHECK(labels(g, "deductive") == "OOII");
}

TEST_CASE("an undercut reinstates the claim its attack targeted") {
    // b attacks a; u undercuts that attack: a stands again, b still stands.
    Graph g = graph({"a", "b", "u"}, {{"b", "a", A, "e1"}});
    CHECK(labels(g, "none") == "OII");
    g.add_edge({.id = "u1", .kind = U, .from = "u", .to = "e1"});
    CHECK(labels(g, "none") == "III");
    // An undercut of the undercut (from w) restores the attack.
    g.add_claim({.id = "w"});
    g.add_edge({.id = "u2", .kind = U, .from = "w", .to = "u1"});
    CHECK(labels(g, "none") == "OIII");
    // And one more level: v undercuts u2, so u1 holds again.
    g.add_claim({.id = "v"});
    g.add_edge({.id = "u3", .kind = U, .from = "v", .to = "u2"});
    CHECK(labels(g, "none") == "IIIII");
    // Auxiliary claims are never reported.
    CHECK(evaluate(Snapshot::of(g), Request{"grounded", {}}).labels.size() == 5);
}

TEST_CASE("an undercut attacked in turn leaves its target undecided") {
    // b attacks a, u undercuts it, and u and t attack each other: whether the
    // attack is active depends on u, so a is undecided (grounded) and in one
    // of the two preferred extensions.
    Graph g = graph({"a", "b", "u", "t"}, {{"b", "a", A, "e1"}, {"u", "e1", U}, {"u", "t", A}, {"t", "u", A}});
    CHECK(labels(g, "none") == "UIUU");
    CHECK(labels(g, "none", "preferred") == "UIUU");
    CHECK(labels(g, "none", "stable") == "UIUU");
}

TEST_CASE("a derived attack inherits the undercuts of its direct attack") {
    // s supports b, b attacks c, u undercuts that attack. Deductive: s attacks
    // c too, and u undercuts that derived attack as well, so c stands.
    Graph g = graph({"s", "b", "c", "u"}, {{"s", "b", S}, {"b", "c", A, "bc"}});
    CHECK(labels(g, "deductive") == "IIOI");
    g.add_edge({.id = "u1", .kind = U, .from = "u", .to = "bc"});
    CHECK(labels(g, "deductive") == "IIII");
    // Four auxiliary claims: one pair for b -> c and one for s -> c.
    CHECK(flatten(Snapshot::of(g), SupportMode::deductive).size() == 8);
}

TEST_CASE("undercuts of support edges are ignored") {
    // a supports b (deductive), b attacks c; u undercuts the support: a still attacks c.
    Graph g = graph({"a", "b", "c", "u"}, {{"a", "b", S, "s1"}, {"b", "c", A}, {"u", "s1", U}});
    CHECK(attacks_of(flatten(Snapshot::of(g), SupportMode::deductive)) == Pairs{{"a", "c"}, {"b", "c"}});
    CHECK(flatten(Snapshot::of(g), SupportMode::deductive).size() == 4);
}

TEST_CASE("deductive support changes preferred extensions") {
    // a and b attack each other; c supports a. Without the reading c stands in
    // both preferred extensions {a, c} and {b, c}; deductively b attacks c
    // (mediated), so the extensions are {a, c} and {b}.
    Graph g = graph({"a", "b", "c"}, {{"a", "b", A}, {"b", "a", A}, {"c", "a", S}});
    CHECK(labels(g, "none", "preferred") == "UUI");
    CHECK(labels(g, "deductive", "preferred") == "UUU");
    CHECK(labels(g, "deductive", "grounded") == "UUU");
}

TEST_CASE("every extension semantics accepts the support parameter") {
    Graph g = graph({"a", "b", "c"}, {{"a", "b", S}, {"c", "b", A}});
    for (const char* sem : {"grounded", "complete", "preferred", "stable", "semi-stable", "stage", "ideal"}) {
        CAPTURE(sem);
        // c is unattacked; necessary: c attacks b; deductive: c attacks a (mediated) too.
        CHECK(labels(g, "none", sem) == "IOI");
        CHECK(labels(g, "necessary", sem) == "IOI");
        CHECK(labels(g, "deductive", sem) == "OOI");
    }
}

TEST_CASE("evidential support needs a chain from prima facie claims") {
    // p (no supporters: prima facie) supports q. r and q2 support only each
    // other: no evidence reaches them.
    Graph g = graph({"p", "q", "r", "q2"}, {{"p", "q", S}, {"q2", "r", S}, {"r", "q2", S}});
    CHECK(labels(g, "evidential") == "IIOO");
}

TEST_CASE("evidential attacks count only from claims with evidence") {
    // Tagged: p is prima facie, x is not and has no supporter, so x is out and
    // its attack on q does not count; q stands on p's support.
    Graph g = graph({"p", "q", "x"}, {{"p", "q", S}, {"x", "q", A}});
    Claim p = *g.find_claim("p");
    p.tags = {"prima_facie"};
    g.update_claim(p);
    CHECK(labels(g, "evidential") == "IIO");
    CHECK(labels(g, "none") == "IOI");
    // Untagged: x has no supporter, so it is prima facie and defeats q.
    p.tags = {};
    g.update_claim(p);
    CHECK(labels(g, "evidential") == "IOI");
    // An undercut (from prima facie u) of x's attack reinstates q.
    Graph h = graph({"p", "q", "x", "u"}, {{"p", "q", S}, {"x", "q", A, "xq"}, {"u", "xq", U}});
    CHECK(labels(h, "evidential") == "IIII");
}

TEST_CASE("evidential mutual attack stays undecided and so does its support") {
    // a and b attack each other, a supports c (c needs a): all undecided.
    Graph g = graph({"a", "b", "c"}, {{"a", "b", A}, {"b", "a", A}, {"a", "c", S}});
    CHECK(labels(g, "evidential") == "UUU");
}

TEST_CASE("bad support requests are usage errors") {
    Graph g = graph({"a", "b"}, {{"a", "b", S}});
    auto kind_of = [&](const char* sem, const char* support) -> std::optional<ErrorKind> {
        try {
            evaluate(Snapshot::of(g), Request{sem, {{"support", support}}});
        } catch (const Error& e) {
            return e.kind();
        }
        return std::nullopt;  // accepted: no error
    };
    CHECK(kind_of("grounded", "bogus") == ErrorKind::usage);
    CHECK(kind_of("preferred", "evidential") == ErrorKind::usage);
    CHECK(support_mode_from_string("deductive") == SupportMode::deductive);
    CHECK(!support_mode_from_string("Deductive"));
    CHECK(to_string(SupportMode::necessary) == "necessary");
}

TEST_CASE("the exported graph keeps the claims and names the auxiliary ones") {
    Graph g = graph({"a", "b", "u"}, {{"b", "a", A, "e1"}, {"u", "e1", U}});
    g.add_claim({.id = "aux:not:b:0"});  // an id the export must not reuse
    Graph flat = flatten(g, SupportMode::none);
    REQUIRE(flat.claims().size() == 6);
    CHECK(flat.claims()[3].id == "aux:not:b:0");
    const Claim& X = flat.claims()[4];
    const Claim& Y = flat.claims()[5];
    CHECK(X.id == "aux:not:b:0'");
    CHECK(Y.id == "aux:active:e1:0");
    CHECK(X.has_tag("auxiliary"));
    CHECK(X.kind == ClaimKind::argument);
    std::set<std::tuple<std::string, std::string, EdgeKind>> edges;
    for (const Edge& e : flat.edges()) edges.emplace(e.from, e.to, e.kind);
    CHECK(edges == std::set<std::tuple<std::string, std::string, EdgeKind>>{
                       {"b", X.id, A}, {X.id, Y.id, A}, {Y.id, "a", A}, {"u", Y.id, A}});
}

TEST_CASE("a long support chain gives one derived attack per supporter") {
    // c0 supports c1 ... supports c{k-1}; c{k-1} attacks t. Deductive: every
    // ci attacks t, and t is out; the closure is read once per end.
    Graph g;
    const int k = 2000;
    for (int i = 0; i < k; ++i) g.add_claim({.id = "c" + std::to_string(i)});
    g.add_claim({.id = "t"});
    for (int i = 0; i + 1 < k; ++i)
        g.add_edge({.kind = S, .from = "c" + std::to_string(i), .to = "c" + std::to_string(i + 1)});
    g.add_edge({.kind = A, .from = "c" + std::to_string(k - 1), .to = "t"});
    const Snapshot s = Snapshot::of(g);
    CHECK(derived_attacks(s, SupportMode::deductive).size() == static_cast<std::size_t>(k));
    CHECK(derived_attacks(s, SupportMode::necessary).size() == 1);
    CHECK(evaluate(s, Request{"grounded", {{"support", "deductive"}}}).labels.back() == Label::out);
}
