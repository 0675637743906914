// A speech that made no moves (MoveKind::nothing): it happened, so what it
// leaves unanswered is dropped in it, and it reads and writes in every form.
// Expected statuses and weights are worked out by hand from docs/rounds.md.
#include <doctest/doctest.h>

#include <string>

#include "agon/round.hpp"

using namespace agon;

namespace {

// The 2AC says nothing new, the 1NR is skipped, the 2AR forfeited.
const char* const kFlow =
    "format: policy\n"
    "1AC new a1: advantage one {m=0.8 p=0.5}\n"
    "1AC new a2: advantage two {m=0.9 p=0.9}\n"
    "1NC attack n1 > a1: answer to a1\n"
    "1NC new d1: disadvantage {m=0.6 p=0.5}\n"
    "2AC\n"
    "2NC extend d1\n"
    "1NR nothing\n"
    "1AR extend a2\n"
    "2NR extend d1\n"
    "2AR: forfeited\n";

Round text(const std::string& flow) { return parse_round_text(flow, "t.flow"); }

Paradigm tech() {  // scripts/paradigms/tech.lua in C++
    Paradigm p;
    p.offence_in = {"last"};
    return p;
}

std::string error_of(const std::string& flow, Round (*read)(std::string_view, const std::string&, const FormatLoader&)) {
    try {
        read(flow, "t", FormatLoader{});
    } catch (const Error& e) {
        CHECK(e.kind() == ErrorKind::invalid_input);
        return std::to_string(e.where().line) + ":" + std::to_string(e.where().column) + " " + e.message();
    }
    return "no error";
}

}  // namespace

TEST_CASE("a speech that made no moves drops what it leaves unanswered") {
    const Round r = text(kFlow);
    CHECK(r.speeches() == std::vector<std::string>{"1AC", "1NC", "2AC", "2NC", "1NR", "1AR", "2NR", "2AR"});
    CHECK(r.moves()[4].kind == MoveKind::nothing);
    CHECK(r.moves().back().text == "forfeited");
    const Analysis after_1nc = analyse(r, "1NC");
    CHECK(after_1nc.find("n1")->status == ArgStatus::open);
    CHECK(after_1nc.find("d1")->status == ArgStatus::open);
    // After the silent 2AC, the 1NC's answer and disadvantage are dropped in it.
    const Analysis an = analyse(r, "2AC");
    CHECK(an.after == "2AC");
    CHECK(an.find("n1")->status == ArgStatus::dropped);
    CHECK(an.find("n1")->dropped_in == "2AC");
    CHECK(an.find("d1")->dropped_in == "2AC");
    CHECK(an.find("a1")->status == ArgStatus::answered);
    CHECK(an.find("a2")->dropped_in == "1NC");
    CHECK(an.live.at("neg") == std::vector<std::string>{"d1"});
}

TEST_CASE("a forfeited last speech carries nothing into it, and the decision says so") {
    const Round r = text(kFlow);
    // Tech: d1 was dropped (true) and carried into the 2NR: 0.6 x 0.5 x 0.75 x 0.75.
    // a2 (0.9 x 0.9 x 0.75 x 0.75 = 0.455625) would outweigh it, but the 2AR did not extend it.
    const Decision d = decide(r, analyse(r), tech());
    CHECK(d.winner == "neg");
    CHECK(d.totals.at("neg") == doctest::Approx(0.16875));
    CHECK(d.totals.at("aff") == 0);
    CHECK(d.find("a2")->excluded == "it was not extended into the 2AR");
    bool dropped_in_2ac = false, a2_not_extended = false;
    for (const auto& reason : d.reasons) {
        dropped_in_2ac |= reason.find("(d1, 1NC) stands: the Affirmative dropped it in the 2AC") != std::string::npos;
        a2_not_extended |= reason.find("(a2, 1AC) is not weighed: it was not extended into the 2AR") != std::string::npos;
    }
    CHECK(dropped_in_2ac);
    CHECK(a2_not_extended);
    // Judged before the 2AR was given, a2 needs no 2AR extension and wins the round.
    const Decision before = decide(r, analyse(r, "2NR"), tech());
    CHECK(before.winner == "aff");
    CHECK(before.totals.at("aff") == doctest::Approx(0.455625));
    // Not flowed at all is not the same as flowed empty: nothing is dropped in a speech not given.
    CHECK(analyse(text("1AC new a: x\n1NC new d1: y\n1AR extend a\n")).find("d1")->dropped_in == "1AR");  // no 2AC
    CHECK(analyse(text("1AC new a: x\n1NC new d1: y\n2AC\n")).find("d1")->dropped_in == "2AC");
}

TEST_CASE("an empty speech reads and writes in the text, JSON and CSV forms") {
    const Round r = text(kFlow);
    const std::string flow = format_round_text(r);
    CHECK(flow.find("\n2AC nothing\n") != std::string::npos);
    CHECK(flow.find("\n2AR nothing: forfeited\n") != std::string::npos);
    const std::string json = format_round_json(r);
    CHECK(json.find("\"move\": \"nothing\"") != std::string::npos);
    CHECK(format_round_json(text(flow)) == json);
    CHECK(format_round_json(parse_round_json(json, "back.json")) == json);
    CHECK(format_round_text(parse_round_json(json, "back.json")) == flow);
    // A sheet: the 2AC column holds only "nothing".
    const Round csv = parse_round_csv("1AC,1NC,2AC\n[a1] advantage,[n1] answer,nothing: nothing new\n,[d1] disad,\n", "t.csv");
    CHECK(csv.speeches() == std::vector<std::string>{"1AC", "1NC", "2AC"});
    CHECK(csv.moves().back().kind == MoveKind::nothing);
    CHECK(csv.moves().back().text == "nothing new");
    CHECK(analyse(csv).find("d1")->dropped_in == "2AC");
    CHECK(format_round_json(text(format_round_text(csv))) == format_round_json(csv));
    // The side may be written, as on any line; the sheet's column says so.
    CHECK(text("1AC new a: x\n1NC neg\n").moves().back().kind == MoveKind::nothing);
    CHECK(flow_sheet_dot(r, analyse(r)).find("made no moves") != std::string::npos);
    // A copy up to an empty speech keeps it.
    CHECK(r.until("2AC").speeches().back() == "2AC");
}

TEST_CASE("an empty speech that also makes a move, or carries a claim, is a located error") {
    CHECK(error_of("1AC new a: x\n1NC\n1NC new b: y\n", parse_round_text)
              .rfind("3:1 speech 1NC was flowed as making no moves (line 2), so it cannot make this one", 0) == 0);
    CHECK(error_of("1AC new a: x\n1AC\n", parse_round_text)
              .rfind("2:1 speech 1AC has made moves already (line 1), so it cannot be flowed as making none", 0) == 0);
    CHECK(error_of("1AC new a: x\n1NC\n1NC\n", parse_round_text).rfind("3:1 speech 1NC is flowed as making no moves twice", 0) == 0);
    CHECK(error_of("1AC new a: x\n1NC nothing n\n", parse_round_text).rfind("2:1 the 1NC made no moves, so it takes no id", 0) == 0);
    CHECK(error_of("1AC new a: x\n1NC: y {m=0.5}\n", parse_round_text).rfind("2:1 the 1NC made no moves", 0) == 0);
    CHECK(error_of("1AC new a: x\n1NC\n1AR\n2AC\n", parse_round_text).rfind("4:1 speech 2AC is out of order", 0) == 0);
    CHECK(error_of("1AC,1NC\n[a] x,nothing\n,[b] y\n", parse_round_csv)
              .rfind("3:2 speech 1NC was flowed as making no moves (line 2)", 0) == 0);
    CHECK(error_of("{\"format\":\"agon-round\",\"version\":1,\"moves\":[{\"speech\":\"1AC\",\"id\":\"a\"},\n"
                   " {\"speech\":\"1NC\",\"move\":\"nothing\",\"targets\":[\"a\"]}]}",
                   parse_round_json)
              .rfind("2:2 the 1NC made no moves", 0) == 0);
}
