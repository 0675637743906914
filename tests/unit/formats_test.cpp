// Interchange formats: round trips and malformed input with locations.
#include <doctest/doctest.h>

#include "agon/error.hpp"
#include "agon/framework.hpp"
#include "agon/io.hpp"
#include "agon/snapshot.hpp"
#include "error_of.hpp"

#include <set>

using namespace agon;
using test::error_message;
using test::error_of;

namespace {

Graph sample() {
    Graph g;
    g.set_title("Round trip");
    g.add_claim({.id = "thesis", .text = "Ban cars from the centre #policy", .tags = {"policy"}});
    g.add_claim({.id = "air", .text = "Air quality improves"});
    g.add_claim({.id = "shops", .text = "Shops lose customers"});
    g.add_claim({.id = "study", .text = "A study found more visitors", .kind = ClaimKind::argument});
    g.add_claim({.id = "doubt", .text = "The study was small"});
    g.add_edge({.id = "e1", .kind = EdgeKind::support, .from = "air", .to = "thesis"});
    g.add_edge({.id = "e2", .kind = EdgeKind::attack, .from = "shops", .to = "thesis"});
    g.add_edge({.id = "e3", .kind = EdgeKind::attack, .from = "study", .to = "shops"});
    g.add_edge({.id = "e4", .kind = EdgeKind::undercut, .from = "doubt", .to = "e3"});
    return g;
}

// Claims (id, kind, text) and edges as (from, to, kind, target of undercut).
using Shape = std::pair<std::set<std::tuple<std::string, ClaimKind, std::string>>,
                        std::multiset<std::tuple<std::string, std::string, EdgeKind, std::string>>>;
Shape shape(const Graph& g) {
    Shape s;
    for (const Claim& c : g.claims()) s.first.insert({c.id, c.kind, c.text});
    for (const Edge& e : g.edges()) {
        std::string to = e.to, target;
        if (e.kind == EdgeKind::undercut) {
            const Edge* t = g.find_edge(e.to);
            to = t->from;
            target = t->to;
        }
        s.second.insert({e.from, to, e.kind, target});
    }
    return s;
}

}  // namespace

TEST_CASE("argdown export re-imports to the same graph") {
    Graph g = sample();
    Warnings w;
    Graph back = parse_graph(format_graph(g, Format::argdown, &w), Format::argdown, "rt.argdown");
    CHECK(shape(back) == shape(g));
    CHECK(back.title() == "Round trip");
}

TEST_CASE("aif export re-imports to the same graph for arguments and attacks") {
    Graph g;
    g.add_claim({.id = "p", .text = "premise"});
    g.add_claim({.id = "c", .text = "conclusion"});
    g.add_claim({.id = "x", .text = "objection"});
    g.add_claim({.id = "ra", .text = "Default Inference", .kind = ClaimKind::argument});
    g.add_edge({.id = "e1", .kind = EdgeKind::support, .from = "p", .to = "ra"});
    g.add_edge({.id = "e2", .kind = EdgeKind::support, .from = "ra", .to = "c"});
    g.add_edge({.id = "e3", .kind = EdgeKind::attack, .from = "x", .to = "c"});
    g.add_edge({.id = "e4", .kind = EdgeKind::undercut, .from = "x", .to = "e2"});
    g.set_title("Round trip");
    Graph back = parse_graph(format_graph(g, Format::aif), Format::aif, "rt.json");
    CHECK(shape(back) == shape(g));
    CHECK(back.title() == "Round trip");
}

TEST_CASE("aif export says what reads back as something else") {
    Graph g;
    g.add_claim({.id = "a"});
    g.add_claim({.id = "b"});
    g.add_claim({.id = "s"});
    g.add_claim({.id = "A", .kind = ClaimKind::argument});
    g.add_edge({.id = "e1", .kind = EdgeKind::support, .from = "a", .to = "b"});  // becomes ra:e1
    g.add_edge({.id = "e2", .kind = EdgeKind::support, .from = "A", .to = "b"});
    g.add_edge({.id = "e3", .kind = EdgeKind::attack, .from = "s", .to = "A"});   // reads back as an undercut of e2
    Warnings w;
    format_graph(g, Format::aif, &w);
    auto said = [&](const char* what) {
        for (const auto& line : w)
            if (line.find(what) != std::string::npos) return true;
        return false;
    };
    CHECK(said("1 support(s) become inference nodes"));
    CHECK(said("1 attack(s) on argument claims read back as undercuts"));
}

TEST_CASE("argdown export says what reads back as something else") {
    Graph g;
    g.add_claim({.id = "a", .text = "see [the report](http://x) // draft"});
    g.add_claim({.id = "b"});
    g.add_edge({.id = "e1", .kind = EdgeKind::attack, .from = "a", .to = "b"});
    g.add_edge({.id = "e2", .kind = EdgeKind::attack, .from = "a", .to = "b"});
    Warnings w;
    format_graph(g, Format::argdown, &w);
    std::string all;
    for (const auto& line : w) all += line + "\n";
    CHECK(all.find("1 claim text(s) hold //") != std::string::npos);
    CHECK(all.find("1 repeated edge(s) will re-import as one") != std::string::npos);
}

TEST_CASE("kialo reads both dialects and links") {
    Graph a = parse_graph("Discussion Title: T\n\n1. Thesis\n1.1. Pro: Reason\nmore text\n1.2. Con: -> See 1.1.\n",
                          Format::kialo, "a.txt");
    REQUIRE(a.claims().size() == 2);
    CHECK(a.claims()[1].text == "Reason more text");
    CHECK(a.edges().size() == 2);
    Graph b = parse_graph("1 Thesis\n1.1 PRO: Reason\n1.1.1 CON: Doubt\n", Format::kialo, "b.txt");
    CHECK(b.edges().size() == 2);
    CHECK(b.edges()[1].kind == EdgeKind::attack);
}

TEST_CASE("malformed interchange files give a located error") {
    CHECK(error_of("no numbers here\n", Format::kialo).find("in:1:1:") == 0);
    CHECK(error_of("1. A\n1.5.1. Pro: orphan\n", Format::kialo).find("in:2:1:") == 0);
    CHECK(error_of("1. A\n1.1. Pro: -> See 9.\n", Format::kialo).find("unknown claim") != std::string::npos);
    CHECK(error_of("{\"nodes\":[{\"nodeID\":\"1\",\"type\":\"I\"}],\"edges\":[{\"fromID\":\"1\",\"toID\":\"7\"}]}", Format::aif)
              .find("unknown node") != std::string::npos);
    CHECK(error_of("{\"nodes\": [", Format::aif).find("in:1:") == 0);
    CHECK(error_of("[1, 2]", Format::aif).find("not an AIF document") != std::string::npos);
    CHECK(error_of("statements:\n  p: [unclosed\n", Format::carneades).find("in:") == 0);
    CHECK(error_of("arguments:\n  a1:\n    premises: [p]\n", Format::carneades).find("needs a conclusion") != std::string::npos);
    CHECK(error_of("issues:\n  i1:\n    positions: [p, q]\n    standard: XYZ\n", Format::carneades).find("in:4:") == 0);
    CHECK(error_of("argument_schemes:\n  - id: s\n    weight:\n      constant: heavy\n", Format::carneades)
              .find("in:4:17: a scheme's constant weight must be a number") == 0);
    CHECK(error_of("argument_schemes:\n  - id: s\n    weight:\n      constant: [1]\n", Format::carneades).find("in:4:") == 0);
}

TEST_CASE("argdown reports unsupported constructs with line numbers") {
    Warnings w;
    parse_graph("[A]: a\n\n@include other.argdown\n", Format::argdown, "x.argdown", &w);
    REQUIRE(w.size() == 1);
    CHECK(w[0].find("x.argdown:3:") == 0);
}

TEST_CASE("interchange writers refuse or rename what would not read back") {
    SUBCASE("argdown: an argument whose title opens like a relation, and titles with spaces at their ends") {
        for (const char* id : {"-x", "+x", "_x"}) {
            Graph g;
            g.add_claim({.id = id, .kind = ClaimKind::argument});
            CHECK(error_message([&] { format_graph(g, Format::argdown); }).find("cannot start with + - or _") !=
                  std::string::npos);
        }
        Graph g;
        g.add_claim({.id = " pad "});
        CHECK(error_message([&] { format_graph(g, Format::argdown); }).find("spaces at their ends") != std::string::npos);
        Graph statement;  // a statement's title is in brackets: "-x" is fine there
        statement.add_claim({.id = "-x"});
        CHECK(parse_graph(format_graph(statement, Format::argdown), Format::argdown, "rt").claims()[0].id == "-x");
    }
    SUBCASE("argdown: a title with a line break, a quote or a comment mark reads back whole") {
        Graph g = sample();
        g.set_title("line one\nline \"two\" # not a comment [x]");
        CHECK(parse_graph(format_graph(g, Format::argdown), Format::argdown, "rt").title() == g.title());
    }
    SUBCASE("aif: a node made for an edge never takes a claim's id") {
        Graph g;
        g.add_claim({.id = "a"});
        g.add_claim({.id = "b"});
        g.add_claim({.id = "ca:e1"});
        g.add_claim({.id = "ra:e2"});
        g.add_edge({.id = "e1", .kind = EdgeKind::attack, .from = "a", .to = "b"});
        g.add_edge({.id = "e2", .kind = EdgeKind::support, .from = "a", .to = "b"});
        const Graph back = parse_graph(format_graph(g, Format::aif), Format::aif, "rt.json");
        CHECK(back.find_claim("ca:e1"));
        CHECK(back.find_claim("ra:e2"));
        CHECK(back.claims().size() == 5);  // a, b, the two claims, and the support's inference node
    }
}

TEST_CASE("readers point at the element or mark that is wrong") {
    CHECK(error_of("[a]: one /* unclosed\n\n[b]: two\n", Format::argdown).find("in:1:10: a comment opened with /*") == 0);
    CHECK(error_of("[a]: one\n<!-- open\n[b]: two\n", Format::argdown).find("in:2:1: a comment opened with <!--") == 0);
    const std::string nodes = "{\n \"nodes\": [\n  {\"nodeID\": \"1\", \"type\": \"I\"},\n  {\"nodeID\": \"1\", \"type\": \"I\"}\n ]\n}";
    CHECK(error_of(nodes, Format::aif).find("in:4:3: duplicate nodeID '1'") == 0);
    const std::string edges =
        "{\"nodes\": [{\"nodeID\": \"1\", \"type\": \"I\"}],\n \"edges\": [\n  {\"fromID\": \"1\", \"toID\": \"1\"},\n"
        "  {\"fromID\": \"1\", \"toID\": \"7\"}]}";
    CHECK(error_of(edges, Format::aif).find("in:4:3:") == 0);
    const std::string xaif = "{\"text\": {\"nodes\": [1]}, \"AIF\": {\"nodes\": [\n {\"nodeID\": \"a\"},\n {\"nodeID\": 1.5}]}}";
    CHECK(error_of(xaif, Format::xaif).find("in:3:2: a nodeID must be a string or a whole number") == 0);
    CHECK(error_of("{\"nodes\": [], \"edges\": {}}", Format::aif).find("\"edges\" must be an array") != std::string::npos);
}

TEST_CASE("an abstract framework reads as a graph the way it evaluates") {
    // A repeated attack is one attack; an argument starts at full strength.
    for (const char* text : {"p af 3\n2 3\n1 2\n2 3\n", "p af 3\n1 2\n2 3\n2 3\n"}) {
        const Snapshot s = Snapshot::of(parse_framework(text, Format::i23, "in"));
        CHECK(s.edge_count() == 2);
        CHECK(s.attackers().degree(2) == 1);
        const Graph g = parse_graph(text, Format::i23, "in");
        CHECK(g.edges().size() == 2);
        for (const Claim& c : g.claims()) CHECK(c.base == 1.0);
    }
    CHECK(Snapshot::of(parse_framework("arg(a).\narg(b).\natt(a,b).\natt(a,b).\n", Format::apx, "in")).edge_count() == 1);
}

TEST_CASE("apx: names that are no ASP constant are quoted and read back; facts may run over lines") {
    Framework af;
    af.size = 5;
    af.names = {"A", "b%c", "x.y", "plain_1", "42"};
    af.attacks = {{0, 1}, {3, 4}};
    const std::string apx = format_graph(to_graph(af), Format::apx);
    CHECK(apx.find("arg(\"A\").") != std::string::npos);
    CHECK(apx.find("att(\"A\",\"b%c\").") != std::string::npos);
    CHECK(apx.find("arg(plain_1).") != std::string::npos);
    CHECK(apx.find("arg(42).") != std::string::npos);
    const Framework back = parse_framework(apx, Format::apx, "rt.apx");
    CHECK(back.names == af.names);
    CHECK(back.attacks == af.attacks);
    CHECK(parse_framework("arg(a).\narg(b).\natt(a,\n  b\n).\n", Format::apx, "in").attacks.size() == 1);
    CHECK(error_message([&] { parse_framework("arg(\"x).\n", Format::apx, "in"); }).find("in:1:5: a quoted name") == 0);
    Framework quote;
    quote.size = 1;
    quote.names = {"say \"hi\""};
    CHECK(error_message([&] { format_graph(to_graph(quote), Format::apx); }).find("cannot hold quotes") != std::string::npos);
}
