// Statements' rounded corners written by agon (render/rounded_boxes.hpp) are
// the bytes Graphviz writes for them: a pinned map drawn with square boxes and
// rounded afterwards equals the map Graphviz draws with style=rounded.
#include <doctest/doctest.h>

#include "agon/render.hpp"
#include "agon/semantics.hpp"

#ifdef AGON_HAVE_GRAPHVIZ

#include "render/rounded_boxes.hpp"

using namespace agon;

TEST_CASE("boxes rounded after drawing are the boxes Graphviz rounds") {
    Graph g;
    g.add_claim({.id = "long", .text = "A statement long enough to wrap over three lines of the map's boxes"});
    g.add_claim({.id = "s", .text = "x"});  // the smallest box: 54 by 36 points
    g.add_claim({.id = "arg", .text = "an argument", .kind = ClaimKind::argument});
    g.add_claim({.id = "odd-&<id>", .text = "Text with \"quotes\" & <tags>"});
    g.add_edge({.id = "e1", .kind = EdgeKind::attack, .from = "s", .to = "long"});
    g.add_edge({.id = "e2", .kind = EdgeKind::support, .from = "arg", .to = "long"});
    g.add_edge({.id = "u", .kind = EdgeKind::undercut, .from = "odd-&<id>", .to = "e1"});
    const Result now = evaluate(Snapshot::of(g), Request{"grounded", {}});
    Result before = now;
    before.labels[0] = Label::undec;  // a diff view: "long" outlined
    RenderOptions o;
    o.result = &now;
    o.before = &before;
    o.highlight = {"s"};
    o.positions = {{"long", {0, 0}}, {"s", {250.37, 120.5}}, {"arg", {-40.004, 200}}, {"odd-&<id>", {400, -90.125}},
                   {"edge:e1", {125, 60}}};
    const std::string engine = layout_engine(g, o);
    CHECK(engine == "nop");
    const std::string square = render_dot(detail::to_dot(g, o, true), "svg", engine);
    const std::string graphviz = render_dot(to_dot(g, o), "svg", engine);
    CHECK(square != graphviz);
    CHECK(detail::rounded_boxes(square) == graphviz);
    CHECK(render(g, o) == graphviz);  // what render() gives a pinned SVG map
}

TEST_CASE("only a node's own closed rectangle is rounded") {
    const std::string edge = "<g id=\"edge1\" class=\"edge\">\n<polygon fill=\"black\" points=\"1,1 0,0 1,1\"/>\n</g>\n";
    const std::string tilted = "<g id=\"node1\" class=\"node\">\n<title>t</title>\n<polygon fill=\"none\" "
                               "points=\"10,0 0,-1 0,20 10,20 10,0\"/>\n</g>\n";
    CHECK(detail::rounded_boxes(edge + tilted) == edge + tilted);
    const std::string box = "<g id=\"node2\" class=\"node\">\n<title>b</title>\n<polygon fill=\"none\" stroke=\"black\" "
                            "points=\"60,-40 0,-40 0,0 60,0 60,-40\"/>\n</g>\n";
    CHECK(detail::rounded_boxes(box) ==
          "<g id=\"node2\" class=\"node\">\n<title>b</title>\n<path fill=\"none\" stroke=\"black\" d=\"M48,-40C48,-40 "
          "12,-40 12,-40 6,-40 0,-34 0,-28 0,-28 0,-12 0,-12 0,-6 6,0 12,0 12,0 48,0 48,0 54,0 60,-6 60,-12 60,-12 60,-28 "
          "60,-28 60,-34 54,-40 48,-40\"/>\n</g>\n");
}

#endif
