// Wide fan-ins (render/fan_in.hpp): which edges are staggered, that a star of
// claims draws near square, and that maps without one are written as before.
#include <doctest/doctest.h>

#include <fstream>
#include <regex>
#include <sstream>

#include "agon/io.hpp"
#include "agon/render.hpp"
#include "agon/semantics.hpp"
#include "render/fan_in.hpp"

using namespace agon;

TEST_CASE("leaves fanning into one claim are staggered from six on, over the ranks before it") {
    std::vector<std::pair<std::string, std::string>> arcs;
    for (int i = 0; i < 5; ++i) arcs.emplace_back("leaf" + std::to_string(i), "t");
    CHECK(detail::fan_in_minlen(arcs) == std::vector<int>(5, 1));  // five still fit beside t
    arcs.emplace_back("leaf5", "t");
    arcs.emplace_back("x", "t");    // fed by y: not a leaf
    arcs.emplace_back("y", "x");    // x's only leaf
    arcs.emplace_back("two", "t");  // two arcs: not a leaf
    arcs.emplace_back("two", "x");
    // Two arcs at most into t (y, x, t): over two ranks.
    CHECK(detail::fan_in_minlen(arcs) == std::vector<int>{1, 2, 1, 2, 1, 2, 1, 1, 1, 1});
    arcs.emplace_back("z", "y");  // z, y, x, t, and a cycle that must not count
    arcs.emplace_back("y", "z");
    CHECK(detail::fan_in_minlen(arcs) == std::vector<int>{1, 2, 3, 1, 2, 3, 1, 1, 1, 1, 1, 1});
}

TEST_CASE("a map without a wide fan-in is written as before") {
    // The DOT written before fan-ins were staggered (agon render --semantics dfquad --legend):
    // five leaves into t, six claims fed in turn into h, an undercut.
    const std::string data = std::string(AGON_SOURCE_DIR) + "/tests/unit/data/no_wide_fan_in";
    const Graph g = load_graph(data + ".json");
    const Result r = evaluate(Snapshot::of(g), Request{"dfquad", {}});
    RenderOptions o;
    o.result = &r;
    o.legend = true;
    std::ifstream in(data + ".dot");
    std::stringstream before;
    before << in.rdbuf();
    CHECK(to_dot(g, o) == before.str());
}

#ifdef AGON_HAVE_GRAPHVIZ

namespace {

// Twenty claims attacking or supporting one.
Graph star() {
    Graph g;
    g.add_claim({.id = "t", .text = "The target of every other claim"});
    for (int i = 0; i < 20; ++i) {
        const std::string id = "c" + std::to_string(i);
        g.add_claim({.id = id, .text = "Claim number " + std::to_string(i) + " fans into the target"});
        g.add_edge({.id = "e" + id, .kind = i % 2 ? EdgeKind::attack : EdgeKind::support, .from = id, .to = "t"});
    }
    return g;
}

// Width over height of an SVG drawing.
double aspect(const std::string& svg) {
    std::smatch m;
    REQUIRE(std::regex_search(svg, m, std::regex("<svg width=\"([0-9.]+)pt\" height=\"([0-9.]+)pt\"")));
    return std::stod(m[1]) / std::stod(m[2]);
}

}  // namespace

TEST_CASE("a star of twenty claims draws near square") {
    RenderOptions o;
    o.format = "svg";
    o.rankdir = "LR";
    CHECK(aspect(render(star(), o)) > 0.5);  // about 0.36 in one column, 0.63 in two
    o.rankdir = "TB";
    CHECK(aspect(render(star(), o)) < 16);  // about 33 in one row, 11 in two
    o.positions = {{"t", {0, 0}}};           // neato places the rest: it has no ranks to stagger over
    CHECK(to_dot(star(), o).find("minlen") == std::string::npos);
}

#endif
