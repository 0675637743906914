// Regression tests for the failure classes found by importing real files
// (issue 21): each case is a minimal example written for this project.
#include <doctest/doctest.h>

#include <algorithm>
#include <set>
#include <tuple>

#include "agon/error.hpp"
#include "agon/io.hpp"

using namespace agon;

namespace {

// Edges as (from, kind, to) with undercuts shown as (from, undercut, target edge's from>to).
std::multiset<std::tuple<std::string, std::string, std::string>> edges(const Graph& g) {
    std::multiset<std::tuple<std::string, std::string, std::string>> out;
    for (const Edge& e : g.edges()) {
        std::string to = e.to;
        if (e.kind == EdgeKind::undercut) {
            const Edge* t = g.find_edge(e.to);
            to = t->from + ">" + t->to;
        }
        out.insert({e.from, std::string(to_string(e.kind)), to});
    }
    return out;
}

std::string text_of(const Graph& g, const std::string& id) {
    const Claim* c = g.find_claim(id);
    return c ? c->text : "<missing>";
}

Graph argdown(const std::string& text, Warnings* w = nullptr) { return parse_graph(text, Format::argdown, "t.argdown", w); }

const char* const kNodeset = R"("nodes":[{"nodeID":"1","text":"Cars should be banned","type":"I"},
 {"nodeID":"2","text":"Air gets cleaner","type":"I"},{"nodeID":"3","text":"Default Inference","type":"RA"}],
 "edges":[{"edgeID":"1","fromID":"2","toID":"3"},{"edgeID":"2","fromID":"3","toID":"1"}])";

}  // namespace

TEST_CASE("class 1 - an AIF nodeset is detected whatever its key order") {
    const std::string edges_first = R"({"edges":[],"locutions":[],"nodes":[]})";
    CHECK(detect_format("x.json", edges_first) == Format::aif);
    CHECK(detect_format("x.json", R"({"AIF":{"nodes":[]},"OVA":{},"text":""})") == Format::aif);
    CHECK(detect_format("x.json", R"({"title":"t","claims":[],"format":"agon-graph","version":1,"edges":[]})") == Format::json);
    // A "nodes" key nested deeper, or inside a string, does not make a file AIF.
    CHECK(detect_format("x.json", R"({"claims":[{"id":"a","attributes":{"nodes":"x"}}],"edges":[]})") == Format::json);
    CHECK(detect_format("x.json", R"({"title":"\"nodes\"","edges":[]})") == Format::json);
    const std::string key_order = std::string("{\"locutions\":[],") + kNodeset + "}";
    Graph g = parse_graph(key_order, detect_format("x.json", key_order), "x.json");
    CHECK(g.claims().size() == 3);
    CHECK(g.edges().size() == 2);
}

TEST_CASE("class 2 - OVA3 xAIF exports are read and written") {
    const std::string ova = std::string(R"({"AIF":{)") + kNodeset +
                            R"(,"locutions":[]},"text":"Bob: cars must go.",
      "OVA":{"firstname":"A","surname":"B","url":"","nodes":[{"nodeID":"1","visible":true,"x":310,"y":24.5}],"edges":[]}})";
    Warnings w;
    Graph g = parse_graph(ova, detect_format("ova.json", ova), "ova.json", &w);
    REQUIRE(g.claims().size() == 3);
    CHECK(g.find_claim("3")->kind == ClaimKind::argument);
    CHECK(edges(g) == decltype(edges(g)){{"2", "support", "3"}, {"3", "support", "1"}});
    REQUIRE(g.find_claim("1")->attribute("x"));
    CHECK(*g.find_claim("1")->attribute("x") == "310");
    CHECK(*g.find_claim("1")->attribute("y") == "24.5");
    // The source text is the graph's `text` attribute.
    REQUIRE(g.attribute("text"));
    CHECK(*g.attribute("text") == "Bob: cars must go.");

    const std::string out = format_graph(g, Format::xaif);
    CHECK(out.find("\"AIF\"") != std::string::npos);
    CHECK(out.find("\"OVA\"") != std::string::npos);
    CHECK(out.find("310") != std::string::npos);  // the position survives the round trip
    Graph back = parse_graph(out, Format::xaif, "back.json");
    CHECK(edges(back) == edges(g));
    CHECK(*back.find_claim("1")->attribute("x") == "310");
    CHECK(*back.attribute("text") == "Bob: cars must go.");  // written back as xAIF's text
    CHECK(format_from_name("xaif") == Format::xaif);
    // The native format keeps graph attributes too.
    back = parse_graph(format_graph(g, Format::json), Format::json, "g.json");
    CHECK(back == g);
    CHECK(format_graph(g, Format::json).find("\"attributes\": {\n    \"text\": \"Bob: cars must go.\"") != std::string::npos);
    // A bare nodeset has no source text.
    CHECK_FALSE(parse_graph(std::string("{") + kNodeset + "}", Format::aif, "n.json").attribute("text"));
}

TEST_CASE("class 3 - one-line and three-line inference rules are parsed not absorbed") {
    Warnings w;
    Graph g = argdown("<R>\n\n(1) [A]: text a\n(2) [B]: text b\n-- Modus Ponens --\n(3) [C]: text c\n", &w);
    CHECK(w.empty());
    CHECK(text_of(g, "B") == "text b");
    CHECK(*g.find_claim("R")->attribute("inference") == "Modus Ponens");
    CHECK(edges(g) == decltype(edges(g)){{"A", "support", "R"}, {"B", "support", "R"}, {"R", "support", "C"}});

    g = argdown("<R>\n\n(1) [A]: a\n-- rule {uses: [1]} --\n(2) [C]: c\n");
    CHECK(text_of(g, "A") == "a");
    CHECK(*g.find_claim("R")->attribute("inference") == "rule");
    CHECK(edges(g).size() == 2);

    g = argdown("<R>\n\n(1) [A]: a\n--\nModus tollens {uses: [1]}\n--\n(2) [C]: c\n");
    CHECK(text_of(g, "A") == "a");
    CHECK(*g.find_claim("R")->attribute("inference") == "Modus tollens");
    CHECK(edges(g) == decltype(edges(g)){{"A", "support", "R"}, {"R", "support", "C"}});
}

TEST_CASE("class 4 - relation operators need no space after them") {
    Graph g = argdown("[T]: thesis\n  +[E]: e\n  -<Sketched Argument 1>\n  ->[F]: f\n  +><G>: g\n  <_ <U>\n");
    CHECK(g.claims().size() == 6);
    CHECK(!g.find_claim("Untitled 1"));
    CHECK(text_of(g, "E") == "e");
    CHECK(g.find_claim("Sketched Argument 1")->kind == ClaimKind::argument);
    auto e = edges(g);
    CHECK(e.count({"E", "support", "T"}) == 1);
    CHECK(e.count({"Sketched Argument 1", "attack", "T"}) == 1);
    CHECK(e.count({"T", "attack", "F"}) == 1);
    CHECK(e.count({"T", "support", "G"}) == 1);
    // "_" is an undercut only before a space: "_italic_" text is not.
    g = argdown("[T]: thesis\n_italic_ continues the text\n");
    CHECK(g.claims().size() == 1);
    CHECK(text_of(g, "T") == "thesis _italic_ continues the text");
}

TEST_CASE("class 5 - list items are elements of their own") {
    Graph g = argdown("[L]: A list follows\n  1. [One]: first\n  2. [Two]: second\n  * [Three]: third\n  * an untitled item\n");
    CHECK(g.claims().size() == 5);
    CHECK(text_of(g, "L") == "A list follows");
    CHECK(text_of(g, "Two") == "second");
    CHECK(text_of(g, "Untitled 1") == "an untitled item");
    // A number without a following space is text ("1.5 million").
    g = argdown("[N]: about\n1.5 million\n");
    CHECK(text_of(g, "N") == "about 1.5 million");
}

TEST_CASE("class 6 - Carneades keys whose entries are all commented out are empty") {
    Graph g = parse_graph("statements:\n  p: P\nassumptions:\n#  - p\narguments:\n#  a1: {conclusion: p}\nissues:\n"
                          "argument_schemes:\n",
                          Format::carneades, "c.yml");
    CHECK(g.claims().size() == 1);
    CHECK(g.claims()[0].base == 0.5);
    CHECK(g.edges().empty());
    g = parse_graph("arguments:\n  a1:\n    conclusion: p\n    premises:\n", Format::carneades, "c.yml");
    CHECK(g.edges().size() == 1);
}

TEST_CASE("class 8 - an attack written on an argument and on its conclusion counts once") {
    Graph g = argdown("<A1>: one\n  - <A2>\n\n<A2>\n\n(1) [P]: p\n----\n(2) [C]: c\n  -> <A1>\n");
    CHECK(edges(g) == decltype(edges(g)){{"P", "support", "A2"}, {"A2", "support", "C"}, {"C", "attack", "A1"}});
    // Without the duplicate the relation stays as written.
    g = argdown("<A1>: one\n  - <A2>\n\n<A2>\n\n(1) [P]: p\n----\n(2) [C]: c\n");
    CHECK(edges(g).count({"A2", "attack", "A1"}) == 1);
    // A contradiction is another relation type than an attack (as in Argdown).
    g = argdown("[U]: u\n  - <Cost>\n  >< [N]: n\n\n<Cost>\n\n(1) [B]: b\n----\n(2) [N]\n");
    CHECK(edges(g).count({"Cost", "attack", "U"}) == 1);
}

TEST_CASE("nothing unparsed is silently absorbed - each construct is a warning with its line") {
    Warnings w;
    argdown("[A]: a\n\n@include other.argdown\n\n+ [Orphan]: no parent\n\n----\n\n[B]: b\n  +\n\n<R>\n\n(1) [P]: p\n--\nnever closed\n",
            &w);
    REQUIRE(w.size() == 5);
    CHECK(w[0].find("t.argdown:3: @include") == 0);
    CHECK(w[1].find("t.argdown:5: a relation without an element above it") == 0);
    CHECK(w[2].find("t.argdown:7: an inference line outside") == 0);
    CHECK(w[3].find("t.argdown:10: a relation operator without an element") == 0);
    CHECK(w[4].find("t.argdown:15: an inference opened with -- is never closed") == 0);
    // An unclosed "--" outside a structure opens nothing: the next element is read.
    w.clear();
    Graph g = argdown("[A]: a\n\n-- stray\n[B]: b\n", &w);
    CHECK(g.claims().size() == 2);
    REQUIRE(w.size() == 1);
    CHECK(w[0].find("t.argdown:3: an inference line outside") == 0);
    w.clear();
    argdown("===\ntitle: x\n\n[A]: a\n", &w);
    REQUIRE(w.size() == 1);
    CHECK(w[0].find("t.argdown:1: front matter") == 0);
}

TEST_CASE("class 7 - Carneades terms are spelt as Carneades prints them") {
    // Carneades reads every statement key as a term and prints it back without
    // spaces between arguments: the statement and the assumption are one claim.
    Warnings w;
    Graph g = parse_graph("statements:\n  happens(wfh_order, 1): An order was issued at time 1.\n"
                          "assumptions:\n  - happens(wfh_order,1)\nnotes: kept elsewhere\n",
                          Format::carneades, "c.yml", &w);
    REQUIRE(g.claims().size() == 1);
    CHECK(g.claims()[0].id == "happens(wfh_order,1)");
    CHECK(g.claims()[0].text == "An order was issued at time 1.");
    CHECK(g.claims()[0].has_tag("assumed"));
    // What agon does not read is named, with its line.
    REQUIRE(w.size() == 1);
    CHECK(w[0] == "c.yml:5: 'notes' is not imported");
}

TEST_CASE("argdown text continued over lines keeps its links and tags") {
    Graph g = argdown("[A]: first line\nsee [the docs](https://example.org) #later {note: 1}\n");
    CHECK(text_of(g, "A") == "first line see the docs #later");
    CHECK(g.find_claim("A")->has_tag("later"));
}
