// Maps: SVG structure, colours, formats, determinism, hostile text, and
// memory over many renders. Only with Graphviz.
#include <doctest/doctest.h>

#include <fstream>
#include <regex>

#include "agon/error.hpp"
#include "agon/render.hpp"
#include "agon/semantics.hpp"

#ifdef AGON_HAVE_GRAPHVIZ

using namespace agon;

namespace {

Graph sample() {
    Graph g;
    g.set_title("Sample <map> & \"title\"");
    g.add_claim({.id = "a", .text = "José says \"guns\" <flow> & more"});
    g.add_claim({.id = "b", .text = "Gerónimo in Nuevo León, AT&amp;T"});
    g.add_claim({.id = "c", .text = std::string(5000, 'x') + " end", .kind = ClaimKind::argument});
    g.add_claim({.id = "d", .text = "control\x01\x02 chars \\N and backslash \\"});
    g.add_edge({.id = "e1", .kind = EdgeKind::attack, .from = "a", .to = "b"});
    g.add_edge({.id = "e2", .kind = EdgeKind::support, .from = "c", .to = "b"});
    g.add_edge({.id = "u", .kind = EdgeKind::undercut, .from = "d", .to = "e1"});
    return g;
}

// Tags must nest properly (a small well-formedness check of the XML).
bool well_formed(const std::string& xml) {
    std::vector<std::string> stack;
    std::regex tag("<(/?)([A-Za-z][A-Za-z0-9:_-]*)[^>]*?(/?)>");
    std::string body = std::regex_replace(xml, std::regex("<!--[\\s\\S]*?-->|<\\?[^>]*\\?>|<!DOCTYPE[^>]*>"), "");
    for (std::sregex_iterator it(body.begin(), body.end(), tag), end; it != end; ++it) {
        const auto& m = *it;
        if (m[3] == "/") continue;
        if (m[1] == "/") {
            if (stack.empty() || stack.back() != m[2]) return false;
            stack.pop_back();
        } else {
            stack.push_back(m[2]);
        }
    }
    return stack.empty();
}

std::size_t count(const std::string& hay, const std::string& needle) {
    std::size_t n = 0;
    for (std::size_t at = hay.find(needle); at != std::string::npos; at = hay.find(needle, at + 1)) ++n;
    return n;
}

}  // namespace

TEST_CASE("svg maps are well formed and show every claim with its evaluation") {
    Graph g = sample();
    Result r = evaluate(Snapshot::of(g), Request{"grounded", {}});
    RenderOptions o;
    o.result = &r;
    o.legend = true;
    const std::string svg = render(g, o);
    CHECK(well_formed(svg));
    CHECK(count(svg, "<g id=\"node") >= 4);
    CHECK(svg.find("Jos\xC3\xA9 says &quot;guns&quot; &lt;flow&gt; &amp;") != std::string::npos);
    CHECK(svg.find("Nuevo León") != std::string::npos);
    CHECK(svg.find("AT&amp;amp;T") != std::string::npos);  // shown as typed, not read as an entity
    CHECK(svg.find("\x01") == std::string::npos);
    CHECK(svg.find("\\N and") != std::string::npos);  // no Graphviz escape expansion
    CHECK(svg.find("…") != std::string::npos);                  // the long claim is cut
    CHECK(svg.find("#9ad8c1") != std::string::npos);             // in: bluish green
    CHECK(svg.find("#f4b28f") != std::string::npos);             // out: vermillion
    CHECK(svg.find("stroke-dasharray") != std::string::npos);    // the undercut
    CHECK(svg.find("Legend") != std::string::npos);
    // a, c, d stand; b falls (attacked by a; the undercut from d... d stands and undercuts e1).
    CHECK(r.labels[1] == Label::in);
}

TEST_CASE("png and pdf have the right magic bytes and output is deterministic") {
    Graph g = sample();
    RenderOptions o;
    o.format = "png";
    CHECK(render(g, o).rfind("\x89PNG", 0) == 0);
    o.format = "pdf";
    CHECK(render(g, o).rfind("%PDF", 0) == 0);
    o.format = "svg";
    CHECK(render(g, o) == render(g, o));
    o.format = "gif";
    CHECK_THROWS(render(g, o));
    o.format = "svg";
    o.layout = "bogus";
    CHECK_THROWS(render(g, o));
}

TEST_CASE("focus and diff views") {
    Graph g = sample();
    RenderOptions o;
    o.format = "dot";
    o.focus = "a";
    o.depth = 1;
    std::string dot = render(g, o);
    CHECK(dot.find("\"a\" [") != std::string::npos);
    CHECK(dot.find("\"c\" [") == std::string::npos);
    o.focus = "nope";
    CHECK_THROWS(render(g, o));
    Graph h = g;
    h.remove_claim("a");
    Result before = evaluate(Snapshot::of(g), Request{"hcat", {}});
    Result after = evaluate(Snapshot::of(h), Request{"hcat", {}});
    RenderOptions d;
    d.result = &after;
    d.before = &before;
    const std::string svg = render(h, d);
    CHECK(svg.find(" \u2192 ") != std::string::npos);  // "before → after"
    CHECK(svg.find("#cc79a7") != std::string::npos);
}

TEST_CASE("a claim named like an undercut's middle point is refused by name, other 'edge:' claims are claims") {
    Graph g = sample();
    g.add_claim({.id = "edge:zz", .text = "only a name"});
    g.add_edge({.id = "e3", .kind = EdgeKind::attack, .from = "edge:zz", .to = "a"});
    RenderOptions o;
    o.format = "dot";
    const std::string dot = render(g, o);
    CHECK(dot.find("\"edge:zz\" [label=") != std::string::npos);
    CHECK(dot.find("\"edge:e1\" [shape=point") != std::string::npos);
    g.add_claim({.id = "edge:e1", .text = "collides"});
    try {
        render(g, o);
        FAIL("expected an error");
    } catch (const Error& e) {
        CHECK(std::string(e.what()).find("claim 'edge:e1' has the name of the point the map draws on edge 'e1'") !=
              std::string::npos);
    }
}

TEST_CASE("burden numbers shade by rank: 1 darkest, larger lighter") {
    Graph g;
    for (const char* id : {"a", "b", "c"}) g.add_claim({.id = id});
    g.add_edge({.id = "e1", .kind = EdgeKind::attack, .from = "a", .to = "b"});
    g.add_edge({.id = "e2", .kind = EdgeKind::attack, .from = "b", .to = "c"});
    const Result burden = evaluate(Snapshot::of(g), Request{"burden", {}});  // a 1, b 2, c 1.5
    const auto looks = claim_looks(g, &burden, nullptr);
    CHECK(looks.at("a").fill != looks.at("b").fill);
    CHECK(looks.at("b").fill != looks.at("c").fill);
    CHECK(looks.at("a").status == "[1.00]");
}

TEST_CASE("claim looks are what the map draws") {
    Graph g = sample();
    g.add_claim({.id = "x", .text = "x attacks b"});
    g.add_edge({.id = "e3", .kind = EdgeKind::attack, .from = "x", .to = "b"});
    Graph h = g;
    h.remove_claim("a");
    h.remove_claim("x");
    const Result before = evaluate(Snapshot::of(g), Request{"grounded", {}});
    const Result after = evaluate(Snapshot::of(h), Request{"grounded", {}});
    const auto looks = claim_looks(g, &after, &before);
    REQUIRE(looks.size() == 5);
    CHECK(looks.at("a").status.empty());  // not in `after`: no status, white
    CHECK(looks.at("a").fill == "#FFFFFF");
    CHECK(looks.at("b").status == "[in]");
    CHECK(looks.at("b").change == "out \u2192 in");
    CHECK(looks.at("b").outline == "#CC79A7");
    CHECK(looks.at("c").change.empty());
    RenderOptions o;
    o.format = "dot";
    o.result = &after;
    o.before = &before;
    const std::string dot = render(h, o);
    for (const char* id : {"b", "c", "d"}) {
        const ClaimLook& l = looks.at(id);
        const std::string line = dot.substr(dot.find(std::string("\"") + id + "\" ["));
        const std::string node = line.substr(0, line.find('\n'));
        CHECK(node.find("fillcolor=\"" + l.fill + "\"") != std::string::npos);
        CHECK(node.find("\\n" + l.status) != std::string::npos);
        if (!l.change.empty()) CHECK(node.find(l.change) != std::string::npos);
    }
    // From the result alone: the claims it answers about, the same looks.
    const auto answered = claim_looks(after, &before);
    REQUIRE(answered.size() == 3);
    for (const char* id : {"b", "c", "d"}) {
        CHECK(answered.at(id).fill == looks.at(id).fill);
        CHECK(answered.at(id).change == looks.at(id).change);
    }
    // Only some of them (what a switch-off changed): those the result answers about.
    const auto some = claim_looks(after, &before, {"b", "a", "nowhere", "d"});
    REQUIRE(some.size() == 2);
    for (const char* id : {"b", "d"}) {
        CHECK(some.at(id).fill == answered.at(id).fill);
        CHECK(some.at(id).status == answered.at(id).status);
        CHECK(some.at(id).change == answered.at(id).change);
        CHECK(some.at(id).outline == answered.at(id).outline);
    }
    const auto gradual = evaluate(Snapshot::of(g), Request{"dfquad", {}});
    CHECK(claim_looks(g, &gradual, nullptr).at("b").status.rfind("[0.", 0) == 0);
}

#if defined(__SANITIZE_ADDRESS__)
// AddressSanitizer quarantines freed memory, so resident size says nothing there.
#else
namespace {
long resident_kib() {
    std::ifstream in("/proc/self/statm");
    long pages = 0, rss = 0;
    in >> pages >> rss;
    return rss * 4;
}
}  // namespace

TEST_CASE("repeated renders do not grow memory") {
    Graph g = sample();
    RenderOptions o;
    for (int i = 0; i < 20; ++i) render(g, o);  // warm up one-time allocations
    const long before = resident_kib();
    for (int i = 0; i < 200; ++i) render(g, o);
    CHECK(resident_kib() - before < 4096);  // Graphviz leaks ~0.4 kB per cyclic layout at most
}
#endif

#endif

TEST_CASE("a long claim without spaces wraps at characters, never inside one") {
    Graph g;
    std::string cjk;
    for (int i = 0; i < 30; ++i) cjk += "日本語";  // 90 characters, 270 bytes, no space
    g.add_claim({.id = "a", .text = cjk});
    RenderOptions o;
    o.format = "dot";
    const std::string dot = render(g, o);
    CHECK(dot.find("\xEF\xBF\xBD") == std::string::npos);  // no replacement character for a split one
    // Fourteen wide characters (28 columns) to a line, all 90 shown in 7 lines.
    std::string line;
    for (int i = 0; i < 14; ++i) line += std::string("日本語").substr(static_cast<std::size_t>(i % 3) * 3, 3);
    CHECK(dot.find("label=\"" + line + "\\n") != std::string::npos);
    CHECK(dot.find("\\n日本語日本語\"") != std::string::npos);
    CHECK(dot.find("…") == std::string::npos);
}
