// Grounded semantics on hand-checked classic frameworks and on the public
// ICCMA instances (answers from the oracle in ../shared/tools).
#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>
#include <nlohmann/json.hpp>

#include "agon/io.hpp"
#include "agon/semantics.hpp"

using namespace agon;

namespace {

// Labels as a string, one letter per argument: I(n), O(ut), U(ndec).
std::string grounded_of(std::string_view apx) {
    Snapshot s = Snapshot::of(parse_framework(apx, Format::apx, "t.apx"));
    Result r = evaluate(s, Request{"grounded", {}});
    std::string out;
    for (Label l : r.labels) out += l == Label::in ? 'I' : l == Label::out ? 'O' : 'U';
    return out;
}

}  // namespace

TEST_CASE("grounded on classic frameworks") {
    // a -> b -> c -> d: alternate in/out from the unattacked start.
    CHECK(grounded_of("arg(a).arg(b).arg(c).arg(d).att(a,b).att(b,c).att(c,d).") == "IOIO");
    // Odd and even cycles leave everything undecided.
    CHECK(grounded_of("arg(a).arg(b).arg(c).att(a,b).att(b,c).att(c,a).") == "UUU");
    CHECK(grounded_of("arg(a).arg(b).att(a,b).att(b,a).") == "UU");
    // A self-attacker is undecided and so is what it alone attacks; d is unattacked.
    CHECK(grounded_of("arg(a).arg(b).arg(d).att(a,a).att(a,b).") == "UUI");
    // Nixon diamond: quaker <-> republican, each attacks one conclusion.
    CHECK(grounded_of("arg(q).arg(r).arg(p).arg(np).att(q,r).att(r,q).att(r,p).att(q,np).") == "UUUU");
    // Floating reinstatement: a <-> b, both attack c, c attacks d. Grounded is empty.
    CHECK(grounded_of("arg(a).arg(b).arg(c).arg(d).att(a,b).att(b,a).att(a,c).att(b,c).att(c,d).") == "UUUU");
    // Reinstatement: c attacks b, b attacks a: a is defended by c.
    CHECK(grounded_of("arg(a).arg(b).arg(c).att(b,a).att(c,b).") == "IOI");
    // An unattacked attacker defeats a cycle member and frees the cycle.
    CHECK(grounded_of("arg(x).arg(a).arg(b).arg(c).att(x,a).att(a,b).att(b,c).att(c,a).") == "IOIO");
    // Duplicate attacks count once in effect.
    CHECK(grounded_of("arg(a).arg(b).arg(c).att(a,b).att(a,b).att(b,c).") == "IOI");
    CHECK(grounded_of("") == "");
}

TEST_CASE("grounded ignores support edges") {
    Graph g;
    g.add_claim({.id = "a"});
    g.add_claim({.id = "b"});
    g.add_edge({.kind = EdgeKind::support, .from = "a", .to = "b"});
    Result r = evaluate(Snapshot::of(g), Request{"grounded", {}});
    CHECK(r.labels == std::vector<Label>{Label::in, Label::in});
}

TEST_CASE("grounded agrees with the oracle on the public ICCMA instances") {
    const std::string dir = std::string(AGON_SHARED_DIR) + "/data/iccma/public/";
    std::ifstream in(dir + "cases.json");
    REQUIRE(in.good());
    nlohmann::json cases = nlohmann::json::parse(in)["cases"];
    int checked = 0;
    for (const auto& c : cases) {
        const std::string task = c["task"];
        if (task != "SE-GR" && task != "DC-GR") continue;
        CAPTURE(c["instance"].get<std::string>());
        Snapshot s = Snapshot::of(load_framework(dir + c["instance"].get<std::string>()));
        Result r = evaluate(s, Request{"grounded", {}});
        if (task == "SE-GR") {
            std::vector<std::string> got, want;
            for (std::uint32_t i = 0; i < s.size(); ++i)
                if (r.labels[i] == Label::in) got.push_back(s.id(i));
            for (const auto& x : c["extension"]) want.push_back(x.get<std::string>());
            std::sort(got.begin(), got.end());
            std::sort(want.begin(), want.end());
            CHECK(got == want);
        } else {
            auto at = s.index_of(c["arg"].get<std::string>());
            REQUIRE(at);
            CHECK((r.labels[*at] == Label::in) == (c["expected"] == "YES"));
        }
        ++checked;
    }
    CHECK(checked > 50);
}
