// The RFD explains a claim of a judged graph under a gradual semantics on
// its upstream graph (round/upstream.hpp) because the numbers are the same
// there: to the bit on an acyclic graph, to within the iteration's stopping
// rule on one with cycles (attributions, which the engine computes on the
// claim's part of any graph, to the bit on both). Checked here against the
// whole graph for every claim, every gradual semantics and flows with every
// kind of move.
#include <doctest/doctest.h>

#include <cmath>
#include <string>

#include "agon/file.hpp"
#include "agon/question.hpp"
#include "agon/round.hpp"
#include "agon/snapshot.hpp"
#include "round/upstream.hpp"

using namespace agon;

namespace {

const std::string kFlows = std::string(AGON_SOURCE_DIR) + "/tests/rounds/flows/";

// A policy round of k lines of argument in the manner of tests/bench/round_flow.awk:
// answers, frontlines, turns, cross-applications, extensions and concessions;
// with `cycles`, cross-applications that close cycles of two answers.
Round generated(int k, bool cycles = false) {
    std::string t = "motion: generated\nformat: policy\n";
    auto line = [&](const std::string& s) { t += s + "\n"; };
    auto n = [](int i) { return std::to_string(i); };
    for (int i = 1; i <= k; ++i) line("1AC new a" + n(i) + ": advantage {m=0." + n(i % 9 + 1) + " p=0." + n(i % 7 + 2) + "}");
    for (int i = 1; i <= k; ++i) {
        if (i % 5) line("1NC attack n" + n(i) + " > a" + n(i) + ", a" + n(i % 3 + 1) + ": answer");
        if (i % 4 == 0) line("1NC new d" + n(i) + ": disadvantage {m=0." + n(i % 8 + 1) + "}");
    }
    for (int i = 1; i <= k; ++i) {
        if (i % 5 && i % 3) line("2AC attack r" + n(i) + " > n" + n(i) + ": frontline");
        if (i % 8 == 0) line("2AC turn t" + n(i) + " > d" + n(i) + ": link turn");
        if (i % 6 == 0) line("2AC cross-apply a" + n(i) + " > n1");
        if (cycles && i % 10 == 1) line("2AC cross-apply a" + n(i) + " > n" + n(i));
    }
    for (int i = 1; i <= k; ++i)
        if (i % 5 && i % 3 && i % 2 == 0) line("2NC attack s" + n(i) + " > r" + n(i) + ": block answer");
    for (int i = 1; i <= k; ++i) {
        if (i % 3 != 1) line("1AR extend a" + n(i));
        if (i % 8 == 0) line("1AR support p" + n(i) + " > t" + n(i) + ": more on the turn");
        if (cycles && i % 5 && i % 3 && i % 2 == 0) line("1AR cross-apply r" + n(i) + " > s" + n(i));
    }
    for (int i = 1; i <= k; ++i)
        if (i % 11 == 0) line("2NR concede a" + n(i));
    for (int i = 1; i <= k; ++i)
        if (i % 3 != 1) line("2AR extend a" + n(i));
    return parse_round_text(t, "generated.flow");
}

Paradigm truth_like(const std::string& semantics) {
    Paradigm p;
    p.semantics = semantics;
    p.dropped_is_true = false;
    return p;
}

bool acyclic(const Graph& g) { return condense(Snapshot::of(g), Dependencies::all).acyclic(); }

// Every claim's strength and attributions on its upstream graph equal those on the whole.
void check_upstream(const Round& round) {
    for (const char* sem : {"dfquad", "quad", "euler", "qe", "hcat", "max", "card", "mlp"}) {
        CAPTURE(sem);
        const Graph g = judged_graph(round, analyse(round), truth_like(sem));
        const detail::Upstream up(g);
        const bool exact = acyclic(g);
        const Request request{sem, {}};
        const Result whole = evaluate(Subject(g), request);
        for (const Claim& c : g.claims()) {
            CAPTURE(c.id);
            const Graph part = up.of(c.id);
            const double there = evaluate(Subject(part), request).value(static_cast<std::uint32_t>(*part.claim_index(c.id)));
            const double here = whole.value(static_cast<std::uint32_t>(*g.claim_index(c.id)));
            if (exact) CHECK(there == here);
            else CHECK(std::abs(there - here) < 1e-8);
            const auto expected = attributions(Subject(g), request, c.id);
            const auto got = attributions(Subject(part), request, c.id);
            REQUIRE(got.size() == expected.size());
            for (std::size_t i = 0; i < got.size(); ++i) {
                CHECK(got[i].claim == expected[i].claim);
                CHECK(got[i].removal == expected[i].removal);
                CHECK(got[i].gradient == expected[i].gradient);
            }
        }
    }
}

}  // namespace

TEST_CASE("a judged claim's upstream graph gives the whole graph's strengths and attributions") {
    for (const char* name : {"policy_small.flow", "policy_block.flow", "policy_dropped_turn.flow", "pf_offence.flow",
                             "ld_drop.flow"}) {
        CAPTURE(name);
        check_upstream(load_round(kFlows + name));
    }
    check_upstream(generated(24));
}

TEST_CASE("upstream graphs of flows whose cross-applications close cycles give the whole graph's numbers") {
    const Round loops = generated(24, true);
    REQUIRE_FALSE(acyclic(judged_graph(loops, analyse(loops), truth_like("dfquad"))));
    check_upstream(loops);
    // The 2AC cross-applies the advantage against the answer to it.
    const Round pair = load_round(kFlows + "policy_cross_apply.flow");
    REQUIRE_FALSE(acyclic(judged_graph(pair, analyse(pair), truth_like("dfquad"))));
    check_upstream(pair);
}

TEST_CASE("upstream graphs: only the claims that reach the claim, around cycles too") {
    const Round r = parse_round_text("motion: m\nformat: policy\n"
                                     "1AC new a1: one\n1AC new a2: two\n"
                                     "1NC attack n1 > a1: no\n"
                                     "2AC attack r1 > n1: yes\n",
                                     "small.flow");
    const Graph g = judged_graph(r, analyse(r), truth_like("dfquad"));
    const detail::Upstream up(g);
    const Graph a1 = up.of("a1");
    std::vector<std::string> ids;
    for (const Claim& c : a1.claims()) ids.push_back(c.id);
    CHECK(ids == std::vector<std::string>{"a1", "n1", "r1"});
    CHECK(a1.edges().size() == 2);
    CHECK(up.of("motion").claims().size() == g.claims().size());
    // A cross-application back onto the answer closes a cycle: a1 answers n1, which answers a1.
    const Round loop = parse_round_text("motion: m\nformat: policy\n1AC new a1: one\n1NC attack n1 > a1: no\n"
                                        "2AC cross-apply a1 > n1\n",
                                        "loop.flow");
    const Graph looped = judged_graph(loop, analyse(loop), truth_like("dfquad"));
    CHECK(detail::Upstream(looped).of("a1").edges().size() == 2);
    CHECK(detail::Upstream(looped).of("n1").claims().size() == 2);
}
