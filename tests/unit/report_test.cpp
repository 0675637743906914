// The stress-test report's wording and layout on hand-made graphs: what the
// prose says must match the numbers (hinge searches cut off, rounding next
// to the threshold, shares of samples), scenarios must share the report's
// graph, and wide or degenerate sections must stay readable.
#include <doctest/doctest.h>

#include <memory>
#include <string>
#include <vector>

#include "agon/error.hpp"
#include "agon/report.hpp"
#include "error_of.hpp"
#include "report/charts.hpp"
#include "report/document.hpp"
#include "report/markup.hpp"
#include "report/page_fit.hpp"
#include "report/sections.hpp"

using namespace agon;
using report_detail::Block;

namespace {

Claim claim(const char* id, double base = 0.5, std::vector<std::string> tags = {}, const char* text = "") {
    return {.id = id, .text = text, .base = base, .tags = std::move(tags)};
}

Graph one_claim(double base) {
    Graph g;
    g.add_claim(claim("t", base, {}, "Borderline"));
    return g;
}

// Target t with `n` supporters s0..s(n-1) of base 1: no single removal moves
// it below 0.5 under dfquad.
Graph supported(int n) {
    Graph g;
    g.add_claim(claim("t", 0.5));
    for (int i = 0; i < n; ++i) {
        const std::string id = "s" + std::to_string(i);
        g.add_claim({.id = id, .text = "Supporter " + std::to_string(i), .base = 1.0});
        g.add_edge({.id = "e" + std::to_string(i), .kind = EdgeKind::support, .from = id, .to = "t"});
    }
    return g;
}

ReportOptions options(std::string target = "t") {
    ReportOptions o;
    o.target = std::move(target);
    o.maps = false;
    o.samples = 200;
    o.threads = 1;
    return o;
}

bool contains(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

std::string all_text(const std::vector<Block>& blocks) {
    std::string out;
    for (const Block& b : blocks) {
        out += b.text + "\n";
        for (const auto& i : b.items) out += i + "\n";
        for (const auto& h : b.header) out += h + "\n";
        for (const auto& row : b.rows)
            for (const auto& c : row) out += c.text + "\n";
    }
    return out;
}

}  // namespace

TEST_CASE("report: a hinge search cut off says how far it got, not the largest size asked for") {
    ReportOptions o = options();
    o.hinge_max_size = 3;
    o.hinge_max_evaluations = 6;  // the 4 single claims and 2 of the pairs
    const Report r = build_report(supported(4), o);
    REQUIRE_FALSE(r.hinge_exact);
    REQUIRE(r.hinge_sets.empty());
    CHECK(r.hinge_at_least == 2);
    const std::string all = all_text(report_detail::document(r));
    CHECK_FALSE(contains(all, "up to 3"));
    CHECK(contains(r.summary[2], "No set of fewer than 2 claims would take it below 0.50"));
    CHECK(contains(r.summary[2], "stopped early"));
    CHECK(contains(all, "No set of fewer than 2 claims would change the conclusion"));

    o.hinge_max_evaluations = 2;  // not even every single claim
    CHECK(contains(build_report(supported(4), o).summary[2], "is not known"));
    o.hinge_max_evaluations = 3000;
    o.hinge_max_size = 1;  // searched to the end of size 1
    CHECK(contains(build_report(supported(4), o).summary[2], "No single claim would take it below 0.50"));
}

TEST_CASE("report: the share of samples reaching the threshold is counted in double precision") {
    ReportOptions o = options();
    o.uncertainty = Uncertainty{.default_spread = 0};
    // A float keeps 0.49999999 as 0.5: every sample "reached" 0.5.
    Report r = build_report(one_claim(0.49999999), o);
    REQUIRE(r.robustness->p_accepted);
    CHECK(*r.robustness->p_accepted == 0.0);
    // Threshold 1: there is no 21st bin to read.
    o.threshold = 1;
    r = build_report(one_claim(1.0), o);
    REQUIRE(r.robustness->p_accepted);
    CHECK(*r.robustness->p_accepted == 1.0);
    // A threshold between bin edges.
    o.threshold = 0.33;
    o.uncertainty->default_spread = 0.5;
    r = build_report(one_claim(0.5), o);
    REQUIRE(r.robustness->p_accepted);
    CHECK(*r.robustness->p_accepted > 0.5);
    CHECK(*r.robustness->p_accepted < 1.0);
}

TEST_CASE("report: rounding never puts a value on the wrong side of the threshold") {
    using report_detail::number_against;
    using report_detail::threshold_text;
    CHECK(threshold_text(0.5) == "0.50");
    CHECK(threshold_text(0.505) == "0.505");
    CHECK(number_against(0.49999999, 0.5) == "0.49999999");
    CHECK(number_against(0.499, 0.5) == "0.499");
    CHECK(number_against(0.4, 0.5) == "0.40");
    CHECK(number_against(0.5, 0.5) == "0.50");
    CHECK(number_against(0.5049, 0.505) == "0.50");
    CHECK(number_against(0.5051, 0.505) == "0.51");
    CHECK(report_detail::percent(0.9996) == ">99%");
    CHECK(report_detail::percent(0.0004) == "<1%");
    CHECK(report_detail::percent(1.0) == "100%");

    ReportOptions o = options();
    o.uncertainty = Uncertainty{.default_spread = 0};
    const Report r = build_report(one_claim(0.499), o);
    CHECK(contains(r.summary[0], "its strength is 0.499, below the threshold of 0.50"));
    CHECK(contains(r.summary[3], "averages 0.499 (90% between 0.499 and 0.499) and reaches the threshold in 0%"));
    const std::string all = all_text(report_detail::document(r));
    CHECK_FALSE(contains(all, "0.50 (below"));
}

TEST_CASE("report: a scenario built on another graph is refused, naming it") {
    const Graph g = supported(2);
    ReportOptions o = options();
    Graph other = g;
    other.add_claim(claim("extra"));
    o.scenarios.push_back({Scenario(std::make_shared<const Graph>(other), "elsewhere"), ""});
    const std::string message = test::error_message([&] { build_report(g, o); });
    CHECK(contains(message, "scenario 'elsewhere'"));
    CHECK(contains(message, "another graph"));
    // A copy with the same content is the same graph (a script loads the file itself).
    o.scenarios = {{Scenario(std::make_shared<const Graph>(g), "copy"), ""}};
    CHECK(build_report(g, o).scenarios->size() == 1);
}

TEST_CASE("report: ACH tags, scenario names and tornado inputs read as text") {
    Graph g = supported(2);
    SUBCASE("hypotheses without evidence") {
        g.add_claim(claim("h1", 0.5, {"hypothesis"}));
        const Report r = build_report(g, options());
        CHECK(contains(r.notes.at("hypotheses"), "no claim is tagged 'evidence'"));
    }
    SUBCASE("a claim tagged both ways") {
        g.add_claim(claim("both", 0.5, {"hypothesis", "evidence"}));
        const std::string message = test::error_message([&] { build_report(g, options()); });
        CHECK(contains(message, "'both' is tagged both"));
    }
    SUBCASE("a claim a scenario adds is named by its text") {
        auto base = std::make_shared<const Graph>(g);
        Scenario s(base, "counter");
        s.add_claim({.id = "new", .text = "A brand new objection", .base = 1.0});
        s.add_edge({.id = "x", .kind = EdgeKind::attack, .from = "new", .to = "s0"});
        ReportOptions o = options();
        o.scenarios.push_back({s, ""});
        const std::string all = all_text(report_detail::document(build_report(g, o)));
        CHECK(contains(all, "A brand new objection (added)"));
    }
    SUBCASE("an edge weight is named by its claims") {
        ReportOptions o = options();
        o.uncertainty = Uncertainty{.weight_range = {{"e0", {0.0, 1.0}}}, .default_spread = 0};
        const Report r = build_report(supported(1), o);
        const std::string all = all_text(report_detail::document(r));
        CHECK(contains(all, "weight of Supporter 0 \u2192 t"));
        CHECK_FALSE(contains(all, "weight of edge"));
    }
}

TEST_CASE("report: a tornado where nothing moves is a sentence, not an empty chart") {
    Graph g = supported(3);
    g.add_claim(claim("a", 0.5));
    g.add_edge({.id = "att", .kind = EdgeKind::attack, .from = "a", .to = "t"});
    ReportOptions o = options();
    o.request = Request{"grounded", {}};
    o.uncertainty = Uncertainty{.default_spread = 0.2};
    const Report r = build_report(g, o);
    REQUIRE(!r.tornado->empty());
    const std::vector<Block> blocks = report_detail::document(r);
    const std::string all = all_text(blocks);
    CHECK(contains(all, "base scores and edge weights do not move it"));
    CHECK_FALSE(contains(all, "Tornado chart"));
    CHECK_FALSE(contains(all, "more inputs with smaller swings"));
}

TEST_CASE("report: chart axis titles stay on the canvas") {
    Report r;
    r.gradual = false;
    r.status.value = 1;
    r.tornado = std::vector<ReportTornadoBar>{{"t", false, 0.5, 0.3, 0.7, 0, 1}};
    const std::string svg = report_detail::tornado_svg(r);
    const auto title = svg.find(">value (in = 1");
    REQUIRE(title != std::string::npos);
    const auto x_at = svg.rfind("<text x=\"", title) + 9;
    const double centre = std::stod(svg.substr(x_at));
    const double half = 0.5 * 6.6 * 70;  // the title has about 70 characters
    CHECK(centre - half >= 0);
    CHECK(centre + half <= 640);
}

TEST_CASE("report: the scenario chart's bars start at 0") {
    const Graph g = supported(2);
    ReportOptions o = options();
    o.scenarios.push_back({Scenario(std::make_shared<const Graph>(g), "same"), ""});
    const std::string svg = report_detail::scenarios_svg(build_report(g, o));
    CHECK(contains(svg, ">0.00</text>"));
}

TEST_CASE("report: many hypotheses are split into readable blocks") {
    Graph g;
    g.add_claim(claim("ev", 1.0, {"evidence"}));
    for (int i = 0; i < 15; ++i) {
        const std::string id = "h" + std::to_string(i);
        g.add_claim({.id = id, .text = "Hypothesis " + std::to_string(i), .tags = {"hypothesis"}});
        g.add_edge({.id = "e" + std::to_string(i), .kind = EdgeKind::support, .from = "ev", .to = id});
    }
    const Report r = build_report(g, options("h0"));
    int matrices = 0;
    for (const Block& b : report_detail::document(r))
        if (b.kind == Block::Kind::table && !b.header.empty() && b.header[0] == "Evidence") {
            ++matrices;
            CHECK(b.header.size() <= 5);
            CHECK(contains(b.text, "of 15"));
        }
    CHECK(matrices == 4);
    CHECK(contains(report_html(r), "overflow-wrap: anywhere"));
}

TEST_CASE("report: progress moves within a long section") {
    std::vector<double> influence;
    Control control;
    control.progress = [&](std::string_view stage, double fraction) {
        if (stage == "report: influence") influence.push_back(fraction);
    };
    build_report(supported(60), options(), control);
    CHECK(influence.size() > 10);
}

// The Mexico-US whole map as Graphviz lays it out: 958 x 1373 points, claims
// in 11-point text. Fitted to a portrait page like the other figures, its
// claims shrank to 5.4 pt in the PDF and 7.7 px in the HTML.
TEST_CASE("report: the whole map's claims are at least 8 pt in the PDF") {
    using namespace report_detail;
    const MapFit fit = fit_whole_map(958, 1373);
    CHECK(fit.landscape);
    CHECK(fit.scale * kMapFontPt >= kReadablePt);
    CHECK(strip_tops({}, 1373, landscape_strip_height() / fit.scale).size() <= kMaxMapPages);
    // A small map stays on the portrait page, as every other figure.
    const MapFit small = fit_whole_map(300, 200);
    CHECK_FALSE(small.landscape);
    CHECK(small.scale == doctest::Approx(1.25));
    // A map too tall for kMaxMapPages pages at 8 pt is made smaller to fit them.
    const MapFit tall = fit_whole_map(958, 20000);
    CHECK(tall.landscape);
    CHECK(tall.scale * 20000 <= kMaxMapPages * landscape_strip_height() + 1e-9);
}

TEST_CASE("report: the whole map's strips are cut between boxes") {
    using report_detail::strip_tops;
    // The cut at 100 would go through the box [90, 130]: it moves above it.
    CHECK(strip_tops({{10, 40}, {90, 130}}, 250, 100) == std::vector<double>{0, 88, 188});
    // A box taller than half a strip is cut through rather than leave a sliver.
    CHECK(strip_tops({{20, 240}}, 250, 100) == std::vector<double>{0, 100, 200});
    CHECK(strip_tops({}, 80, 100) == std::vector<double>{0});
}

TEST_CASE("report: the HTML shows the whole map at full size in a scrolling frame") {
    Report r = build_report(supported(2), options());
    r.notes.erase("maps");
    r.map_svg = "<svg width=\"958pt\" height=\"1373pt\"></svg>";
    r.focus_svg = "<svg width=\"300pt\" height=\"200pt\"></svg>";
    const std::string html = report_html(r);
    CHECK(contains(html, "<div class=\"whole-map\"><svg width=\"958pt\""));
    CHECK(contains(html, "div.whole-map { overflow: auto; max-height: 85vh;"));
    CHECK(contains(html, "div.whole-map svg { max-width: none; max-height: none; }"));
    // Other figures still fit the column and the screen.
    CHECK(contains(html, "<figure>\n<svg width=\"300pt\""));
}

TEST_CASE("report: the map's weight labels and the premises' base score are explained") {
    Report r = build_report(supported(2), options());
    r.notes.erase("maps");
    r.map_svg = "<svg></svg>";
    const std::string all = all_text(report_detail::document(r));
    CHECK(contains(all, "\u201cw 0.50\u201d on an arrow is its weight"));
    CHECK(contains(all, "Base is the premise's own score, from 0 to 1"));
}

TEST_CASE("labels are shortened by columns: a Chinese character takes two, a mark stays on its letter") {
    using report_detail::shorten;
    CHECK(shorten("short", 10) == "short");
    CHECK(shorten("one two three four", 12) == "one two\u2026");
    CHECK(shorten("美国的毒品需求是墨西哥暴力的根源", 10) == "美国的毒品\u2026");
    CHECK(shorten("cafe\u0301s", 4) == "cafe\u0301\u2026");
}
