#include <doctest/doctest.h>

#include <string>

#include "agon/error.hpp"
#include "agon/graph.hpp"
#include "agon/io.hpp"
#include "error_of.hpp"

using namespace agon;
using test::error_of;

namespace {

const char* kGraph = R"({"format":"agon-graph","version":1,"title":"T",
 "claims":[{"id":"a","text":"A \"quoted\" – José","base":0.25,"tags":["x"],"attributes":{"source":"s"}},
           {"id":"b","kind":"argument"}],
 "edges":[{"id":"u","from":"a","to":"e1","kind":"undercut"},
          {"id":"e1","from":"a","to":"b","kind":"attack","weight":0.5}]})";

}  // namespace

TEST_CASE("native JSON reads every field and resolves undercuts listed before their target") {
    Graph g = parse_graph(kGraph, Format::json, "g.json");
    CHECK(g.title() == "T");
    REQUIRE(g.claims().size() == 2);
    CHECK(g.claims()[0].text == "A \"quoted\" – José");
    CHECK(g.claims()[0].base == 0.25);
    CHECK(g.claims()[0].tags == std::vector<std::string>{"x"});
    CHECK(*g.claims()[0].attribute("source") == "s");
    CHECK(g.claims()[1].kind == ClaimKind::argument);
    CHECK(g.claims()[1].base == 0.5);
    REQUIRE(g.edges().size() == 2);
    CHECK(g.edges()[0].id == "e1");
    CHECK(g.edges()[1].kind == EdgeKind::undercut);
}

TEST_CASE("native JSON round trip is lossless and deterministic") {
    Graph g = parse_graph(kGraph, Format::json, "g.json");
    std::string once = format_graph(g, Format::json);
    Graph back = parse_graph(once, Format::json, "again.json");
    CHECK(back == g);
    CHECK(format_graph(back, Format::json) == once);
}

TEST_CASE("native JSON errors name the place") {
    CHECK(error_of("", Format::json).find("in:1:1: invalid JSON") == 0);
    CHECK(error_of("{\"format\":\"agon-graph\",\n\"version\":1,\n\"claims\":[", Format::json).find("in:3:") == 0);
    CHECK(error_of("[1,2]", Format::json).find("expected a JSON object") != std::string::npos);
    CHECK(error_of(R"({"format":"x","version":1})", Format::json).find("not an agon graph") != std::string::npos);
    CHECK(error_of(R"({"format":"agon-graph","version":2})", Format::json).find("version") != std::string::npos);
    std::string dangling = error_of(R"({"format":"agon-graph","version":1,
"claims":[{"id":"a"}],
"edges":[{"id":"e9","from":"a","to":"zz","kind":"attack"}]})",
                                    Format::json);
    CHECK(dangling.find("in:3:10: edge 'e9': unknown claim 'zz'") == 0);
    CHECK(error_of(R"({"format":"agon-graph","version":1,"claims":[{"id":"a"}],
"edges":[{"id":"e1","from":"a","to":"a","kind":"rebut"}]})", Format::json)
              .find("unknown edge kind 'rebut'") != std::string::npos);
    CHECK(error_of(R"({"format":"agon-graph","version":1,"claims":[{"id":"a"},{"id":"a"}]})", Format::json)
              .find("duplicate claim id 'a'") != std::string::npos);
    CHECK(error_of(R"({"format":"agon-graph","version":1,"claims":[{"id":"a","base":2}]})", Format::json)
              .find("outside [0,1]") != std::string::npos);
    CHECK(error_of(R"({"format":"agon-graph","version":1,"claims":[{"id":"a"}],
"edges":[{"id":"u","from":"a","to":"a","kind":"undercut"}]})", Format::json)
              .find("must point at an edge") != std::string::npos);
    CHECK(error_of("\x89PNG\r\n\x1a\n\x01\x02", Format::json).find("1:1: invalid UTF-8") != std::string::npos);
    CHECK(error_of("\x01\x02garbage", Format::json).find("invalid JSON") != std::string::npos);
    CHECK(error_of(std::string(1000, '['), Format::json).find("nesting deeper") != std::string::npos);
    CHECK(error_of("1e99999", Format::json).find("in:1:1: invalid JSON") != std::string::npos);  // number overflow
    CHECK(error_of("[1e99999]", Format::aif).find("in:1:1: invalid JSON") != std::string::npos);
}

TEST_CASE("native JSON errors point at the element by its place, whatever its id") {
    const std::string head = "{\"format\":\"agon-graph\",\"version\":1,\n\"claims\":[";
    CHECK(error_of(head + "{\"id\":\"a\"},\n {\"id\":\"\"}]}", Format::json).find("in:3:2: claim with an empty id") == 0);
    CHECK(error_of(head + "{\"id\":\"a\",\"base\":0.2},\n {\"id\":\"a\"}]}", Format::json)
              .find("in:3:2: duplicate claim id 'a'") == 0);  // the second 'a', not the first
    CHECK(error_of(head + "{\"id\":\"a\"}],\n\"edges\":[{\"from\":\"a\",\"to\":\"a\"}]}", Format::json)
              .find("in:3:10: edges[0]: missing \"kind\"") == 0);
    CHECK(error_of(head + "{\"id\":\"a\"}],\n\"edges\":[{\"id\":\"u\",\"from\":\"a\",\"to\":\"v\",\"kind\":\"undercut\"},\n"
                          "{\"id\":\"v\",\"from\":\"a\",\"to\":\"u\",\"kind\":\"undercut\"}]}",
                   Format::json)
              .find("undercuts form a cycle") != std::string::npos);
    CHECK(error_of("{\"format\":\"agon-graph\",\"version\":1,\"title\":5}", Format::json).find("in:1:36: title") == 0);
}

TEST_CASE("a key repeated in one JSON object is an error at its second place, in every JSON reader") {
    CHECK(error_of("{\"format\":\"agon-graph\",\"version\":1,\"claims\":[{\"id\":\"a\",\n\"base\":0.2, \"base\":0.9}]}",
                   Format::json)
              .find("in:2:13: key \"base\" appears twice in one object (first at line 2, column 1)") == 0);
    CHECK(error_of(R"({"nodes":[{"nodeID":"1","type":"I","text":"a","text":"b"}],"edges":[]})", Format::aif)
              .find("key \"text\" appears twice") != std::string::npos);
    // The same key in sibling or nested objects, or as a value, is fine.
    CHECK(error_of(R"({"format":"agon-graph","version":1,"claims":[{"id":"a","text":"id"},{"id":"b","attributes":{"id":"x"}}]})",
                   Format::json)
              .empty());
    // A large object is checked as well (sorted when it closes).
    std::string many = "{\"format\":\"agon-graph\",\"version\":1,\"attributes\":{";
    for (int i = 0; i < 100; ++i) many += "\"k" + std::to_string(i) + "\":\"v\",";
    CHECK(error_of(many + "\"k7\":\"w\"}}", Format::json).find("key \"k7\" appears twice") != std::string::npos);
    many.back() = '}';
    CHECK(error_of(many + "}", Format::json).empty());
    // Of several repeats in a large object, the first repeated in the file is named.
    std::string order = "{\"format\":\"agon-graph\",\"version\":1,\"attributes\":{";
    for (int i = 0; i < 40; ++i) order += "\"k" + std::to_string(i) + "\":\"v\",";
    CHECK(error_of(order + "\"k35\":\"w\",\"k1\":\"w\"}}", Format::json).find("key \"k35\"") != std::string::npos);
    // A key written with an escape is the same key.
    CHECK(error_of(R"({"format":"agon-graph","version":1,"claims":[{"id":"a","text":"x","t\u0065xt":"y"}]})", Format::json)
              .find("appears twice") != std::string::npos);
}

TEST_CASE("i23 reads the header and attacks and skips comments") {
    Framework af = parse_framework("# c\np af 3\n1 2\n\n# x\n2 3\n3 3 # self\n", Format::i23, "f.i23");
    CHECK(af.size == 3);
    REQUIRE(af.attacks.size() == 3);
    CHECK(af.attacks[0] == std::pair<std::uint32_t, std::uint32_t>{0, 1});
    CHECK(af.attacks[2] == std::pair<std::uint32_t, std::uint32_t>{2, 2});
    CHECK(af.names.empty());
    CHECK(af.name(2) == "3");
}

TEST_CASE("i23 malformed lines give line and column") {
    auto err = [](std::string_view t) { return test::error_message([&] { parse_framework(t, Format::i23, "f.i23"); }); };
    CHECK(err("").find("missing the header") != std::string::npos);
    CHECK(err("1 2\n").find("f.i23:1:1: expected the header") == 0);
    CHECK(err("p af 2\n1 3\n").find("f.i23:2:1: argument 3 is out of range 1..2") == 0);
    CHECK(err("p af 2\n0 1\n").find("out of range") != std::string::npos);
    CHECK(err("p af 2\n1 x\n").find("f.i23:2:3: expected an attacked argument number") == 0);
    CHECK(err("p af 2\n1 2 3\n").find("unexpected text after the attack") != std::string::npos);
    CHECK(err("p af 99999999999\n").find("too large") != std::string::npos);
}

TEST_CASE("apx and tgf read names and report unknown ones") {
    Framework apx = parse_framework("% c\narg(a).\narg( b ).\natt(a,b).\natt(b, b).\n", Format::apx, "f.apx");
    CHECK(apx.size == 2);
    CHECK(apx.names == std::vector<std::string>{"a", "b"});
    CHECK(apx.attacks.size() == 2);
    CHECK_THROWS_AS(parse_framework("arg(a).\natt(a,c).\n", Format::apx, "f.apx"), Error);
    CHECK_THROWS_AS(parse_framework("arg(a)\n", Format::apx, "f.apx"), Error);
    Framework tgf = parse_framework("a\nb label\n#\na b\n", Format::tgf, "f.tgf");
    CHECK(tgf.names == std::vector<std::string>{"a", "b"});
    REQUIRE(tgf.attacks.size() == 1);
    CHECK_THROWS_AS(parse_framework("a\n#\na z\n", Format::tgf, "f.tgf"), Error);
}

TEST_CASE("tgf node labels are claim texts, read and written") {
    // A label is the rest of the node line, blanks trimmed; a node without one keeps its id as text.
    const Graph g = parse_graph("guns  Guns from the U.S. arm the cartels \r\ndemand\n#\nguns demand\n", Format::tgf, "f.tgf");
    REQUIRE(g.claims().size() == 2);
    CHECK(g.claims()[0].text == "Guns from the U.S. arm the cartels");
    CHECK(g.claims()[1].text == "demand");
    // Written back: texts follow the ids, a line break becomes a space, a text equal to its id is left out.
    Graph h;
    h.add_claim({.id = "fto", .text = "Cartels are terrorist\norganisations"});
    h.add_claim({.id = "treaty", .text = "treaty"});
    h.add_edge({.id = "e1", .kind = EdgeKind::attack, .from = "fto", .to = "treaty"});
    Warnings warnings;
    const std::string text = format_graph(h, Format::tgf, &warnings);
    CHECK(text == "fto Cartels are terrorist organisations\ntreaty\n#\nfto treaty\n");
    CHECK(warnings.back().find("claim texts are node labels") != std::string::npos);
    const Graph back = parse_graph(text, Format::tgf, "back.tgf");
    CHECK(back.claims()[0].text == "Cartels are terrorist organisations");
    CHECK(back.claims()[1].text == "treaty");
    // The framework reader, which keeps no strings per argument, reads the same names and attacks.
    const Framework af = parse_framework(text, Format::tgf, "back.tgf");
    CHECK(af.names == std::vector<std::string>{"fto", "treaty"});
    CHECK(af.attacks.size() == 1);
}

TEST_CASE("writers refuse or keep the ids their format cannot hold, so nothing reads back as something else") {
    // tgf: a node named "#hash" is a node; only "#" alone (or "# words") separates.
    Framework hash;
    hash.size = 2;
    hash.names = {"#hash", "b"};
    hash.attacks = {{0, 1}};
    const Framework tgf = parse_framework(format_framework(hash, Format::tgf), Format::tgf, "back.tgf");
    CHECK(tgf.names == hash.names);
    CHECK(tgf.attacks == hash.attacks);
    CHECK(parse_framework("a\nb\n# edges\na b\n", Format::tgf, "f.tgf").attacks.size() == 1);
    // i23: a name with a line break stays in its comment.
    Framework broken = hash;
    broken.names = {"two\nlines", "b"};
    const Framework i23 = parse_framework(format_framework(broken, Format::i23), Format::i23, "back.i23");
    CHECK(i23.size == 2);
    CHECK(i23.attacks == broken.attacks);
    // argdown: titles cannot hold brackets or line breaks.
    for (const char* id : {"[br]", "a]b", "two\nlines"}) {
        Graph g;
        g.add_claim({.id = id, .text = "t"});
        CAPTURE(id);
        CHECK_THROWS_WITH(format_graph(g, Format::argdown), doctest::Contains("cannot be written in argdown"));
    }
}

TEST_CASE("a long chain of undercuts reads in linear time, in either order") {
    // Each undercut aims at the one before; listed backwards the reader once
    // needed a pass per link (20,000 passes), and each link walked the chain.
    const int n = 20000;
    std::string forward, backward;
    for (int i = 1; i <= n; ++i) {
        const std::string link = ",{\"id\":\"e" + std::to_string(i) + "\",\"from\":\"a\",\"to\":\"e" + std::to_string(i - 1) +
                                 "\",\"kind\":\"undercut\"}";
        forward += link;
        backward = link + backward;
    }
    const std::string head = R"({"format":"agon-graph","version":1,"claims":[{"id":"a"},{"id":"b"}],"edges":[)"
                             R"({"id":"e0","from":"a","to":"b","kind":"attack"})";
    for (const std::string* links : {&forward, &backward}) {
        const Graph g = parse_graph(head + *links + "]}", Format::json, "chain.json");
        CHECK(g.edges().size() == static_cast<std::size_t>(n + 1));
    }
}

TEST_CASE("framework formats round trip through each other") {
    Framework af = parse_framework("arg(x).\narg(y).\narg(z).\natt(x,y).\natt(y,z).\natt(z,x).\n", Format::apx, "f");
    for (Format f : {Format::apx, Format::tgf}) {
        Framework back = parse_framework(format_framework(af, f), f, "back");
        CHECK(back.names == af.names);
        CHECK(back.attacks == af.attacks);
    }
    Framework i23 = parse_framework(format_framework(af, Format::i23), Format::i23, "back");
    CHECK(i23.size == 3);
    CHECK(i23.attacks == af.attacks);
}

TEST_CASE("format detection uses the extension and the content") {
    CHECK(detect_format("a/b.json", R"({"format":"agon-graph"})") == Format::json);
    CHECK(detect_format("a/b.json", R"({"nodes":[],"edges":[]})") == Format::aif);
    CHECK(detect_format("x.af", "") == Format::i23);
    CHECK(detect_format("x.APX", "") == Format::apx);
    CHECK_THROWS_AS(detect_format("x.weird", ""), Error);
    CHECK(format_from_name("yaml") == Format::carneades);
}

TEST_CASE("UTF-8 validation follows RFC 3629") {
    CHECK(!invalid_utf8_offset("plain ASCII"));
    CHECK(!invalid_utf8_offset("Jos\xC3\xA9 Ger\xC3\xB3nimo, Nuevo Le\xC3\xB3n \xE2\x80\x93 \xF0\x9F\x98\x80"));
    CHECK(invalid_utf8_offset("ab\xC3") == 2u);              // truncated sequence
    CHECK(invalid_utf8_offset("a\xC0\xAF") == 1u);           // overlong '/'
    CHECK(invalid_utf8_offset("a\xE0\x80\xAF") == 1u);       // overlong, three bytes
    CHECK(invalid_utf8_offset("\xED\xA0\x80") == 0u);        // UTF-16 surrogate
    CHECK(invalid_utf8_offset("\xF4\x90\x80\x80") == 0u);    // above U+10FFFF
    CHECK(invalid_utf8_offset("x\x80") == 1u);               // lone continuation byte
    CHECK(invalid_utf8_offset("\xE2\x80(") == 0u);           // bad continuation
}

TEST_CASE("every text reader refuses invalid UTF-8 with its place") {
    struct Case {
        Format format;
        std::string text;
        const char* where;
    };
    const std::string bad = "\xFF";
    for (const Case& c : {Case{Format::apx, "arg(a).\narg(b" + bad + ").\n", "in:2:6: invalid UTF-8"},
                          Case{Format::tgf, "a\nb" + bad + "\n#\n", "in:2:2: invalid UTF-8"},
                          Case{Format::argdown, "[A]: fine\n[B]: " + bad, "in:2:6: invalid UTF-8"},
                          Case{Format::kialo, "1. Thesis " + bad + "\n", "in:1:11: invalid UTF-8"},
                          Case{Format::aif, "{\"nodes\":[{\"nodeID\":\"" + bad + "\"}]}", "in:1:22: invalid UTF-8"},
                          Case{Format::json, "{\"format\":\"" + bad + "\"}", "in:1:12: invalid UTF-8"}}) {
        CAPTURE(c.where);
        CHECK(error_of(c.text, c.format).find(c.where) != std::string::npos);
    }
    CHECK(error_of(std::string("[A]: a\0b", 8), Format::argdown).find("in:1:7: a NUL byte") != std::string::npos);
    CHECK(error_of(std::string("arg(a).\narg(\0).", 15), Format::apx).find("in:2:5: a NUL byte") != std::string::npos);
}

TEST_CASE("AIF fields of the wrong type are errors, not crashes") {
    CHECK(error_of(R"({"nodes":[{"nodeID":1,"type":7,"text":"x"}],"edges":[]})", Format::aif).empty());
    CHECK(error_of(R"({"nodes":[{"nodeID":1,"type":"I"}],"edges":[{"fromID":[1],"toID":1}]})", Format::aif)
              .find("unknown node") != std::string::npos);
    CHECK(error_of(std::string(1000, '['), Format::aif).find("nesting deeper") != std::string::npos);
}

TEST_CASE("a UTF-8 byte-order mark before the content is not part of it") {
    const std::string bom = "\xEF\xBB\xBF";
    const Graph argdown = parse_graph(bom + "[A]: a\n  - [B]: b\n", Format::argdown, "g.argdown");
    REQUIRE(argdown.claims().size() == 2);
    CHECK(argdown.claims()[0].id == "A");
    CHECK(parse_graph(bom + "1. A\n1.1. Pro: B\n", Format::kialo, "g.txt").claims().size() == 2);
    CHECK(parse_graph(bom + "arg(a).\narg(b).\natt(a,b).\n", Format::apx, "g.apx").edges().size() == 1);
    CHECK(parse_graph(bom + kGraph, Format::json, "g.json").claims().size() == 2);
}
