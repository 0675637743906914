// The map as DOT: the visual language of render.hpp, with texts escaped so
// that no claim can break the output.
#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <map>
#include <set>
#include <sstream>
#include <unordered_map>

#include "agon/error.hpp"
#include "agon/render.hpp"
#include "curve_cost.hpp"
#include "fan_in.hpp"
#include "rounded_boxes.hpp"
#include "util/line_wrap.hpp"

namespace agon {

namespace {

// Okabe-Ito based palette (colour-blind safe).
constexpr const char* kIn = "#9AD8C1";      // bluish green, light
constexpr const char* kOut = "#F4B28F";     // vermillion, light
constexpr const char* kUndec = "#F7EE8F";   // yellow, light
constexpr const char* kNone = "#FFFFFF";
constexpr const char* kSupport = "#0072B2";  // blue
constexpr const char* kAttack = "#D55E00";   // vermillion
constexpr const char* kUndercut = "#555555";
constexpr const char* kChanged = "#CC79A7";  // reddish purple

// A DOT string literal: quotes and backslashes escaped, control characters
// dropped, invalid UTF-8 bytes replaced. `\n` in `text` becomes a line break.
std::string quoted(const std::string& text) {
    std::string out = "\"";
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c == '"') out += "\\\"";
        else if (c == '\\') out += "\\\\";
        else if (c == '\n') out += "\\n";
        else if (c < 0x20 || c == 0x7F) out += ' ';
        else if (c < 0x80) out += static_cast<char>(c);
        else {
            // Copy a well-formed UTF-8 sequence, else a replacement character.
            const int len = (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
            bool ok = len > 0 && i + static_cast<std::size_t>(len) <= text.size();
            for (int k = 1; ok && k < len; ++k) ok = (static_cast<unsigned char>(text[i + static_cast<std::size_t>(k)]) & 0xC0) == 0x80;
            if (ok) {
                out.append(text, i, static_cast<std::size_t>(len));
                i += static_cast<std::size_t>(len) - 1;
            } else {
                out += "\xEF\xBF\xBD";
            }
        }
    }
    return out + "\"";
}

// A label or tooltip: Graphviz reads "&amp;" and "&#169;" in them as
// entities, so a claim's own "&" is written as one to be shown as typed.
std::string label_quoted(const std::string& text) {
    std::string escaped;
    for (const char c : text) {
        if (c == '&') escaped += "&amp;";
        else escaped += c;
    }
    return quoted(escaped);
}

// A claim's text in lines of about 28 columns, cut with an ellipsis after
// about nine lines.
std::string wrap(const std::string& text) {
    std::string out;
    for (const std::string& line : detail::wrap_lines(text, 28, 240)) out += (out.empty() ? "" : "\n") + line;
    return out;
}

std::string fixed(double x, int digits) {
    char buf[48];
    std::snprintf(buf, sizeof buf, "%.*f", digits, x);
    return buf;
}

std::string fixed2(double x) { return fixed(x, 2); }

// Shade of blue for a strength in [0,1] (light to dark).
std::string blue(double x) {
    x = std::clamp(x, 0.0, 1.0);
    auto mix = [&](int a, int b) { return static_cast<int>(std::lround(a + (b - a) * x)); };
    char buf[16];
    std::snprintf(buf, sizeof buf, "#%02X%02X%02X", mix(0xEF, 0x4A), mix(0xF5, 0x90), mix(0xFB, 0xC8));
    return buf;
}

// Hover text: the id and the tags.
std::string tooltip(const Claim& c) {
    std::string t = c.id;
    for (const auto& tag : c.tags) t += " #" + tag;
    return t;
}

struct Status {
    std::optional<Label> label;
    std::optional<double> strength;
    double shade = 0;  // how dark to fill: the strength, or for a rank (1 best) its inverse
};

Status status_in(const Result* r, const std::unordered_map<std::string, std::uint32_t>& at, const std::string& id) {
    Status s;
    if (!r) return s;
    auto it = at.find(id);
    if (it == at.end()) return s;
    if (it->second < r->labels.size()) s.label = r->labels[it->second];
    if (it->second < r->strength.size()) {
        s.strength = r->strength[it->second];
        s.shade = ranks_only(canonical_semantics(r->semantics)) ? 1.0 / std::max(1.0, *s.strength) : *s.strength;
    }
    return s;
}

std::string describe(const Status& s, int digits = 2) {
    if (s.label) return std::string(to_string(*s.label)) == "undec" ? "undecided" : std::string(to_string(*s.label));
    if (s.strength) return fixed(*s.strength, digits);
    return "absent";
}

// Whether a claim's status moved, by the rule of diff (scenario.hpp): a diff
// map outlines every claim the report's table or the workbench's strip lists
// (a move of 0.005 once went unmarked because both read 0.52 on the map).
// The tolerance is diff's default one.
constexpr double kMoved = 1e-9;
bool moved(const Status& was, const Status& now) {
    return was.label != now.label || was.strength.has_value() != now.strength.has_value() ||
           (was.strength && std::abs(*was.strength - *now.strength) > kMoved);
}

// "before → after", strengths with the fewest decimals (2 to 9) that tell
// them apart, so that a small move does not read "0.52 -> 0.52".
std::string change_text(const Status& was, const Status& now) {
    int digits = 2;
    if (was.strength && now.strength)
        while (digits < 9 && fixed(*was.strength, digits) == fixed(*now.strength, digits)) ++digits;
    return describe(was, digits) + " \u2192 " + describe(now, digits);
}

// How a claim is drawn when its status is `now` (and was `was` in a diff view).
ClaimLook look_of(const Status& now, const Status* was) {
    ClaimLook look{kNone, "black", "", "", ""};
    if (now.label) {
        look.fill = *now.label == Label::in ? kIn : *now.label == Label::out ? kOut : kUndec;
        look.status = "[" + describe(now) + "]";
    } else if (now.strength) {
        look.fill = blue(now.shade);
        if (now.shade > 0.6) look.font = "white";
        look.status = "[" + fixed2(*now.strength) + "]";
    }
    if (was && moved(*was, now)) {
        look.change = change_text(*was, now);
        look.outline = kChanged;
    }
    return look;
}

std::unordered_map<std::string, std::uint32_t> index_of(const Result* r) {
    std::unordered_map<std::string, std::uint32_t> at;
    if (r)
        for (std::uint32_t i = 0; i < r->ids.size(); ++i) at.emplace(r->ids[i], i);
    return at;
}

// Claims within `depth` undirected steps of `focus`.
std::set<std::string> neighbourhood(const Graph& g, const std::string& focus, int depth) {
    if (!g.find_claim(focus)) throw Error(ErrorKind::not_found, "no claim '" + focus + "' to focus on");
    std::unordered_map<std::string, std::vector<std::string>> adj;
    for (const Edge& e : g.edges()) {
        std::string to = e.to;
        if (e.kind == EdgeKind::undercut)
            for (const Edge* t = g.find_edge(to); t; t = t->kind == EdgeKind::undercut ? g.find_edge(t->to) : nullptr)
                to = t->to;
        adj[e.from].push_back(to);
        adj[to].push_back(e.from);
    }
    std::set<std::string> seen{focus};
    std::vector<std::string> frontier{focus};
    for (int d = 0; d < depth && !frontier.empty(); ++d) {
        std::vector<std::string> next;
        for (const auto& v : frontier)
            for (const auto& w : adj[v])
                if (seen.insert(w).second) next.push_back(w);
        frontier = std::move(next);
    }
    return seen;
}

void legend(std::ostringstream& os, const RenderOptions& o) {
    os << "  subgraph cluster_legend {\n    label=\"Legend\"; fontsize=10; color=\"#999999\"; style=rounded;\n";
    os << "    node [fontsize=9, width=0.3, height=0.25];\n";
    const bool gradual = o.result && !o.result->strength.empty();
    const char* colours = "";  // the boxes of the colours, left to right, in DOT
    if (gradual) {
        os << "    \"legend:weak\" [label=\"strength 0.10\", shape=box, style=filled, fillcolor=\"" << blue(0.1) << "\"];\n";
        os << "    \"legend:strong\" [label=\"strength 0.90\", shape=box, style=filled, fillcolor=\"" << blue(0.9)
           << "\", fontcolor=white];\n";
        colours = "\"legend:weak\" -> \"legend:strong\"";
    } else if (o.result) {  // without an evaluation the map has no colours to explain
        os << "    \"legend:in\" [label=\"stands (in)\", shape=box, style=filled, fillcolor=\"" << kIn << "\"];\n";
        os << "    \"legend:out\" [label=\"falls (out)\", shape=box, style=filled, fillcolor=\"" << kOut << "\"];\n";
        os << "    \"legend:undec\" [label=\"undecided\", shape=box, style=filled, fillcolor=\"" << kUndec << "\"];\n";
        colours = "\"legend:in\" -> \"legend:out\" -> \"legend:undec\"";
    }
    os << "    \"legend:statement\" [label=\"statement\", shape=box, style=rounded];\n";
    os << "    \"legend:argument\" [label=\"argument\", shape=ellipse];\n";
    os << "    node [shape=point, width=0.05, label=\"\"]; \"legend:a\"; \"legend:b\"; \"legend:c\"; \"legend:d\"; "
          "\"legend:e\"; \"legend:f\";\n";
    os << "    \"legend:a\" -> \"legend:b\" [label=\"supports\", fontsize=9, color=\"" << kSupport << "\", fontcolor=\"" << kSupport
       << "\"];\n";
    os << "    \"legend:c\" -> \"legend:d\" [label=\"attacks\", fontsize=9, color=\"" << kAttack << "\", fontcolor=\""
       << kAttack << "\", arrowhead=tee];\n";
    os << "    \"legend:e\" -> \"legend:f\" [label=\"undercuts\", fontsize=9, color=\"" << kUndercut << "\", fontcolor=\""
       << kUndercut << "\", style=dashed, arrowhead=tee];\n";
    // Top to bottom, three rows (colours, shapes, arrows drawn across) kept in order by invisible
    // edges: on one row the legend was four times as wide as high, unreadable once scaled into
    // a corner of the workbench. Left to right (or right to left) the arrows run across, and the
    // boxes go across in pairs: stacked in one column, the legend took 345 of the 1443 pt of the
    // Mexico–US report's map.
    if (o.rankdir == "TB") {
        os << "    edge [style=invis];\n";
        if (*colours) os << "    {rank=same; " << colours << ";} \"legend:" << (gradual ? "weak" : "in") << "\" -> \"legend:statement\";\n";
        os << "    {rank=same; \"legend:statement\" -> \"legend:argument\";} \"legend:statement\" -> \"legend:a\";\n"
              "    {rank=same; \"legend:a\"; \"legend:b\" -> \"legend:c\"; \"legend:d\" -> \"legend:e\"; \"legend:f\";}\n";
    } else if (o.rankdir == "LR" || o.rankdir == "RL") {
        os << "    edge [style=invis];\n";
        if (*colours) os << "    " << colours << ";\n";
        os << "    \"legend:statement\" -> \"legend:argument\";\n";
    }
    if (o.before) os << "    \"legend:changed\" [label=\"changed\\nbefore -> after\", shape=box, penwidth=3, color=\"" << kChanged << "\"];\n";
    os << "  }\n";
}

// ", pos=\"x,y!\"" when node `name` has a fixed position, else "".
std::string pinned_at(const RenderOptions& o, const std::string& name) {
    auto it = o.positions.find(name);
    if (it == o.positions.end()) return "";
    char buf[80];
    std::snprintf(buf, sizeof buf, ", pos=\"%.2f,%.2f!\"", it->second.first, it->second.second);
    return buf;
}

}  // namespace

std::string map_format(const std::string& path) {
    const auto dot = path.find_last_of('.');
    const auto slash = path.find_last_of('/');
    std::string ext = dot == std::string::npos || (slash != std::string::npos && dot < slash) ? "" : path.substr(dot + 1);
    for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (ext != "svg" && ext != "png" && ext != "pdf" && ext != "dot")
        throw Error(ErrorKind::usage, "a map file must end in .svg, .png, .pdf or .dot: '" + path + "'");
    return ext;
}

bool layout_forks(const Graph& graph, const RenderOptions& options) {
    const std::string engine = layout_engine(graph, options);  // sfdp and neato can run for minutes on 200 claims
    return graph.claims().size() + graph.edges().size() > options.fork_above || (engine != "dot" && engine != "nop");
}

namespace {

// True when every node of the map has a position in options.positions.
bool all_placed(const Graph& graph, const RenderOptions& options) {
    const auto& at = options.positions;
    for (const Claim& c : graph.claims())
        if (!at.count(c.id)) return false;
    for (const Edge& e : graph.edges())
        if (e.kind == EdgeKind::undercut && !at.count("edge:" + e.to)) return false;
    return true;
}

}  // namespace

std::string layout_engine(const Graph& graph, const RenderOptions& options) {
    if (!options.positions.empty()) return all_placed(graph, options) ? "nop" : "neato";
    std::string engine = options.layout;
    if (engine == "auto") {
        const std::size_t n = graph.claims().size(), m = graph.edges().size();
        engine = n <= 150 && m <= 3 * n + 10 ? "dot" : "sfdp";
    }
    if (engine != "dot" && engine != "sfdp" && engine != "neato")
        throw Error(ErrorKind::usage, "unknown layout '" + engine + "' (dot, sfdp, neato or auto)");
    return engine;
}

namespace {

// The looks of claims id(0) .. id(n - 1); with `answered_only`, of those
// `result` answers about.
template <class Id>
std::map<std::string, ClaimLook> looks_of(std::size_t n, Id id, const Result* result, const Result* before,
                                          bool answered_only = false) {
    const auto now_at = index_of(result), before_at = index_of(before);
    std::map<std::string, ClaimLook> out;
    for (std::size_t i = 0; i < n; ++i) {
        std::string claim = id(i);
        if (answered_only && !now_at.count(claim)) continue;
        const Status was = status_in(before, before_at, claim);
        const ClaimLook look = look_of(status_in(result, now_at, claim), before ? &was : nullptr);
        out.emplace(std::move(claim), look);
    }
    return out;
}

}  // namespace

std::map<std::string, ClaimLook> claim_looks(const Graph& graph, const Result* result, const Result* before) {
    return looks_of(graph.claims().size(), [&](std::size_t i) { return graph.claims()[i].id; }, result, before);
}

std::map<std::string, ClaimLook> claim_looks(const Result& result, const Result* before) {
    return looks_of(result.ids.size(), [&](std::size_t i) { return result.ids[static_cast<std::uint32_t>(i)]; }, &result,
                    before);
}

std::map<std::string, ClaimLook> claim_looks(const Result& result, const Result* before,
                                             const std::vector<std::string>& only) {
    return looks_of(only.size(), [&](std::size_t i) { return only[i]; }, &result, before, true);
}

std::string to_dot(const Graph& g, const RenderOptions& o) { return detail::to_dot(g, o, false); }

std::string detail::to_dot(const Graph& g, const RenderOptions& o, bool square_statements) {
    if (o.rankdir != "TB" && o.rankdir != "LR" && o.rankdir != "BT" && o.rankdir != "RL")
        throw Error(ErrorKind::usage, "rankdir must be TB, LR, BT or RL");
    std::optional<std::set<std::string>> keep;
    if (o.focus) keep = neighbourhood(g, *o.focus, std::max(0, o.depth));
    auto shown = [&](const std::string& id) { return !keep || keep->count(id) > 0; };
    const auto now_at = index_of(o.result), before_at = index_of(o.before);
    const std::set<std::string> highlight(o.highlight.begin(), o.highlight.end());

    // Edges routed around nodes: cheap in dot, which routes between its own
    // ranks. Elsewhere (sfdp, neato, pinned positions under nop) Graphviz
    // routes through a visibility graph of every node, whose cost grows with
    // the cube of the claims: 0.17 s for 30 pinned claims, 0.84 s for 60,
    // 7.9 s for 140 (`neato -n2`, 2-core machine), and the workbench redraws
    // pinned maps in-process, where no timeout can stop it. Curved edges take
    // a tenth of a second but may cross other claims.
    constexpr std::size_t routed_max_claims = 40;
    const std::string engine = layout_engine(g, o);
    const bool routed =
        engine == "dot" || ((engine == "nop" || engine == "neato") && g.claims().size() <= routed_max_claims);

    // An edge that is undercut is drawn through a small point node so the
    // undercut can aim at its middle.
    std::set<std::string> undercut_targets;
    for (const Edge& e : g.edges())
        if (e.kind == EdgeKind::undercut) undercut_targets.insert(e.to);
    // The point's name is the one a page or `positions` knows it by: a claim
    // of that name would merge with it into one node of the drawing.
    for (const std::string& t : undercut_targets)
        if (g.find_claim("edge:" + t))
            throw Error(ErrorKind::invalid_input, "claim 'edge:" + t + "' has the name of the point the map draws on edge '" +
                                                      t + "', which an undercut aims at; rename the claim to draw the map");
    auto endpoint_shown = [&](const Edge& e) {
        if (!shown(e.from)) return false;
        if (e.kind != EdgeKind::undercut) return shown(e.to);
        const Edge* t = g.find_edge(e.to);
        return t && shown(t->from) && (t->kind == EdgeKind::undercut || shown(t->to));
    };
    auto target_of = [](const Edge& e) { return e.kind == EdgeKind::undercut ? "edge:" + e.to : e.to; };
    // The drawn graph's arcs, in the order the edges below write them.
    std::vector<std::pair<std::string, std::string>> arcs;
    for (const Edge& e : g.edges()) {
        if (!endpoint_shown(e)) continue;
        if (!undercut_targets.count(e.id)) {
            arcs.emplace_back(e.from, target_of(e));
            continue;
        }
        arcs.emplace_back(e.from, "edge:" + e.id);
        arcs.emplace_back("edge:" + e.id, target_of(e));
    }
    // Curved edges where Graphviz's cycle search over the drawn graph stays
    // cheap, straight lines where it would run for minutes (curve_cost.hpp).
    const bool curved = !routed && detail::curves_affordable(arcs, detail::kCurveBudget);
    // Wide fan-ins over several ranks (fan_in.hpp); only dot has ranks.
    const std::vector<int> minlen =
        engine == "dot" ? detail::fan_in_minlen(arcs) : std::vector<int>(arcs.size(), 1);
    std::size_t arc = 0;  // the next of `arcs` to write
    auto min_length = [&] {
        const int n = minlen[arc++];
        return n == 1 ? std::string() : ", minlen=" + std::to_string(n);
    };
    std::ostringstream os;
    const std::string title = o.title.empty() ? g.title() : o.title;
    os << "digraph agon {\n";
    os << "  graph [label=" << label_quoted(title) << ", labelloc=t, fontsize=16, fontname=\"DejaVu Sans\", rankdir="
       << o.rankdir << ", charset=\"UTF-8\", mclimit=0.3, nslimit=2, nslimit1=2, outputorder=edgesfirst, "
       // Overlap removal would move (and rescale) pinned nodes too.
       << "overlap=" << (o.positions.empty() ? "prism" : "true") << ", "
       << "splines=" << (routed ? "true" : curved ? "curved" : "line") << (o.positions.empty() ? "" : ", notranslate=true")
       // neato reads positions in inches unless told they are points (nop always reads points).
       << (engine == "neato" ? ", inputscale=72" : "") << "];\n";
    os << "  node [fontname=\"DejaVu Sans\", fontsize=11, margin=\"0.12,0.06\"];\n";
    os << "  edge [fontname=\"DejaVu Sans\", fontsize=9];\n";

    // Claims, grouped by first tag when asked.
    std::map<std::string, std::vector<const Claim*>> groups;
    for (const Claim& c : g.claims())
        if (shown(c.id)) groups[o.cluster_by_tag && !c.tags.empty() ? c.tags.front() : std::string()].push_back(&c);
    // Keep the untagged group first and the rest in tag order (std::map).
    for (const auto& [tag, claims] : groups) {
        const bool cluster = !tag.empty();
        if (cluster) os << "  subgraph " << quoted("cluster_" + tag) << " {\n    label=" << label_quoted(tag) << "; style=rounded; color=\"#BBBBBB\";\n";
        for (const Claim* c : claims) {
            const Status now = status_in(o.result, now_at, c->id);
            const Status was = status_in(o.before, before_at, c->id);
            const ClaimLook look = look_of(now, o.before ? &was : nullptr);
            std::string label = wrap(c->text.empty() ? c->id : c->text);
            if (!look.status.empty()) label += "\n" + look.status;
            std::string extra;
            if (!look.change.empty()) {
                label += "\n" + look.change;
                extra = ", penwidth=3, color=\"" + look.outline + "\"";
            }
            if (highlight.count(c->id)) extra += ", penwidth=3";
            extra += pinned_at(o, c->id);
            os << (cluster ? "    " : "  ") << quoted(c->id) << " [label=" << label_quoted(label)
               << ", shape=" << (c->kind == ClaimKind::argument ? "ellipse" : "box")
               << ", style=\"filled" << (c->kind == ClaimKind::argument || square_statements ? "" : ",rounded")
               << "\", fillcolor=\"" << look.fill
               << "\", fontcolor=" << look.font << ", tooltip=" << label_quoted(tooltip(*c)) << extra << "];\n";
        }
        if (cluster) os << "  }\n";
    }

    // Edges (undercut_targets, endpoint_shown and target_of above).
    for (const Edge& e : g.edges()) {
        if (!endpoint_shown(e)) continue;
        const bool support = e.kind == EdgeKind::support, attack = e.kind == EdgeKind::attack;
        std::string style = support ? std::string("color=\"") + kSupport + "\", arrowhead=normal"
                            : attack ? std::string("color=\"") + kAttack + "\", arrowhead=tee"
                                     : std::string("color=\"") + kUndercut + "\", style=dashed, arrowhead=tee";
        // Thicker for heavier, 1 (Graphviz's own width) at weight 1; the label on one half only.
        std::string weight_label;
        if (e.weight != 1.0) {
            style += ", penwidth=" + fixed2(0.4 + 0.6 * std::min(e.weight, 2.0));
            weight_label = ", label=" + quoted("w " + fixed2(e.weight));
        }
        const std::string target = target_of(e);
        if (undercut_targets.count(e.id)) {
            const std::string mid = "edge:" + e.id;
            os << "  " << quoted(mid) << " [shape=point, width=0.08, label=\"\"" << pinned_at(o, mid) << "];\n";
            os << "  " << quoted(e.from) << " -> " << quoted(mid)
               << " [" << style << ", arrowhead=none" << min_length() << "];\n";
            os << "  " << quoted(mid) << " -> " << quoted(target) << " [" << style << weight_label << min_length() << "];\n";
        } else {
            os << "  " << quoted(e.from) << " -> " << quoted(target) << " [" << style << weight_label << min_length() << "];\n";
        }
    }
    if (o.legend && o.positions.empty()) legend(os, o);
    os << "}\n";
    return os.str();
}

}  // namespace agon
