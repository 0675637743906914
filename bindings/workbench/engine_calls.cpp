#include "engine_calls.hpp"

#include <algorithm>
#include <limits>
#include <memory>
#include <cctype>
#include <cstdlib>
#include <string_view>

#include "agon/error.hpp"
#include "agon/question.hpp"
#include "agon/render.hpp"
#include "agon/scenario.hpp"
#include "explain_text.hpp"

namespace agon::workbench {

cli::Input explanation_input(const Graph& graph) {
    cli::Input in;
    in.graph = graph;
    in.snapshot = std::make_shared<const Snapshot>(Snapshot::of(*in.graph));
    return in;
}

Json result_json(const Result& result) { return Json::parse(to_json(result)); }

Json diff_json(const Result& before, const Result& after) { return Json::parse(to_json(compare(before, after))); }

Json looks_json(const Result& result, const Result* before, const std::vector<std::string>* only) {
    Json out = Json::object();
    const auto looks = only ? claim_looks(result, before, *only) : claim_looks(result, before);
    // Ids are unique: appended without the ordered object's linear lookup
    // (out[id] made this O(n^2), milliseconds per click at 1,000 claims).
    auto& members = out.get_ref<Json::object_t&>();
    auto add = [&](const std::string& id, const ClaimLook& l) {
        Json j = {{"fill", l.fill}, {"font", l.font}, {"status", l.status}};
        if (!l.change.empty()) j["change"] = l.change, j["outline"] = l.outline;
        members.emplace_back(id, std::move(j));
    };
    if (!only) {
        for (const auto& [id, l] : looks) add(id, l);
        return out;
    }
    for (const std::string& id : *only)
        if (auto it = looks.find(id); it != looks.end()) add(id, it->second);
    return out;
}

Json explain_claim(const cli::Input& in, const Explainer& why, const std::string& claim, const Control& control) {
    const Explanation e = why.of(claim, control);
    return {{"text", cli::explanation_text(in, e, 8)}, {"involved", e.named(8)}, {"answer", Json::parse(to_json(e))}};
}

Json hinge_claim(const cli::Input& in, const Request& request, const std::string& claim, std::uint32_t max_size,
                 const Result& answer, const Control& control, std::uint64_t max_evaluations) {
    // A ranking has no threshold to cross: the panel says so and still explains.
    if (ranks_only(request.semantics))
        return {{"claim", claim}, {"semantics", request.semantics}, {"sets", Json::array()},
                {"text", request.semantics + " only ranks claims (1 = strongest), so nothing can flip a status: "
                                             "hinge sets need labels or strengths in [0,1]."}};
    HingeOptions options;
    options.max_size = max_size;
    options.max_evaluations = max_evaluations;
    const Hinge h = hinge(Subject(in.snapshot), request, claim, options, answer, control);
    Json out = Json::parse(to_json(h));
    out["text"] = cli::hinge_text(in, h, options);
    return out;
}

std::string draw_map(const Graph& graph, const MapStyle& style) {
    RenderOptions o;
    o.format = style.format;
    o.result = style.result;
    o.before = style.before;
    o.highlight = style.highlight;
    o.timeout = style.timeout;
    o.cancel = style.cancel;
    o.rankdir = "LR";
    if (style.positions) {
        o.positions = *style.positions;
        // Keep only positions of nodes still on the map, so neato places the rest.
        std::erase_if(o.positions, [&](const auto& p) {
            const std::string& n = p.first;
            if (graph.find_claim(n)) return false;
            return n.rfind("edge:", 0) != 0 || !graph.find_edge(n.substr(5));
        });
        // Laying out nothing ("nop") cannot run away: no child process needed.
        if (layout_engine(graph, o) == "nop") o.fork_above = std::numeric_limits<std::size_t>::max();
    }
    return render(graph, o);
}

std::string draw_legend(bool strengths) {
    // Stand-in answers: the legend only asks which kind of answer it explains the colours of.
    static const Result gradual = [] {
        Result r;
        r.strength = {0.5};
        return r;
    }();
    static const Result labels = [] {
        Result r;
        r.labels = {Label::in};
        return r;
    }();
    RenderOptions o;
    o.legend = true;
    o.result = strengths ? &gradual : &labels;
    return render(Graph{}, o);
}

namespace {

// XML text as Graphviz writes it (&#45; for '-', &amp; ...) back to plain text.
std::string unescape(std::string_view t) {
    std::string out;
    for (std::size_t i = 0; i < t.size(); ++i) {
        const std::size_t semi = t[i] == '&' ? t.find(';', i) : std::string_view::npos;
        if (semi == std::string_view::npos || semi - i > 8) {
            out += t[i];
            continue;
        }
        const std::string_view e = t.substr(i + 1, semi - i - 1);
        if (e == "amp") out += '&';
        else if (e == "lt") out += '<';
        else if (e == "gt") out += '>';
        else if (e == "quot") out += '"';
        else if (e == "apos") out += '\'';
        else if (e.size() > 1 && e[0] == '#') out += static_cast<char>(std::strtol(std::string(e.substr(1)).c_str(), nullptr, 10));
        else out.append(t.substr(i, semi - i + 1));
        i = semi;
    }
    return out;
}

// The bounding box of the numbers in attribute `attr` of `shape` (x, y pairs).
void extend_box(std::string_view shape, std::string_view attr, double box[4]) {
    const std::size_t a = shape.find(attr);
    if (a == std::string_view::npos) return;
    const std::size_t b = shape.find('"', a + attr.size());
    const std::string nums(shape.substr(a + attr.size(), b - a - attr.size()));
    bool is_x = true;
    for (const char* p = nums.c_str(); *p;) {
        if (!(std::isdigit(static_cast<unsigned char>(*p)) || *p == '-' || *p == '.')) {
            ++p;
            continue;
        }
        char* end = nullptr;
        const double v = std::strtod(p, &end);
        if (end == p) {
            ++p;
            continue;
        }
        p = end;
        const int k = is_x ? 0 : 1;
        box[k] = std::min(box[k], v);
        box[k + 2] = std::max(box[k + 2], v);
        is_x = !is_x;
    }
}

}  // namespace

Positions positions_in_svg(const std::string& svg) {
    Positions out;
    constexpr std::string_view marker = "class=\"node\">";
    for (std::size_t at = svg.find(marker); at != std::string::npos; at = svg.find(marker, at + 1)) {
        const std::size_t t0 = svg.find("<title>", at), t1 = svg.find("</title>", at);
        if (t0 == std::string::npos || t1 == std::string::npos) break;
        // The node's shape: from its title to its first text (or the group's end).
        const std::size_t end = std::min(svg.find("<text", t1), svg.find("</g>", t1));
        const std::string_view shape = std::string_view(svg).substr(t1, end == std::string::npos ? 0 : end - t1);
        double box[4] = {1e300, 1e300, -1e300, -1e300};
        extend_box(shape, "points=\"", box);
        extend_box(shape, " d=\"", box);
        if (box[0] > box[2]) {  // an ellipse: its centre
            const std::size_t cx = shape.find("cx=\""), cy = shape.find("cy=\"");
            if (cx == std::string_view::npos || cy == std::string_view::npos) continue;
            box[0] = box[2] = std::strtod(std::string(shape.substr(cx + 4, 20)).c_str(), nullptr);
            box[1] = box[3] = std::strtod(std::string(shape.substr(cy + 4, 20)).c_str(), nullptr);
        }
        // SVG y grows downwards; Graphviz's grows upwards.
        out[unescape(std::string_view(svg).substr(t0 + 7, t1 - t0 - 7))] = {(box[0] + box[2]) / 2, -(box[1] + box[3]) / 2};
    }
    return out;
}

}  // namespace agon::workbench
