// agon/render.hpp - argument maps: DOT text, and SVG/PNG/PDF through Graphviz.
//
// Visual language (drawn by --legend):
//  - statements are boxes, arguments (inference nodes) ellipses; long texts
//    wrap, very long ones are cut with an ellipsis;
//  - support: solid blue arrow; attack: vermillion arrow with a bar head;
//    undercut: dashed arrow into a dot in the middle of the edge it attacks;
//  - evaluation as fill colour (Okabe-Ito, colour-blind safe): in bluish
//    green, out vermillion, undecided yellow; strengths of gradual semantics
//    as shades of blue, the value printed in the node;
//  - a diff view outlines claims whose status changed and prints before -> after.
// Rendering is in-process (cgraph/gvc) for graphs up to `fork_above` claims
// laid out by dot, and in a child process, killed after `timeout` seconds,
// above that or under sfdp and neato (Graphviz cannot be cancelled). All Graphviz calls are serialised by one process-wide
// mutex and share one reused context, so rendering is thread-safe.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "agon/control.hpp"
#include "agon/graph.hpp"
#include "agon/semantics.hpp"

namespace agon {

struct RenderOptions {
    /// "svg", "png", "pdf" or "dot" (the DOT text itself).
    std::string format = "svg";
    /// "dot", "sfdp", "neato" or "auto" (dot up to 150 claims and sparse graphs, else sfdp).
    std::string layout = "auto";
    /// "TB" or "LR" (dot only).
    std::string rankdir = "TB";
    /// Show only the claims within `depth` steps of `focus` (edges in either direction).
    std::optional<std::string> focus;
    int depth = 2;
    /// Group claims by their first tag.
    bool cluster_by_tag = false;
    /// Draw the legend of the visual language.
    bool legend = false;
    /// Map title; the graph's title when empty.
    std::string title;
    /// Colour claims by this result (labels or strengths); may be null.
    const Result* result = nullptr;
    /// Diff view: the result before; changed claims are outlined. May be null.
    const Result* before = nullptr;
    /// Claims to outline (e.g. an explanation's claims).
    std::vector<std::string> highlight;
    /// Seconds a forked layout may take before it is killed (Error limit); 0: no limit.
    double timeout = 60;
    /// Cancelling it (say on Ctrl-C) kills a forked layout (Error cancelled).
    CancelToken cancel;
    /// Claims and edges together above which the layout runs in a child
    /// process, which `timeout` and `cancel` can stop (sfdp and neato always
    /// do): dot's time grows with the edges, 290 claims with 1,740 edges took
    /// three minutes.
    std::size_t fork_above = 300;
    /// Fixed centres in points, keyed by DOT node name (the claim id, or
    /// "edge:ID" for the middle point of an undercut edge), e.g. from an
    /// earlier render. When not empty, `layout` and `legend` are ignored: neato
    /// places the nodes without a position around the pinned ones, or, when
    /// every node has one, nothing moves and only edges are routed ("nop").
    std::map<std::string, std::pair<double, double>> positions;
};

/// How the map draws one claim under an evaluation (the visual language
/// above), so that a page can recolour a drawn map in place.
struct ClaimLook {
    std::string fill;     ///< fill colour, "#RRGGBB"
    std::string font;     ///< text colour, "black" or "white"
    std::string status;   ///< the line under the claim's text ("[in]", "[0.53]"); empty without a status
    std::string change;   ///< diff view: "before -> after" when the status changed, else empty
    std::string outline;  ///< diff view: the outline colour of a changed claim, else empty
};

/// The look of every claim of `graph` (by id) under `result` and, for a diff
/// view, against `before`; either may be null. The same looks to_dot draws. O(n).
std::map<std::string, ClaimLook> claim_looks(const Graph& graph, const Result* result, const Result* before);
/// The same for the claims `result` answers about (a what-if's, without
/// building its graph). O(n log n).
std::map<std::string, ClaimLook> claim_looks(const Result& result, const Result* before);
/// The same for the claims `only` names that `result` answers about (what a
/// what-if changed, say): O(n) to index the results, then O(k log k) for k
/// names, where the looks of every claim cost a colour formatted per claim.
std::map<std::string, ClaimLook> claim_looks(const Result& result, const Result* before,
                                             const std::vector<std::string>& only);

/// The map format named by the extension of `path` ("svg", "png", "pdf" or
/// "dot"). Throws usage for any other extension.
std::string map_format(const std::string& path);

/// The layout engine a render of `graph` uses: options.layout, or for "auto"
/// dot up to 150 claims with at most 3n + 10 edges, else sfdp; with
/// options.positions, "nop" or "neato" (see RenderOptions). Throws usage
/// for an unknown layout.
std::string layout_engine(const Graph& graph, const RenderOptions& options);
/// True when render() lays the map out in a child process, which
/// `timeout` and `cancel` can stop (see fork_above). O(1) after layout_engine.
bool layout_forks(const Graph& graph, const RenderOptions& options);

/// The map as DOT text (deterministic). Throws not_found for an unknown focus
/// claim and usage for bad options. O(n + m).
std::string to_dot(const Graph& graph, const RenderOptions& options = {});

/// True when this build renders through Graphviz.
bool render_available() noexcept;

/// Lay out and render to bytes in options.format. Throws unsupported without
/// Graphviz, usage for an unknown format or layout, limit on timeout.
std::string render(const Graph& graph, const RenderOptions& options);

/// Lay out DOT text made elsewhere (a flow sheet, say) with `engine` and
/// render it to bytes in `format` ("svg", "png", "pdf"; "dot" returns the
/// text). Same locking as render(). Throws unsupported without Graphviz,
/// invalid_input when Graphviz cannot read the text, usage for a bad format.
std::string render_dot(const std::string& dot, const std::string& format, const std::string& engine = "dot");

/// render() and write the bytes atomically to `path`.
void render_to_file(const Graph& graph, const RenderOptions& options, const std::string& path);

}  // namespace agon
