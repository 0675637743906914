// Carneades 4 theories: argument schemes with variables instantiated as
// Carneades' engine does, issue schemes, guards, and the preference and
// criteria weighing functions (issue 21, class 7). Minimal examples written
// for this project.
#include <doctest/doctest.h>

#include "agon/error.hpp"
#include "agon/io.hpp"
#include "agon/semantics.hpp"
#include "agon/snapshot.hpp"
#include "error_of.hpp"

using namespace agon;

namespace {

Graph carneades(const std::string& text, Warnings* w = nullptr) { return parse_graph(text, Format::carneades, "c.yml", w); }

std::string label(const Graph& g, const std::string& id) {
    const Snapshot s = Snapshot::of(g);
    const Result r = evaluate(s, Request{"carneades", {}});
    const auto i = s.index_of(id);
    REQUIRE(i.has_value());
    return std::string(to_string(r.labels[*i]));
}

// A theory whose argument a1 is weighed by `function`, as its attribute says
// (its tags are only those FORMATS.md §1 maps: here its scheme).
Graph weighed_by(const std::string& function, const std::string& text) {
    Graph g = carneades(text);
    const Claim* a1 = g.find_claim("a1");
    REQUIRE(a1 != nullptr);
    REQUIRE(a1->attribute("weighing") != nullptr);
    CHECK(*a1->attribute("weighing") == function);
    CHECK(a1->tags.size() == 1);
    CHECK(a1->tags[0].rfind("scheme:", 0) == 0);
    return g;
}

// The labels of a graph after a trip through agon's JSON.
Graph through_json(const Graph& g) { return parse_graph(format_graph(g, Format::json), Format::json, "g.json"); }

// `winner` is in and `loser` out.
bool wins(const Graph& g, const std::string& winner, const std::string& loser) {
    return label(g, winner) == "in" && label(g, loser) == "out";
}

std::string error_of(const std::string& text) {
    return test::error_message([&] { carneades(text); });
}

}  // namespace

TEST_CASE("terms are spelt as Carneades prints them") {
    Graph g = carneades(
        "statements:\n  at(order, 1): At time 1.\n  w(x,0.5): half\n  l([a,b]): a list\n  'Plain words': words\n"
        "assumptions: ['at(order,1)']\n");
    REQUIRE(g.claims().size() == 4);
    CHECK(g.claims()[0].id == "at(order,1)");
    CHECK(g.claims()[0].text == "At time 1.");
    CHECK(g.claims()[0].has_tag("assumed"));
    CHECK(g.claims()[1].id == "w(x,0.500000)");  // Carneades prints reals with %f
    CHECK(g.claims()[2].id == "l([a, b])");      // and lists with ", "
    CHECK(g.claims()[3].id == "Plain words");    // not a term: kept as written
}

TEST_CASE("schemes with variables are instantiated from the assumptions") {
    const std::string theory =
        "language:\n  bird/1: '%v is a bird.'\n  flies/1: '%v flies.'\n  penguin/1: '%v is a penguin.'\n"
        "argument_schemes:\n"
        "  - id: birds_fly\n    variables: [X]\n    premises: [bird(X)]\n    exceptions: [penguin(X)]\n"
        "    conclusions: [flies(X)]\n"
        "  - id: penguins_are_birds\n    variables: [Y]\n    premises: [penguin(Y)]\n    conclusions: [bird(Y)]\n";
    Warnings w;
    Graph g = carneades(theory + "statements:\n  flies(tweety): Tweety flies.\nassumptions: [bird(tweety), penguin(pingu)]\n", &w);
    CHECK(w.empty());
    // a1: birds_fly for tweety; its exception penguin(tweety) argues (a2) for undercut(a1).
    const Claim* a1 = g.find_claim("a1");
    REQUIRE(a1);
    CHECK(a1->kind == ClaimKind::argument);
    CHECK(a1->has_tag("scheme:birds_fly"));
    CHECK(g.find_claim("flies(tweety)")->text == "Tweety flies.");  // the file's text wins
    CHECK(g.find_claim("penguin(tweety)")->text == "tweety is a penguin.");  // else the language's
    REQUIRE(g.find_claim("undercut(a1)"));
    CHECK(g.find_claim("undercut(a1)")->text == "a1 is undercut.");
    CHECK(g.find_claim("a2"));
    // pingu: penguins_are_birds (a3), then birds_fly (a4), whose exception holds.
    CHECK(g.find_claim("bird(pingu)"));
    CHECK(g.find_claim("flies(pingu)"));
    CHECK(label(g, "flies(tweety)") == "in");
    CHECK(label(g, "bird(pingu)") == "in");
    CHECK(wins(g, "undercut(a4)", "flies(pingu)"));
    // Without assumptions nothing is derived.
    g = carneades(theory);
    CHECK(g.claims().empty());
}

TEST_CASE("guards are built-ins: evaluated, never claims") {
    const std::string schemes =
        "argument_schemes:\n  - id: adult\n    variables: [P, A]\n    premises: ['age(P, A)']\n    guards: [A >= 18]\n"
        "    conclusions: [adult(P)]\n";
    Warnings w;
    Graph g = carneades(schemes + "assumptions: ['age(ann, 30)', 'age(bob, 12)']\n", &w);
    CHECK(w.empty());
    CHECK(g.find_claim("adult(ann)"));
    CHECK_FALSE(g.find_claim("adult(bob)"));
    for (const Claim& c : g.claims()) CHECK(c.id.find(">=") == std::string::npos);
    // Operators combine with Carneades' priorities: && binds tighter than ||.
    g = carneades("argument_schemes:\n  - id: s\n    variables: [X]\n    premises: [p(X)]\n"
                  "    guards: ['X > 1 && X < 5 || X == 9']\n    conclusions: [q(X)]\nassumptions: [p(1), p(3), p(7), p(9)]\n");
    CHECK_FALSE(g.find_claim("q(1)"));
    CHECK(g.find_claim("q(3)"));
    CHECK_FALSE(g.find_claim("q(7)"));
    CHECK(g.find_claim("q(9)"));
    // A named predicate is no built-in in Carneades: `lt(1,2)` must be assumed.
    g = carneades(
        "argument_schemes:\n  - id: s\n    variables: [T]\n    premises: [at(T), 'lt(0,T)']\n    conclusions: [later(T)]\n"
        "assumptions: [at(1), at(2), 'lt(0,2)']\n");
    CHECK_FALSE(g.find_claim("later(1)"));
    CHECK(g.find_claim("later(2)"));
    CHECK(label(g, "later(2)") == "in");
    // A guard agon cannot evaluate never holds, and says so.
    w.clear();
    g = carneades("argument_schemes:\n  - id: s\n    variables: [X]\n    premises: [p(X)]\n    guards: [q(X)]\n"
                  "    conclusions: [r(X)]\nassumptions: [p(a)]\n",
                  &w);
    CHECK_FALSE(g.find_claim("r(a)"));
    REQUIRE(w.size() == 1);
    CHECK(w[0].find("a guard of scheme 's' is not a built-in") != std::string::npos);
}

TEST_CASE("what agon does not apply is a warning with its line") {
    Warnings w;
    carneades("argument_schemes:\n  - id: dedupe\n    variables: [X]\n    deletions: [p(X)]\n    conclusions: [q(X)]\n"
              "assumptions: [p(a)]\n",
              &w);
    REQUIRE(w.size() == 1);
    CHECK(w[0] == "c.yml:2: scheme 'dedupe' deletes premises (a CHR simplification rule); agon does not apply it");
    w.clear();
    carneades("issue_schemes:\n  lonely: [p(X)]\nstatements:\n  p(a): a\n", &w);
    REQUIRE(w.size() == 1);
    CHECK(w[0].find("c.yml:2: issue scheme with fewer than two patterns") == 0);
}

TEST_CASE("issue schemes make issues of the statements that match them") {
    // A list of patterns: positions share the bindings of the first.
    Graph g = carneades("issue_schemes:\n  hold: ['holds(F,T)', 'not_holds(F,T)']\n"
                        "statements:\n  holds(w,3): a\n  not_holds(w,3): b\n  not_holds(w,5): c\n");
    CHECK(g.find_claim("holds(w,3)")->has_tag("issue:i1"));
    CHECK(g.find_claim("not_holds(w,3)")->has_tag("issue:i1"));
    CHECK(g.find_claim("not_holds(w,3)")->has_tag("standard:PE"));
    CHECK(g.find_claim("not_holds(w,5)")->tags.empty());
    CHECK(g.edges().size() == 2);
    // An enumeration: any number of positions; variables ending in a digit are free.
    g = carneades("issue_schemes:\n  pick: ['buy(O1)', '...', 'buy(On)']\n"
                  "statements:\n  buy(a): a\n  buy(b): b\n  buy(c): c\n  sell(a): d\n");
    CHECK(g.edges().size() == 6);
    CHECK(g.find_claim("buy(c)")->has_tag("issue:i1"));
    // An issue of the file keeps its name; new ones take the next free one.
    g = carneades("issues:\n  i1:\n    positions: [x, y]\nissue_schemes:\n  pick: ['buy(O1)', '...', 'buy(On)']\n"
                  "statements:\n  buy(a): a\n  buy(b): b\n");
    CHECK(g.find_claim("buy(a)")->has_tag("issue:i2"));
}

TEST_CASE("preference weighing ranks arguments by their schemes' metadata") {
    const std::string lex =
        "weighing_functions:\n  lex:\n    preference:\n      - property: level\n        order: [city, nation]\n"
        "      - property: date\n        order: ascending\n"
        "argument_schemes:\n"
        "  - {id: old_city, meta: {level: city, date: 1990-01-01}, weight: lex}\n"
        "  - {id: new_city, meta: {level: city, date: 2010-01-01}, weight: lex}\n"
        "  - {id: old_nation, meta: {level: nation, date: 1980-01-01}, weight: lex}\n"
        "issues:\n  i1:\n    positions: [yes, no]\n";
    // Lex superior: the national rule beats the later city rule.
    Graph g = weighed_by("preference", lex + "arguments:\n  a1: {scheme: new_city, conclusion: yes}\n  a2: {scheme: old_nation, conclusion: no}\n");
    CHECK(wins(g, "no", "yes"));
    // The rank is an attribute; conclusion edges keep weight 1 (FORMATS.md §0 rule 7).
    CHECK(*g.find_claim("a1")->attribute("preference") == "0.5");
    CHECK(*g.find_claim("a2")->attribute("preference") == "1");
    for (const Edge& e : g.edges()) CHECK(e.weight == 1.0);
    CHECK(wins(through_json(g), "no", "yes"));
    // Lex posterior between rules of one level.
    g = carneades(lex + "arguments:\n  a1: {scheme: new_city, conclusion: yes}\n  a2: {scheme: old_city, conclusion: no}\n");
    CHECK(wins(g, "yes", "no"));
    CHECK(error_of("argument_schemes:\n  - {id: s, weight: lexx}\n").find("c.yml:2:") == 0);
    CHECK(error_of("argument_schemes:\n  - {id: s, weight: lexx}\n").find("weighing function 'lexx' is not defined") != std::string::npos);
}

TEST_CASE("criteria weighing sums the soft criteria of the premises in") {
    const std::string mcda =
        "argument_schemes:\n"
        "  - id: choose\n    variables: [C, P, S]\n    premises: ['price(C,P)', 'speed(C,S)']\n    conclusions: [buy(C)]\n"
        "    weight:\n      criteria:\n        hard: [0]\n        soft:\n"
        "          price: {factor: 3, values: {low: 1.0, high: 0.0}}\n"
        "          speed: {factor: 1, values: {fast: 1.0, slow: 0.0}}\n"
        "issue_schemes:\n  buy: ['buy(O1)', '...', 'buy(On)']\n";
    // cheap-and-slow weighs 0.75, dear-and-fast 0.25.
    Graph g = weighed_by("criteria", mcda + "assumptions: ['price(van,low)', 'speed(van,slow)', 'price(car,high)', 'speed(car,fast)']\n");
    CHECK(wins(g, "buy(van)", "buy(car)"));
    CHECK(wins(through_json(g), "buy(van)", "buy(car)"));
    // With the weights of price and speed swapped the fast car wins.
    std::string swapped = mcda;
    swapped.replace(swapped.find("factor: 3"), 9, "factor: 1");
    swapped.replace(swapped.rfind("factor: 1"), 9, "factor: 3");
    g = carneades(swapped + "assumptions: ['price(van,low)', 'speed(van,slow)', 'price(car,high)', 'speed(car,fast)']\n");
    CHECK(wins(g, "buy(car)", "buy(van)"));
}

TEST_CASE("runaway rules and deep terms stop cleanly") {
    Warnings w;
    Graph g = carneades("argument_schemes:\n  - id: succ\n    variables: [X]\n    premises: [n(X)]\n    conclusions: ['n(s(X))']\n"
                        "assumptions: [n(0)]\n",
                        &w);
    REQUIRE(w.size() == 1);
    CHECK(w[0] == "c.yml: rule instantiation stopped because scheme 'succ' builds ever deeper terms");
    CHECK(g.claims().size() < 1000);
    // An id nested deeper than any term is kept as written.
    const std::string deep = std::string(5000, '(') + "a" + std::string(5000, ')');
    g = carneades("assumptions:\n  - '" + deep + "'\n");
    REQUIRE(g.claims().size() == 1);
    CHECK(g.claims()[0].id == deep);
}

TEST_CASE("a rule that would try matches without end stops with a warning") {
    std::string facts = "assumptions:\n";
    for (int i = 0; i < 40; ++i) facts += "  - f(" + std::to_string(i) + ")\n";
    Warnings w;
    carneades("argument_schemes:\n  - id: wide\n    variables: [A, B, C, D, E]\n    premises: [A, B, C, D, E]\n"
              "    guards: ['A == 1000']\n    conclusions: [never]\n" + facts,
              &w);
    REQUIRE(w.size() == 1);
    CHECK(w[0] == "c.yml: rule instantiation stopped after 1000000 premise matches");
}

TEST_CASE("a file without arguments or issues is marked Carneades' by an attribute, not a tag") {
    // Carneades: a statement that is not assumed and has no argument is out.
    const Graph g = carneades("statements:\n  p: P\n  q: Q\nassumptions: [q]\n");
    CHECK(g.find_claim("p")->tags.empty());
    CHECK(g.find_claim("q")->tags == std::vector<std::string>{"assumed"});
    REQUIRE(g.find_claim("p")->attribute("format") != nullptr);
    CHECK(*g.find_claim("p")->attribute("format") == "carneades");
    CHECK(label(g, "p") == "out");
    CHECK(label(through_json(g), "p") == "out");
    CHECK(label(through_json(g), "q") == "in");
}

TEST_CASE("graphs written with the weighing in tags still evaluate as before") {
    // agon's JSON from before the weighing moved to attributes: a preference rank as the edge weight.
    const Graph g = parse_graph(R"({"format":"agon-graph","version":1,"claims":[
        {"id":"yes","tags":["issue:i1","standard:PE"]},{"id":"no","tags":["issue:i1","standard:PE"]},
        {"id":"a1","kind":"argument","tags":["weighing:preference"]},
        {"id":"a2","kind":"argument","tags":["weighing:preference"]}],
        "edges":[{"from":"a1","to":"yes","kind":"support","weight":0.5},{"from":"a2","to":"no","kind":"support","weight":1},
                 {"from":"yes","to":"no","kind":"attack"},{"from":"no","to":"yes","kind":"attack"}]})",
                                Format::json, "old.json");
    CHECK(wins(g, "no", "yes"));
}
