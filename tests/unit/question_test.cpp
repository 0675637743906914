// The question layer's explanations of undercut attacks: every step names
// original claims and edges only, and each flattened attack is one step.
#include <doctest/doctest.h>

#include <set>
#include <string>

#include "agon/question.hpp"

using namespace agon;

namespace {

struct E {
    const char* id;
    EdgeKind kind;
    const char* from;
    const char* to;
};

Graph graph(std::initializer_list<const char*> claims, std::initializer_list<E> edges) {
    Graph g;
    for (const char* c : claims) g.add_claim({.id = c});
    for (const E& e : edges) g.add_edge({.id = e.id, .kind = e.kind, .from = e.from, .to = e.to});
    return g;
}

// Every id a defeat names is a claim or an edge of `g`, and no defeat pairs an
// id with itself.
void check_original(const Graph& g, const Explanation& why) {
    for (const Defeat& d : why.defeats) {
        CHECK((g.find_claim(d.defender) || g.find_edge(d.defender)));
        CHECK((g.find_claim(d.attacker) || g.find_edge(d.attacker)));
        CHECK(d.defender != d.attacker);
    }
}

bool has(const std::vector<Defeat>& defeats, const char* defender, const char* attacker) {
    for (const Defeat& d : defeats)
        if (d.defender == defender && d.attacker == attacker) return true;
    return false;
}

bool has(const Explanation& why, const char* defender, const char* attacker) {
    return has(why.defeats, defender, attacker);
}

const Request grounded{"grounded", {}};

}  // namespace

TEST_CASE("an undercut is one step of the dispute tree") {
    // a attacks b (e1); z undercuts e1: b stands because z answers the attack.
    const Graph g = graph({"a", "b", "z"}, {{"e1", EdgeKind::attack, "a", "b"}, {"u1", EdgeKind::undercut, "z", "e1"}});
    const Explanation why = explain(g, grounded, "b");
    CHECK(why.label == Label::in);
    check_original(g, why);
    REQUIRE(why.defeats.size() == 1);
    CHECK(has(why, "z", "e1"));
}

TEST_CASE("an attack whose source falls is answered through its source") {
    // a attacks b (e1, undercut by z, which w defeats); c attacks a. b stands
    // because e1 is inactive: c defeats its source a.
    const Graph g = graph({"a", "b", "z", "c", "w"}, {{"e1", EdgeKind::attack, "a", "b"},
                                                      {"u1", EdgeKind::undercut, "z", "e1"},
                                                      {"e2", EdgeKind::attack, "c", "a"},
                                                      {"e3", EdgeKind::attack, "w", "z"}});
    const Explanation why = explain(g, grounded, "b");
    CHECK(why.label == Label::in);
    check_original(g, why);
    CHECK(has(why, "c", "e1"));  // the step that used to be dropped
    CHECK(has(why, "c", "a"));
    CHECK(why.attackers_of("b") == std::vector<std::string>{"e1"});
}

TEST_CASE("an active undercut attack defeats its target in one step") {
    // a attacks b (e1); z undercuts e1 but w defeats z: b falls to e1.
    const Graph g = graph({"a", "b", "z", "w"}, {{"e1", EdgeKind::attack, "a", "b"},
                                                 {"u1", EdgeKind::undercut, "z", "e1"},
                                                 {"e3", EdgeKind::attack, "w", "z"}});
    const Explanation why = explain(g, grounded, "b");
    CHECK(why.label == Label::out);
    check_original(g, why);
    REQUIRE(!why.defeats.empty());
    CHECK(why.defeats.front().defender == "e1");
    CHECK(why.defeats.front().attacker == "b");
    CHECK(has(why, "w", "z"));
    CHECK(!has(why, "a", "e1"));  // the source standing is not a defeat of the attack
}

TEST_CASE("a witness answers an inactive attack through the defeat of its source") {
    // As above under preferred: e1 is inactive because c, in the witness,
    // defeats its source a; the defence says so (it used to be left out, and
    // b read as not attacked at all).
    const Graph g = graph({"a", "b", "z", "c", "w"}, {{"e1", EdgeKind::attack, "a", "b"},
                                                      {"u1", EdgeKind::undercut, "z", "e1"},
                                                      {"e2", EdgeKind::attack, "c", "a"},
                                                      {"e3", EdgeKind::attack, "w", "z"}});
    const Explanation why = explain(g, Request{"preferred", {}}, "b");
    CHECK(why.kind == ExplanationKind::extension_witness);
    CHECK(why.skeptical);
    REQUIRE(why.defence.size() == 1);
    CHECK(has(why.defence, "c", "e1"));
    CHECK(why.undefended.empty());
}

TEST_CASE("attributions carry Shapley values when asked, up to the player limit") {
    // b <- a <- c, d -> b (dfquad): a, c and d reach b.
    const Graph g = graph({"a", "b", "c", "d"}, {{"e1", EdgeKind::attack, "a", "b"},
                                                 {"e2", EdgeKind::attack, "c", "a"},
                                                 {"e3", EdgeKind::support, "d", "b"}});
    const Request dfquad{"dfquad", {}};
    const Snapshot s = Snapshot::of(g);
    const std::vector<Contribution> plain = attributions(g, dfquad, "b");
    const std::vector<Contribution> with = attributions(g, dfquad, "b", AttributionOptions{.shapley_max_players = 3});
    REQUIRE(with.size() == 3);
    for (std::size_t i = 0; i < with.size(); ++i) {
        CHECK(!plain[i].shapley);
        CHECK(with[i].claim == plain[i].claim);
        CHECK(with[i].removal == plain[i].removal);
        double phi = 0;
        for (const auto& [v, x] : shapley(s, dfquad, *s.index_of("b")))
            if (s.id(v) == with[i].claim) phi = x;
        REQUIRE(with[i].shapley);
        CHECK(*with[i].shapley == doctest::Approx(phi));
    }
    for (const Contribution& c : attributions(g, dfquad, "b", AttributionOptions{.shapley_max_players = 2}))
        CHECK(!c.shapley);
}

TEST_CASE("a stage witness that leaves an inactive attack's source standing lists the attack as unanswered") {
    // a attacks b (e1, undercut by z); b attacks z. The stage witness {b}
    // makes e1 inactive only by leaving a out: nothing in it defeats a.
    const Graph g = graph({"a", "b", "z"}, {{"e1", EdgeKind::attack, "a", "b"},
                                            {"e2", EdgeKind::attack, "b", "z"},
                                            {"u1", EdgeKind::undercut, "z", "e1"}});
    const Explanation why = explain(g, Request{"stage", {}}, "b");
    REQUIRE(why.credulous);
    CHECK(why.defence.empty());
    CHECK(why.undefended == std::vector<std::string>{"e1"});
}

TEST_CASE("explain and hinge take an answer the face holds: the same answers, and a wrong one refused") {
    // b <- a <- c, d supports b: a dispute tree (grounded), attributions (dfquad).
    const Graph g = graph({"a", "b", "c", "d"}, {{"e1", EdgeKind::attack, "a", "b"},
                                                 {"e2", EdgeKind::attack, "c", "a"},
                                                 {"e3", EdgeKind::support, "d", "b"}});
    for (const Request& req : {grounded, Request{"dfquad", {}}, Request{"grounded", {{"support", "evidential"}}}}) {
        CAPTURE(req.semantics);
        Scenario what_if(std::make_shared<Graph>(g));
        what_if.remove_claim("c");
        IncrementalEvaluation live(Scenario(std::make_shared<Graph>(g)), req);
        live.set_scenario(what_if);
        const Result held = evaluate(live);
        const Subject subject(what_if);
        for (const char* claim : {"a", "b", "d"}) {
            CHECK(to_json(explain(subject, req, claim, held)) == to_json(explain(subject, req, claim)));
            CHECK(to_json(hinge(subject, req, claim, {}, held)) == to_json(hinge(subject, req, claim)));
        }
        // The answer of another graph (c still there) is refused.
        const Result other = evaluate(Subject(g), req);
        CHECK_THROWS_AS(explain(subject, req, "b", other), Error);
        CHECK_THROWS_AS(hinge(subject, req, "b", {}, other), Error);
    }
}

TEST_CASE("extensions that differ only in an undercut's auxiliary claims are listed and counted once") {
    // c1 attacks c0 (e1), and c0 undercuts that attack: the flattened framework
    // has complete extensions {c1} with the attack active and inactive.
    const Graph g = graph({"c0", "c1"}, {{"e1", EdgeKind::attack, "c1", "c0"}, {"e2", EdgeKind::undercut, "c0", "e1"}});
    ExtensionsOptions keep;
    keep.keep = true;
    const Extensions all = extensions(Subject(g), Request{"complete", {}}, keep);
    CHECK(all.count == 2);
    CHECK(std::set<std::vector<std::string>>(all.sets.begin(), all.sets.end()) ==
          std::set<std::vector<std::string>>{{"c1"}, {"c0", "c1"}});
    CHECK(all.sets.size() == 2);
    // The limit counts what is shown: three raw extensions, two shown, all of them within a limit of 3.
    keep.limit = 3;
    const Extensions three = extensions(Subject(g), Request{"complete", {}}, keep);
    CHECK(three.sets.size() == 2);
    CHECK(three.complete);
    keep.limit = 2;
    CHECK(extensions(Subject(g), Request{"complete", {}}, keep).complete);  // exactly 2: all of them
    keep.limit = 1;
    const Extensions one = extensions(Subject(g), Request{"complete", {}}, keep);
    CHECK(one.count == 1);
    CHECK(!one.complete);  // there is one more
    CHECK(!one.stopped);
    // Without undercuts too: two preferred extensions, a limit of 1 says there are more.
    const Graph pair = graph({"a", "b"}, {{"e1", EdgeKind::attack, "a", "b"}, {"e2", EdgeKind::attack, "b", "a"}});
    const Extensions first = extensions(Subject(pair), Request{"preferred", {}}, keep);
    CHECK((first.count == 1 && first.sets.size() == 1 && !first.complete));
    keep.limit = 2;
    CHECK(extensions(Subject(pair), Request{"preferred", {}}, keep).complete);
    keep.limit = 1;
    // One claim attacking itself twice, one of the attacks undercut by it: stage has the one empty extension.
    const Graph self = graph({"c0"}, {{"e1", EdgeKind::attack, "c0", "c0"},
                                      {"e2", EdgeKind::attack, "c0", "c0"},
                                      {"e3", EdgeKind::undercut, "c0", "e1"}});
    CHECK(extensions(Subject(self), Request{"stage", {}}, keep = {}).count == 1);
}

TEST_CASE("extension semantics answer to their ICCMA abbreviations in every question") {
    CHECK(canonical_semantics("PR") == "preferred");
    CHECK(canonical_semantics("SST") == "semi-stable");
    CHECK(canonical_semantics("semi_stable") == "semi-stable");
    const Graph g = graph({"a", "b"}, {{"e1", EdgeKind::attack, "a", "b"}, {"e2", EdgeKind::attack, "b", "a"}});
    const Result r = evaluate(Subject(g), Request{"PR", {}});
    CHECK(r.labels == std::vector<Label>{Label::undec, Label::undec});
    CHECK(r.semantics == "PR");  // the name as the caller wrote it
    CHECK(extensions(Subject(g), Request{"ST", {}}).count == 2);
}
