// engine_calls.hpp - every engine question the workbench asks, in one file
// (with live_answers.hpp, the answers it keeps between clicks), so the server
// and the static export stay a thin translation layer. Results are keyed by
// claim id and written as JSON. (To become calls of agon/question.hpp.)
#pragma once

#include <cstdint>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

#include "agon/control.hpp"
#include "agon/graph.hpp"
#include "agon/question.hpp"
#include "agon/semantics.hpp"
#include "cli.hpp"

namespace agon::workbench {

using Json = nlohmann::ordered_json;
/// Node centres of a drawn map in points, keyed by DOT node name.
using Positions = std::map<std::string, std::pair<double, double>>;

/// The result as the engine writes it: {"semantics", "labels"|"strength", ...}.
Json result_json(const Result& result);

/// What moved between two results: [{"id", "before", "after"}], labels as
/// "in"/"out"/"undec", strengths as numbers, null when absent on a side.
Json diff_json(const Result& before, const Result& after);

/// How the map draws each claim `result` answers about (against `before` in a
/// diff view, may be null): {id: {"fill", "font", "status", "change"?,
/// "outline"?}}, for the page to recolour a drawn map in place. With
/// `only`, just those claims. O(n log n).
Json looks_json(const Result& result, const Result* before, const std::vector<std::string>* only = nullptr);

/// A graph as the explanation writers read it: a copy of it and its
/// snapshot. Built once per graph version (O(n + m)) and passed to every
/// explain_claim and hinge_claim about that version.
cli::Input explanation_input(const Graph& graph);

/// Why `claim` has its status: {"text": plain words, "involved": [ids],
/// "answer"}. `in` is the graph's explanation_input and `why` an
/// agon::Explainer of its snapshot under one request, given the graph's
/// answer: built once (the reading, and under grounded the labelling, are
/// O(n + m)) for every claim explained about that version and request.
/// Throws not_found for an unknown claim.
Json explain_claim(const cli::Input& in, const Explainer& why, const std::string& claim, const Control& control);

/// The smallest sets of claims (up to `max_size`) whose removal changes the
/// claim's status: {"text", "sets": [[ids]], "exact", "at_least"}, the
/// search stopped after `max_evaluations` evaluations. `in` and `answer` as
/// for explain_claim.
Json hinge_claim(const cli::Input& in, const Request& request, const std::string& claim, std::uint32_t max_size,
                 const Result& answer, const Control& control, std::uint64_t max_evaluations = 5000);

/// How a map is drawn: the evaluation to colour by, the one before a what-if
/// (changed claims outlined), claims to outline, and fixed node positions.
struct MapStyle {
    const Result* result = nullptr;
    const Result* before = nullptr;
    std::vector<std::string> highlight;
    const Positions* positions = nullptr;
    std::string format = "svg";
    double timeout = 30;  ///< seconds the layout may take; 0: no limit
    CancelToken cancel;   ///< stops the layout when cancelled
};

/// The map drawn by agon's renderer (SVG by default). With positions, nodes
/// that have one stay there and only new nodes are placed.
std::string draw_map(const Graph& graph, const MapStyle& style);

/// The legend of the visual language for labels or strengths, as SVG.
std::string draw_legend(bool strengths);

/// Node centres of an SVG map drawn by Graphviz (by node title). O(size).
Positions positions_in_svg(const std::string& svg);

}  // namespace agon::workbench
