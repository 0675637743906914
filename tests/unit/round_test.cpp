// Debate rounds: statuses after every speech, judged graphs and decisions on
// hand-checked flows (tests/rounds/flows), readers, round trips and located
// errors. Expected values are worked out by hand from the definitions in
// docs/rounds.md, not captured from agon.
#include <doctest/doctest.h>

#include <map>

#include "agon/file.hpp"
#include "agon/round.hpp"

using namespace agon;

namespace {

const std::string kFlows = std::string(AGON_SOURCE_DIR) + "/tests/rounds/flows/";

Round flow(const std::string& name) { return load_round(kFlows + name); }

// id -> status after `speech`.
std::map<std::string, std::string> statuses(const Round& r, const std::string& speech) {
    std::map<std::string, std::string> out;
    for (const auto& a : analyse(r, speech).arguments) out[a.id] = std::string(to_string(a.status));
    return out;
}

using S = std::map<std::string, std::string>;

// The tech paradigm's rules (scripts/paradigms/tech.lua) in C++.
Paradigm tech() {
    Paradigm p;
    p.offence_in = {"last"};
    return p;
}

}  // namespace

TEST_CASE("round statuses after every speech of a policy round") {
    const Round r = flow("policy_small.flow");
    CHECK(r.speeches() == std::vector<std::string>{"1AC", "1NC", "2AC", "2NC", "1NR", "1AR", "2NR", "2AR"});
    CHECK(statuses(r, "1AC") == S{{"a1", "open"}, {"a2", "open"}});
    CHECK(statuses(r, "1NC") == S{{"a1", "answered"}, {"a2", "dropped"}, {"n1", "open"}, {"d1", "open"}});
    CHECK(statuses(r, "2AC") == S{{"a1", "extended"}, {"a2", "dropped"}, {"n1", "answered"}, {"d1", "turned"},
                                  {"r1", "open"}, {"t1", "open"}});
    // The 1NR is still to come: the negative block has not left the 2AC's answers unanswered yet.
    CHECK(statuses(r, "2NC") == S{{"a1", "extended"}, {"a2", "dropped"}, {"n1", "answered"}, {"d1", "turned"},
                                  {"r1", "open"}, {"t1", "open"}, {"d2", "open"}});
    CHECK(statuses(r, "1NR")["r1"] == "dropped");
    CHECK(statuses(r, "1NR")["t1"] == "dropped");
    CHECK(statuses(r, "1AR")["d2"] == "dropped");
    const S end = statuses(r, "2AR");
    CHECK(end.at("late") == "new-in-rebuttal");  // the Negative spoke three times after the 1AC without answering a2
    CHECK(end.at("a2") == "dropped");            // a late answer is no answer
    const Analysis an = analyse(r);
    CHECK(an.after == "2AR");
    CHECK(an.find("a2")->dropped_in == "1NC");
    CHECK(an.find("a2")->extended_in == std::vector<std::string>{"1AR", "2AR"});
    CHECK(an.find("a1")->extended_in == std::vector<std::string>{"2AC", "1AR", "2AR"});
    CHECK(an.find("d1")->turned_by == "t1");
    CHECK(an.live.at("aff") == std::vector<std::string>{"a1", "a2", "t1"});
    CHECK(an.live.at("neg") == std::vector<std::string>{"d2"});
}

TEST_CASE("a turn counts for the side that turned it in the judged graph") {
    const Round r = flow("policy_small.flow");
    Paradigm no_extension_rule = tech();
    no_extension_rule.offence_in.clear();
    const Graph all = judged_graph(r, analyse(r), no_extension_rule);
    const Graph g = judged_graph(r, analyse(r), tech());
    auto has_edge = [](const Graph& in, const std::string& from, const std::string& to, EdgeKind kind) {
        for (const Edge& e : in.edges())
            if (e.from == from && e.to == to && e.kind == kind) return true;
        return false;
    };
    CHECK(has_edge(all, "t1", "d1", EdgeKind::attack));
    CHECK(has_edge(all, "d1", "motion", EdgeKind::attack));
    CHECK(has_edge(g, "t1", "motion", EdgeKind::support));  // the Affirmative's turn now supports the motion
    CHECK(has_edge(g, "d2", "motion", EdgeKind::attack));
    CHECK_FALSE(g.find_claim("late"));                  // new in the 2NR: ignored
    CHECK_FALSE(g.find_claim("d1"));                    // not extended into the 2NR
    CHECK(g.find_claim("a2")->base == 1.0);              // dropped = true
}

TEST_CASE("the decision on the policy round under tech rules") {
    const Round r = flow("policy_small.flow");
    const Decision d = decide(r, analyse(r), tech());
    // a1 0.8*0.5*0.75*0.75, t1 takes d1's impact 0.6*0.5*0.5625, a2 0.4*0.5*0.5625; d2 0.2*0.5*0.5625.
    CHECK(d.winner == "aff");
    CHECK(d.totals.at("aff") == doctest::Approx(0.50625));
    CHECK(d.totals.at("neg") == doctest::Approx(0.05625));
    CHECK(d.on == std::vector<std::string>{"a1", "t1", "a2"});
    CHECK(d.find("d1")->excluded == "it was not extended into the 2NR");
    REQUIRE(d.reasons.size() >= 3);
    CHECK(d.reasons[0].find("the Affirmative wins, 0.51 to 0.06") != std::string::npos);
    CHECK(d.reasons[2].find("In the 2AC the Affirmative turned the Negative's") != std::string::npos);
    CHECK(d.reasons[2].find("dropped it in the 1NR") != std::string::npos);
}

TEST_CASE("a dropped weak argument: tech votes on the drop, a truth reading does not") {
    const Round r = flow("ld_drop.flow");
    CHECK(statuses(r, "NC") == S{{"v", "dropped"}, {"c", "open"}});
    CHECK(statuses(r, "NR") == S{{"v", "dropped"}, {"c", "extended"}, {"x", "dropped"}});
    const Decision t = decide(r, analyse(r), tech());
    CHECK(t.winner == "aff");
    CHECK(t.totals.at("aff") == doctest::Approx(0.9 * 0.9 * 0.5625));
    Paradigm truth;
    truth.semantics = "dfquad";
    truth.dropped_is_true = false;
    truth.weigh = [](const Round&, const ArgumentState& a) { return impact_weight(a.weighing) * a.base; };
    const Decision d = decide(r, analyse(r), truth);
    // v: strength 0.2 < 0.5 falls; c: 0.9 - 0.9*0.3 = 0.63, weighs 0.140625 * 0.9 * 0.63.
    CHECK(d.winner == "neg");
    CHECK(d.find("c")->strength.value() == doctest::Approx(0.63));
    CHECK(d.totals.at("neg") == doctest::Approx(0.140625 * 0.9 * 0.63));
    CHECK(d.totals.at("aff") == 0);
}

TEST_CASE("Public Forum: the second constructive does not drop, the summary must carry offence") {
    const Round r = flow("pf_offence.flow");
    CHECK(statuses(r, "CC") == S{{"p1", "open"}, {"p2", "open"}, {"c1", "open"}});
    CHECK(statuses(r, "CR") ==
          S{{"p1", "dropped"}, {"p2", "answered"}, {"c1", "dropped"}, {"pr_s", "dropped"}, {"cr1", "open"}});
    CHECK(analyse(r, "CR").find("c1")->dropped_in == "PR");
    CHECK(statuses(r, "PS").at("p2") == "extended");
    Paradigm pf = tech();
    pf.offence_in = {"summary", "final-focus", "last"};
    const Decision d = decide(r, analyse(r), pf);
    CHECK(d.find("p1")->excluded == "it was not extended into the PS");
    CHECK(d.winner == "con");
    CHECK(decide(r, analyse(r), tech()).winner == "pro");
}

TEST_CASE("text, JSON and CSV flows read back to the same round") {
    const Round r = flow("policy_small.flow");
    const std::string json = format_round_json(r);
    const Round back = parse_round_json(json, "back.json");
    CHECK(format_round_json(back) == json);
    const std::string text = format_round_text(r);
    CHECK(format_round_text(parse_round_text(text, "back.flow")) == text);
    CHECK(format_round_json(parse_round_text(text, "back.flow")) == json);
    const Round csv = flow("policy_small.csv");
    const Analysis an = analyse(csv);
    CHECK(an.find("n1")->targets == std::vector<std::string>{"a1"});
    CHECK(an.find("r1")->targets == std::vector<std::string>{"n1"});
    CHECK(an.find("t1")->kind == MoveKind::turn);
    CHECK(an.find("d1")->status == ArgStatus::turned);
    CHECK(an.find("t1")->extended_in == std::vector<std::string>{"2AR"});
    CHECK(an.find("d1")->extended_in == std::vector<std::string>{"1NR"});
}

TEST_CASE("malformed flows give located errors") {
    auto error_of = [](const std::string& file) -> std::string {
        try {
            load_round(std::string(AGON_SOURCE_DIR) + "/tests/rounds/bad/" + file);
        } catch (const Error& e) {
            CHECK(e.kind() == ErrorKind::invalid_input);
            return std::to_string(e.where().line) + ":" + std::to_string(e.where().column) + " " + e.message();
        }
        return "no error";
    };
    CHECK(error_of("unknown_target.flow").rfind("3:16 'zz' is not on the flow yet", 0) == 0);
    CHECK(error_of("out_of_order.flow").rfind("5:1 speech 2AC is out of order: it comes before 1AR", 0) == 0);
    CHECK(error_of("twice_in_a_row.flow").rfind("4:1 the Negative speaks twice in a row (1NC, then 2NC)", 0) == 0);
    CHECK(error_of("unknown_speech.flow").rfind("3:1 unknown speech '1XC'", 0) == 0);
    CHECK(error_of("unknown_move.flow").rfind("3:5 unknown move 'rebut'", 0) == 0);
    CHECK(error_of("bad_weighing.flow").rfind("2:15 '2' is not a number in [0,1]", 0) == 0);
    CHECK(error_of("unknown_format.flow").rfind("1:1 unknown debate format 'nosuch'", 0) == 0);
    CHECK(error_of("unclosed.csv").rfind("2:1 a quoted cell is not closed", 0) == 0);
    CHECK(error_of("unknown_target.json").rfind("3:2 'nope' is not on the flow yet", 0) == 0);
}

TEST_CASE("every built-in format reads, and a side's turn order is checked") {
    CHECK(round_format_names() == std::vector<std::string>{"asian-parliamentary", "british-parliamentary",
                                                           "lincoln-douglas", "policy", "public-forum", "world-schools"});
    for (const auto& n : round_format_names()) {
        const RoundFormat f = builtin_round_format(n);
        CHECK(f.sides.size() == 2);
        CHECK(f.side(f.presumption));
    }
    Round r(builtin_round_format("world-schools"));
    r.add(Move{.kind = MoveKind::argument, .speech = "P1", .id = "p"});
    r.add(Move{.kind = MoveKind::attack, .speech = "O3", .id = "o", .targets = {"p"}});
    r.add(Move{.kind = MoveKind::extend, .speech = "OR", .targets = {"o"}});  // the reply may follow the third speaker
    CHECK_THROWS_AS(r.add(Move{.kind = MoveKind::turn, .speech = "PR", .id = "t", .targets = {"p"}}), Error);  // own claim
}
