// Debate rounds at their edges: turns that fall, turns of turns and of two
// arguments, ids and texts that must read back, late answers, the flow sheet's
// marks and wrapping, plain errors, oversized weights. Expected values are
// worked out by hand from docs/rounds.md.
#include <doctest/doctest.h>

#include <string>

#include "agon/file.hpp"
#include "agon/round.hpp"

using namespace agon;

namespace {

Round text(const std::string& flow) { return parse_round_text(flow, "t.flow"); }

Paradigm tech() {
    Paradigm p;
    p.offence_in = {"last"};
    return p;
}

// scripts/paradigms/truth.lua in C++.
Paradigm truth() {
    Paradigm p;
    p.name = "truth";
    p.semantics = "dfquad";
    p.dropped_is_true = false;
    p.weigh = [](const Round&, const ArgumentState& a) { return impact_weight(a.weighing) * a.base; };
    return p;
}

// The reason that cites claim `id` as the loser's ("'s “...” (id, ...").
std::string reason_about(const Decision& d, const std::string& id) {
    for (const auto& r : d.reasons)
        if (r.find("(" + id + ", ") != std::string::npos && r.find("turned the ") == std::string::npos) return r;
    return {};
}

// The message of the error reading `flow` (text or CSV), with its line and column.
template <class Read>
std::string error_of(Read read, const std::string& flow) {
    try {
        read(flow, "t", FormatLoader{});
    } catch (const Error& e) {
        return std::to_string(e.where().line) + ":" + std::to_string(e.where().column) + " " + e.message();
    }
    return "no error";
}

}  // namespace

TEST_CASE("a turn that falls is not why the argument it turned falls") {
    const Round r = text("1AC new adv: advantage {m=0.2 p=0.2}\n1NC new d1: disad {m=0.9 p=0.9}\n"
                         "2AC turn t > d1: link turn {base=0.2}\n");
    const Decision d = decide(r, analyse(r), truth());
    // d1: 0.5 - 0.5 * 0.2 = 0.4 < 0.5, so it falls; t (0.2) falls too.
    CHECK_FALSE(d.find("t")->stands);
    CHECK_FALSE(d.find("d1")->stands);
    const std::string why = reason_about(d, "d1");
    CHECK(why.find("was turned") == std::string::npos);
    CHECK(why.find("too weak to stand: its strength is 0.40") != std::string::npos);
}

TEST_CASE("a turn of a turn takes the impact over, and a turn of two carries both") {
    const Round t1 = text("1AC new a1: Aff advantage {magnitude=0.8 probability=0.8}\n"
                          "1NC new d1: Neg disad {magnitude=0.8 probability=0.8}\n2AC turn t1 > d1: link turn\n"
                          "2NC turn t2 > t1: turn of the turn\n1NR extend d1\n1AR extend a1\n2NR extend d1, t2\n"
                          "2AR extend a1, t1\n");
    const Decision d = decide(t1, analyse(t1), tech());
    // t2 was dropped in the 1AR: it stands, t1 falls, and t2 carries d1's impact 0.8*0.8*0.5625.
    CHECK(d.find("t2")->stands);
    CHECK(d.find("t2")->weight == doctest::Approx(0.36));

    const Round mt = text("1AC new adv: advantage {m=0.2 p=0.2}\n1NC new d1: disad one {m=0.9 p=0.9}\n"
                          "1NC new d2: disad two {m=0.9 p=0.9}\n2AC turn t > d1, d2: one link turn takes out both\n"
                          "2NC extend d1, d2\n1AR extend t\n2NR extend d1, d2\n2AR extend t, adv\n");
    const Decision m = decide(mt, analyse(mt), tech());
    // The sum of both turned impacts, 2 * 0.9*0.9*0.5625.
    CHECK(m.find("t")->weight == doctest::Approx(2 * 0.455625));
    bool cites_both = false;
    for (const auto& reason : m.reasons)
        cites_both |= reason.find("turned the Negative's “disad one” (d1, 1NC) and “disad two” (d2, 1NC)") !=
                      std::string::npos;
    CHECK(cites_both);
}

TEST_CASE("a conceded turn kept only to answer is judged: it stands, and what it turned falls to it") {
    const Round r = text("1AC new adv: advantage {m=0.3 p=0.3}\n1NC new d1: disad {m=0.9 p=0.9}\n"
                         "2AC turn t > d1: link turn\n2NC concede t\n1NR extend d1\n1AR extend adv\n2NR extend d1\n"
                         "2AR extend adv\n");
    const Decision d = decide(r, analyse(r), tech());
    CHECK_FALSE(d.find("t")->counted);  // not extended into the 2AR: not weighed
    CHECK(d.find("t")->weight == 0);
    CHECK(d.find("t")->stands);
    CHECK_FALSE(d.find("d1")->stands);
    CHECK(round_report_json(r, analyse(r), &d).find(R"("id":"t","speech":"2AC")") != std::string::npos);
    CHECK(round_report_json(r, analyse(r), &d).find(R"(it still answers the argument it turned","stands":true)") !=
          std::string::npos);
    CHECK(reason_about(d, "d1").find("was turned by “link turn” (t, 2AC)") != std::string::npos);
}

TEST_CASE("ids that a text flow cannot read back are refused where they are given") {
    CHECK(error_of(parse_round_csv, "1AC,1NC\n[my arg] first advantage,[their answer] no\n")
              .rfind("2:1 'my arg' holds a space", 0) == 0);
    const std::string odd = "{\"format\":\"agon-round\",\"version\":1,\"moves\":[\n"
                            " {\"speech\":\"1AC\",\"id\":\"x:y\",\"text\":\"t\"}]}";
    CHECK(error_of(parse_round_json, odd).rfind("2:2 'x:y' holds ':'", 0) == 0);
    // Texts keep no surrounding spaces in any form, so every form reads back the same.
    const Round r = parse_round_json("{\"format\":\"agon-round\",\"version\":1,\"moves\":[\n"
                                     " {\"speech\":\"1AC\",\"id\":\"a\",\"text\":\"  padded  \"},\n"
                                     " {\"speech\":\"1NC\",\"move\":\"attack\",\"id\":\"n\",\"targets\":[\"a\"],"
                                     "\"text\":\"ends with } brace\"}]}",
                                     "odd.json");
    CHECK(format_round_json(parse_round_text(format_round_text(r), "back.flow")) == format_round_json(r));
}

TEST_CASE("a late answer to an answer does not extend the argument") {
    const Round r = text("1AC new a: advantage\n1NC attack n > a: no solvency\n2AC new add: add-on\n1NR extend n\n"
                         "1AR attack late > n: solvency answer, first given in the 1AR\n");
    const Analysis an = analyse(r);
    CHECK(an.find("late")->status == ArgStatus::new_in_rebuttal);
    CHECK(an.find("a")->extended_in.empty());
    CHECK(an.find("a")->status == ArgStatus::answered);
}

TEST_CASE("the flow sheet shows an extension beside a drop, and wraps words longer than a line") {
    const Round r = text("1AC new a: advantage\n1NC attack n > a: answer\n2AC attack r > n: counter\n"
                         "2NC attack x > r: back\n1AR extend a\n");
    const std::string dot = flow_sheet_dot(r, analyse(r));
    CHECK(dot.find("DROPPED") != std::string::npos);
    CHECK(dot.find("EXT a") != std::string::npos);

    std::string cjk;  // 40 characters of three bytes each, no space
    for (int i = 0; i < 40; ++i) cjk += "\xE6\xBC\xA2";
    const Round c = text("1AC new a: " + cjk + "\n");
    const std::string sheet = flow_sheet_dot(c, analyse(c));
    CHECK_FALSE(invalid_utf8_offset(sheet));
    std::string first13;  // 26 columns, two to a character
    for (int i = 0; i < 13; ++i) first13 += "\xE6\xBC\xA2";
    CHECK(sheet.find(">" + first13 + "<BR") != std::string::npos);

    // The RFD cuts a long word at a character boundary too.
    const Round long_word = text("1AC new a: " + cjk + cjk + cjk + " {m=0.9 p=0.9}\n1NC new d: d\n");
    const Decision d = decide(long_word, analyse(long_word), Paradigm{});
    std::string cited;
    for (const auto& reason : d.reasons)
        if (reason.find("(a, 1AC)") != std::string::npos) cited = reason;
    CHECK(cited.find("...” (a, 1AC)") != std::string::npos);
    CHECK_FALSE(invalid_utf8_offset(cited));
    CHECK(cited.find(cjk + cjk) == std::string::npos);  // cut after 77 characters
}

TEST_CASE("plain errors for a capitalised header, a speech without its move word and a lone one-letter CSV cell") {
    const Round r = text("Motion: m\nTitle: t\n1AC new a: x\n");
    CHECK(r.motion == "m");
    CHECK(r.title == "t");
    CHECK(error_of(parse_round_text, "1AC new a: x\n1NC > a\n").rfind("2:5 expected a move after 1NC", 0) == 0);
    CHECK(error_of(parse_round_text, "Speech: m\n").rfind("1:7 'Speech:' is neither a header", 0) == 0);
    CHECK(error_of(parse_round_csv, "1AC,1NC\nadv,x\n").rfind("2:5 'x' alone could be the move cross-apply", 0) == 0);
    CHECK(text("1AC new a: x\n1NC concede a\n").moves().size() == 2);
}

TEST_CASE("oversized weights: a sum past the largest double is an error, a large weight prints in full") {
    const Round r = text("1AC new a: one {m=0.9}\n1AC new b: two {m=0.9}\n1NC new d: d\n");
    Paradigm huge;
    huge.weigh = [](const Round&, const ArgumentState&) { return 1e308; };
    CHECK_THROWS_AS(decide(r, analyse(r), huge), Error);
    huge.weigh = [](const Round&, const ArgumentState& a) { return a.side == "aff" ? 1e307 : 0.0; };
    const Decision d = decide(r, analyse(r), huge);
    CHECK(d.reasons[0].find("2e+307 to 0.00") != std::string::npos);
}
