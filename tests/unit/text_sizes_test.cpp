// The renderer's text layout plugin (render/graphviz_text.hpp): a line drawn
// again into SVG is not measured again and draws the same bytes; PNG, whose
// Cairo renderer needs Pango's own layout of each line, measures anew.
#include <doctest/doctest.h>

#include "agon/render.hpp"

#ifdef AGON_HAVE_GRAPHVIZ

#include "render/graphviz_text.hpp"

using namespace agon;

TEST_CASE("an svg map drawn again reuses the measured lines and is the same") {
    // Texts no other test draws, so the first drawing measures every line.
    Graph g;
    g.add_claim({.id = "first", .text = "Seventeen quiet owls measured here"});
    g.add_claim({.id = "second", .text = "Nine lanterns wait"});
    g.add_edge({.id = "e", .kind = EdgeKind::attack, .from = "first", .to = "second"});
    RenderOptions o;
    o.positions = {{"first", {0, 0}}, {"second", {300, 0}}};  // the workbench's pinned redraw
    const std::size_t before = detail::text_lines_measured();
    const std::string fresh = render(g, o);
    const std::size_t measured = detail::text_lines_measured() - before;
    CHECK(measured >= 3);  // two lines of the first claim, one of the second (and the title)

    const std::string again = render(g, o);
    CHECK(detail::text_lines_measured() - before == measured);
    CHECK(again == fresh);

    // A new claim: only its line is measured, the rest are remembered.
    g.add_claim({.id = "third", .text = "Copper kettles"});
    o.positions["third"] = {0, 200};
    render(g, o);
    CHECK(detail::text_lines_measured() - before == measured + 1);

    o.format = "png";
    const std::size_t before_png = detail::text_lines_measured();
    CHECK(render(g, o).rfind("\x89PNG", 0) == 0);
    CHECK(detail::text_lines_measured() - before_png >= 4);
}

#endif
