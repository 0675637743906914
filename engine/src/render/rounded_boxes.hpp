// rounded_boxes.hpp - internal: the rounded corners of statements' boxes in an
// SVG map, written by agon rather than Graphviz. Graphviz draws a rounded box
// as a path of 26 points, each number printed through snprintf: with the
// arithmetic behind it, a seventh of the workbench's evaluate route after an
// edit of a 1,000-claim map (perf). A square box is 5 points; the path
// follows from them.
#pragma once

#include <string>

#include "agon/graph.hpp"
#include "agon/render.hpp"

namespace agon::detail {

/// to_dot, with statements drawn as square boxes when `square_statements`
/// (for rounded_boxes to round), else as to_dot draws them.
std::string to_dot(const Graph& graph, const RenderOptions& options, bool square_statements);

/// `svg` with every node's box (a closed axis-aligned rectangle `<polygon>`,
/// the first shape of its group) replaced by the `<path>` Graphviz 2.43 writes
/// for the same box with style=rounded: corners of radius min(12, side / 3)
/// points as cubic curves, the same attributes, numbers as Graphviz prints
/// them (two decimals, trailing zeros dropped). O(size of svg).
std::string rounded_boxes(const std::string& svg);

}  // namespace agon::detail
